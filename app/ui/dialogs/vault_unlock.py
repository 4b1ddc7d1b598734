"""Unlocking a passphrase vault; a wrong passphrase says so and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.store.errors import WrongPassphrase
from app.ui import accessibility, theme
from app.ui.vault_access import VaultAccess
from app.ui.widgets.new_passphrase import ERROR_STYLE
from app.ui.workers import Job


class VaultUnlockDialog(QDialog):
    def __init__(self, service: VaultAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        service.workspace()  # opened here, on the main thread
        self._job: Job | None = None
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self, wordWrap=True, objectName="intro")
        form = QFormLayout()
        self.label = QLabel(self)
        self.passphrase = QLineEdit(self, objectName="passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.label.setBuddy(self.passphrase)
        form.addRow(self.label, self.passphrase)
        self.error = QLabel(self, wordWrap=True, objectName="errorLabel")
        theme.style(self.error, ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        accessibility.watch(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unlock the workspace"))
        self.intro.setText(self.tr(
            "Identity numbers and documents in this workspace are encrypted under your "
            "passphrase. Enter it to open them."))
        self.label.setText(self.tr("&Passphrase:"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Unlock"))
        self._update()

    def _update(self, *_: object) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self._job is None and bool(self.passphrase.text()))

    def unlock(self) -> None:
        passphrase = self.passphrase.text()
        if not passphrase or self._job is not None:
            return
        self.error.hide()

        def work(progress: object, cancel: object) -> bool:
            try:
                self.service.unlock_with(passphrase)
            except WrongPassphrase:
                return False
            return True

        job = Job(work)
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(lambda failure: self._failed(failure.message))
        self._job = job
        self._update()
        self.setCursor(Qt.CursorShape.WaitCursor)
        self.service.runner.start(job)

    def _done(self, unlocked: bool) -> None:
        self._job = None
        self.unsetCursor()
        if unlocked:
            self.passphrase.clear()
            self.accept()
            return
        self._failed(self.tr("Wrong passphrase. The workspace stays locked; nothing was "
                             "changed."))

    def _failed(self, message: str) -> None:
        self._job = None
        self.unsetCursor()
        self.error.setText(message)
        self.error.show()
        self.adjustSize()  # the wrapped message needs height the dialog did not have
        self.passphrase.selectAll()
        self.passphrase.setFocus()
        self._update()


def ask(parent: QWidget | None, service: VaultAccess) -> bool:
    """The dialog, modal; True when the vault is unlocked afterwards (an ``AskVault``)."""
    return bool(VaultUnlockDialog(service, parent).exec())
