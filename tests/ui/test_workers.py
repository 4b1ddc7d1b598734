"""Background jobs: results, failures and cancellation come back as signals on the main thread."""

from __future__ import annotations

import threading

from app.ui.workers import Cancelled, Job, SynchronousRunner, ThreadPoolRunner


def _count_to(n: int):
    def work(progress, cancel: threading.Event):
        for i in range(n):
            if cancel.is_set():
                raise Cancelled
            progress(i + 1, n, f"step {i + 1}")
        return n
    return work


def test_thread_pool_job_reports_progress_and_result(qtbot):
    job = Job(_count_to(5))
    seen = []
    job.signals.progress.connect(lambda done, total, msg: seen.append((done, total)))
    with qtbot.waitSignal(job.signals.finished, timeout=5000) as finished:
        ThreadPoolRunner().start(job)
    assert finished.args == [5]
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen[-1] == (5, 5)


def test_failure_becomes_a_message_not_a_traceback(qtbot):
    def work(progress, cancel):
        raise ValueError("photo.jpg: not an image")

    job = Job(work)
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as failed:
        ThreadPoolRunner().start(job)
    assert failed.args == ["photo.jpg: not an image"]


def test_cancel_before_the_work_notices_reports_cancelled():
    job = Job(_count_to(3))
    job.cancel()
    outcome = []
    job.signals.cancelled.connect(lambda: outcome.append("cancelled"))
    job.signals.finished.connect(lambda result: outcome.append(result))
    SynchronousRunner().start(job)
    assert outcome == ["cancelled"]
