"""The checks as data: ``resources/check/checks.toml`` (shipped) and the enterprise's own file
of the same format, validated by pydantic at load.

A check is either a list of ``terms`` (any one is a finding) or ``all_of``: groups of terms
that must all occur within ``window`` characters of the normalised text (an action such as
转发 together with a reward such as 红包). ``except`` lists longer phrases that make a match
harmless when they contain it (防刷单 is a warning, not order brushing).

A check's ``category`` is either a violation category of the rule catalogue (its rule and
section come from the catalogue, so a check never invents a rule) or a category declared in a
``[[category]]`` table: the app's own advice (``basis = "advice"``, e.g. advertising-law claims)
or the enterprise's own list (``basis = "enterprise"``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import UserError
from app.i18n import Lang, LocalText
from app.labels import text
from app.rules.catalogue import Catalogue

Severity = Literal["high", "medium", "info"]
Basis = Literal["wecom", "advice", "enterprise"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "info")
_ID = r"^[a-z][a-z0-9_.]*$"


class ChecksError(UserError):
    """A checks file is malformed; the message names the file and the field."""


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class ChecksMeta(_Item):
    version: str
    updated: dt.date
    note: LocalText | None = None


class CheckCategory(_Item):
    """A category that is not a WeCom violation: the app's advice or the enterprise's list."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    basis: Literal["advice", "enterprise"]
    title: LocalText
    # Sections of the source text the advice relates to (never a rule it would break).
    related: list[str] = []


class Check(_Item):
    id: str = Field(pattern=_ID)
    category: str
    severity: Severity
    terms: list[str] = []
    all_of: list[list[str]] = []
    window: int = Field(default=20, ge=2, le=200)
    except_: list[str] = Field(default=[], alias="except")
    reason: LocalText
    hint: LocalText

    @model_validator(mode="after")
    def _one_kind(self) -> Check:
        if bool(self.terms) == bool(self.all_of):
            raise ValueError("give either terms or all_of (two or more groups), not both")
        if self.all_of and (len(self.all_of) < 2 or not all(self.all_of)):
            raise ValueError("all_of needs two or more non-empty groups of terms")
        for term in [*self.terms, *(t for g in self.all_of for t in g), *self.except_]:
            if not term.strip() or not term.strip("*").strip():
                raise ValueError(f"empty term {term!r}")
            if "*" in term.rstrip("*"):
                raise ValueError(f"term {term!r}: `*` may only end a term")
        return self


class Negation(_Item):
    """Words that, just before a match, turn it into a warning against the thing ("谨防刷单",
    "请勿透露银行卡密码", "never share your PIN")."""

    terms: list[str] = Field(min_length=1)
    window: int = Field(default=10, ge=1, le=40)
    # Words that deny only what follows them at once ("不需要转发", "没有任何奖励", "no sharing
    # needed"); a wider window would swallow the offer a sentence makes after a denial.
    near_terms: list[str] = []
    near_window: int = Field(default=4, ge=0, le=12)


class WarningFrame(_Item):
    """Words that make a whole text a warning against what it names ("反诈提醒：刷单返利都是诈骗",
    "已移出群"); its term findings are shown as info, to be read, not as violations."""

    terms: list[str] = Field(min_length=1)


class ChecksFile(_Item):
    meta: ChecksMeta | None = None
    negation: Negation | None = None
    warning: WarningFrame | None = None
    category: list[CheckCategory] = []
    check: list[Check] = []


class CheckSet(_Item):
    """Every check in force, with what each category is based on."""

    checks: list[Check]
    categories: dict[str, CheckCategory]
    catalogue_categories: dict[str, tuple[str, str, LocalText]]  # id -> rule, section, title
    meta: ChecksMeta
    negation: Negation | None = None
    warning: WarningFrame | None = None

    def basis(self, category: str) -> Basis:
        return "wecom" if category in self.catalogue_categories else (
            self.categories[category].basis)

    def rule_section(self, category: str) -> tuple[str | None, str | None]:
        if category in self.catalogue_categories:
            rule, section, _ = self.catalogue_categories[category]
            return rule, section
        return None, None

    def title(self, category: str, lang: Lang) -> str:
        if category in self.catalogue_categories:
            return self.catalogue_categories[category][2](lang)
        return self.categories[category].title(lang)


def parse_checks(data: str, source: str) -> ChecksFile:
    try:
        raw = tomllib.loads(data)
    except tomllib.TOMLDecodeError as exc:
        raise ChecksError(text("checks_err_toml", source=source, error=exc)) from exc
    try:
        return ChecksFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"])
        path = first["loc"]
        if len(path) >= 2 and path[0] == "check" and isinstance(path[1], int):
            with contextlib.suppress(KeyError, IndexError, TypeError):
                loc += f" (id {raw['check'][path[1]]['id']!r})"
        more = exc.error_count() - 1
        raise ChecksError(text("checks_err_field_more" if more else "checks_err_field",
                               source=source, field=loc.lstrip(".") or "(root)",
                               msg=first["msg"], more=more)) from exc


