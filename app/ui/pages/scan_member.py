"""The selected member of the scan: earlier restrictions, flags with reasons and clauses, and
the day-by-day chart (read on a worker)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QFont

from app.i18n import Lang
from app.ui.forms.ui_audit_scan import Ui_AuditScanPage
from app.ui.pages.scan_model import category_name, restriction_text
from app.ui.widgets.member_chart import MemberChart
from app.ui.workers import Job, JobRunner


class MemberDetail(QObject):
    def __init__(self, ui: Ui_AuditScanPage, runner: JobRunner) -> None:
        super().__init__(ui.detailPanel)
        self.ui = ui
        self.runner = runner
        self._jobs: set[Job] = set()
        self._shown_member = ""
        font = QFont(ui.memberTitle.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        ui.memberTitle.setFont(font)
        self.chart = MemberChart(ui.chartHost)
        ui.chartLayout.addWidget(self.chart)

    def retranslate(self) -> None:
        self.chart.retranslate()

    def show_member(self, member: Any, ledger: dict[str, list[Any]], result: Any,
                    lang: Lang) -> None:
        ui = self.ui
        if member is None:
            self._shown_member = ""
            ui.memberTitle.clear()
            ui.ledgerLabel.clear()
            ui.flagsView.clear()
            self.chart.clear()
            return
        ui.memberTitle.setText(self.tr("{member} · risk score {score:g}").format(
            member=member.userid, score=member.risk_score))
        entries = ledger.get(member.userid, [])
        ui.ledgerLabel.setText(
            self.tr("Earlier restrictions in the ledger:") + "\n" + restriction_text(entries)
            if entries else self.tr("No earlier restrictions in the ledger."))
        if member.flags:
            parts = [f"<p><b>{html.escape(category_name(f.category))}</b> · "
                     + html.escape(self.tr("rule 1, section {section}").format(
                         section=f.citation)) + "<br>" + html.escape(f.reason(lang)) + "</p>"
                     for f in member.flags]
        else:
            parts = ["<p>" + html.escape(self.tr("No flags: no pattern of rule 1 (2.1) reaches "
                                                 "its threshold.")) + "</p>"]
        ui.flagsView.setHtml("".join(parts))
        self._load_chart(member.userid, result.data)

    def _load_chart(self, userid: str, data: Any) -> None:
        # The file is read again for one member's days: on a worker, the newest request wins.
        self._shown_member = userid
        job = Job(lambda _p, _c: data.daily([userid]).get(userid, []))
        self._jobs.add(job)

        def show(rows: Any) -> None:
            self._jobs.discard(job)
            if self._shown_member == userid:
                self.chart.show_member(userid, rows)

        job.signals.finished.connect(show)
        job.signals.failed.connect(lambda _m: self._jobs.discard(job))
        self.runner.start(job)

