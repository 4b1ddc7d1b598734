"""Cases: one per restriction, with its diagnosis, status timeline, deadlines and documents.

Creating a case reads the member's earlier rule-1 restrictions from the ledger (2.2), diagnoses
the report and records the case and the ledger entry in one transaction.
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, Field

from app.i18n import Lang, LocalText
from app.rules.contract import Diagnosis, RestrictionReport
from app.store import ledger
from app.store.db import now, transaction
from app.store.deadlines import Deadline, case_deadlines
from app.store.documents import DocumentInfo, list_documents
from app.store.errors import InvalidTransition, NotFound, StoreError
from app.store.ledger import Outcome
from app.store.vault import blob_path
from app.store.workspace import Workspace

CaseStatus = Literal["restricted", "unblock_requested", "appeal_submitted", "resolved"]
CASE_STATUSES: tuple[str, ...] = CaseStatus.__args__  # type: ignore[attr-defined]
# restricted → unblock_requested / appeal_submitted → resolved; a rejected request or appeal
# goes back to restricted, a restriction that comes back reopens the case.
TRANSITIONS: dict[str, set[str]] = {
    "restricted": {"unblock_requested", "appeal_submitted", "resolved"},
    "unblock_requested": {"appeal_submitted", "resolved", "restricted"},
    "appeal_submitted": {"resolved", "restricted"},
    "resolved": {"restricted"},
}

Diagnoser = Callable[[RestrictionReport], Diagnosis]


def engine_diagnoser(lang: Lang) -> Diagnoser:
    """The rules engine with the shipped catalogue."""
    from app.rules.catalogue import load_catalogue
    from app.rules.engine import diagnose

    catalogue = load_catalogue()
    return lambda report: diagnose(report, catalogue, lang)


class CaseEvent(BaseModel):
    at: dt.datetime
    kind: Literal["status", "wechat_unblocked", "wait_until"]
    value: str | None = None


class LadderCount(BaseModel):
    """Which count of earlier rule-1 restrictions (2.2) the case's diagnosis used, and why."""

    report: int | None = Field(description="What the report said; null when it left it out.")
    ledger: int = Field(description="What the ledger held before this case (recorded + entered).")
    used: int
    entered: int = Field(default=0, description="Restrictions added to the ledger as entered "
                         "by hand because the report knew of more than the ledger.")

    @property
    def message(self) -> LocalText:
        """One sentence in both languages: the count used and why."""
        r, n, u, e = self.report, self.ledger, self.used, self.entered
        if r is None:
            return LocalText(
                en=f"Earlier restrictions: {u}, from the member's ledger (the report did not "
                   "give a count).",
                zh_CN=f"此前受限次数：{u} 次，取自该成员的违规记录（报告未填写次数）。")
        if r == n:
            return LocalText(en=f"Earlier restrictions: {u}; the report and the ledger agree.",
                             zh_CN=f"此前受限次数：{u} 次，报告与违规记录一致。")
        if e:
            return LocalText(
                en=f"Earlier restrictions: {u}, as the report says; the ledger knew of {n}, so "
                   f"{e} earlier restriction(s) were added to it as entered by hand (before "
                   "this app).",
                zh_CN=f"此前受限次数：{u} 次，以报告为准；违规记录中原有 {n} 次，已将另外 {e} 次"
                      "作为“使用本应用之前”的手动记录补入。")
        return LocalText(
            en=f"Earlier restrictions: {u}, from the ledger; the report said {r}, but the "
               f"ledger records {n} and the penalty ladder counts every one (2.2).",
            zh_CN=f"此前受限次数：{u} 次，以违规记录为准；报告填写为 {r} 次，但记录中有 {n} 次，"
                  "处罚阶梯按全部违规计算（2.2）。")


class CaseSummary(BaseModel):
    id: str
    created: dt.datetime
    restricted_on: dt.date
    status: CaseStatus
    userid: str | None
    account: str
    rule: str | None
    step: int | None
    category: str | None
    appeal_route: str
    in_trash: bool = False


class CaseDetail(CaseSummary):
    report: RestrictionReport
    notice_locked: bool = False
    diagnosis: Diagnosis
    ladder: LadderCount | None = Field(
        default=None, description="For a member's case: the earlier-restriction count used.")
    timeline: list[CaseEvent]
    deadlines: list[Deadline]
    documents: list[DocumentInfo]


