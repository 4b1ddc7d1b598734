"""The page registry: the sidebar's workspaces, in order.

To add a workspace, append one ``PageEntry``. The class named by ``view`` is imported when the
page is first shown; it is a QWidget subclass constructed as ``View(context, parent=None)``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageEntry:
    key: str
    view: str  # "package.module:ClassName"
    title: str  # source text in the "Pages" translation context
    icon: str  # file name under resources/icons

    def load(self) -> type[QWidget]:
        module_name, _, class_name = self.view.partition(":")
        return getattr(importlib.import_module(module_name), class_name)


PAGES: list[PageEntry] = [
    PageEntry("diagnose", "app.ui.pages.diagnose:DiagnosePage",
              QT_TRANSLATE_NOOP("Pages", "Diagnose"), "diagnose.svg"),
    PageEntry("cases", "app.ui.pages.cases:CasesPage",
              QT_TRANSLATE_NOOP("Pages", "Cases"), "cases.svg"),
    PageEntry("appeal", "app.ui.pages.appeal:AppealPage",
              QT_TRANSLATE_NOOP("Pages", "Appeal package"), "appeal.svg"),
    PageEntry("audit", "app.ui.pages.audit:AuditPage",
              QT_TRANSLATE_NOOP("Pages", "Self-audit"), "audit.svg"),
    PageEntry("check", "app.ui.pages.check:CheckPage",
              QT_TRANSLATE_NOOP("Pages", "Pre-send check"), "check.svg"),
    PageEntry("rules", "app.ui.pages.rules:RulesPage",
              QT_TRANSLATE_NOOP("Pages", "Rules"), "rules.svg"),
    PageEntry("profile", "app.ui.pages.profile:ProfilePage",
              QT_TRANSLATE_NOOP("Pages", "Enterprise"), "profile.svg"),
]
