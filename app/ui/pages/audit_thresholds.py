"""The scan thresholds dialog: one field per value of the core's ScanThresholds model."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QWidget,
)

from app.ui import accessibility
from app.ui.forms.ui_audit_thresholds import Ui_AuditThresholdsDialog

GROUPS = {
    "metrics": QT_TRANSLATE_NOOP("AuditThresholdsDialog", "Metrics"),
    "malicious_adding": QT_TRANSLATE_NOOP("AuditThresholdsDialog",
                                          "Malicious adding (rule 1, 2.1)"),
    "harassment": QT_TRANSLATE_NOOP("AuditThresholdsDialog", "Harassment (rule 1, 2.1 and 5.1)"),
}
LABELS = {
    "trend_half_life_days": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Trend: days after which a day counts half"),
    "spike_applications": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Applications that make a day a spike day"),
    "min_applications": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Judge acceptance from this many applications"),
    "daily_applications": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Flag at this many applications a day"),
    "acceptance_below": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "… with acceptance below (share, 0–1)"),
    "peak_applications": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Flag a single day with this many applications"),
    "spike_days": QT_TRANSLATE_NOOP("AuditThresholdsDialog", "… or this many spike days"),
    "rising_per_week": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Flag daily applications rising by this much a week"),
    "rising_min_daily": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "… while averaging at least this many a day"),
    "min_new_contacts": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Judge feedback from this many new customers"),
    "min_negative": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "… and this many deletions or blocks"),
    "negative_rate": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Flag deletions and blocks per new customer (share, 0–1)"),
    "min_chats": QT_TRANSLATE_NOOP("AuditThresholdsDialog",
                                   "Judge messaging from this many chats"),
    "messages_per_chat": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "Flag at this many messages per chat"),
    "reply_below": QT_TRANSLATE_NOOP(
        "AuditThresholdsDialog", "… with chats replied below (%)"),
}


class AuditThresholdsDialog(QDialog):
    def __init__(self, thresholds: Any, defaults: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditThresholdsDialog()
        self.ui.setupUi(self)
        self._model = type(thresholds)
        self._defaults = defaults
        self.fields: dict[tuple[str, str], QSpinBox | QDoubleSpinBox] = {}
        for group, values in thresholds.model_dump().items():
            box = QGroupBox(QCoreApplication.translate("AuditThresholdsDialog",
                                                       GROUPS.get(group, group)))
            form = QFormLayout(box)
            for name, value in values.items():
                if isinstance(value, int):
                    field: QSpinBox | QDoubleSpinBox = QSpinBox()
                    field.setRange(0, 1_000_000)
                else:
                    field = QDoubleSpinBox()
                    small = name in ("acceptance_below", "negative_rate")
                    field.setDecimals(2)
                    field.setRange(0.01 if small else 0, 1 if small else 1_000_000)
                    field.setSingleStep(0.05 if small else 1)
                field.setValue(value)
                field.setObjectName(name)
                label = QCoreApplication.translate("AuditThresholdsDialog",
                                                   LABELS.get(name, name))
                form.addRow(label, field)
                self.fields[(group, name)] = field
            self.ui.fieldsLayout.addWidget(box)
        self.ui.fieldsLayout.addStretch(1)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults)
        self.resize(600, 600)
        accessibility.watch(self)

    def restore_defaults(self) -> None:
        for group, values in self._defaults.model_dump().items():
            for name, value in values.items():
                self.fields[(group, name)].setValue(value)

    def thresholds(self) -> Any:
        data: dict[str, dict[str, float]] = {}
        for (group, name), field in self.fields.items():
            data.setdefault(group, {})[name] = field.value()
        return self._model.model_validate(data)


def ask_thresholds(parent: QWidget, thresholds: Any, defaults: Any) -> Any:
    dialog = AuditThresholdsDialog(thresholds, defaults, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.thresholds()
    finally:
        dialog.deleteLater()
