"""Regression tests of issue 13's data-loss and leak findings (items 1, 3 and 10): a member id
in Chinese that broke every export, ID images left on disk, loose permissions, an orphan sweep
never called, and key-derivation parameters trusted before anything was checked."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import struct
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from keyring.backends import fail

from app.rules.contract import RestrictionReport
from app.store import archive, cases, documents, ledger, transfer
from app.store.errors import ArchiveError, InvalidMemberId, VaultCorrupt
from app.store.keystore import KeyringStore
from app.store.workspace import Workspace
from app.tempfiles import exit_on_signals, private_tempdir, sweep_stale_tempdirs

PASSPHRASE = "correct horse battery staple"
FAST_N = 2**14
REPORT = RestrictionReport(account="member", scope="interop", duration="temporary",
                           self_unblock_offered=True)


def _diagnoser():  # type: ignore[no-untyped-def]
    return cases.engine_diagnoser("en")


def _open(root: Path) -> Workspace:
    ws = Workspace.open(root, keyring_store=KeyringStore(fail.Keyring(),
                                                          service=f"t-{uuid.uuid4().hex}"))
    if not ws.has_vault:
        ws.create_vault(PASSPHRASE, scrypt_n=FAST_N)
    else:
        ws.unlock(PASSPHRASE)
    return ws


@pytest.mark.parametrize("userid", ["张三", "Zhang San", "zhang.san@corp", "王五_01", "😀"])
def test_a_member_id_in_any_script_survives_export_and_import(tmp_path, userid):
    with _open(tmp_path / "a") as ws:
        detail = cases.create_case(ws, REPORT, diagnoser=_diagnoser(), userid=userid)
        transfer.export_archive(ws, tmp_path / "all.wae", PASSPHRASE, scrypt_n=FAST_N)
        cases.trash_case(ws, detail.id)  # "even after the case is deleted"
        transfer.export_archive(ws, tmp_path / "again.wae", PASSPHRASE, scrypt_n=FAST_N)
    with _open(tmp_path / "b") as other:
        summary = transfer.import_archive(other, tmp_path / "all.wae", PASSPHRASE)
        assert summary.cases_added == [detail.id]
        assert [m.userid for m in ledger.list_members(other)] == [userid]
        assert ledger.prior_rule1_count(other, userid) == 1


@pytest.mark.parametrize("bad", ["", " lead", "trail ", "a\x1b[31m", "tab\there",
                                 "rtl\u202eoverride", "x" * 65])
def test_a_member_id_with_control_characters_is_refused_where_it_enters(tmp_path, bad):
    with _open(tmp_path / "a") as ws:
        with pytest.raises(InvalidMemberId):
            cases.create_case(ws, REPORT, diagnoser=_diagnoser(), userid=bad)
        assert ledger.list_members(ws) == []


def test_open_tightens_loose_folders_and_sweeps_leftovers(tmp_path):
    root = tmp_path / "ws"
    with _open(root) as ws:
        doc = documents.add_document(ws, cases.create_case(
            ws, REPORT, diagnoser=_diagnoser()).id, "evidence", b"%PDF-1.4 kept", "e.pdf")
        kept_blob = ws.conn.execute("SELECT blob_id FROM documents WHERE id = ?",
                                    (doc.id,)).fetchone()[0]
    blobs = root / "blobs"
    partial = blobs / "ab" / ".0123456789abcdef0123456789abcdef.a1b2c3.tmp"
    partial.parent.mkdir(exist_ok=True)
    partial.write_bytes(b"\0" * 4096)  # a kill -9 during a write
    orphan = blobs / "ab" / ("ab" + "0" * 30)
    orphan.write_bytes(b"WAV1 ciphertext nobody refers to")
    young = blobs / "ab" / ".fedcba9876543210fedcba9876543210.d4e5f6.tmp"
    young.write_bytes(b"a write in progress")
    old = time.time() - 7200
    for path in (partial, orphan):
        os.utime(path, (old, old))
    os.chmod(root, 0o777)
    os.chmod(blobs, 0o755)
    with _open(root) as ws:
        assert not partial.exists() and not orphan.exists()
        assert young.exists()  # another process may be writing it
        assert documents.read_document(ws, doc.id)[2] == b"%PDF-1.4 kept"
        assert (blobs / kept_blob[:2] / kept_blob).exists()
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE(blobs.stat().st_mode) == 0o700


def test_temp_folders_of_a_killed_run_are_swept_and_a_sigterm_cleans_up(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f"wecom-appeal-{dead.stdout.strip()}-abc"
    stale.mkdir()
    (stale / "0.jpg").write_bytes(b"an ID image")
    mine = tmp_path / f"wecom-appeal-{os.getpid()}-xyz"
    mine.mkdir()
    assert sweep_stale_tempdirs(tmp_path) == 1
    assert not stale.exists() and mine.exists()

    old = signal.getsignal(signal.SIGTERM)
    try:
        exit_on_signals()
        with pytest.raises(SystemExit) as info, private_tempdir() as tmp:
            (tmp / "0.jpg").write_bytes(b"an ID image")
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the signal arrives before this ends
        assert info.value.code == 128 + signal.SIGTERM
        assert not tmp.exists()
    finally:
        signal.signal(signal.SIGTERM, old)


def test_a_sigterm_during_a_bundle_leaves_no_image_behind(tmp_path):
    """The real thing: a CLI bundle of large photos, terminated while it decodes."""
    from PIL import Image

    photos = []
    noise = Image.effect_noise((3000, 2000), 60).convert("RGB")
    for i in range(6):
        path = tmp_path / f"p{i}.jpg"
        noise.save(path, quality=95)
        photos.append(path)
    person = {"name": "张三", "id_number": "11010519491231002X"}
    profile = {"company_name": "北京示例科技有限公司", "credit_code": "91110000600037341L",
               "corp_id": "ww0123456789abcdef", "legal_person": person,
               "administrator": {**person, "phone": "13800138000"}}
    case = {"profile": profile, "report": REPORT.model_dump(mode="json"),
            "documents": [{"kind": "evidence", "path": str(p)} for p in photos]}
    (tmp_path / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "PYTHONPATH": str(Path.cwd())}
    (tmp_path / "tmp").mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "bundle",
                             str(tmp_path / "case.json"), "-o", str(tmp_path / "b.pdf"),
                             "--allow-placeholders"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    seen: list[Path] = []
    while time.monotonic() < deadline and proc.poll() is None and not seen:
        seen = [p for p in (tmp_path / "tmp").glob("wecom-appeal-*/*.jpg")]
        time.sleep(0.005)
    assert seen, "the bundle ended before its temporary images could be seen"
    assert stat.S_IMODE(seen[0].stat().st_mode) == 0o600
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert b"Traceback" not in err
    assert list((tmp_path / "tmp").iterdir()) == []
    assert [p.name for p in tmp_path.glob(".b.pdf*")] == []


def test_a_full_disk_during_the_bundle_leaves_no_partial_file(tmp_path, monkeypatch):
    from app.store import atomic

    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OSError):
        atomic.write_atomic(tmp_path / "b.pdf", b"%PDF ID images")
    monkeypatch.setattr(atomic.os, "fsync", real_fsync)
    assert list(tmp_path.iterdir()) == []


def _edit_header(sealed: bytes, **changes: int) -> bytes:
    start = len(archive.MAGIC) + 4
    (length,) = struct.unpack(">I", sealed[len(archive.MAGIC):start])
    header = json.loads(sealed[start:start + length])
    header.update(changes)
    raw = json.dumps(header).encode()
    return archive.MAGIC + struct.pack(">I", len(raw)) + raw + sealed[start + length:]


@pytest.mark.parametrize("params", [{"n": 2**20, "r": 16}, {"n": 2**22}, {"r": 64},
                                    {"p": 16}, {"n": 3 * 2**15}, {"n": 2**18, "p": 2}])
def test_archive_kdf_parameters_out_of_bounds_are_refused_at_once(tmp_path, params):
    sealed = archive.seal(b"payload", PASSPHRASE, "workspace", "2026-01-01", scrypt_n=FAST_N)
    edited = tmp_path / "edited.wae"
    edited.write_bytes(_edit_header(sealed, **params))
    started = time.monotonic()
    with pytest.raises(ArchiveError, match="header"):
        archive.open_sealed(edited.read_bytes(), "any passphrase")
    with pytest.raises(ArchiveError, match="header"):
        archive.peek_header(edited)
    assert time.monotonic() - started < 0.5


def test_vault_kdf_parameters_out_of_bounds_are_refused_at_once(tmp_path):
    root = tmp_path / "ws"
    with _open(root):
        pass
    header = json.loads((root / "vault.json").read_text())
    header["kek"]["n"] = 2**22
    (root / "vault.json").write_text(json.dumps(header))
    started = time.monotonic()
    with pytest.raises(VaultCorrupt), Workspace.open(root) as ws:
        ws.unlock(PASSPHRASE)
    assert time.monotonic() - started < 0.5


def test_a_full_disk_at_open_is_not_reported_as_a_damaged_database(tmp_path, monkeypatch):
    from app.store import workspace as workspace_mod
    from app.store.errors import StoreError

    def io_error(path):  # what SQLite says when the disk is 100 % full
        raise StoreError(f"{path}: not a usable workspace database: disk I/O error")

    monkeypatch.setattr(workspace_mod, "connect", io_error)
    monkeypatch.setattr(workspace_mod, "disk_full", lambda folder: True)
    with pytest.raises(StoreError, match="the disk is full") as info:
        Workspace.open(tmp_path / "ws")
    assert "not damaged" in str(info.value)
    monkeypatch.setattr(workspace_mod, "disk_full", lambda folder: False)
    with pytest.raises(StoreError, match="disk I/O error"):
        Workspace.open(tmp_path / "ws")
