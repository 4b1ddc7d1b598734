"""The Cases workspace: every restriction as a case (filterable list, detail with timeline,
deadlines and documents) and the member ledger. Every edit is saved at once; deleting a case
or removing a document can be undone (Ctrl+Z)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDateTime,
    QEvent,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QDropEvent, QFont, QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import QComboBox, QHeaderView, QListWidgetItem, QWidget

from app.store import cases, documents, ledger
from app.store.cases import CASE_STATUSES, TRANSITIONS, CaseDetail
from app.store.deadlines import AUTO_UNBLOCK_HOURS, AUTO_UNBLOCK_SECTION, waits_for_wechat
from app.store.errors import StoreError
from app.ui import file_dialogs, theme
from app.ui.context import AppContext
from app.ui.forms.ui_cases import Ui_CasesPage
from app.ui.pages.cases_ledger import MemberLedgerTab
from app.ui.pages.cases_model import (
    CASE_ID_ROLE,
    CaseTableModel,
    account_title,
    category_title,
    local_time,
    route_title,
    rule_title,
    status_title,
)
from app.ui.pages.cases_submissions import DuePanel, SubmissionsBox
from app.ui.pages.cases_undo import DeleteCaseCommand, RemoveDocumentCommand
from app.ui.widgets.citation_chip import section_label
from app.ui.widgets.locked_banner import LockedBanner

DOC_ROLE = Qt.ItemDataRole.UserRole
DOCUMENT_TITLES = {
    "business_license": QT_TRANSLATE_NOOP("CasesPage", "Business licence"),
    "legal_person_id_front": QT_TRANSLATE_NOOP("CasesPage", "Legal person's ID card (front)"),
    "legal_person_id_back": QT_TRANSLATE_NOOP("CasesPage", "Legal person's ID card (back)"),
    "legal_person_holding_id": QT_TRANSLATE_NOOP("CasesPage",
                                                 "Legal person holding the ID card"),
    "seal_authorization_letter": QT_TRANSLATE_NOOP("CasesPage",
                                                   "Company-seal authorisation letter"),
    "notice_screenshot": QT_TRANSLATE_NOOP("CasesPage", "Screenshot of the notice"),
    "evidence": QT_TRANSLATE_NOOP("CasesPage", "Evidence"),
}
PAGE_STYLE = 'QLabel[hint="true"] { color: @hint; }'

# Asks which files to attach: (parent, caption) -> paths (empty when cancelled).
AskOpenPaths = Callable[[QWidget, str], Sequence[str]]


def _ask_open_paths(parent: QWidget, caption: str) -> Sequence[str]:
    return file_dialogs.open_files(parent, "evidence", caption, QCoreApplication.translate(
        "CasesPage", "Images and PDFs (*.jpg *.jpeg *.png *.heic *.webp *.pdf);;All files (*)"))


def document_title(kind: str) -> str:
    return QCoreApplication.translate("CasesPage", DOCUMENT_TITLES.get(kind, kind))


class CasesPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 ask_open_paths: AskOpenPaths = _ask_open_paths) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self._ask_open_paths = ask_open_paths
        self.case: CaseDetail | None = None
        self._vault_asked = False
        self._reloading = False
        self.locked = LockedBanner(  # first in the tab order
            self.store, self.tr("the notices and the documents of the cases"), self)
        self.ui = ui = Ui_CasesPage()
        ui.setupUi(self)
        theme.style(self, PAGE_STYLE)
        font = QFont(ui.caseTitle.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        ui.caseTitle.setFont(font)

        ui.pageLayout.insertWidget(0, self.locked)
        lang = lambda: self.context.lang  # noqa: E731
        self.due = DuePanel(self.store, lang, ui.casesTab)
        ui.casesTabLayout.insertWidget(0, self.due)
        self.due.case_activated.connect(self.select_case)
        self.submissions = SubmissionsBox(self.store, lang, ui.detailBody)
        ui.detailBodyLayout.insertWidget(
            ui.detailBodyLayout.indexOf(ui.statusGroup) + 1, self.submissions)
        self.submissions.changed.connect(self.store.cases_changed.emit)
        self.submissions.ticked.connect(lambda: self.due.refresh())
        self.submissions.status.connect(self._status)
        self.submissions.open_package.connect(lambda case_id: context.hub.open_case(case_id))
        self.model = CaseTableModel(context.catalogue, context.lang)
        ui.caseTable.setModel(self.model)
        header = ui.caseTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (3, 4):  # rule and route titles are long: elided, whole in the tooltip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 160)
        header.setStretchLastSection(True)
        ui.caseTable.setTextElideMode(Qt.TextElideMode.ElideRight)
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        ui.caseTable.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.ledger = MemberLedgerTab(ui, context, self._status, self)

        self.undo_stack = QUndoStack(self)
        self.undo_stack.canUndoChanged.connect(ui.undoButton.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._update_undo_tooltip)
        ui.undoButton.setEnabled(False)
        ui.undoButton.clicked.connect(self.undo_stack.undo)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_stack.undo)

        for combo in (ui.statusFilter, ui.memberFilter, ui.ruleFilter):
            combo.currentIndexChanged.connect(self.refresh)
            # Rule titles are long sentences: a bounded width keeps the page narrow.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        ui.ruleFilter.setMinimumContentsLength(12)
        for combo, length in ((ui.pastMemberCombo, 8), (ui.pastRuleCombo, 12)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(length)
        self._buttons = {"unblock_requested": ui.requestButton,
                         "appeal_submitted": ui.appealButton, "resolved": ui.resolveButton,
                         "restricted": ui.reopenButton}
        for status, button in self._buttons.items():
            button.clicked.connect(lambda _=False, status=status: self.set_status(status))
        ui.wechatButton.clicked.connect(self.record_wechat_unblocked)
        ui.addDocButton.clicked.connect(self.add_documents)
        ui.removeDocButton.clicked.connect(self.remove_document)
        ui.documentList.currentRowChanged.connect(self._update_document_buttons)
        ui.deleteButton.clicked.connect(self.delete_case)
        ui.detail.setAcceptDrops(True)
        ui.detail.installEventFilter(self)

        self.store.cases_changed.connect(self.refresh)
        self.store.vault_changed.connect(self._show_current)
        context.hub.language_changed.connect(self.retranslate)
        theme.announcer().changed.connect(self._render_case_text)
        self._fill_filters()
        self.refresh()

    # Loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._vault_asked:
            # First opening: set up the vault (first run) or unlock it, once the page shows.
            self._vault_asked = True
            QTimer.singleShot(0, lambda: self.store.offer_unlock(self, setup=True))

    def _status(self, text: str, timeout: int = 5000) -> None:
        self.context.hub.status_message.emit(text, timeout)

    def _fill_filters(self) -> None:
        ui = self.ui
        for combo in (ui.statusFilter, ui.ruleFilter):
            combo.blockSignals(True)
        current_status, current_rule = ui.statusFilter.currentData(), ui.ruleFilter.currentData()
        ui.statusFilter.clear()
        ui.statusFilter.addItem(self.tr("All"), None)
        for status in CASE_STATUSES:
            ui.statusFilter.addItem(status_title(status), status)
        ui.ruleFilter.clear()
        ui.ruleFilter.addItem(self.tr("All"), None)
        for rule in self.context.catalogue.rules:
            ui.ruleFilter.addItem(rule.title(self.context.lang), rule.id)
        ui.statusFilter.setCurrentIndex(max(0, ui.statusFilter.findData(current_status)))
        ui.ruleFilter.setCurrentIndex(max(0, ui.ruleFilter.findData(current_rule)))
        ui.kindCombo.clear()
        for kind in documents.DOCUMENT_KINDS:
            ui.kindCombo.addItem(document_title(kind), kind)
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("evidence"))
        for combo in (ui.statusFilter, ui.ruleFilter):
            combo.blockSignals(False)

    def _fill_members(self, members: list[str]) -> None:
        ui = self.ui
        ui.memberFilter.blockSignals(True)
        current = ui.memberFilter.currentData()
        ui.memberFilter.clear()
        ui.memberFilter.addItem(self.tr("All"), None)
        for userid in members:
            ui.memberFilter.addItem(userid, userid)
        ui.memberFilter.setCurrentIndex(max(0, ui.memberFilter.findData(current)))
        ui.memberFilter.blockSignals(False)
        self.ledger.set_members(members)

    def refresh(self) -> None:
        """Reload the list (with the filters) and the shown case from the store."""
        ui = self.ui
        try:
            ws = self.store.workspace()
            self._fill_members([m.userid for m in ledger.list_members(ws)])
            found = cases.list_cases(ws, status=ui.statusFilter.currentData(),
                                     userid=ui.memberFilter.currentData(),
                                     rule=ui.ruleFilter.currentData())
        except StoreError as exc:
            ui.emptyLabel.setText(self.tr("The workspace cannot be opened: {error}").format(
                error=exc))
            self._show_case(None)
            return
        keep = self.case.id if self.case else None
        self.due.refresh()
        # Re-selecting the shown case after a reload is not a choice of the user's: it must not
        # move the other pages (a build on the Appeal page saves a record and reloads this list).
        self._reloading = True
        try:
            self.model.set_cases(found)
            row = self.model.row_of(keep) if keep else -1
            if row >= 0:
                ui.caseTable.selectRow(row)
                self._show_current()
            else:
                self._show_case(None)
        finally:
            self._reloading = False

    def select_case(self, case_id: str) -> bool:
        row = self.model.row_of(case_id)
        if row < 0:
            return False
        self.ui.caseTable.selectRow(row)
        return True

    def _current_row_changed(self, current: object, _previous: object = None) -> None:
        index = self.ui.caseTable.currentIndex()
        case_id = index.data(CASE_ID_ROLE) if index.isValid() else None
        self._load(case_id)
        if case_id and not self._reloading:
            self.context.hub.set_current_case(case_id)  # the Appeal page follows

    def _show_current(self) -> None:
        index = self.ui.caseTable.currentIndex()
        self._load(index.data(CASE_ID_ROLE) if index.isValid() else None)

    def _load(self, case_id: str | None) -> None:
        if case_id is None:
            self._show_case(None)
            return
        try:
            self._show_case(cases.get_case(self.store.workspace(), case_id))
        except StoreError as exc:
            self._status(str(exc), 0)
            self._show_case(None)

    # Detail -------------------------------------------------------------------------------

    def _show_case(self, case: CaseDetail | None) -> None:
        ui = self.ui
        self.case = case
        ui.emptyLabel.setVisible(case is None)
        ui.detailBody.setVisible(case is not None)
        self.submissions.show_case(case.id if case else None)
        if case is None:
            return
        self._render_case_text()
        ui.timelineList.clear()
        for event in case.timeline:
            what = (status_title(event.value or "") if event.kind == "status"
                    else self.tr("Waiting until {date}").format(date=event.value or "")
                    if event.kind == "wait_until"
                    else self.tr("The linked WeChat account was unblocked"))
            ui.timelineList.addItem(f"{local_time(event.at)}   {what}")
        for status, button in self._buttons.items():
            button.setEnabled(status in TRANSITIONS[case.status])
        ui.wechatRow.setVisible(waits_for_wechat(case.diagnosis, case.report.duration))
        ui.wechatEdit.setDateTime(QDateTime.currentDateTime())

        ui.documentList.clear()
        for doc in case.documents:
            item = QListWidgetItem(self.tr("{kind} · {size} KB · added {date}").format(
                kind=document_title(doc.kind), size=max(1, round(doc.size / 1024)),
                date=doc.added[:10]))
            item.setData(DOC_ROLE, doc.id)
            ui.documentList.addItem(item)
        if not case.documents:
            item = QListWidgetItem(self.tr("No documents yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            ui.documentList.addItem(item)
        self._update_document_buttons()

    def _render_case_text(self, *_: object) -> None:
        """The case's title, summary and deadlines: rich text in the scheme's colours, so it is
        made again when the theme changes."""
        case, ui = self.case, self.ui
        if case is None:
            return
        lang, catalogue = self.context.lang, self.context.catalogue
        hint = theme.tokens()["hint"]
        who = case.userid or account_title(case.account)
        ui.caseTitle.setText(self.tr("Case {id} · {who} · restricted on {date}").format(
            id=case.id, who=who, date=case.restricted_on.isoformat()))
        d = case.diagnosis
        rows = [
            (self.tr("Status"), status_title(case.status)),
            (self.tr("Route"), route_title(catalogue, d.appeal_route, lang)),
            (self.tr("Rule"), rule_title(catalogue, d.rule, d.step, lang)),
            (self.tr("Violation"), category_title(catalogue, d.category, lang)),
            (self.tr("Earlier rule-1 restrictions"), str(case.report.prior_violations)),
            (self.tr("Sections"), ", ".join(f"§{s}" for s in d.citations) or "—"),
        ]
        ui.caseSummary.setText("<table cellspacing='2'>" + "".join(
            f"<tr><td style='color:{hint}; padding-right:12px'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>" for k, v in rows) + "</table>")

        waits = waits_for_wechat(d, case.report.duration)
        lines = []
        for deadline in case.deadlines:
            state = {"pending": self.tr("Upcoming"), "overdue": self.tr("Overdue"),
                     "met": self.tr("Met")}[deadline.state]
            cites = "; ".join(section_label(catalogue, s, lang) for s in deadline.citations)
            lines.append(f"<p><b>{html.escape(state)}:</b> {html.escape(deadline.text(lang))}"
                         f"<br><span style='color:{hint}'>{html.escape(cites)}</span></p>")
        if not lines and waits:
            lines.append("<p>" + html.escape(self.tr(
                "Rule 2: WeCom should unblock the account within {hours} h after the linked "
                "WeChat account is unblocked ({section}). Enter the date the WeChat account was "
                "unblocked to see the deadline.").format(
                hours=AUTO_UNBLOCK_HOURS,
                section=section_label(catalogue, AUTO_UNBLOCK_SECTION, lang))) + "</p>")
        if not lines:
            lines.append("<p>" + html.escape(self.tr("No deadline applies to this case.")) +
                         "</p>")
        ui.deadlinesLabel.setText("".join(lines))

    def _update_document_buttons(self, *_: object) -> None:
        item = self.ui.documentList.currentItem()
        self.ui.removeDocButton.setEnabled(item is not None and item.data(DOC_ROLE) is not None)

    def _update_undo_tooltip(self, text: str) -> None:
        self.ui.undoButton.setToolTip(self.tr("Undo {action} (Ctrl+Z)").format(action=text)
                                      if text else self.tr("Undo the last deletion (Ctrl+Z)"))

    # Edits (each one saved at once) -------------------------------------------------------

    def set_status(self, status: str) -> None:
        if self.case is None:
            return
        try:
            cases.set_status(self.store.workspace(), self.case.id, status)
        except StoreError as exc:
            self._status(str(exc), 0)
            return
        self._status(self.tr("Case {id}: {status}").format(id=self.case.id,
                                                           status=status_title(status)))
        self.store.cases_changed.emit()

    def record_wechat_unblocked(self) -> None:
        if self.case is None:
            return
        at = self.ui.wechatEdit.dateTime().toPython()
        if at.tzinfo is None:
            at = at.astimezone()
        try:
            cases.record_wechat_unblocked(self.store.workspace(), self.case.id, at)
        except StoreError as exc:
            self._status(str(exc), 0)
            return
        self._show_current()

    def add_documents(self) -> None:
        if self.case is None:
            return
        paths = self._ask_open_paths(self, self.tr("Attach documents to case {id}").format(
            id=self.case.id))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: Sequence[Path]) -> int:
        """Encrypt the files into the vault and attach them as the chosen kind."""
        if self.case is None or not paths or not self.store.ensure_vault(self):
            return 0
        kind = self.ui.kindCombo.currentData()
        added = 0
        for path in paths:
            try:
                documents.add_document(self.store.workspace(), self.case.id, kind,
                                       path.read_bytes(), filename=path.name)
            except (OSError, StoreError) as exc:
                self._status(self.tr("Could not attach {name}: {error}").format(
                    name=path.name, error=getattr(exc, "strerror", None) or exc), 0)
                continue
            added += 1
        if added:
            self._status(self.tr("{count} document(s) attached to case {id}.").format(
                count=added, id=self.case.id))
        self._show_current()
        return added

    def remove_document(self) -> None:
        item = self.ui.documentList.currentItem()
        if self.case is None or item is None or item.data(DOC_ROLE) is None:
            return
        title = item.text().split(" · ")[0]
        self.undo_stack.push(RemoveDocumentCommand(self.store.workspace(), item.data(DOC_ROLE),
                                                   title, self._show_current))
        self._status(self.tr("{document} removed. Undo with Ctrl+Z.").format(document=title))

    def delete_case(self) -> None:
        if self.case is None:
            return
        case_id = self.case.id
        self.undo_stack.push(DeleteCaseCommand(self.store.workspace(), case_id,
                                               self.store.cases_changed.emit))
        self._status(self.tr("Case {id} moved to the trash. Undo with Ctrl+Z.").format(
            id=case_id), 10000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.detail and event.type() in (QEvent.Type.DragEnter,
                                                          QEvent.Type.DragMove,
                                                          QEvent.Type.Drop):
            drop: QDropEvent = event  # type: ignore[assignment]
            paths = [Path(url.toLocalFile()) for url in drop.mimeData().urls()
                     if url.isLocalFile()]
            if self.case is None or not paths:
                event.ignore()
                return True
            drop.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.add_files([p for p in paths if p.is_file()])
            return True
        return super().eventFilter(watched, event)

    # Language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.model.set_language(self.context.lang)
        self._fill_filters()
        self.refresh()
        self.ledger.retranslate()
        self._update_undo_tooltip(self.undo_stack.undoText())
        self.locked.set_what(self.tr("the notices and the documents of the cases"))
        self.due.refresh()
        self.submissions.retranslate()

