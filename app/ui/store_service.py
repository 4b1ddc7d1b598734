"""The workspace as the GUI sees it: opened when a page first needs it, vault set up or unlocked
through dialogs, and signals so pages refresh when another page changes the store.

The SQLite connection belongs to the main thread; only the scrypt work of unlocking or setting
up a passphrase vault (no database access) runs on a worker.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.lang import Lang
from app.store import vault as vault_mod
from app.store.errors import StoreError
from app.store.keystore import KeyringStatus, KeyringStore, keyring_reason
from app.store.vault import KeyringKek
from app.store.workspace import Workspace
from app.ui.vault_access import AskVault
from app.ui.workers import JobRunner, ThreadPoolRunner

log = logging.getLogger(__name__)

# Where each keyring backend keeps secrets, in the user's words (the module of the backend).
_KEYRING_PLACES = (
    ("keyring.backends.SecretService", "Secret Service / GNOME Keyring"),
    ("keyring.backends.libsecret", "Secret Service / GNOME Keyring"),
    ("keyring.backends.macOS", "macOS Keychain"),
    ("keyring.backends.Windows", "Windows Credential Locker"),
    ("keyring.backends.kwallet", "KDE Wallet"),
)


def keyring_place(backend: object) -> str:
    module = type(backend).__module__
    for prefix, place in _KEYRING_PLACES:
        if module.startswith(prefix):
            return place
    return str(getattr(backend, "name", None) or type(backend).__name__)


def keyring_problem(status: KeyringStatus) -> str:
    """Why the keyring cannot be used, in the UI's language (the one UiLanguage made the
    default QLocale), through the same labels as the CLI."""
    lang: Lang = "zh_CN" if QLocale().name().startswith("zh") else "en"
    return keyring_reason(status.reason, lang)


class WorkspaceService(QObject):
    """One workspace for the whole window; tests pass a root, a fake keyring and fast scrypt.

    ``ask_setup`` and ``ask_unlock`` ask the user to set up or unlock the vault: the vault
    dialogs, wired in where the app is assembled (app/ui/context.py); tests pass fakes.
    """

    cases_changed = Signal()
    profile_changed = Signal()
    vault_changed = Signal()

    def __init__(self, root: Path | None = None, keyring_store: KeyringStore | None = None, *,
                 scrypt_n: int = vault_mod.SCRYPT_N, runner: JobRunner | None = None,
                 ask_setup: AskVault, ask_unlock: AskVault,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self.keyring_store = keyring_store
        self.scrypt_n = scrypt_n
        self.runner = runner or ThreadPoolRunner()
        self._ask_setup = ask_setup
        self._ask_unlock = ask_unlock
        self._ws: Workspace | None = None
        self._keyring_status: KeyringStatus | None = None
        self._unlock_declined = False  # the user said "not now" once this session

    # Opening ----------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._ws is not None

    def workspace(self) -> Workspace:
        """The open workspace, opened (created, upgraded) on first use; StoreError otherwise."""
        if self._ws is None:
            self._ws = Workspace.open(self.root, keyring_store=self.keyring_store)
            self.keyring_store = self._ws.keyring
        return self._ws

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None

    def exists(self) -> bool:
        """The workspace is open or is on disk (looking never creates one)."""
        if self._ws is not None:
            return True
        from app.store.paths import DB_NAME, workspace_dir

        return ((self.root or workspace_dir()) / DB_NAME).exists()

    def workspace_if_present(self) -> Workspace | None:
        """The workspace when it exists; None when there is none yet or it cannot be opened."""
        try:
            return self.workspace() if self.exists() else None
        except StoreError as exc:
            log.warning("the workspace cannot be opened: %s", exc)
            return None

    # Keyring ----------------------------------------------------------------------------------

    def keyring_status(self, refresh: bool = False) -> KeyringStatus:
        if self._keyring_status is None or refresh:
            self._keyring_status = self.workspace().keyring.status()
        return self._keyring_status

    def keyring_place(self) -> str:
        return keyring_place(self.workspace().keyring.backend)

    def key_place(self) -> str:
        """A sentence saying where the key of the existing vault lives."""
        ws = self.workspace()
        kek = vault_mod.read_header(ws.root).kek
        if isinstance(kek, KeyringKek):
            return QCoreApplication.translate(
                "WorkspaceService", "The vault key is kept in the system keyring ({place})."
            ).format(place=self.keyring_place())
        return QCoreApplication.translate(
            "WorkspaceService", "The vault key is protected by a passphrase that only you know.")

    def uses_passphrase(self) -> bool:
        return not isinstance(vault_mod.read_header(self.workspace().root).kek, KeyringKek)

    # Vault ------------------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self._ws is not None and self._ws.is_unlocked

    def ensure_vault(self, parent: QWidget | None = None) -> bool:
        """Set up or unlock the vault, asking the user; True when it is unlocked afterwards."""
        try:
            ws = self.workspace()
            if ws.is_unlocked:
                return True
            if not ws.has_vault:
                ready = self._ask_setup(parent, self)
            elif self.uses_passphrase():
                ready = self._ask_unlock(parent, self)
            else:
                ws.unlock()
                ready = True
        except StoreError as exc:
            log.warning("the vault is not available: %s", exc)
            QMessageBox.warning(parent, QCoreApplication.translate(
                "WorkspaceService", "Workspace"), QCoreApplication.translate(
                "WorkspaceService", "The encrypted vault cannot be opened:\n{error}").format(
                error=exc))
            return False
        if ready and ws.is_unlocked:
            self.vault_changed.emit()
            return True
        return False

    @property
    def is_locked(self) -> bool:
        """The workspace has a vault that is not unlocked: its encrypted data is there, unread.

        Pages show such data as locked (with an Unlock button), never as missing.
        """
        ws = self.workspace_if_present()
        try:
            return ws is not None and not ws.is_unlocked and ws.has_vault
        except OSError:
            return False

    def offer_unlock(self, parent: QWidget | None = None, *, setup: bool = False) -> bool:
        """On a page's first showing: ask to unlock a locked vault (or, with ``setup``, to set
        one up) unless the user already declined this session; True when unlocked afterwards.

        One "not now" is enough: the other pages then show their Unlock button instead of
        asking again.
        """
        if self.is_unlocked:
            return True
        if self._unlock_declined or not (self.is_locked or (setup and self.exists())):
            return False
        if self.ensure_vault(parent):
            return True
        self._unlock_declined = True
        return False

    def unlock_with(self, passphrase: str) -> None:
        """Scrypt work, no database access: callable from a worker thread."""
        self.workspace().unlock(passphrase)

    def create_vault(self, passphrase: str | None) -> None:
        """Set up the vault under ``passphrase``, or in the keyring when it is None."""
        ws = self.workspace()
        if passphrase is None:
            ws.create_vault()
        else:
            ws.create_vault(passphrase, scrypt_n=self.scrypt_n)
