"""The Enterprise page's standing documents: business licence, the legal person's ID card (both
sides), the photo holding it and the sealed authorisation letter, kept once in the vault with
their validity and reused by every case's package; warnings before one expires and when the
profile changed since it was added (a new legal person makes the old ID card and letter
stale)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from app.appeal.intake import IntakeError
from app.i18n import Lang
from app.store import enterprise
from app.store.errors import StoreError
from app.ui import theme
from app.ui.store_service import WorkspaceService

# Asks for one file: (parent, caption) -> path or "".
AskOpenPath = Callable[[QWidget, str], str]


def ask_open_path(parent: QWidget, caption: str) -> str:
    from app.ui import file_dialogs

    return file_dialogs.open_file(parent, "profile", caption, QCoreApplication.translate(
        "EnterpriseDocuments", "Images and PDFs (*.jpg *.jpeg *.png *.heic *.webp *.pdf)"))


class DocumentRow:
    """One kind: what is on file, its validity date, Add/Replace and Remove."""

    def __init__(self, box: EnterpriseDocumentsBox, kind: str, row: int,
                 grid: QGridLayout) -> None:
        self.kind = kind
        self.doc: enterprise.EnterpriseDocument | None = None
        self.title = QLabel(box)
        self.state = QLabel(box, objectName=f"state_{kind}", wordWrap=True)
        self.state.setProperty("hint", True)
        self.until = QCheckBox(box, objectName=f"until_{kind}")
        self.date = QDateEdit(box, objectName=f"date_{kind}", calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.add = QPushButton(box, objectName=f"add_{kind}")
        self.remove = QPushButton(box, objectName=f"remove_{kind}")
        for button in (self.add, self.remove):
            button.setAutoDefault(False)
        grid.addWidget(self.title, row * 2, 0)
        grid.addWidget(self.until, row * 2, 1)
        grid.addWidget(self.date, row * 2, 2)
        grid.addWidget(self.add, row * 2, 3)
        grid.addWidget(self.remove, row * 2, 4)
        grid.addWidget(self.state, row * 2 + 1, 0, 1, 5)
        self.add.clicked.connect(lambda: box.choose_file(kind))
        self.remove.clicked.connect(lambda: box.remove(kind))
        self.until.toggled.connect(lambda _on: box.validity_changed(kind))
        self.date.dateChanged.connect(lambda _d: box.validity_changed(kind))

    def valid_until(self) -> dt.date | None:
        return self.date.date().toPython() if self.until.isChecked() else None


class EnterpriseDocumentsBox(QGroupBox):
    """Reads and writes app.store.enterprise; ``changed`` after every edit."""

    changed = Signal()
    status = Signal(str, int)

    def __init__(self, store: WorkspaceService, lang: Callable[[], Lang],
                 parent: QWidget | None = None, *,
                 ask_open_path: AskOpenPath = ask_open_path) -> None:
        super().__init__(parent)
        self.setObjectName("enterpriseDocumentsGroup")
        self.store, self._lang, self._ask_open_path = store, lang, ask_open_path
        self._loading = False
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        self.hint = QLabel(self, objectName="enterpriseDocumentsHint", wordWrap=True)
        self.hint.setProperty("hint", True)
        self.warnings = QLabel(self, objectName="enterpriseWarnings", wordWrap=True)
        grid.addWidget(self.hint, 0, 0, 1, 5)
        grid.addWidget(self.warnings, 1, 0, 1, 5)
        rows = QGridLayout()
        rows.setColumnStretch(0, 1)
        grid.addLayout(rows, 2, 0, 1, 5)
        self.rows = {kind: DocumentRow(self, kind, n, rows)
                     for n, kind in enumerate(enterprise.ENTERPRISE_KINDS)}
        self.retranslate()

    # Loading --------------------------------------------------------------------------------

    def load(self, today: dt.date | None = None) -> None:
        ws = self.store.workspace_if_present()
        unlocked = ws is not None and ws.is_unlocked
        self.setEnabled(unlocked)
        current: dict[str, enterprise.EnterpriseDocument] = {}
        found: Sequence[enterprise.DocumentWarning] = []
        if ws is not None:
            try:
                current = enterprise.current_enterprise_documents(ws)
                found = enterprise.enterprise_warnings(ws, today=today)
            except StoreError as exc:
                self.status.emit(str(exc), 0)
        self._loading = True
        for kind, row in self.rows.items():
            row.doc = current.get(kind)
            row.until.setChecked(row.doc is not None and row.doc.valid_until is not None)
            if row.doc is not None and row.doc.valid_until is not None:
                row.date.setDate(QDate(row.doc.valid_until))
            row.until.setEnabled(row.doc is not None)
            row.date.setEnabled(row.doc is not None and row.until.isChecked())
            row.remove.setEnabled(row.doc is not None)
        self._loading = False
        self.shown_warnings = list(found)
        self._render()

    def _render(self) -> None:
        lang = self._lang()
        tokens = theme.tokens()
        lines = []
        for w in self.shown_warnings:
            colour = tokens["warning" if w.state == "expiring" else "error"]
            mark = "⚠" if w.state == "expiring" else "✖"
            lines.append(f'<span style="color:{colour}">{mark} {escape(w.message(lang))}</span>')
        self.warnings.setText("<br>".join(lines))
        self.warnings.setVisible(bool(lines))
        for row in self.rows.values():
            doc = row.doc
            row.add.setText(self.tr("Replace…") if doc else self.tr("Add…"))
            if doc is None:
                row.state.setText(self.tr("Not on file."))
            else:
                row.state.setText(self.tr("On file since {date} · {size} KB").format(
                    date=doc.added[:10], size=max(1, round(doc.size / 1024))))

    # Edits ----------------------------------------------------------------------------------

    def choose_file(self, kind: str) -> None:
        title = enterprise.kind_title(kind)(self._lang())
        path = self._ask_open_path(self, self.tr("Choose the {document}").format(
            document=title))
        if path:
            self.add_file(kind, Path(path))

    def add_file(self, kind: str, path: Path) -> bool:
        """Encrypt ``path`` into the vault as the enterprise's ``kind`` (replacing the old)."""
        if not self.store.ensure_vault(self):
            return False
        row = self.rows[kind]
        try:
            doc, notes = enterprise.add_enterprise_document(
                self.store.workspace(), kind, path,
                valid_until=row.valid_until() if row.doc is not None else None)
        except IntakeError as exc:
            self.status.emit(exc.message(self._lang()), 0)
            return False
        except (OSError, StoreError) as exc:
            self.status.emit(self.tr("Could not add {name}: {error}").format(
                name=path.name, error=getattr(exc, "strerror", None) or exc), 0)
            return False
        message = self.tr("{document} kept encrypted; every case's package uses it.").format(
            document=enterprise.kind_title(kind)(self._lang()))
        if notes:
            message += " " + " ".join(n(self._lang()) for n in notes)
        self.status.emit(message, 8000)
        self.load()
        self.changed.emit()
        return doc is not None

    def remove(self, kind: str) -> None:
        doc = self.rows[kind].doc
        if doc is None:
            return
        try:
            enterprise.remove_enterprise_document(self.store.workspace(), doc.id)
        except StoreError as exc:
            self.status.emit(str(exc), 0)
            return
        self.load()
        self.changed.emit()

    def validity_changed(self, kind: str) -> None:
        row = self.rows[kind]
        row.date.setEnabled(row.doc is not None and row.until.isChecked())
        if self._loading or row.doc is None:
            return
        try:
            enterprise.set_valid_until(self.store.workspace(), row.doc.id, row.valid_until())
        except StoreError as exc:
            self.status.emit(str(exc), 0)
            return
        self.load()
        self.changed.emit()

    def retranslate(self) -> None:
        lang = self._lang()
        self.setTitle(self.tr("Standing documents"))
        self.hint.setText(self.tr(
            "Kept once, encrypted, and reused by every case's appeal package. Enter the date "
            "printed on each (ID card expiry, licence term): the app warns 30 days before, and "
            "when the profile changes after a document was added."))
        for kind, row in self.rows.items():
            row.title.setText(enterprise.kind_title(kind)(lang))
            row.until.setText(self.tr("Valid until"))
            row.remove.setText(self.tr("Remove"))
        if hasattr(self, "shown_warnings"):
            self._render()
