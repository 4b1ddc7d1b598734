"""The "发送前检查 / Check before sending" workspace: paste a text or open a TXT/CSV/XLSX file,
see each finding highlighted with its reason, section and hint, filter by severity, export."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.labels import label
from app.textcheck.checks import SEVERITIES, ChecksError
from app.textcheck.engine import RowFindings, TextChecker, check_rows, load_checker
from app.textcheck.inputs import TextsFileError, read_texts_file
from app.ui.context import AppContext

_COLOURS = {"high": "#cf222e", "medium": "#b08800", "info": "#1f6feb"}
_BACKGROUNDS = {"high": "#ffd7d5", "medium": "#fff1b3", "info": "#ddf4ff"}


class CheckPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._checker: TextChecker | None = None
        self._items: list[RowFindings] = []
        self._source = ""
        self._rows_from_file: list[tuple[int, str]] | None = None

        self.intro = QLabel(wordWrap=True)
        self.openButton = QPushButton()
        self.checkButton = QPushButton()
        self.severityBox = QComboBox()
        self.csvButton = QPushButton()
        self.pdfButton = QPushButton()
        self.editor = QPlainTextEdit()
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.detail = QTextBrowser()
        self.summary = QLabel()

        buttons = QHBoxLayout()
        for w in (self.openButton, self.checkButton, self.severityBox):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.csvButton)
        buttons.addWidget(self.pdfButton)
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.table)
        results.addWidget(self.detail)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.editor)
        split.addWidget(results)
        split.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)

        self.openButton.clicked.connect(self.open_file)
        self.checkButton.clicked.connect(self.run_check)
        self.severityBox.currentIndexChanged.connect(self._fill_table)
        self.csvButton.clicked.connect(lambda: self.export("csv"))
        self.pdfButton.clicked.connect(lambda: self.export("pdf"))
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.editor.textChanged.connect(self._edited)
        context.hub.language_changed.connect(self.retranslate)
        self.retranslate()

    # Texts ------------------------------------------------------------------------------

    def retranslate(self, *_: object) -> None:
        self.intro.setText(self.tr(
            "Paste a welcome message, mass-message text, Moments post or group announcement, or "
            "open a TXT, CSV or XLSX file with one text per row. Each finding cites the rule and "
            "section it comes from; findings marked as the app's advice are not WeCom's rules."))
        self.openButton.setText(self.tr("&Open file…"))
        self.checkButton.setText(self.tr("&Check"))
        self.csvButton.setText(self.tr("Export &CSV…"))
        self.pdfButton.setText(self.tr("Export &PDF…"))
        self.editor.setPlaceholderText(self.tr("Paste the text to check here"))
        current = self.severityBox.currentIndex()
        self.severityBox.blockSignals(True)
        self.severityBox.clear()
        self.severityBox.addItems([self.tr("All findings"), self.tr("Medium and high"),
                                   self.tr("High only")])
        self.severityBox.setCurrentIndex(max(current, 0))
        self.severityBox.blockSignals(False)
        self.table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Severity"),
                                              self.tr("Category"), self.tr("Section"),
                                              self.tr("Found text")])
        if self._items:
            self.run_check()
        else:
            self._update_buttons()

    def _edited(self) -> None:
        if self._rows_from_file is not None and not self.editor.property("loading"):
            self._rows_from_file = None  # the user typed over an opened file: check the text
            self._source = ""

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open texts"), "",
            self.tr("Texts (*.txt *.csv *.tsv *.xlsx);;All files (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        try:
            rows, _ = read_texts_file(path, txt_rows=True)
        except TextsFileError as exc:
            QMessageBox.warning(self, self.tr("Open texts"), exc.message(self.context.lang))
            return False
        self.editor.setProperty("loading", True)
        self.editor.setPlainText("\n".join(text for _, text in rows))
        self.editor.setProperty("loading", False)
        self._rows_from_file = rows
        self._source = path.name
        self.run_check()
        return True

    # Checking ---------------------------------------------------------------------------

    def checker(self) -> TextChecker | None:
        if self._checker is None:
            try:
                self._checker = load_checker(self.context.catalogue)
            except ChecksError as exc:
                QMessageBox.warning(self, self.tr("Check before sending"), str(exc))
                return None
        return self._checker

    def run_check(self) -> None:
        checker = self.checker()
        if checker is None:
            return
        if self._rows_from_file is not None:
            rows = self._rows_from_file
        else:
            text = self.editor.toPlainText()
            rows = [(1, text)] if text.strip() else []
            self._source = self.tr("pasted text")
        self._items = check_rows(checker, rows, self.context.lang)
        self._fill_table()

    def _visible(self) -> list[tuple[RowFindings, int]]:
        keep = SEVERITIES[: 3 - self.severityBox.currentIndex()]
        return [(item, i) for item in self._items for i, f in enumerate(item.findings)
                if f.severity in keep]

    def _fill_table(self, *_: object) -> None:
        shown = self._visible()
        self.table.setRowCount(len(shown))
        lang = self.context.lang
        for r, (item, i) in enumerate(shown):
            f = item.findings[i]
            section = f.section if f.section else label("check_not_a_rule", lang)
            for c, value in enumerate((str(item.row), label(f"check_severity_{f.severity}", lang),
                                       f.title, section, f.matched)):
                cell = QTableWidgetItem(value)
                if c == 1:
                    cell.setForeground(Qt.GlobalColor.white)
                    cell.setBackground(_qcolor(_COLOURS[f.severity]))
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        total = sum(len(i.findings) for i in self._items)
        texts = sum(1 for i in self._items if i.findings)
        if not self._items:
            self.summary.setText(self.tr("Nothing checked yet."))
        elif total:
            self.summary.setText(label("check_summary", lang, findings=total, texts=texts,
                                       of=len(self._items)))
        else:
            self.summary.setText(label("check_clean", lang, texts=len(self._items)))
        if shown:
            self.table.setCurrentCell(0, 0)
            self._show_detail(0)
        else:
            self.detail.setHtml(self.tr("<p>No findings to show.</p>") if self._items else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.csvButton.setEnabled(bool(self._items))
        self.pdfButton.setEnabled(bool(self._items))

    def _show_detail(self, row: int) -> None:
        shown = self._visible()
        if not 0 <= row < len(shown):
            return
        item, index = shown[row]
        lang = self.context.lang
        parts = []
        for i, f in enumerate(item.findings):
            where = (label("check_cites", lang, rule=f.rule[1:], section=f.section) if f.rule
                     else label("check_not_a_rule", lang))
            weight = "font-weight:bold;" if i == index else ""
            parts.append(
                f'<p style="{weight}"><span style="color:{_COLOURS[f.severity]}">'
                f'[{html.escape(label("check_severity_" + f.severity, lang))}]</span> '
                f"{html.escape(f.title)} ({html.escape(where)})<br>{html.escape(f.reason)}<br>"
                f"<i>{html.escape(label('check_hint', lang) + f.hint)}</i></p>")
        self.detail.setHtml(f"<p>{_highlighted(item, index)}</p><hr>{''.join(parts)}")

    # Export -----------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        from app.audit.pdfkit import ReportFontError
        from app.textcheck.report import write_csv, write_pdf

        title = self.tr("Export CSV") if kind == "csv" else self.tr("Export PDF")
        pattern = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("PDF files (*.pdf)")
        name, _ = QFileDialog.getSaveFileName(self, title, f"check.{kind}", pattern)
        if not name:
            return
        try:
            if kind == "csv":
                write_csv(self._items, Path(name), self.context.lang)
            else:
                write_pdf(self._items, Path(name), self.context.lang, self._source)
        except ReportFontError as exc:
            QMessageBox.warning(self, title, exc.message(self.context.lang))
            return
        except OSError as exc:
            QMessageBox.warning(self, title, f"{name}: {exc.strerror or exc}")
            return
        self.context.hub.status_message.emit(self.tr("Saved {name}").format(name=name), 5000)


def _qcolor(value: str):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor

    return QColor(value)


def _highlighted(item: RowFindings, current: int) -> str:
    out: list[str] = []
    pos = 0
    text = item.text
    for i, f in sorted(enumerate(item.findings), key=lambda p: p[1].start):
        if f.start < pos:
            continue
        border = f"border-bottom:2px solid {_COLOURS[f.severity]};" if i == current else ""
        out.append(html.escape(text[pos:f.start]))
        out.append(f'<span style="background:{_BACKGROUNDS[f.severity]};color:#000;{border}">'
                   f"{html.escape(text[f.start:f.end])}</span>")
        pos = f.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")
