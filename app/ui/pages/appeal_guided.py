"""The statement's guided part on the Appeal page: the administrator's own words, section by
section (what happened: the day, the restricted accounts and the notice quoted, pre-filled from
the case; why we believe we complied, with the guiding questions; the
measures, each stated as done only when ticked; the request), kept in the case's draft. The
statement is built from them; what is still missing stays a visible placeholder 【请填写：…】,
highlighted in the text and listed under it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.appeal.statement import PLACEHOLDER, Measure, complied_prompts
from app.i18n import Lang
from app.store.drafts import StatementDraft
from app.ui import theme

SAVE_DELAY_MS = 600


class PlaceholderHighlighter(QSyntaxHighlighter):
    """Marks every 【请填写：…】 / [Please fill in: …] in the statement."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)

    def highlightBlock(self, text: str) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(theme.tokens()["warning_bg"]))
        fmt.setForeground(QColor(theme.tokens()["warning_text"]))
        fmt.setFontWeight(700)
        for match in PLACEHOLDER.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), fmt)


class StatementGuide(QGroupBox):
    """The administrator's words for the statement; ``changed`` after an edit (debounced)."""

    changed = Signal()

    def __init__(self, lang: Callable[[], Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statementGuide")
        self._lang = lang
        self._filling = False
        self._case_notice: str = ""
        self._case_day: dt.date | None = None
        self._case_accounts: list[str] = []
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # What happened: the facts the administrator entered with the case, correctable here.
        self.restrictedOn = QDateEdit(self, objectName="restrictedOnEdit", calendarPopup=True)
        self.restrictedOn.setDisplayFormat("yyyy-MM-dd")
        self.restrictedOn.setMaximumDate(QDate.currentDate())
        self.restrictedOnLabel = QLabel(self)
        self.restrictedOnLabel.setBuddy(self.restrictedOn)
        form.addRow(self.restrictedOnLabel, self.restrictedOn)
        self.notice = QPlainTextEdit(self, objectName="noticeEdit")
        self.notice.setTabChangesFocus(True)
        self.notice.setMinimumHeight(50)
        self.notice.setMaximumHeight(90)  # a notice is a few lines; the answers get the room
        self.noticeLabel = QLabel(self)
        self.noticeLabel.setBuddy(self.notice)
        form.addRow(self.noticeLabel, self.notice)
        self.accounts = QLineEdit(self, objectName="accountsEdit")
        self.accountsLabel = QLabel(self)
        self.accountsLabel.setBuddy(self.accounts)
        form.addRow(self.accountsLabel, self.accounts)
        self.prompts = QLabel(self, objectName="compliedPrompts", wordWrap=True)
        self.prompts.setProperty("hint", True)
        self.prompts.setMinimumWidth(200)
        self.complied = QPlainTextEdit(self, objectName="compliedEdit")
        self.complied.setTabChangesFocus(True)
        self.complied.setMinimumHeight(60)
        self.compliedLabel = QLabel(self)
        self.compliedLabel.setBuddy(self.complied)
        form.addRow(self.compliedLabel, self.prompts)
        form.addRow(self.complied)

        self.measures = QListWidget(self, objectName="measureList")
        self.measures.setMaximumHeight(80)
        self.measureEdit = QLineEdit(self, objectName="measureEdit")
        self.addMeasureButton = QPushButton(self, objectName="addMeasureButton")
        self.removeMeasureButton = QPushButton(self, objectName="removeMeasureButton")
        for button in (self.addMeasureButton, self.removeMeasureButton):
            button.setAutoDefault(False)
        self.measuresLabel = QLabel(self)
        self.measuresLabel.setBuddy(self.measureEdit)
        box = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self.measureEdit, 1)
        row.addWidget(self.addMeasureButton)
        row.addWidget(self.removeMeasureButton)
        box.addLayout(row)
        box.addWidget(self.measures)
        self.measuresHint = QLabel(self, objectName="measuresHint", wordWrap=True)
        self.measuresHint.setProperty("hint", True)
        self.measuresHint.setMinimumWidth(200)  # wraps rather than widening the page
        box.addWidget(self.measuresHint)
        form.addRow(self.measuresLabel, box)
        self.request = QLineEdit(self, objectName="requestEdit")
        self.requestLabel = QLabel(self)
        self.requestLabel.setBuddy(self.request)
        form.addRow(self.requestLabel, self.request)

        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.complied.textChanged.connect(self._edited)
        self.notice.textChanged.connect(self._edited)
        self.restrictedOn.dateChanged.connect(self._edited)
        self.accounts.textEdited.connect(self._edited)
        self.request.textEdited.connect(self._edited)
        self.measures.itemChanged.connect(self._edited)
        self.measureEdit.returnPressed.connect(self.add_measure)
        self.addMeasureButton.clicked.connect(self.add_measure)
        self.removeMeasureButton.clicked.connect(self.remove_measure)
        self.retranslate()

    # The draft ------------------------------------------------------------------------------

    def set_draft(self, draft: StatementDraft, *, case_notice: str | None = None,
                  case_day: dt.date | None = None, case_accounts: list[str] | None = None
                  ) -> None:
        """Show the draft's words; the notice and the day fall back to what the administrator
        entered with the case (its report's notice text, its restriction day, its member)."""
        self._filling = True
        self._timer.stop()
        self._case_notice, self._case_day = (case_notice or "").strip(), case_day
        self._case_accounts = list(case_accounts or [])
        notice = draft.notice if draft.notice and draft.notice.strip() else self._case_notice
        self.notice.setPlainText(notice)
        day = draft.restricted_on or case_day or dt.date.today()
        self.restrictedOn.setDate(QDate(day.year, day.month, day.day))
        self.complied.setPlainText(draft.complied or "")
        self.accounts.setText(("、" if self._lang() == "zh_CN" else ", ").join(
            draft.accounts or self._case_accounts))
        self.request.setText(draft.request or "")
        self.measures.clear()
        for measure in draft.measures:
            self._add_item(measure.text, measure.done)
        self._filling = False

    def fields(self) -> dict[str, object]:
        """The StatementDraft fields the guide edits (``text`` is the editor's)."""
        accounts = [a.strip() for a in self.accounts.text().replace("、", ",").replace(
            "，", ",").split(",") if a.strip()]
        measures = [Measure(text=self.measures.item(i).text(),
                            done=self.measures.item(i).checkState() == Qt.CheckState.Checked)
                    for i in range(self.measures.count())]
        notice = self.notice.toPlainText().strip()
        day = self.restrictedOn.date().toPython()
        return {"complied": self.complied.toPlainText().strip() or None,
                # Kept only where they differ from the case: a later fix of the case shows.
                "notice": notice if notice != self._case_notice else None,
                "restricted_on": day if day != self._case_day else None,
                "accounts": accounts if accounts != self._case_accounts else [],
                "request": self.request.text().strip() or None,
                "measures": [m.model_dump() for m in measures]}

    def flush(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    # Measures -------------------------------------------------------------------------------

    def _add_item(self, text: str, done: bool) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        self.measures.addItem(item)

    def add_measure(self) -> None:
        text = self.measureEdit.text().strip()
        if not text:
            return
        self._add_item(text, False)
        self.measureEdit.clear()
        self._edited()

    def remove_measure(self) -> None:
        row = self.measures.currentRow()
        if row >= 0:
            self.measures.takeItem(row)
            self._edited()

    def _edited(self, *_: object) -> None:
        if not self._filling:
            self._timer.start()

    def retranslate(self) -> None:
        lang = self._lang()
        self.setTitle(self.tr("Your words (the statement is written from them)"))
        self.restrictedOnLabel.setText(self.tr("Restricted &on:"))
        self.noticeLabel.setText(self.tr("The restriction &notice:"))
        self.notice.setPlaceholderText(self.tr("Paste the notice WeCom showed, word for word; "
                                               "the statement quotes it."))
        self.compliedLabel.setText(self.tr("&Why we believe we complied:"))
        self.prompts.setText("\n".join(f"• {p}" for p in complied_prompts(lang)))
        self.complied.setPlaceholderText(self.tr("Answer the questions above in your own "
                                                 "words; only what you write is sent."))
        self.accountsLabel.setText(self.tr("Restricted a&ccounts:"))
        self.accounts.setPlaceholderText(self.tr("userids or names, separated by commas"))
        self.measuresLabel.setText(self.tr("&Measures:"))
        self.measureEdit.setPlaceholderText(self.tr("A corrective or preventive measure"))
        self.addMeasureButton.setText(self.tr("&Add"))
        self.removeMeasureButton.setText(self.tr("Remo&ve"))
        self.measuresHint.setText(self.tr(
            "Tick a measure only when it has been done: the statement states ticked measures as "
            "done and asks about the others. Plan items of the latest self-audit are added "
            "(done only when marked done there)."))
        self.requestLabel.setText(self.tr("&Request (optional):"))
        self.request.setPlaceholderText(self.tr("Left empty: a plain request for review"))


class PlaceholderList(QObject):
    """The label under the statement listing what is still to fill in."""

    def __init__(self, label: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.items: list[str] = []

    def show_for(self, text: str) -> list[str]:
        from app.appeal.statement import placeholders

        self.items = placeholders(text)
        if self.items:
            self.label.setText(self.tr("Still to fill in ({count}): {items}").format(
                count=len(self.items), items="; ".join(self.items)))
        else:
            self.label.setText(self.tr("Nothing left to fill in."))
        self.label.setProperty("over", bool(self.items))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        return self.items
