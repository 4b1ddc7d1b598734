"""The penalty-rule catalogue: WeCom's published rules as validated, versioned data.

The data lives in ``resources/rules/*.toml``; every item carries the section number of the
source text (``wecom-violation-penalty-rules.en.txt``) it restates. When WeCom changes its rules,
the data changes, not this module.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import UserError
from app.i18n import Lang, LocalText
from app.rules.ids import DocumentKind, RouteId, RuleId

CATALOGUE_FILES = (
    "catalogue.toml",
    "violations.toml",
    "penalties.toml",
    "routes.toml",
    "documents.toml",
    "faq.toml",
    "notice_phrases.toml",
    "statements.toml",
)


class CatalogueError(UserError):
    """The catalogue data is malformed; the message names the file and the field."""


class _BrokenReference(ValueError):
    """A cross-reference that does not resolve; ``loc`` is the field that holds it."""

    def __init__(self, message: str, loc: tuple[int | str, ...]) -> None:
        super().__init__(message)
        self.loc = loc


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CatalogueMeta(_Item):
    source_title: str
    source_file: str
    retrieved: dt.date
    version: str


class Section(_Item):
    id: str = Field(pattern=r"^\d+(\.\d+)*$")
    title: LocalText


class Provision(_Item):
    """A general provision of the source that no penalty rule carries (section 1, 4.1's pointer).

    ``source`` quotes the English sentences it restates, verbatim from the source text.
    """

    id: str = Field(pattern=r"^[a-z_]+$")
    section: str
    text: LocalText
    source: list[str] = Field(min_length=1)


class Violation(_Item):
    """One violation scenario (a category of the diagnosis contract)."""

    id: str = Field(pattern=r"^[a-z_]+$")
    rule: RuleId
    section: str
    title: LocalText
    description: LocalText


class LadderStep(_Item):
    """One step of a step-by-step penalty (2.2)."""

    step: int = Field(ge=1)
    section: str
    scope: Literal["interop", "account"]
    duration: Literal["temporary", "permanent"]
    self_unblock: bool
    text: LocalText


class Measure(_Item):
    """A penalty measure; ``aggravated`` marks the 'bad influence' escalations."""

    id: str
    section: str
    aggravated: bool = False
    accounts: list[Literal["member", "admin", "enterprise"]]
    text: LocalText


class PenaltyRule(_Item):
    id: RuleId
    section: str
    title: LocalText
    summary: LocalText
    ladder: list[LadderStep] = []
    measures: list[Measure]


class RouteVariant(_Item):
    """The route's text for a case its plain text does not fit (a block off rule 1's ladder)."""

    id: Literal["off_ladder"]
    title: LocalText
    how: LocalText
    advice: LocalText | None = None


class AppealRoute(_Item):
    """A way back. ``how`` restates what the source says (``source`` quotes it); ``advice`` is
    the app's practical suggestion, always shown labelled as the app's."""

    id: RouteId
    sections: list[str] = Field(min_length=1)
    title: LocalText
    how: LocalText
    advice: LocalText | None = None
    source: list[str] = []
    documents: list[DocumentKind] = []
    # 5.3 ends the list of qualification documents with "etc.": customer support may ask for more.
    documents_open: bool = False
    variants: list[RouteVariant] = []

    def variant(self, variant_id: str | None) -> RouteVariant | None:
        return next((v for v in self.variants if v.id == variant_id), None)

    def wording(self, variant_id: str | None) -> tuple[LocalText, LocalText, LocalText | None]:
        """Title, what the rules say and the app's advice, for the variant when there is one."""
        found = self.variant(variant_id)
        source = found or self
        return source.title, source.how, source.advice


class RequiredDocument(_Item):
    id: DocumentKind
    section: str
    title: LocalText
    description: LocalText


class FaqAnswer(_Item):
    id: str
    section: str
    question: LocalText
    answer: list[LocalText] = Field(min_length=1)


class CategoryPhrases(_Item):
    """Words and phrases that point a restriction notice to one violation category."""

    category: str
    zh_CN: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0)


class SignalPhrases(_Item):
    """Phrases that tell the scope or duration of a restriction rather than its cause."""

    signal: Literal[
        "scope_interop",
        "scope_account",
        "duration_temporary",
        "duration_permanent",
        "duration_until_wechat_unblocked",
        "account_enterprise",
        "account_admin",
    ]
    zh_CN: list[str] = Field(min_length=1)
    en: list[str] = Field(min_length=1)


