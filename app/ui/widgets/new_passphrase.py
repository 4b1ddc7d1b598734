"""Entering a new passphrase: twice, with a strength hint; valid only when both agree."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.store.vault import MIN_PASSPHRASE
from app.ui import theme

ERROR_STYLE = "color: @error;"


def strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong (length counts most: phrases beat symbols)."""
    if len(passphrase) < MIN_PASSPHRASE:
        return 0
    classes = sum((any(c.islower() for c in passphrase), any(c.isupper() for c in passphrase),
                   any(c.isdigit() for c in passphrase),
                   any(not c.isalnum() or ord(c) > 127 for c in passphrase)))
    if len(passphrase) >= 16 or (len(passphrase) >= 12 and classes >= 3):
        return 3
    if len(passphrase) >= 10 and classes >= 2:
        return 2
    return 1


class NewPassphraseFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.first = QLineEdit(self, objectName="newPassphrase")
        self.second = QLineEdit(self, objectName="repeatPassphrase")
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._update)
        self.first_label = QLabel(self)
        self.second_label = QLabel(self)
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        self.strength_label = QLabel(self, objectName="strengthLabel", wordWrap=True)
        self.mismatch_label = QLabel(self, objectName="mismatchLabel", wordWrap=True)
        theme.style(self.mismatch_label, ERROR_STYLE)
        layout.addRow(self.first_label, self.first)
        layout.addRow("", self.strength_label)
        layout.addRow(self.second_label, self.second)
        layout.addRow("", self.mismatch_label)
        self.retranslate()

    def retranslate(self) -> None:
        self.first_label.setText(self.tr("New &passphrase:"))
        self.second_label.setText(self.tr("&Repeat it:"))
        self._update()

    def passphrase(self) -> str | None:
        """The new passphrase when it is long enough and typed the same twice."""
        text = self.first.text()
        if strength(text) == 0 or text != self.second.text():
            return None
        return text

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _update(self) -> None:
        text = self.first.text()
        level = strength(text)
        messages = {
            0: self.tr("Too short: at least {count} characters. A few unrelated words make a "
                       "good passphrase.").format(count=MIN_PASSPHRASE),
            1: self.tr("Strength: weak. Make it longer: several words are easy to remember "
                       "and hard to guess."),
            2: self.tr("Strength: fair. A few more characters make it strong."),
            3: self.tr("Strength: strong."),
        }
        self.strength_label.setText(messages[level] if text else self.tr(
            "At least {count} characters.").format(count=MIN_PASSPHRASE))
        colour = {0: "@error", 1: "@warning", 2: "@hint", 3: "@success"}[level]
        theme.style(self.strength_label, f"color: {colour};" if text else "color: @hint;")
        differs = bool(self.second.text()) and self.second.text() != text
        self.mismatch_label.setText(self.tr("The two passphrases differ.") if differs else "")
        self.mismatch_label.setVisible(differs)
        self.changed.emit()
