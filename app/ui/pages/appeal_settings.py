"""The package's choices on the Settings tab: purpose watermark, bundle and upload-kit limits.

Kept in the case's package draft (app.store.drafts, encrypted in the workspace), not in the
settings; the watermark's date is the day of the build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PIL import Image
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.appeal.watermark import WatermarkSpec
from app.i18n import Lang
from app.ui.forms.ui_appeal import Ui_AppealPage

if TYPE_CHECKING:
    from app.appeal.bundle import BundleOptions

if TYPE_CHECKING:
    from app.ui.pages.appeal_store import PackageStore


class PackageSettings(QObject):
    def __init__(self, ui: Ui_AppealPage, store: Callable[[], PackageStore],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._store = store
        self._loading = False
        ui.languageCombo.addItem("中文（简体）", "zh_CN")
        ui.languageCombo.addItem("English", "en")
        self.spec = WatermarkSpec()  # the case's, once the page has one (load)
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

    # Kept in the case ------------------------------------------------------------------------

    def load(self) -> None:
        """Show the current case's choices (the defaults without a case)."""
        draft, ui = self._store().draft(), self.ui
        self._loading = True
        try:
            spec = draft.watermark or WatermarkSpec()
            self.spec = spec.model_copy(update={
                "date": dt.date.today() if draft.watermark_date else None})
            ui.watermarkCheck.setChecked(draft.watermark is not None)
            ui.watermarkAllCheck.setChecked(draft.watermark_all)
            ui.idOnePageCheck.setChecked(draft.id_on_one_page)
            ui.dpiSpin.setValue(draft.dpi)
            ui.sizeCapSpin.setValue(draft.kit_cap_kb)
            ui.charLimitSpin.setValue(draft.kit_chars)
            ui.languageCombo.setCurrentIndex(max(0, ui.languageCombo.findData(draft.lang)))
        finally:
            self._loading = False
        self.update_summary()

    def save(self, *_: object) -> None:
        if self._loading:
            return
        ui = self.ui
        self._store().update_draft(
            watermark=(self.spec.model_copy(update={"date": None})
                       if ui.watermarkCheck.isChecked() else None),
            watermark_date=self.spec.date is not None,
            watermark_all=ui.watermarkAllCheck.isChecked(),
            id_on_one_page=ui.idOnePageCheck.isChecked(), dpi=ui.dpiSpin.value(),
            kit_cap_kb=ui.sizeCapSpin.value(), kit_chars=ui.charLimitSpin.value(),
            lang=self.package_lang())
