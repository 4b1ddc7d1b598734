"""Submissions of a case's appeal and their outcomes; reminders; what is due.

A submission is one attempt: the day it was sent, the channel (admin console, customer service,
appeal page), the bundle sent (by the SHA-256 of a build, ``app.store.drafts``), WeCom's
reference number. Its outcome starts ``pending`` and becomes ``passed``, ``rejected`` (with a
reason) or ``withdrawn``. A pending submission has a follow-up day: by default
``DEFAULT_FOLLOW_UP_WORKING_DAYS`` working days (Monday to Friday; public holidays are not known
to the app, so the day may fall early, never late) after it was sent, adjustable.

A rejection turns into a checklist (``rejection_checklist``): what to fix for that reason, each
item tied to a check the app already runs (the intake's resolution note, the profile checks,
the watermark, the standing documents' warnings). The items' words are data
(``resources/text/rejections.toml``, labels ``reject_*``).

``what_is_due`` gathers, for the Cases page, every follow-up that has come, every rejection
still to fix, and the standing documents' warnings.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.i18n import LocalText
from app.store.db import now, transaction
from app.store.errors import InvalidTransition, NotFound, StoreError
from app.store.workspace import Workspace

Channel = Literal["admin_console", "customer_service", "appeal_page"]
CHANNELS: tuple[str, ...] = Channel.__args__  # type: ignore[attr-defined]
OutcomeState = Literal["pending", "passed", "rejected", "withdrawn"]
OUTCOMES: tuple[str, ...] = OutcomeState.__args__  # type: ignore[attr-defined]
RejectionReason = Literal["unclear_images", "information_mismatch", "letter_not_sealed",
                          "copies_without_purpose", "other"]
REJECTION_REASONS: tuple[str, ...] = RejectionReason.__args__  # type: ignore[attr-defined]
DEFAULT_FOLLOW_UP_WORKING_DAYS = 7

CHANNEL_TITLES: dict[str, LocalText] = {
    "admin_console": LocalText(en="admin console", zh_CN="管理后台"),
    "customer_service": LocalText(en="customer service", zh_CN="客服"),
    "appeal_page": LocalText(en="appeal page", zh_CN="申诉页面"),
}
OUTCOME_TITLES: dict[str, LocalText] = {
    "pending": LocalText(en="pending", zh_CN="处理中"),
    "passed": LocalText(en="passed", zh_CN="已通过"),
    "rejected": LocalText(en="rejected", zh_CN="已驳回"),
    "withdrawn": LocalText(en="withdrawn", zh_CN="已撤回"),
}


class Submission(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    case_id: str
    submitted_on: dt.date
    channel: Channel
    bundle_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    reference: str | None = Field(default=None, max_length=100)
    follow_up_on: dt.date
    outcome: OutcomeState = "pending"
    outcome_on: dt.date | None = None
    reason: RejectionReason | None = None
    note: str | None = Field(default=None, max_length=2000,
                             description="The rejection's words as WeCom gave them (vault).")
    note_locked: bool = False
    fixes_done: list[int] = Field(default_factory=list, description="The items of the "
                                  "rejection's checklist ticked as fixed (their positions).")
    created: str


class FixItem(BaseModel):
    """One thing to fix after a rejection, tied to the app's check that verifies it."""

    reason: RejectionReason
    check: str = Field(description="The check that verifies it: intake.resolution, "
                       "profile.names, profile.identity, enterprise.documents, "
                       "watermark.purpose, letter.seal, statement.placeholders, or manual.")
    text: LocalText


DueKind = Literal["follow_up", "fix_rejection", "wait", "document"]


class DueItem(BaseModel):
    """Something the administrator should do now (the Cases page's "due" list)."""

    kind: DueKind
    case_id: str | None
    submission_id: str | None = None
    due: dt.date | None
    message: LocalText


def add_working_days(day: dt.date, days: int) -> dt.date:
    """``days`` working days (Monday–Friday) after ``day``."""
    out = day
    while days > 0:
        out += dt.timedelta(days=1)
        if out.weekday() < 5:
            days -= 1
    return out


def _note_context(submission_id: str) -> str:
    return f"submission:{submission_id}:note"


