"""One open workspace: its folder, its database connection and (once unlocked) its vault."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import TracebackType

from app.store import vault as vault_mod
from app.store.db import connect
from app.store.errors import VaultLocked
from app.store.keystore import KeyringStore
from app.store.paths import DB_NAME, ensure_private_dir, workspace_dir
from app.store.vault import KeyringKek, Vault

PASSPHRASE_ENV = "WECOM_APPEAL_PASSPHRASE"


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
             keyring_store: KeyringStore | None = None) -> Workspace:
        root = ensure_private_dir(root or workspace_dir())
        return cls(root, connect(root / DB_NAME), keyring_store)

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
