"""The scan's members as a table model, and a proxy that sorts numerically and filters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.i18n import Lang
from app.ui import theme

SORT_ROLE = Qt.ItemDataRole.UserRole
MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

# (key, header, tooltip)
COLUMNS = (
    ("userid", QT_TRANSLATE_NOOP("ScanModel", "Member"), ""),
    ("risk", QT_TRANSLATE_NOOP("ScanModel", "Risk score"),
     QT_TRANSLATE_NOOP("ScanModel", "0-100: 20 points per unit of severity for flagged members; "
                       "below 15 for members without flags")),
    ("flags", QT_TRANSLATE_NOOP("ScanModel", "Flags"), ""),
    ("per_day", QT_TRANSLATE_NOOP("ScanModel", "Applications/day"),
     QT_TRANSLATE_NOOP("ScanModel", "Friend applications sent per day with data")),
    ("peak", QT_TRANSLATE_NOOP("ScanModel", "Peak"),
     QT_TRANSLATE_NOOP("ScanModel", "Most applications on a single day")),
    ("acceptance", QT_TRANSLATE_NOOP("ScanModel", "Acceptance"),
     QT_TRANSLATE_NOOP("ScanModel", "New customers per application")),
    ("negative", QT_TRANSLATE_NOOP("ScanModel", "Deleted/blocked"),
     QT_TRANSLATE_NOOP("ScanModel", "Customers who deleted or blocked the member, per new "
                       "customer")),
    ("per_chat", QT_TRANSLATE_NOOP("ScanModel", "Messages/chat"), ""),
    ("trend", QT_TRANSLATE_NOOP("ScanModel", "Trend"),
     QT_TRANSLATE_NOOP("ScanModel", "Change of daily applications per week, recent weeks "
                       "weighted most")),
    ("restrictions", QT_TRANSLATE_NOOP("ScanModel", "Earlier restrictions"),
     QT_TRANSLATE_NOOP("ScanModel", "Restrictions of this member in the workspace's ledger")),
)
KEYS = [c[0] for c in COLUMNS]
CATEGORY_NAMES = {
    "malicious_adding": QT_TRANSLATE_NOOP("ScanModel", "malicious adding"),
    "harassment": QT_TRANSLATE_NOOP("ScanModel", "harassment"),
}
# The ledger's rule ids as people say them (the catalogue's titles are too long for a cell).
RULE_NAMES = {
    "R1": QT_TRANSLATE_NOOP("ScanModel", "rule 1"),
    "R2": QT_TRANSLATE_NOOP("ScanModel", "rule 2"),
    "R3": QT_TRANSLATE_NOOP("ScanModel", "rule 3"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ScanModel", text)


def category_name(category: str) -> str:
    return _t(CATEGORY_NAMES[category]) if category in CATEGORY_NAMES else category


def _pct(value: float | None) -> str:
    from app.audit.risk import percent  # the one form of the scan's reasons and reports

    return percent(value)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def restriction_text(entries: Sequence[Any]) -> str:
    """One line per ledger entry: date, rule and step, outcome."""
    outcomes = {"open": QCoreApplication.translate("ScanModel", "still restricted"),
                "unblocked": QCoreApplication.translate("ScanModel", "unblocked"),
                "upheld": QCoreApplication.translate("ScanModel", "upheld")}
    lines = []
    for e in entries:
        rule = (_t(RULE_NAMES[e.rule]) if e.rule in RULE_NAMES
                else e.rule or QCoreApplication.translate("ScanModel", "rule not determined"))
        step = (QCoreApplication.translate("ScanModel", ", step {step}").format(step=e.step)
                if e.step else "")
        lines.append(f"{e.occurred} · {rule}{step} · {outcomes.get(e.outcome, e.outcome)}")
    return "\n".join(lines)


class ScanModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: list[Any] = []  # app.audit.risk.MemberRisk
        self.ledger: dict[str, list[Any]] = {}
        self.lang: Lang = "en"

    def set_result(self, members: list[Any], ledger: dict[str, list[Any]], lang: Lang) -> None:
        self.beginResetModel()
        self.members = members
        self.ledger = ledger
        self.lang = lang
        self.endResetModel()

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        if self.members:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.members) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _t(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][2]:
            return _t(COLUMNS[section][2])
        return None

    def member(self, row: int) -> Any:
        return self.members[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.members[index.row()]
        key = KEYS[index.column()]
        if role == MEMBER_ROLE:
            return m
        if role == SORT_ROLE:
            return self._sort_value(m, key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(m, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "flags" and m.flags:
                return "\n".join(f"§{f.citation}: {f.reason(self.lang)}" for f in m.flags)
            if key == "restrictions" and m.userid in self.ledger:
                return restriction_text(self.ledger[m.userid])
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("userid", "flags"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "risk" and m.flags:
            return theme.color("error")
        return None

    def _display(self, m: Any, key: str) -> str:
        x = m.metrics
        if key == "userid":
            return m.userid
        if key == "risk":
            return f"{m.risk_score:g}"
        if key == "flags":
            names = sorted({category_name(f.category) for f in m.flags})
            return ", ".join(names) if names else "—"
        if key == "per_day":
            return _num(x.applications_per_day)
        if key == "peak":
            return _num(x.peak_applications)
        if key == "acceptance":
            return _pct(x.acceptance_rate)
        if key == "negative":
            return _pct(x.negative_feedback_rate)
        if key == "per_chat":
            return _num(x.messages_per_chat)
        if key == "trend":
            return "—" if x.application_trend is None else f"{x.application_trend:+g}"
        entries = self.ledger.get(m.userid, [])
        if not entries:
            return "—"
        # Not a numerus form: lupdate does not extract one from translate() here.
        return QCoreApplication.translate("ScanModel", "{count} earlier").format(
            count=len(entries))

    def _sort_value(self, m: Any, key: str) -> Any:
        x = m.metrics
        if key == "userid":
            return m.userid
        if key == "restrictions":
            return len(self.ledger.get(m.userid, []))
        value = {"risk": m.risk_score, "flags": len(m.flags),
                 "per_day": x.applications_per_day, "peak": x.peak_applications,
                 "acceptance": x.acceptance_rate, "negative": x.negative_feedback_rate,
                 "per_chat": x.messages_per_chat, "trend": x.application_trend}[key]
        return float("-inf") if value is None else value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted in Python with a key: a proxy calling lessThan per comparison took seconds
        for a few thousand members."""
        key = KEYS[column]
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(self.members[i.row()].userid, i.column()) for i in persistent]
        self.members.sort(key=lambda m: (self._sort_value(m, key), m.userid),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        row_of = {m.userid: row for row, m in enumerate(self.members)}
        self.changePersistentIndexList(persistent, [self.index(row_of[u], c) for u, c in before])
        self.layoutChanged.emit()


class ScanProxyModel(QSortFilterProxyModel):
    """Filters by member id and flags; sorting is left to the source model (fast, in Python)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sorted_by: tuple[int, Qt.SortOrder] = (1, Qt.SortOrder.DescendingOrder)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)
        self.only_flagged = False

    def set_only_flagged(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_flagged = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        if self.only_flagged and not self.sourceModel().member(row).flags:
            return False
        return super().filterAcceptsRow(row, parent)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return
        self.sorted_by = (column, order)
        self.sourceModel().sort(column, order)
