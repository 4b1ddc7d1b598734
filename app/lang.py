"""The languages the app speaks and the system's choice among them.

Kept apart from ``app.i18n`` (which holds the pydantic ``LocalText``) so that ``wecom-appeal
--help`` can pick its language without importing pydantic (docs/design.md, "Start-up").
"""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["zh_CN", "en"]
LANGS: tuple[Lang, ...] = ("zh_CN", "en")


def system_lang() -> Lang:
    """Simplified Chinese when the system locale is Chinese, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    import locale  # when no variable says (not on the start path)

    code = locale.getlocale()[0] or ""
    return "zh_CN" if code.lower().startswith("zh") else "en"
