"""The remediation plan as an editable table: measure, owner, due date, status per finding."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.audit.checklist import Checklist
from app.audit.scoring import PlanItem, RemediationEntry
from app.i18n import Lang
from app.ui import theme

QUESTION, SECTIONS, MEASURE, OWNER, DUE, STATUS = range(6)
STATUSES = ("open", "in_progress", "done")
NO_DATE = QDate(2000, 1, 1)
TEXT_MIN_EM = 12  # Question and Measure never narrower: the table scrolls sideways instead
OWNER_EM = 7


STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("PlanTable", "Open"),
    "in_progress": QT_TRANSLATE_NOOP("PlanTable", "In progress"),
    "done": QT_TRANSLATE_NOOP("PlanTable", "Done"),
}
HEADERS = (QT_TRANSLATE_NOOP("PlanTable", "Question"), QT_TRANSLATE_NOOP("PlanTable", "Sections"),
           QT_TRANSLATE_NOOP("PlanTable", "Measure"), QT_TRANSLATE_NOOP("PlanTable", "Owner"),
           QT_TRANSLATE_NOOP("PlanTable", "Due"), QT_TRANSLATE_NOOP("PlanTable", "Status"))


def _t(text: str) -> str:
    return QCoreApplication.translate("PlanTable", text)


def status_label(status: str) -> str:
    return _t(STATUS_LABELS[status])


def _centred(editor: QWidget) -> QWidget:
    """The editor at its own height in the middle of a tall (wrapped) row."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(2, 0, 2, 0)
    layout.addWidget(editor, 0, Qt.AlignmentFlag.AlignVCenter)
    return cell


