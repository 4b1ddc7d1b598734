"""Stand-ins for the workspace service: a keyring kept in a dict, fast scrypt, no dialogs."""

from __future__ import annotations

import uuid
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from app.store.keystore import KeyringStore
from app.ui.store_service import WorkspaceService
from app.ui.workers import SynchronousRunner

PASSPHRASE = "correct horse battery staple"
FAST_SCRYPT_N = 2**14  # the floor the vault accepts; keeps the tests quick
ID_NUMBER = "11010519491231002X"  # the textbook valid resident ID number (checksum X)
ADMIN_ID_NUMBER = "110105198003070020"
CREDIT_CODE = "91110000600037341L"


class MemoryKeyring(KeyringBackend):
    """A keyring backend in a dict: the user's real keyring is never touched."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class Asked:
    """Records the vault dialogs the UI asked for, and answers them."""

    def __init__(self, passphrase: str | None = PASSPHRASE) -> None:
        self.passphrase = passphrase
        self.setup = 0
        self.unlock = 0

    def ask_setup(self, parent: object, service: WorkspaceService) -> bool:
        self.setup += 1
        if self.passphrase is None:
            return False
        service.create_vault(self.passphrase)
        return True

    def ask_unlock(self, parent: object, service: WorkspaceService) -> bool:
        self.unlock += 1
        if self.passphrase is None:
            return False
        service.unlock_with(self.passphrase)
        return True


def make_store_service(root: Path, keyring: KeyringBackend | None = None,
                       asked: Asked | None = None) -> WorkspaceService:
    asked = asked or Asked()
    service = WorkspaceService(
        root, KeyringStore(keyring or MemoryKeyring(),
                           service=f"wecom-appeal-test-{uuid.uuid4().hex}"),
        scrypt_n=FAST_SCRYPT_N, runner=SynchronousRunner(),
        ask_setup=asked.ask_setup, ask_unlock=asked.ask_unlock)
    service.asked = asked  # type: ignore[attr-defined]
    return service
