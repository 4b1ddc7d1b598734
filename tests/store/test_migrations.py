"""The database schema: pragmas, migrations, and an old workspace opening in this version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.store import cases, documents, ledger
from app.store.db import MIGRATIONS, SCHEMA_VERSION, connect, schema_version
from app.store.errors import StoreError
from app.store.paths import DB_NAME
from app.store.workspace import Workspace

from .conftest import FAST_SCRYPT_N
from .fakes import PASSPHRASE, fake_diagnosis, png_bytes

V1_REPORT = '{"account": "member", "scope": "interop", "duration": "temporary"}'


def _v1_workspace(root: Path) -> None:
    """A workspace as version 1 of the schema left it, with a case, a ledger entry, an audit."""
    root.mkdir(parents=True)
    conn = sqlite3.connect(root / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    MIGRATIONS[0](conn)
    conn.execute("PRAGMA user_version = 1")
    diagnosis = fake_diagnosis(cases.RestrictionReport.model_validate_json(V1_REPORT))
    conn.execute("INSERT INTO members (userid, created) "
                 "VALUES ('alice', '2025-01-02T03:04:05+00:00')")
    conn.execute(
        "INSERT INTO cases (id, userid, created, restricted_on, status, report_json, "
        "diagnosis_json) VALUES ('0123456789ab', 'alice', '2025-01-02T03:04:05+00:00', "
        "'2025-01-02', 'restricted', ?, ?)", (V1_REPORT, diagnosis.model_dump_json()))
    conn.execute("INSERT INTO case_events (case_id, at, kind, value) VALUES "
                 "('0123456789ab', '2025-01-02T03:04:05+00:00', 'status', 'restricted')")
    conn.execute(
        "INSERT INTO violations (id, userid, case_id, occurred, rule, category, step, duration, "
        "outcome, created) VALUES ('v1', 'alice', '0123456789ab', '2025-01-02', 'R1', "
        "'harassment', 1, 'temporary', 'open', '2025-01-02T03:04:05+00:00')")
    conn.execute("INSERT INTO audits (id, created, kind, payload) VALUES "
                 "('a1', '2025-01-02T03:04:05+00:00', 'checklist', '{\"score\": 80}')")
    conn.execute("COMMIT")
    conn.close()


def _old_profile(c: sqlite3.Connection, vault, profile) -> None:
    """The profile as schema versions 1 to 3 stored it (no expiry, no change stamps)."""
    lp, admin = profile.legal_person, profile.administrator
    c.execute(
        "INSERT INTO profile (id, company_name, credit_code, corp_id, legal_person_name_enc, "
        "legal_person_name_masked, legal_person_id_enc, legal_person_id_masked, updated) "
        "VALUES (1, ?, ?, ?, ?, 'x', ?, 'x', '2025-01-02T03:04:05+00:00')",
        (profile.company_name, profile.credit_code, profile.corp_id,
         vault.encrypt_text(lp.name, "profile:legal_person.name"),
         vault.encrypt_text(lp.id_number, "profile:legal_person.id_number")))
    c.execute(
        "INSERT INTO administrators (id, position, name_enc, name_masked, id_number_enc, "
        "id_number_masked, phone_enc, phone_masked) VALUES ('primary', 0, ?, 'x', ?, 'x', ?, "
        "'x')", (vault.encrypt_text(admin.name, "administrator:primary:name"),
                 vault.encrypt_text(admin.id_number, "administrator:primary:id_number"),
                 vault.encrypt_text(admin.phone, "administrator:primary:phone")))


def _old_case(c: sqlite3.Connection, case_id: str, userid: str = "alice") -> None:
    """A member's case and its ledger entry as schema versions 1 to 3 stored them."""
    diagnosis = fake_diagnosis(cases.RestrictionReport.model_validate_json(V1_REPORT))
    c.execute("INSERT OR IGNORE INTO members (userid, created) "
              "VALUES (?, '2025-01-02T03:04:05+00:00')", (userid,))
    c.execute(
        "INSERT INTO cases (id, userid, created, restricted_on, status, report_json, "
        "diagnosis_json) VALUES (?, ?, '2025-01-02T03:04:05+00:00', '2025-01-02', "
        "'restricted', ?, ?)", (case_id, userid, V1_REPORT, diagnosis.model_dump_json()))
    c.execute("INSERT INTO case_events (case_id, at, kind, value) VALUES "
              "(?, '2025-01-02T03:04:05+00:00', 'status', 'restricted')", (case_id,))
    c.execute(
        "INSERT INTO violations (id, userid, case_id, occurred, rule, category, step, duration, "
        "outcome, created) VALUES (?, ?, ?, '2025-01-02', 'R1', 'harassment', 1, 'temporary', "
        "'open', '2025-01-02T03:04:05+00:00')", (f"v-{case_id}", userid, case_id))


def test_new_workspace_has_current_schema_and_durable_pragmas(tmp_path: Path) -> None:
    conn = connect(tmp_path / DB_NAME)
    assert schema_version(conn) == SCHEMA_VERSION == len(MIGRATIONS)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn.close()


