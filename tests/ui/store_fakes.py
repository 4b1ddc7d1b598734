"""Stand-ins for the workspace service: fast scrypt, no dialogs (the keyring in a dict and the
sample values come from tests/shared_fakes.py)."""

from __future__ import annotations

import uuid
from pathlib import Path

from keyring.backend import KeyringBackend
from shared_fakes import (
    ADMIN_ID_NUMBER,
    CREDIT_CODE,
    FAST_SCRYPT_N,
    ID_NUMBER,
    PASSPHRASE,
    MemoryKeyring,
)

from app.store.keystore import KeyringStore
from app.ui.store_service import WorkspaceService
from app.ui.workers import SynchronousRunner

__all__ = ["ADMIN_ID_NUMBER", "CREDIT_CODE", "FAST_SCRYPT_N", "ID_NUMBER", "PASSPHRASE",
           "Asked", "MemoryKeyring", "make_store_service"]


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
