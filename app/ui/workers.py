"""Long work off the main thread: core functions run in a QThreadPool, results come back as signals.

The core follows app/jobs.py: a ``progress(done, total, message)`` callback and a ``CancelToken``;
a ``Job`` adapts both to Qt. ``message`` is an ``app.jobs.ProgressText``, passed through as it
is: the page renders it (``message(lang)``) in the language in effect when it shows it. A failed
job reports a ``JobFailure`` that carries the exception and the message for the user. On quit,
``shutdown`` cancels the running jobs and waits for them. Tests pass ``SynchronousRunner`` to
run jobs inline.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.jobs import Cancelled, CancelToken, Progress, ProgressText

log = logging.getLogger(__name__)

__all__ = [
    "CancelToken",
    "Cancelled",
    "Job",
    "JobFailure",
    "JobRunner",
    "Progress",
    "ProgressText",
    "SynchronousRunner",
    "ThreadPoolRunner",
    "shutdown",
]

# The work: called with (progress, cancel token); returns the result.
Work = Callable[[Progress, CancelToken], Any]

# Jobs started and not yet done, so that quitting can cancel and wait for them.
_running: weakref.WeakSet[Job] = weakref.WeakSet()
_running_lock = threading.Lock()


@dataclass(frozen=True)
class JobFailure:
    """A failed job: the exception itself, and the message the page shows for it."""

    exception: BaseException
    message: str

    def __str__(self) -> str:
        return self.message


class JobSignals(QObject):
    progress = Signal(int, int, object)  # done, total, a ProgressText
    finished = Signal(object)  # the result
    failed = Signal(object)  # a JobFailure; its message is fit for the user, never a traceback
    cancelled = Signal()


class Job(QRunnable):
    """One piece of work; connect to ``signals`` before starting it."""

    def __init__(self, work: Work, describe_error: Callable[[BaseException], str] | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the caller keeps it until its signals have fired
        self.work = work
        self.cancel_event = CancelToken()  # the token the work is given
        self.done = False
        self.signals = JobSignals()
        self._describe_error = describe_error or (lambda exc: str(exc) or type(exc).__name__)

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        with _running_lock:
            _running.add(self)
        try:
            result = self.work(self.signals.progress.emit, self.cancel_event)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # shown to the user as a message; details go to the log
            log.exception("background job failed")
            self.signals.failed.emit(JobFailure(exc, self._describe_error(exc)))
        else:
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            self.done = True
            with _running_lock:
                _running.discard(self)


class JobRunner(Protocol):
    def start(self, job: Job) -> None: ...


class ThreadPoolRunner:
    """Runs jobs on Qt's global thread pool; signals arrive on the main thread (queued)."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self.pool = pool or QThreadPool.globalInstance()
        self._running: set[Job] = set()

    def start(self, job: Job) -> None:
        # Keep a reference until the job is done (Qt does not own it). No closures over the job
        # in its own signals: such cycles are collected at interpreter exit, where PySide6 crashes.
        self._running = {j for j in self._running if not j.done}
        self._running.add(job)
        self.pool.start(job)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running jobs (at exit, so none is torn down mid-run)."""
        return self.pool.waitForDone(msecs)


class SynchronousRunner:
    """Runs jobs inline, for tests: results are there when ``start`` returns."""

    def start(self, job: Job) -> None:
        job.run()


def shutdown(timeout_ms: int = 10_000) -> bool:
    """On quit: cancel the running jobs and wait for them (and anything else on Qt's global
    pool), so none is torn down halfway; True when all ended within ``timeout_ms``."""
    with _running_lock:
        jobs = list(_running)
    for job in jobs:
        job.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
