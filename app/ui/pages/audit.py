"""The Self-audit workspace: the rule checklist and the members' behaviour scan, as two tabs."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.ui.context import AppContext
from app.ui.forms.ui_audit import Ui_AuditPage
from app.ui.pages import audit_io
from app.ui.pages.audit_checklist import AuditChecklistPage
from app.ui.pages.audit_fetch import ask_fetch
from app.ui.pages.audit_scan import AskFetch, AskThresholds, AuditScanPage
from app.ui.pages.audit_thresholds import ask_thresholds
from app.ui.widgets.locked_banner import LockedBanner
from app.ui.workers import JobRunner, ThreadPoolRunner

CHECKLIST, SCAN = range(2)


class AuditPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 runner: JobRunner | None = None,
                 ask_save_path: audit_io.AskSavePath = audit_io.ask_save_path,
                 ask_open_paths: audit_io.AskOpenPaths = audit_io.ask_open_paths,
                 confirm: audit_io.Confirm = audit_io.confirm,
                 ask_thresholds: AskThresholds = ask_thresholds,
                 ask_fetch: AskFetch = ask_fetch) -> None:
        super().__init__(parent)
        self.context = context
        # The evidence files of the answers are encrypted in the workspace vault.
        self.locked = LockedBanner(context.store, "", self)  # first in the tab order
        self.ui = Ui_AuditPage()
        self.ui.setupUi(self)
        self.ui.pageLayout.insertWidget(0, self.locked)
        self._first_show = True
        runner = runner or ThreadPoolRunner()
        self.checklist = AuditChecklistPage(context, self.ui.checklistTab, runner=runner,
                                            ask_save_path=ask_save_path,
                                            ask_open_paths=ask_open_paths, confirm=confirm)
        self.ui.checklistTabLayout.addWidget(self.checklist)
        self.scan = AuditScanPage(context, self.ui.scanTab, runner=runner,
                                  ask_save_path=ask_save_path, ask_open_paths=ask_open_paths,
                                  ask_thresholds=ask_thresholds, ask_fetch=ask_fetch)
        self.ui.scanTabLayout.addWidget(self.scan)
        # The window gives the page focus (Ctrl+3): the first answer of the checklist takes it.
        self.setFocusProxy(self.checklist)
        self.ui.tabs.currentChanged.connect(self._tab_changed)
        context.hub.language_changed.connect(self.retranslate)
        self._retranslate_banner()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:  # a locked workspace asks to be unlocked once the page shows
            self._first_show = False
            QTimer.singleShot(0, lambda: self.context.store.offer_unlock(self))

    def _retranslate_banner(self) -> None:
        self.locked.set_what(self.tr("the evidence files of the answers"))

    def show_tab(self, index: int) -> None:
        self.ui.tabs.setCurrentIndex(index)

    def _tab_changed(self, index: int) -> None:
        self.setFocusProxy(self.checklist if index == CHECKLIST else self.scan.ui.importButton)

    def retranslate(self) -> None:
        index = self.ui.tabs.currentIndex()
        self.ui.retranslateUi(self)
        self.ui.tabs.setCurrentIndex(index)
        self._retranslate_banner()