def _notice_context(case_id: str) -> str:
    return f"case:{case_id}:notice_text"


def _as_utc(at: dt.datetime | None) -> str:
    at = at or dt.datetime.now(dt.UTC)
    if at.tzinfo is None:
        at = at.astimezone()  # a naive time is the user's local time
    return at.astimezone(dt.UTC).isoformat(timespec="seconds")


def create_case(ws: Workspace, report: RestrictionReport, *, diagnoser: Diagnoser,
                userid: str | None = None, restricted_on: dt.date | None = None) -> CaseDetail:
    """Diagnose ``report`` and record the case (and, for a member, the ledger entry)."""
    restricted_on = restricted_on or dt.date.today()
    case_id = secrets.token_hex(6)
    vault = ws.vault if report.notice_text else None
    # One write transaction from reading the ledger to recording the case: two cases created
    # at once for the same member cannot both count the same earlier restrictions.
    ladder: LadderCount | None = None
    with transaction(ws.conn) as c:
        if userid is not None:
            ladder = _ladder(c, ws, userid, report, restricted_on)
            report = report.model_copy(update={"prior_violations": ladder.used})
            ledger.ensure_member(c, userid)
        diagnosis = diagnoser(report)
        notice_enc = None if vault is None else vault.encrypt_text(
            report.notice_text or "", _notice_context(case_id))
        created = now()
        c.execute(
            "INSERT INTO cases (id, userid, created, restricted_on, status, report_json, "
            "notice_enc, diagnosis_json) VALUES (?, ?, ?, ?, 'restricted', ?, ?, ?)",
            (case_id, userid, created, restricted_on.isoformat(),
             report.model_dump_json(exclude={"notice_text"}), notice_enc,
             diagnosis.model_dump_json()))
        c.execute("INSERT INTO case_events (case_id, at, kind, value) "
                  "VALUES (?, ?, 'status', 'restricted')", (case_id, created))
        if ladder is not None:
            c.execute("UPDATE cases SET ladder_json = ? WHERE id = ?",
                      (ladder.model_dump_json(), case_id))
        if userid is not None:
            ledger.insert_violation(c, userid=userid, case_id=case_id, occurred=restricted_on,
                                    rule=diagnosis.rule, category=diagnosis.category,
                                    step=diagnosis.step, duration=report.duration)
    return get_case(ws, case_id)


def _ladder(c: sqlite3.Connection, ws: Workspace, userid: str, report: RestrictionReport,
            restricted_on: dt.date) -> LadderCount:
    """2.2: the rule-1 ladder counts every earlier violation of the member. The ledger holds
    those the app recorded and those entered by hand; a report that leaves the count out gets
    the ledger's; a report that knows of more adds the rest to the ledger as entered by hand
    (so the next case counts them too); a report that says fewer is overruled by the ledger."""
    known = ledger.ledger_count(ws, userid, c).total
    given = (report.prior_violations if "prior_violations" in report.model_fields_set
             else None)
    if given is None or given <= known:
        return LadderCount(report=given, ledger=known, used=known)
    ledger.enter_earlier_restrictions(c, userid, given - known, before=restricted_on)
    return LadderCount(report=given, ledger=known, used=given, entered=given - known)


def _summary_fields(row: object) -> dict[str, object]:
    r = dict(row)  # type: ignore[call-overload]
    report = RestrictionReport.model_validate_json(r["report_json"])
    diagnosis = Diagnosis.model_validate_json(r["diagnosis_json"])
    return {"id": r["id"], "created": r["created"], "restricted_on": r["restricted_on"],
            "status": r["status"], "userid": r["userid"], "account": report.account,
            "rule": diagnosis.rule, "step": diagnosis.step, "category": diagnosis.category,
            "appeal_route": diagnosis.appeal_route, "in_trash": r["deleted_at"] is not None,
            "_report": report, "_diagnosis": diagnosis}


