"""File dialogs and report exports shared by the two Self-audit tabs (injected in tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QWidget

from app.errors import user_message
from app.i18n import Lang
from app.jobs import progress_text
from app.ui import file_dialogs
from app.ui.workers import Job, JobRunner

# (parent, caption, suggested path, filter) -> chosen path or "".
AskSavePath = Callable[[QWidget, str, str, str], str]
# (parent, caption, filter) -> chosen paths, empty when cancelled.
AskOpenPaths = Callable[[QWidget, str, str], list[str]]
# (parent, question) -> yes?
Confirm = Callable[[QWidget, str], bool]


def ask_save_path(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    return file_dialogs.save_file(parent, "export", caption, suggested, filters)


def ask_open_paths(parent: QWidget, caption: str, filters: str) -> list[str]:
    return file_dialogs.open_files(parent, "import", caption, filters)


def confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(parent, parent.window().windowTitle(), question)
    return answer == QMessageBox.StandardButton.Yes


documents_folder = file_dialogs.documents_folder


def suggested_name(stem: str, suffix: str) -> str:
    return str(documents_folder() / f"{stem}-{dt.date.today():%Y%m%d}.{suffix}")


EXPORT_FILTERS = {
    "pdf": "PDF (*.pdf)",
    "csv": "CSV (*.csv)",
    "json": "JSON (*.json)",
}


def describe_error(lang: Lang) -> Callable[[BaseException], str]:
    """The core's bilingual message when it has one (``exc.message``), else the text."""

    def describe(exc: BaseException) -> str:
        return user_message(exc, lang)

    return describe


def run_export(runner: JobRunner, write: Callable[[], Any], path: str, lang: Lang,
               bar: QProgressBar, label: QLabel, done: Callable[[str], None]) -> Job:
    """Write a report on a worker; the bar runs while it does, the label says how it ended."""

    name = Path(path).name

    def work(progress, _cancel):
        progress(0, 0, progress_text("progress_report_writing", name=name))
        write()
        progress(1, 1, progress_text("progress_report_written", name=name))
        return path

    job = Job(work, describe_error(lang))
    bar.setRange(0, 0)
    bar.setVisible(True)
    label.setText(QCoreApplication.translate("AuditExport", "Writing {path}…").format(path=path))

    def finish(text: str) -> None:
        bar.setRange(0, 1)
        bar.setValue(1)
        bar.setVisible(False)
        label.setText(text)

    job.signals.progress.connect(lambda d, t, _m: (bar.setRange(0, t), bar.setValue(d)))
    job.signals.finished.connect(lambda p: (finish(QCoreApplication.translate(
        "AuditExport", "Exported to {path}").format(path=p)), done(p)))
    job.signals.failed.connect(lambda failure: finish(QCoreApplication.translate(
        "AuditExport", "Could not write the report: {error}").format(error=failure.message)))
    runner.start(job)
    return job
