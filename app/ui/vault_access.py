"""What the vault dialogs need from the workspace, as a small protocol.

The dialogs (app/ui/dialogs/vault_setup.py, vault_unlock.py) are typed against it rather than
against ``WorkspaceService``, and the service is handed the dialogs where the app is assembled
(app/ui/context.py), so neither module imports the other (docs/design.md, "Layers").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.store.keystore import KeyringStatus
    from app.store.workspace import Workspace
    from app.ui.workers import JobRunner


class VaultAccess(Protocol):
    """The workspace as the vault dialogs use it (``WorkspaceService`` is one)."""

    @property
    def runner(self) -> JobRunner: ...

    def workspace(self) -> Workspace: ...

    def keyring_status(self, refresh: bool = False) -> KeyringStatus: ...

    def keyring_place(self) -> str: ...

    def create_vault(self, passphrase: str | None) -> None: ...

    def unlock_with(self, passphrase: str) -> None: ...


# (parent, service) -> True when the vault is ready afterwards.
AskVault = Callable[["QWidget | None", VaultAccess], bool]
