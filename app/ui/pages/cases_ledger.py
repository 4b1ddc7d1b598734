"""The Member ledger tab of the Cases workspace: each member's restrictions, and restrictions
from before the app recorded by hand, so the Diagnose flow counts them (2.2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView

from app.store import ledger
from app.store.errors import StoreError
from app.ui.context import AppContext
from app.ui.forms.ui_cases import Ui_CasesPage
from app.ui.pages.cases_model import LedgerTableModel


class MemberLedgerTab(QObject):
    def __init__(self, ui: Ui_CasesPage, context: AppContext,
                 status: Callable[[str, int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ui, self.context, self.store, self._status = ui, context, context.store, status
        self.model = LedgerTableModel(context.catalogue, context.lang)
        ui.ledgerTable.setModel(self.model)
        header = ui.ledgerTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 200)
        header.setStretchLastSection(True)
        ui.ledgerTable.setTextElideMode(Qt.TextElideMode.ElideRight)
        ui.memberList.currentTextChanged.connect(self.show_member)
        ui.pastDateEdit.setDate(QDate.currentDate())
        ui.pastDateEdit.setMaximumDate(QDate.currentDate())
        for combo, length in ((ui.pastMemberCombo, 12), (ui.pastRuleCombo, 18)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
        ui.pastMemberCombo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        ui.pastAddButton.clicked.connect(self.add_past_restriction)
        self.fill_rules()

    def fill_rules(self) -> None:
        combo = self.ui.pastRuleCombo
        current = combo.currentData()
        combo.clear()
        for rule in self.context.catalogue.rules:
            combo.addItem(rule.title(self.context.lang), rule.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def set_members(self, members: Sequence[str]) -> None:
        ui = self.ui
        typed = ui.pastMemberCombo.currentText()
        ui.pastMemberCombo.clear()
        ui.pastMemberCombo.addItems(list(members))
        ui.pastMemberCombo.setEditText(typed)
        selected = ui.memberList.currentItem().text() if ui.memberList.currentItem() else None
        ui.memberList.blockSignals(True)
        ui.memberList.clear()
        ui.memberList.addItems(list(members))
        ui.memberList.blockSignals(False)
        rows = ui.memberList.findItems(selected or "", Qt.MatchFlag.MatchExactly)
        if rows:
            ui.memberList.setCurrentItem(rows[0])
        elif members:
            ui.memberList.setCurrentRow(0)
        else:
            self.show_member("")

    def show_member(self, userid: str) -> None:
        if not userid:
            self.model.set_entries([])
            self.ui.ledgerTitle.setText(QCoreApplication.translate(
                "CasesPage",
                "No members yet: a member is added when a case is recorded for them."))
            return
        self.ui.pastMemberCombo.setEditText(userid)
        entries = ledger.member_ledger(self.store.workspace(), userid)
        rule1 = sum(1 for e in entries if e.rule == "R1")
        self.model.set_entries(entries)
        self.ui.ledgerTitle.setText(QCoreApplication.translate(
            "CasesPage",
            "Violation ledger of {userid}: {count} restriction(s), {rule1} under rule 1.").format(
            userid=userid, count=len(entries), rule1=rule1))

    def add_past_restriction(self) -> bool:
        """A restriction from before the app: the Diagnose flow then counts it (2.2)."""
        ui = self.ui
        userid = ui.pastMemberCombo.currentText().strip()
        if not ledger.is_valid_userid(userid):
            self._status(QCoreApplication.translate(
                "CasesPage", "Not recorded: “{text}” is not a userid (1 to 64 printable "
                "characters, no blank at either end).").format(text=userid), 0)
            return False
        occurred = ui.pastDateEdit.date().toPython()
        try:
            ledger.add_past_violation(self.store.workspace(), userid, occurred,
                                      rule=ui.pastRuleCombo.currentData())
        except StoreError as exc:
            self._status(str(exc), 0)
            return False
        self._status(QCoreApplication.translate(
            "CasesPage", "Recorded an earlier restriction of {userid} on {date}.").format(
            userid=userid, date=occurred.isoformat()), 5000)
        self.store.cases_changed.emit()
        rows = ui.memberList.findItems(userid, Qt.MatchFlag.MatchExactly)
        if rows:
            ui.memberList.setCurrentItem(rows[0])
        self.show_member(userid)
        return True

    def retranslate(self) -> None:
        self.model.set_language(self.context.lang)
        self.fill_rules()
        current = self.ui.memberList.currentItem()
        self.show_member(current.text() if current else "")
