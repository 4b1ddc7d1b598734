"""One checklist question: its text and sections, the answer, notes and evidence files.

The card lists evidence and asks for files; keeping them (in the vault) is the page's work: it
hears ``files_added`` and gives back ``EvidenceItem``s to list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.audit.checklist import ANSWERS, Checklist, Question
from app.i18n import Lang
from app.rules.catalogue import Catalogue
from app.ui.audit_service import EvidenceItem
from app.ui.widgets.citation_chip import CitationChip, section_label

# Asks for files: (parent, caption) -> chosen paths (empty when cancelled).
AskOpenPaths = Callable[[QWidget, str], list[str]]
ITEM_ROLE = Qt.ItemDataRole.UserRole

CARD_STYLE = """
QFrame#questionCard { border: 1px solid @border; border-radius: 6px; background: palette(base); }
QFrame#questionCard[answered="true"] { border-left: 4px solid @answered; }
"""


class EvidenceList(QListWidget):
    """The card's evidence files; Delete removes the selected one, Enter opens it."""

    remove_requested = Signal(int)  # the row
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemActivated.connect(lambda item: self.open_requested.emit(self.row(item)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.remove_requested.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class QuestionCard(QFrame):
    changed = Signal(str)  # the question id
    citation_shown = Signal(str)
    files_added = Signal(list)  # paths chosen or dropped, to keep as evidence
    evidence_removed = Signal(object, int)  # the EvidenceItem taken off the list, its row
    evidence_opened = Signal(object)  # the EvidenceItem to show

    def __init__(self, question: Question, checklist: Checklist, catalogue: Catalogue,
                 lang: Lang, ask_open_paths: AskOpenPaths,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._checklist = checklist
        self._catalogue = catalogue
        self._ask_open_paths = ask_open_paths
        self.setObjectName("questionCard")
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)

        self.text = QLabel(wordWrap=True)
        font = QFont(self.text.font())
        font.setBold(True)
        self.text.setFont(font)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)

        # Created once, before the answers, so Tab goes chips → answers → notes → attach.
        chip_row = QHBoxLayout()
        chip_row.setSpacing(4)
        self.chips: list[CitationChip] = []
        for section in question.citations:
            chip = CitationChip(catalogue, section, lang, self)
            chip.shown.connect(self.citation_shown)
            chip_row.addWidget(chip)
            self.chips.append(chip)
        self.weight = QLabel()
        self.weight.setProperty("hint", True)
        chip_row.addWidget(self.weight)
        chip_row.addStretch(1)
        layout.addLayout(chip_row)

        radio_row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for answer in ANSWERS:
            radio = QRadioButton()
            radio.setObjectName(f"answer_{answer}")
            self.group.addButton(radio)
            self.radios[answer] = radio
            radio_row.addWidget(radio)
        radio_row.addStretch(1)
        self.group.buttonToggled.connect(self._answer_toggled)
        layout.addLayout(radio_row)

        note_row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.textEdited.connect(lambda _text: self.changed.emit(self.question.id))
        self.attach = QPushButton()
        self.attach.clicked.connect(self.ask_evidence)
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.attach)
        layout.addLayout(note_row)

        self.evidence_list = EvidenceList()
        self.evidence_list.setVisible(False)
        self.evidence_list.remove_requested.connect(self.remove_evidence_at)
        self.evidence_list.open_requested.connect(
            lambda row: self.evidence_opened.emit(self.evidence_items()[row]))
        layout.addWidget(self.evidence_list)
        self.retranslate(lang)

    # State ----------------------------------------------------------------------------------

    def answer(self) -> str | None:
        return next((a for a, radio in self.radios.items() if radio.isChecked()), None)

    def set_answer(self, answer: str | None) -> None:
        self.group.setExclusive(False)
        for value, radio in self.radios.items():
            radio.setChecked(value == answer)
        self.group.setExclusive(True)
        self._mark_answered()

    def note_text(self) -> str:
        return self.note.text().strip()

    def evidence(self) -> list[str]:
        """What the answer keeps: the evidence references (``vault:<id>``, or older paths)."""
        return [item.ref for item in self.evidence_items()]

    def evidence_items(self) -> list[EvidenceItem]:
        return [self.evidence_list.item(i).data(ITEM_ROLE)
                for i in range(self.evidence_list.count())]

    def evidence_names(self) -> list[str]:
        return [self.evidence_list.item(i).text() for i in range(self.evidence_list.count())]

    def set_state(self, answer: str | None, note: str = "",
                  evidence: list[EvidenceItem] | None = None) -> None:
        self.set_answer(answer)
        self.note.setText(note)
        self.evidence_list.clear()
        self.add_evidence(evidence or [], notify=False)

    def add_evidence(self, items: list[EvidenceItem], *, notify: bool = True,
                     row: int | None = None) -> None:
        known = set(self.evidence())
        for item in items:
            if item.ref and item.ref not in known:
                entry = QListWidgetItem(item.name)
                entry.setData(ITEM_ROLE, item)
                entry.setToolTip(item.name if item.in_vault else item.ref)
                if row is None:
                    self.evidence_list.addItem(entry)
                else:
                    self.evidence_list.insertItem(row, entry)
                    row += 1
                known.add(item.ref)
        self._fit_evidence()
        if notify:
            self.changed.emit(self.question.id)

    def remove_evidence_at(self, row: int) -> None:
        entry = self.evidence_list.takeItem(row)
        if entry is None:
            return
        self._fit_evidence()
        self.changed.emit(self.question.id)
        self.evidence_removed.emit(entry.data(ITEM_ROLE), row)

    def remove_evidence(self, ref: str) -> None:
        """Take the evidence off the list without telling anyone (an undone addition)."""
        for row, item in enumerate(self.evidence_items()):
            if item.ref == ref:
                self.evidence_list.takeItem(row)
                self._fit_evidence()
                self.changed.emit(self.question.id)
                return

    def _fit_evidence(self) -> None:
        count = self.evidence_list.count()
        self.evidence_list.setVisible(count > 0)
        rows = min(count, 3)
        self.evidence_list.setFixedHeight(
            rows * self.evidence_list.sizeHintForRow(0) + 2 * self.evidence_list.frameWidth()
            + 2 if count else 0)

    def ask_evidence(self) -> None:
        paths = self._ask_open_paths(self, self.tr("Add evidence files to the vault"))
        if paths:
            self.files_added.emit(paths)

    def first_radio(self) -> QRadioButton:
        return self.radios.get(self.answer() or "yes") or self.radios["yes"]

    def _answer_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._mark_answered()
            self.changed.emit(self.question.id)

    def _mark_answered(self) -> None:
        self.setProperty("answered", self.answer() is not None)
        self.style().unpolish(self)
        self.style().polish(self)

    # Drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.files_added.emit(paths)
            event.acceptProposedAction()

    # Language -------------------------------------------------------------------------------

    def retranslate(self, lang: Lang) -> None:
        q = self.question
        self.text.setText(q.text(lang))
        basis = self.tr("What the rules say: {basis}").format(basis=q.basis(lang))
        advice = self.tr("Advice (this app's suggestion): {advice}").format(advice=q.advice(lang))
        self.text.setToolTip(f"{basis}\n\n{advice}")
        labels = {"yes": self.tr("Yes"), "partly": self.tr("Partly"), "no": self.tr("No"),
                  "not_applicable": self.tr("Not applicable")}
        for answer, radio in self.radios.items():
            radio.setText(labels[answer])
            radio.setAccessibleName(f"{labels[answer]}: {q.text(lang)}")
        self.note.setPlaceholderText(self.tr("Notes: what you checked and what you saw"))
        self.attach.setText(self.tr("Add evidence…"))
        self.attach.setToolTip(self.tr("Evidence files are copied into the encrypted vault; "
                                       "you can also drop files on the question."))
        self.evidence_list.setToolTip(self.tr("Kept encrypted in the vault. Enter or a "
                                              "double-click opens the selected file; Delete "
                                              "removes it (Ctrl+Z undoes)."))
        titles = {sec.id: sec.title(lang) for sec in self._checklist.sections}
        for chip in self.chips:
            section = chip.section_id
            label = (f"§{section} {titles[section]}" if section in titles
                     else section_label(self._catalogue, section, lang))
            chip.set_texts(label, label)
        weight = self.tr("weight {weight:g}").format(weight=q.weight)
        self.weight.setText(weight + (" · " + self.tr("critical") if q.critical else ""))
