"""The Checklist tab: answer the self-audit, see scores and findings, plan, save, compare.

Evidence files added to an answer (button or drag and drop) are encrypted into the workspace
vault; the saved audit refers to them by id. Removing one can be undone (Ctrl+Z)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMenu, QWidget

from app.audit.checklist import Checklist
from app.audit.scoring import (
    AnswerEntry,
    AuditAnswers,
    AuditInputError,
    AuditResult,
    PastAudit,
)
from app.ui import theme
from app.ui.audit_service import EvidenceItem, EvidenceVault, StoredAudit
from app.ui.context import AppContext
from app.ui.forms.ui_audit_checklist import Ui_AuditChecklistPage
from app.ui.pages import audit_io
from app.ui.pages.audit_scores import AuditScores
from app.ui.widgets.citation_chip import CHIP_STYLE
from app.ui.widgets.plan_table import PlanTable
from app.ui.widgets.question_card import CARD_STYLE, QuestionCard
from app.ui.widgets.trend_chart import TrendChart
from app.ui.workers import JobRunner, ThreadPoolRunner

log = logging.getLogger(__name__)

PAGE_STYLE = CHIP_STYLE + CARD_STYLE + 'QLabel[hint="true"] { color: @hint; }'


class RemoveEvidenceCommand(QUndoCommand):
    """Evidence taken off an answer goes to the store's trash; undo puts it back."""

    def __init__(self, page: AuditChecklistPage, card: QuestionCard, item: EvidenceItem,
                 row: int) -> None:
        super().__init__(QCoreApplication.translate("AuditChecklistPage", "remove {name}")
                         .format(name=item.name))
        self.page, self.card, self.item, self.row = page, card, item, row
        self._first = True

    def redo(self) -> None:
        if self._first:  # done already: the card took it off, the page trashed it
            self._first = False
            return
        if self.page.evidence_step(self.page.evidence.remove, self.item):
            self.card.remove_evidence(self.item.ref)

    def undo(self) -> None:
        if self.page.evidence_step(self.page.evidence.restore, self.item):
            self.card.add_evidence([self.item], row=self.row)


def _summary(stored: StoredAudit) -> PastAudit | None:
    """The stored audit's summary for the history; None when it is missing or malformed (an
    audit written by another version, say)."""
    try:
        return PastAudit.model_validate(stored.payload["summary"])
    except (KeyError, TypeError, ValidationError):
        return None


class AuditChecklistPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 runner: JobRunner | None = None,
                 ask_save_path: audit_io.AskSavePath = audit_io.ask_save_path,
                 ask_open_paths: audit_io.AskOpenPaths = audit_io.ask_open_paths,
                 confirm: audit_io.Confirm = audit_io.confirm) -> None:
        super().__init__(parent)
        self.context = context
        self.service = context.audit
        self.runner = runner or ThreadPoolRunner()
        self._ask_save_path = ask_save_path
        self._ask_open_paths = ask_open_paths
        self._confirm = confirm
        self.checklist: Checklist = self.service.checklist()
        self.result: AuditResult | None = None
        self.audit_id: str | None = None  # the stored audit being edited
        self.saved: list[StoredAudit] = []
        self.dirty = False
        self._loading = False
        self._jobs: list[Any] = []
        self.evidence = EvidenceVault(context.store)
        self._unsaved_evidence: list[EvidenceItem] = []  # added since the last save
        self.undo_stack = QUndoStack(self)

        self.ui = Ui_AuditChecklistPage()
        self.ui.setupUi(self)
        theme.style(self, PAGE_STYLE)
        ui = self.ui
        big = QFont(ui.overallLabel.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        ui.overallLabel.setFont(big)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.workTabs.setMinimumWidth(420)
        ui.summaryPanel.setMinimumWidth(320)
        ui.splitter.setSizes([620, 380])
        title = QFont(ui.findingsTitle.font())
        title.setBold(True)
        ui.findingsTitle.setFont(title)
        ui.exportProgress.setVisible(False)

        self.cards: dict[str, QuestionCard] = {}
        self._category_titles: dict[str, QLabel] = {}
        self._build_questions()
        self.scores = AuditScores(ui, self.checklist)
        self.plan = PlanTable(ui.planTable)
        self.plan.edited.connect(self._plan_edited)
        self._plan_stale = True
        ui.workTabs.currentChanged.connect(self._work_tab_changed)
        self.trend = TrendChart(ui.trendHost)
        ui.trendLayout.addWidget(self.trend)

        self.export_menu = QMenu(self)
        ui.exportButton.setMenu(self.export_menu)
        ui.newButton.clicked.connect(self.new_audit)
        ui.saveButton.clicked.connect(self.save_audit)
        ui.openButton.clicked.connect(self.open_selected)
        ui.historyList.itemActivated.connect(lambda _item: self.open_selected())
        for edit in (ui.titleEdit, ui.auditorEdit):
            edit.textEdited.connect(self._mark_dirty)
        ui.dateEdit.dateChanged.connect(self._mark_dirty)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save_audit)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_stack.undo)

        context.hub.language_changed.connect(self.retranslate)
        self.retranslate()
        self.new_audit(ask=False)
        self.reload_history()

    # Building ---------------------------------------------------------------------------------

    def _build_questions(self) -> None:
        layout = self.ui.questionsLayout
        lang = self.context.lang
        for group in self.checklist.categories:
            title = QLabel(objectName="categoryTitle")
            font = QFont(title.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.2)
            title.setFont(font)
            layout.addWidget(title)
            self._category_titles[group.id] = title
            for question in self.checklist.questions_in(group.id):
                card = QuestionCard(question, self.checklist, self.context.catalogue, lang,
                                    lambda parent, caption: self._ask_open_paths(
                                        parent, caption, self.tr("All files (*)")))
                card.changed.connect(self._answer_changed)
                card.files_added.connect(lambda paths, card=card: self.add_evidence(card, paths))
                card.evidence_removed.connect(
                    lambda item, row, card=card: self._evidence_removed(card, item, row))
                card.evidence_opened.connect(self.open_evidence)
                card.citation_shown.connect(
                    lambda text: self.context.hub.status_message.emit(text, 5000))
                layout.addWidget(card)
                self.cards[question.id] = card
        layout.addStretch(1)
        self.setFocusProxy(self.first_card().first_radio())

    def first_card(self) -> QuestionCard:
        return self.cards[self.checklist.questions_in(self.checklist.categories[0].id)[0].id]

    # The audit being answered -----------------------------------------------------------------

    def answers(self) -> AuditAnswers:
        entries = [AnswerEntry(question=qid, answer=card.answer(), note=card.note_text(),
                               evidence=card.evidence())
                   for qid, card in self.cards.items() if card.answer() is not None]
        history = [past for a in self.saved
                   if a.id != self.audit_id and (past := _summary(a)) is not None]
        finding_ids = list(self.cards)
        return AuditAnswers(
            title=self.ui.titleEdit.text().strip(), auditor=self.ui.auditorEdit.text().strip(),
            date=self.ui.dateEdit.date().toPython(), checklist_version=self.checklist.meta.version,
            answers=entries, remediation=self.plan.remediation(finding_ids), history=history)

    def load_answers(self, answers: AuditAnswers) -> None:
        self._loading = True
        self.undo_stack.clear()  # its commands belong to the answers being replaced
        given = {a.question: a for a in answers.answers}
        refs = [ref for a in answers.answers for ref in a.evidence]
        # One look-up for the whole audit: the vault is asked for once, not per question.
        items = {i.ref: i for i in self.evidence.items(
            self, refs, self.tr("Encrypted evidence (unlock the vault to see its name)"))}
        for qid, card in self.cards.items():
            entry = given.get(qid)
            card.set_state(entry.answer if entry else None, entry.note if entry else "",
                           [items[r] for r in entry.evidence if r in items] if entry else [])
        self.ui.titleEdit.setText(answers.title)
        self.ui.auditorEdit.setText(answers.auditor)
        self.ui.dateEdit.setDate(QDate(answers.date.year, answers.date.month, answers.date.day))
        self.plan.set_entries(answers.remediation)
        self._loading = False
        self.rescore()

    # Evidence -----------------------------------------------------------------------------------

    def add_evidence(self, card: QuestionCard, paths: list[str]) -> None:
        """Encrypt the files into the vault and list them on the card."""
        items, problems = self.evidence.add_files(self, card.question.id, paths)
        if items:
            self._unsaved_evidence += items
            card.add_evidence(items)
            self.context.hub.status_message.emit(self.tr(
                "{count} evidence file(s) added to the encrypted vault.").format(
                count=len(items)), 5000)
        if problems:
            self.ui.statusLabel.setText(self.tr("Evidence not added: {error}").format(
                error="; ".join(problems)))

    def _evidence_removed(self, card: QuestionCard, item: EvidenceItem, row: int) -> None:
        if not self.evidence_step(self.evidence.remove, item):
            card.add_evidence([item], row=row, notify=False)
            return
        self.undo_stack.push(RemoveEvidenceCommand(self, card, item, row))
        self.context.hub.status_message.emit(self.tr(
            "{name} removed. Undo with Ctrl+Z.").format(name=item.name), 5000)

    def evidence_step(self, step: Any, item: EvidenceItem) -> bool:
        """Trash or restore ``item`` in the store; False, and say why, when it fails."""
        try:
            step(item)
        except Exception as exc:  # the store's message is what the user needs
            log.warning("the evidence cannot be changed", exc_info=True)
            self.ui.statusLabel.setText(self.tr("The evidence cannot be changed: {error}")
                                        .format(error=exc))
            return False
        return True

    def open_evidence(self, item: EvidenceItem) -> None:
        try:
            self.evidence.open(self, item)
        except Exception as exc:
            log.warning("the evidence cannot be opened", exc_info=True)
            self.ui.statusLabel.setText(self.tr("The evidence cannot be opened: {error}")
                                        .format(error=exc))

    def _discard_unsaved_evidence(self) -> None:
        """Answers given up without saving: their new evidence files go to the store's trash
        (purged later), unless a saved audit refers to them."""
        kept = {ref for stored in self.saved
                for entry in (stored.payload.get("answers") or {}).get("answers", [])
                if isinstance(entry, dict) for ref in entry.get("evidence", [])}
        for item in self._unsaved_evidence:
            if item.ref not in kept:
                with contextlib.suppress(Exception):  # already removed by the user
                    self.evidence.remove(item)
        self._unsaved_evidence = []

    def _with_evidence_names(self, result: AuditResult) -> AuditResult:
        """The result for a report: evidence by file name, not by vault id."""
        names = {i.ref: i.name for card in self.cards.values() for i in card.evidence_items()}
        return result.model_copy(update={"findings": [
            f.model_copy(update={"evidence": [names.get(e, e) for e in f.evidence]})
            for f in result.findings]})

    def new_audit(self, ask: bool = True) -> None:
        if ask and self.dirty and not self._confirm(
                self, self.tr("Discard the answers that are not saved?")):
            return
        self._discard_unsaved_evidence()
        self.audit_id = None
        today = dt.date.today()
        self.load_answers(AuditAnswers(date=today, answers=[]))
        self.ui.historyList.clearSelection()
        self.dirty = False
        self._update_state_text()

    def _answer_changed(self, _qid: str) -> None:
        if not self._loading:
            self.rescore()
            self._mark_dirty()

    def _plan_edited(self) -> None:
        self._mark_dirty()

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True
            self._update_state_text()

    # Scores -------------------------------------------------------------------------------------

    def rescore(self) -> None:
        try:
            self.result = self.service.score(self.answers(), self.checklist)
        except AuditInputError:
            self.result = None
        self.scores.show(self.result, self.context.lang, len(self.cards))
        self._plan_stale = True
        self._refresh_plan()
        self.ui.exportButton.setEnabled(self.result is not None)

    def _work_tab_changed(self, _index: int) -> None:
        # The plan's six columns need the room more than the findings do while it is shown.
        total = sum(self.ui.splitter.sizes())
        side = self.ui.summaryPanel.minimumWidth() if self.ui.workTabs.currentWidget() is \
            self.ui.planTab else round(total * 0.38)
        self.ui.splitter.setSizes([total - side, side])
        self._refresh_plan()

    def _refresh_plan(self, *_: object) -> None:
        # Rebuilding the table's editors costs tens of milliseconds: only while it is in view.
        if self._plan_stale and self.ui.workTabs.currentWidget() is self.ui.planTab:
            self._plan_stale = False
            self.plan.show_plan(self.result.plan if self.result else [], self.checklist,
                                self.context.lang)

    # Saving and history -------------------------------------------------------------------------

    def save_audit(self) -> None:
        if self.result is None:
            self.ui.statusLabel.setText(self.tr("Answer at least one question before saving."))
            return
        answers = self.answers()
        result = self.result
        summary = PastAudit(date=answers.date, overall=result.overall, title=answers.title,
                            categories={c.id: c.score for c in result.categories
                                        if c.score is not None})
        payload = {"answers": answers.model_dump(mode="json", exclude={"history"}),
                   "summary": summary.model_dump(mode="json"), "level": result.level}
        try:
            self.audit_id = self.service.archive.save_self_audit(payload, self.audit_id)
        except Exception as exc:  # the store's message is what the user needs
            log.warning("the self-audit cannot be saved", exc_info=True)
            self.ui.statusLabel.setText(self.tr("Could not save the audit: {error}").format(
                error=exc))
            return
        self._unsaved_evidence = []
        self.dirty = False
        self.reload_history()
        self._update_state_text()
        self.context.hub.status_message.emit(self.tr("The audit was saved."), 5000)

    def reload_history(self) -> None:
        try:
            self.saved = self.service.archive.list_self_audits()
        except Exception as exc:
            log.warning("the saved self-audits cannot be listed", exc_info=True)
            self.saved = []
            self.ui.statusLabel.setText(self.tr("The workspace cannot be opened: {error}")
                                        .format(error=exc))
        self._show_history()

    def _show_history(self) -> None:
        lang = self.context.lang
        self.ui.historyList.clear()
        points = []
        for stored in reversed(self.saved):
            past = _summary(stored)
            if past is None:
                continue
            level = stored.payload.get("level") or self.checklist.risk.for_score(past.overall).id
            label = self.checklist.risk.level(level).label(lang)
            text = " · ".join(x for x in (past.date.isoformat(), past.title,
                                          f"{past.overall:.0f}", label) if x)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, stored.id)
            self.ui.historyList.addItem(item)
            if stored.id == self.audit_id:
                self.ui.historyList.setCurrentItem(item)
            points.append((past.date, past.overall))
        self.trend.set_points(points)
        self.ui.openButton.setEnabled(bool(self.saved))

    def open_selected(self) -> None:
        item = self.ui.historyList.currentItem()
        if item is None:
            return
        audit_id = item.data(Qt.ItemDataRole.UserRole)
        if audit_id == self.audit_id and not self.dirty:
            return
        if self.dirty and not self._confirm(self, self.tr("Discard the answers that are not "
                                                          "saved?")):
            return
        stored = next(s for s in self.saved if s.id == audit_id)
        try:
            answers = AuditAnswers.model_validate(stored.payload["answers"])
        except (KeyError, ValidationError) as exc:
            self.ui.statusLabel.setText(self.tr("This audit cannot be opened: {error}").format(
                error=exc))
            return
        self._discard_unsaved_evidence()
        self.audit_id = audit_id
        self.load_answers(answers)
        self.dirty = False
        self._update_state_text()

    def _update_state_text(self) -> None:
        if self.audit_id is None:
            text = self.tr("New audit, not saved yet.")
        elif self.dirty:
            text = self.tr("Changed since it was saved.")
        else:
            text = self.tr("Saved.")
        self.ui.statusLabel.setText(text)

    # Export ---------------------------------------------------------------------------------

    def _report_result(self) -> AuditResult | None:
        """The audit as it stands now, for an export: scored from the current answers and plan
        (owners and statuses set since the last answer change included), with the company's
        name from the enterprise profile."""
        answers = self.answers()
        answers = answers.model_copy(update={"enterprise": self._company_name()})
        try:
            return self.service.score(answers, self.checklist)
        except AuditInputError:
            return None

    def _company_name(self) -> str:
        """The company's name (public, readable without unlocking the vault); "" when there is
        no profile yet."""
        try:
            from app.store import profile as store_profile

            view = store_profile.profile_view(self.context.store.workspace())
        except Exception as exc:  # the report goes out without the name, never fails on it
            log.info("the company name for the report cannot be read: %s", exc)
            return ""
        return view.company_name if view is not None else ""

    def export(self, kind: str) -> None:
        current = self._report_result()
        if current is None:
            return
        result, lang, checklist = (self._with_evidence_names(current), self.context.lang,
                                   self.checklist)
        captions = {"pdf": self.tr("Export the audit report as PDF"),
                    "csv": self.tr("Export the audit as CSV"),
                    "json": self.tr("Export the audit as JSON")}
        path = self._ask_save_path(self, captions[kind],
                                   audit_io.suggested_name("wecom-self-audit", kind),
                                   audit_io.EXPORT_FILTERS[kind])
        if not path:
            return

        def write() -> None:
            if kind == "pdf":
                from app.audit.report import audit_report_pdf

                audit_report_pdf(result, path, lang, checklist)
            elif kind == "csv":
                from app.audit.exports import audit_csv

                audit_csv(result, path, lang, checklist)
            else:
                from app.audit.exports import audit_json, write_json

                write_json(audit_json(result, lang), path)

        job = audit_io.run_export(self.runner, write, path, lang, self.ui.exportProgress,
                                  self.ui.statusLabel, lambda p: self.context.hub.status_message
                                  .emit(self.tr("Exported to {path}").format(path=p), 5000))
        self._jobs.append(job)
        job.signals.finished.connect(lambda _r: self._jobs.remove(job))
        job.signals.failed.connect(lambda _m: self._jobs.remove(job))

    # Language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        lang = self.context.lang
        self.export_menu.clear()
        for kind, text in (("pdf", self.tr("PDF report…")), ("csv", self.tr("CSV (editable)…")),
                           ("json", self.tr("JSON…"))):
            self.export_menu.addAction(text, lambda kind=kind: self.export(kind))
        for group in self.checklist.categories:
            self._category_titles[group.id].setText(group.title(lang))
        for card in self.cards.values():
            card.retranslate(lang)
        self.plan.retranslate()
        self.trend.retranslate()
        self.rescore()
        self._show_history()
        self._update_state_text()
