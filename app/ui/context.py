"""What every page is given: the catalogue, the language, the settings and a signal hub."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from app.lang import Lang

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    from app.jobs import CancelToken, Progress
    from app.rules.catalogue import Catalogue
    from app.rules.contract import Diagnosis, RestrictionReport
    from app.ui.audit_service import AuditService
    from app.ui.store_service import WorkspaceService
    from app.ui.vault_access import VaultAccess


class SignalHub(QObject):
    """App-wide notifications, so pages need not know about each other or the window."""

    language_changed = Signal(str)
    status_message = Signal(str, int)  # text, timeout in ms (0: until replaced)
    # The case the user works on (a case id; "" for none): the Diagnose page sets it when it
    # records a case, the Cases page when one is chosen, the Appeal page follows it.
    case_changed = Signal(str)
    # A page asks the window to show another page (a key of the page registry).
    page_requested = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._case_id = ""

    @property
    def current_case(self) -> str:
        return self._case_id

    def set_current_case(self, case_id: str) -> None:
        """Make ``case_id`` the case every page works on; pages created later read it here."""
        if case_id != self._case_id:
            self._case_id = case_id
            self.case_changed.emit(case_id)

    def open_case(self, case_id: str, page: str = "appeal") -> None:
        """Work on ``case_id`` on ``page`` (the appeal package, by default)."""
        self.set_current_case(case_id)
        self.page_requested.emit(page)


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


def _page_images(pdf_path: str, dpi: int, progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> Iterator[QImage]:
    """The core's pdfium rendering (app.appeal.render), a QImage per page."""
    from PySide6.QtGui import QImage

    from app.appeal.render import render_pages

    for picture in render_pages(pdf_path, dpi, progress=progress, cancel=cancel):
        data = picture.tobytes()
        image = QImage(data, picture.width, picture.height, 3 * picture.width,
                       QImage.Format.Format_RGB888)
        yield image.copy()  # owns its pixels: ``data`` goes with this iteration


def _default_page_images() -> Callable[..., Iterator[QImage]] | None:
    """The pdfium renderer when this installation has it (pypdfium2 is a dependency)."""
    import importlib.util

    return _page_images if importlib.util.find_spec("pypdfium2") is not None else None


@dataclass
class AppealService:
    """What the Appeal page needs beyond the appeal core (app.appeal) and the workspace.

    ``page_images(pdf_path, dpi, progress=None, cancel=None)`` yields a QImage per page, for
    printing through Qt's print dialog and for previews; it raises app.appeal.render's
    RenderError for a PDF it cannot draw, and app.appeal.images' Cancelled when ``cancel`` is
    set. None (no renderer installed): the PDF is printed from the system viewer instead.
    Tests pass fakes here.
    """

    page_images: Callable[..., Iterator[QImage]] | None = field(
        default_factory=_default_page_images)


def _ask_setup(parent: QWidget | None, service: VaultAccess) -> bool:
    from app.ui.dialogs import vault_setup  # imported when first asked

    return vault_setup.ask(parent, service)


def _ask_unlock(parent: QWidget | None, service: VaultAccess) -> bool:
    from app.ui.dialogs import vault_unlock

    return vault_unlock.ask(parent, service)


def _audit_service() -> AuditService:
    from app.ui.audit_service import AuditService

    return AuditService()


def _workspace_service() -> WorkspaceService:
    """The workspace, wired to the vault dialogs that set it up or unlock it."""
    from app.ui.store_service import WorkspaceService  # opens nothing until a page asks

    return WorkspaceService(ask_setup=_ask_setup, ask_unlock=_ask_unlock)


def _load_catalogue() -> Catalogue:
    from app.rules.catalogue import load_catalogue

    return load_catalogue()


_UNSET: Any = object()


class _Lazy:
    """A dataclass field made on first use by ``factory`` unless given: the window paints before
    the catalogue and the workspace modules load (docs/design.md, "Start-up")."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory

    def __set_name__(self, owner: type, name: str) -> None:
        self.attr = f"_lazy_{name}"

    def __get__(self, obj: object, owner: type | None = None) -> Any:
        if obj is None:
            return _UNSET  # the field's default: made on first use
        value = obj.__dict__.get(self.attr, _UNSET)
        if value is _UNSET:
            value = obj.__dict__[self.attr] = self.factory()
        return value

    def __set__(self, obj: object, value: Any) -> None:
        obj.__dict__[self.attr] = value


@dataclass(kw_only=True, eq=False, repr=False)  # comparing or printing must not load anything
class AppContext:
    settings: QSettings
    # The rule catalogue; loaded on first use (after the window's first paint) unless given.
    catalogue: Catalogue = _Lazy(_load_catalogue)  # type: ignore[assignment]
    lang: Lang = "en"
    rules: RulesService = field(default_factory=RulesService)
    audit: AuditService = _Lazy(_audit_service)  # type: ignore[assignment]
    hub: SignalHub = field(default_factory=SignalHub)
    # The local workspace (cases, ledger, profile, vault); tests pass one in a temp folder.
    store: WorkspaceService = _Lazy(_workspace_service)  # type: ignore[assignment]
    appeal: AppealService = field(default_factory=AppealService)

    def close(self) -> None:
        """On quit: close the workspace and the audit archive, if they were opened."""
        store = self.__dict__.get("_lazy_store", _UNSET)
        if store is not _UNSET:
            store.close()
        audit = self.__dict__.get("_lazy_audit", _UNSET)
        if audit is not _UNSET:
            audit.archive.close()
