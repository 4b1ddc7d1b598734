"""Driving the UI with the keyboard only: every key goes to the widget that has the focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    return focus


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    """Press a key where the keyboard focus is, as a user would."""
    QTest.keyClick(focused(), k, modifier)


def tab_to(wanted: Callable[[QWidget], bool], limit: int = 200,
           backwards: bool = False) -> QWidget:
    """Press Tab (Shift+Tab) until the focused widget is one ``wanted`` accepts."""
    seen = []
    for _ in range(limit):
        if wanted(focused()):
            return focused()
        seen.append(f"{type(focused()).__name__}:{focused().objectName()}")
        if backwards:
            key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            key(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the widget; went through {seen[-30:]}")

