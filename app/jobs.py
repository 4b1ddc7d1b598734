"""The one contract for long work in the core (bundle builds, behaviour imports, PDF rendering,
WeCom fetches, scrypt): how it reports progress and how it is cancelled. Plain Python, no Qt; the
UI runs such work through app/ui/workers.py (docs/design.md, "Background work").

- ``Progress``: ``progress(done, total, message)``; ``message`` is a ``LocalText`` when the core
  does not know the reader's language, or text that needs none (a file name, or text already in
  the language the caller chose).
- ``CancelToken``: set by whoever started the work; the work calls ``check()`` between steps,
  which raises ``Cancelled``. It also answers ``is_set()`` (the ``threading.Event`` interface) and
  ``token()`` (the callable interface), so code written against either keeps working.
- ``Cancelled``: the work stopped because it was asked to; not an error for the user.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.i18n import LocalText

Progress = Callable[[int, int, "LocalText | str"], None]


class Cancelled(Exception):
    """The work noticed its cancel token and stopped; nothing half-done was kept."""


class CancelToken:
    """A flag one thread sets and the work's thread checks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    set = cancel  # the threading.Event spelling

    def is_set(self) -> bool:
        return self._event.is_set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def __call__(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Sleep until cancelled or ``timeout`` seconds passed; True when cancelled."""
        return self._event.wait(timeout)

    def check(self) -> None:
        """Raise Cancelled when the token is set."""
        if self._event.is_set():
            raise Cancelled()


def check(token: CancelToken | None) -> None:
    """``token.check()`` for work whose token is optional."""
    if token is not None:
        token.check()
