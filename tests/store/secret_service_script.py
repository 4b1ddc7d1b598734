"""Run under ``dbus-run-session`` with an unlocked gnome-keyring: the vault with the real
Secret Service, through the library and through the CLI. Prints ``OK`` at the end."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from app.store.keystore import KeyringStore
from app.store.workspace import Workspace


def main(tmp: Path) -> None:
    store = KeyringStore(service=f"wecom-appeal-it-{uuid.uuid4().hex}")
    status = store.status()
    assert status.usable, status
    assert "SecretService" in status.backend or "libsecret" in status.backend, status.backend

    root = tmp / "lib"
    with Workspace.open(root, keyring_store=store) as ws:
        vault = ws.create_vault()
        blob_id = vault.put_blob(b"ID card", "document:d1")
        entry = vault.header.kek.entry  # type: ignore[union-attr]
    assert store.get(entry) is not None

    # A fresh interface (as after a restart) finds the key in the Secret Service.
    with Workspace.open(root, keyring_store=KeyringStore(service=store.service)) as ws:
        vault = ws.unlock()
        assert vault.get_blob(blob_id, "document:d1") == b"ID card"
        vault.move_to_passphrase("a passphrase for later", store, scrypt_n=2**14)
        assert store.get(entry) is None
        vault.move_to_keyring(store)
    with Workspace.open(root, keyring_store=KeyringStore(service=store.service)) as ws:
        assert ws.unlock().get_blob(blob_id, "document:d1") == b"ID card"

    # The CLI with no passphrase at all: the key goes to the keyring.
    env = {k: v for k, v in os.environ.items() if not k.startswith("WECOM_APPEAL_")}
    env["WECOM_APPEAL_HOME"] = str(tmp / "cli")
    run = [sys.executable, "-m", "app.cli"]
    init = subprocess.run([*run, "vault", "init"], env=env, capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    assert "keyring" in init.stdout, init.stdout
    status_out = subprocess.run([*run, "vault", "status"], env=env, capture_output=True,
                                text=True)
    assert status_out.returncode == 0 and "unlocks" in status_out.stdout, status_out
    print("OK")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
