"""Deadlines a case can be held to, each with the section of the rules it comes from."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from app.i18n import LocalText
from app.rules.contract import Diagnosis

# 3.2: "After the unblocking, the WeCom account will be automatically unblocked within 24
# hours." Used when the diagnosis carries no timing fact of its own for 3.2.
AUTO_UNBLOCK_SECTION = "3.2"
AUTO_UNBLOCK_HOURS = 24


class Deadline(BaseModel):
    kind: Literal["wecom_auto_unblock"]
    due: dt.datetime
    state: Literal["pending", "overdue", "met"]
    text: LocalText
    citations: list[str]


def auto_unblock_hours(diagnosis: Diagnosis) -> int:
    for fact in diagnosis.timing:
        if fact.hours is not None and AUTO_UNBLOCK_SECTION in fact.citations:
            return fact.hours
    return AUTO_UNBLOCK_HOURS


def waits_for_wechat(diagnosis: Diagnosis, duration: str) -> bool:
    return (diagnosis.appeal_route == "wait_for_wechat_unblock" or diagnosis.rule == "R2"
            or duration == "until_wechat_unblocked")


def case_deadlines(diagnosis: Diagnosis, duration: str, wechat_unblocked: dt.datetime | None,
                   resolved: dt.datetime | None, now: dt.datetime) -> list[Deadline]:
    """The deadlines of one case at ``now``."""
    deadlines: list[Deadline] = []
    if wechat_unblocked is not None and waits_for_wechat(diagnosis, duration):
        hours = auto_unblock_hours(diagnosis)
        due = wechat_unblocked + dt.timedelta(hours=hours)
        if resolved is not None:
            state: Literal["pending", "overdue", "met"] = "met" if resolved <= due else "overdue"
        else:
            state = "overdue" if now > due else "pending"
        when = due.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        deadlines.append(Deadline(
            kind="wecom_auto_unblock", due=due, state=state, citations=[AUTO_UNBLOCK_SECTION],
            text=LocalText(
                en=f"Rule 2: WeCom should unblock the account by {when}, {hours} h after the "
                   "linked WeChat account was unblocked.",
                zh_CN=f"规则二：关联的微信账号解封后 {hours} 小时内，企业微信账号应自动解封，"
                      f"即不晚于 {when}。")))
    return deadlines
