"""Members and the violation ledger: each restriction of each member, and how it ended.

The ledger is what turns "this member was restricted before" into ``prior_violations`` for the
diagnosis (2.2: the rule-1 penalty climbs a ladder with each violation).
"""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.rules.catalogue import RuleId
from app.store.db import now, transaction
from app.store.errors import InvalidMemberId
from app.store.workspace import Workspace

Outcome = Literal["open", "unblocked", "upheld"]
MAX_USERID = 64


def userid_problem(value: str) -> str | None:
    """Why ``value`` is not a member id, or None when it is one.

    The one definition of a member id, used wherever one enters (CLI, GUI, archives, the
    database): 1 to 64 printable characters — WeCom userids and the names administrators type
    (张三, Zhang San, zhang.san@corp) — with no control or invisible formatting characters
    and no blank at either end. Anything printable is accepted; nothing is rewritten."""
    if not value:
        return "empty"
    if len(value) > MAX_USERID:
        return f"longer than {MAX_USERID} characters"
    if value != value.strip():
        return "starts or ends with a blank"
    if not all(c.isprintable() or c == " " for c in value):
        return "holds a control or invisible character"
    return None


def is_valid_userid(value: str) -> bool:
    return userid_problem(value) is None


def check_userid(value: str) -> str:
    problem = userid_problem(value)
    if problem is not None:
        raise InvalidMemberId(f"not a member id: {problem}")
    return value


MemberId = Annotated[str, AfterValidator(check_userid)]


class Member(BaseModel):
    userid: MemberId
    name_masked: str | None = None
    created: str


class ViolationEntry(BaseModel):
    """One restriction of one member."""

    model_config = ConfigDict(title="ViolationEntry")

    id: str
    userid: str
    case_id: str | None
    occurred: dt.date
    rule: RuleId | None
    category: str | None
    step: int | None
    duration: str | None
    outcome: Outcome
    date_known: bool = Field(default=True, description="False for a restriction entered by "
                             "hand whose date the administrator did not know.")

    @property
    def entered_by_hand(self) -> bool:
        """Earlier, before this app: entered by the administrator, not recorded by a case."""
        return self.case_id is None


class LedgerCount(BaseModel):
    """A member's earlier rule-1 restrictions (2.2): recorded by cases + entered by hand."""

    recorded: int
    entered: int

    @property
    def total(self) -> int:
        return self.recorded + self.entered


def ensure_member(conn: sqlite3.Connection, userid: str) -> None:
    """Inside a transaction: add the member if it is not known yet (a valid member id)."""
    check_userid(userid)
    conn.execute("INSERT OR IGNORE INTO members (userid, created) VALUES (?, ?)",
                 (userid, now()))


def set_member_name(ws: Workspace, userid: str, name: str) -> None:
    from app.store.profile import mask_name

    with transaction(ws.conn) as c:
        ensure_member(c, userid)
        c.execute("UPDATE members SET name_enc = ?, name_masked = ? WHERE userid = ?",
                  (ws.vault.encrypt_text(name, f"member:{userid}:name"), mask_name(name),
                   userid))


def list_members(ws: Workspace) -> list[Member]:
    rows = ws.conn.execute("SELECT userid, name_masked, created FROM members ORDER BY userid")
    return [Member(**dict(r)) for r in rows]


def insert_violation(conn: sqlite3.Connection, *, userid: str, case_id: str | None,
                     occurred: dt.date, rule: str | None, category: str | None,
                     step: int | None, duration: str | None, outcome: Outcome = "open",
                     entry_id: str | None = None, date_known: bool = True) -> str:
    """Inside a transaction: record one restriction in the member's ledger."""
    entry_id = entry_id or secrets.token_hex(8)
    ensure_member(conn, userid)
    conn.execute(
        "INSERT INTO violations (id, userid, case_id, occurred, rule, category, step, duration, "
        "outcome, created, date_known) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry_id, userid, case_id, occurred.isoformat(), rule, category, step, duration,
         outcome, now(), int(date_known)))
    return entry_id


def add_past_violation(ws: Workspace, userid: str, occurred: dt.date | None, *,
                       rule: str | None, category: str | None = None, step: int | None = None,
                       duration: str | None = None, outcome: Outcome = "unblocked") -> str:
    """A restriction from before the app was used (no case attached); ``occurred`` None when
    the administrator does not know the date (it is then kept as the day it was entered, marked
    as not known)."""
    with transaction(ws.conn) as c:
        return insert_violation(c, userid=userid, case_id=None,
                                occurred=occurred or dt.date.today(), rule=rule,
                                category=category, step=step, duration=duration,
                                outcome=outcome, date_known=occurred is not None)


def enter_earlier_restrictions(conn: sqlite3.Connection, userid: str, count: int, *,
                               before: dt.date) -> list[str]:
    """Inside a transaction: ``count`` rule-1 restrictions of ``userid`` the administrator
    knows of from before the app ("earlier, before this app"), dates unknown; kept as the day
    before ``before`` so they sort ahead of the case that revealed them."""
    day = before - dt.timedelta(days=1)
    return [insert_violation(conn, userid=userid, case_id=None, occurred=day, rule="R1",
                             category=None, step=None, duration=None, outcome="unblocked",
                             date_known=False) for _ in range(count)]


_LIVE = ("FROM violations v LEFT JOIN cases c ON c.id = v.case_id "
         "WHERE v.userid = ? AND (v.case_id IS NULL OR c.deleted_at IS NULL)")


def member_ledger(ws: Workspace, userid: str) -> list[ViolationEntry]:
    """The member's restrictions, oldest first; those of cases in the trash left out."""
    rows = ws.conn.execute(f"SELECT v.* {_LIVE} ORDER BY v.occurred, v.rowid", (userid,))
    return [ViolationEntry.model_validate(dict(r)) for r in rows]


def prior_rule1_count(ws: Workspace, userid: str) -> int:
    """Earlier rule-1 restrictions of this member (2.2), trashed cases not counted: recorded by
    cases plus entered by hand. What the diagnosis' ``prior_violations`` is pre-filled with."""
    return ledger_count(ws, userid).total


def ledger_count(ws: Workspace, userid: str, conn: sqlite3.Connection | None = None
                 ) -> LedgerCount:
    """The member's rule-1 restrictions, split into recorded by cases and entered by hand."""
    row = (conn or ws.conn).execute(
        "SELECT count(v.case_id), count(*) - count(v.case_id) "
        f"{_LIVE} AND v.rule = 'R1'", (userid,)).fetchone()
    return LedgerCount(recorded=int(row[0]), entered=int(row[1]))