def test_v1_workspace_opens_and_is_upgraded(tmp_path: Path, keyring_store) -> None:
    root = tmp_path / "old"
    _v1_workspace(root)
    with Workspace.open(root, keyring_store=keyring_store) as ws:
        assert schema_version(ws.conn) == SCHEMA_VERSION
        [summary] = cases.list_cases(ws)
        assert (summary.id, summary.userid, summary.rule, summary.step) == (
            "0123456789ab", "alice", "R1", 1)
        assert ledger.prior_rule1_count(ws, "alice") == 1
        from app.store.audits import list_audits
        assert list_audits(ws)[0].payload == {"score": 80}
        # What version 2 added works on the upgraded data.
        ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
        documents.add_document(ws, "0123456789ab", "evidence", png_bytes())
        cases.trash_case(ws, "0123456789ab")
        assert cases.list_cases(ws) == []
        assert ledger.prior_rule1_count(ws, "alice") == 0
        nxt = cases.create_case(ws, cases.RestrictionReport.model_validate_json(V1_REPORT),
                                diagnoser=fake_diagnosis, userid="alice")
        assert nxt.step == 1
    # Opening again is a no-op.
    conn = connect(root / DB_NAME)
    assert schema_version(conn) == SCHEMA_VERSION
    conn.close()


def test_each_migration_step_is_its_own_transaction(tmp_path: Path) -> None:
    conn = connect(tmp_path / DB_NAME, target=1)
    assert schema_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "documents" not in tables
    conn.close()
    conn = connect(tmp_path / DB_NAME, target=2)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "documents" in tables and "profile_draft" not in tables
    conn.close()
    conn = connect(tmp_path / DB_NAME)
    assert schema_version(conn) == SCHEMA_VERSION
    conn.close()


def test_workspace_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    conn = connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version"):
        connect(tmp_path / DB_NAME)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable workspace database"):
        connect(tmp_path / DB_NAME)


def test_failed_transaction_leaves_the_connection_usable(ws) -> None:
    from app.store.db import transaction

    with pytest.raises(sqlite3.IntegrityError), transaction(ws.conn) as c:
        c.execute("INSERT INTO audits (id, created, kind, payload) VALUES ('a', 'x', 'k', '{}')")
        c.execute("INSERT INTO audits (id, created, kind, payload) VALUES ('a', 'x', 'k', '{}')")
    assert not ws.conn.in_transaction
    assert ws.conn.execute("SELECT count(*) FROM audits").fetchone()[0] == 0
    with transaction(ws.conn) as c:
        c.execute("INSERT INTO audits (id, created, kind, payload) VALUES ('a', 'x', 'k', '{}')")
    assert ws.conn.execute("SELECT count(*) FROM audits").fetchone()[0] == 1


def test_v2_workspace_opens_and_gains_drafts_and_audit_evidence(tmp_path: Path,
                                                                 keyring_store) -> None:
    """A workspace as version 2 left it (profile, case with a document, audit) opens in this
    version, keeps its data, and what version 3 added works on it."""
    from app.store import audit_evidence, audits
    from app.store import profile as profile_store
    from app.store.db import transaction

    from .fakes import profile_dict

    root = tmp_path / "v2"
    root.mkdir()
    ws = Workspace(root, connect(root / DB_NAME, target=2), keyring_store)
    ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
    assert schema_version(ws.conn) == 2
    with transaction(ws.conn) as c:  # as version 2 wrote them
        _old_profile(c, ws.vault, profile_store.Profile.model_validate(profile_dict()))
        _old_case(c, "0123456789ab")
    doc = documents.add_document(ws, "0123456789ab", "evidence", png_bytes(), "shot.png")
    old_audit = audits.add_audit(ws, "self_audit", {"answers": {}})
    ws.close()

    with Workspace.open(root, keyring_store=keyring_store) as ws:
        assert schema_version(ws.conn) == SCHEMA_VERSION
        ws.unlock(PASSPHRASE)
        assert profile_store.load_profile(ws) == profile_store.Profile.model_validate(
            profile_dict())
        assert documents.read_document(ws, doc.id)[1:] == ("shot.png", png_bytes())
        assert profile_store.current_draft(ws) is None
        profile_store.save_profile_draft(ws, {"corp_id": "ww01"})
        draft = profile_store.current_draft(ws)
        assert draft is not None and draft.fields == {"corp_id": "ww01"}
        info = audit_evidence.add_evidence(ws, "no_plugins", b"%PDF-1.4", "policy.pdf")
        audits.update_audit(ws, old_audit.id, {"answers": {"no_plugins": info.ref}})
        assert cases.sweep_orphan_blobs(ws, min_age_seconds=0) == 0
        assert audit_evidence.read_evidence(ws, info.id)[2] == b"%PDF-1.4"


