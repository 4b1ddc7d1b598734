"""The workspace database: SQLite in WAL mode, ``PRAGMA user_version`` and one migration per step.

Every public store function commits its own transaction (autosave; no Save button).
``synchronous=FULL`` makes each commit durable before it returns, so a kill -9 right after a
commit loses nothing (WAL with NORMAL may lose the last commits on power loss or OS crash).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.store.errors import StoreError


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Profile, members, violation ledger, cases with their timeline, audits."""
    statements = [
        # Names, identity numbers and phone numbers are vault ciphertext (*_enc); the *_masked
        # columns are what lists and forms show while the vault is locked.
        """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            company_name TEXT NOT NULL,
            credit_code TEXT NOT NULL,
            corp_id TEXT NOT NULL,
            legal_person_name_enc BLOB NOT NULL,
            legal_person_name_masked TEXT NOT NULL,
            legal_person_id_enc BLOB NOT NULL,
            legal_person_id_masked TEXT NOT NULL,
            updated TEXT NOT NULL)""",
        """CREATE TABLE administrators (
            id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            name_enc BLOB NOT NULL,
            name_masked TEXT NOT NULL,
            id_number_enc BLOB NOT NULL,
            id_number_masked TEXT NOT NULL,
            phone_enc BLOB,
            phone_masked TEXT)""",
        """CREATE TABLE members (
            userid TEXT PRIMARY KEY,
            name_enc BLOB,
            name_masked TEXT,
            created TEXT NOT NULL)""",
        """CREATE TABLE cases (
            id TEXT PRIMARY KEY,
            userid TEXT REFERENCES members(userid),
            created TEXT NOT NULL,
            restricted_on TEXT NOT NULL,
            status TEXT NOT NULL,
            report_json TEXT NOT NULL CHECK (json_valid(report_json)),
            notice_enc BLOB,
            diagnosis_json TEXT NOT NULL CHECK (json_valid(diagnosis_json)))""",
        """CREATE TABLE case_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            value TEXT)""",
        "CREATE INDEX case_events_case ON case_events(case_id, at)",
        """CREATE TABLE violations (
            id TEXT PRIMARY KEY,
            userid TEXT NOT NULL REFERENCES members(userid),
            case_id TEXT REFERENCES cases(id) ON DELETE CASCADE,
            occurred TEXT NOT NULL,
            rule TEXT,
            category TEXT,
            step INTEGER,
            duration TEXT,
            outcome TEXT,
            created TEXT NOT NULL)""",
        "CREATE INDEX violations_member ON violations(userid, occurred)",
        # Generic on purpose: the self-audit owns the payload's shape (no identity numbers in it).
        """CREATE TABLE audits (
            id TEXT PRIMARY KEY,
            created TEXT NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL CHECK (json_valid(payload)))""",
        "CREATE INDEX audits_kind ON audits(kind, created)",
    ]
    for sql in statements:
        conn.execute(sql)


