"""The Behaviour scan tab: import or fetch member statistics, flag risky members, explain why."""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QBrush, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QListWidgetItem, QMenu, QWidget

from app.ui import settings as prefs
from app.ui import theme
from app.ui.context import AppContext
from app.ui.forms.ui_audit_scan import Ui_AuditScanPage
from app.ui.pages import audit_io
from app.ui.pages.audit_fetch import FetchRequest, ask_fetch
from app.ui.pages.audit_thresholds import ask_thresholds
from app.ui.pages.scan_member import MemberDetail
from app.ui.pages.scan_model import MEMBER_ROLE, ScanModel, ScanProxyModel
from app.ui.workers import Job, JobFailure, JobRunner, ProgressText, ThreadPoolRunner

log = logging.getLogger(__name__)

THRESHOLDS_KEY = prefs.SCAN_THRESHOLDS.key  # declared in app/ui/settings.py
FILE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
PAGE_STYLE = 'QLabel[hint="true"] { color: @hint; }'

# (parent, thresholds, defaults) -> new thresholds, or None when cancelled.
AskThresholds = Callable[[QWidget, Any, Any], Any]
# (parent, context) -> what to fetch, or None when cancelled.
AskFetch = Callable[[QWidget, AppContext], FetchRequest | None]


class AuditScanPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 runner: JobRunner | None = None,
                 ask_save_path: audit_io.AskSavePath = audit_io.ask_save_path,
                 ask_open_paths: audit_io.AskOpenPaths = audit_io.ask_open_paths,
                 ask_thresholds: AskThresholds = ask_thresholds,
                 ask_fetch: AskFetch = ask_fetch) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.audit
        self.runner = runner or ThreadPoolRunner()
        self._ask_save_path = ask_save_path
        self._ask_open_paths = ask_open_paths
        self._ask_thresholds = ask_thresholds
        self._ask_fetch = ask_fetch
        self.result: Any = None  # app.audit.risk.ScanResult
        self.error: str = ""
        self.job: Job | None = None
        self._jobs: set[Job] = set()
        self._fetch_dir: tempfile.TemporaryDirectory[str] | None = None

        self.ui = Ui_AuditScanPage()
        self.ui.setupUi(self)
        theme.style(self, PAGE_STYLE)
        self.setAcceptDrops(True)
        ui = self.ui
        self.model = ScanModel(self)
        self.proxy = ScanProxyModel(self)
        self.proxy.setSourceModel(self.model)
        ui.table.setModel(self.proxy)
        header = ui.table.horizontalHeader()
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        # Measuring every row of 10 000 members froze the window for seconds.
        header.setResizeContentsPrecision(200)
        header.setStretchLastSection(True)
        ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.verticalSplitter.setStretchFactor(0, 4)
        ui.verticalSplitter.setStretchFactor(1, 1)
        ui.splitter.setSizes([640, 340])
        ui.verticalSplitter.setSizes([480, 90])
        self.detail = MemberDetail(ui, self.runner)
        self.chart = self.detail.chart
        ui.progressRow.setVisible(False)
        ui.problemList.setVisible(False)

        self.export_menu = QMenu(self)
        ui.exportButton.setMenu(self.export_menu)
        ui.importButton.clicked.connect(self.ask_import)
        ui.fetchButton.clicked.connect(self.fetch)
        ui.thresholdsButton.clicked.connect(self.edit_thresholds)
        ui.cancelButton.clicked.connect(self.cancel)
        ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        ui.flaggedOnly.toggled.connect(self.proxy.set_only_flagged)
        context.hub.language_changed.connect(self.retranslate)
        app = QCoreApplication.instance()
        if app is not None:  # a scan still running when the app quits is stopped, not awaited
            app.aboutToQuit.connect(self.cancel)
        self.retranslate()

    # Thresholds -------------------------------------------------------------------------------

    def thresholds(self) -> Any:
        saved = prefs.SCAN_THRESHOLDS.read(self.context.settings) or None
        overrides = None
        if saved:
            try:
                overrides = json.loads(str(saved))
            except ValueError:
                overrides = None
        try:
            return self.service.load_thresholds(overrides)
        except ValueError:  # saved values the current model refuses: back to the defaults
            return self.service.load_thresholds(None)

    def set_thresholds(self, thresholds: Any) -> None:
        prefs.SCAN_THRESHOLDS.write(self.context.settings, json.dumps(thresholds.model_dump()))

    def edit_thresholds(self) -> None:
        chosen = self._ask_thresholds(self, self.thresholds(), self.service.load_thresholds(None))
        if chosen is None:
            return
        self.set_thresholds(chosen)
        if self.result is not None:  # re-flag the same members; no need to read the file again
            from app.audit.risk import assess

            self.result.thresholds = chosen
            self.result.members = assess(self.result.data.members, chosen)
            self._show_result()

    # Import -------------------------------------------------------------------------------------

    def ask_import(self) -> None:
        paths = self._ask_open_paths(self, self.tr("Import behaviour data"),
                                     self.tr("Behaviour data (*.csv *.txt *.tsv *.xlsx *.xlsm)"))
        if paths:
            self.import_file(paths[0])

    def import_file(self, path: str) -> Job | None:
        if self.job is not None:
            return None
        thresholds = self.thresholds()
        scan = self.service.scan

        def work(progress, cancel):
            return scan(path, thresholds, progress, cancel)

        return self._start(work, self.tr("Reading {path}…").format(path=Path(path).name))

    def fetch(self) -> Job | None:
        if self.job is not None:
            return None
        request = self._ask_fetch(self, self.context)
        if request is None:
            return None
        thresholds = self.thresholds()
        service = self.service
        if self._fetch_dir is not None:
            self._fetch_dir.cleanup()
        self._fetch_dir = tempfile.TemporaryDirectory(prefix="wecom-fetch-")
        out = Path(self._fetch_dir.name) / "wecom-api.csv"

        def work(progress, cancel):
            from app.audit.behaviour import rows_to_csv

            client = service.make_client(request.corpid, request.secret, request.base_url)
            rows = client.fetch_behaviour(request.members, request.start, request.end,
                                          progress=progress, cancel=cancel)
            cancel.check()
            rows_to_csv(rows, out)
            return service.scan(str(out), thresholds, progress, cancel)

        return self._start(work, self.tr("Fetching from WeCom…"))

    def _start(self, work: Any, text: str) -> Job:
        job = Job(work, audit_io.describe_error(self.context.lang))
        self.job = job
        ui = self.ui
        ui.progressBar.setRange(0, 0)
        ui.progressText.setText(text)
        ui.progressRow.setVisible(True)
        ui.cancelButton.setEnabled(True)
        for button in (ui.importButton, ui.fetchButton):
            button.setEnabled(False)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.runner.start(job)
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.ui.cancelButton.setEnabled(False)
            self.ui.progressText.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, message: ProgressText) -> None:
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        self.ui.progressText.setText(message(self.context.lang))

    def _job_ended(self) -> None:
        self.job = None
        self.ui.progressRow.setVisible(False)
        for button in (self.ui.importButton, self.ui.fetchButton):
            button.setEnabled(True)

    def _finished(self, result: Any) -> None:
        self._job_ended()
        if self.result is not None:
            self.result.close()
        self.result = result
        self.error = ""
        self._show_result()

    def _failed(self, failure: JobFailure) -> None:
        self._job_ended()
        self.error = failure.message
        self._show_problems()
        self.ui.summaryLabel.setText(self.tr("The data could not be read; see the problem "
                                             "below."))

    def _cancelled(self) -> None:
        self._job_ended()
        self.context.hub.status_message.emit(self.tr("The import was cancelled."), 5000)

    # Results ----------------------------------------------------------------------------------

    def _show_result(self) -> None:
        result, lang = self.result, self.context.lang
        ledger: dict[str, list[Any]] = {}
        try:
            ledger = self.service.archive.restrictions(m.userid for m in result.members)
        except Exception as exc:  # the scan is still worth showing without the ledger
            log.warning("the ledger cannot be read", exc_info=True)
            self.context.hub.status_message.emit(
                self.tr("The ledger cannot be read: {error}").format(error=exc), 0)
        self.model.set_result(list(result.members), ledger, lang)
        self.proxy.sort(*self.proxy.sorted_by)
        self.ui.table.resizeColumnsToContents()
        self._show_summary()
        self._show_problems()
        self.ui.exportButton.setEnabled(True)
        if self.proxy.rowCount():
            self.ui.table.selectRow(0)

    def _show_summary(self) -> None:
        data = self.result.data
        self.ui.summaryLabel.setText(self.tr(
            "{source}: {read} rows read, {kept} kept, {rejected} rejected; {members} members, "
            "{flagged} flagged.").format(source=Path(data.source).name, read=data.rows_read,
                                         kept=data.rows_kept, rejected=data.rows_rejected_count,
                                         members=len(self.result.members),
                                         flagged=len(self.result.flagged)))

    def _show_problems(self) -> None:
        problems = self.ui.problemList
        problems.clear()
        red = QBrush(theme.color("error"))
        if self.error:
            item = QListWidgetItem(self.error)
            item.setForeground(red)
            problems.addItem(item)
        elif self.result is not None:
            data, lang = self.result.data, self.context.lang
            name = Path(data.source).name
            for row in data.rows_rejected:
                problems.addItem(QListWidgetItem(self.tr("{file}, line {line}: {reason}").format(
                    file=name, line=row.line, reason=row.reason(lang))))
            hidden = data.rows_rejected_count - len(data.rows_rejected)
            if hidden > 0:
                problems.addItem(self.tr("… and %n more rejected line(s).", "", hidden))
        problems.setVisible(problems.count() > 0)

    def selected_member(self) -> Any:
        rows = self.ui.table.selectionModel().selectedRows()
        return rows[0].data(MEMBER_ROLE) if rows else None

    def select_member(self, userid: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data() == userid:
                self.ui.table.selectRow(row)
                return

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_member(self.selected_member())

    def _show_member(self, member: Any) -> None:
        self.detail.show_member(member, self.model.ledger, self.result, self.context.lang)

    # Export -----------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        if self.result is None:
            return
        result, lang = self.result, self.context.lang
        captions = {"pdf": self.tr("Export the scan report as PDF"),
                    "csv": self.tr("Export the scan as CSV"),
                    "json": self.tr("Export the scan as JSON")}
        path = self._ask_save_path(self, captions[kind],
                                   audit_io.suggested_name("wecom-behaviour-scan", kind),
                                   audit_io.EXPORT_FILTERS[kind])
        if not path:
            return

        def write() -> None:
            if kind == "pdf":
                from app.audit.report import scan_report_pdf

                scan_report_pdf(result, path, lang)
            elif kind == "csv":
                from app.audit.exports import scan_csv

                scan_csv(result, path, lang)
            else:
                from app.audit.exports import write_json

                write_json(result.as_json(lang), path)

        self.ui.progressRow.setVisible(True)
        self.ui.cancelButton.setVisible(False)
        job = audit_io.run_export(self.runner, write, path, lang, self.ui.progressBar,
                                  self.ui.progressText, lambda _p: None)
        self._jobs.add(job)

        def ended(*_: object) -> None:
            self._jobs.discard(job)
            self.ui.cancelButton.setVisible(True)
            self.ui.progressRow.setVisible(self.job is not None)
            self.context.hub.status_message.emit(self.ui.progressText.text(), 5000)

        job.signals.finished.connect(ended)
        job.signals.failed.connect(ended)

    # Drag and drop, language ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(
                FILE_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.import_file(urls[0].toLocalFile())

    def retranslate(self) -> None:
        ui = self.ui
        summary = ui.summaryLabel.text()
        ui.retranslateUi(self)
        if self.result is None and self.error:
            ui.summaryLabel.setText(summary)
        self.export_menu.clear()
        for kind, text in (("pdf", self.tr("PDF report…")), ("csv", self.tr("CSV (editable)…")),
                           ("json", self.tr("JSON…"))):
            self.export_menu.addAction(text, lambda kind=kind: self.export(kind))
        ui.exportButton.setEnabled(self.result is not None)
        self.model.set_lang(self.context.lang)
        self.detail.retranslate()
        if self.result is not None:
            self._show_summary()
            self._show_problems()
            self._show_member(self.selected_member())

