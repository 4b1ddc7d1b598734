"""Languages the app speaks, shared by the core, the CLI and the GUI (no Qt here)."""

from __future__ import annotations

import locale
import os
from typing import Literal

from pydantic import BaseModel, ConfigDict

Lang = Literal["zh_CN", "en"]
LANGS: tuple[Lang, ...] = ("zh_CN", "en")


class LocalText(BaseModel):
    """One user-visible text in both languages the app ships."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str
    zh_CN: str

    def __call__(self, lang: Lang) -> str:
        return self.zh_CN if lang == "zh_CN" else self.en

    def format(self, **values: object) -> LocalText:
        return LocalText(en=self.en.format(**values), zh_CN=self.zh_CN.format(**values))


def system_lang() -> Lang:
    """Simplified Chinese when the system locale is Chinese, English otherwise."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh_CN" if code.lower().startswith("zh") else "en"
