"""The one contract for long work in the core (bundle builds, behaviour imports, PDF rendering,
WeCom fetches, scrypt): how it reports progress and how it is cancelled. Plain Python, no Qt; the
UI runs such work through app/ui/workers.py (docs/design.md, "Background work").

- ``Progress``: ``progress(done, total, message)``; ``message`` is always a ``ProgressText``:
  a label of ``resources/text/progress.toml`` and its values, which whoever shows it renders in
  the reader's language at that moment (``message(lang)``). The core never hands the UI a
  string in a language of its own choosing.
- ``CancelToken``: set by whoever started the work; the work calls ``check()`` between steps,
  which raises ``Cancelled``. It also answers ``is_set()`` (the ``threading.Event`` interface) and
  ``token()`` (the callable interface), so code written against either keeps working.
- ``Cancelled``: the work stopped because it was asked to; not an error for the user.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from app.lang import Lang


class _Localised(Protocol):
    def __call__(self, lang: Lang) -> str: ...


@dataclass(frozen=True)
class ProgressText:
    """What a job is doing, for its progress line: the key of a label (resources/text, mostly
    progress.toml) and the values it is filled with. A value is a name or a number shown as it
    is, or text in both languages (a ``LocalText`` or another ``ProgressText``), rendered in
    the same language as the label. Make one with ``progress_text(key, **values)``."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    def __call__(self, lang: Lang) -> str:
        from app.labels import label

        return label(self.key, lang, **{name: value(lang) if callable(value) else value
                                        for name, value in self.values})


def progress_text(key: str, **values: str | int | _Localised) -> ProgressText:
    return ProgressText(key, tuple(values.items()))


Progress = Callable[[int, int, ProgressText], None]


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
