"""Bilingual labels of the headless output (CLI messages, PDF report names), read from every
``resources/text/*.toml``; the GUI has its own Qt translations.

Each file holds ``[labels.KEY]`` tables with ``en`` and ``zh_CN``; a key may be defined once.
"""

from __future__ import annotations

import re
import string
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from app.lang import Lang

if TYPE_CHECKING:
    from app.i18n import LocalText


# Read first: the command line's help, which is all that --help needs (docs/design.md, "Start-up").
_FIRST = "cli_help.toml"


@cache
def _label_files() -> list[str]:
    names = sorted(entry.name for entry in (resources.files("app.resources") / "text").iterdir()
                   if entry.name.endswith(".toml"))
    return sorted(names, key=lambda name: name != _FIRST)


@cache
def _file_text(name: str) -> str:
    return (resources.files("app.resources") / "text" / name).read_text("utf-8")


@cache
def _file_labels(name: str) -> dict[str, dict[str, str]]:
    """The labels of one file as it holds them; plain dicts, so --help needs no pydantic.
    The parse is kept in the cache (app/diskcache.py) under the file's text: a bundle reads its
    cover's and statement's labels in every process, and tomllib's import and parse were a few
    per cent of its start (bench/startup)."""
    from app import diskcache

    text = _file_text(name)
    slot = f"labels {name}"
    found = diskcache.load("labels", slot, text)
    if type(found) is not dict:
        import tomllib

        found = tomllib.loads(text).get("labels", {})
        diskcache.store("labels", slot, text, found)
    return found


def _raw_label(key: str) -> dict[str, str]:
    """The label from the file that defines it, parsing files only as far as needed: first the
    one whose text has the key's table header (a PDF's labels live in the last file; parsing
    every file before it cost a bundle 15 ms), then, for a key written another way, in order."""
    header = f"[labels.{key}]"
    for name in _label_files():
        if header in _file_text(name):
            found = _file_labels(name).get(key)
            if found is not None:
                return found
    for name in _label_files():
        found = _file_labels(name).get(key)
        if found is not None:
            return found
    raise KeyError(key)


def _raw_labels() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for name in _label_files():
        for key, value in _file_labels(name).items():
            if key in found:
                raise ValueError(f"text/{name}: label {key!r} is defined twice")
            found[key] = value
    return found


@cache
def all_labels() -> dict[str, LocalText]:
    """Every label, validated (both languages, nothing else)."""
    from app.i18n import LocalText

    return {key: LocalText.model_validate(value) for key, value in _raw_labels().items()}


_PLURAL = re.compile(r"\b(\d+) (\w+)\(s\)")


def _english_number(filled: str) -> str:
    """'1 text(s)' → '1 text', '3 text(s)' → '3 texts': the English templates write a counted
    noun as 'noun(s)' right after its number."""
    if "(s)" not in filled:  # most labels: no regular expression to run
        return filled
    return _PLURAL.sub(lambda m: f"{m[1]} {m[2]}{'' if m[1] == '1' else 's'}", filled)


def text(key: str, **values: object) -> LocalText:
    """The label in both languages, filled in: for messages whose language is chosen later."""
    found = all_labels()[key]
    if not values:
        return found
    filled = found.format(**values)
    return filled.model_copy(update={"en": _english_number(filled.en)})


def label(key: str, lang: Lang, **values: object) -> str:
    found = _raw_label(key)["zh_CN" if lang == "zh_CN" else "en"]
    if not values:
        return found
    # A LocalText value (an error's message) in the label's language; told by its shape, which
    # keeps pydantic out of this module's imports.
    filled = found.format(**{k: v(lang) if hasattr(v, "zh_CN") else v for k, v in values.items()})
    return filled if lang == "zh_CN" else _english_number(filled)


@cache
def _english_patterns(prefix: str) -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """The labels starting with ``prefix`` as patterns over their English, longest first."""
    found = []
    for key, local in _raw_labels().items():
        if not key.startswith(prefix):
            continue
        pattern = "".join(re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
                          for literal, name, _, _ in string.Formatter().parse(local["en"]))
        found.append((re.compile(pattern, re.S), local))
    return sorted(found, key=lambda item: -len(item[1]["en"]))


def from_english(message: str, prefix: str, lang: Lang) -> str | None:
    """``message``, an English text of a ``prefix`` label (a core module's English message),
    in ``lang``; its ``{reason}`` goes through the ``keyringwhy_`` labels. None when no label
    matches."""
    for pattern, local in _english_patterns(prefix):
        match = pattern.fullmatch(message)
        if match:
            values = match.groupdict()
            if "reason" in values:
                values["reason"] = from_english(values["reason"], "keyringwhy_", lang
                                                ) or values["reason"]
            return local["zh_CN" if lang == "zh_CN" else "en"].format(**values)
    return None
