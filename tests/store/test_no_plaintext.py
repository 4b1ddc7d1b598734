"""Fill a workspace through the CLI with a known ID number, name and image, then read every
byte of every file in the workspace folder (database, -wal, -shm, vault, blobs): none of them
may appear in plaintext."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.store.paths import DB_NAME

from .cli_helpers import fast_vault, ok, write_json
from .fakes import ADMIN_ID_NUMBER, ID_NUMBER, LEGAL_NAME, png_bytes, profile_dict


def _needles() -> dict[str, bytes]:
    image = png_bytes(seed=99, size=32)
    idat = image.index(b"IDAT")
    needles = {
        "id number": ID_NUMBER.encode(),
        "id number (lower-case x)": ID_NUMBER.lower().encode(),
        "admin id number": ADMIN_ID_NUMBER.encode(),
        "id number utf-16": ID_NUMBER.encode("utf-16-le"),
        "legal person's name": LEGAL_NAME.encode(),
        "legal person's name utf-16": LEGAL_NAME.encode("utf-16-le"),
        "phone": b"13800138000",
        "png signature+header": image[:33],
        "png pixels": image[idat + 100:idat + 164],
        "png tail": image[-64:],
    }
    return needles


def test_no_plaintext_anywhere_in_the_workspace(tmp_path: Path) -> None:
    home = tmp_path / "home"
    inputs = tmp_path / "in"
    inputs.mkdir()
    image = png_bytes(seed=99, size=32)
    png = inputs / f"{LEGAL_NAME}-身份证-{ID_NUMBER}.png"
    png.write_bytes(image)
    profile = write_json(inputs / "profile.json", profile_dict())
    report = write_json(inputs / "report.json", {
        "account": "member", "scope": "interop", "duration": "temporary",
        "notice_text": f"成员{LEGAL_NAME}（身份证 {ID_NUMBER}）"
                       "因频繁发送营销信息被限制使用互通功能"})

    fast_vault(home)
    # A reader that stays open keeps the -wal and -shm files in place while the CLI writes.
    reader = sqlite3.connect(home / DB_NAME)
    reader.execute("SELECT count(*) FROM cases").fetchone()
    try:
        ok(home, "profile", "set", str(profile))
        case_id = ok(home, "case", "new", str(report), "--member", "alice").strip()
        for kind in ("legal_person_id_front", "legal_person_holding_id", "evidence"):
            ok(home, "doc", "add", case_id, kind, str(png))
        ok(home, "case", "status", case_id, "unblock_requested")
        ok(home, "export", str(tmp_path / "out.wecomappeal"),
           extra_env={"WECOM_APPEAL_ARCHIVE_PASSPHRASE": "archive passphrase"})
        files = [p for p in home.rglob("*") if p.is_file()]
        names = {p.name for p in files}
        assert {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "vault.json"} <= names
        assert (home / f"{DB_NAME}-wal").stat().st_size > 0
        assert len([p for p in files if p.parent.parent.name == "blobs"]) == 3
        found = []
        for path in [*files, tmp_path / "out.wecomappeal"]:
            data = path.read_bytes()
            assert LEGAL_NAME not in path.name and ID_NUMBER not in path.name
            found += [f"{what} in {path.relative_to(tmp_path)}"
                      for what, needle in _needles().items() if needle in data]
        assert found == []
        # The data is there, just not in plaintext: the CLI shows it masked.
        shown = ok(home, "profile", "show")
        assert "1101**********002X" in shown and "王**" in shown
    finally:
        reader.close()


def test_no_plaintext_from_a_profile_draft_or_audit_evidence(tmp_path: Path,
                                                             keyring_store) -> None:
    """A half-filled profile form (kept as a draft on every edit) and self-audit evidence go
    through the vault too: nothing of them is readable in the workspace folder."""
    from app.store import audit_evidence, cases
    from app.store.profile import save_profile_draft
    from app.store.workspace import Workspace

    from .conftest import FAST_SCRYPT_N
    from .fakes import PASSPHRASE

    home = tmp_path / "home"
    image = png_bytes(seed=99, size=32)
    evidence_name = f"{LEGAL_NAME}-身份证-{ID_NUMBER}.png"
    with Workspace.open(home, keyring_store=keyring_store) as ws:
        ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
        reader = sqlite3.connect(home / DB_NAME)  # keeps the -wal and -shm files in place
        reader.execute("SELECT count(*) FROM profile_draft").fetchone()
        try:
            # An invalid, partial form: the admin's number is half typed, the phone is there.
            save_profile_draft(ws, {"legal_person.name": LEGAL_NAME,
                                    "legal_person.id_number": ID_NUMBER,
                                    "administrator.id_number": ADMIN_ID_NUMBER,
                                    "administrator.phone": "13800138000",
                                    "credit_code": "not a code"})
            kept = audit_evidence.add_evidence(ws, "no_plugins", image, evidence_name)
            trashed = audit_evidence.add_evidence(ws, "no_plugins", image, evidence_name)
            audit_evidence.remove_evidence(ws, trashed.id)
            assert cases.sweep_orphan_blobs(ws, min_age_seconds=0) == 0
            files = [p for p in home.rglob("*") if p.is_file()]
            assert (home / f"{DB_NAME}-wal").stat().st_size > 0
            assert len([p for p in files if p.parent.parent.name == "blobs"]) == 2
            found = [f"{what} in {path.relative_to(tmp_path)}" for path in files
                     for what, needle in _needles().items() if needle in path.read_bytes()]
            assert found == []
            assert all(LEGAL_NAME not in p.name and ID_NUMBER not in p.name for p in files)
            # The data is there, just not in plaintext.
            assert audit_evidence.read_evidence(ws, kept.id)[1:] == (evidence_name, image)
        finally:
            reader.close()
