"""The first-start welcome: what the app does, where to start, and that everything stays on
this computer. Shown once; Help → Welcome shows it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui import settings as prefs

SHOWN_KEY = prefs.WELCOME_SHOWN.key  # declared in app/ui/settings.py


class WelcomeDialog(QDialog):
    START, GUIDE = 1, 2  # exec() results besides Rejected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.title = QLabel(self, objectName="welcomeTitle", wordWrap=True)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.what = QLabel(self, objectName="welcomeWhat", wordWrap=True)
        self.start = QLabel(self, objectName="welcomeStart", wordWrap=True)
        self.privacy = QLabel(self, objectName="welcomePrivacy", wordWrap=True)
        for label in (self.what, self.start, self.privacy):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self, objectName="welcomeStartButton")
        self.guide_button = QPushButton(self, objectName="welcomeGuideButton")
        self.close_button = QPushButton(self, objectName="welcomeCloseButton")
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self.done(self.START))
        self.guide_button.clicked.connect(lambda: self.done(self.GUIDE))
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.title)
        layout.addWidget(self.what)
        layout.addWidget(self.start)
        layout.addWidget(self.privacy)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome"))
        self.title.setText(self.tr("Welcome to the WeCom Appeal & Compliance Assistant"))
        self.what.setText(self.tr(
            "<p>For the administrator of an enterprise on WeCom whose member account, "
            "administrator account or whole enterprise has been restricted — and before it "
            "happens. The app explains the restriction with the section of WeCom's published "
            "rules it rests on, prepares the appeal package, and checks the enterprise against "
            "the usage rules. It prepares; it does not submit anything for you.</p>"))
        self.start.setText(self.tr(
            "<p><b>Where to start:</b> <b>Diagnose</b> asks what is restricted, takes the text "
            "of the notice, and tells you which rule applies and the route back. Enter the "
            "company once under <b>Enterprise</b>; the appeal package uses it. <b>Help → User "
            "guide</b> walks through every workspace.</p>"))
        self.privacy.setText(self.tr(
            "<p><b>Everything stays on this computer.</b> Cases, documents and identity data "
            "are kept in a local workspace, encrypted. The app sends nothing anywhere; the only "
            "network use is the optional statistics fetch from WeCom's API with credentials you "
            "enter.</p>"))
        self.start_button.setText(self.tr("&Start with Diagnose"))
        self.guide_button.setText(self.tr("Open the &user guide"))
        self.close_button.setText(self.tr("&Close"))
