"""The Fusion style of the themes (app/ui/theme.py), in a module of its own: the QStyle classes
are imported when a theme first needs Fusion, not before the window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory


class FusionStyle(QProxyStyle):
    """Fusion, with outlines that show on a dark palette: Fusion draws the edge of check
    boxes, radio buttons and text fields a little darker than the window, which vanishes on
    dark grey (WCAG 1.4.11 wants 3:1 for the edge of a control)."""

    OUTLINED = frozenset({QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                          QStyle.PrimitiveElement.PE_IndicatorRadioButton,
                          QStyle.PrimitiveElement.PE_FrameLineEdit})

    def __init__(self, edge: str, focused_edge: str) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.edge, self.focused_edge = edge, focused_edge  # colours: the theme's dark tokens

    def drawPrimitive(self, element, option, painter, widget=None):  # type: ignore[no-untyped-def]
        super().drawPrimitive(element, option, painter, widget)
        if element in self.OUTLINED:
            radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
            self._outline(option, painter, radio)

    def drawComplexControl(self, control, option, painter, widget=None):  # type: ignore[no-untyped-def]
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_SpinBox:
            self._outline(option, painter, False)

    def _outline(self, option, painter, round_: bool) -> None:  # type: ignore[no-untyped-def]
        if option.palette.window().color().lightness() >= 128:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        edge = QColor(self.focused_edge if focused else self.edge)
        if not enabled:
            edge.setAlpha(110)
        painter.setPen(QPen(edge, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if round_:
            painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()