def _submission(ws: Workspace, row: object) -> Submission:
    r = dict(row)  # type: ignore[call-overload]
    note_enc = r.pop("note_enc")
    r["fixes_done"] = json.loads(r.get("fixes_done") or "[]")
    note, locked = None, False
    if note_enc is not None:
        if ws.is_unlocked:
            note = ws.vault.decrypt_text(note_enc, _note_context(r["id"]))
        else:
            locked = True
    return Submission.model_validate({**r, "note": note, "note_locked": locked})


def _case_status(c: object, case_id: str) -> str:
    row = c.execute("SELECT status FROM cases WHERE id = ? AND deleted_at IS NULL",  # type: ignore[attr-defined]
                    (case_id,)).fetchone()
    if row is None:
        raise NotFound(f"no case {case_id}")
    return str(row["status"])


def _move_case(c: object, case_id: str, status: str, at: str, ledger_outcome: str) -> None:
    """Inside a transaction: the case's status follows the submission (when the timeline
    allows it) and the ledger entry's outcome with it."""
    from app.store.cases import TRANSITIONS

    current = _case_status(c, case_id)
    if current == status or status not in TRANSITIONS[current]:
        return
    c.execute("UPDATE cases SET status = ? WHERE id = ?", (status, case_id))  # type: ignore[attr-defined]
    c.execute("INSERT INTO case_events (case_id, at, kind, value) "  # type: ignore[attr-defined]
              "VALUES (?, ?, 'status', ?)", (case_id, at, status))
    c.execute("UPDATE violations SET outcome = ? WHERE case_id = ?",  # type: ignore[attr-defined]
              (ledger_outcome, case_id))


def latest_build_sha256(ws: Workspace, case_id: str) -> str | None:
    row = ws.conn.execute("SELECT sha256 FROM case_builds WHERE case_id = ? "
                          "ORDER BY built DESC, rowid DESC LIMIT 1", (case_id,)).fetchone()
    return None if row is None else str(row["sha256"])


def record_submission(ws: Workspace, case_id: str, *, channel: str,
                      submitted_on: dt.date | None = None, bundle_sha256: str | None = None,
                      reference: str | None = None,
                      follow_up_days: int = DEFAULT_FOLLOW_UP_WORKING_DAYS) -> Submission:
    """Record that the appeal was sent. Without ``bundle_sha256`` the case's latest build is
    named (none when nothing was built). The case moves to ``appeal_submitted``
    (``unblock_requested`` for the admin console)."""
    if channel not in CHANNELS:
        raise StoreError(f"unknown channel {channel!r}; one of: {', '.join(CHANNELS)}")
    if not 1 <= follow_up_days <= 90:
        raise StoreError("the follow-up must be 1 to 90 working days after the submission")
    submitted_on = submitted_on or dt.date.today()
    if bundle_sha256 is not None:
        bundle_sha256 = bundle_sha256.strip().lower()
        if ws.conn.execute("SELECT 1 FROM case_builds WHERE case_id = ? AND sha256 = ?",
                           (case_id, bundle_sha256)).fetchone() is None:
            raise NotFound(f"no bundle {bundle_sha256[:12]} was built for case {case_id}")
    else:
        bundle_sha256 = latest_build_sha256(ws, case_id)
    sub_id = secrets.token_hex(8)
    stamp = now()
    with transaction(ws.conn) as c:
        _case_status(c, case_id)
        c.execute(
            "INSERT INTO submissions (id, case_id, submitted_on, channel, bundle_sha256, "
            "reference, follow_up_on, outcome, created) VALUES (?, ?, ?, ?, ?, ?, ?, "
            "'pending', ?)",
            (sub_id, case_id, submitted_on.isoformat(), channel, bundle_sha256,
             (reference or "").strip() or None,
             add_working_days(submitted_on, follow_up_days).isoformat(), stamp))
        target = "unblock_requested" if channel == "admin_console" else "appeal_submitted"
        _move_case(c, case_id, target, stamp, "open")
    return get_submission(ws, sub_id)


def get_submission(ws: Workspace, submission_id: str) -> Submission:
    row = ws.conn.execute("SELECT * FROM submissions WHERE id = ?",
                          (submission_id,)).fetchone()
    if row is None:
        raise NotFound(f"no submission {submission_id}")
    return _submission(ws, row)


def list_submissions(ws: Workspace, case_id: str) -> list[Submission]:
    """The case's submissions, oldest first."""
    rows = ws.conn.execute("SELECT * FROM submissions WHERE case_id = ? "
                           "ORDER BY submitted_on, created, rowid", (case_id,))
    return [_submission(ws, r) for r in rows]


