"""Long work off the main thread: core functions run in a QThreadPool, results come back as signals.

The core takes a plain ``progress(done, total, message)`` callback and a ``threading.Event`` to
cancel; a ``Job`` adapts both to Qt. Tests pass ``SynchronousRunner`` to run jobs inline.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
# The work: called with (progress, cancel_event); returns the result.
Work = Callable[[Progress, threading.Event], Any]


class Cancelled(Exception):
    """Raised by core code when it notices the cancel flag; not an error for the user."""


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)  # the result
    failed = Signal(str)  # a message fit for the user, never a traceback
    cancelled = Signal()


class Job(QRunnable):
    """One piece of work; connect to ``signals`` before starting it."""

    def __init__(self, work: Work, describe_error: Callable[[BaseException], str] | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the caller keeps it until its signals have fired
        self.work = work
        self.cancel_event = threading.Event()
        self.done = False
        self.signals = JobSignals()
        self._describe_error = describe_error or (lambda exc: str(exc) or type(exc).__name__)

    def cancel(self) -> None:
        self.cancel_event.set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self.cancel_event)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # shown to the user as a message; details go to the log
            log.error("background job failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(self._describe_error(exc))
        else:
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            self.done = True


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
