"""Scoring a self-audit: the ANSWERS.json model, scores per category and overall, the risk level,
findings that explain themselves, the remediation plan and the trend across audits.

Scores are this app's assessment of the answers, not a WeCom measure: ``yes`` earns the whole
weight of a question, ``partly`` and ``no`` the shares in the checklist's ``[scale]``,
``not_applicable`` is left out of both sides of the sum.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from app.audit.checklist import Answer, Checklist, Question, load_checklist
from app.errors import UserError
from app.i18n import Lang, LocalText
from app.labels import text as local_text

PlanStatus = Literal["open", "in_progress", "done"]


class AuditInputError(UserError, ValueError):
    """The answers do not fit the checklist; the message names the field."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message)
        self.message = message


# --- ANSWERS.json -------------------------------------------------------------------------------


class AnswerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="Question id from the checklist, e.g. 'no_plugins'.")
    answer: Answer = Field(description="yes / partly / no / not_applicable; 'yes' is compliant.")
    note: str = Field(default="", max_length=5000, description="Why this answer; what was seen.")
    evidence: list[str] = Field(default=[], description="References to evidence files (vault "
                                "ids or file names); the audit report lists them.")


class RemediationEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="Question id the measure remedies.")
    action: str = Field(default="", description="What will be done; empty: the checklist's advice.")
    owner: str = Field(default="", description="Who does it.")
    due: dt.date | None = Field(default=None, description="Due date, YYYY-MM-DD.")
    status: PlanStatus = "open"


