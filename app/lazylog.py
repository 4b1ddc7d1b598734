"""Loggers got when first used.

logging (with traceback, linecache, tokenize, string and threading) is a few per cent of a
bundle's start, which logs nothing (bench/startup): the modules on that path, and reportlab's
platypus while it is imported (app/startup.py), take their logger this way. A message logged
goes through ``logging.getLogger(name)`` as usual, so handlers and levels apply as before.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not needed at run time here (app/startup.py imports this)
if TYPE_CHECKING:
    from typing import Any


class LazyLogger:
    """``logging.getLogger(name)``, got (and logging imported) when first used."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        import logging

        return getattr(logging.getLogger(self._name), attr)
