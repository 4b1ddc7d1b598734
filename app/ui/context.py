"""What every page is given: the catalogue, the language, the settings and a signal hub."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from app.i18n import Lang

if TYPE_CHECKING:
    from app.rules.catalogue import Catalogue
    from app.rules.contract import Diagnosis, RestrictionReport


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
class AppContext:
    catalogue: Catalogue
    settings: QSettings
    lang: Lang = "en"
    rules: RulesService = field(default_factory=RulesService)
    hub: SignalHub = field(default_factory=SignalHub)
