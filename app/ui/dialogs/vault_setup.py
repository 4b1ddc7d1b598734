"""First run: protect the workspace's vault with the system keyring or with a passphrase.

Never a silent plaintext fallback: without a usable keyring the only choice is a passphrase.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.ui import accessibility, theme
from app.ui.store_service import keyring_problem
from app.ui.vault_access import VaultAccess
from app.ui.widgets.new_passphrase import ERROR_STYLE, NewPassphraseFields
from app.ui.workers import Job, JobFailure


class VaultSetupDialog(QDialog):
    def __init__(self, service: VaultAccess, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.status = service.keyring_status()
        self._job: Job | None = None
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self, wordWrap=True, objectName="intro")
        self.keyring_radio = QRadioButton(self, objectName="keyringRadio")
        self.keyring_note = QLabel(self, wordWrap=True, objectName="keyringNote")
        self.keyring_note.setIndent(24)
        self.passphrase_radio = QRadioButton(self, objectName="passphraseRadio")
        self.fields = NewPassphraseFields(self)
        self.fields.layout().setContentsMargins(24, 0, 0, 0)
        self.warning = QLabel(self, wordWrap=True, objectName="forgetWarning")
        self.warning.setIndent(24)
        self.error = QLabel(self, wordWrap=True, objectName="errorLabel")
        theme.style(self.error, ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        for widget in (self.intro, self.keyring_radio, self.keyring_note, self.passphrase_radio,
                       self.fields, self.warning, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        group = QButtonGroup(self)
        group.addButton(self.keyring_radio)
        group.addButton(self.passphrase_radio)
        self.keyring_radio.setEnabled(self.status.usable)
        (self.keyring_radio if self.status.usable else self.passphrase_radio).setChecked(True)
        group.buttonToggled.connect(self._update)
        self.fields.changed.connect(self._update)
        self.buttons.accepted.connect(self.set_up)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        accessibility.watch(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Protect the workspace"))
        self.intro.setText(self.tr(
            "The workspace keeps identity numbers, ID card photos and licences encrypted on this "
            "computer. Choose where the key that opens them is kept."))
        if self.status.usable:
            self.keyring_radio.setText(self.tr("Keep the key in the system keyring ({place})"
                                               ).format(place=self.service.keyring_place()))
            self.keyring_note.setText(self.tr(
                "Recommended: the workspace opens without a passphrase while you are logged in "
                "to this computer."))
        else:
            self.keyring_radio.setText(self.tr("Keep the key in the system keyring"))
            self.keyring_note.setText(self.tr(
                "The system keyring cannot be used here ({reason}), so the key is protected "
                "by a passphrase instead.").format(reason=keyring_problem(self.status)))
        self.passphrase_radio.setText(self.tr("Protect the key with a passphrase"))
        self.warning.setText(self.tr(
            "Write the passphrase down somewhere safe: without it the encrypted data cannot be "
            "recovered, by anyone."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Set up"))
        self.fields.retranslate()
        self._update()

    def wants_passphrase(self) -> bool:
        return self.passphrase_radio.isChecked()

    def _update(self, *_: object) -> None:
        use_passphrase = self.wants_passphrase()
        self.fields.setEnabled(use_passphrase)
        self.warning.setEnabled(use_passphrase)
        busy = self._job is not None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not busy and (not use_passphrase or self.fields.passphrase() is not None))

    def set_up(self) -> None:
        if self._job is not None:  # already setting up
            return
        passphrase = self.fields.passphrase() if self.wants_passphrase() else None
        if self.wants_passphrase() and passphrase is None:
            return
        self.error.hide()
        job = Job(lambda progress, cancel: self.service.create_vault(passphrase))
        job.signals.finished.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._job = job
        self._update()
        self.setCursor(Qt.CursorShape.WaitCursor)
        self.service.runner.start(job)

    def _done(self, _result: object) -> None:
        self._job = None
        self.unsetCursor()
        self.fields.clear()
        self.accept()

    def _failed(self, failure: JobFailure) -> None:
        self._job = None
        self.unsetCursor()
        self.error.setText(self.tr("The vault could not be set up: {error}").format(
            error=failure.message))
        self.error.show()
        self._update()


def ask(parent: QWidget | None, service: VaultAccess) -> bool:
    """The dialog, modal; True when the vault is set up afterwards (an ``AskVault``)."""
    return bool(VaultSetupDialog(service, parent).exec())
