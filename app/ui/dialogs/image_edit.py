"""Crop a document picture: drag a rectangle over it (a rubber band), keep what is inside."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRubberBand,
    QVBoxLayout,
    QWidget,
)

from app.ui import accessibility

Fractions = tuple[float, float, float, float]
MIN_FRACTION = 0.05  # a crop smaller than this is a slip of the mouse, not a choice
KEY_STEP = 0.02  # what one arrow key moves the rectangle by, of the picture's size


class CropCanvas(QLabel):
    """The picture with a rubber band; ``selection()`` in fractions of the picture."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cropCanvas")
        self.setPixmap(QPixmap.fromImage(image))
        self.setFixedSize(image.size())
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.band = QRubberBand(QRubberBand.Shape.Rectangle, self)
        self._origin = QPoint()
        # The keyboard crops too: arrows move the rectangle, Shift+arrows change its size.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._describe()

    def set_selection(self, fractions: Fractions | None) -> None:
        if fractions is None:
            self.band.hide()
            self._describe()
            return
        w, h = self.width(), self.height()
        left, top, right, bottom = fractions
        self.band.setGeometry(QRect(QPoint(round(left * w), round(top * h)),
                                    QPoint(round(right * w) - 1, round(bottom * h) - 1)))
        self.band.show()
        self._describe()

    def _fractions(self) -> Fractions:
        if not self.band.isVisible():
            return (0.0, 0.0, 1.0, 1.0)
        rect = self.band.geometry().intersected(self.rect())
        w, h = self.width(), self.height()
        return (rect.left() / w, rect.top() / h, (rect.right() + 1) / w, (rect.bottom() + 1) / h)

    def _describe(self) -> None:
        left, top, right, bottom = self._fractions()
        self.setAccessibleName(self.tr("Picture to crop"))
        self.setAccessibleDescription(self.tr(
            "Keeps {left:.0f}–{right:.0f} % across and {top:.0f}–{bottom:.0f} % down. Arrow "
            "keys move the rectangle, Shift+arrow keys change its size.").format(
            left=left * 100, right=right * 100, top=top * 100, bottom=bottom * 100))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                 Qt.Key.Key_Down: (0, 1)}
        if event.key() not in moves:
            super().keyPressEvent(event)
            return
        dx, dy = (KEY_STEP * d for d in moves[event.key()])
        left, top, right, bottom = self._fractions()
        if not self.band.isVisible():  # the first key: a rectangle inside the margins
            left, top, right, bottom = 0.1, 0.1, 0.9, 0.9
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            right = min(1.0, max(left + MIN_FRACTION, right + dx))
            bottom = min(1.0, max(top + MIN_FRACTION, bottom + dy))
        else:
            dx = min(max(dx, -left), 1.0 - right)
            dy = min(max(dy, -top), 1.0 - bottom)
            left, right, top, bottom = left + dx, right + dx, top + dy, bottom + dy
        self.set_selection((left, top, right, bottom))
        event.accept()

    def selection(self) -> Fractions | None:
        if not self.band.isVisible():
            return None
        rect = self.band.geometry().intersected(self.rect())
        w, h = self.width(), self.height()
        crop = (rect.left() / w, rect.top() / h, (rect.right() + 1) / w, (rect.bottom() + 1) / h)
        if crop[2] - crop[0] < MIN_FRACTION or crop[3] - crop[1] < MIN_FRACTION:
            return None
        if crop == (0.0, 0.0, 1.0, 1.0):
            return None
        return crop

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._origin = event.position().toPoint()
        self.band.setGeometry(QRect(self._origin, QSize()))
        self.band.show()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.band.setGeometry(QRect(self._origin, event.position().toPoint()).normalized()
                              .intersected(self.rect()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.mouseMoveEvent(event)


class CropDialog(QDialog):
    """Shows the picture upright (turned as the user chose); returns the crop or None."""

    def __init__(self, image: QImage, current: Fractions | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cropDialog")
        self.setWindowTitle(self.tr("Crop the picture"))
        self.hint = QLabel(self.tr("Drag a rectangle around the part to keep, or use the arrow "
                                   "keys (Shift+arrows change its size). Reset keeps the whole "
                                   "picture."), self)
        self.hint.setWordWrap(True)
        self.canvas = CropCanvas(image, self)
        self.canvas.set_selection(current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.Reset, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(
            lambda: self.canvas.set_selection(None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(buttons)
        self.canvas.setFocus()
        accessibility.watch(self)

    def crop(self) -> Fractions | None:
        return self.canvas.selection()
