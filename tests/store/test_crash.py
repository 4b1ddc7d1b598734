"""kill -9 at random moments during saves: the workspace opens, passes integrity_check, and
every record the writer reported as committed is there."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.store import audits, cases, documents
from app.store.paths import DB_NAME
from app.store.profile import load_profile
from app.store.workspace import Workspace

from .conftest import FAST_SCRYPT_N, cli_env
from .fakes import PASSPHRASE

KILLS = 32
WRITER = Path(__file__).with_name("crash_writer.py")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_during_saves_loses_nothing_committed(tmp_path: Path, keyring_store) -> None:
    root = tmp_path / "ws"
    with Workspace.open(root, keyring_store=keyring_store) as ws:
        ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
    env = cli_env(root)
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    committed: dict[str, dict[str, str]] = {"case": {}, "doc": {}, "audit": {}}
    names: dict[str, str] = {}
    profiles = 0
    killed_mid_run = 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, str(WRITER), str(root)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready == b"ready\n", child.stderr.read().decode() if child.stderr else ready
        # Once the first record is reported the child is inside its write loop: every kill
        # below lands among writes, at a random point of a commit or a blob write.
        first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        out = first + rest
        killed_mid_run += child.returncode == -signal.SIGKILL
        for line in out.decode().splitlines(keepends=True):
            if not line.endswith("\n"):
                continue  # torn line: the write was not reported as committed
            kind, rest = line.split(" ", 1)
            if kind == "profile":
                profiles += 1
            elif kind == "member":
                userid, _, name = rest.strip().split(" ", 2)
                names[userid] = f"name {name}"
            else:
                ident, _, digest = rest.strip().partition(" ")
                committed[kind][ident] = digest
        conn = sqlite3.connect(root / DB_NAME)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()

    assert killed_mid_run == KILLS
    assert len(committed["case"]) >= KILLS  # each run committed before it was killed
    with Workspace.open(root, keyring_store=keyring_store) as ws:
        ws.unlock(PASSPHRASE)
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ws.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for case_id in committed["case"]:
            assert cases.get_case(ws, case_id).report.notice_text == "notice"
        for doc_id, digest in committed["doc"].items():
            _, _, data = documents.read_document(ws, doc_id)
            assert hashlib.sha256(data).hexdigest() == digest
        stored_audits = {a.id for a in audits.list_audits(ws, "crash")}
        assert set(committed["audit"]) <= stored_audits
        for userid, name in names.items():
            row = ws.conn.execute("SELECT name_enc FROM members WHERE userid = ?",
                                  (userid,)).fetchone()
            # The last reported name, or a later one whose report the kill cut off.
            stored = ws.vault.decrypt_text(row[0], f"member:{userid}:name")
            assert int(stored.split()[1]) >= int(name.split()[1])
        profile = load_profile(ws)  # every field decrypts: no half-written profile
        assert profiles == 0 or (profile is not None and profile.administrator.phone)
        # Orphan blobs (file written, row not) may exist; nothing referenced is missing.
        referenced = {r[0] for r in ws.conn.execute("SELECT blob_id FROM documents")}
        assert referenced <= ws.vault.blob_ids()
    print(f"crash test: {KILLS} kills, {len(committed['doc'])} documents, "
          f"{len(committed['audit'])} audits, {len(committed['case'])} cases, {profiles} profile "
          "writes committed")