class Statement(_Item):
    """A sentence template the diagnosis may state, with the sections that back it.

    Either it restates the source, and ``source`` quotes the English sentences it restates
    (verbatim, so a reviewer can compare the two side by side), or it is the app's own reasoning
    or advice (``advice = true``), shown labelled as such; advice may still quote the sentences
    it reasons from.
    """

    id: str
    citations: list[str] = Field(min_length=1)
    text: LocalText
    advice: bool = False
    source: list[str] = []

    @model_validator(mode="after")
    def _restatement_quotes_its_source(self) -> Statement:
        if not self.advice and not self.source:
            raise ValueError(f"statement {self.id!r} restates the rules but quotes no source "
                             f"sentence; add `source` or mark it `advice = true`")
        return self


class Catalogue(_Item):
    meta: CatalogueMeta
    sections: list[Section]
    provisions: list[Provision] = []
    violations: list[Violation]
    rules: list[PenaltyRule]
    routes: list[AppealRoute]
    documents: list[RequiredDocument]
    faq: list[FaqAnswer]
    category_phrases: list[CategoryPhrases]
    signal_phrases: list[SignalPhrases]
    statements: list[Statement]

    @model_validator(mode="after")
    def _references_resolve(self) -> Catalogue:
        known_sections = {s.id for s in self.sections}
        # (where, section, field): the field lets the loader name the file.
        cited: list[tuple[str, str, tuple[int | str, ...]]] = []
        cited += [(f"violation {v.id}", v.section, ("violations", i, "section"))
                  for i, v in enumerate(self.violations)]
        cited += [(f"provision {p.id}", p.section, ("provisions", i, "section"))
                  for i, p in enumerate(self.provisions)]
        for r, rule in enumerate(self.rules):
            cited.append((f"rule {rule.id}", rule.section, ("rules", r, "section")))
            cited += [(f"rule {rule.id} step {s.step}", s.section,
                       ("rules", r, "ladder", i, "section")) for i, s in enumerate(rule.ladder)]
            cited += [(f"rule {rule.id} measure {m.id}", m.section,
                       ("rules", r, "measures", i, "section"))
                      for i, m in enumerate(rule.measures)]
        for r, route in enumerate(self.routes):
            cited += [(f"route {route.id}", s, ("routes", r, "sections", i))
                      for i, s in enumerate(route.sections)]
        cited += [(f"document {d.id}", d.section, ("documents", i, "section"))
                  for i, d in enumerate(self.documents)]
        cited += [(f"faq {f.id}", f.section, ("faq", i, "section"))
                  for i, f in enumerate(self.faq)]
        for n, statement in enumerate(self.statements):
            cited += [(f"statement {statement.id}", s, ("statements", n, "citations", i))
                      for i, s in enumerate(statement.citations)]
        unknown = [(f"{where} cites unknown section {sec!r}", loc) for where, sec, loc in cited
                   if sec not in known_sections]
        if unknown:
            raise _BrokenReference("; ".join(msg for msg, _ in unknown), unknown[0][1])

        categories = {v.id for v in self.violations}
        stray = [(i, p.category) for i, p in enumerate(self.category_phrases)
                 if p.category not in categories]
        if stray:
            raise _BrokenReference(f"notice phrases for unknown categories: "
                                   f"{[c for _, c in stray]}",
                                   ("category_phrases", stray[0][0], "category"))
        for kind, key, ids in (
            ("violation", "violations", [v.id for v in self.violations]),
            ("rule", "rules", [r.id for r in self.rules]),
            ("route", "routes", [r.id for r in self.routes]),
            ("statement", "statements", [s.id for s in self.statements]),
        ):
            if len(ids) != len(set(ids)):
                second = next(i for i, id_ in enumerate(ids) if id_ in ids[:i])
                raise _BrokenReference(
                    f"duplicate {kind} ids: {sorted({i for i in ids if ids.count(i) > 1})}",
                    (key, second, "id"))
        return self

    # Lookups -------------------------------------------------------------------------------

    def violation(self, category: str) -> Violation:
        return next(v for v in self.violations if v.id == category)

    def rule(self, rule_id: str) -> PenaltyRule:
        return next(r for r in self.rules if r.id == rule_id)

    def route(self, route_id: str) -> AppealRoute:
        return next(r for r in self.routes if r.id == route_id)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def statement(self, statement_id: str) -> Statement:
        for s in self.statements:
            if s.id == statement_id:
                return s
        raise KeyError(f"statement {statement_id!r} is not in statements.toml")

    def section_title(self, section_id: str, lang: Lang) -> str:
        return self.section(section_id).title(lang)

    def provisions_of(self, section_id: str) -> list[Provision]:
        return [p for p in self.provisions if p.section == section_id]


