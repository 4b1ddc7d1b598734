"""The Diagnose workspace: a guided flow (restriction → notice → history → result)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QPushButton,
    QRadioButton,
    QWidget,
)

from app.rules.contract import Diagnosis, RestrictionReport
from app.store import cases
from app.store.errors import StoreError
from app.ui import file_dialogs, theme
from app.ui.context import AppContext
from app.ui.forms.ui_diagnose import Ui_DiagnosePage
from app.ui.pages.diagnose_hint import NoticeHint
from app.ui.pages.diagnose_member import MemberPicker
from app.ui.pages.diagnose_next import NextStepPanel
from app.ui.widgets.diagnosis_view import DiagnosisView

log = logging.getLogger(__name__)

STEP_TITLES = (
    QT_TRANSLATE_NOOP("DiagnosePage", "What is restricted"),
    QT_TRANSLATE_NOOP("DiagnosePage", "What the notice says"),
    QT_TRANSLATE_NOOP("DiagnosePage", "History"),
    QT_TRANSLATE_NOOP("DiagnosePage", "Result"),
)
RESTRICTION, NOTICE, HISTORY, RESULT = range(4)
HINT_DELAY_MS = 300
PAGE_STYLE = 'QLabel[hint="true"] { color: @hint; }'

# Asks where to save: (parent, caption, suggested path) -> chosen path or "".
AskSavePath = Callable[[QWidget, str, str], str]

def _ask_save_path(parent: QWidget, caption: str, suggested: str) -> str:
    return file_dialogs.save_file(parent, "export", caption, suggested,
                                  QCoreApplication.translate("DiagnosePage", "Text files (*.txt)"))

class DiagnosePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 ask_save_path: AskSavePath = _ask_save_path) -> None:
        super().__init__(parent)
        self.context = context
        self._ask_save_path = ask_save_path
        self.diagnosis: Diagnosis | None = None
        self._report: RestrictionReport | None = None
        self._hint = NoticeHint.empty()
        self.ui = Ui_DiagnosePage()
        self.ui.setupUi(self)
        theme.style(self, PAGE_STYLE)
        font = QFont(self.ui.stepTitle.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.ui.stepTitle.setFont(font)

        ui = self.ui
        self.questions: dict[str, dict[object, QRadioButton]] = {
            "account": {"member": ui.radioMember, "admin": ui.radioAdmin,
                        "enterprise": ui.radioEnterprise},
            "scope": {"interop": ui.radioInterop, "account": ui.radioWholeAccount},
            "duration": {"temporary": ui.radioTemporary, "permanent": ui.radioPermanent,
                         "until_wechat_unblocked": ui.radioUntilWechat,
                         "unknown": ui.radioDurationUnknown},
            "linked_wechat_banned": {True: ui.linkedYes, False: ui.linkedNo,
                                     None: ui.linkedUnknown},
            "self_unblock_offered": {True: ui.selfUnblockYes, False: ui.selfUnblockNo,
                                     None: ui.selfUnblockUnknown},
        }
        self._groups: dict[str, QButtonGroup] = {}
        for name, radios in self.questions.items():
            group = QButtonGroup(self)
            for radio in radios.values():
                group.addButton(radio)
            group.buttonToggled.connect(self._update_navigation)
            self._groups[name] = group
        self._groups["account"].buttonToggled.connect(self._show_applicable_questions)

        self.result_view = DiagnosisView(ui.resultHost)
        # What to do next, first: prepare the package, wait until a date, or the steps.
        self.next_panel = NextStepPanel(ui.resultHost)
        self.next_panel.prepare_package.connect(self.prepare_package)
        self.next_panel.wait_date_set.connect(self._keep_wait_date)
        ui.resultHostLayout.addWidget(self.next_panel)
        ui.resultHostLayout.addWidget(self.result_view)
        self.result_view.citation_shown.connect(
            lambda text: context.hub.status_message.emit(text, 5000))

        # The workspace: which member (their ledger fills priorSpin, 2.2), record as a case.
        self.recorded_case: str | None = None
        self.member_picker = MemberPicker(context.store, ui.priorSpin, ui.stepHistoryContent)
        ui.stepHistoryContentLayout.insertWidget(
            ui.stepHistoryContentLayout.indexOf(ui.groupPrior), self.member_picker)
        QWidget.setTabOrder(ui.selfUnblockUnknown, self.member_picker.combo)
        QWidget.setTabOrder(self.member_picker.combo, ui.priorSpin)
        self.recordButton = QPushButton(ui.stepResult)
        self.recordButton.setObjectName("recordButton")
        ui.resultButtons.insertWidget(ui.resultButtons.indexOf(ui.saveButton) + 1,
                                      self.recordButton)
        self.recordButton.clicked.connect(self.record_case)
        context.store.cases_changed.connect(self.member_picker.reload)

        self._hint_timer = QTimer(self, singleShot=True, interval=HINT_DELAY_MS)
        self._hint_timer.timeout.connect(self.update_hint)
        ui.noticeEdit.textChanged.connect(self._hint_timer.start)
        ui.applyHintButton.clicked.connect(self.apply_hint)
        ui.nextButton.clicked.connect(self.next_step)
        ui.backButton.clicked.connect(self.previous_step)
        ui.startOverButton.clicked.connect(self.start_over)
        ui.copyButton.clicked.connect(self.copy_result)
        ui.saveButton.clicked.connect(self.save_result)
        for keys, slot in ((QKeySequence("Ctrl+Shift+C"), self.copy_result),
                           (QKeySequence(QKeySequence.StandardKey.Save), self.save_result),
                           (QKeySequence("Ctrl+R"), self.record_case)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        context.hub.language_changed.connect(self.retranslate)
        self._retranslate_workspace()
        self.start_over()

    # Answers --------------------------------------------------------------------------------

    def answer(self, question: str) -> object:
        """The checked answer of a radio question; ``...`` when none is checked."""
        for value, radio in self.questions[question].items():
            if radio.isChecked():
                return value
        return ...

    def set_answer(self, question: str, value: object) -> None:
        self.questions[question][value].setChecked(True)

    def step_complete(self, step: int) -> bool:
        if step == RESTRICTION:
            asked = ("account", "duration") if self.answer("account") == "enterprise" else \
                ("account", "scope", "duration")
            return all(self.answer(q) is not ... for q in asked)
        return True

    def is_member(self) -> bool:
        """A member account: the questions about its WeChat account, the console's offer and
        its earlier restrictions (the rule-1 ladder, 2.2) apply only to it."""
        return self.answer("account") in ("member", ...)

    def _show_applicable_questions(self, *_: object) -> None:
        ui, member = self.ui, self.is_member()
        # The whole enterprise blocked: no interop/account distinction to ask about.
        ui.groupScope.setVisible(self.answer("account") != "enterprise")
        for widget in (ui.groupLinked, ui.groupSelfUnblock, ui.groupPrior, self.member_picker):
            widget.setVisible(member)

    def report(self) -> RestrictionReport:
        notice = self.ui.noticeEdit.toPlainText().strip()
        account = self.answer("account")
        facts: dict[str, object] = {}
        if self.is_member():
            facts = {"self_unblock_offered": self.answer("self_unblock_offered"),
                     "linked_wechat_banned": self.answer("linked_wechat_banned"),
                     "prior_violations": self.ui.priorSpin.value()}
        return RestrictionReport(
            account=account,
            scope="account" if account == "enterprise" else self.answer("scope"),
            duration=self.answer("duration"),
            notice_text=notice or None,
            believes_wrongful=self.ui.wrongfulCheck.isChecked(),
            **facts,
        )

    # Navigation -----------------------------------------------------------------------------

    def current_step(self) -> int:
        return self.ui.steps.currentIndex()

    def go_to(self, step: int) -> None:
        if step == HISTORY:
            self.member_picker.reload()
        self.ui.steps.setCurrentIndex(step)
        self._update_navigation()
        self._focus_step(step)

    def next_step(self) -> None:
        step = self.current_step()
        if step == RESULT or not self.step_complete(step):
            return
        if step == HISTORY:
            self.show_result()
        self.go_to(step + 1)

    def previous_step(self) -> None:
        if self.current_step() > RESTRICTION:
            self.go_to(self.current_step() - 1)

    def start_over(self) -> None:
        for name, group in self._groups.items():
            group.setExclusive(False)
            for radio in self.questions[name].values():
                radio.setChecked(False)
            group.setExclusive(True)
        self.set_answer("linked_wechat_banned", None)
        self.set_answer("self_unblock_offered", None)
        self.ui.priorSpin.setValue(0)
        self.member_picker.clear()
        self.ui.wrongfulCheck.setChecked(False)
        self.ui.noticeEdit.clear()
        self._hint_timer.stop()
        self.update_hint()
        self.diagnosis = None
        self._report = None
        self.recorded_case = None
        self.result_view.clear()
        self.next_panel.show_for(None, self.context.lang)
        self._show_applicable_questions()
        self.go_to(RESTRICTION)

    def _focus_step(self, step: int) -> None:
        first = {RESTRICTION: "account", HISTORY: "linked_wechat_banned"}.get(step)
        if step == HISTORY and not self.is_member():
            target: QWidget = self.ui.wrongfulCheck  # the only question left for it
        elif first:
            radios = self.questions[first]
            checked = [r for r in radios.values() if r.isChecked()]
            target = (checked or list(radios.values()))[0]
        elif step == NOTICE:
            target = self.ui.noticeEdit
        else:
            target = self.ui.copyButton
        # The window gives the page focus (Ctrl+1); the proxy sends it to the step's first field.
        self.setFocusProxy(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_navigation(self, *_: object) -> None:
        step = self.current_step()
        self.ui.stepTitle.setText(QCoreApplication.translate("DiagnosePage", STEP_TITLES[step]))
        self.ui.stepProgress.setText(self.tr("Step {number} of {total}").format(
            number=step + 1, total=len(STEP_TITLES)))
        self.ui.backButton.setEnabled(step > RESTRICTION)
        self.ui.nextButton.setEnabled(step < RESULT and self.step_complete(step))
        self.ui.nextButton.setVisible(step < RESULT)
        self.ui.stepOneHint.setVisible(not self.step_complete(RESTRICTION))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves on; on a focused push button it presses that button instead.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = QApplication.focusWidget()
            if isinstance(focus, QPushButton) and self.isAncestorOf(focus):
                focus.click()
            else:
                self.next_step()
            event.accept()
            return
        super().keyPressEvent(event)

    # Notice hint ----------------------------------------------------------------------------

    def update_hint(self) -> None:
        text = self.ui.noticeEdit.toPlainText().strip()
        if text:
            result = self.context.rules.classify_notice(text, self.context.catalogue)
            self._hint = NoticeHint.from_classification(result, self.context.catalogue,
                                                        self.context.lang)
        else:
            self._hint = NoticeHint.empty()
        self.ui.hintCategory.setText(self._hint.category)
        self.ui.hintSignals.setText(self._hint.signals)
        self.ui.hintSignals.setVisible(bool(self._hint.signals))
        self.ui.applyHintButton.setEnabled(bool(self._hint.answers))
        self.ui.hintApplied.clear()

    def apply_hint(self) -> None:
        """Pre-fill step 1 from the notice, only because the user asked for it."""
        for question, value in self._hint.answers.items():
            self.set_answer(question, value)
        self.ui.hintApplied.setText(self.tr("Step 1 updated; check it with Back."))
        self._update_navigation()

    # Result ---------------------------------------------------------------------------------

    def show_result(self) -> None:
        try:
            self._report = self.report()
        except ValidationError as exc:  # e.g. a notice longer than the contract allows
            self._report = self.diagnosis = None
            self.result_view.show_error("; ".join(e["msg"] for e in exc.errors()))
            self.ui.copyButton.setEnabled(False)
            self.ui.saveButton.setEnabled(False)
            self.recordButton.setEnabled(False)
            return
        self.recorded_case = None
        self._render_result()
        self.scroll_result_to_top()

    def scroll_result_to_top(self) -> None:
        """A new result is read from its beginning, not where the previous one was left."""
        bar = self.ui.resultScroll.verticalScrollBar()
        bar.setValue(bar.minimum())
        QTimer.singleShot(0, bar, lambda: bar.setValue(bar.minimum()))  # once laid out

    def _render_result(self) -> None:
        if self._report is None:
            return
        checked = [k for k, c in self.result_view.document_checks.items() if c.isChecked()]
        try:
            self.diagnosis = self.context.rules.diagnose(self._report, self.context.catalogue,
                                                         self.context.lang)
        except Exception as exc:  # the core's message is the most useful thing to show
            log.warning("the diagnosis failed", exc_info=True)
            self.diagnosis = None
            self.result_view.show_error(str(exc))
        else:
            self.result_view.show_diagnosis(self.diagnosis, self.context.catalogue,
                                            self.context.lang, checked)
        self.next_panel.show_for(self.diagnosis, self.context.lang)
        self.ui.copyButton.setEnabled(self.diagnosis is not None)
        self.ui.saveButton.setEnabled(self.diagnosis is not None)
        self.recordButton.setEnabled(self.diagnosis is not None and self.recorded_case is None)

    def result_text(self) -> str:
        if self.diagnosis is None:
            return ""
        return self.context.rules.render_text(self.diagnosis, self.context.catalogue,
                                              self.context.lang)

    def copy_result(self) -> None:
        if self.diagnosis is None:
            return
        QGuiApplication.clipboard().setText(self.result_text())
        self.context.hub.status_message.emit(self.tr("The result was copied."), 5000)

    def save_result(self) -> None:
        if self.diagnosis is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        suggested = str(Path(folder) / f"wecom-diagnosis-{dt.date.today():%Y%m%d}.txt")
        path = self._ask_save_path(self, self.tr("Save the result as text"), suggested)
        if not path:
            return
        try:
            Path(path).write_text(self.result_text(), encoding="utf-8")
        except OSError as exc:
            self.context.hub.status_message.emit(
                self.tr("Could not save {path}: {error}").format(path=path, error=exc.strerror),
                0)
            return
        self.context.hub.status_message.emit(self.tr("Saved to {path}").format(path=path), 5000)

    def record_case(self) -> None:
        """Record the diagnosed restriction as a case, and in the member's ledger."""
        if self.diagnosis is None or self._report is None or self.recorded_case is not None:
            return
        status = self.context.hub.status_message
        userid = self.member_picker.userid() if self.is_member() else None
        if self.is_member() and self.member_picker.combo.currentText().strip() and userid is None:
            status.emit(self.tr("Not recorded: “{text}” is not a userid.").format(
                text=self.member_picker.combo.currentText().strip()), 0)
            return
        store = self.context.store
        if self._report.notice_text and not store.ensure_vault(self):
            status.emit(self.tr("Not recorded: the notice text is kept encrypted and the "
                                "workspace vault is locked."), 0)
            return
        catalogue, lang, diagnose = self.context.catalogue, self.context.lang, \
            self.context.rules.diagnose
        try:
            case = cases.create_case(store.workspace(), self._report, userid=userid,
                                     diagnoser=lambda report: diagnose(report, catalogue, lang))
        except StoreError as exc:
            status.emit(self.tr("Not recorded: {error}").format(error=exc), 0)
            return
        self.recorded_case = case.id
        self._keep_wait_date()
        self.recordButton.setEnabled(False)
        status.emit(self.tr("Recorded as case {id}; see it in the Cases workspace.").format(
            id=case.id), 0)
        store.cases_changed.emit()
        self.context.hub.set_current_case(case.id)

    def _keep_wait_date(self) -> None:
        """A wait route's day, with the recorded case: a reminder on the Cases page (also when
        the day is entered after recording)."""
        wait = self.next_panel.wait_date()
        if self.recorded_case is None or wait is None:
            return
        try:
            ws = self.context.store.workspace()
            if cases.wait_until(cases.get_case(ws, self.recorded_case)) != wait:
                cases.set_wait_until(ws, self.recorded_case, wait)
        except StoreError as exc:
            self.context.hub.status_message.emit(self.tr(
                "The wait date was not kept: {error}").format(error=exc), 0)
            return
        self.context.store.cases_changed.emit()

    def prepare_package(self) -> None:
        """One click from the result to its appeal package: the case is recorded if it is not
        yet, and the Appeal page opens on it."""
        if self.recorded_case is None:
            self.record_case()
        if self.recorded_case is not None:
            # The package is kept only encrypted: set up or unlock the vault on the way (a
            # "not now" opens the case anyway, shown as locked).
            self.context.store.ensure_vault(self)
            self.context.hub.open_case(self.recorded_case)

    def _retranslate_workspace(self) -> None:
        self.member_picker.retranslate()
        self.recordButton.setText(self.tr("&Record as case"))
        self.recordButton.setToolTip(self.tr(
            "Record this restriction as a case, and in the member's violation ledger (Ctrl+R)"))

    # Language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._retranslate_workspace()
        self.next_panel.show_for(self.diagnosis, self.context.lang)
        self._update_navigation()
        self.update_hint()
        if self.current_step() == RESULT or self.diagnosis is not None:
            self._render_result()