def list_cases(ws: Workspace, *, status: str | None = None, userid: str | None = None,
               rule: str | None = None, include_trashed: bool = False) -> list[CaseSummary]:
    """Cases, newest first, filtered by status, member and rule."""
    sql, args = "SELECT * FROM cases WHERE 1 = 1", []
    if not include_trashed:
        sql += " AND deleted_at IS NULL"
    if status is not None:
        sql, args = sql + " AND status = ?", [*args, status]
    if userid is not None:
        sql, args = sql + " AND userid = ?", [*args, userid]
    out = []
    for row in ws.conn.execute(sql + " ORDER BY created DESC, rowid DESC", args):
        fields = _summary_fields(row)
        if rule is None or fields["rule"] == rule:
            out.append(CaseSummary.model_validate(
                {k: v for k, v in fields.items() if not k.startswith("_")}))
    return out


def resolve_case_id(ws: Workspace, prefix: str, *, include_trashed: bool = False) -> str:
    """The full id of the case whose id starts with ``prefix`` (at least 4 characters)."""
    prefix = prefix.strip().lower()
    if len(prefix) < 4 or any(ch not in "0123456789abcdef" for ch in prefix):
        raise NotFound(f"no case {prefix!r} (a case id is 12 hex digits; 4 are enough)")
    sql = "SELECT id FROM cases WHERE substr(id, 1, ?) = ?"
    if not include_trashed:
        sql += " AND deleted_at IS NULL"
    ids = [r[0] for r in ws.conn.execute(sql, (len(prefix), prefix))]
    if not ids:
        raise NotFound(f"no case {prefix}")
    if len(ids) > 1:
        raise StoreError(f"case id {prefix} is ambiguous: {', '.join(sorted(ids))}")
    return ids[0]


def _events(ws: Workspace, case_id: str) -> list[CaseEvent]:
    # In the order they were recorded; each shows when it happened (which may be backdated).
    rows = ws.conn.execute("SELECT at, kind, value FROM case_events WHERE case_id = ? "
                           "ORDER BY seq", (case_id,))
    return [CaseEvent.model_validate(dict(r)) for r in rows]


def get_case(ws: Workspace, case_id: str, *, at: dt.datetime | None = None) -> CaseDetail:
    """The whole case; the notice text only when the vault is unlocked."""
    row = ws.conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise NotFound(f"no case {case_id}")
    fields = _summary_fields(row)
    report: RestrictionReport = fields.pop("_report")  # type: ignore[assignment]
    diagnosis: Diagnosis = fields.pop("_diagnosis")  # type: ignore[assignment]
    notice_locked = False
    if row["notice_enc"] is not None:
        if ws.is_unlocked:
            report = report.model_copy(update={"notice_text": ws.vault.decrypt_text(
                row["notice_enc"], _notice_context(case_id))})
        else:
            notice_locked = True
    timeline = _events(ws, case_id)
    unblocked = [e.at for e in timeline if e.kind == "wechat_unblocked"]
    resolved = [e.at for e in timeline if e.kind == "status" and e.value == "resolved"]
    deadlines = case_deadlines(
        diagnosis, report.duration, unblocked[-1] if unblocked else None,
        resolved[-1] if resolved and fields["status"] == "resolved" else None,
        at or dt.datetime.now(dt.UTC))
    return CaseDetail.model_validate({
        **fields, "report": report, "notice_locked": notice_locked, "diagnosis": diagnosis,
        "ladder": (LadderCount.model_validate_json(row["ladder_json"]) if row["ladder_json"]
                   else None),
        "timeline": timeline, "deadlines": deadlines,
        "documents": list_documents(ws, case_id)})


def set_status(ws: Workspace, case_id: str, status: str, *, at: dt.datetime | None = None,
               outcome: Outcome | None = None) -> CaseDetail:
    """Move the case along its timeline; resolving it closes its ledger entry."""
    if status not in CASE_STATUSES:
        raise InvalidTransition(f"unknown status {status!r}; one of: {', '.join(CASE_STATUSES)}")
    with transaction(ws.conn) as c:
        row = c.execute("SELECT status FROM cases WHERE id = ? AND deleted_at IS NULL",
                        (case_id,)).fetchone()
        if row is None:
            raise NotFound(f"no case {case_id}")
        if status not in TRANSITIONS[row["status"]]:
            allowed = ", ".join(sorted(TRANSITIONS[row["status"]]))
            raise InvalidTransition(f"case {case_id} is {row['status']}: it can go to "
                                    f"{allowed}, not {status}")
        c.execute("UPDATE cases SET status = ? WHERE id = ?", (status, case_id))
        c.execute("INSERT INTO case_events (case_id, at, kind, value) VALUES (?, ?, 'status', ?)",
                  (case_id, _as_utc(at), status))
        ledger_outcome = (outcome or "unblocked") if status == "resolved" else "open"
        c.execute("UPDATE violations SET outcome = ? WHERE case_id = ?",
                  (ledger_outcome, case_id))
    return get_case(ws, case_id)


