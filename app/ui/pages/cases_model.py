"""Item models of the Cases workspace: the case list and a member's violation ledger."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.i18n import Lang
from app.rules.catalogue import Catalogue
from app.store.cases import CaseSummary
from app.store.ledger import ViolationEntry

CASE_ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex

STATUS_TITLES = {
    "restricted": QT_TRANSLATE_NOOP("CaseStatus", "Restricted"),
    "unblock_requested": QT_TRANSLATE_NOOP("CaseStatus", "Unblock requested"),
    "appeal_submitted": QT_TRANSLATE_NOOP("CaseStatus", "Appeal submitted"),
    "resolved": QT_TRANSLATE_NOOP("CaseStatus", "Resolved"),
}
OUTCOME_TITLES = {
    "open": QT_TRANSLATE_NOOP("CaseStatus", "Open"),
    "unblocked": QT_TRANSLATE_NOOP("CaseStatus", "Unblocked"),
    "upheld": QT_TRANSLATE_NOOP("CaseStatus", "Upheld"),
}
DURATION_TITLES = {
    "temporary": QT_TRANSLATE_NOOP("CaseStatus", "Limited time"),
    "permanent": QT_TRANSLATE_NOOP("CaseStatus", "Permanent"),
    "until_wechat_unblocked": QT_TRANSLATE_NOOP("CaseStatus", "Until WeChat is unblocked"),
    "unknown": QT_TRANSLATE_NOOP("CaseStatus", "Unknown"),
}
ACCOUNT_TITLES = {
    "member": QT_TRANSLATE_NOOP("CaseStatus", "A member"),
    "admin": QT_TRANSLATE_NOOP("CaseStatus", "The administrator"),
    "enterprise": QT_TRANSLATE_NOOP("CaseStatus", "The whole enterprise"),
}


def status_title(status: str) -> str:
    return QCoreApplication.translate("CaseStatus", STATUS_TITLES.get(status, status))


def outcome_title(outcome: str) -> str:
    return QCoreApplication.translate("CaseStatus", OUTCOME_TITLES.get(outcome, outcome))


def duration_title(duration: str | None) -> str:
    if duration is None:
        return "—"
    return QCoreApplication.translate("CaseStatus", DURATION_TITLES.get(duration, duration))


def account_title(account: str) -> str:
    return QCoreApplication.translate("CaseStatus", ACCOUNT_TITLES.get(account, account))


def rule_title(catalogue: Catalogue, rule: str | None, step: int | None, lang: Lang) -> str:
    if rule is None:
        return QCoreApplication.translate("CaseStatus", "Not determined")
    try:
        title = catalogue.rule(rule).title(lang)
    except (KeyError, StopIteration):
        title = rule
    if step is None:
        return title
    return QCoreApplication.translate("CaseStatus", "{rule}, step {step}").format(
        rule=title, step=step)


def category_title(catalogue: Catalogue, category: str | None, lang: Lang) -> str:
    if category is None:
        return "—"
    try:
        return catalogue.violation(category).title(lang)
    except (KeyError, StopIteration):
        return category


def route_title(catalogue: Catalogue, route: str, lang: Lang) -> str:
    try:
        return catalogue.route(route).title(lang)
    except (KeyError, StopIteration):
        return route


def local_time(at: dt.datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class _Table(QAbstractTableModel):
    headers: Sequence[str] = ()

    def __init__(self, catalogue: Catalogue, lang: Lang) -> None:
        super().__init__()
        self.catalogue = catalogue
        self.lang: Lang = lang
        self._rows: list[list[str]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CasesModel", self.headers[section])
        return None

    def cell(self, row: int, column: int) -> str:
        return self._rows[row][column]

    def set_language(self, lang: Lang) -> None:
        self.lang = lang
        self._render()

    def _render(self) -> None:
        raise NotImplementedError


class CaseTableModel(_Table):
    headers = (
        QT_TRANSLATE_NOOP("CasesModel", "Restricted on"),
        QT_TRANSLATE_NOOP("CasesModel", "Member"),
        QT_TRANSLATE_NOOP("CasesModel", "Status"),
        QT_TRANSLATE_NOOP("CasesModel", "Rule"),
        QT_TRANSLATE_NOOP("CasesModel", "Route"),
        QT_TRANSLATE_NOOP("CasesModel", "Case"),
    )

    def __init__(self, catalogue: Catalogue, lang: Lang) -> None:
        super().__init__(catalogue, lang)
        self.cases: list[CaseSummary] = []

    def set_cases(self, cases: Sequence[CaseSummary]) -> None:
        self.cases = list(cases)
        self._render()

    def _render(self) -> None:
        self.beginResetModel()
        self._rows = [[
            case.restricted_on.isoformat(),
            case.userid or account_title(case.account),
            status_title(case.status),
            rule_title(self.catalogue, case.rule, case.step, self.lang),
            route_title(self.catalogue, case.appeal_route, self.lang),
            case.id,
        ] for case in self.cases]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        if role == CASE_ID_ROLE:
            return self.cases[index.row()].id
        return None

    def row_of(self, case_id: str) -> int:
        return next((i for i, c in enumerate(self.cases) if c.id == case_id), -1)


class LedgerTableModel(_Table):
    headers = (
        QT_TRANSLATE_NOOP("CasesModel", "Date"),
        QT_TRANSLATE_NOOP("CasesModel", "Rule"),
        QT_TRANSLATE_NOOP("CasesModel", "Category"),
        QT_TRANSLATE_NOOP("CasesModel", "Step"),
        QT_TRANSLATE_NOOP("CasesModel", "Duration"),
        QT_TRANSLATE_NOOP("CasesModel", "Outcome"),
        QT_TRANSLATE_NOOP("CasesModel", "Case"),
    )

    def __init__(self, catalogue: Catalogue, lang: Lang) -> None:
        super().__init__(catalogue, lang)
        self.entries: list[ViolationEntry] = []

    def set_entries(self, entries: Sequence[ViolationEntry]) -> None:
        self.entries = list(entries)
        self._render()

    def _render(self) -> None:
        self.beginResetModel()
        self._rows = [[
            e.occurred.isoformat(),
            rule_title(self.catalogue, e.rule, None, self.lang),
            category_title(self.catalogue, e.category, self.lang),
            "—" if e.step is None else str(e.step),
            duration_title(e.duration),
            outcome_title(e.outcome),
            e.case_id or QCoreApplication.translate("CasesModel", "(before the app)"),
        ] for e in self.entries]
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None
