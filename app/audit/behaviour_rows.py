"""The row types of the behaviour import, shared by the import (``behaviour``) and its DuckDB
engine (``engine_sql``), so neither imports the other's internals: one member's day as the API and
the file give it, a rejected file line, and the metric settings."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from app.i18n import LocalText


class MetricOptions(BaseModel):
    """Settings of the metrics themselves (the flag thresholds live in ``risk``)."""

    model_config = ConfigDict(extra="forbid")

    trend_half_life_days: float = Field(default=14, gt=0)
    spike_applications: int = Field(default=100, ge=1)


class BehaviourRow(BaseModel):
    """One member and day, as the API returns it and as a file row holds it."""

    model_config = ConfigDict(extra="forbid")

    userid: str = Field(min_length=1)
    stat_date: dt.date = Field(description="The day counted (China date of the API's stat_time).")
    new_apply_cnt: int = Field(ge=0, description="Friend applications the member sent.")
    new_contact_cnt: int = Field(ge=0, description="New customers of the member.")
    chat_cnt: int = Field(default=0, ge=0)
    message_cnt: int = Field(default=0, ge=0)
    reply_percentage: float | None = Field(default=None, ge=0, le=100,
                                           description="Share of customer-started chats the "
                                           "member replied to, in percent.")
    avg_reply_time: float | None = Field(default=None, ge=0, description="Minutes to the first "
                                         "reply, on average.")
    negative_feedback_cnt: int = Field(ge=0, description="Customers who deleted or blocked "
                                       "the member.")


class RejectedRow(BaseModel):
    line: int = Field(description="Line of the file (sheet row for XLSX); the title line is 1.")
    reason: LocalText
