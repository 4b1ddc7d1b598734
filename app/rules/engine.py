"""The diagnosis engine: a pure function of a restriction report and the rule catalogue.

Every sentence it states is a template from ``statements.toml`` with the sections that back it.
Where the published rules do not decide a case, the engine records that in ``undecided`` and
leaves the field null rather than guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from app.i18n import Lang
from app.rules.catalogue import Catalogue, RouteId, RuleId
from app.rules.classifier import NoticeClassification, classify_notice
from app.rules.contract import (
    CategoryCandidate,
    Diagnosis,
    Duration,
    RestrictionReport,
    Sentence,
    TimingFact,
)

# Below this the notice's wording is shown as a candidate but does not decide the category.
CATEGORY_MIN_CONFIDENCE = 0.5
LADDER_TOP = 3


@dataclass
class _Reasoning:
    """What the engine found, as statement ids; rendered into one language at the end."""

    rule: RuleId | None = None
    step: int | None = None
    category: str | None = None
    route: RouteId = "none"
    route_variant: Literal["off_ladder"] | None = None
    alternatives: list[RouteId] = field(default_factory=list)
    aggravated: bool = False
    explanation: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    undecided: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    timing: list[tuple[str, int | None]] = field(default_factory=list)
    next_violation: list[str] = field(default_factory=list)

    def says(self, statement_id: str, **values: object) -> None:
        self.explanation.append((statement_id, values))

    def cannot_decide(self, statement_id: str, **values: object) -> None:
        self.undecided.append((statement_id, values))


def diagnose(report: RestrictionReport, catalogue: Catalogue, lang: Lang = "zh_CN") -> Diagnosis:
    notice = _read_notice(report, catalogue)
    candidates = notice.candidates if notice else []
    best = candidates[0] if candidates else None
    confident = best if best and best.confidence >= CATEGORY_MIN_CONFIDENCE else None
    found = _Reasoning(category=confident.category if confident else None)
    if notice and report.duration == "unknown":
        report = _duration_from_notice(report, notice, found)

    if report.account == "enterprise":
        _enterprise(report, catalogue, found)
    elif report.account == "admin":
        _admin(report, catalogue, found)
    else:
        _member(report, catalogue, found)
    return _render(found, report, candidates, catalogue, lang)


def _read_notice(report: RestrictionReport, catalogue: Catalogue) -> NoticeClassification | None:
    if not report.notice_text or not report.notice_text.strip():
        return None
    return classify_notice(report.notice_text, catalogue)


# Which duration a notice signal states, most specific first: a notice that ties the block to
# the WeChat account often also says "temporarily".
_DURATION_SIGNALS: tuple[tuple[str, Duration], ...] = (
    ("duration_until_wechat_unblocked", "until_wechat_unblocked"),
    ("duration_permanent", "permanent"),
    ("duration_temporary", "temporary"),
)


def _duration_from_notice(report: RestrictionReport, notice: NoticeClassification,
                          found: _Reasoning) -> RestrictionReport:
    """The user did not say how long; take it from the notice when its wording is plain."""
    for signal, duration in _DURATION_SIGNALS:
        phrases = notice.signals.get(signal)
        if phrases:
            found.says(f"duration.notice_{duration}", phrases="”, “".join(phrases[:3]))
            return report.model_copy(update={"duration": duration})
    return report


def _category_unknown(found: _Reasoning) -> None:
    """No listed violation found; section 1: violations are not limited to the listed ones."""
    found.says("category.unknown")
    found.says("category.not_listed")


def _state_category(found: _Reasoning, catalogue: Catalogue) -> None:
    if found.category is None:
        return
    violation = catalogue.violation(found.category)
    found.rule = violation.rule
    found.says(f"category.{violation.rule.lower()}", category=violation.title)


# Member accounts ------------------------------------------------------------------------------

def _member(report: RestrictionReport, catalogue: Catalogue, found: _Reasoning) -> None:
    category_rule = catalogue.violation(found.category).rule if found.category else None
    # 3.2: a block that lasts until the WeChat account is unblocked is rule 2's own measure.
    wechat_tied = (report.duration == "until_wechat_unblocked" or category_rule == "R2"
                   or (report.linked_wechat_banned and category_rule is None))

    if wechat_tied:
        if category_rule == "R2":
            _state_category(found, catalogue)
        found.rule, found.category = "R2", "linked_wechat"
        if report.duration == "until_wechat_unblocked":
            found.says("rule.r2_by_duration")
        if report.linked_wechat_banned:
            found.says("category.linked_wechat_reported")
        _rule2(report, found)
    elif category_rule == "R3":
        _state_category(found, catalogue)
        _rule3(report, found)
    elif category_rule == "R1":
        _state_category(found, catalogue)
        if report.linked_wechat_banned:
            found.cannot_decide("rule.linked_but_r1_notice")
        _rule1(report, found)
    elif report.scope == "interop" and _interop_points_to_rule1(report, found):
        found.rule = "R1"
        _rule1(report, found)
    else:
        _category_unknown(found)
        if report.scope == "interop":
            found.cannot_decide("rule.interop_cause_unknown")
        else:
            found.cannot_decide("rule.account_cause_unknown")
        found.route = _route_when_rule_unknown(report, found)
        found.next_violation.append("next.unknown_rule")


def _interop_points_to_rule1(report: RestrictionReport, found: _Reasoning) -> bool:
    """Read an interop-only block with no named cause as rule 1, saying how the app got there.

    Rule 2 (3.2) blocks the same functions, so only a WeChat account known not to be blocked
    excludes it; the console's unblocking offer and the block's length are the app's inferences.
    """
    if report.linked_wechat_banned is False:
        _category_unknown(found)
        found.says("rule.r1_wechat_not_blocked")
        return True
    if report.self_unblock_offered:
        _category_unknown(found)
        found.says("rule.r1_by_self_unblock")
        found.cannot_decide("rule.console_is_inference")
        return True
    if report.duration in ("temporary", "permanent"):
        _category_unknown(found)
        found.says("rule.r1_by_elimination")
        found.cannot_decide("rule.r1_elimination_open")
        return True
    return False


def _rule1(report: RestrictionReport, found: _Reasoning) -> None:
    found.next_violation.append("next.bad_influence")
    if report.scope == "account":
        # 2.2 note: a bad influence blocks the member account whatever the count: off the ladder.
        found.aggravated = True
        found.says("r1.aggravated")
        found.route = _route_off_ladder(report, found)
        return

    ledger_step = min(report.prior_violations + 1, LADDER_TOP)
    if report.duration == "permanent":
        evidence_step = 3
    elif report.self_unblock_offered is False:
        evidence_step = 2
    else:
        evidence_step = 1
    # The ledger may miss restrictions from before the app was used; never understate the step.
    step = found.step = max(ledger_step, evidence_step)

    if report.prior_violations:
        found.says("r1.ledger_prior", prior=report.prior_violations, number=ledger_step)
        # 2.2 counts violations but never says whether the count starts again.
        found.cannot_decide("r1.ladder_reset_silent")
    else:
        found.says("r1.ledger_none")
    if evidence_step > ledger_step:
        if evidence_step == 3:
            found.says("r1.step_from_permanent")
        else:
            found.says("r1.step_from_console")
            found.cannot_decide("r1.console_step_is_inference")
    found.says(f"r1.step{step}")

    if step == 3:
        found.timing.append(("timing.permanent", None))
        found.next_violation.insert(0, "next.r1_after_step3")
        if report.duration == "temporary":
            found.cannot_decide("r1.permanent_but_temporary")
    else:
        found.timing.append(("timing.r1_short", None))
        found.next_violation.insert(0, f"next.r1_step{step + 1}")

    if report.self_unblock_offered and step > 1:
        found.cannot_decide("r1.console_conflict", prior=report.prior_violations)
        found.route = "admin_unblock_request"
        found.says("route.admin_unblock_offered")
    elif step == 1:
        found.route = "admin_unblock_request"
        found.says("route.admin_unblock_request")
    elif step == 2:
        found.route = "wait_for_expiry"
        found.says("route.wait_for_expiry")
    else:
        found.route = "none"
        found.says("route.none_permanent")
        return
    if report.believes_wrongful:
        # 5.3: a non-permanent penalty on an employee account can also be appealed on the page.
        if found.route == "wait_for_expiry":
            found.route, found.alternatives = "page_appeal", ["wait_for_expiry"]
            found.says("route.page_appeal")
        else:
            found.alternatives.append("page_appeal")
            found.says("route.also_page_appeal")


def _rule2(report: RestrictionReport, found: _Reasoning) -> None:
    found.next_violation.append("next.r2")
    if report.scope == "account":
        # 3.2's second bullet: a whole-account block has no stated end; the 24-hour automatic
        # unblocking of the first bullet is for the interop-only block.
        found.aggravated = True
        found.says("r2.aggravated")
        found.cannot_decide("r2.aggravated_no_end")
        if report.duration == "until_wechat_unblocked" and not report.believes_wrongful:
            found.route = "none"
            found.cannot_decide("route.none_r2_account")
        else:
            found.route = _route_off_ladder(report, found)
        return
    found.says("r2.measure")
    found.route = "wait_for_wechat_unblock"
    found.says("route.wait_for_wechat_unblock")
    found.timing.append(("timing.r2_24h", 24))
    if report.believes_wrongful:
        found.alternatives.append("page_appeal")
        found.says("route.also_page_appeal")


def _rule3(report: RestrictionReport, found: _Reasoning) -> None:
    found.says("r3.measure")
    found.next_violation.append("next.r3")
    if report.scope == "interop":
        found.cannot_decide("r3.interop_conflict")
    if report.duration == "temporary":
        found.cannot_decide("r3.temporary_conflict")
        found.route = _route_off_ladder(report, found)
        return
    found.timing.append(("timing.permanent", None))
    found.route = "none"
    found.says("route.none_permanent")


def _route_off_ladder(report: RestrictionReport, found: _Reasoning) -> RouteId:
    """Route for a member block off rule 1's ladder, from its length and the enterprise's view."""
    if report.duration == "permanent":
        found.timing.append(("timing.permanent", None))
        found.says("route.none_permanent")
        return "none"
    if report.believes_wrongful:
        found.says("route.page_appeal")
        return "page_appeal"
    if report.duration == "temporary":
        # Not a ladder step: the rules give it no length and no unblocking request.
        found.route_variant = "off_ladder"
        found.cannot_decide("route.wait_for_stated_period")
        return "wait_for_expiry"
    found.cannot_decide("route.none_unknown_duration")
    return "none"


def _route_when_rule_unknown(report: RestrictionReport, found: _Reasoning) -> RouteId:
    if report.scope == "account":
        return _route_off_ladder(report, found)
    if report.believes_wrongful and report.duration != "permanent":
        found.says("route.page_appeal")
        return "page_appeal"
    found.cannot_decide("route.none_unknown_duration")
    return "none"


# Enterprise and administrator accounts ---------------------------------------------------------

def _enterprise(report: RestrictionReport, catalogue: Catalogue, found: _Reasoning) -> None:
    # Every enterprise block is one of the 'bad influence' escalations of 2.2, 3.2 or 4.2.
    found.aggravated = True
    _state_category(found, catalogue)
    if found.category is None and report.notice_text:
        _category_unknown(found)
    found.says("enterprise.escalation")
    found.says("enterprise.rare")
    if found.rule is None:
        found.cannot_decide("enterprise.cause_unknown")
    found.next_violation.append("next.enterprise")
    if report.believes_wrongful:
        found.route = "enterprise_appeal"
        found.says("route.enterprise_appeal")
    else:
        found.route = "none"
        found.cannot_decide("route.none_enterprise_not_wrongful")


def _admin(report: RestrictionReport, catalogue: Catalogue, found: _Reasoning) -> None:
    found.aggravated = True
    _state_category(found, catalogue)
    if found.category is None and report.notice_text:
        _category_unknown(found)
    found.says("admin.escalation")
    if found.rule is None:
        found.cannot_decide("enterprise.cause_unknown")
    found.next_violation.append("next.admin")
    if report.believes_wrongful and report.duration != "permanent":
        found.route = "page_appeal"
        found.cannot_decide("route.page_appeal_admin")
    elif report.duration == "permanent":
        found.route = "none"
        found.says("route.none_permanent")
        found.timing.append(("timing.permanent", None))
    else:
        found.route = "none"
        found.cannot_decide("route.none_admin")


# Rendering -------------------------------------------------------------------------------------

def _sentence(catalogue: Catalogue, statement_id: str, values: dict[str, object],
              lang: Lang) -> Sentence:
    statement = catalogue.statement(statement_id)
    localised = {k: (v(lang) if callable(v) else v) for k, v in values.items()}
    return Sentence(id=statement_id, text=statement.text(lang).format(**localised),
                    citations=list(statement.citations), advice=statement.advice)


def _section_key(section: str) -> tuple[int, ...]:
    return tuple(int(part) for part in section.split("."))


def _render(found: _Reasoning, report: RestrictionReport, candidates: list[CategoryCandidate],
            catalogue: Catalogue, lang: Lang) -> Diagnosis:
    explanation = [_sentence(catalogue, sid, values, lang) for sid, values in found.explanation]
    undecided = [_sentence(catalogue, sid, values, lang) for sid, values in found.undecided]
    timing = [TimingFact(hours=hours, **_sentence(catalogue, sid, {}, lang).model_dump())
              for sid, hours in found.timing]
    next_violation = [_sentence(catalogue, sid, {}, lang) for sid in found.next_violation]
    route = catalogue.route(found.route)
    citations = {c for s in (*explanation, *undecided, *timing, *next_violation)
                 for c in s.citations}
    citations.update(route.sections)
    if found.rule is None and found.route == "none":
        certainty = "undecided"
    elif undecided:
        certainty = "partial"
    else:
        certainty = "decided"
    return Diagnosis(
        rule=found.rule,
        step=found.step,
        category=found.category,
        appeal_route=found.route,
        documents=list(route.documents),
        documents_open=route.documents_open,
        route_variant=found.route_variant,
        citations=sorted(citations, key=_section_key),
        explanation=explanation,
        next_violation=next_violation,
        timing=timing,
        certainty=certainty,
        undecided=undecided,
        aggravated=found.aggravated,
        alternative_routes=found.alternatives,
        category_candidates=candidates,
        lang=lang,
        catalogue_version=catalogue.meta.version,
    )
