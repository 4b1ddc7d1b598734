"""One member's days: applications sent, new customers, and customers who deleted or blocked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from app.ui.widgets.line_chart import LineChart, Series


class MemberChart(LineChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.userid = ""
        self._rows: Sequence[Any] = []
        self.retranslate()

    def show_member(self, userid: str, rows: Sequence[Any]) -> None:
        """``rows``: BehaviourRow-like, with stat_date, new_apply_cnt, new_contact_cnt and
        negative_feedback_cnt."""
        self.userid = userid
        self._rows = rows
        self.retranslate()

    def clear(self) -> None:
        self.show_member("", [])

    def retranslate(self) -> None:
        self.empty_text = self.tr("Select a member to see the daily figures.")
        rows = self._rows
        self.set_series([] if not rows else [
            Series(self.tr("applications sent"), [(r.stat_date, r.new_apply_cnt) for r in rows]),
            Series(self.tr("new customers"), [(r.stat_date, r.new_contact_cnt) for r in rows]),
            Series(self.tr("deleted or blocked"),
                   [(r.stat_date, r.negative_feedback_cnt) for r in rows]),
        ])
