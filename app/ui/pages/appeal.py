"""The Appeal package workspace: documents in, checked and watermarked; the authorisation
letter and the statement; a completeness check; the PDF bundle and the upload kit.

The slots live in appeal_documents, the builds in appeal_build, the case and the profile in
appeal_case; this module wires them to the form and keeps the user's choices.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QFont, QShowEvent
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QWidget

from app.appeal.documents import SLOT_TITLES, WATERMARKED_SLOTS
from app.appeal.profile import Profile
from app.ui import theme
from app.ui.context import AppContext
from app.ui.dialogs.pdf_preview import PdfPreviewDialog, ShowDialog, exec_dialog
from app.ui.forms.ui_appeal import Ui_AppealPage
from app.ui.pages import PAGES
from app.ui.pages.appeal_build import BuildController, OpenUrl
from app.ui.pages.appeal_case import (
    PackageTarget,
    case_label,
    latest_corrective_measures,
    load_profile,
    manual_diagnosis,
    problems_html,
    profile_problems,
    profile_summary,
    workspace_if_present,
)
from app.ui.pages.appeal_documents import DocumentsPanel
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
from app.ui.pages.appeal_store import SessionStore, WorkspaceStore
from app.ui.workers import JobRunner, ThreadPoolRunner

log = logging.getLogger(__name__)

PAGE_STYLE = """
QLabel#storageNote, QLabel#documentsHint, QLabel#statementHint, QLabel#letterHint,
QLabel#watermarkSummary { color: @hint; }
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
        self.ws: Any = None

        self.ui = ui = Ui_AppealPage()
        ui.setupUi(self)
        theme.style(self, PAGE_STYLE)
        font = QFont(ui.completenessTitle.font())
        font.setBold(True)
        ui.completenessTitle.setFont(font)
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 1)
        self.package = PackageSettings(ui, context.settings, self)
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

        ui.caseCombo.activated.connect(lambda: self._case_chosen(ask=True))
        ui.routeCombo.activated.connect(lambda: self._case_chosen())
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
        theme.announcer().changed.connect(self._restyle)
        self.retranslate()
        self.reload()

    # Case and route --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the cases and the profile again (the workspace changed, or first show)."""
        self.ws = workspace_if_present(self.context.store)
        self._fill_cases()
        self._reload_profile()
        self._case_chosen()

    def _diagnose_page_result(self) -> tuple[Any, Any]:
        """The Diagnose page's current result and report, when the window has that page."""
        window = self.window()
        if window is self or not hasattr(window, "page"):
            return None, None
        page = window.page("diagnose")
        diagnosis = getattr(page, "diagnosis", None)
        if diagnosis is None:
            return None, None
        try:
            report = page.report()
        except (ValidationError, AttributeError):
            report = None
        return diagnosis, report

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        combo = self.ui.caseCombo
        had_result = combo.findData("diagnose") >= 0
        self._fill_cases()
        current = combo.currentData()
        if not had_result and combo.findData("diagnose") >= 0 and current == "manual":
            combo.setCurrentIndex(combo.findData("diagnose"))
            self._case_chosen()
        elif current == "diagnose":
            self._case_chosen()

    def _fill_cases(self) -> None:
        combo = self.ui.caseCombo
        previous = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if self._diagnose_page_result()[0] is not None:
            combo.addItem(self.tr("The result on the Diagnose page"), "diagnose")
        cases = []
        if self.ws is not None:
            from app.store.cases import list_cases

            try:
                cases = list_cases(self.ws)
            except Exception:  # an unreadable case list leaves the manual choice
                log.warning("the case list cannot be read", exc_info=True)
                cases = []
        for case in cases:
            combo.addItem(case_label(case, self.context.catalogue, self.context.lang),
                          f"case:{case.id}")
        combo.addItem(self.tr("No case: choose the route by hand"), "manual")
        index = combo.findData(previous)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

        routes = self.ui.routeCombo
        chosen = routes.currentData() or "enterprise_appeal"
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

    def _case_chosen(self, *, ask: bool = False) -> None:
        source, _, case_id = (self.ui.caseCombo.currentData() or "manual").partition(":")
        manual = source == "manual"
        self._update_combo_tips()
        self.ui.routeCombo.setVisible(manual)
        self.ui.routeLabel.setVisible(manual)
        lang = self.context.lang
        target = None
        if source == "case" and self.ws is not None:
            from app.store.cases import get_case

            try:
                case = get_case(self.ws, case_id)
                target = PackageTarget("case", case.diagnosis, case.report, case.id,
                                       case.restricted_on)
            except Exception:
                log.warning("the chosen case cannot be read", exc_info=True)
                target = None
        elif source == "diagnose":
            diagnosis, report = self._diagnose_page_result()
            if diagnosis is not None:
                target = PackageTarget("diagnose", diagnosis, report)
        if target is None:
            route = self.ui.routeCombo.currentData() or "enterprise_appeal"
            target = PackageTarget("manual", manual_diagnosis(self.context.catalogue, route,
                                                              lang))
        unlocked_since = bool(target.case_id and self.ws is not None and self.ws.is_unlocked
                              and not self.documents.store.persistent)
        changed = (self.target is None or self.target.case_id != target.case_id
                   or unlocked_since)
        self.target = target
        self.documents.set_required(target.diagnosis.documents)
        if changed:
            self._open_store(ask)
        if changed or not self.statement_editor.is_edited:
            self.statement_editor.fill()
        self.update_completeness()

    def _open_store(self, ask: bool) -> None:
        target = self.target
        persistent = False
        # Unlocking asks for a passphrase: only when the user chose the case just now.
        if (target is not None and target.case_id and self.ws is not None
                and (self.ws.is_unlocked or (ask and self.context.store.ensure_vault(self)))):
            self.documents.set_store(WorkspaceStore(self.ws, target.case_id,
                                                    self.context.settings))
            persistent = True
        if not persistent:
            self.documents.set_store(SessionStore())
        self.statement_editor.is_edited = False
        self._update_storage_note()

    def _update_storage_note(self) -> None:
        target = self.target
        if self.documents.store.persistent and target is not None:
            text = self.tr("The documents of case {id} are kept encrypted in the workspace."
                           ).format(id=(target.case_id or "")[:6])
        elif target is not None and target.case_id:
            text = self.tr("The workspace is locked: documents are kept for this session only.")
        else:
            text = self.tr("Documents are kept for this session only. Choose a saved case to "
                           "keep them, encrypted, in the workspace.")
        self.ui.storageNote.setText(text)

    def switch_to(self, key: str) -> bool:
        """Show another workspace through the main window, when it is there."""
        window = self.window()
        if key not in {entry.key for entry in PAGES} or not hasattr(window, "show_page"):
            return False
        window.show_page(key)
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
        for key in ("profile", "cases"):
            if self.switch_to(key):
                return

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
        if self.profile is None or self.target is None:
            return ""
        from app.appeal.statement import build_statement

        lang = self.package.package_lang()
        return build_statement(self.profile, self.target.diagnosis, lang=lang,
                               report=self.target.report,
                               restricted_on=self.target.restricted_on,
                               corrective_measures=latest_corrective_measures(
                                   self.context.audit, lang) if self.ws is not None else None)

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
        lang = self.context.lang
        needed = [self.tr("Missing: {document}").format(document=SLOT_TITLES[kind](lang))
                  for kind in self.documents.missing()]
        if self.profile is None:
            needed.insert(0, self.tr("Missing: the enterprise profile"))
        elif any(p.severity == "error" for p in profile_problems(self.profile)):
            needed.insert(0, self.tr("The enterprise profile has errors (see above)"))
        if not self.statement():
            needed.append(self.tr("Missing: the appeal statement"))
        return needed

    def update_completeness(self) -> None:
        lst = self.ui.completenessList
        lst.clear()
        needed = self.still_needed()
        for text in needed:
            item = QListWidgetItem("✗ " + text)
            item.setForeground(theme.color("error"))
            lst.addItem(item)
        lang = self.context.lang
        for kind in sorted(self.documents.required - set(self.documents.missing()),
                           key=list(SLOT_TITLES).index):
            item = QListWidgetItem("✓ " + SLOT_TITLES[kind](lang))
            item.setForeground(theme.color("success"))
            lst.addItem(item)
        if not needed:
            item = QListWidgetItem(self.tr("The package is complete for this route."))
            item.setForeground(theme.color("success"))
            lst.insertItem(0, item)
        if not self.documents.required:
            lst.addItem(self.tr("This route needs no documents; a package is optional."))
        can_build = self.profile is not None and not self.builder.busy
        self.ui.buildBundleButton.setEnabled(can_build)
        self.ui.buildKitButton.setEnabled(not self.builder.busy
                                          and bool(self.documents.documents()))

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
        diagnosis = self.target.diagnosis if self.target else None
        self.builder.build_bundle(self.profile, self.documents.documents(), Path(path),
                                  self.statement(), diagnosis, self.package.bundle_options())

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
        self.update_completeness()

    # Language --------------------------------------------------------------------------------

    def retranslate(self, *_: object) -> None:
        self.ui.retranslateUi(self)
        self.documents.retranslate()
        self._fill_cases()
        self._show_profile()
        self._update_storage_note()
        self.statement_editor.update_counter()
        self.package.update_summary()
        self.update_completeness()
        self.ui.openLetterButton.setEnabled(self.statement_editor.letter is not None)
        self.builder.retranslate()

    def closeEvent(self, event: Any) -> None:
        self.documents.close()
        super().closeEvent(event)