# Which catalogue field each file fills, so an error can name the file.
_FILE_FIELDS = {
    "catalogue.toml": ("meta", "sections", "provisions"),
    "violations.toml": ("violations",),
    "penalties.toml": ("rules",),
    "routes.toml": ("routes",),
    "documents.toml": ("documents",),
    "faq.toml": ("faq",),
    "notice_phrases.toml": ("category_phrases", "signal_phrases"),
    "statements.toml": ("statements",),
}


def _field_path(loc: tuple[int | str, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p))
                   for i, p in enumerate(loc))


def load_catalogue_from(folder: Traversable) -> Catalogue:
    """Load and validate the catalogue in ``folder``; raise CatalogueError naming file and field."""
    merged: dict[str, object] = {}
    owner: dict[str, str] = {}
    for name in CATALOGUE_FILES:
        path = folder / name
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise CatalogueError(f"{name}: file is missing from the rule catalogue") from exc
        except tomllib.TOMLDecodeError as exc:
            raise CatalogueError(f"{name}: not valid TOML: {exc}") from exc
        expected = _FILE_FIELDS[name]
        extra = set(data) - set(expected)
        if extra:
            raise CatalogueError(f"{name}: unexpected top-level keys {sorted(extra)}; "
                                 f"expected {list(expected)}")
        for key in expected:
            merged[key] = data.get(key, [])
            owner[key] = name
    try:
        return Catalogue.model_validate(merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        broken = first.get("ctx", {}).get("error")
        loc = broken.loc if isinstance(broken, _BrokenReference) else first["loc"]
        file = owner.get(str(loc[0]), "catalogue") if loc else "catalogue"
        raise CatalogueError(
            f"{file}: field {_field_path(loc) or '(root)'}: {first['msg']}"
            + (f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else "")
        ) from exc


def normalise_space(text: str) -> str:
    """Runs of white space (line breaks, the source's non-breaking spaces) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@cache
def source_text() -> str:
    """The source text the catalogue restates, as shipped with the app (whitespace normalised)."""
    path = resources.files("app.resources") / "rules" / load_catalogue().meta.source_file
    return normalise_space(path.read_text(encoding="utf-8"))


def quoted_in_source(quote: str) -> bool:
    """Whether ``quote`` occurs word for word in the source text (whitespace normalised)."""
    return normalise_space(quote) in source_text()


# A section heading of the source: "2. Penalty rule #1", "2.2 Punishment measures", unindented
# (the ladder's "  1. The first violation" is indented).
_HEADING = re.compile(r"^(\d+(?:\.\d+)?)\.?\s+\S", re.MULTILINE)


@cache
def source_sections() -> dict[str, str]:
    """Each numbered section of the source text, whitespace normalised; a section includes its
    subsections (section "2" holds 2.1 and 2.2)."""
    path = resources.files("app.resources") / "rules" / load_catalogue().meta.source_file
    raw = path.read_text(encoding="utf-8")
    starts = [(m.group(1), m.start()) for m in _HEADING.finditer(raw)]
    sections: dict[str, str] = {}
    for i, (number, start) in enumerate(starts):
        end = next((pos for other, pos in starts[i + 1:]
                    if not other.startswith(number + ".")), len(raw))
        sections[number] = normalise_space(raw[start:end])
    return sections


def quoted_in_section(quote: str, section_ids: list[str]) -> bool:
    """Whether ``quote`` occurs word for word in one of the given sections of the source."""
    sections = source_sections()
    return any(normalise_space(quote) in sections.get(s, "") for s in section_ids)


@cache
def load_catalogue() -> Catalogue:
    """The catalogue shipped with the app."""
    return load_catalogue_from(resources.files("app.resources") / "rules")
