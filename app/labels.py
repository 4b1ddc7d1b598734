"""Short bilingual labels of the headless output, read from ``resources/text/labels.toml``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from app.i18n import Lang, LocalText


@cache
def _labels() -> dict[str, LocalText]:
    raw = tomllib.loads((resources.files("app.resources") / "text" / "labels.toml")
                        .read_text(encoding="utf-8"))
    return {key: LocalText.model_validate(value) for key, value in raw["labels"].items()}


def label(key: str, lang: Lang, **values: object) -> str:
    text = _labels()[key](lang)
    return text.format(**values) if values else text