class PlanTable(QObject):
    """Drives the form's QTableWidget; ``entries`` keeps what the user typed per question."""

    edited = Signal()

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self.table = table
        self.entries: dict[str, RemediationEntry] = {}
        self._advice: dict[str, str] = {}
        self._filling = False
        table.setColumnCount(6)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SECTIONS, QHeaderView.ResizeMode.ResizeToContents)
        for column in (QUESTION, MEASURE, OWNER, DUE, STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)  # with the whole text as tooltip
        self._viewport = table.viewport()
        self._viewport.installEventFilter(self)
        table.itemChanged.connect(self._item_changed)
        # Wrapped texts need their rows re-measured once the stretched columns settle.
        self._rows_timer = QTimer(self, singleShot=True, interval=0)
        self._rows_timer.timeout.connect(table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_timer.start())
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_t(h) for h in HEADERS])
        self.fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit_columns()
        return False

    def fit_columns(self) -> None:
        """Owner, Due and Status as wide as their longest text (an editor's widest entry, in
        the current language); Question and Measure share the rest, each at least
        ``TEXT_MIN_EM`` wide, so wrapped text stays readable and nothing is cut off."""
        header = self.table.horizontalHeader()
        em = self.table.fontMetrics().horizontalAdvance("M")
        pad = 8  # the cell's margins around an editor (_centred) and the grid line
        due = self._due_edit("", None, overdue=False)
        status = self._status_box("", STATUSES[0])
        widths = {OWNER: OWNER_EM * em, DUE: due.sizeHint().width() + pad,
                  STATUS: status.sizeHint().width() + pad}
        due.deleteLater()
        status.deleteLater()
        for column, width in widths.items():
            title = header.sectionSizeFromContents(column).width()
            header.resizeSection(column, max(width, title))
        fixed = sum(header.sectionSize(c) for c in (SECTIONS, OWNER, DUE, STATUS))
        share = max(TEXT_MIN_EM * em, (self.table.viewport().width() - fixed) // 2)
        for column in (QUESTION, MEASURE):
            header.resizeSection(column, share)

    def set_entries(self, entries: list[RemediationEntry]) -> None:
        self.entries = {e.question: e for e in entries}

    def remediation(self, questions: list[str]) -> list[RemediationEntry]:
        """The plan entries worth keeping: those of the current findings the user touched."""
        out = []
        for qid in questions:
            entry = self.entries.get(qid)
            if entry and (entry.action or entry.owner or entry.due or entry.status != "open"):
                out.append(entry)
        return out

    def show_plan(self, plan: list[PlanItem], checklist: Checklist, lang: Lang) -> None:
        self._filling = True
        for row in range(self.table.rowCount()):
            for column in (DUE, STATUS):
                old = self.table.cellWidget(row, column)
                if old is not None:  # deleted later by the table; hidden from now on
                    old.hide()
        self.table.setRowCount(len(plan))
        for row, item in enumerate(plan):
            entry = self.entries.setdefault(item.question,
                                            RemediationEntry(question=item.question))
            self._advice[item.question] = checklist.question(item.question).advice(lang)
            question = QTableWidgetItem(checklist.question(item.question).text(lang))
            question.setFlags(question.flags() & ~Qt.ItemFlag.ItemIsEditable)
            question.setData(Qt.ItemDataRole.UserRole, item.question)
            question.setToolTip(question.text())
            sections = QTableWidgetItem(", ".join(item.citations))
            sections.setFlags(sections.flags() & ~Qt.ItemFlag.ItemIsEditable)
            measure = QTableWidgetItem(entry.action or self._advice[item.question])
            measure.setToolTip(measure.text())
            owner = QTableWidgetItem(entry.owner)
            owner.setToolTip(entry.owner)
            sections.setToolTip(sections.text())
            self.table.setItem(row, QUESTION, question)
            self.table.setItem(row, SECTIONS, sections)
            self.table.setItem(row, MEASURE, measure)
            self.table.setItem(row, OWNER, owner)
            self.table.setCellWidget(row, DUE, _centred(self._due_edit(item.question, entry.due,
                                                                       item.overdue)))
            self.table.setCellWidget(row, STATUS,
                                     _centred(self._status_box(item.question, entry.status)))
        self.table.resizeRowsToContents()
        self._filling = False

    def due_edit(self, row: int) -> QDateEdit:
        return self.table.cellWidget(row, DUE).findChild(QDateEdit)

    def status_box(self, row: int) -> QComboBox:
        return self.table.cellWidget(row, STATUS).findChild(QComboBox)

    def _due_edit(self, qid: str, due: dt.date | None, overdue: bool) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(QCoreApplication.translate("PlanTable", "no date"))
        edit.setDate(QDate(due.year, due.month, due.day) if due else NO_DATE)
        if overdue:
            edit.setToolTip(QCoreApplication.translate("PlanTable", "Overdue"))
            theme.style(edit, "QDateEdit { color: @error; font-weight: bold; }")
        edit.dateChanged.connect(lambda date, qid=qid: self._set(
            qid, due=None if date == NO_DATE else date.toPython()))
        return edit

    def _status_box(self, qid: str, status: str) -> QComboBox:
        box = QComboBox()
        for value in STATUSES:
            box.addItem(status_label(value), value)
        box.setCurrentIndex(STATUSES.index(status))
        box.currentIndexChanged.connect(lambda i, qid=qid: self._set(qid, status=STATUSES[i]))
        return box

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in (MEASURE, OWNER):
            return
        qid = self.table.item(item.row(), QUESTION).data(Qt.ItemDataRole.UserRole)
        text = item.text().strip()
        self._filling = True
        item.setToolTip(item.text())  # an elided cell shows its whole text on hover
        self._filling = False
        if item.column() == MEASURE:
            self._set(qid, action="" if text == self._advice.get(qid) else text)
        else:
            self._set(qid, owner=text)

    def _set(self, qid: str, **changes: object) -> None:
        entry = self.entries.get(qid) or RemediationEntry(question=qid)
        self.entries[qid] = entry.model_copy(update=changes)
        self.edited.emit()
