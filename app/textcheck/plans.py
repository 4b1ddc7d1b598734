"""Send plans: a planned customer mass message checked against the frequency limits WeCom
documents (data with source and date, resources/check/limits.toml) and the app's advice drawn
from sections 2.1 and 5.1 of the penalty rules."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.i18n import Lang, LocalText
from app.labels import label
from app.textcheck.checks import Severity

PlanKind = Literal["customer_mass_message"]


class _Item(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DocumentedLimit(_Item):
    id: str
    kind: PlanKind
    max_messages: int = Field(ge=1)
    period_days: int = Field(ge=1)
    text: LocalText
    source: LocalText
    recorded: dt.date


class PlanAdvice(_Item):
    id: str
    related: list[str]
    severity: Severity
    max_messages: int | None = None
    period_days: int | None = None
    min_audience: int | None = None
    text: LocalText
    hint: LocalText


class Limits(_Item):
    limit: list[DocumentedLimit]
    advice: list[PlanAdvice]


@cache
def load_limits() -> Limits:
    path = resources.files("app.resources") / "check" / "limits.toml"
    return Limits.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


class SendPlan(BaseModel):
    """A planned mass message: to how many customers, and how often each receives one."""

    model_config = ConfigDict(extra="forbid")

    kind: PlanKind = "customer_mass_message"
    audience: int = Field(ge=1, description="Customers the message goes to.")
    messages: int = Field(ge=1, description="Mass messages each customer receives ...")
    per_days: int = Field(default=1, ge=1, le=366, description="... in this many days.")


class PlanFinding(BaseModel):
    severity: Severity
    basis: Literal["wecom_documented", "advice"]
    section: str | None = Field(description="Section of the penalty rules the advice draws on; "
                                "null for a documented limit.")
    reason: str
    hint: str
    source: str | None = Field(description="Where WeCom documents the limit, and when the app "
                               "recorded it; null for advice.")


def check_plan(plan: SendPlan, lang: Lang, limits: Limits | None = None) -> list[PlanFinding]:
    limits = limits or load_limits()
    rate = plan.messages / plan.per_days  # messages per customer per day
    found: list[PlanFinding] = []
    for lim in limits.limit:
        if lim.kind == plan.kind and rate > lim.max_messages / lim.period_days:
            found.append(PlanFinding(
                severity="high", basis="wecom_documented", section=None,
                reason=label("check_plan_over_limit", lang, limit=lim.text(lang),
                             messages=plan.messages, days=plan.per_days),
                hint=label("check_plan_over_limit_hint", lang),
                source=label("check_plan_source", lang, source=lim.source(lang),
                             recorded=lim.recorded.isoformat())))
    for adv in limits.advice:
        hit = False
        if adv.max_messages is not None and adv.period_days is not None:
            hit = rate * adv.period_days > adv.max_messages
        if adv.min_audience is not None:
            hit = plan.audience >= adv.min_audience
        if hit:
            found.append(PlanFinding(
                severity=adv.severity, basis="advice", section=", ".join(adv.related),
                reason=label("check_advice_prefix", lang)
                + adv.text(lang).format(max=adv.max_messages, audience=plan.audience),
                hint=adv.hint(lang), source=None))
    return found
