"""The next step of a diagnosis, per route (resources/advice/next_steps.toml): prepare the appeal
package for this case, wait until a date (and what to do meanwhile), or the steps in the admin
console. It is the app's advice and says so; the route and its reasons above cite the rules."""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from html import escape
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import Lang, LocalText
from app.rules.contract import Diagnosis

AUTO_UNBLOCK_HOURS = 24  # 3.2, also app.store.deadlines


class RouteNextStep(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: Literal["package", "wait", "steps"]
    wait_for: Literal["block_end", "wechat_unblocked"] | None = None
    summary: LocalText
    sections: list[str] = Field(default_factory=list)
    steps: list[LocalText] = Field(default_factory=list)
    meanwhile: list[LocalText] = Field(default_factory=list)


class NextSteps(BaseModel):
    model_config = ConfigDict(extra="forbid")

    routes: list[RouteNextStep]

    def get(self, route: str) -> RouteNextStep | None:
        return next((r for r in self.routes if r.id == route), None)


@cache
def next_steps() -> NextSteps:
    path = resources.files("app.resources") / "advice" / "next_steps.toml"
    return NextSteps.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


def needs_package(route: str) -> bool:
    step = next_steps().get(route)
    return step is not None and step.kind == "package"


def _items(texts: list[LocalText], lang: Lang, *, numbered: bool) -> str:
    tag = "ol" if numbered else "ul"
    body = "".join(f"<li>{escape(t(lang))}</li>" for t in texts)
    return f"<{tag} style='margin-top:0; margin-bottom:0'>{body}</{tag}>"


class NextStepPanel(QGroupBox):
    """Rebuilt for each diagnosis; ``prepare_package`` asks the page to make (or open) the case
    and show the Appeal page on it."""

    prepare_package = Signal()
    wait_date_set = Signal()  # the administrator set or cleared the wait date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextStepBox")
        self.step: RouteNextStep | None = None
        self._lang: Lang = "en"
        layout = QVBoxLayout(self)
        self.summary = QLabel(self, objectName="nextStepSummary", wordWrap=True)
        layout.addWidget(self.summary)
        self.prepareButton = QPushButton(self, objectName="prepareButton")
        self.prepareButton.setAutoDefault(False)
        self.prepareButton.clicked.connect(self.prepare_package)
        row = QHBoxLayout()
        row.addWidget(self.prepareButton)
        row.addStretch(1)
        layout.addLayout(row)
        self.dateRow = QWidget(self, objectName="waitDateRow")
        date_layout = QHBoxLayout(self.dateRow)
        date_layout.setContentsMargins(0, 0, 0, 0)
        self.dateLabel = QLabel(self.dateRow)
        self.dateKnown = QCheckBox(self.dateRow, objectName="waitDateKnown")
        self.dateEdit = QDateEdit(self.dateRow, objectName="waitDateEdit", calendarPopup=True)
        self.dateEdit.setDisplayFormat("yyyy-MM-dd")
        self.dateEdit.setDate(QDate.currentDate())
        self.dateLabel.setBuddy(self.dateKnown)
        date_layout.addWidget(self.dateKnown)
        date_layout.addWidget(self.dateEdit)
        date_layout.addStretch(1)
        layout.addWidget(self.dateLabel)
        layout.addWidget(self.dateRow)
        self.waitUntil = QLabel(self, objectName="waitUntil", wordWrap=True)
        layout.addWidget(self.waitUntil)
        self.details = QLabel(self, objectName="nextStepDetails", wordWrap=True)
        layout.addWidget(self.details)
        self.advice = QLabel(self, objectName="nextStepAdvice", wordWrap=True)
        self.advice.setProperty("hint", True)
        layout.addWidget(self.advice)
        self.dateKnown.toggled.connect(self._update_wait)
        self.dateEdit.dateChanged.connect(self._update_wait)
        self.dateKnown.toggled.connect(self.wait_date_set)
        self.dateEdit.editingFinished.connect(self.wait_date_set)
        self.setVisible(False)

    def show_for(self, diagnosis: Diagnosis | None, lang: Lang) -> None:
        self._lang = lang
        self.step = next_steps().get(diagnosis.appeal_route) if diagnosis else None
        self.retranslate()

    def wait_date(self) -> dt.date | None:
        """The date the route waits for, as far as it is known (None: not yet)."""
        step = self.step
        if step is None or step.kind != "wait" or not self.dateKnown.isChecked():
            return None
        day = self.dateEdit.date().toPython()
        if step.wait_for == "wechat_unblocked":
            return day + dt.timedelta(days=1)  # 3.2: within 24 hours of that day
        return day

    def _update_wait(self, *_: object) -> None:
        step = self.step
        self.dateEdit.setEnabled(self.dateKnown.isChecked())
        if step is None or step.kind != "wait":
            self.waitUntil.clear()
            return
        day = self.wait_date()
        if step.wait_for == "wechat_unblocked":
            text = (self.tr("Wait until {date}: WeCom should unblock the member account within "
                            "{hours} hours after the WeChat account was unblocked (3.2). If it "
                            "has not, record it on the Cases page.").format(
                                date=day.isoformat(), hours=AUTO_UNBLOCK_HOURS)
                    if day else
                    self.tr("Wait for the linked WeChat account to be unblocked; the member "
                            "account follows within {hours} hours (3.2).").format(
                                hours=AUTO_UNBLOCK_HOURS))
        else:
            text = (self.tr("Wait until {date}, the end of the block; then check that the "
                            "interoperability functions work again.").format(
                                date=day.isoformat())
                    if day else
                    self.tr("The rules say “a short time” without a length (2.2): enter the "
                            "end date the notice or the admin console shows."))
        self.waitUntil.setText(f"<b>{escape(text)}</b>")

    def retranslate(self) -> None:
        step, lang = self.step, self._lang
        self.setVisible(step is not None)
        self.setTitle(self.tr("Next step"))
        if step is None:
            return
        self.summary.setText(step.summary(lang))
        self.prepareButton.setVisible(step.kind == "package")
        self.prepareButton.setText(self.tr("&Prepare the appeal package"))
        self.prepareButton.setToolTip(self.tr(
            "Record this restriction as a case (if not yet) and open its appeal package"))
        waiting = step.kind == "wait"
        for widget in (self.dateLabel, self.dateRow, self.waitUntil):
            widget.setVisible(waiting)
        if step.wait_for == "wechat_unblocked":
            self.dateLabel.setText(self.tr("When was the linked WeChat account unblocked?"))
            self.dateKnown.setText(self.tr("&Unblocked on"))
        else:
            self.dateLabel.setText(self.tr("When does the block end (see the notice or the "
                                           "admin console)?"))
            self.dateKnown.setText(self.tr("&Ends on"))
        self._update_wait()
        parts = []
        if step.steps:
            title = self.tr("Steps") if step.kind == "steps" else self.tr("Then")
            parts.append(f"<b>{escape(title)}</b>" + _items(step.steps, lang, numbered=True))
        if step.meanwhile:
            meanwhile = self.tr("Meanwhile")
            parts.append(f"<b>{escape(meanwhile)}</b>"
                         + _items(step.meanwhile, lang, numbered=False))
        self.details.setText("".join(parts))
        self.details.setVisible(bool(parts))
        self.advice.setText(self.tr("This is the app's advice, not WeCom's rules; where it "
                                    "restates a rule, it names the section in brackets."))