def _v2_documents_and_trash(conn: sqlite3.Connection) -> None:
    """Case documents (bytes in the vault) and soft delete, so the GUI can undo."""
    statements = [
        "ALTER TABLE cases ADD COLUMN deleted_at TEXT",
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            filename_enc BLOB,
            blob_id TEXT NOT NULL UNIQUE,
            added TEXT NOT NULL,
            deleted_at TEXT)""",
        "CREATE INDEX documents_case ON documents(case_id)",
    ]
    for sql in statements:
        conn.execute(sql)


def _v3_profile_draft_and_audit_evidence(conn: sqlite3.Connection) -> None:
    """The half-filled profile form (one vault ciphertext of all its fields) and self-audit
    evidence files (bytes in the vault, the original file name as vault ciphertext)."""
    statements = [
        """CREATE TABLE profile_draft (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            fields_enc BLOB NOT NULL,
            updated TEXT NOT NULL)""",
        """CREATE TABLE audit_evidence (
            id TEXT PRIMARY KEY,
            question_id TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            filename_enc BLOB NOT NULL,
            blob_id TEXT NOT NULL UNIQUE,
            added TEXT NOT NULL,
            deleted_at TEXT)""",
        "CREATE INDEX audit_evidence_question ON audit_evidence(question_id)",
    ]
    for sql in statements:
        conn.execute(sql)


def _v4_enterprise_package_submissions(conn: sqlite3.Connection) -> None:
    """The ID cards' validity dates; when the legal person or the company last changed (what
    makes standing documents stale); the enterprise's standing documents; each case's package
    draft (one vault ciphertext), its builds, and its submissions with their outcomes."""
    statements = [
        "ALTER TABLE profile ADD COLUMN legal_person_id_valid_until TEXT",
        # Set when a save changes who the legal person is (name or ID number) / the company
        # (name or credit code); documents added before it are stale.
        "ALTER TABLE profile ADD COLUMN legal_person_since TEXT",
        "ALTER TABLE profile ADD COLUMN company_since TEXT",
        "ALTER TABLE administrators ADD COLUMN id_valid_until TEXT",
        """CREATE TABLE enterprise_documents (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            media_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            filename_enc BLOB,
            blob_id TEXT NOT NULL UNIQUE,
            valid_until TEXT,
            added TEXT NOT NULL,
            deleted_at TEXT)""",
        "CREATE INDEX enterprise_documents_kind ON enterprise_documents(kind, added)",
        """CREATE TABLE case_drafts (
            case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
            draft_enc BLOB NOT NULL,
            updated TEXT NOT NULL)""",
        """CREATE TABLE case_builds (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            built TEXT NOT NULL,
            pages INTEGER NOT NULL,
            size INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            lang TEXT NOT NULL)""",
        "CREATE INDEX case_builds_case ON case_builds(case_id, built)",
        """CREATE TABLE submissions (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
            submitted_on TEXT NOT NULL,
            channel TEXT NOT NULL,
            bundle_sha256 TEXT,
            reference TEXT,
            follow_up_on TEXT NOT NULL,
            outcome TEXT NOT NULL DEFAULT 'pending',
            outcome_on TEXT,
            reason TEXT,
            note_enc BLOB,
            created TEXT NOT NULL)""",
        "CREATE INDEX submissions_case ON submissions(case_id, submitted_on)",
        # Restrictions entered by hand ("earlier, before this app") often have no known date.
        "ALTER TABLE violations ADD COLUMN date_known INTEGER NOT NULL DEFAULT 1",
        # Which earlier-restriction count a member's case used, and why (cases.LadderCount).
        "ALTER TABLE cases ADD COLUMN ladder_json TEXT",
    ]
    for sql in statements:
        conn.execute(sql)


def _v5_rejection_fixes_done(conn: sqlite3.Connection) -> None:
    """Which items of a rejection's checklist the administrator ticked as fixed (a JSON list
    of their positions in the reason's checklist); NULL: none yet."""
    conn.execute("ALTER TABLE submissions ADD COLUMN fixes_done TEXT")


# Append only: a released step never changes; user_version N means steps 1..N have run.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _v1_initial,
    _v2_documents_and_trash,
    _v3_profile_draft_and_audit_evidence,
    _v4_enterprise_package_submissions,
    _v5_rejection_fixes_done,
]
SCHEMA_VERSION = len(MIGRATIONS)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it is committed (durably) or none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # also when COMMIT itself failed (disk full, I/O error)
            conn.execute("ROLLBACK")
        raise


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Run the missing steps up to ``target``, each in its own transaction with its version."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(f"this workspace was written by a newer version of the app (schema "
                         f"{current}, this version knows {SCHEMA_VERSION}); update the app")
    for version in range(current + 1, target + 1):
        with transaction(conn):
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
    return schema_version(conn)


def connect(path: Path, *, target: int = SCHEMA_VERSION) -> sqlite3.Connection:
    """Open (creating if need be) and upgrade the workspace database at ``path``."""
    if not path.exists():
        # Owner-only from the start; SQLite gives the -wal and -shm files the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"{path}: cannot open the workspace database: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        # Freed pages are zeroed, so purged records do not linger in the file.
        conn.execute("PRAGMA secure_delete = ON")
        migrate(conn, target)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not a usable workspace database: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return conn
