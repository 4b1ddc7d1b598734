"""The self-audit checklist: questions on WeCom's usage rules, as validated data.

The data lives in ``resources/audit/checklist.toml``. Every question cites the sections of
the source text it rests on; ``basis`` restates the source, ``advice`` is the app's suggestion.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.errors import UserError
from app.i18n import LocalText
from app.labels import text as local_text

Answer = Literal["yes", "partly", "no", "not_applicable"]
ANSWERS: tuple[Answer, ...] = ("yes", "partly", "no", "not_applicable")
CHECKLIST_FILE = "checklist.toml"


class ChecklistError(UserError):
    """The checklist data is malformed; the message names the file and the field."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message)
        self.message = message


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ChecklistMeta(_Item):
    version: str
    source_file: str
    source_title: str


class AnswerScale(_Item):
    """Share of a question's weight each answer earns; not_applicable is left out of scores."""

    yes: float = Field(ge=0, le=1)
    partly: float = Field(ge=0, le=1)
    no: float = Field(ge=0, le=1)

    def value(self, answer: Answer) -> float | None:
        return None if answer == "not_applicable" else getattr(self, answer)


class RiskLevel(_Item):
    id: str = Field(pattern=r"^[a-z_]+$")
    min_score: float = Field(ge=0, le=100)
    label: LocalText
    meaning: LocalText


class RiskScale(_Item):
    critical_no_level: str
    weak_category_below: float = Field(ge=0, le=100)
    weak_category_level: str
    levels: list[RiskLevel] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> RiskScale:
        mins = [lvl.min_score for lvl in self.levels]
        if mins != sorted(mins, reverse=True) or mins[-1] != 0:
            raise ValueError("levels must go from the highest min_score down to 0")
        for name in ("critical_no_level", "weak_category_level"):
            if getattr(self, name) not in {lvl.id for lvl in self.levels}:
                raise ValueError(f"{name} {getattr(self, name)!r} is not a level id")
        return self

    def for_score(self, score: float) -> RiskLevel:
        return next(lvl for lvl in self.levels if score >= lvl.min_score)

    def rank(self, level_id: str) -> int:
        """0 for the lowest risk, growing with risk."""
        return [lvl.id for lvl in self.levels].index(level_id)

    def at_least(self, current: str, floor: str) -> str:
        return floor if self.rank(floor) > self.rank(current) else current

    def level(self, level_id: str) -> RiskLevel:
        return next(lvl for lvl in self.levels if lvl.id == level_id)


class SourceSection(_Item):
    id: str = Field(pattern=r"^\d+(\.\d+)*$")
    title: LocalText


class Scenario(_Item):
    """A violation scenario of rules 1-3 (a category id of the diagnosis contract)."""

    id: str = Field(pattern=r"^[a-z_]+$")
    rule: Literal["R1", "R2", "R3"]
    section: str
    title: LocalText


class Recommendation(_Item):
    """A recommendation or limit factor of section 5."""

    id: str = Field(pattern=r"^[a-z_]+$")
    sections: list[str] = Field(min_length=1)
    title: LocalText


class QuestionGroup(_Item):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: LocalText


class Question(_Item):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    category: str
    scenarios: list[str] = []
    recommendations: list[str] = []
    citations: list[str] = Field(min_length=1)
    weight: float = Field(gt=0)
    critical: bool = False
    text: LocalText
    basis: LocalText
    advice: LocalText


class Checklist(_Item):
    meta: ChecklistMeta
    scale: AnswerScale
    risk: RiskScale
    sections: list[SourceSection]
    scenarios: list[Scenario]
    recommendations: list[Recommendation]
    categories: list[QuestionGroup]
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _references_resolve(self) -> Checklist:
        problems: list[str] = []
        for kind, ids in (("section", [s.id for s in self.sections]),
                          ("scenario", [s.id for s in self.scenarios]),
                          ("recommendation", [r.id for r in self.recommendations]),
                          ("category", [c.id for c in self.categories]),
                          ("question", [q.id for q in self.questions])):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                problems.append(f"duplicate {kind} ids {dupes}")
        sections = {s.id for s in self.sections}
        scenarios = {s.id for s in self.scenarios}
        recommendations = {r.id for r in self.recommendations}
        categories = {c.id for c in self.categories}
        problems += [f"scenario {s.id} cites unknown section {s.section!r}"
                     for s in self.scenarios if s.section not in sections]
        problems += [f"recommendation {r.id} cites unknown section {sec!r}"
                     for r in self.recommendations for sec in r.sections if sec not in sections]
        for q in self.questions:
            where = f"question {q.id}"
            if q.category not in categories:
                problems.append(f"{where}: unknown category {q.category!r}")
            problems += [f"{where}: cites unknown section {s!r}"
                         for s in q.citations if s not in sections]
            problems += [f"{where}: unknown scenario {s!r}"
                         for s in q.scenarios if s not in scenarios]
            problems += [f"{where}: unknown recommendation {r!r}"
                         for r in q.recommendations if r not in recommendations]
            if not q.scenarios and not q.recommendations:
                problems.append(f"{where}: names neither a scenario nor a recommendation")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def category(self, category_id: str) -> QuestionGroup:
        return next(c for c in self.categories if c.id == category_id)

    def questions_in(self, category_id: str) -> list[Question]:
        return [q for q in self.questions if q.category == category_id]


def _field_path(loc: tuple[int | str, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p))
                   for i, p in enumerate(loc))


def parse_checklist(text: str, source: str = CHECKLIST_FILE) -> Checklist:
    """Validate checklist TOML text; raise ChecklistError naming ``source`` and the field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ChecklistError(local_text("err_not_toml", source=source, error=exc)) from exc
    try:
        return Checklist.model_validate(data)
    except ValidationError as exc:
        lines = [local_text("checklist_field", source=source, msg=err["msg"],
                      field=_field_path(err["loc"]) or "(root)") for err in exc.errors()]
        raise ChecklistError(LocalText(en="\n".join(t.en for t in lines),
                                       zh_CN="\n".join(t.zh_CN for t in lines))) from exc


def load_checklist_from(folder: Traversable) -> Checklist:
    path = folder / CHECKLIST_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ChecklistError(local_text("checklist_missing", file=CHECKLIST_FILE,
                                        folder=folder)) from exc
    return parse_checklist(text, CHECKLIST_FILE)


@cache
def load_checklist() -> Checklist:
    """The checklist shipped with the app."""
    return load_checklist_from(resources.files("app.resources") / "audit")