def read_checks_file(path: Path) -> ChecksFile:
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ChecksError(text("checks_err_missing", path=path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecksError(text("checks_err_unreadable", path=path, error=exc)) from exc
    return parse_checks(data, str(path))


@cache
def shipped_checks() -> ChecksFile:
    folder = resources.files("app.resources") / "check"
    return parse_checks((folder / "checks.toml").read_text(encoding="utf-8"), "check/checks.toml")


def build_check_set(catalogue: Catalogue, extra: Sequence[tuple[str, ChecksFile]] = ()
                    ) -> CheckSet:
    """The shipped checks plus the enterprise's files (name, parsed file), cross-checked."""
    shipped = shipped_checks()
    assert shipped.meta is not None
    files = [("check/checks.toml", shipped), *extra]
    violations = {v.id: (v.rule, v.section, v.title) for v in catalogue.violations}
    categories: dict[str, CheckCategory] = {}
    for name, f in files:
        for c in f.category:
            if c.id in violations:
                raise ChecksError(text("checks_err_declared_violation", source=name,
                                       category=c.id))
            categories.setdefault(c.id, c)
    seen: set[str] = set()
    checks: list[Check] = []
    for name, f in files:
        for i, check in enumerate(f.check):
            if check.category not in violations and check.category not in categories:
                raise ChecksError(text("checks_err_unknown_category", source=name, index=i,
                                       category=check.category))
            if check.id in seen:
                raise ChecksError(text("checks_err_duplicate_id", source=name, index=i,
                                       id=check.id))
            seen.add(check.id)
            checks.append(check)
    return CheckSet(checks=checks, categories=categories, catalogue_categories=violations,
                    negation=shipped.negation, warning=shipped.warning,
                    meta=shipped.meta)


# Enterprise terms ------------------------------------------------------------------------

ENTERPRISE_FILE = "check_terms.toml"
IMPORTED_CATEGORY = "enterprise_terms"
_SPLIT = re.compile(r"[,，、;；\n\r\t]+")


def parse_word_list(data: str) -> list[str]:
    """Words of a plain list (one a line, or separated by commas), as WeCom's chat intercept
    rules keep them; blanks and repeats dropped, order kept."""
    words = (w.strip().strip("\ufeff").strip() for w in _SPLIT.split(data))
    return list(dict.fromkeys(w for w in words if w and not w.startswith("#")))


def _toml_str(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped) + '"'


def imported_words(existing: ChecksFile | None) -> list[str]:
    if existing is None:
        return []
    return [t for c in existing.check if c.id == "enterprise.imported" for t in c.terms]


@dataclass(frozen=True)
class WordListImport:
    """What merging a word list did: words read, new ones, and the imported list's size now."""

    read: int
    added: int
    total: int


def import_word_list(words: Sequence[str], target: Path, severity: Severity | None,
                     source: LocalText) -> WordListImport:
    """Merge ``words`` into the enterprise file ``target`` (created if missing, written
    atomically). Raises ChecksError when the existing file is malformed, OSError when it cannot
    be written."""
    from app.store.atomic import write_atomic

    existing = read_checks_file(target) if target.exists() else None
    before = imported_words(existing)
    content = render_enterprise_file(existing, words, severity, source)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, content.encode("utf-8"))
    total = len(set(before) | set(words))
    return WordListImport(read=len(words), added=total - len(before), total=total)


def render_enterprise_file(existing: ChecksFile | None, words: Sequence[str],
                           severity: Severity | None, source: LocalText) -> str:
    """The enterprise file with ``words`` merged into its imported-words check; the enterprise's
    other checks and categories are kept as they were. ``severity`` None keeps the imported
    check's severity (medium for a new one)."""
    old = [c for c in (existing.check if existing else []) if c.id == "enterprise.imported"]
    severity = severity or (old[0].severity if old else "medium")
    merged = list(dict.fromkeys([*imported_words(existing), *words]))
    keep_checks = [c for c in (existing.check if existing else []) if c.id != "enterprise.imported"]
    keep_cats = [c for c in (existing.category if existing else [])
                 if c.id != IMPORTED_CATEGORY]
    lines = [
        "# The enterprise's own checks for 发送前检查 / Check before sending; same format as the",
        "# app's resources/check/checks.toml. Imported word lists go into enterprise.imported.",
        "",
    ]
    for cat in [*keep_cats, CheckCategory(
            id=IMPORTED_CATEGORY, basis="enterprise",
            title=LocalText(en="Enterprise word list", zh_CN="企业词表"))]:
        lines += ["[[category]]", f"id = {_toml_str(cat.id)}", f"basis = {_toml_str(cat.basis)}",
                  f"title = {_local(cat.title)}"]
        if cat.related:
            lines.append("related = [" + ", ".join(_toml_str(s) for s in cat.related) + "]")
        lines.append("")
    for check in keep_checks:
        lines += _render_check(check)
    if merged:
        lines += _render_check(Check(
            id="enterprise.imported", category=IMPORTED_CATEGORY, severity=severity,
            terms=merged,
            reason=LocalText(
                en=f"On the enterprise's own word list (imported from {source.en}).",
                zh_CN=f"在企业自己的词表中（导入自{source.zh_CN}）。"),
            hint=LocalText(en="Reword or remove it, as the enterprise's list asks.",
                           zh_CN="按企业词表的要求改写或删去。")))
    return "\n".join(lines)


def _local(value: LocalText) -> str:
    return f"{{ en = {_toml_str(value.en)}, zh_CN = {_toml_str(value.zh_CN)} }}"


def _render_check(check: Check) -> list[str]:
    def strings(values: Sequence[str]) -> str:
        return "[" + ", ".join(_toml_str(v) for v in values) + "]"

    out = ["[[check]]", f"id = {_toml_str(check.id)}", f"category = {_toml_str(check.category)}",
           f"severity = {_toml_str(check.severity)}"]
    if check.terms:
        out.append(f"terms = {strings(check.terms)}")
    if check.all_of:
        out.append("all_of = [" + ", ".join(strings(g) for g in check.all_of) + "]")
        out.append(f"window = {check.window}")
    if check.except_:
        out.append(f"except = {strings(check.except_)}")
    for key in ("reason", "hint"):
        value: LocalText = getattr(check, key)
        out.append(f"{key} = {_local(value)}")
    return [*out, ""]
