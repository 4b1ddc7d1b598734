"""The base of every error a person reads (docs/design.md, "Errors the user sees").

A ``UserError`` says what went wrong and where (the file, field or line) in both languages the app
speaks: ``message(lang)``. The CLI prints it and exits with code 2, the UI shows it; anything that
is not a UserError is a bug, logged with its traceback. Intake, store, input (CLI), render, font
and behaviour-file errors derive from it. Plain Python; no pydantic at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.i18n import LocalText
    from app.lang import Lang


class UserError(Exception):
    """An error whose message is meant for the user; ``str()`` is the English."""

    def __init__(self, message: LocalText | str = "") -> None:
        self._text = None if isinstance(message, str) else message
        super().__init__(message if isinstance(message, str) else message.en)

    def message(self, lang: Lang) -> str:
        """The message in ``lang`` (English when the error has only English)."""
        return self.local()(lang)

    def local(self) -> LocalText:
        """The message in both languages, to fill into another message; subclasses that raise
        English only translate it here."""
        from app.i18n import LocalText

        return self._text or LocalText(en=str(self), zh_CN=str(self))


def user_message(exc: BaseException, lang: Lang) -> str:
    """What to show for ``exc``: a UserError's message, else an OSError's file and reason, else
    its text (logged by the caller as the bug it is)."""
    message = getattr(exc, "message", None)
    if callable(message):
        return str(message(lang))
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename or ''}: {exc.strerror}".lstrip(": ")
    return str(exc) or type(exc).__name__
