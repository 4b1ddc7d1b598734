"""The Diagnose flow and the workspace: which member (prior_violations from their ledger, 2.2)
and recording the result as a case with its ledger entry."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QSpinBox, QWidget

from app.store import ledger
from app.store.errors import StoreError
from app.ui.store_service import WorkspaceService


class MemberPicker(QGroupBox):
    """Choose a member from the store or type a new userid; fills ``prior`` from the ledger."""

    member_changed = Signal(str)

    def __init__(self, store: WorkspaceService, prior: QSpinBox,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupMember")
        self.store = store
        self.prior = prior
        self.ledger_count: int | None = None  # rule-1 restrictions the ledger knows of
        self.entered_count = 0  # of which entered by hand ("earlier, before this app")
        layout = QGridLayout(self)
        layout.setColumnStretch(1, 1)
        self.label = QLabel(self)
        self.combo = QComboBox(self, objectName="memberCombo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(16)
        self.label.setBuddy(self.combo)
        self.note = QLabel(self, objectName="ledgerNote", wordWrap=True)
        self.note.setProperty("hint", True)
        layout.addWidget(self.label, 0, 0)
        layout.addWidget(self.combo, 0, 1)
        layout.addWidget(self.note, 1, 0, 1, 2)
        self.combo.currentTextChanged.connect(self._changed)
        prior.valueChanged.connect(self._update_note)
        self.retranslate()

    def userid(self) -> str | None:
        """The chosen member, or None when none is named (or the name is not a userid)."""
        text = self.combo.currentText().strip()
        return text if text and ledger.is_valid_userid(text) else None

    def reload(self) -> None:
        """Offer the members the store knows (keeps what is typed)."""
        text = self.combo.currentText()
        try:
            members = [m.userid for m in ledger.list_members(self.store.workspace())]
        except StoreError:
            members = []
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(members)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def clear(self) -> None:
        self.combo.setEditText("")
        self.ledger_count = None
        self._update_note()

    def set_member(self, userid: str) -> None:
        self.combo.setEditText(userid)

    def _changed(self, _text: str) -> None:
        userid = self.userid()
        self.ledger_count = None
        self.entered_count = 0
        if userid is not None:
            try:
                # 2.2: recorded by cases + entered by hand, one count.
                count = ledger.ledger_count(self.store.workspace(), userid)
                self.ledger_count, self.entered_count = count.total, count.entered
            except StoreError:
                self.ledger_count = None
        if self.ledger_count is not None:
            self.prior.setValue(self.ledger_count)  # 2.2: the ladder counts earlier violations
        self._update_note()
        self.member_changed.emit(userid or "")

    def _update_note(self, *_: object) -> None:
        text = self.combo.currentText().strip()
        if not text:
            note = self.tr("Optional. Name the member to take their earlier restrictions from "
                           "the ledger and to record the result as their case.")
        elif self.userid() is None:
            note = self.tr("A userid is 1 to 64 printable characters, with no blank at either "
                           "end.")
        elif self.ledger_count is None:
            note = ""
        else:
            if self.ledger_count == 0:
                note = self.tr("The ledger has no earlier rule-1 restriction of {userid}: a new "
                               "member, or one never restricted.").format(userid=text)
            else:
                note = self.tr("From the ledger: {userid} was restricted under rule 1 {count} "
                               "time(s) before (section 2.2).").format(userid=text,
                                                                       count=self.ledger_count)
            if self.entered_count:
                note += " " + self.tr("{entered} of them entered by hand (before this "
                                      "app).").format(entered=self.entered_count)
            if self.prior.value() > self.ledger_count:
                note += " " + self.tr("You changed the number to {value}: recording the case "
                                      "adds the other {more} to the ledger as entered by hand."
                                      ).format(value=self.prior.value(),
                                               more=self.prior.value() - self.ledger_count)
            elif self.prior.value() != self.ledger_count:
                note += " " + self.tr("You changed the number to {value}; the ledger's count is "
                                      "used, as the ladder counts every recorded violation."
                                      ).format(value=self.prior.value())
        self.note.setText(note)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Which member?"))
        self.label.setText(self.tr("Member (&userid):"))
        self.combo.lineEdit().setPlaceholderText(self.tr("Choose or type a userid"))
        self._update_note()
