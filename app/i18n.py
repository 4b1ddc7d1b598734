"""Languages the app speaks, shared by the core, the CLI and the GUI (no Qt here)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from app.lang import LANGS, Lang, system_lang

__all__ = ["LANGS", "Lang", "LocalText", "system_lang"]


class LocalText(BaseModel):
    """One user-visible text in both languages the app ships."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    en: str
    zh_CN: str

    def __call__(self, lang: Lang) -> str:
        return self.zh_CN if lang == "zh_CN" else self.en

    def format(self, **values: object) -> LocalText:
        """Both languages filled in; a value that is itself a LocalText fills each language with
        its own (an error's message inside a sentence)."""
        return LocalText(en=self.en.format(**_in("en", values)),
                         zh_CN=self.zh_CN.format(**_in("zh_CN", values)))


def _in(lang: Lang, values: dict[str, object]) -> dict[str, object]:
    return {k: v(lang) if isinstance(v, LocalText) else v for k, v in values.items()}
