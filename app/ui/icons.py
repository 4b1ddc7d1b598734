"""Icons shipped in resources/icons, read through importlib.resources.

An icon is drawn from its SVG when Qt first asks for a size (``SvgIconEngine``), not when it is
made: the window's icons cost nothing before its first paint, and only the sizes and modes shown
are ever drawn (docs/design.md, "Start-up").
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPixmap

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

_SIZES = (16, 24, 32, 48, 64)


@cache
def _renderer(name: str) -> QSvgRenderer:
    from importlib import resources

    from PySide6.QtCore import QByteArray
    from PySide6.QtSvg import QSvgRenderer

    data = (resources.files("app.resources") / "icons" / name).read_bytes()
    return QSvgRenderer(QByteArray(data))


def _render(name: str, width: int, height: int, colour: QColor | None = None) -> QPixmap:
    """The SVG in a ``width``×``height`` pixmap; with ``colour``, every drawn pixel in that
    colour (alpha kept)."""
    from PySide6.QtGui import QPainter

    pixmap = QPixmap(width, height)
    pixmap.fill(QColor(0, 0, 0, 0))  # transparent
    painter = QPainter(pixmap)
    _renderer(name).render(painter)
    if colour is not None:
        # The colour where the drawing is: a plain pixmap of it drawn over, kept where the drawing
        # is opaque (``fillRect`` would load PySide's Qt namespace: see app/ui/main_window.py).
        solid = QPixmap(width, height)
        solid.fill(colour)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.drawPixmap(0, 0, solid)
    painter.end()
    return pixmap


class SvgIconEngine(QIconEngine):
    """One SVG of resources/icons, drawn at each size and mode the first time it is asked for.
    With ``selected``, the Selected mode is drawn in that one colour."""

    def __init__(self, name: str, selected: QColor | None = None,
                 sizes: tuple[int, ...] = _SIZES) -> None:
        super().__init__()
        self.name = name
        self.selected = selected  # (QColor(colour) would load the Qt namespace: see main_window)
        self.sizes = sizes
        self._drawn: dict[tuple[int, int, QIcon.Mode], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.selected, self.sizes)

    def isNull(self) -> bool:
        return False

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal,
                       state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(size, size) for size in self.sizes]

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())  # square, as the SVGs are
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        key = (side, side, mode)
        if key not in self._drawn:
            self._drawn[key] = self._draw(side, mode)
        pixmap = QPixmap(self._drawn[key])
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        side = min(rect.width(), rect.height())
        pixmap = self.scaledPixmap(QSize(side, side), mode, state, scale)
        target = QRect(0, 0, side, side)
        target.moveCenter(rect.center())
        painter.drawPixmap(target, pixmap)

    def _draw(self, side: int, mode: QIcon.Mode) -> QPixmap:
        if mode == QIcon.Mode.Selected and self.selected is not None:
            return _render(self.name, side, side, self.selected)
        pixmap = _render(self.name, side, side)
        if mode == QIcon.Mode.Disabled:  # greyed as the style greys any icon
            from PySide6.QtWidgets import QApplication, QStyleOption

            style = QApplication.style()
            if style is not None:
                return style.generatedIconPixmap(mode, pixmap, QStyleOption())
        return pixmap


@cache
def icon(name: str) -> QIcon:
    return QIcon(SvgIconEngine(name))


def selectable_icon(name: str, selected: QColor, sizes: tuple[int, ...] = _SIZES) -> QIcon:
    """The icon in its own colours, and in one colour (the palette's HighlightedText) on a
    selected row: a coloured icon on the Highlight colour can all but vanish (the blue
    Diagnose icon on a blue selection). Made again when the theme changes. ``sizes``: the
    sizes it offers (the view's icon size, and twice that for high-density screens)."""
    return QIcon(SvgIconEngine(name, selected, sizes))
