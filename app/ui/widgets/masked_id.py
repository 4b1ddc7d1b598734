"""An identity-number or phone field shown masked (110105********002X, 138****8000) unless it
is being edited or the user asked to see it; while masked it is read-only, so nothing is typed
into the stars."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLineEdit, QToolButton


def mask_id(number: str, keep_start: int = 6, keep_end: int = 4) -> str:
    compact = "".join(number.split())
    if len(compact) <= keep_start + keep_end:
        return "*" * len(compact)
    return compact[:keep_start] + "*" * (len(compact) - keep_start - keep_end) + compact[-keep_end:]


class MaskedIdField(QObject):
    edited = Signal(str)  # the whole number, after each keystroke

    def __init__(self, edit: QLineEdit, reveal: QToolButton, *, keep_start: int = 6,
                 keep_end: int = 4) -> None:
        super().__init__(edit)
        self.edit, self.reveal = edit, reveal
        self._keep = (keep_start, keep_end)  # a phone number keeps 3 and 4: 138****8000
        self._value = ""
        self._known = True  # False while only the store's masked form is available
        reveal.setCheckable(True)
        reveal.toggled.connect(self._render)
        edit.textEdited.connect(self._typed)
        edit.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.reveal.setText(self.tr("Hide") if self.reveal.isChecked() else self.tr("Show"))
        self.reveal.setToolTip(self.tr("Show or hide the whole number"))
        # Its text flips between Show and Hide; a screen reader hears a stable name and the
        # button's checked state instead.
        self.reveal.setAccessibleName(self.reveal.toolTip())

    def value(self) -> str:
        return self._value if self._known else ""

    def set_value(self, value: str) -> None:
        self._value, self._known = value, True
        self._render()

    def set_masked_only(self, masked: str) -> None:
        """Show a mask from the store while the vault is locked (the number is not known)."""
        self._value, self._known = masked, False
        self._render()

    def is_masked(self) -> bool:
        return not self.shows_plain()

    def shows_plain(self) -> bool:
        return self._known and (self.edit.hasFocus() or self.reveal.isChecked())

    def _render(self, *_: object) -> None:
        plain = self.shows_plain()
        text = self._value if plain or not self._known else mask_id(self._value, *self._keep)
        self.edit.setReadOnly(not plain)
        if self.edit.text() != text:
            self.edit.setText(text)  # setText does not emit textEdited
        self.retranslate()

    def _typed(self, text: str) -> None:
        if self.shows_plain():
            self._value = text
            self.edited.emit(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (QEvent.Type.FocusIn,
                                                     QEvent.Type.FocusOut):
            result = super().eventFilter(watched, event)
            self._render()
            return result
        return super().eventFilter(watched, event)
