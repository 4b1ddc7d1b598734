"""File → Workspace security…: where the vault key lives, change the passphrase, move the key.

Both re-wrap the data key only; no document is re-encrypted (vault.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui import accessibility, theme
from app.ui.store_service import WorkspaceService, keyring_problem
from app.ui.widgets.new_passphrase import ERROR_STYLE, NewPassphraseFields
from app.ui.workers import Job


class WorkspaceSecurityDialog(QDialog):
    def __init__(self, service: WorkspaceService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.status = service.keyring_status(refresh=True)
        self._job: Job | None = None
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.where = QLabel(self, wordWrap=True, objectName="keyPlace")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.passphrase_group = QGroupBox(self)
        group_layout = QVBoxLayout(self.passphrase_group)
        self.fields = NewPassphraseFields(self.passphrase_group)
        self.passphrase_button = QPushButton(self.passphrase_group,
                                             objectName="passphraseButton")
        group_layout.addWidget(self.fields)
        group_layout.addWidget(self.passphrase_button, 0, Qt.AlignmentFlag.AlignRight)
        self.keyring_group = QGroupBox(self)
        keyring_layout = QVBoxLayout(self.keyring_group)
        self.keyring_note = QLabel(self.keyring_group, wordWrap=True)
        self.keyring_button = QPushButton(self.keyring_group, objectName="keyringButton")
        keyring_layout.addWidget(self.keyring_note)
        keyring_layout.addWidget(self.keyring_button, 0, Qt.AlignmentFlag.AlignRight)
        self.message = QLabel(self, wordWrap=True, objectName="message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for widget in (self.where, self.passphrase_group, self.keyring_group, self.message):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.fields.changed.connect(self._update)
        self.passphrase_button.clicked.connect(self.set_passphrase)
        self.keyring_button.clicked.connect(self.move_to_keyring)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        accessibility.watch(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Workspace security"))
        self.fields.retranslate()
        self._update()

    def _update(self, *_: object) -> None:
        passphrase = self.service.uses_passphrase()
        place = self.service.keyring_place()
        self.where.setText(self.tr("Workspace: {root}\n{where}").format(
            root=self.service.workspace().root, where=self.service.key_place()))
        self.passphrase_group.setTitle(self.tr("Change the passphrase") if passphrase
                                       else self.tr("Protect the key with a passphrase instead"))
        self.passphrase_button.setText(self.tr("&Change passphrase") if passphrase
                                       else self.tr("Use a &passphrase"))
        self.keyring_group.setTitle(self.tr("System keyring"))
        self.keyring_group.setVisible(passphrase)
        self.keyring_note.setText(
            self.tr("Keep the key in {place}: the workspace then opens without a passphrase "
                    "while you are logged in.").format(place=place) if self.status.usable else
            self.tr("The system keyring cannot be used here: {reason}.").format(
                reason=keyring_problem(self.status)))
        self.keyring_button.setText(self.tr("&Move the key to {place}").format(place=place)
                                    if self.status.usable else
                                    self.tr("&Move the key to the system keyring"))
        busy = self._job is not None
        self.keyring_button.setEnabled(self.status.usable and not busy)
        self.passphrase_button.setEnabled(not busy and self.fields.passphrase() is not None)

    def _run(self, work: Callable[[], None], done: str) -> None:
        if self._job is not None:
            return
        job = Job(lambda progress, cancel: work())
        job.signals.finished.connect(lambda _: self._finished(done, ok=True))
        job.signals.failed.connect(lambda failure: self._finished(failure.message, ok=False))
        self._job = job
        self._update()
        self.service.runner.start(job)

    def _finished(self, message: str, *, ok: bool) -> None:
        self._job = None
        theme.style(self.message, "" if ok else ERROR_STYLE)
        self.message.setText(message)
        if ok:
            self.fields.clear()
            self.service.vault_changed.emit()
        self._update()

    def set_passphrase(self) -> None:
        passphrase = self.fields.passphrase()
        if passphrase is None:
            return
        ws = self.service.workspace()
        vault, keyring_store, n = ws.vault, ws.keyring, self.service.scrypt_n
        if self.service.uses_passphrase():
            self._run(lambda: vault.change_passphrase(passphrase, scrypt_n=n),
                      self.tr("The passphrase was changed. No document had to be re-encrypted."))
        else:
            self._run(lambda: vault.move_to_passphrase(passphrase, keyring_store, scrypt_n=n),
                      self.tr("The key is now protected by your passphrase and was removed from "
                              "the keyring."))

    def move_to_keyring(self) -> None:
        ws = self.service.workspace()
        vault, keyring_store = ws.vault, ws.keyring
        self._run(lambda: vault.move_to_keyring(keyring_store),
                  self.tr("The key is now kept in {place}.").format(
                      place=self.service.keyring_place()))


def show_workspace_security(service: WorkspaceService, parent: QWidget | None = None) -> None:
    if service.ensure_vault(parent):
        WorkspaceSecurityDialog(service, parent).exec()
