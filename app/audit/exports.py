"""Editable exports of the audit and the scan: CSV (opens in Excel/WPS, UTF-8 with BOM so the
Chinese survives) and JSON. Written atomically, like the PDFs: a failed export leaves the
previous file as it was."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from app.audit.checklist import Checklist, load_checklist
from app.audit.risk import ScanResult, percent
from app.audit.scoring import AuditResult, answer_word
from app.i18n import Lang
from app.labels import label
from app.pdf.output import write_atomic

_METRIC_COLUMNS = ("days", "applications", "applications_per_day", "peak_applications",
                   "peak_day", "spike_days", "new_contacts", "acceptance_rate",
                   "negative_feedback", "negative_feedback_rate", "chats", "messages",
                   "messages_per_chat", "reply_percentage", "avg_reply_time",
                   "application_trend")
# Shares written as the reasons and the PDF write them ("10%"; Excel and WPS read it as 0.1).
_SHARE_COLUMNS = {"acceptance_rate": 1, "negative_feedback_rate": 1, "reply_percentage": 100}


def _cell(column: str, value: Any) -> Any:
    if value is None:
        return ""
    if column in _SHARE_COLUMNS:
        return percent(value / _SHARE_COLUMNS[column])
    return value


def audit_json(result: AuditResult, lang: Lang) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    data["explanation"] = result.explain(lang)
    data["lang"] = lang
    return data


def write_json(data: dict[str, Any], out: str | Path) -> Path:
    out = Path(out)
    write_atomic(out, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return out


def _write_csv(out: Path, rows: list[list[Any]]) -> Path:
    text = io.StringIO(newline="")
    csv.writer(text).writerows(rows)
    write_atomic(out, text.getvalue().encode("utf-8-sig"))
    return out


def audit_csv(result: AuditResult, out: str | Path, lang: Lang,
              checklist: Checklist | None = None) -> Path:
    """One row per question: answer, points, the plan item; what a reviewer edits."""
    out = Path(out)
    checklist = checklist or load_checklist()
    given = {a.question: a for a in result.answers}
    plan = {p.question: p for p in result.plan}
    lost = {f.question: f.points_lost for f in result.findings}
    rows: list[list[Any]] = [["question_id", "category", "question", "sections", "weight",
                              "answer", "points_lost", "note", "measure", "owner", "due",
                              "status"]]
    for q in checklist.questions:
        a, p = given.get(q.id), plan.get(q.id)
        rows.append([q.id, checklist.category(q.category).title(lang), q.text(lang),
                     " ".join(q.citations), q.weight,
                     answer_word(a.answer, lang) if a else "", lost.get(q.id, 0),
                     a.note if a else "", p.action(lang) if p else "",
                     p.owner if p else "", p.due or "" if p else "",
                     p.status if p else ""])
    return _write_csv(out, rows)


def scan_csv(result: ScanResult, out: str | Path, lang: Lang) -> Path:
    """One row per member, riskiest first, with the metrics and the flag reasons."""
    out = Path(out)
    names = {sc.id: sc.title(lang) for sc in load_checklist().scenarios}
    rows: list[list[Any]] = [["userid", "risk_score", *_METRIC_COLUMNS, "flags", "reasons",
                              "citations"]]
    for m in result.members:
        # Each flag by its rule and scenario as people read them, once per scenario.
        flags = dict.fromkeys(label("scan_csv_flag", lang,
                                    rule=label(f"scan_rule_{f.rule}", lang),
                                    category=names.get(f.category, f.category))
                              for f in m.flags)
        metrics = m.metrics.to_dict()
        rows.append([m.userid, m.risk_score,
                     *(_cell(c, metrics[c]) for c in _METRIC_COLUMNS),
                     label("scan_list_separator", lang).join(flags),
                     " | ".join(f.reason(lang) for f in m.flags),
                     " | ".join(f.citation for f in m.flags)])
    return _write_csv(out, rows)
