"""Icons shipped in resources/icons, read through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_SIZES = (16, 24, 32, 48, 64)


@cache
def _renderer(name: str) -> QSvgRenderer:
    data = (resources.files("app.resources") / "icons" / name).read_bytes()
    return QSvgRenderer(QByteArray(data))


def _render(name: str, size: int, colour: QColor | None = None) -> QPixmap:
    """The SVG at ``size``; with ``colour``, every drawn pixel in that colour (alpha kept)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    _renderer(name).render(painter)
    if colour is not None:
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), colour)
    painter.end()
    return pixmap


@cache
def icon(name: str) -> QIcon:
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_render(name, size))
    return result


def selectable_icon(name: str, selected: QColor, sizes: tuple[int, ...] = _SIZES) -> QIcon:
    """The icon in its own colours, and in one colour (the palette's HighlightedText) on a
    selected row: a coloured icon on the Highlight colour can all but vanish (the blue
    Diagnose icon on a blue selection). Made again when the theme changes. ``sizes``: the
    sizes drawn (the view's icon size, and twice that for high-density screens)."""
    result = QIcon()
    for size in sizes:
        result.addPixmap(_render(name, size))
        tinted = _render(name, size, selected)
        for state in (QIcon.State.Off, QIcon.State.On):
            result.addPixmap(tinted, QIcon.Mode.Selected, state)
    return result
