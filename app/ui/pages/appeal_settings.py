"""The package's choices on the Settings tab: purpose watermark, bundle and upload-kit limits.

Kept in the settings (none of them is identity data); the watermark's date is always today's.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PIL import Image
from pydantic import ValidationError
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QWidget

from app.appeal.watermark import WatermarkSpec
from app.i18n import Lang
from app.ui import settings as prefs
from app.ui.forms.ui_appeal import Ui_AppealPage

if TYPE_CHECKING:
    from app.appeal.bundle import BundleOptions

class PackageSettings(QObject):
    def __init__(self, ui: Ui_AppealPage, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.settings = settings
        ui.languageCombo.addItem("中文（简体）", "zh_CN")
        ui.languageCombo.addItem("English", "en")
        self.spec = WatermarkSpec()
        self.load()
        for widget, signal in ((ui.watermarkCheck, "toggled"), (ui.watermarkAllCheck, "toggled"),
                               (ui.idOnePageCheck, "toggled"), (ui.dpiSpin, "valueChanged"),
                               (ui.sizeCapSpin, "valueChanged"),
                               (ui.charLimitSpin, "valueChanged"),
                               (ui.languageCombo, "currentIndexChanged")):
            getattr(widget, signal).connect(self.save)
        ui.watermarkCheck.toggled.connect(self.update_summary)

    # What the builds read --------------------------------------------------------------------

    def package_lang(self) -> Lang:
        return self.ui.languageCombo.currentData() or "zh_CN"

    def watermark(self) -> WatermarkSpec | None:
        return self.spec if self.ui.watermarkCheck.isChecked() else None

    def watermark_all(self) -> bool:
        return self.ui.watermarkAllCheck.isChecked()

    def bundle_options(self) -> BundleOptions:
        from app.appeal.bundle import BundleOptions

        ui = self.ui
        return BundleOptions(lang=self.package_lang(), dpi=ui.dpiSpin.value(),
                             watermark=self.watermark(), watermark_all=self.watermark_all(),
                             id_on_one_page=ui.idOnePageCheck.isChecked())

    def kit_options(self) -> dict[str, Any]:
        """Keyword arguments of app.appeal.kit.build_kit."""
        return {"lang": self.package_lang(), "size_cap": self.ui.sizeCapSpin.value() * 1024,
                "char_limit": self.ui.charLimitSpin.value(), "watermark": self.watermark(),
                "watermark_all": self.watermark_all()}

    # The watermark dialog --------------------------------------------------------------------

    def adjust_watermark(self, picture: Image.Image | None, lang: Lang, parent: QWidget,
                         ) -> None:
        from app.ui.dialogs.watermark_preview import WatermarkPreviewDialog

        dialog = WatermarkPreviewDialog(self.spec, picture, lang, parent)
        if dialog.exec() == WatermarkPreviewDialog.DialogCode.Accepted:
            self.set_watermark(dialog.spec())

    def set_watermark(self, spec: WatermarkSpec) -> None:
        self.spec = spec
        self.save()
        self.update_summary()

    def update_summary(self, *_: object) -> None:
        spec = self.spec
        text = self.tr("“{text}”{date} · opacity {opacity} % · {angle}° · density {density}")
        self.ui.watermarkSummary.setText(text.format(
            text=spec.text, date=self.tr(" + date") if spec.date else "",
            opacity=round(spec.opacity * 100), angle=round(spec.angle),
            density=f"{spec.density:.1f}"))
        self.ui.watermarkSummary.setEnabled(self.ui.watermarkCheck.isChecked())

    # Kept between sessions -------------------------------------------------------------------

    def load(self) -> None:
        s, ui = self.settings, self.ui
        raw = prefs.WATERMARK.read(s)
        try:
            spec = WatermarkSpec.model_validate_json(raw) if raw else WatermarkSpec()
        except ValidationError:
            spec = WatermarkSpec()
        self.spec = spec.model_copy(update={"date": dt.date.today() if spec.date else None})
        ui.watermarkCheck.setChecked(prefs.WATERMARK_ON.read(s))
        ui.watermarkAllCheck.setChecked(prefs.WATERMARK_ALL.read(s))
        ui.idOnePageCheck.setChecked(prefs.ID_ON_ONE_PAGE.read(s))
        ui.dpiSpin.setValue(prefs.BUNDLE_DPI.read(s))
        ui.sizeCapSpin.setValue(prefs.KIT_CAP_KB.read(s))
        ui.charLimitSpin.setValue(prefs.KIT_CHARS.read(s))
        ui.languageCombo.setCurrentIndex(max(0, ui.languageCombo.findData(
            prefs.PACKAGE_LANG.read(s))))

    def save(self, *_: object) -> None:
        s, ui = self.settings, self.ui
        prefs.WATERMARK.write(s, self.spec.model_dump_json())
        prefs.WATERMARK_ON.write(s, ui.watermarkCheck.isChecked())
        prefs.WATERMARK_ALL.write(s, ui.watermarkAllCheck.isChecked())
        prefs.ID_ON_ONE_PAGE.write(s, ui.idOnePageCheck.isChecked())
        prefs.BUNDLE_DPI.write(s, ui.dpiSpin.value())
        prefs.KIT_CAP_KB.write(s, ui.sizeCapSpin.value())
        prefs.KIT_CHARS.write(s, ui.charLimitSpin.value())
        prefs.PACKAGE_LANG.write(s, self.package_lang())

