"""Bilingual labels of the headless output (CLI messages, PDF report names), read from every
``resources/text/*.toml``; the GUI has its own Qt translations.

Each file holds ``[labels.KEY]`` tables with ``en`` and ``zh_CN``; a key may be defined once.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from app.i18n import Lang, LocalText


@cache
def all_labels() -> dict[str, LocalText]:
    found: dict[str, LocalText] = {}
    folder = resources.files("app.resources") / "text"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        raw = tomllib.loads(entry.read_text(encoding="utf-8"))
        for key, value in raw.get("labels", {}).items():
            if key in found:
                raise ValueError(f"text/{entry.name}: label {key!r} is defined twice")
            found[key] = LocalText.model_validate(value)
    return found


def text(key: str, **values: object) -> LocalText:
    """The label in both languages, filled in: for messages whose language is chosen later."""
    found = all_labels()[key]
    return found.format(**values) if values else found


def label(key: str, lang: Lang, **values: object) -> str:
    found = all_labels()[key](lang)
    return found.format(**values) if values else found
