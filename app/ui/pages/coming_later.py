"""An honest placeholder for workspaces that arrive in a later version."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from app.ui.context import AppContext
from app.ui.forms.ui_coming_later import Ui_ComingLaterPage


class ComingLaterPage(QWidget):
    """Shared by every placeholder; subclasses name the feature and what it will do."""

    feature = QT_TRANSLATE_NOOP("ComingLaterPage", "Feature")
    description = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ui = Ui_ComingLaterPage()
        self.ui.setupUi(self)
        font = QFont(self.ui.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.title.setFont(font)
        self.retranslate()
        context.hub.language_changed.connect(self.retranslate)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.title.setText(QCoreApplication.translate("ComingLaterPage", self.feature))
        self.ui.description.setText(
            QCoreApplication.translate("ComingLaterPage", self.description)
            if self.description else "")


class AppealPackagePlaceholder(ComingLaterPage):
    feature = QT_TRANSLATE_NOOP("ComingLaterPage", "Appeal package")
    description = QT_TRANSLATE_NOOP(
        "ComingLaterPage",
        "Assemble the documents an enterprise appeal needs (business licence, legal person's "
        "ID card, a photo of the legal person holding the ID card, the company-seal "
        "authorisation letter, an appeal statement and evidence) into one printable PDF and an "
        "upload kit. Until then, the Diagnose workspace lists the documents your case needs.")


class SelfAuditPlaceholder(ComingLaterPage):
    feature = QT_TRANSLATE_NOOP("ComingLaterPage", "Self-audit")
    description = QT_TRANSLATE_NOOP(
        "ComingLaterPage",
        "Check the enterprise against WeCom's usage rules with a scored checklist, and scan the "
        "members' external-contact data for members drifting towards a restriction. Until then, "
        "the Rules workspace shows what each rule forbids.")
