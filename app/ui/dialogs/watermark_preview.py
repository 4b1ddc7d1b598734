"""The purpose watermark: text, date, opacity, angle and density, with a live preview.

The preview is the core's own rendering (app.appeal.watermark.preview) on one of the case's ID
pictures, so what the user sees is what the export draws.
"""

from __future__ import annotations

import datetime as dt

from PIL import Image, ImageDraw
from pydantic import ValidationError
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from app.appeal.watermark import DEFAULT_TEXT, WatermarkSpec, preview
from app.i18n import Lang
from app.pdf.fonts import FontNotFoundError
from app.ui import accessibility
from app.ui.forms.ui_watermark_preview import Ui_WatermarkPreviewDialog
from app.ui.pages.appeal_documents import to_qimage

PREVIEW_DELAY_MS = 150


def sample_card() -> Image.Image:
    """A stand-in ID card when the case has no ID picture yet (no real data on it)."""
    card = Image.new("RGB", (856, 540), (222, 232, 240))
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle((16, 16, 840, 524), radius=28, outline=(150, 170, 190), width=4)
    draw.rectangle((600, 90, 800, 340), fill=(200, 212, 224))
    for y in range(110, 420, 52):
        draw.rectangle((60, y, 60 + (460 if y < 360 else 700), y + 18), fill=(176, 190, 204))
    return card


class WatermarkPreviewDialog(QDialog):
    def __init__(self, spec: WatermarkSpec, picture: Image.Image | None, lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.picture = picture if picture is not None else sample_card()
        self.ui = Ui_WatermarkPreviewDialog()
        self.ui.setupUi(self)
        self.ui.textEdit.setMinimumWidth(300)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_preview)
        self.set_spec(spec)
        ui = self.ui
        ui.textEdit.textChanged.connect(self._changed)
        ui.dateCheck.toggled.connect(self._changed)
        ui.opacitySlider.valueChanged.connect(self._changed)
        ui.angleSpin.valueChanged.connect(self._changed)
        ui.densitySlider.valueChanged.connect(self._changed)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.set_spec(WatermarkSpec()))
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.render_preview()
        accessibility.watch(self)

    def set_spec(self, spec: WatermarkSpec) -> None:
        ui = self.ui
        ui.textEdit.setText(spec.text)
        ui.textEdit.setCursorPosition(0)
        ui.dateCheck.setChecked(spec.date is not None)
        ui.opacitySlider.setValue(round(spec.opacity * 100))
        ui.angleSpin.setValue(round(spec.angle))
        ui.densitySlider.setValue(round(spec.density * 10))
        self._changed()

    def spec(self) -> WatermarkSpec:
        ui = self.ui
        try:
            return WatermarkSpec(text=ui.textEdit.text().strip() or DEFAULT_TEXT,
                                 date=dt.date.today() if ui.dateCheck.isChecked() else None,
                                 opacity=ui.opacitySlider.value() / 100,
                                 angle=ui.angleSpin.value(),
                                 density=ui.densitySlider.value() / 10)
        except ValidationError:
            return WatermarkSpec()

    def _changed(self, *_: object) -> None:
        self.ui.opacityValue.setText(f"{self.ui.opacitySlider.value()} %")
        self.ui.densityValue.setText(f"{self.ui.densitySlider.value() / 10:.1f}×")
        self._timer.start()

    def render_preview(self) -> None:
        try:
            marked = preview(self.picture, self.spec(), max_side=640)
        except FontNotFoundError as exc:
            self.ui.preview.setText(exc.message(self.lang))
            return
        pixmap = QPixmap.fromImage(to_qimage(marked))
        self.ui.preview.setPixmap(pixmap)
        self.preview_image = pixmap.toImage()
