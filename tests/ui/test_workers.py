"""Background jobs: results, failures and cancellation come back as signals on the main thread."""

from __future__ import annotations

import threading

from app.jobs import ProgressText, progress_text
from app.ui.workers import Cancelled, Job, SynchronousRunner, ThreadPoolRunner


def _count_to(n: int):
    def work(progress, cancel):
        for i in range(n):
            if cancel.is_set():
                raise Cancelled
            progress(i + 1, n, progress_text("progress_check_rows", done=i + 1, total=n))
        return n
    return work


def test_thread_pool_job_reports_progress_and_result(qtbot):
    job = Job(_count_to(5))
    seen = []
    job.signals.progress.connect(lambda done, total, msg: seen.append((done, total, msg)))
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as finished:
        ThreadPoolRunner().start(job)
    assert finished.args == [5]
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen[-1][:2] == (5, 5)
    # The message crosses the thread as the core made it; the page picks the language.
    message = seen[-1][2]
    assert type(message) is ProgressText
    assert (message("en"), message("zh_CN")) == ("Checked 5 of 5 texts", "已检查 5 / 5 条文本")


def test_failure_becomes_a_message_not_a_traceback(qtbot):
    def work(progress, cancel):
        raise ValueError("photo.jpg: not an image")

    job = Job(work)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as failed:
        ThreadPoolRunner().start(job)
    (failure,) = failed.args
    assert failure.message == "photo.jpg: not an image"
    assert isinstance(failure.exception, ValueError)  # the exception itself, not only a string


def test_cancel_before_the_work_notices_reports_cancelled():
    job = Job(_count_to(3))
    job.cancel()
    outcome = []
    job.signals.cancelled.connect(lambda: outcome.append("cancelled"))
    job.signals.finished.connect(lambda result: outcome.append(result))
    SynchronousRunner().start(job)
    assert outcome == ["cancelled"]


def test_one_cancelled_and_one_token_for_every_layer():
    """app/jobs.py is the one contract: the appeal, audit and store cancellations are it."""
    import app.jobs as jobs
    from app.appeal import images
    from app.audit import behaviour, xlsx
    from app.store import errors

    assert Cancelled is jobs.Cancelled
    assert images.Cancelled is jobs.Cancelled
    assert behaviour.ScanCancelled is jobs.Cancelled and xlsx.ConversionCancelled is jobs.Cancelled
    assert issubclass(errors.Cancelled, jobs.Cancelled)
    token = jobs.CancelToken()
    assert not token() and not token.is_set()
    token.check()
    token.cancel()
    assert token() and token.is_set() and token.cancelled
    try:
        token.check()
    except jobs.Cancelled:
        pass
    else:
        raise AssertionError("check() did not raise")


def test_shutdown_cancels_running_jobs_and_waits_for_them(qtbot):
    from app.ui.workers import shutdown

    started = threading.Event()
    ended = threading.Event()

    def work(progress, cancel):
        started.set()
        try:
            while not cancel.wait(0.01):
                pass
            raise Cancelled
        finally:
            ended.set()

    job = Job(work)
    ThreadPoolRunner().start(job)
    assert started.wait(5)
    assert shutdown(5000)
    assert ended.is_set() and job.done


def test_closing_the_context_closes_only_what_was_opened(settings, store):
    from app.ui import context as context_module
    from app.ui.context import AppContext

    context = AppContext(settings=settings)
    context.close()  # nothing opened: nothing made just to be closed
    assert context.__dict__["_lazy_store"] is context_module._UNSET
    context = AppContext(settings=settings, store=store)
    store.workspace()
    assert store.is_open
    context.close()
    assert not store.is_open


def test_a_report_export_reports_its_steps_as_progress_text(qtbot, tmp_path):
    from progress_messages import assert_progress_messages
    from PySide6.QtWidgets import QLabel, QProgressBar

    from app.ui.pages.audit_io import run_export

    bar, label = QProgressBar(), QLabel()
    qtbot.addWidget(bar)
    qtbot.addWidget(label)
    out = tmp_path / "audit.pdf"
    started: list[Job] = []
    seen: list[object] = []

    class Capture:  # a runner that runs inline and listens to the job's progress
        def start(self, job: Job) -> None:
            started.append(job)
            job.signals.progress.connect(lambda d, t, m: seen.append(m))
            job.run()

    run_export(Capture(), lambda: out.write_bytes(b"%PDF-"), str(out), "en", bar, label,
               lambda path: None)
    assert out.exists() and started[0].done
    assert assert_progress_messages(seen) == [("Writing audit.pdf", "正在写入 audit.pdf"),
                                              ("audit.pdf written", "audit.pdf 已写入")]
