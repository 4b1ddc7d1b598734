"""One open workspace: its folder, its database connection and (once unlocked) its vault."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import time
from pathlib import Path
from types import TracebackType

from app.store import vault as vault_mod
from app.store.db import connect
from app.store.errors import StoreError, VaultLocked
from app.store.keystore import KeyringStore
from app.store.paths import BLOB_DIR_NAME, DB_NAME, ensure_private_dir, workspace_dir
from app.store.vault import KeyringKek, Vault

PASSPHRASE_ENV = "WECOM_APPEAL_PASSPHRASE"
# A blob's temporary file lives for the milliseconds of one write; older ones are a crash's.
PARTIAL_AGE_SECONDS = 300
# Below this much free space a failing database open is reported as a full disk.
DISK_FULL_BYTES = 1024 * 1024


def disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < DISK_FULL_BYTES
    except OSError:
        return False


def tighten_permissions(root: Path) -> None:
    """The workspace folder and ``blobs/`` (and its subfolders) owner-only: a folder made
    0777 or 0755 by hand or by an older version is tightened, if it is ours."""
    folders = [root, root / BLOB_DIR_NAME]
    with contextlib.suppress(OSError):
        folders += [p for p in (root / BLOB_DIR_NAME).iterdir() if p.is_dir()]
    for folder in folders:
        with contextlib.suppress(OSError):
            info = folder.lstat()
            if (stat.S_ISDIR(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077
                    and (not hasattr(os, "getuid") or info.st_uid == os.getuid())):
                os.chmod(folder, stat.S_IMODE(info.st_mode) & 0o700)


class Workspace:
    """The workspace folder. ``Workspace.open()`` creates and upgrades it as needed."""

    def __init__(self, root: Path, conn: sqlite3.Connection,
                 keyring_store: KeyringStore | None = None) -> None:
        self.root = root
        self.conn = conn
        self.keyring = keyring_store or KeyringStore()
        self._vault: Vault | None = None

    @classmethod
    def open(cls, root: Path | None = None, *,
             keyring_store: KeyringStore | None = None, sweep: bool = True) -> Workspace:
        """Open the workspace: its folders made owner-only, the database upgraded, and what a
        crash or kill left behind (partial blob files, unreferenced ciphertext, temporary
        folders of killed runs) removed."""
        root = ensure_private_dir(root or workspace_dir())
        tighten_permissions(root)
        try:
            conn = connect(root / DB_NAME)
        except StoreError as exc:
            if disk_full(root):  # SQLite says "disk I/O error"; the database is fine
                raise StoreError(f"{root}: the disk is full; free some space and try again "
                                 "(the workspace is not damaged)") from exc
            raise
        ws = cls(root, conn, keyring_store)
        if sweep:
            ws.sweep_leftovers()
        return ws

    def sweep_leftovers(self) -> int:
        """Remove partial blob files (older than a few minutes), blob files no record refers
        to (older than an hour: :meth:`sweep_orphan_blobs`) and temporary folders
        of runs that were killed. Never fails the open: what cannot be removed now is left for
        the next start."""
        from app.tempfiles import sweep_stale_tempdirs

        removed = 0
        blobs = self.root / BLOB_DIR_NAME
        now = time.time()
        with contextlib.suppress(OSError):
            for path in blobs.glob("??/.*.tmp"):
                with contextlib.suppress(OSError):
                    if now - path.lstat().st_mtime > PARTIAL_AGE_SECONDS:
                        path.unlink()
                        removed += 1
        with contextlib.suppress(OSError, sqlite3.Error):
            removed += self.sweep_orphan_blobs()
        removed += sweep_stale_tempdirs()
        return removed

    def for_another_thread(self) -> Workspace:
        """A second connection to the same workspace, sharing the unlocked vault.

        A SQLite connection belongs to the thread that opened it: a worker thread (the GUI's
        thread pool) uses its own, without asking for the passphrase again.
        """
        other = Workspace(self.root, connect(self.root / DB_NAME), self.keyring)
        other._vault = self._vault
        return other

    def close(self) -> None:
        self.conn.close()
        self._vault = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def sweep_orphan_blobs(self, min_age_seconds: float = 3600) -> int:
        """Delete blob files no case document or audit evidence refers to (left by a crash
        between file and row); younger ones may belong to a write in progress."""
        referenced = {r[0] for r in self.conn.execute(
            "SELECT blob_id FROM documents UNION SELECT blob_id FROM audit_evidence")}
        removed = 0
        for path in (self.root / BLOB_DIR_NAME).glob("??/*"):
            if path.name.startswith("."):
                continue  # a partial write: see sweep_leftovers
            if path.name in referenced or time.time() - path.stat().st_mtime < min_age_seconds:
                continue
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    # Vault ----------------------------------------------------------------------------------

    @property
    def has_vault(self) -> bool:
        return vault_mod.vault_exists(self.root)

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise VaultLocked("the vault is locked: unlock it first")
        return self._vault

    def unlock(self, passphrase: str | None = None) -> Vault:
        """Open the vault with the keyring, or ``passphrase``, or ``WECOM_APPEAL_PASSPHRASE``."""
        if self._vault is not None:
            return self._vault
        header = vault_mod.read_header(self.root)
        if isinstance(header.kek, KeyringKek):
            self._vault = vault_mod.unlock_with_keyring(self.root, self.keyring)
            return self._vault
        passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV)
        if not passphrase:
            raise VaultLocked(f"the vault is protected by a passphrase: set {PASSPHRASE_ENV} "
                              "(or enter it in the app)")
        self._vault = vault_mod.unlock_with_passphrase(self.root, passphrase)
        return self._vault

    def create_vault(self, passphrase: str | None = None, *,
                     scrypt_n: int = vault_mod.SCRYPT_N) -> Vault:
        """Set up the vault: under ``passphrase`` if given, in the keyring otherwise."""
        if passphrase is not None:
            self._vault = vault_mod.create_with_passphrase(self.root, passphrase,
                                                           scrypt_n=scrypt_n)
        else:
            self._vault = vault_mod.create_with_keyring(self.root, self.keyring)
        return self._vault

    def unlock_or_create(self) -> tuple[Vault, bool]:
        """For headless commands: unlock, or set up a vault (keyring first, then the env var).

        Returns the vault and whether it was just created. Without a usable keyring and without
        ``WECOM_APPEAL_PASSPHRASE`` this raises VaultLocked: never a plaintext fallback.
        """
        if self.has_vault:
            return self.unlock(), False
        status = self.keyring.status()
        if status.usable:
            return self.create_vault(), True
        passphrase = os.environ.get(PASSPHRASE_ENV)
        if not passphrase:
            raise VaultLocked(f"no vault yet and no way to protect one: {status.reason}; set "
                              f"{PASSPHRASE_ENV} to a passphrase (or run 'wecom-appeal vault "
                              "init')")
        return self.create_vault(passphrase), True
