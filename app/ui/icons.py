"""Icons shipped in app/resources/icons, read through importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_SIZES = (16, 24, 32, 48, 64)


@cache
def icon(name: str) -> QIcon:
    data = (resources.files("app.resources") / "icons" / name).read_bytes()
    renderer = QSvgRenderer(QByteArray(data))
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
        # Keep the colours on a selected sidebar row instead of Qt's tinted variant.
        result.addPixmap(pixmap, QIcon.Mode.Selected)
    return result
