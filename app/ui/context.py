"""What every page is given: the catalogue, the language, the settings and a signal hub."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from app.i18n import Lang
from app.ui.audit_service import AuditService

if TYPE_CHECKING:
    from app.rules.catalogue import Catalogue
    from app.rules.contract import Diagnosis, RestrictionReport
    from app.ui.store_service import WorkspaceService


class SignalHub(QObject):
    """App-wide notifications, so pages need not know about each other or the window."""

    language_changed = Signal(str)
    status_message = Signal(str, int)  # text, timeout in ms (0: until replaced)


def _diagnose(report: RestrictionReport, catalogue: Catalogue, lang: Lang) -> Diagnosis:
    from app.rules.engine import diagnose  # the core, imported when first used

    return diagnose(report, catalogue, lang)


def _render_text(diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang) -> str:
    from app.rules.text import render_text

    return render_text(diagnosis, catalogue, lang)


def _classify_notice(text: str, catalogue: Catalogue) -> Any:
    from app.rules.classifier import classify_notice

    return classify_notice(text, catalogue)


@dataclass
class RulesService:
    """The core functions the UI calls; tests pass fakes here."""

    diagnose: Callable[[RestrictionReport, Catalogue, Lang], Diagnosis] = _diagnose
    render_text: Callable[[Diagnosis, Catalogue, Lang], str] = _render_text
    classify_notice: Callable[[str, Catalogue], Any] = _classify_notice


@dataclass
class AppealService:
    """What the Appeal page needs beyond the appeal core (app.appeal) and the workspace.

    ``page_images(pdf_path, dpi)`` yields a QImage per page, for printing through Qt's print
    dialog. The core has no PDF renderer (and PySide6-Essentials has no QtPdf): None, and the
    page prints from the system viewer instead. Tests pass a fake to exercise printing.
    """

    page_images: Callable[[str, int], Any] | None = None


def _workspace_service() -> WorkspaceService:
    from app.ui.store_service import WorkspaceService  # opens nothing until a page asks

    return WorkspaceService()


@dataclass
class AppContext:
    catalogue: Catalogue
    settings: QSettings
    lang: Lang = "en"
    rules: RulesService = field(default_factory=RulesService)
    audit: AuditService = field(default_factory=AuditService)
    hub: SignalHub = field(default_factory=SignalHub)
    # The local workspace (cases, ledger, profile, vault); tests pass one in a temp folder.
    store: WorkspaceService = field(default_factory=_workspace_service)
    appeal: AppealService = field(default_factory=AppealService)