def record_wechat_unblocked(ws: Workspace, case_id: str,
                            at: dt.datetime | None = None) -> CaseDetail:
    """The linked WeChat account was unblocked at ``at``: starts the 3.2 deadline."""
    with transaction(ws.conn) as c:
        if c.execute("SELECT 1 FROM cases WHERE id = ? AND deleted_at IS NULL",
                     (case_id,)).fetchone() is None:
            raise NotFound(f"no case {case_id}")
        c.execute("INSERT INTO case_events (case_id, at, kind) VALUES (?, ?, 'wechat_unblocked')",
                  (case_id, _as_utc(at)))
    return get_case(ws, case_id)


def set_wait_until(ws: Workspace, case_id: str, day: dt.date) -> CaseDetail:
    """The day a wait route waits for (the block's end, or the member account's unblocking
    after the WeChat account's), as the administrator entered it: a reminder on that day."""
    with transaction(ws.conn) as c:
        if c.execute("SELECT 1 FROM cases WHERE id = ? AND deleted_at IS NULL",
                     (case_id,)).fetchone() is None:
            raise NotFound(f"no case {case_id}")
        c.execute("INSERT INTO case_events (case_id, at, kind, value) "
                  "VALUES (?, ?, 'wait_until', ?)", (case_id, _as_utc(None), day.isoformat()))
    return get_case(ws, case_id)


def wait_until(case: CaseDetail) -> dt.date | None:
    """The latest wait day entered for the case, if any."""
    days = [e.value for e in case.timeline if e.kind == "wait_until" and e.value]
    return dt.date.fromisoformat(days[-1]) if days else None


# Trash: deleting is undoable until the trash is purged --------------------------------------

def trash_case(ws: Workspace, case_id: str) -> None:
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE cases SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                        (now(), case_id))
        if cur.rowcount == 0:
            raise NotFound(f"no case {case_id} (or it is already in the trash)")


def restore_case(ws: Workspace, case_id: str) -> None:
    with transaction(ws.conn) as c:
        cur = c.execute("UPDATE cases SET deleted_at = NULL WHERE id = ? "
                        "AND deleted_at IS NOT NULL", (case_id,))
        if cur.rowcount == 0:
            raise NotFound(f"no case {case_id} in the trash")


def purge_trash(ws: Workspace, older_than: dt.timedelta = dt.timedelta(0)) -> int:
    """Delete for good what has been in the trash longer than ``older_than``; return a count."""
    cutoff = (dt.datetime.now(dt.UTC) - older_than).isoformat(timespec="seconds")
    with transaction(ws.conn) as c:
        blobs = [r[0] for r in c.execute(
            "SELECT d.blob_id FROM documents d JOIN cases k ON k.id = d.case_id "
            "WHERE (d.deleted_at IS NOT NULL AND d.deleted_at <= ?) "
            "OR (k.deleted_at IS NOT NULL AND k.deleted_at <= ?)", (cutoff, cutoff))]
        c.execute("DELETE FROM documents WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                  (cutoff,))
        cases = c.execute("DELETE FROM cases WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                          (cutoff,)).rowcount
        # Self-audit evidence removed from its answer (app.store.audit_evidence).
        blobs += [r[0] for r in c.execute(
            "SELECT blob_id FROM audit_evidence WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
            (cutoff,))]
        c.execute("DELETE FROM audit_evidence WHERE deleted_at IS NOT NULL AND deleted_at <= ?",
                  (cutoff,))
    for blob_id in blobs:  # after the commit: a crash here leaves only unreferenced ciphertext
        blob_path(ws.root, blob_id).unlink(missing_ok=True)
    return cases + len(blobs)


def sweep_orphan_blobs(ws: Workspace, min_age_seconds: float = 3600) -> int:
    """Delete blob files no case document or audit evidence refers to (left by a crash
    between file and row). Also run at every open (app.store.workspace)."""
    return ws.sweep_orphan_blobs(min_age_seconds)
