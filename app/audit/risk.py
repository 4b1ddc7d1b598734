"""Flagging members whose behaviour matches rule-1 scenarios (2.1): malicious adding of external
contacts and harassment, with customers' deletions and blocks as the feedback 5.1 names.

WeCom publishes no numbers for these (5.1: limits differ per enterprise), so every threshold is
the app's default in ``resources/audit/thresholds.toml``, adjustable and stored by the GUI.
A flag says which pattern, with the member's numbers and the threshold, and cites the clause.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.audit.behaviour import (
    BehaviourImport,
    MemberMetrics,
    MetricOptions,
    Progress,
    import_behaviour,
)
from app.errors import UserError
from app.i18n import Lang, LocalText
from app.jobs import CancelToken
from app.labels import text

THRESHOLDS_FILE = "thresholds.toml"
SEVERITY_CAP = 3.0


class ThresholdsError(UserError, ValueError):
    """A thresholds file is malformed; the message names the file and the field."""

    def __init__(self, message: LocalText) -> None:
        super().__init__(message)
        self.message = message


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MaliciousAddingThresholds(_Section):
    min_applications: int = Field(ge=0)
    daily_applications: float = Field(gt=0)
    acceptance_below: float = Field(gt=0, le=1)
    peak_applications: int = Field(gt=0)
    spike_days: int = Field(gt=0)
    rising_per_week: float = Field(gt=0)
    rising_min_daily: float = Field(ge=0)


class HarassmentThresholds(_Section):
    min_new_contacts: int = Field(ge=0)
    min_negative: int = Field(ge=0)
    negative_rate: float = Field(gt=0, le=1)
    min_chats: int = Field(ge=0)
    messages_per_chat: float = Field(gt=0)
    reply_below: float = Field(gt=0, le=100)


class ScanThresholds(_Section):
    """All settings of the scan; the GUI stores the administrator's overrides as this model."""

    metrics: MetricOptions
    malicious_adding: MaliciousAddingThresholds
    harassment: HarassmentThresholds


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        out[key] = (_merge(base[key], value) if isinstance(value, dict)
                    and isinstance(base.get(key), dict) else value)
    return out


def _defaults() -> dict[str, Any]:
    text = (resources.files("app.resources") / "audit" / THRESHOLDS_FILE).read_text("utf-8")
    return tomllib.loads(text)


def load_thresholds(path: str | Path | None = None,
                    overrides: dict[str, Any] | None = None) -> ScanThresholds:
    """The defaults, with a TOML file's tables and then ``overrides`` laid over them."""
    data = _defaults()
    source = THRESHOLDS_FILE
    if path is not None:
        source = str(path)
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ThresholdsError(text("err_no_file", path=source)) from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ThresholdsError(text("err_not_toml", source=source, error=exc)) from exc
        data = _merge(data, user)
    if overrides:
        data = _merge(data, overrides)
    try:
        return ScanThresholds.model_validate(data)
    except ValidationError as exc:
        lines = [text("err_source_field", source=source, msg=err["msg"],
                      field=".".join(str(p) for p in err["loc"])) for err in exc.errors()]
        raise ThresholdsError(LocalText(en="\n".join(t.en for t in lines),
                                        zh_CN="\n".join(t.zh_CN for t in lines))) from exc


class RiskFlag(BaseModel):
    rule: Literal["R1"] = "R1"
    category: Literal["malicious_adding", "harassment"]
    criterion: str
    reason: LocalText
    citation: str = Field(description="Sections of the source text, e.g. '2.1' or '2.1, 5.1'.")
    severity: float = Field(description="How far past the threshold, 1 = at it, capped at 3.")

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {"rule": self.rule, "category": self.category, "criterion": self.criterion,
                "reason": self.reason(lang), "citation": self.citation,
                "severity": self.severity}


@dataclass(slots=True)
class MemberRisk:
    metrics: MemberMetrics
    flags: list[RiskFlag] = field(default_factory=list)
    risk_score: float = 0.0

    @property
    def userid(self) -> str:
        return self.metrics.userid


def percent(share: float | None, empty: str = "—") -> str:
    """A share as people read it, written as the reports' tables write it: 0.3 → "30%",
    0.298 → "29.8%" (never rounded onto a threshold it is below). One form for the scan's
    reasons, its CLI table and its PDF/CSV."""
    if share is None:
        return empty
    return f"{round(100 * share, 1):g}%"


def _reason(criterion: str, **values: object) -> LocalText:
    """Why a member is flagged, in both languages (resources/text/report.toml)."""
    return text(f"scan_reason_{criterion}", **values)


def _severity(ratio: float) -> float:
    return round(min(SEVERITY_CAP, ratio), 2)


def _over(value: float | None, threshold: float) -> float:
    return 0.0 if value is None else value / threshold


def _under(value: float | None, threshold: float) -> float:
    if value is None:
        return 0.0
    return SEVERITY_CAP if value <= 0 else threshold / value


