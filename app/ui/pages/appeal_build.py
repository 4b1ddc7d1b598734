"""Building the PDF bundle and the upload kit on a worker, with progress, Cancel and the result.

The core takes a ``progress(done, total, message)`` callback and a cancel event; a Job carries
both to the page's progress bar and Cancel button (app.ui.workers).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from app.errors import user_message
from app.i18n import Lang
from app.ui.forms.ui_appeal import Ui_AppealPage
from app.ui.pages.appeal_print import PdfPrinter
from app.ui.workers import CancelToken, Job, JobFailure, JobRunner, Progress, ProgressText

OpenUrl = Callable[[QUrl], bool]


def size_text(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} KB"


def describe_error(lang: Callable[[], Lang]) -> Callable[[BaseException], str]:
    def describe(exc: BaseException) -> str:
        return user_message(exc, lang())
    return describe


@dataclass
class Built:
    kind: str  # "bundle" or "kit"
    path: Path  # the PDF, or the kit's folder
    describe: Callable[[], str]  # the summary, in the language in effect when asked
    pages: int = 0  # of the PDF bundle

    @property
    def summary(self) -> str:
        return self.describe()


class BuildController(QObject):
    """Runs one build at a time and shows it in the page's side panel."""

    finished = Signal(object)  # Built

    def __init__(self, ui: Ui_AppealPage, runner: JobRunner, lang: Callable[[], Lang],
                 printer: PdfPrinter, *, open_url: OpenUrl = QDesktopServices.openUrl,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.runner = runner
        self.lang = lang
        self.printer = printer
        self._open_url = open_url
        self.job: Job | None = None
        self.built: Built | None = None
        self.progress_seen: list[tuple[int, int]] = []
        ui.cancelButton.clicked.connect(self.cancel)
        ui.openButton.clicked.connect(self.open_result)
        ui.folderButton.clicked.connect(self.open_folder)
        ui.printButton.clicked.connect(self.print_result)
        self._show_idle()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(self, kind: str, work: Callable[[Progress, CancelToken], Any],
              summarise: Callable[[Any], Built]) -> None:
        if self.busy:
            return
        ui = self.ui
        self.job = job = Job(work, describe_error(self.lang))
        self.progress_seen = []
        self._kind = kind
        ui.progressBar.setRange(0, 0)  # busy until the first report gives the total
        ui.progressBar.setValue(0)
        ui.progressBar.show()
        ui.progressLabel.setText(self.tr("Starting…"))
        ui.progressLabel.show()
        ui.cancelButton.show()
        ui.cancelButton.setEnabled(True)
        ui.resultLabel.clear()
        for button in (ui.buildBundleButton, ui.buildKitButton, ui.openButton, ui.printButton,
                       ui.folderButton):
            button.setEnabled(False)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(lambda result: self._finished(summarise(result)))
        job.signals.failed.connect(self._failed)
        job.signals.cancelled.connect(self._cancelled)
        self.runner.start(job)

    def build_bundle(self, profile: Any, documents: list[Any], path: Path, statement: str,
                     diagnosis: Any, options: Any, cover: Any = None) -> None:
        from app.appeal.bundle import build_bundle

        def work(progress: Progress, cancel: CancelToken) -> Any:
            return build_bundle(profile, documents, path, statement=statement,
                                diagnosis=diagnosis, options=options, cover=cover,
                                progress=progress, cancel=cancel)

        self.start("bundle", work, lambda result: Built(
            "bundle", path, lambda: self._bundle_summary(path, result), result.pages))

    def build_case_bundle(self, ws: Any, case_id: str, path: Path, *, profile: Any,
                          lang: Lang) -> None:
        """The case's bundle through the core's ``build_case_package`` (the path of the
        ``case package`` command), which also records the build; on the worker, with its own
        connection to the workspace (a SQLite connection stays in its thread)."""
        from app.store.package import build_case_package

        def work(progress: Progress, cancel: CancelToken) -> Any:
            own = ws.for_another_thread()
            try:
                # The administrator confirmed the placeholders before (or there are none).
                return build_case_package(own, case_id, path, allow_placeholders=True,
                                          lang=lang, profile=profile, progress=progress,
                                          cancel=cancel).result
            finally:
                own.conn.close()

        self.start("bundle", work, lambda result: Built(
            "bundle", path, lambda: self._bundle_summary(path, result), result.pages))

    def build_kit(self, documents: list[Any], statement: str, folder: Path,
                  options: dict[str, Any]) -> None:
        from app.appeal.kit import build_kit

        def work(progress: Progress, cancel: CancelToken) -> Any:
            return build_kit(documents, statement, folder, progress=progress, cancel=cancel,
                             **options)

        self.start("kit", work, lambda result: Built(
            "kit", folder, lambda: self._kit_summary(result)))

    def _bundle_summary(self, path: Path, result: Any) -> str:
        lines = [self.tr("{name}: {pages} pages, {size}.").format(
            name=path.name, pages=result.pages, size=size_text(result.size_bytes))]
        return "\n".join(lines + [n.message(self.lang()) for n in result.notes])

    def _kit_summary(self, result: Any) -> str:
        total = sum(f.after_bytes for f in result.files)
        lines = [self.tr("{folder}: {count} files, {size} in all.").format(
            folder=result.folder.name, count=len(result.files) + 1, size=size_text(total))]
        lines += [self.tr("{name} is still above the size cap ({size}).").format(
            name=f.name, size=size_text(f.after_bytes)) for f in result.files if f.over_cap]
        if result.statement_shortened:
            lines.append(self.tr("The statement was shortened to {count} characters to fit "
                                 "the limit; edit it to choose what is left out.").format(
                count=result.statement_chars))
        return "\n".join(lines)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.ui.cancelButton.setEnabled(False)
            self.ui.progressLabel.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, message: ProgressText) -> None:
        self.progress_seen.append((done, total))
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(done)
        if self.job is not None and not self.job.cancel_event.is_set():
            self.ui.progressLabel.setText(message(self.lang()))

    def _done(self) -> None:
        self.job = None
        self.ui.cancelButton.hide()
        self.ui.buildBundleButton.setEnabled(True)
        self.ui.buildKitButton.setEnabled(True)

    def retranslate(self) -> None:
        """The finished build's texts again, in the language now in effect."""
        if self.built is not None and self.job is None:
            self.ui.progressLabel.setText(self.tr("Done."))
            self.ui.resultLabel.setText(self.built.summary)

    def _finished(self, built: Built) -> None:
        self._done()
        self.built = built
        self.ui.progressBar.setValue(self.ui.progressBar.maximum())
        self.ui.progressLabel.setText(self.tr("Done."))
        self.ui.resultLabel.setText(built.summary)
        self._show_result_buttons()
        self.finished.emit(built)

    def _failed(self, failure: JobFailure) -> None:
        self._done()
        self.ui.progressBar.hide()
        self.ui.progressLabel.hide()
        self.ui.resultLabel.setText(self.tr("The build failed: {message}").format(
            message=failure.message))
        self._show_result_buttons()

    def _cancelled(self) -> None:
        self._done()
        self.ui.progressBar.hide()
        self.ui.progressLabel.hide()
        self.ui.resultLabel.setText(
            self.tr("Cancelled; no bundle was written.") if self._kind == "bundle"
            else self.tr("Cancelled; the kit folder may hold some of the files."))
        self._show_result_buttons()

    def _show_idle(self) -> None:
        for widget in (self.ui.progressBar, self.ui.progressLabel, self.ui.cancelButton):
            widget.hide()
        self._show_result_buttons()

    def _show_result_buttons(self) -> None:
        built = self.built
        self.ui.openButton.setEnabled(built is not None)
        self.ui.folderButton.setEnabled(built is not None)
        self.ui.printButton.setEnabled(built is not None and built.kind == "bundle")

    # Using the result ------------------------------------------------------------------------

    def open_result(self) -> None:
        if self.built is not None:
            self._open_url(QUrl.fromLocalFile(str(self.built.path)))

    def open_folder(self) -> None:
        if self.built is not None:
            path = self.built.path
            self._open_url(QUrl.fromLocalFile(str(path if path.is_dir() else path.parent)))

    def print_result(self) -> None:
        if self.built is None or self.built.kind != "bundle":
            return
        parent = self.ui.printButton.window()
        if not self.printer.available:
            answer = QMessageBox.information(
                parent, self.tr("Print the bundle"),
                self.tr("This installation lacks the PDF renderer (pypdfium2), so the bundle "
                        "is printed from your PDF viewer: it opens there, and its Print command "
                        "(Ctrl+P) prints it."),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Open)
            if answer == QMessageBox.StandardButton.Open:
                self.open_result()
            return
        outcome = self.printer.print_pdf(parent, self.built.path)
        if outcome.message:
            self.ui.progressLabel.setText(outcome.message)
            self.ui.progressLabel.show()
