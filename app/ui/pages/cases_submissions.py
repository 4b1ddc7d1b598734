"""The Cases workspace's submissions: each appeal attempt of the case (day, channel, the bundle
sent, WeCom's reference) and its outcome; a rejection turns into a checklist of what to fix;
and, above the case list, what is due now (follow-ups, rejections to fix, expiring documents)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.i18n import Lang
from app.store import submissions
from app.store.errors import StoreError
from app.ui.store_service import WorkspaceService

CASE_ROLE = Qt.ItemDataRole.UserRole
REASON_TITLES = {
    "unclear_images": QT_TRANSLATE_NOOP("Submissions", "Unclear images"),
    "information_mismatch": QT_TRANSLATE_NOOP("Submissions", "Information does not match"),
    "letter_not_sealed": QT_TRANSLATE_NOOP("Submissions", "Letter not sealed"),
    "copies_without_purpose": QT_TRANSLATE_NOOP("Submissions",
                                                "Copies without a purpose note"),
    "other": QT_TRANSLATE_NOOP("Submissions", "Other"),
}
CHECK_TITLES = {
    "intake.resolution": QT_TRANSLATE_NOOP("Submissions", "the resolution note of each picture"),
    "profile.names": QT_TRANSLATE_NOOP("Submissions", "the profile's names"),
    "profile.identity": QT_TRANSLATE_NOOP("Submissions", "the profile's checks"),
    "enterprise.documents": QT_TRANSLATE_NOOP("Submissions",
                                              "the Enterprise page's document warnings"),
    "watermark.purpose": QT_TRANSLATE_NOOP("Submissions", "the purpose watermark"),
    "statement.placeholders": QT_TRANSLATE_NOOP("Submissions",
                                                "the statement's completeness check"),
    "letter.seal": QT_TRANSLATE_NOOP("Submissions", "you (the seal on the letter)"),
    "manual": QT_TRANSLATE_NOOP("Submissions", "you"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Submissions", text)


class DuePanel(QGroupBox):
    """What is due now, soonest first; activating one with a case selects that case."""

    case_activated = Signal(str)

    def __init__(self, store: WorkspaceService, lang: Callable[[], Lang],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueGroup")
        self.store, self._lang = store, lang
        layout = QVBoxLayout(self)
        self.list = QListWidget(self, objectName="dueList")
        self.list.setMaximumHeight(90)
        # As tall as its few lines: the case list below keeps the room.
        self.list.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.list.setWordWrap(True)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.items: list[submissions.DueItem] = []
        self.retranslate()

    def _activated(self, item: QListWidgetItem) -> None:
        case_id = item.data(CASE_ROLE)
        if case_id:
            self.case_activated.emit(case_id)

    def refresh(self, today: dt.date | None = None) -> None:
        ws = self.store.workspace_if_present()
        try:
            self.items = submissions.what_is_due(ws, today) if ws is not None else []
        except StoreError:
            self.items = []
        self.list.clear()
        for due in self.items:
            when = f"{due.due.isoformat()} · " if due.due else ""
            item = QListWidgetItem(when + due.message(self._lang()))
            item.setData(CASE_ROLE, due.case_id)
            self.list.addItem(item)
        self.setVisible(bool(self.items))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Due now ({count})").format(count=len(self.items)))


class SubmissionsBox(QGroupBox):
    """The case's submissions and outcomes; emits ``changed`` after a record."""

    changed = Signal()
    ticked = Signal()  # a checklist tick saved: only what is due changes
    status = Signal(str, int)
    open_package = Signal(str)  # the case whose appeal package to open

    def __init__(self, store: WorkspaceService, lang: Callable[[], Lang],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submissionsGroup")
        self.store, self._lang = store, lang
        self.case_id: str | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.packageButton = QPushButton(self, objectName="openPackageButton")
        self.packageButton.setAutoDefault(False)
        self.packageButton.clicked.connect(
            lambda: self.case_id and self.open_package.emit(self.case_id))
        top.addStretch(1)
        top.addWidget(self.packageButton)
        layout.addLayout(top)
        self.list = QListWidget(self, objectName="submissionList")
        self.list.setMaximumHeight(90)
        layout.addWidget(self.list)

        # The pending attempt's follow-up day: 7 working days after sending unless moved here
        # (e.g. WeCom said it needs longer).
        follow = QHBoxLayout()
        self.followUpLabel = QLabel(self)
        self.followUpEdit = QDateEdit(self, objectName="followUpEdit", calendarPopup=True)
        self.followUpEdit.setDisplayFormat("yyyy-MM-dd")
        self.followUpLabel.setBuddy(self.followUpEdit)
        self.followUpButton = QPushButton(self, objectName="setFollowUpButton")
        self.followUpButton.setAutoDefault(False)
        self.followUpButton.clicked.connect(self.set_follow_up)
        self.followUpHint = QLabel(self, objectName="followUpHint", wordWrap=True)
        self.followUpHint.setProperty("hint", True)
        follow.addWidget(self.followUpLabel)
        follow.addWidget(self.followUpEdit)
        follow.addWidget(self.followUpButton)
        follow.addWidget(self.followUpHint, 1)
        layout.addLayout(follow)
        self.pending: submissions.Submission | None = None

        form = QGridLayout()
        self.dateLabel = QLabel(self)
        self.dateEdit = QDateEdit(self, objectName="submittedOnEdit", calendarPopup=True)
        self.dateEdit.setDisplayFormat("yyyy-MM-dd")
        self.dateEdit.setDate(QDate.currentDate())
        self.dateEdit.setMaximumDate(QDate.currentDate())
        self.dateLabel.setBuddy(self.dateEdit)
        self.channelLabel = QLabel(self)
        self.channelCombo = QComboBox(self, objectName="channelCombo")
        self.channelLabel.setBuddy(self.channelCombo)
        self.refLabel = QLabel(self)
        self.refEdit = QLineEdit(self, objectName="referenceEdit")
        self.refEdit.setMaxLength(100)
        self.refLabel.setBuddy(self.refEdit)
        self.submitButton = QPushButton(self, objectName="recordSubmissionButton")
        self.submitButton.setAutoDefault(False)
        form.addWidget(self.dateLabel, 0, 0)
        form.addWidget(self.dateEdit, 0, 1)
        form.addWidget(self.channelLabel, 0, 2)
        form.addWidget(self.channelCombo, 0, 3)
        form.addWidget(self.refLabel, 1, 0)
        form.addWidget(self.refEdit, 1, 1, 1, 3)
        form.addWidget(self.submitButton, 2, 3, Qt.AlignmentFlag.AlignRight)
        form.setColumnStretch(3, 1)
        layout.addLayout(form)

        outcome = QHBoxLayout()
        self.outcomeLabel = QLabel(self)
        self.outcomeCombo = QComboBox(self, objectName="outcomeCombo")
        self.outcomeLabel.setBuddy(self.outcomeCombo)
        self.reasonCombo = QComboBox(self, objectName="reasonCombo")
        self.outcomeButton = QPushButton(self, objectName="recordOutcomeButton")
        self.outcomeButton.setAutoDefault(False)
        for widget in (self.outcomeLabel, self.outcomeCombo, self.reasonCombo):
            outcome.addWidget(widget)
        outcome.addStretch(1)
        outcome.addWidget(self.outcomeButton)
        layout.addLayout(outcome)

        self.fixTitle = QLabel(self, objectName="fixTitle", wordWrap=True)
        self.fixList = QListWidget(self, objectName="fixList")
        self.fixList.setWordWrap(True)
        self.fixList.setMaximumHeight(130)
        layout.addWidget(self.fixTitle)
        layout.addWidget(self.fixList)

        self.rejected: submissions.Submission | None = None
        self.fixList.itemChanged.connect(self._fix_ticked)
        self.submitButton.clicked.connect(self.record_submission)
        self.outcomeButton.clicked.connect(self.record_outcome)
        self.outcomeCombo.currentIndexChanged.connect(self._outcome_changed)
        self.retranslate()

    # Showing ----------------------------------------------------------------------------------

    def show_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.list.clear()
        self.fixList.clear()
        found: list[submissions.Submission] = []
        ws = self.store.workspace_if_present()
        if case_id is not None and ws is not None:
            try:
                found = submissions.list_submissions(ws, case_id)
            except StoreError as exc:
                self.status.emit(str(exc), 0)
        lang = self._lang()
        for sub in found:
            self.list.addItem(self._line(sub, lang))
        if not found:
            empty = QListWidgetItem(self.tr("Nothing sent yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.pending = next((s for s in reversed(found) if s.outcome == "pending"), None)
        pending = self.pending is not None
        for widget in (self.followUpLabel, self.followUpEdit, self.followUpButton,
                       self.followUpHint):
            widget.setVisible(pending)
        if self.pending is not None:
            day = self.pending.follow_up_on
            self.followUpEdit.setMinimumDate(QDate(self.pending.submitted_on.year,
                                                   self.pending.submitted_on.month,
                                                   self.pending.submitted_on.day))
            self.followUpEdit.setDate(QDate(day.year, day.month, day.day))
        self.outcomeButton.setEnabled(pending)
        self.outcomeCombo.setEnabled(pending)
        self._outcome_changed()
        latest = found[-1] if found else None
        rejected = latest is not None and latest.outcome == "rejected"
        self.rejected = latest if rejected else None
        self.fixList.blockSignals(True)  # filling: no tick to save
        self.fixTitle.setVisible(rejected)
        self.fixList.setVisible(rejected)
        if rejected and latest is not None:
            reason = latest.reason or "other"
            self.fixTitle.setText(self.tr("Rejected ({reason}): what to fix before sending "
                                          "again").format(reason=_t(REASON_TITLES[reason])))
            for fix in submissions.rejection_checklist(reason):
                item = QListWidgetItem(fix.text(lang))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                done = self.fixList.count() in latest.fixes_done
                item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
                item.setToolTip(self.tr("Checked by {check}").format(
                    check=_t(CHECK_TITLES.get(fix.check, "manual"))))
                self.fixList.addItem(item)
        self.fixList.blockSignals(False)

    def _line(self, sub: submissions.Submission, lang: Lang) -> str:
        parts = [sub.submitted_on.isoformat(), submissions.CHANNEL_TITLES[sub.channel](lang)]
        if sub.reference:
            parts.append(self.tr("ref. {ref}").format(ref=sub.reference))
        if sub.bundle_sha256:
            parts.append(self.tr("bundle {sha}").format(sha=sub.bundle_sha256[:12]))
        outcome = submissions.OUTCOME_TITLES[sub.outcome](lang)
        if sub.outcome == "rejected" and sub.reason:
            reason = _t(REASON_TITLES[sub.reason])
            outcome += f"（{reason}）" if lang == "zh_CN" else f" ({reason})"
        if sub.outcome == "pending":
            outcome += " · " + self.tr("follow up on {date}").format(
                date=sub.follow_up_on.isoformat())
        parts.append(outcome)
        return " · ".join(parts)

    def _fix_ticked(self, *_: object) -> None:
        """A tick on the rejection's checklist: kept with the submission at once."""
        if self.rejected is None:
            return
        done = [i for i in range(self.fixList.count())
                if self.fixList.item(i).checkState() == Qt.CheckState.Checked]
        try:
            self.rejected = submissions.set_fixes_done(self.store.workspace(), self.rejected.id,
                                                       done)
        except StoreError as exc:
            self.status.emit(self.tr("The tick was not saved: {error}").format(error=exc), 0)
            return
        self.ticked.emit()

    def _outcome_changed(self, *_: object) -> None:
        self.reasonCombo.setVisible(self.outcomeCombo.currentData() == "rejected")

    # Recording --------------------------------------------------------------------------------

    def record_submission(self) -> bool:
        if self.case_id is None:
            return False
        try:
            sub = submissions.record_submission(
                self.store.workspace(), self.case_id, channel=self.channelCombo.currentData(),
                submitted_on=self.dateEdit.date().toPython(),
                reference=self.refEdit.text().strip() or None)
        except StoreError as exc:
            self.status.emit(self.tr("Not recorded: {error}").format(error=exc), 0)
            return False
        self.refEdit.clear()
        self.status.emit(self.tr("Submission recorded; follow up on {date} if WeCom has not "
                                 "answered.").format(date=sub.follow_up_on.isoformat()), 5000)
        self.changed.emit()
        return True

    def set_follow_up(self) -> bool:
        """Move the pending attempt's follow-up day to the one chosen."""
        if self.pending is None:
            return False
        day = self.followUpEdit.date().toPython()
        try:
            sub = submissions.set_follow_up(self.store.workspace(), self.pending.id, day)
        except StoreError as exc:
            self.status.emit(self.tr("Not recorded: {error}").format(error=exc), 0)
            return False
        self.status.emit(self.tr("Follow up on {date}.").format(
            date=sub.follow_up_on.isoformat()), 5000)
        self.changed.emit()
        return True

    def record_outcome(self) -> bool:
        if self.case_id is None:
            return False
        outcome = self.outcomeCombo.currentData()
        reason = self.reasonCombo.currentData() if outcome == "rejected" else None
        try:
            submissions.record_outcome(self.store.workspace(), self.case_id, outcome,
                                       reason=reason)
        except StoreError as exc:
            self.status.emit(self.tr("Not recorded: {error}").format(error=exc), 0)
            return False
        self.changed.emit()
        return True

    def retranslate(self) -> None:
        lang = self._lang()
        self.setTitle(self.tr("Submissions and outcomes"))
        self.packageButton.setText(self.tr("Open the appeal &package"))
        self.dateLabel.setText(self.tr("Sent &on:"))
        self.channelLabel.setText(self.tr("C&hannel:"))
        self.refLabel.setText(self.tr("Refere&nce:"))
        self.refEdit.setPlaceholderText(self.tr("The number WeCom gave, if any"))
        self.submitButton.setText(self.tr("Record su&bmission"))
        self.followUpLabel.setText(self.tr("&Follow up on:"))
        self.followUpButton.setText(self.tr("Mo&ve follow-up"))
        self.followUpHint.setText(self.tr("Set when sending: {days} working days later.").format(
            days=submissions.DEFAULT_FOLLOW_UP_WORKING_DAYS))
        self.outcomeLabel.setText(self.tr("Out&come:"))
        self.outcomeButton.setText(self.tr("Record &WeCom's answer"))
        for combo, values in ((self.channelCombo, [
                (c, submissions.CHANNEL_TITLES[c](lang)) for c in submissions.CHANNELS]),
                (self.outcomeCombo, [(o, submissions.OUTCOME_TITLES[o](lang))
                                     for o in ("passed", "rejected", "withdrawn")]),
                (self.reasonCombo, [(r, _t(REASON_TITLES[r]))
                                    for r in submissions.REJECTION_REASONS])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value, text in values:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self._outcome_changed()
        self.show_case(self.case_id)

