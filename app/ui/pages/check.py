"""The "发送前检查 / Check before sending" workspace: paste a text or open a TXT/CSV/XLSX file,
see each finding highlighted with its reason, section and hint, filter by severity, export;
and check a send plan against WeCom's documented mass-message limit and the app's advice."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from app.labels import label
from app.labels import text as both_languages
from app.textcheck.checks import (
    SEVERITIES,
    ChecksError,
    import_word_list,
    parse_word_list,
)
from app.textcheck.engine import RowFindings, TextChecker, check_rows, enterprise_file, load_checker
from app.textcheck.inputs import TextsFileError, read_texts_file
from app.textcheck.plans import SendPlan, check_plan
from app.ui import file_dialogs, theme
from app.ui.context import AppContext
from app.ui.forms.ui_check import Ui_CheckPage
from app.ui.pages.check_render import badge, detail_html, plan_html
from app.ui.workers import Cancelled, Job, JobRunner, ThreadPoolRunner

# More texts than this are checked on a worker thread with a progress bar.
_BACKGROUND_FROM = 200


class CheckPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None,
                 runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner or ThreadPoolRunner()
        self.ui = Ui_CheckPage()
        self.ui.setupUi(self)
        theme.style(self, 'QLabel[hint="true"] { color: @hint; }')
        self._checker: TextChecker | None = None
        self._items: list[RowFindings] = []
        self._source = ""
        self._file_rows: list[tuple[int, str]] | None = None
        self._loading = False
        self.job: Job | None = None
        ui = self.ui
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        ui.resultSplitter.setStretchFactor(0, 2)
        ui.resultSplitter.setStretchFactor(1, 3)
        ui.progressBar.setVisible(False)
        ui.table.setWordWrap(False)
        ui.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Category and the matched words share what is left, elided (full text in the detail
        # pane and the tooltip): the table never scrolls sideways at 1024 px.
        for column in (2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        ui.openButton.clicked.connect(self.open_file)
        ui.importButton.clicked.connect(self.import_word_list)
        ui.checkButton.clicked.connect(self.run_check)
        ui.severityBox.currentIndexChanged.connect(self._fill_table)
        ui.csvButton.clicked.connect(lambda: self.export("csv"))
        ui.pdfButton.clicked.connect(lambda: self.export("pdf"))
        ui.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        ui.editor.textChanged.connect(self._edited)
        for spin in (ui.audienceSpin, ui.messagesSpin, ui.daysSpin):
            spin.valueChanged.connect(self.check_send_plan)
        context.hub.language_changed.connect(self.retranslate)
        theme.announcer().changed.connect(self._restyle)  # the marks are theme colours
        self._update_buttons()
        self.check_send_plan()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)

    def retranslate(self, *_: object) -> None:
        self.ui.retranslateUi(self)
        self.check_send_plan()
        if self._items:
            self.run_check()  # findings carry texts in the language they were made in
        else:
            self._fill_table()

    def _restyle(self, *_: object) -> None:
        self.check_send_plan()
        self._fill_table()

    # Input ------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self._file_rows is not None and not self._loading:
            self._file_rows = None  # typed over an opened file: the editor's text is checked
            self._source = ""

    def open_file(self) -> None:
        name = file_dialogs.open_file(
            self, "import", self.tr("Open texts"),
            self.tr("Texts (*.txt *.csv *.tsv *.xlsx);;All files (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        try:
            rows, _ = read_texts_file(path, txt_rows=True)
        except TextsFileError as exc:
            QMessageBox.warning(self, self.tr("Open texts"), exc.message(self.context.lang))
            return False
        if not rows:
            QMessageBox.information(self, self.tr("Open texts"),
                                    self.tr("{name} holds no texts.").format(name=path.name))
            return False
        self._loading = True
        self.ui.editor.setPlainText("\n".join(t.replace("\n", " ") for _, t in rows))
        self._loading = False
        self._file_rows = rows
        self._source = path.name
        self.run_check()
        return True

    def import_word_list(self) -> None:
        name = file_dialogs.open_file(
            self, "import", self.tr("Import word list"),
            self.tr("Word lists (*.txt *.csv);;All files (*)"))
        if name:
            self.import_words(Path(name))

    def import_words(self, path: Path, target: Path | None = None) -> int:
        """Merge a plain word list into the enterprise's checks file; returns the words read."""
        title = self.tr("Import word list")
        lang = self.context.lang
        target = target or enterprise_file()
        try:
            rows, _ = read_texts_file(path, txt_rows=False)
        except TextsFileError as exc:
            QMessageBox.warning(self, title, exc.message(lang))
            return 0
        words = parse_word_list(rows[0][1] if rows else "")
        if not words:
            QMessageBox.warning(self, title, label("check_err_no_words", lang, path=path.name))
            return 0
        try:
            done = import_word_list(words, target, None,
                                    both_languages("check_import_source", name=path.name))
        except ChecksError as exc:
            QMessageBox.warning(self, title, exc.message(lang))
            return 0
        except OSError as exc:
            QMessageBox.warning(self, title, f"{target}: {exc.strerror or exc}")
            return 0
        self._checker = None  # read again with the new words
        self.context.hub.status_message.emit(
            label("check_imported", lang, count=done.read, added=done.added, total=done.total,
                  path=target), 8000)
        if self._items:
            self.run_check()
        return done.read

    # Checking ---------------------------------------------------------------------------

    def checker(self) -> TextChecker | None:
        if self._checker is None:
            try:
                self._checker = load_checker(self.context.catalogue)
            except ChecksError as exc:
                QMessageBox.warning(self, self.tr("Check before sending"),
                                    exc.message(self.context.lang))
                return None
        return self._checker

    def run_check(self) -> None:
        checker = self.checker()
        if checker is None or self.job is not None:
            return
        if self._file_rows is not None:
            rows = self._file_rows
        else:
            text = self.ui.editor.toPlainText()
            rows = [(1, text)] if text.strip() else []
            self._source = self.tr("pasted text")
        lang = self.context.lang
        if len(rows) < _BACKGROUND_FROM:
            self._show_results(check_rows(checker, rows, lang))
            return

        def work(progress, cancel: threading.Event) -> list[RowFindings]:
            items = check_rows(checker, rows, lang, progress=progress, cancelled=cancel.is_set)
            if cancel.is_set():
                raise Cancelled()
            return items

        job = Job(work)
        self.job = job
        self.ui.progressBar.setRange(0, len(rows))
        self.ui.progressBar.setValue(0)
        self.ui.progressBar.setVisible(True)
        self.ui.checkButton.setEnabled(False)
        job.signals.progress.connect(lambda done, _total, _m: self.ui.progressBar.setValue(done))
        job.signals.finished.connect(self._job_finished)
        job.signals.failed.connect(self._job_failed)
        job.signals.cancelled.connect(self._job_ended)
        self.runner.start(job)

    def _job_finished(self, items: list[RowFindings]) -> None:
        self._job_ended()
        self._show_results(items)

    def _job_failed(self, message: str) -> None:
        self._job_ended()
        QMessageBox.warning(self, self.tr("Check before sending"), message)

    def _job_ended(self) -> None:
        self.job = None
        self.ui.progressBar.setVisible(False)
        self.ui.checkButton.setEnabled(True)

    def _show_results(self, items: list[RowFindings]) -> None:
        self._items = items
        self._fill_table()

    def _visible(self) -> list[tuple[RowFindings, int]]:
        keep = SEVERITIES[: 3 - max(self.ui.severityBox.currentIndex(), 0)]
        return [(item, i) for item in self._items for i, f in enumerate(item.findings)
                if f.severity in keep]

    def _fill_table(self, *_: object) -> None:
        ui = self.ui
        shown = self._visible()
        lang = self.context.lang
        ui.table.setRowCount(len(shown))
        for r, (item, i) in enumerate(shown):
            f = item.findings[i]
            section = f.section or label("check_not_a_rule", lang)
            values = (str(item.row), label(f"check_severity_{f.severity}", lang), f.title,
                      section, " ".join(f.matched.split()))
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c in (2, 4):
                    cell.setToolTip(value)  # elided when the column is narrow
                if c == 1:
                    background, foreground = badge(f.severity)
                    cell.setForeground(QColor(foreground))
                    cell.setBackground(QColor(background))
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                ui.table.setItem(r, c, cell)
        total = sum(len(i.findings) for i in self._items)
        texts = sum(1 for i in self._items if i.findings)
        if not self._items:
            ui.summaryLabel.setText(self.tr("Nothing checked yet."))
        elif total:
            hidden = total - len(shown)
            text = label("check_summary", lang, findings=total, texts=texts, of=len(self._items))
            if hidden:
                text += " " + self.tr("{count} hidden by the filter.").format(count=hidden)
            ui.summaryLabel.setText(text)
        else:
            ui.summaryLabel.setText(label("check_clean", lang, texts=len(self._items)))
        if shown:
            ui.table.setCurrentCell(0, 0)
            self._show_detail(0)
        else:
            ui.detail.setHtml(f"<p>{self.tr('No findings to show.')}</p>" if self._items else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.ui.csvButton.setEnabled(bool(self._items))
        self.ui.pdfButton.setEnabled(bool(self._items))

    def _show_detail(self, row: int) -> None:
        shown = self._visible()
        if 0 <= row < len(shown):
            item, index = shown[row]
            title = self.tr("Row {row}").format(row=item.row)
            self.ui.detail.setHtml(detail_html(item, index, self.context.lang, title))

    def check_send_plan(self, *_: object) -> None:
        ui = self.ui
        ui.daysSpin.setSuffix(self.tr(" day") if ui.daysSpin.value() == 1 else self.tr(" days"))
        plan = SendPlan(audience=ui.audienceSpin.value(), messages=ui.messagesSpin.value(),
                        per_days=ui.daysSpin.value())
        found = check_plan(plan, self.context.lang)
        ui.planResult.setText(plan_html(found, self.context.lang,
                                        label("check_plan_clean", self.context.lang)))

    # Export -----------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        from app.pdf.fonts import FontNotFoundError
        from app.textcheck.report import write_csv, write_pdf

        title = self.tr("Export CSV") if kind == "csv" else self.tr("Export PDF")
        pattern = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("PDF files (*.pdf)")
        name = file_dialogs.save_file(self, "export", title, f"check.{kind}", pattern)
        if not name:
            return
        try:
            if kind == "csv":
                write_csv(self._items, Path(name), self.context.lang)
            else:
                write_pdf(self._items, Path(name), self.context.lang, self._source)
        except FontNotFoundError as exc:
            QMessageBox.warning(self, title, exc.message(self.context.lang))
            return
        except OSError as exc:
            QMessageBox.warning(self, title, f"{name}: {exc.strerror or exc}")
            return
        self.context.hub.status_message.emit(self.tr("Saved {name}").format(name=name), 5000)