def record_outcome(ws: Workspace, case_id: str, outcome: str, *,
                   reason: str | None = None, note: str | None = None,
                   on: dt.date | None = None, submission_id: str | None = None) -> Submission:
    """WeCom's answer to the case's latest pending submission (or ``submission_id``).

    ``passed`` resolves the case (ledger: unblocked); ``rejected`` (with a reason) and
    ``withdrawn`` send it back to ``restricted`` for another attempt."""
    if outcome not in ("passed", "rejected", "withdrawn"):
        raise StoreError(f"unknown outcome {outcome!r}; one of: passed, rejected, withdrawn")
    if outcome == "rejected" and reason not in REJECTION_REASONS:
        raise StoreError(f"a rejection needs its reason; one of: {', '.join(REJECTION_REASONS)}")
    if outcome != "rejected" and reason is not None:
        raise StoreError("only a rejection has a reason")
    if submission_id is None:
        row = ws.conn.execute("SELECT id FROM submissions WHERE case_id = ? AND outcome = "
                              "'pending' ORDER BY submitted_on DESC, created DESC, rowid DESC "
                              "LIMIT 1", (case_id,)).fetchone()
        if row is None:
            raise InvalidTransition(f"case {case_id} has no pending submission: record the "
                                    "submission first")
        submission_id = str(row["id"])
    current = get_submission(ws, submission_id)
    if current.case_id != case_id:
        raise NotFound(f"no submission {submission_id} in case {case_id}")
    if current.outcome != "pending":
        raise InvalidTransition(f"submission {submission_id} already has its outcome "
                                f"({current.outcome})")
    note_enc = None if not note else ws.vault.encrypt_text(note, _note_context(submission_id))
    stamp = now()
    with transaction(ws.conn) as c:
        c.execute("UPDATE submissions SET outcome = ?, outcome_on = ?, reason = ?, "
                  "note_enc = ? WHERE id = ?",
                  (outcome, (on or dt.date.today()).isoformat(), reason, note_enc,
                   submission_id))
        if outcome == "passed":
            _move_case(c, case_id, "resolved", stamp, "unblocked")
        else:
            _move_case(c, case_id, "restricted", stamp, "open")
    return get_submission(ws, submission_id)


def set_follow_up(ws: Workspace, submission_id: str, day: dt.date) -> Submission:
    """Move a submission's follow-up day (e.g. WeCom said it needs longer)."""
    with transaction(ws.conn) as c:
        if c.execute("UPDATE submissions SET follow_up_on = ? WHERE id = ?",
                     (day.isoformat(), submission_id)).rowcount == 0:
            raise NotFound(f"no submission {submission_id}")
    return get_submission(ws, submission_id)


def set_fixes_done(ws: Workspace, submission_id: str, done: Iterable[int]) -> Submission:
    """Keep which items of a rejected submission's checklist are ticked as fixed."""
    sub = get_submission(ws, submission_id)
    if sub.outcome != "rejected":
        raise StoreError(f"submission {submission_id} was not rejected: no checklist to tick")
    size = len(rejection_checklist(sub.reason or "other"))
    ticked = sorted(set(done))
    if any(not 0 <= i < size for i in ticked):
        raise StoreError(f"the checklist of submission {submission_id} has {size} items")
    with transaction(ws.conn) as c:
        c.execute("UPDATE submissions SET fixes_done = ? WHERE id = ?",
                  (json.dumps(ticked) if ticked else None, submission_id))
    return get_submission(ws, submission_id)


# Rejections into checklists ------------------------------------------------------------------

@cache
def _checklists() -> dict[str, list[FixItem]]:
    raw = tomllib.loads((resources.files("app.resources") / "text" / "rejections.toml")
                        .read_text(encoding="utf-8"))
    out: dict[str, list[FixItem]] = {}
    for key, check in raw["checks"].items():  # reject_<reason>_<n>, in order
        reason = key.removeprefix("reject_").rsplit("_", 1)[0]
        value = raw["labels"][key]
        out.setdefault(reason, []).append(FixItem(
            reason=reason, check=check, text=LocalText(en=value["en"], zh_CN=value["zh_CN"])))
    missing = set(REJECTION_REASONS) - set(out)
    if missing:
        raise ValueError(f"text/rejections.toml: no checklist for {', '.join(sorted(missing))}")
    return out


