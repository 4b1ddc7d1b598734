"""Column titles of behaviour-data files, English or Chinese, mapped to API field names.

The aliases are data (``resources/audit/columns.toml``), so an export with other titles
needs a data change, not a code change.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.errors import UserError
from app.i18n import LocalText

FIELDS = ("userid", "stat_time", "new_apply_cnt", "new_contact_cnt", "chat_cnt", "message_cnt",
          "reply_percentage", "avg_reply_time", "negative_feedback_cnt")
COLUMNS_FILE = "columns.toml"


class BehaviourFileError(UserError):
    """A behaviour file cannot be read; the message names the file and the column or line."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message)
        self.message = message


class ColumnSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str
    required: bool
    label: LocalText
    aliases: list[str] = Field(min_length=1)


class IgnoredColumns(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    aliases: list[str] = []


class ColumnAliases(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    columns: list[ColumnSpec]
    ignored: IgnoredColumns = IgnoredColumns()

    def spec(self, field: str) -> ColumnSpec:
        return next(c for c in self.columns if c.field == field)


_UNIT = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]$")
_SPACE = re.compile(r"[\s_\-]+")


def normalize_title(title: str) -> str:
    text = title.strip().lstrip("\ufeff").casefold()
    text = _UNIT.sub("", text).strip()
    return _SPACE.sub("", text)


@cache
def load_columns() -> ColumnAliases:
    text = (resources.files("app.resources") / "audit" / COLUMNS_FILE).read_text("utf-8")
    try:
        aliases = ColumnAliases.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise ValueError(f"{COLUMNS_FILE}: {exc}") from exc
    unknown = [c.field for c in aliases.columns if c.field not in FIELDS]
    if unknown or {c.field for c in aliases.columns} != set(FIELDS):
        raise ValueError(f"{COLUMNS_FILE}: fields must be exactly {FIELDS}; got unknown {unknown}")
    return aliases


def map_header(titles: list[str], source: str,
               aliases: ColumnAliases | None = None) -> list[str | None]:
    """The API field of each column (None for ignored ones); errors name the column."""
    aliases = aliases or load_columns()
    lookup = {normalize_title(a): c.field for c in aliases.columns for a in [c.field, *c.aliases]}
    ignored = {normalize_title(a) for a in aliases.ignored.aliases}
    fields: list[str | None] = []
    for index, title in enumerate(titles, start=1):
        key = normalize_title(title)
        if key in lookup:
            field = lookup[key]
            if field in fields:
                first = titles[fields.index(field)]
                raise BehaviourFileError(LocalText(
                    en=f"{source}: columns '{first}' and '{title}' (column {index}) both mean "
                       f"{field}; keep one",
                    zh_CN=f"{source}：列“{first}”和“{title}”（第 {index} 列）含义相同"
                          f"（{field}），请只保留一列"))
            fields.append(field)
        elif key in ignored or (not key and index == len(titles)):
            fields.append(None)
        else:
            known = ", ".join(c.aliases[0] if c.aliases[0] != c.field else c.field
                              for c in aliases.columns)
            raise BehaviourFileError(LocalText(
                en=f"{source}: unknown column '{title}' (column {index}); expected columns such "
                   f"as {known} (see columns.toml for all accepted titles)",
                zh_CN=f"{source}：无法识别的列“{title}”（第 {index} 列）；可用的列包括 "
                      f"{_zh_titles(aliases)}"))
    missing = [c for c in aliases.columns if c.required and c.field not in fields]
    if missing:
        raise BehaviourFileError(LocalText(
            en=f"{source}: missing column(s): " + "; ".join(c.label.en for c in missing),
            zh_CN=f"{source}：缺少列：" + "；".join(c.label.zh_CN for c in missing)))
    return fields


def _zh_titles(aliases: ColumnAliases) -> str:
    def zh(spec: ColumnSpec) -> str:
        return next((a for a in spec.aliases if not a.isascii()), spec.field)

    return "、".join(zh(c) for c in aliases.columns)
