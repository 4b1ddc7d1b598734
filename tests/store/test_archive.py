"""Encrypted export and import: round trips, and refusal of tampered, foreign and unsafe
archives without writing anything."""

from __future__ import annotations

import datetime as dt
import io
import stat
import zipfile
from pathlib import Path

import pytest
from progress_messages import assert_progress_messages

from app.jobs import ProgressText
from app.rules.contract import RestrictionReport
from app.store import archive, audits, cases, documents, ledger
from app.store.errors import ArchiveError
from app.store.profile import Profile, load_profile, save_profile
from app.store.transfer import export_archive, import_archive
from app.store.workspace import Workspace

from .conftest import FAST_SCRYPT_N
from .fakes import ID_NUMBER, LEGAL_NAME, fake_diagnosis, png_bytes, profile_dict

ARCHIVE_PASS = "archive passphrase 1"
REPORT = RestrictionReport(account="member", scope="interop", duration="temporary",
                           notice_text=f"成员 {LEGAL_NAME} 因骚扰被限制")


def _fill(ws: Workspace) -> tuple[str, str]:
    save_profile(ws, Profile.model_validate(profile_dict()))
    ledger.set_member_name(ws, "alice", LEGAL_NAME)
    ledger.add_past_violation(ws, "alice", dt.date(2024, 5, 1), rule="R1")
    case = cases.create_case(ws, REPORT, diagnoser=fake_diagnosis, userid="alice")
    cases.set_status(ws, case.id, "unblock_requested")
    doc = documents.add_document(ws, case.id, "legal_person_id_front", png_bytes(), "身份证.png")
    audits.add_audit(ws, "checklist", {"score": 90})
    return case.id, doc.id


def _target(tmp_path: Path, keyring_store, name: str = "target") -> Workspace:
    target = Workspace.open(tmp_path / name, keyring_store=keyring_store)
    target.create_vault("the other machine's passphrase", scrypt_n=FAST_SCRYPT_N)
    return target


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and "sqlite3" not in p.name}


def _rows(ws: Workspace) -> dict[str, int]:
    return {t: ws.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("profile", "members", "cases", "case_events", "violations", "documents",
                      "audits")}


def test_workspace_round_trip(ws: Workspace, tmp_path: Path, keyring_store) -> None:
    case_id, doc_id = _fill(ws)
    out = tmp_path / "backup.wecomappeal"
    manifest = export_archive(ws, out, ARCHIVE_PASS, scrypt_n=FAST_SCRYPT_N)
    assert manifest.kind == "workspace" and manifest.cases == [case_id]
    data = out.read_bytes()
    for secret in (ID_NUMBER.encode(), LEGAL_NAME.encode(), png_bytes()[40:104]):
        assert secret not in data

    with _target(tmp_path, keyring_store) as target:
        summary = import_archive(target, out, ARCHIVE_PASS)
        assert summary.cases_added == [case_id] and summary.documents_added == 1
        assert summary.violations_added == 2 and summary.audits_added == 1
        assert summary.profile == "imported"
        assert load_profile(target) == load_profile(ws)
        detail = cases.get_case(target, case_id)
        original = cases.get_case(ws, case_id)
        assert detail.model_dump(exclude={"documents"}) == original.model_dump(
            exclude={"documents"})
        assert detail.report.notice_text == REPORT.notice_text
        assert documents.read_document(target, doc_id)[1:] == ("身份证.png", png_bytes())
        assert ledger.prior_rule1_count(target, "alice") == 2
        again = import_archive(target, out, ARCHIVE_PASS)
        assert again.cases_added == [] and again.cases_already_present == [case_id]
        assert again.profile == "kept_existing"
        assert _rows(target)["documents"] == 1


def test_case_round_trip(ws: Workspace, tmp_path: Path, keyring_store) -> None:
    case_id, _ = _fill(ws)
    other = cases.create_case(ws, REPORT, diagnoser=fake_diagnosis, userid="bob")
    out = tmp_path / "case.wecomappeal"
    manifest = export_archive(ws, out, ARCHIVE_PASS, case_id=case_id, scrypt_n=FAST_SCRYPT_N)
    assert manifest.kind == "case"
    with _target(tmp_path, keyring_store) as target:
        summary = import_archive(target, out, ARCHIVE_PASS)
        assert summary.cases_added == [case_id] and summary.profile == "not_in_archive"
        assert [c.id for c in cases.list_cases(target)] == [case_id]
        assert other.id not in {c.id for c in cases.list_cases(target)}
        assert _rows(target)["audits"] == 0


def _assert_refused(target: Workspace, path: Path, match: str, passphrase: str = ARCHIVE_PASS
                    ) -> None:
    before_rows, before_files = _rows(target), _snapshot(target.root)
    with pytest.raises(ArchiveError, match=match):
        import_archive(target, path, passphrase)
    assert _rows(target) == before_rows
    assert _snapshot(target.root) == before_files


