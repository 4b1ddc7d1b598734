"""A strip that says the workspace is locked and offers to unlock it, shown wherever a page
needs encrypted workspace data: locked data is shown as locked, never as missing."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import theme
from app.ui.store_service import WorkspaceService

STYLE = ("QFrame#lockedBanner { background: @warning_bg; border: 1px solid @warning_border; "
         "border-radius: 4px; } QFrame#lockedBanner QLabel { color: @warning_text; "
         "background: transparent; }")


class LockedBanner(QFrame):
    """Visible while the store is locked; Unlock asks for the passphrase (or the keyring).

    Create it before the page's form (``setupUi``) so Tab reaches Unlock first, then insert it
    at the top of the page's layout."""

    def __init__(self, store: WorkspaceService, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockedBanner")
        theme.style(self, STYLE)
        self.store = store
        self._what = what
        layout = QHBoxLayout(self)
        self.label = QLabel(self, objectName="lockedLabel", wordWrap=True)
        self.button = QPushButton(self, objectName="lockedUnlockButton")
        self.button.setAutoDefault(False)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.unlock)
        store.vault_changed.connect(self.refresh)
        store.cases_changed.connect(self.refresh)  # the first case creates the workspace
        self.retranslate()
        self.refresh()

    def set_what(self, what: str) -> None:
        """What the page cannot show while locked, in the user's words (already translated)."""
        self._what = what
        self.retranslate()

    def unlock(self) -> bool:
        unlocked = self.store.ensure_vault(self.window())
        self.refresh()
        return unlocked

    def _needs_setup(self) -> bool:
        ws = self.store.workspace_if_present()
        return ws is not None and not ws.is_unlocked and not ws.has_vault

    def refresh(self) -> None:
        self.setVisible(self.store.is_locked or self._needs_setup())
        self.retranslate()

    def retranslate(self) -> None:
        if self._needs_setup():
            self.label.setText(self.tr("The workspace has no encrypted vault yet: set it up to "
                                       "keep {what}.").format(what=self._what))
            self.button.setText(self.tr("&Set up…"))
            return
        self.label.setText(self.tr("The workspace is locked: {what} are kept encrypted. Unlock "
                                   "it to see and use them; nothing is missing.").format(
                                       what=self._what))
        self.button.setText(self.tr("&Unlock…"))
