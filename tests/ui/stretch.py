"""Finding text that does not fit: labels and buttons narrower than their text."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QTabBar, QWidget


def in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QTabBar):
            return True
        parent = parent.parentWidget()
    return False


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons showing text whose size hint is wider than they are
    (a word-wrapping label, or one in a scroll area the user can scroll, is not clipped)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisible():
            continue
        if not widget.text().strip() or in_scroll_area(widget):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.pixmap().isNull()):
            continue
        if widget.sizeHint().width() > widget.width():
            found.append(f"{type(widget).__name__} {widget.objectName()!r}: "
                         f"{widget.width()} < {widget.sizeHint().width()} {widget.text()[:40]!r}")
    return found