def rejection_checklist(reason: str) -> list[FixItem]:
    """What to fix after a rejection for ``reason``, each tied to the check that verifies it."""
    if reason not in REJECTION_REASONS:
        raise StoreError(f"unknown rejection reason {reason!r}; one of: "
                         f"{', '.join(REJECTION_REASONS)}")
    return list(_checklists()[reason])


# What is due ---------------------------------------------------------------------------------

def what_is_due(ws: Workspace, today: dt.date | None = None) -> list[DueItem]:
    """For the Cases page: follow-ups whose day has come (pending submissions), rejections of
    open cases still to fix (the latest submission was rejected), the wait days of open cases
    that have come (entered with a wait route), and the standing documents' warnings.
    Soonest first; readable while the vault is locked."""
    from app.store.enterprise import enterprise_warnings

    today = today or dt.date.today()
    due: list[DueItem] = []
    rows = ws.conn.execute(
        "SELECT s.* FROM submissions s JOIN cases c ON c.id = s.case_id "
        "WHERE c.deleted_at IS NULL ORDER BY s.submitted_on, s.created, s.rowid").fetchall()
    latest: dict[str, object] = {}
    for r in rows:
        latest[r["case_id"]] = r
        if r["outcome"] == "pending" and dt.date.fromisoformat(r["follow_up_on"]) <= today:
            channel = CHANNEL_TITLES[r["channel"]]
            ref = f" ({r['reference']})" if r["reference"] else ""
            due.append(DueItem(
                kind="follow_up", case_id=r["case_id"], submission_id=r["id"],
                due=dt.date.fromisoformat(r["follow_up_on"]),
                message=LocalText(
                    en=f"Case {r['case_id'][:6]}: the appeal sent on {r['submitted_on']} via "
                       f"the {channel.en}{ref} has no answer yet; follow up with WeCom.",
                    zh_CN=f"案件 {r['case_id'][:6]}：{r['submitted_on']} 通过{channel.zh_CN}"
                          f"提交的申诉{ref}尚无结果，请跟进。")))
    for case_id, r in latest.items():
        row = r  # the case's latest submission
        if row["outcome"] == "rejected":  # type: ignore[index]
            reason = row["reason"] or "other"  # type: ignore[index]
            done = set(json.loads(row["fixes_done"] or "[]"))  # type: ignore[index]
            items = [x for i, x in enumerate(rejection_checklist(reason)) if i not in done]
            message = LocalText(
                en=f"Case {case_id[:6]}: rejected; {len(items)} thing(s) to fix before "
                   "sending again.",
                zh_CN=f"案件 {case_id[:6]}：申诉被驳回，重新提交前有 {len(items)} 项需要"
                      "修改。") if items else LocalText(
                en=f"Case {case_id[:6]}: rejected; everything on its checklist is ticked as "
                   "fixed: send the appeal again.",
                zh_CN=f"案件 {case_id[:6]}：申诉被驳回，检查清单已全部勾选为已修改，"
                      "请重新提交申诉。")
            due.append(DueItem(
                kind="fix_rejection", case_id=case_id, submission_id=row["id"],  # type: ignore[index]
                due=None, message=message))
    waits: dict[str, str] = {}
    for r in ws.conn.execute(  # the latest wait day of each open case
            "SELECT e.case_id, e.value FROM case_events e JOIN cases c ON c.id = e.case_id "
            "WHERE e.kind = 'wait_until' AND c.deleted_at IS NULL AND c.status != 'resolved' "
            "ORDER BY e.seq"):
        waits[r["case_id"]] = r["value"]
    for case_id, value in waits.items():
        day = dt.date.fromisoformat(value)
        if day <= today:
            due.append(DueItem(kind="wait", case_id=case_id, due=day, message=LocalText(
                en=f"Case {case_id[:6]}: the wait ended on {value}; check that the account "
                   "works again, then mark the case resolved (or take the next step).",
                zh_CN=f"案件 {case_id[:6]}：等待期已于 {value} 结束，请确认账号已恢复使用，"
                      "然后将案件标记为已解决（或采取下一步措施）。")))
    for w in enterprise_warnings(ws, today=today):
        due.append(DueItem(kind="document", case_id=None, due=w.due, message=w.message))
    return sorted(due, key=lambda d: (d.due or today, d.kind))
