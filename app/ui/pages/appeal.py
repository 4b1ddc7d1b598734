"""The Appeal package workspace: documents in, checked and watermarked; the authorisation
letter and the statement; a completeness check; the PDF bundle and the upload kit.

The slots live in appeal_documents, the builds in appeal_build, the case and the profile in
appeal_case; this module wires them to the form and keeps the user's choices.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QFont, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QWidget,
)

from app.appeal.documents import SLOT_TITLES, WATERMARKED_SLOTS
from app.appeal.profile import Profile
from app.store.errors import StoreError
from app.ui import theme
from app.ui.context import AppContext
from app.ui.dialogs.pdf_preview import PdfPreviewDialog, ShowDialog, exec_dialog
from app.ui.forms.ui_appeal import Ui_AppealPage
from app.ui.pages import PAGES
from app.ui.pages.appeal_build import BuildController, OpenUrl
from app.ui.pages.appeal_case import (
    PackageTarget,
    case_label,
    load_profile,
    problems_html,
    profile_problems,
    profile_summary,
    with_route,
)
from app.ui.pages.appeal_documents import DocumentsPanel
from app.ui.pages.appeal_guided import PlaceholderHighlighter, PlaceholderList, StatementGuide
from app.ui.pages.appeal_print import AskPrint, PdfPrinter, ask_print
from app.ui.pages.appeal_prompts import (
    AskCrop,
    AskOpenFiles,
    AskPath,
    Confirm,
    ask_crop,
    ask_folder,
    ask_open_files,
    ask_profile_file,
    ask_save_pdf,
    confirm,
    documents_folder,
)
from app.ui.pages.appeal_settings import PackageSettings
from app.ui.pages.appeal_statement import StatementEditor
from app.ui.pages.appeal_store import NoCaseStore, WorkspaceStore, move_legacy_drafts
from app.ui.pages.diagnose_next import needs_package, next_steps
from app.ui.widgets.locked_banner import LockedBanner
from app.ui.workers import JobRunner, ThreadPoolRunner

log = logging.getLogger(__name__)

PAGE_STYLE = """
QLabel#storageNote, QLabel#documentsHint, QLabel#statementHint, QLabel#letterHint,
QLabel#watermarkSummary, QLabel[hint="true"] { color: @hint; }
QLabel[over="true"] { color: @error; font-weight: bold; }
"""


class AppealPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 runner: JobRunner | None = None,
                 ask_open_files: AskOpenFiles = ask_open_files, ask_crop: AskCrop = ask_crop,
                 ask_save_pdf: AskPath = ask_save_pdf, ask_folder: AskPath = ask_folder,
                 ask_profile_file: AskPath = ask_profile_file, confirm: Confirm = confirm,
                 open_url: OpenUrl = QDesktopServices.openUrl, ask_print: AskPrint = ask_print,
                 show_dialog: ShowDialog = exec_dialog) -> None:
        super().__init__(parent)
        self.context = context
        self._ask_save_pdf = ask_save_pdf
        self._ask_folder = ask_folder
        self._ask_profile_file = ask_profile_file
        self._confirm = confirm
        self._open_url = open_url
        self._show_dialog = show_dialog
        self.target: PackageTarget | None = None
        self.profile: Profile | None = None
        self._profile_view: Any = None
        self._profile_from_file = False
        self._first_show = True
        self._store_for: object = ...  # the case whose package the documents panel shows
        self.ws: Any = None

        self.locked = LockedBanner(context.store, "", self)  # first in the tab order
        self.ui = ui = Ui_AppealPage()
        ui.setupUi(self)
        ui.pageLayout.insertWidget(0, self.locked)
        ui.pageLayout.setStretch(2, 1)
        theme.style(self, PAGE_STYLE)
        font = QFont(ui.completenessTitle.font())
        font.setBold(True)
        ui.completenessTitle.setFont(font)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 1)
        self.package = PackageSettings(ui, lambda: self.documents.store, self)
        self.documents = DocumentsPanel(ui.slotsGrid, lambda: self.context.lang,
                                        ask_open_files, ask_crop, self)
        self.documents.changed.connect(self.update_completeness)
        self.printer = PdfPrinter(context.appeal.page_images, lambda: context.lang,
                                  ask_print=ask_print, parent=self)
        self.builder = BuildController(ui, runner or ThreadPoolRunner(), lambda: context.lang,
                                       self.printer, open_url=open_url, parent=self)

        self.statement_editor = StatementEditor(
            ui, self, generate=self.generated_statement, store=lambda: self.documents.store,
            profile=lambda: self.profile, package_lang=self.package.package_lang,
            ui_lang=lambda: context.lang, confirm=confirm, ask_save_pdf=ask_save_pdf,
            open_url=open_url, status=lambda text: context.hub.status_message.emit(text, 0),
            documents_folder=documents_folder, preview=self.preview_pdf)
        self.statement_editor.edited.connect(self.update_completeness)
        self.builder.finished.connect(self._record_build)
        # A long word-wrapped label asks for its whole width otherwise; it wraps instead.
        ui.statementHint.setMinimumWidth(240)
        self.guide = StatementGuide(lambda: context.lang)
        guide_scroll = QScrollArea(ui.statementTab, objectName="statementGuideScroll")
        guide_scroll.setWidgetResizable(True)
        guide_scroll.setFrameShape(QFrame.Shape.NoFrame)
        guide_scroll.setWidget(self.guide)
        # The guide and the text share the tab's height; the user moves the divider.
        split = QSplitter(Qt.Orientation.Vertical, ui.statementTab, objectName="statementSplit")
        split.setChildrenCollapsible(False)
        ui.statementLayout.insertWidget(1, split, 1)
        split.addWidget(guide_scroll)
        split.addWidget(ui.statementEdit)  # taken out of the tab's layout into the splitter
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.guide.changed.connect(self._guide_changed)
        self.placeholder_label = QLabel(ui.statementTab, objectName="placeholderList",
                                        wordWrap=True)
        ui.statementLayout.insertWidget(
            ui.statementLayout.indexOf(split) + 1, self.placeholder_label)
        self.placeholders = PlaceholderList(self.placeholder_label, self)
        self.highlighter = PlaceholderHighlighter(ui.statementEdit.document())
        ui.statementEdit.textChanged.connect(
            lambda: self.placeholders.show_for(ui.statementEdit.toPlainText()))

        ui.caseCombo.activated.connect(lambda: self._case_chosen(ask=True))
        ui.routeCombo.activated.connect(lambda: self._route_chosen())
        ui.diagnoseButton.clicked.connect(lambda: self.switch_to("diagnose"))
        ui.editProfileButton.clicked.connect(self.edit_profile)
        ui.loadProfileButton.clicked.connect(self.load_profile_file)
        ui.watermarkButton.clicked.connect(self.adjust_watermark)
        ui.buildBundleButton.clicked.connect(self.build_bundle)
        ui.buildKitButton.clicked.connect(self.build_kit)
        ui.languageCombo.currentIndexChanged.connect(self.statement_editor.refresh)

        store = context.store
        for name in ("cases_changed", "profile_changed", "vault_changed"):
            if hasattr(store, name):
                getattr(store, name).connect(self.reload)
        context.hub.language_changed.connect(self.retranslate)
        context.hub.case_changed.connect(self._follow_case)
        theme.announcer().changed.connect(self._restyle)
        self.retranslate()
        self.reload()

    # Case and route --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the cases and the profile again (the workspace changed, or first show)."""
        self.ws = self.context.store.workspace_if_present()
        if self.ws is not None and self.ws.is_unlocked:
            # What older versions kept in the settings moves into the cases, once.
            move_legacy_drafts(self.ws, self.context.settings)
        self._fill_cases()
        self._reload_profile()
        self._case_chosen()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:  # a locked workspace asks to be unlocked once the page shows
            self._first_show = False
            QTimer.singleShot(0, lambda: self.context.store.offer_unlock(self))

    def _follow_case(self, case_id: str) -> None:
        """Another page made ``case_id`` the current case (the Diagnose page's "Prepare the
        appeal package", the Cases page)."""
        if not case_id or self.ui.caseCombo.currentData() == f"case:{case_id}":
            return
        if self.ui.caseCombo.findData(f"case:{case_id}") < 0:
            self.reload()  # a case recorded just now
        index = self.ui.caseCombo.findData(f"case:{case_id}")
        if index >= 0:
            self.ui.caseCombo.setCurrentIndex(index)
            self._case_chosen(ask=True)  # the user asked for this package: unlock or set up

    def _fill_cases(self) -> None:
        combo = self.ui.caseCombo
        previous = combo.currentData() or (f"case:{self.context.hub.current_case}"
                                           if self.context.hub.current_case else None)
        combo.blockSignals(True)
        combo.clear()
        cases = []
        if self.ws is not None:
            from app.store.cases import list_cases

            try:
                cases = list_cases(self.ws)
            except StoreError as exc:
                log.warning("the cases cannot be listed: %s", exc)
        for case in cases:
            combo.addItem(case_label(case, self.context.catalogue, self.context.lang),
                          f"case:{case.id}")
        if not cases:
            combo.addItem(self.tr("No case yet"), None)
        index = combo.findData(previous) if previous else -1
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.setEnabled(bool(cases))
        combo.blockSignals(False)

        routes = self.ui.routeCombo
        chosen = routes.currentData()
        routes.blockSignals(True)
        routes.clear()
        for route in self.context.catalogue.routes:
            routes.addItem(route.title(self.context.lang), route.id)
        routes.setCurrentIndex(max(0, routes.findData(chosen)))
        routes.blockSignals(False)
        self._update_combo_tips()

    def _update_combo_tips(self) -> None:
        """The combos may be narrower than their text: the tooltip says it in full."""
        for combo in (self.ui.caseCombo, self.ui.routeCombo):
            combo.setToolTip(combo.currentText())

    def _load_target(self, case_id: str) -> PackageTarget | None:
        if self.ws is None or not case_id:
            return None
        from app.store.cases import get_case

        try:
            case = get_case(self.ws, case_id)
        except StoreError as exc:
            log.warning("case %s cannot be read: %s", case_id, exc)
            return None
        return PackageTarget("case", case.diagnosis, case.report, case.id, case.restricted_on,
                             case.userid)

    def _case_chosen(self, *, ask: bool = False) -> None:
        data = self.ui.caseCombo.currentData() or ""
        case_id = data.partition(":")[2]
        if ask and case_id:
            self.context.hub.set_current_case(case_id)
        self._update_combo_tips()
        target = self._load_target(case_id)
        unlocked_since = bool(target is not None and self.ws is not None
                              and self.ws.is_unlocked and not self.documents.store.persistent)
        case_now = target.case_id if target is not None else None
        changed = self._store_for != case_now or unlocked_since
        self._store_for = case_now
        self.target = target
        if changed:
            self._open_store(ask)
        # A route chosen on this page for the case (kept in its draft) wins over the diagnosis'.
        route = self.documents.store.draft().route
        if target is not None and route and route != target.diagnosis.appeal_route:
            target.diagnosis = with_route(self.context.catalogue, target.diagnosis, route)
        self.ui.routeCombo.setEnabled(self.documents.store.persistent)
        if target is not None:
            routes = self.ui.routeCombo
            routes.blockSignals(True)
            routes.setCurrentIndex(max(0, routes.findData(target.diagnosis.appeal_route)))
            routes.blockSignals(False)
        # Locked: the slots are not marked "required" either; their documents may well be there.
        self.documents.set_required(target.diagnosis.documents
                                    if target and self.documents.store.persistent else [])
        if changed or not self.statement_editor.is_edited:
            self.statement_editor.fill()
        self._update_combo_tips()
        self.update_completeness()

    def _route_chosen(self) -> None:
        """A route other than the diagnosis' (the administrator knows better): for this case."""
        if self.target is None or self.target.case_id is None:
            return
        self.documents.store.update_draft(route=self.ui.routeCombo.currentData())
        self._case_chosen()

    def _open_store(self, ask: bool) -> None:
        self.statement_editor.flush()  # a pending edit belongs to the case shown until now
        self.guide.flush()
        target = self.target
        persistent = False
        # Unlocking asks for a passphrase: only when the user chose the case just now.
        if (target is not None and target.case_id and self.ws is not None
                and (self.ws.is_unlocked or (ask and self.context.store.ensure_vault(self)))):
            self.documents.set_store(WorkspaceStore(self.ws, target.case_id,
                                                    self.context.settings))
            persistent = True
        if not persistent:
            self.documents.set_store(NoCaseStore())  # empty and closed: nothing to add to
        self.package.load()
        self.guide.set_draft(self.documents.store.draft().statement,
                             case_notice=target.report.notice_text
                             if target and target.report else None,
                             case_day=target.restricted_on if target else None,
                             case_accounts=[target.userid] if target and target.userid else [])
        self.guide.setEnabled(persistent)
        # Nothing is kept "for this session only": no case (or a locked one), no editing.
        self.ui.slotsHost.setEnabled(persistent)
        self.ui.settingsTab.setEnabled(persistent)
        self.ui.statementEdit.setReadOnly(not persistent)
        self.ui.regenerateButton.setEnabled(persistent)
        self.statement_editor.is_edited = False
        self._update_storage_note()

    def is_locked(self) -> bool:
        return self.ws is not None and self.context.store.is_locked

    def _update_storage_note(self) -> None:
        target = self.target
        if target is None:
            text = self.tr("No case yet. On the Diagnose page, diagnose the restriction and "
                           "choose “Prepare the appeal package”: the package is kept with its "
                           "case, encrypted in the workspace.")
        elif self.documents.store.persistent:
            text = self.tr("The package of case {id} (documents, statement, settings) is kept "
                           "encrypted in the workspace.").format(id=(target.case_id or "")[:6])
        elif self.ws is not None and not self.ws.has_vault:
            text = self.tr("Set up the workspace vault to work on the package of case {id}: "
                           "it is kept only encrypted.").format(id=(target.case_id or "")[:6])
        else:
            text = self.tr("The workspace is locked: unlock it to work on the package of case "
                           "{id}.").format(id=(target.case_id or "")[:6])
        self.ui.storageNote.setText(text)

    def switch_to(self, key: str) -> bool:
        """Ask the window (through the signal hub) to show another workspace."""
        if key not in {entry.key for entry in PAGES}:
            return False
        self.context.hub.page_requested.emit(key)
        return True

    # Profile ---------------------------------------------------------------------------------

    def _reload_profile(self) -> None:
        if not self._profile_from_file:
            self.profile, self._profile_view = load_profile(self.ws)
        self._show_profile()

    def set_profile(self, profile: Profile | None) -> None:
        """A profile from a file (or a test); the workspace profile comes back with reload."""
        self.profile, self._profile_view = profile, None
        self._profile_from_file = profile is not None
        self._show_profile()
        if not self.statement_editor.is_edited:
            self.statement_editor.fill()
        self.update_completeness()

    def _show_profile(self) -> None:
        self.ui.profileSummary.setText(profile_summary(self.profile, self._profile_view))
        problems = problems_html(profile_problems(self.profile), self.context.lang)
        self.ui.profileProblems.setText(problems)
        self.ui.profileProblems.setVisible(bool(problems))
        self.ui.editProfileButton.setEnabled(any(e.key in ("profile", "cases") for e in PAGES))
        self.ui.letterButton.setEnabled(self.profile is not None)

    def edit_profile(self) -> None:
        self.switch_to("profile")

    def load_profile_file(self) -> None:
        path = self._ask_profile_file(self, self.tr("Load an enterprise profile"),
                                      str(documents_folder()))
        if not path:
            return
        try:
            profile = Profile.model_validate_json(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Load an enterprise profile"),
                                self.tr("{path} is not a profile JSON file: {error}").format(
                                    path=Path(path).name, error=str(exc).splitlines()[0]))
            return
        self.set_profile(profile)

    # Statement -------------------------------------------------------------------------------

    def generated_statement(self) -> str:
        """The enterprise's letter from the case's facts and the administrator's words; what
        is missing is a placeholder (nothing of the diagnosis' reasoning goes in)."""
        if self.profile is None or self.target is None:
            return ""
        from app.appeal.documents import attachment_titles
        from app.appeal.statement import Measure, build_statement

        lang = self.package.package_lang()
        draft = self.documents.store.draft()
        st = draft.statement
        report = self.target.report
        if report is not None:  # the notice as given in the guide, else the case's
            report = report.model_copy(update={"notice_text": draft.notice_for(
                report.notice_text)})
        measures = list(st.measures)
        if self.ws is not None and self.documents.store.persistent:
            from app.store.package import audit_measures

            measures += audit_measures(self.ws, lang)
        return build_statement(
            self.profile, lang=lang, report=report,
            accounts=draft.accounts_for(self.target.userid),
            restricted_on=draft.restricted_on_for(self.target.restricted_on),
            complied=st.complied,
            what_happened=st.what_happened,
            measures=[m if isinstance(m, Measure) else Measure.model_validate(m.model_dump())
                      for m in measures],
            request=st.request,
            attachments=attachment_titles(self.documents.documents(), lang))

    def _guide_changed(self) -> None:
        """The administrator's words changed: into the case's draft, and the statement."""
        store = self.documents.store
        if not store.persistent:
            return
        statement = store.draft().statement
        try:
            store.update_draft(statement=type(statement).model_validate(
                {**statement.model_dump(), **self.guide.fields()}))
        except (StoreError, sqlite3.Error) as exc:  # locked or closed meanwhile
            self.context.hub.status_message.emit(self.tr(
                "Your words were not saved: {error}").format(error=exc), 0)
            return
        self.statement_editor.refresh()
        self.update_completeness()

    def statement(self) -> str:
        return self.statement_editor.text()

    def adjust_watermark(self) -> None:
        from app.appeal.intake import open_image

        entry = self.documents.first_image(tuple(sorted(WATERMARKED_SLOTS)))
        picture = None
        if entry is not None:
            picture = open_image(entry.source, fit=(900, 900), edits=entry.edits)
        self.package.adjust_watermark(picture, self.context.lang, self)

    def preview_pdf(self, path: Path, note: str = "") -> bool:
        """The first page in a dialog with Open and Print…; False without a renderer."""
        page_images = self.context.appeal.page_images
        if page_images is None:
            return False
        dialog = PdfPreviewDialog(path, page_images, self.printer, self._open_url,
                                  self.context.lang, note=note, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._show_dialog(dialog)
        return True

    # Completeness ----------------------------------------------------------------------------

    def still_needed(self) -> list[str]:
        """What the package still lacks, in the user's words (empty: complete)."""
        if self.target is None:
            return [self.tr("No case chosen: prepare one from a diagnosis")]
        if not self.documents.store.persistent:
            # Locked data is locked, not missing: say only that.
            if self.ws is not None and not self.ws.has_vault:
                return [self.tr("The workspace vault is not set up yet")]
            return [self.tr("The workspace is locked: unlock it to check the package")]
        lang = self.context.lang
        needed = [self.tr("Missing: {document}").format(document=SLOT_TITLES[kind](lang))
                  for kind in self.documents.missing()]
        if self.profile is None:
            needed.insert(0, self.tr("Missing: the enterprise profile"))
        elif any(p.severity == "error" for p in profile_problems(self.profile)):
            needed.insert(0, self.tr("The enterprise profile has errors (see above)"))
        if not self.statement():
            needed.append(self.tr("Missing: the appeal statement"))
        needed += [w.message(lang) for w in self._document_warnings() if w.state != "expiring"]
        # The statement's placeholders block the build unless explicitly overridden.
        needed += [self.tr("The statement still asks: {what}").format(what=what)
                   for what in self.placeholders.show_for(self.statement())]
        return needed

    def _document_warnings(self) -> list[Any]:
        """The standing documents in this package that expire soon, expired or went stale."""
        if self.ws is None or not self.documents.store.persistent:
            return []
        from app.store.enterprise import enterprise_warnings

        kinds = {d.kind for d in self.documents.documents()}
        try:
            return [w for w in enterprise_warnings(self.ws) if w.kind in kinds]
        except (StoreError, sqlite3.Error) as exc:
            log.warning("the standing documents cannot be checked: %s", exc)
            return []

    def package_route(self) -> bool:
        """The case's route is one that sends a package (enterprise or page appeal)."""
        return self.target is not None and needs_package(self.target.diagnosis.appeal_route)

    def update_completeness(self) -> None:
        lst = self.ui.completenessList
        lst.clear()
        needed = self.still_needed()
        lang = self.context.lang
        if self.target is not None and not self.package_route():
            # A wait or an unblocking request: there is nothing to send, so nothing "complete".
            step = next_steps().get(self.target.diagnosis.appeal_route)
            item = QListWidgetItem(self.tr("This route needs no appeal package."))
            lst.addItem(item)
            if step is not None:
                lst.addItem(step.summary(lang))
        for text in needed:
            item = QListWidgetItem("✗ " + text)
            item.setForeground(theme.color("error"))
            lst.addItem(item)
        for warning in self._document_warnings():
            if warning.state == "expiring":
                item = QListWidgetItem("⚠ " + warning.message(lang))
                item.setForeground(theme.color("warning"))
                lst.addItem(item)
        for kind in sorted(self.documents.required - set(self.documents.missing()),
                           key=list(SLOT_TITLES).index):
            item = QListWidgetItem("✓ " + SLOT_TITLES[kind](lang))
            item.setForeground(theme.color("success"))
            lst.addItem(item)
        has_content = bool(self.documents.documents()) or bool(self.statement())
        if not needed and self.package_route() and has_content:
            item = QListWidgetItem(self.tr("The package is complete for this route."))
            item.setForeground(theme.color("success"))
            lst.insertItem(0, item)
        ready = self.documents.store.persistent and not self.builder.busy
        self.ui.buildBundleButton.setEnabled(ready and self.profile is not None)
        self.ui.buildKitButton.setEnabled(ready and bool(self.documents.documents()))

    def _confirm_incomplete(self) -> bool:
        needed = self.still_needed()
        if not needed:
            return True
        return self._confirm(self, self.tr("The package is incomplete"), self.tr(
            "The route still needs:\n{items}\n\nBuild anyway?").format(
                items="\n".join(f"• {n}" for n in needed)))

    # Building --------------------------------------------------------------------------------

    def build_bundle(self) -> None:
        if self.profile is None or self.builder.busy or not self._confirm_incomplete():
            return
        from app.appeal.bundle import BUNDLE_TITLE

        lang = self.package.package_lang()
        name = f"{BUNDLE_TITLE(lang)}-{dt.date.today():%Y%m%d}.pdf"
        path = self._ask_save_pdf(self, self.tr("Save the PDF bundle"),
                                  str(documents_folder() / name))
        if not path:
            return
        target = self.target
        if target is None or not target.case_id or self.ws is None \
                or not self.documents.store.persistent:
            return
        # What the page shows is what the core reads: pending edits into the case's draft.
        self.statement_editor.flush()
        self.guide.flush()
        self.builder.build_case_bundle(self.ws, target.case_id, Path(path),
                                       profile=self.profile, lang=lang)

    def _record_build(self, built: Any) -> None:
        """The core recorded the bundle with the case (when, pages, size, SHA-256): the Cases
        page shows it."""
        if built.kind == "bundle":
            self.context.store.cases_changed.emit()

    def build_kit(self) -> None:
        if self.builder.busy or not self._confirm_incomplete():
            return
        folder = self._ask_folder(self, self.tr("Choose a folder for the upload kit"),
                                  str(documents_folder()))
        if not folder:
            return
        self.builder.build_kit(self.documents.documents(), self.statement(),
                               Path(folder) / f"wecom-appeal-kit-{dt.date.today():%Y%m%d}",
                               self.package.kit_options())

    def _restyle(self, *_: object) -> None:
        """The profile problems and the completeness list carry token colours of their own."""
        self._show_profile()
        self.highlighter.rehighlight()
        self.update_completeness()

    # Language --------------------------------------------------------------------------------

    def retranslate(self, *_: object) -> None:
        self.ui.retranslateUi(self)
        self.locked.set_what(self.tr("the enterprise profile and the package of each case"))
        self.guide.retranslate()
        self.documents.retranslate()
        self._fill_cases()
        self._show_profile()
        self._update_storage_note()
        self.statement_editor.update_counter()
        self.package.update_summary()
        self.update_completeness()
        self.ui.openLetterButton.setEnabled(self.statement_editor.letter is not None)
        self.builder.retranslate()

    def hideEvent(self, event: Any) -> None:
        # Leaving the page (or quitting) saves what is pending, as the Enterprise page does.
        self.statement_editor.flush()
        self.guide.flush()
        super().hideEvent(event)

    def closeEvent(self, event: Any) -> None:
        self.statement_editor.flush()
        self.documents.close()
        super().closeEvent(event)


