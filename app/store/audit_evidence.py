"""Self-audit evidence files: bytes encrypted in the vault, metadata in the database.

An evidence file belongs to a checklist question; the saved audit's answer refers to it as
``vault:<id>`` (``evidence_ref``), so the audit payload (plaintext JSON) carries neither the
bytes nor the original file name, which is kept as vault ciphertext like a case document's.
Removing evidence moves it to the trash (``restore_evidence`` undoes it); ``purge_trash`` in
``cases`` deletes for good, and ``sweep_orphan_blobs`` keeps every blob a row refers to.
"""

from __future__ import annotations

import re
import secrets
import tempfile
from pathlib import Path

from pydantic import BaseModel

from app.store.atomic import write_atomic
from app.store.db import now, transaction
from app.store.documents import MAX_DOCUMENT_BYTES, sniff_media_type
from app.store.errors import NotFound, StoreError
from app.store.workspace import Workspace

REF_PREFIX = "vault:"
_ID = re.compile(r"^[0-9a-f]{32}$")
_QUESTION_ID = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")
_UNSAFE_NAME = re.compile(r'[\x00-\x1f<>:"/\\|?*]')


class EvidenceInfo(BaseModel):
    id: str
    question_id: str
    media_type: str
    size: int
    added: str
    in_trash: bool = False

    @property
    def ref(self) -> str:
        return evidence_ref(self.id)


def evidence_ref(evidence_id: str) -> str:
    """How an audit answer refers to the evidence (``AnswerEntry.evidence``)."""
    return REF_PREFIX + evidence_id


def parse_ref(ref: str) -> str | None:
    """The evidence id in ``ref``; None for anything else (e.g. a file path kept by an older
    version)."""
    if ref.startswith(REF_PREFIX) and _ID.match(ref[len(REF_PREFIX):]):
        return ref[len(REF_PREFIX):]
    return None


def _context(evidence_id: str) -> str:
    return f"audit_evidence:{evidence_id}"


def _filename_context(evidence_id: str) -> str:
    return f"audit_evidence:{evidence_id}:filename"


def _info(row: object) -> EvidenceInfo:
    r = dict(row)  # type: ignore[call-overload]
    return EvidenceInfo(id=r["id"], question_id=r["question_id"], media_type=r["media_type"],
                        size=r["size"], added=r["added"], in_trash=r["deleted_at"] is not None)


def add_evidence(ws: Workspace, question_id: str, data: bytes, filename: str, *,
                 evidence_id: str | None = None) -> EvidenceInfo:
    """Encrypt ``data`` into the vault as evidence for checklist question ``question_id``."""
    if not _QUESTION_ID.match(question_id):
        raise StoreError(f"not a checklist question id: {question_id!r}")
    if not data:
        raise StoreError(f"{filename}: the file is empty")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise StoreError(f"{filename}: the file is larger than {MAX_DOCUMENT_BYTES // 2**20} MiB")
    vault = ws.vault
    evidence_id = evidence_id or secrets.token_hex(16)
    # Blob first, row second: a crash in between leaves an unreferenced ciphertext file (swept
    # later), never a row without its bytes.
    blob_id = vault.put_blob(data, _context(evidence_id))
    try:
        with transaction(ws.conn) as c:
            c.execute(
                "INSERT INTO audit_evidence (id, question_id, media_type, size, filename_enc, "
                "blob_id, added) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (evidence_id, question_id, sniff_media_type(data), len(data),
                 vault.encrypt_text(filename, _filename_context(evidence_id)), blob_id, now()))
    except BaseException:
        vault.delete_blob(blob_id)
        raise
    return get_evidence(ws, evidence_id)


def add_evidence_file(ws: Workspace, question_id: str, path: Path) -> EvidenceInfo:
    """Read the file at ``path`` and keep it as evidence under its own name."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise StoreError(f"{path.name}: the file is larger than "
                             f"{MAX_DOCUMENT_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return add_evidence(ws, question_id, data, path.name)


def get_evidence(ws: Workspace, evidence_id: str) -> EvidenceInfo:
    row = ws.conn.execute("SELECT * FROM audit_evidence WHERE id = ?", (evidence_id,)).fetchone()
    if row is None:
        raise NotFound(f"no evidence {evidence_id}")
    return _info(row)


def list_evidence(ws: Workspace, *, question_id: str | None = None,
                  ids: list[str] | None = None,
                  include_trashed: bool = False) -> list[EvidenceInfo]:
    """Evidence, oldest first: of one question, or with the given ids (in that order)."""
    sql, args = "SELECT * FROM audit_evidence WHERE 1 = 1", []
    if not include_trashed:
        sql += " AND deleted_at IS NULL"
    if question_id is not None:
        sql, args = sql + " AND question_id = ?", [*args, question_id]
    found = [_info(r) for r in ws.conn.execute(sql + " ORDER BY added, rowid", args)]
    if ids is None:
        return found
    by_id = {e.id: e for e in found}
    return [by_id[i] for i in ids if i in by_id]


def evidence_name(ws: Workspace, evidence_id: str) -> str:
    """The original file name (needs the unlocked vault)."""
    row = ws.conn.execute("SELECT filename_enc FROM audit_evidence WHERE id = ?",
                          (evidence_id,)).fetchone()
    if row is None:
        raise NotFound(f"no evidence {evidence_id}")
    return ws.vault.decrypt_text(row["filename_enc"], _filename_context(evidence_id))


def read_evidence(ws: Workspace, evidence_id: str) -> tuple[EvidenceInfo, str, bytes]:
    """The evidence's metadata, original file name and bytes (needs the unlocked vault)."""
    row = ws.conn.execute("SELECT * FROM audit_evidence WHERE id = ?", (evidence_id,)).fetchone()
    if row is None:
        raise NotFound(f"no evidence {evidence_id}")
    vault = ws.vault
    name = vault.decrypt_text(row["filename_enc"], _filename_context(evidence_id))
    return _info(row), name, vault.get_blob(row["blob_id"], _context(evidence_id))


def safe_file_name(name: str, fallback: str) -> str:
    """``name`` without folders or characters a file system refuses; ``fallback`` if nothing
    is left."""
    base = _UNSAFE_NAME.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    return base[:200] or fallback


def open_evidence(ws: Workspace, evidence_id: str, folder: Path | None = None) -> Path:
    """Decrypt the evidence into a private temporary folder (outside the workspace) for a
    viewer; the caller deletes the folder when done. Returns the file's path."""
    _, name, data = read_evidence(ws, evidence_id)
    folder = folder or Path(tempfile.mkdtemp(prefix="wecom-appeal-evidence-"))  # mode 0700
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / safe_file_name(name, f"evidence-{evidence_id[:8]}")
    write_atomic(path, data)  # owner-only (0600)
    return path


def remove_evidence(ws: Workspace, evidence_id: str) -> None:
    """Move the evidence to the trash; ``restore_evidence`` undoes it."""
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE audit_evidence SET deleted_at = ? WHERE id = ? "
                        "AND deleted_at IS NULL", (now(), evidence_id))
        if cur.rowcount == 0:
            raise NotFound(f"no evidence {evidence_id} (or it is already in the trash)")


def restore_evidence(ws: Workspace, evidence_id: str) -> None:
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE audit_evidence SET deleted_at = NULL WHERE id = ? "
                        "AND deleted_at IS NOT NULL", (evidence_id,))
        if cur.rowcount == 0:
            raise NotFound(f"no evidence {evidence_id} in the trash")