def test_v3_workspace_opens_and_gains_expiry_enterprise_documents_drafts_submissions(
        tmp_path: Path, keyring_store) -> None:
    """A workspace as version 3 left it opens in version 4: the profile reads with no ID
    expiry, the old case and its ledger entry count, and what version 4 added works on them:
    the expiry is saved and checked, standing documents, package drafts, builds, submissions."""
    import datetime as dt

    from app.store import drafts, enterprise, submissions
    from app.store import profile as profile_store
    from app.store.db import transaction

    from .fakes import profile_dict

    root = tmp_path / "v3"
    root.mkdir()
    ws = Workspace(root, connect(root / DB_NAME, target=3), keyring_store)
    ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
    with transaction(ws.conn) as c:
        _old_profile(c, ws.vault, profile_store.Profile.model_validate(profile_dict()))
        _old_case(c, "0123456789ab")
    ws.close()

    with Workspace.open(root, keyring_store=keyring_store) as ws:
        assert schema_version(ws.conn) == SCHEMA_VERSION
        ws.unlock(PASSPHRASE)
        old = profile_store.load_profile(ws)
        assert old is not None and old.legal_person.id_valid_until is None
        assert profile_store.profile_problems(ws) == []
        [entry] = ledger.member_ledger(ws, "alice")
        assert entry.date_known and not entry.entered_by_hand
        assert ledger.ledger_count(ws, "alice").total == 1
        assert cases.get_case(ws, "0123456789ab").ladder is None
        # The expiry is kept now, and the check fires for the saved profile.
        data = profile_dict()
        data["legal_person"]["id_valid_until"] = "2020-01-01"
        profile_store.save_profile(ws, profile_store.Profile.model_validate(data))
        assert profile_store.profile_view(ws).legal_person.id_valid_until == dt.date(2020, 1, 1)
        problems = profile_store.profile_problems(ws)
        assert [p.field for p in problems if p.severity == "error"] == [
            "legal_person.id_valid_until"]
        # Standing documents, the package draft, builds and submissions on the old case.
        picture = tmp_path / "licence.png"
        picture.write_bytes(png_bytes())
        doc, _ = enterprise.add_enterprise_document(ws, "business_license", picture)
        assert enterprise.current_enterprise_documents(ws)["business_license"].id == doc.id
        draft = drafts.load_draft(ws, "0123456789ab")
        drafts.save_draft(ws, "0123456789ab", draft.model_copy(update={"dpi": 150}))
        assert drafts.load_draft(ws, "0123456789ab").dpi == 150
        pdf = tmp_path / "a.pdf"
        pdf.write_bytes(b"%PDF-1.4 test")
        build = drafts.record_build(ws, "0123456789ab", pdf, pages=3, lang="zh_CN")
        sub = submissions.record_submission(ws, "0123456789ab", channel="customer_service",
                                            submitted_on=dt.date(2025, 3, 3))
        assert sub.bundle_sha256 == build.sha256
        assert sub.follow_up_on == dt.date(2025, 3, 12)  # 7 working days


def test_v4_workspace_opens_and_keeps_the_ticks_of_a_rejection_checklist(
        tmp_path: Path, keyring_store) -> None:
    """A workspace as version 4 left it (a rejected submission, no ticks column) opens in
    version 5: the old submission reads with nothing ticked, and ticks are kept from then on."""
    import datetime as dt

    from app.store import submissions
    from app.store.db import transaction

    root = tmp_path / "v4"
    root.mkdir()
    ws = Workspace(root, connect(root / DB_NAME, target=4), keyring_store)
    ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
    with transaction(ws.conn) as c:
        _old_case(c, "0123456789ab")
        c.execute("INSERT INTO submissions (id, case_id, submitted_on, channel, follow_up_on, "
                  "outcome, outcome_on, reason, created) VALUES ('s1', '0123456789ab', "
                  "'2025-03-03', 'admin_console', '2025-03-12', 'rejected', '2025-03-05', "
                  "'unclear_images', '2025-03-03T00:00:00+00:00')")
    ws.close()

    with Workspace.open(root, keyring_store=keyring_store) as ws:
        assert schema_version(ws.conn) == SCHEMA_VERSION == 5
        (old,) = submissions.list_submissions(ws, "0123456789ab")
        assert old.fixes_done == [] and old.outcome == "rejected"
        size = len(submissions.rejection_checklist("unclear_images"))
        due = submissions.what_is_due(ws, dt.date(2025, 3, 6))
        assert any(f"{size} thing(s)" in d.message.en for d in due)
        submissions.set_fixes_done(ws, "s1", [0])
        assert submissions.get_submission(ws, "s1").fixes_done == [0]
        with pytest.raises(StoreError):
            submissions.set_fixes_done(ws, "s1", [size])
    with Workspace.open(root, keyring_store=keyring_store) as ws:
        assert submissions.get_submission(ws, "s1").fixes_done == [0], "kept across a restart"
        due = submissions.what_is_due(ws, dt.date(2025, 3, 6))
        assert any(f"{size - 1} thing(s)" in d.message.en for d in due)