class PastAudit(BaseModel):
    """The summary of an earlier audit, kept for the trend."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    overall: float = Field(ge=0, le=100)
    categories: dict[str, float] = {}
    title: str = ""


class AuditAnswers(BaseModel):
    """ANSWERS.json: one self-audit of the enterprise against the checklist."""

    model_config = ConfigDict(extra="forbid", title="AuditAnswers")

    schema_version: Literal[1] = 1
    title: str = Field(default="", description="e.g. 'Q4 2026 self-audit'.")
    enterprise: str = ""
    auditor: str = ""
    date: dt.date = Field(description="When the answers were given, YYYY-MM-DD.")
    checklist_version: str | None = Field(default=None, description="Checklist version the "
                                          "answers were given against.")
    answers: list[AnswerEntry]
    remediation: list[RemediationEntry] = []
    history: list[PastAudit] = Field(default=[], description="Earlier audits, for the trend.")

    @model_validator(mode="after")
    def _one_answer_per_question(self) -> AuditAnswers:
        ids = [a.question for a in self.answers]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            # A kind of its own, so the CLI says it in Chinese too (pydantic_duplicate_answers).
            raise PydanticCustomError("duplicate_answers",
                                      "answers: questions answered more than once: {questions}",
                                      {"questions": ", ".join(dupes)})
        return self


# --- results ------------------------------------------------------------------------------------


class Finding(BaseModel):
    """One answer that costs points, with what the rules say and what to do."""

    question: str
    category: str
    answer: Answer
    weight: float
    points_lost: float
    critical: bool
    citations: list[str]
    text: LocalText
    basis: LocalText
    advice: LocalText
    note: str = ""
    evidence: list[str] = []


class CategoryScore(BaseModel):
    id: str
    title: LocalText
    score: float | None = Field(description="0-100; null when every question is N/A.")
    earned: float
    possible: float
    answered: int
    not_applicable: int
    unanswered: int
    findings: int


class PlanItem(BaseModel):
    question: str
    citations: list[str]
    action: LocalText
    owner: str = ""
    due: dt.date | None = None
    status: PlanStatus = "open"
    overdue: bool = False


class TrendPoint(BaseModel):
    date: dt.date
    title: str = ""
    overall: float
    level: str


class AuditResult(BaseModel):
    title: str
    enterprise: str
    auditor: str
    date: dt.date
    checklist_version: str
    overall: float
    level: str
    level_label: LocalText
    level_meaning: LocalText
    critical_noes: list[str] = Field(description="Critical questions answered 'no'; they lift "
                                     "the level to the checklist's critical_no_level.")
    weak_categories: list[str] = Field(description="Categories scoring below the checklist's "
                                       "weak_category_below; they lift the level too.")
    categories: list[CategoryScore]
    findings: list[Finding]
    unanswered: list[str]
    plan: list[PlanItem]
    trend: list[TrendPoint]
    answers: list[AnswerEntry]

    @property
    def delta(self) -> float | None:
        """Change of the overall score since the previous audit."""
        return None if len(self.trend) < 2 else round(self.trend[-1].overall
                                                      - self.trend[-2].overall, 1)

    def explain(self, lang: Lang) -> list[str]:
        """The score, point by point: what each finding costs and why."""
        lines = [_T_OVERALL(lang).format(score=self.overall, level=self.level_label(lang))]
        texts = {f.question: f.text(lang) for f in self.findings}  # the question, not its id
        lines += [_T_CRITICAL(lang).format(question=texts.get(q, q)) for q in self.critical_noes]
        titles = {c.id: c.title(lang) for c in self.categories}
        lines += [_T_WEAK(lang).format(title=titles[c]) for c in self.weak_categories]
        for cat in self.categories:
            if cat.score is None:
                continue
            lines.append(_T_CATEGORY(lang).format(title=cat.title(lang), score=cat.score,
                                                  earned=_num(cat.earned),
                                                  possible=_num(cat.possible)))
            for f in (f for f in self.findings if f.category == cat.id):
                lines.append(_T_FINDING(lang).format(
                    answer=_ANSWER_WORDS[f.answer](lang), text=f.text(lang),
                    lost=_num(f.points_lost), sections=", ".join(f.citations)))
        return lines

    def corrective_measures(self, lang: Lang) -> list[str]:
        """Measures done or under way, for the appeal statement."""
        return [item.action(lang) for item in self.plan if item.status != "open"]


_T_OVERALL = LocalText(en="Overall score {score:.0f} of 100: {level}.",
                       zh_CN="总分 {score:.0f}/100：{level}。")
_T_CRITICAL = LocalText(en="A critical question was answered 'no' (“{question}”): the level is "
                        "raised.", zh_CN="关键问题回答为“否”（“{question}”），风险等级因此上调。")
_T_WEAK = LocalText(en="The category '{title}' scores low: the level is raised.",
                    zh_CN="类别“{title}”得分过低，风险等级因此上调。")
_T_CATEGORY = LocalText(en="{title}: {score:.0f} ({earned} of {possible} points)",
                        zh_CN="{title}：{score:.0f} 分（{possible} 分中得 {earned} 分）")
_T_FINDING = LocalText(en="  − {lost} points: '{answer}' to “{text}” (section {sections})",
                       zh_CN="  −{lost} 分：“{text}”回答为“{answer}”（第 {sections} 节）")
_ANSWER_WORDS: dict[str, LocalText] = {
    "yes": LocalText(en="yes", zh_CN="是"),
    "partly": LocalText(en="partly", zh_CN="部分"),
    "no": LocalText(en="no", zh_CN="否"),
    "not_applicable": LocalText(en="not applicable", zh_CN="不适用"),
}


def answer_word(answer: str, lang: Lang) -> str:
    return _ANSWER_WORDS[answer](lang)


def _num(value: float) -> str:
    return f"{value:g}"


def _check_references(answers: AuditAnswers, checklist: Checklist) -> None:
    known = {q.id for q in checklist.questions}
    for i, entry in enumerate(answers.answers):
        if entry.question not in known:
            raise AuditInputError(local_text("audit_unknown_question",
                                             field=f"answers.{i}.question",
                                             question=repr(entry.question)))
    for i, item in enumerate(answers.remediation):
        if item.question not in known:
            raise AuditInputError(local_text("audit_unknown_question",
                                             field=f"remediation.{i}.question",
                                             question=repr(item.question)))


def _finding(q: Question, entry: AnswerEntry, value: float) -> Finding:
    return Finding(question=q.id, category=q.category, answer=entry.answer, weight=q.weight,
                   points_lost=round(q.weight * (1 - value), 2), critical=q.critical,
                   citations=q.citations, text=q.text, basis=q.basis, advice=q.advice,
                   note=entry.note, evidence=entry.evidence)


def _plan(answers: AuditAnswers, findings: list[Finding], checklist: Checklist,
          today: dt.date) -> list[PlanItem]:
    given = {item.question: item for item in answers.remediation}
    order = [f.question for f in findings] + [q for q in given if q not in
                                              {f.question for f in findings}]
    plan = []
    for qid in order:
        q = checklist.question(qid)
        item = given.get(qid)
        action = (LocalText(en=item.action, zh_CN=item.action) if item and item.action
                  else q.advice)
        due = item.due if item else None
        status = item.status if item else "open"
        plan.append(PlanItem(question=qid, citations=q.citations, action=action,
                             owner=item.owner if item else "", due=due, status=status,
                             overdue=bool(due and due < today and status != "done")))
    return plan


def score_audit(answers: AuditAnswers, checklist: Checklist | None = None,
                previous: list[AuditResult] | None = None,
                today: dt.date | None = None) -> AuditResult:
    """Score ``answers``; ``previous`` results and ``answers.history`` make the trend."""
    checklist = checklist or load_checklist()
    _check_references(answers, checklist)
    given = {a.question: a for a in answers.answers}
    scale = checklist.scale

    findings: list[Finding] = []
    categories: list[CategoryScore] = []
    total_earned = total_possible = 0.0
    for group in checklist.categories:
        earned = possible = 0.0
        answered = na = unanswered = lost = 0
        for q in checklist.questions_in(group.id):
            entry = given.get(q.id)
            if entry is None:
                unanswered += 1
                continue
            answered += 1
            value = scale.value(entry.answer)
            if value is None:
                na += 1
                continue
            earned += q.weight * value
            possible += q.weight
            if value < 1:
                findings.append(_finding(q, entry, value))
                lost += 1
        total_earned += earned
        total_possible += possible
        categories.append(CategoryScore(
            id=group.id, title=group.title, earned=round(earned, 2), possible=possible,
            score=round(100 * earned / possible, 1) if possible else None,
            answered=answered, not_applicable=na, unanswered=unanswered, findings=lost))
    if not total_possible:
        raise AuditInputError(local_text("audit_nothing_to_score"))

    overall = round(100 * total_earned / total_possible, 1)
    risk = checklist.risk
    level = risk.for_score(overall)
    level_id = level.id
    critical_noes = [f.question for f in findings if f.critical and f.answer == "no"]
    if critical_noes:
        level_id = risk.at_least(level_id, risk.critical_no_level)
    weak = [c.id for c in categories
            if c.score is not None and c.score < risk.weak_category_below]
    if weak:
        level_id = risk.at_least(level_id, risk.weak_category_level)
    level = risk.level(level_id)
    # Biggest losses first, critical ones ahead of equal losses: the order to fix them in.
    findings.sort(key=lambda f: (-f.points_lost, not f.critical, f.question))

    trend = [TrendPoint(date=h.date, title=h.title, overall=h.overall,
                        level=risk.for_score(h.overall).id) for h in answers.history]
    trend += [TrendPoint(date=p.date, title=p.title, overall=p.overall, level=p.level)
              for p in previous or []]
    trend.append(TrendPoint(date=answers.date, title=answers.title, overall=overall,
                            level=level.id))
    trend.sort(key=lambda t: t.date)

    return AuditResult(
        title=answers.title, enterprise=answers.enterprise, auditor=answers.auditor,
        date=answers.date, checklist_version=checklist.meta.version, overall=overall,
        level=level.id, level_label=level.label, level_meaning=level.meaning,
        critical_noes=critical_noes, weak_categories=weak, categories=categories, findings=findings,
        unanswered=[q.id for q in checklist.questions if q.id not in given],
        plan=_plan(answers, findings, checklist, today or dt.date.today()),
        trend=trend, answers=answers.answers)


def answers_json_schema() -> dict:
    """JSON Schema of ANSWERS.json, for editors and for other tools that write audits."""
    return AuditAnswers.model_json_schema()