@pytest.mark.parametrize("where", ["payload", "header", "tag"])
def test_tampered_archive_is_rejected(ws: Workspace, tmp_path: Path, keyring_store,
                                      where: str) -> None:
    _fill(ws)
    out = tmp_path / "backup.wecomappeal"
    export_archive(ws, out, ARCHIVE_PASS, scrypt_n=FAST_SCRYPT_N)
    data = bytearray(out.read_bytes())
    if where == "payload":
        data[len(data) // 2] ^= 0x01
    elif where == "tag":
        data[-1] ^= 0x80
    else:
        at = data.index(b'"created":"') + len(b'"created":"')
        data[at] = ord("1") if data[at] != ord("1") else ord("2")
    out.write_bytes(bytes(data))
    with _target(tmp_path, keyring_store) as target:
        _assert_refused(target, out, "altered")


def test_wrong_passphrase_foreign_and_truncated_archives(ws: Workspace, tmp_path: Path,
                                                          keyring_store) -> None:
    _fill(ws)
    out = tmp_path / "backup.wecomappeal"
    export_archive(ws, out, ARCHIVE_PASS, scrypt_n=FAST_SCRYPT_N)
    foreign = tmp_path / "foreign.zip"
    foreign.write_bytes(archive.pack({"manifest.json": b"{}"}))
    truncated = tmp_path / "truncated.wecomappeal"
    truncated.write_bytes(out.read_bytes()[:200])
    with _target(tmp_path, keyring_store) as target:
        _assert_refused(target, out, "wrong passphrase", passphrase="not the passphrase")
        _assert_refused(target, foreign, "not a WeCom Appeal archive")
        _assert_refused(target, truncated, "altered|damaged")


def _sealed_zip(tmp_path: Path, build) -> Path:
    """A correctly encrypted archive whose zip was built by ``build`` (an attacker's tool)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("manifest.json", '{"format": "wecom-appeal-export", "kind": "workspace", '
                    '"schema_version": 2, "created": "2026-01-01T00:00:00+00:00", "cases": []}')
        zf.writestr("members.json", "[]")
        zf.writestr("violations.json", "[]")
        build(zf)
    path = tmp_path / "evil.wecomappeal"
    path.write_bytes(archive.seal(buffer.getvalue(), ARCHIVE_PASS, "workspace",
                                  "2026-01-01T00:00:00+00:00", scrypt_n=FAST_SCRYPT_N))
    return path


def _symlink(zf: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("documents/" + "a" * 32 + ".bin")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    zf.writestr(info, "/etc/passwd")


@pytest.mark.parametrize(("build", "match"), [
    (lambda zf: zf.writestr("../../evil.txt", "x"), "outside the workspace"),
    (lambda zf: zf.writestr("cases/../../../evil.json", "{}"), "outside the workspace"),
    (lambda zf: zf.writestr("/tmp/evil.json", "{}"), "absolute path"),
    (lambda zf: zf.writestr("C:/evil.json", "{}"), "absolute path"),
    (lambda zf: zf.writestr("..\\evil.json", "{}"), "outside the workspace"),
    (_symlink, "symbolic link"),
    (lambda zf: zf.writestr("blobs/ab/" + "ab" * 16, "x"), "not part of"),
], ids=["dotdot", "nested-dotdot", "absolute", "drive", "backslash", "symlink", "raw-blob"])
def test_unsafe_entries_are_rejected(tmp_path: Path, keyring_store, build, match: str) -> None:
    path = _sealed_zip(tmp_path, build)
    with _target(tmp_path, keyring_store) as target:
        _assert_refused(target, path, match)
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()
    assert not list(tmp_path.rglob("evil*.json"))


@pytest.mark.parametrize(("files", "match"), [
    ({"cases/0123456789ab.json": "{}"}, "do not match its manifest"),
    ({"documents/" + "b" * 32 + ".json": "{}"}, "invalid"),
], ids=["unlisted-case", "stray-document"])
def test_entries_the_manifest_does_not_account_for_are_rejected(
        tmp_path: Path, keyring_store, files: dict[str, str], match: str) -> None:
    def build(zf: zipfile.ZipFile) -> None:
        for name, text in files.items():
            zf.writestr(name, text)
    path = _sealed_zip(tmp_path, build)
    with _target(tmp_path, keyring_store) as target:
        _assert_refused(target, path, match)


def test_progress_and_cancel(ws: Workspace, tmp_path: Path, keyring_store) -> None:
    import threading

    from app.store.errors import Cancelled

    _fill(ws)
    cases.create_case(ws, REPORT, diagnoser=fake_diagnosis, userid="bob")
    steps: list[tuple[int, int, ProgressText]] = []
    out = tmp_path / "backup.wecomappeal"
    export_archive(ws, out, ARCHIVE_PASS, scrypt_n=FAST_SCRYPT_N,
                   progress=lambda d, t, m: steps.append((d, t, m)))
    assert steps[0][:2] == (0, 3) and steps[-1][:2] == (3, 3)
    rendered = assert_progress_messages(m for _, _, m in steps)
    assert rendered[-1] == ("Done", "完成")

    cancel = threading.Event()

    def cancel_after_first(done: int, total: int, message: ProgressText) -> None:
        cancel.set()

    stopped = tmp_path / "stopped.wecomappeal"
    with pytest.raises(Cancelled):
        export_archive(ws, stopped, ARCHIVE_PASS, scrypt_n=FAST_SCRYPT_N,
                       progress=cancel_after_first, cancel=cancel)
    assert not stopped.exists() and not list(tmp_path.glob(".*.tmp"))

    with _target(tmp_path, keyring_store) as target:
        before_rows, before_files = _rows(target), _snapshot(target.root)
        cancel = threading.Event()
        with pytest.raises(Cancelled):
            import_archive(target, out, ARCHIVE_PASS, progress=cancel_after_first,
                           cancel=cancel)
        assert _rows(target) == before_rows and _snapshot(target.root) == before_files
        steps.clear()
        import_archive(target, out, ARCHIVE_PASS, progress=lambda d, t, m: steps.append(
            (d, t, m)))
        assert steps[-1][:2] == (2, 2)
        assert assert_progress_messages(m for _, _, m in steps)[0] == (
            "Document 1 of 1", "第 1 份文件，共 1 份")