def flag_member(m: MemberMetrics, t: ScanThresholds) -> tuple[list[RiskFlag], float]:
    """The flags of one member and how close the member comes to any threshold (0-1)."""
    flags: list[RiskFlag] = []
    near = 0.0
    ma, ha = t.malicious_adding, t.harassment

    # 2.1 malicious adding: many applications that customers do not accept.
    if m.applications >= ma.min_applications:
        volume = _over(m.applications_per_day, ma.daily_applications)
        refusal = _under(m.acceptance_rate, ma.acceptance_below)
        if volume >= 1 and refusal > 1:
            flags.append(RiskFlag(
                category="malicious_adding", criterion="many_applications_low_acceptance",
                citation="2.1", severity=_severity(min(volume, refusal)),
                reason=_reason("many_applications_low_acceptance",
                               per_day=m.applications_per_day, applications=m.applications,
                               days=m.days, accepted=percent(m.acceptance_rate or 0),
                               daily_threshold=ma.daily_applications,
                               accepted_threshold=percent(ma.acceptance_below))))
        near = max(near, min(volume, refusal))
    spike = max(_over(m.peak_applications, ma.peak_applications),
                _over(m.spike_days, ma.spike_days))
    if spike >= 1:
        flags.append(RiskFlag(
            category="malicious_adding", criterion="application_spikes", citation="2.1",
            severity=_severity(spike),
            reason=_reason("application_spikes", peak=m.peak_applications,
                           peak_day=m.peak_day, spike_days=m.spike_days,
                           spike_applications=t.metrics.spike_applications,
                           peak_threshold=ma.peak_applications, days_threshold=ma.spike_days)))
    near = max(near, spike)
    rising = _over(m.application_trend, ma.rising_per_week)
    if rising >= 1 and m.applications_per_day >= ma.rising_min_daily:
        flags.append(RiskFlag(
            category="malicious_adding", criterion="applications_rising", citation="2.1",
            severity=_severity(rising),
            reason=_reason("applications_rising", trend=m.application_trend,
                           per_day=m.applications_per_day, trend_threshold=ma.rising_per_week,
                           daily_threshold=ma.rising_min_daily)))

    # 2.1 harassment, measured by 5.1's customer feedback: deletions and blocks.
    if m.new_contacts >= ha.min_new_contacts and m.negative_feedback >= ha.min_negative:
        feedback = _over(m.negative_feedback_rate, ha.negative_rate)
        if feedback >= 1:
            flags.append(RiskFlag(
                category="harassment", criterion="negative_feedback", citation="2.1, 5.1",
                severity=_severity(feedback),
                reason=_reason("negative_feedback", negative=m.negative_feedback,
                               share=percent(m.negative_feedback_rate or 0),
                               new_contacts=m.new_contacts,
                               share_threshold=percent(ha.negative_rate))))
        near = max(near, feedback)
    if m.chats >= ha.min_chats and m.reply_percentage is not None:
        pushing = _over(m.messages_per_chat, ha.messages_per_chat)
        silent = _under(m.reply_percentage, ha.reply_below)
        if pushing >= 1 and silent > 1:
            flags.append(RiskFlag(
                category="harassment", criterion="one_sided_messaging", citation="2.1",
                severity=_severity(min(pushing, silent)),
                reason=_reason("one_sided_messaging", per_chat=m.messages_per_chat,
                               chats=m.chats, replied=percent(m.reply_percentage / 100),
                               per_chat_threshold=ha.messages_per_chat,
                               replied_threshold=percent(ha.reply_below / 100))))
        near = max(near, min(pushing, silent))
    return flags, min(near, 0.99)


def assess(members: list[MemberMetrics], thresholds: ScanThresholds) -> list[MemberRisk]:
    """Every member with flags and a risk score, riskiest first.

    Score: 20 points per unit of severity for flagged members (so at least 20), below 15 for
    members without flags, by how near they come to a threshold."""
    out = []
    for m in members:
        flags, near = flag_member(m, thresholds)
        score = (min(100.0, 20 * sum(f.severity for f in flags)) if flags
                 else 15 * max(0.0, near))
        flags.sort(key=lambda f: -f.severity)
        out.append(MemberRisk(metrics=m, flags=flags, risk_score=round(score, 1)))
    out.sort(key=lambda r: (-r.risk_score, r.metrics.userid))
    return out


@dataclass
class ScanResult:
    data: BehaviourImport
    thresholds: ScanThresholds
    members: list[MemberRisk]

    @property
    def flagged(self) -> list[MemberRisk]:
        return [m for m in self.members if m.flags]

    def as_json(self, lang: Lang) -> dict[str, Any]:
        """The Scan JSON of docs/design.md."""
        return {
            "source": self.data.source,
            "columns": self.data.columns,
            "rows_read": self.data.rows_read,
            "rows_kept": self.data.rows_kept,
            "rows_rejected_count": self.data.rows_rejected_count,
            "rows_rejected": [{"line": r.line, "reason": r.reason(lang)}
                              for r in self.data.rows_rejected],
            "members_flagged": len(self.flagged),
            "thresholds": self.thresholds.model_dump(),
            "members": [{"userid": m.userid, "risk_score": m.risk_score,
                         "metrics": m.metrics.to_dict(),
                         "flags": [f.as_json(lang) for f in m.flags]}
                        for m in self.members],
        }

    def close(self) -> None:
        self.data.close()


def scan(path: str | Path, thresholds: ScanThresholds | None = None,
         progress: Progress | None = None,
         cancel: CancelToken | None = None) -> ScanResult:
    """Import a behaviour file and flag its members."""
    thresholds = thresholds or load_thresholds()
    data = import_behaviour(path, thresholds.metrics, progress=progress, cancel=cancel)
    return ScanResult(data=data, thresholds=thresholds,
                      members=assess(data.members, thresholds))
