"""Shows one diagnosis: the route first, then documents, reasons with citations, what is open."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.i18n import Lang
from app.rules.catalogue import Catalogue
from app.rules.contract import Diagnosis, Sentence
from app.rules.text import is_advice
from app.ui import theme
from app.ui.widgets.citation_chip import CHIP_STYLE, CitationChip

CERTAINTY = {
    "decided": QT_TRANSLATE_NOOP("DiagnosisView", "Decided by the published rules"),
    "partial": QT_TRANSLATE_NOOP("DiagnosisView", "Partly decided: see what the rules leave open"),
    "undecided": QT_TRANSLATE_NOOP("DiagnosisView", "Not decided by the published rules"),
}

STYLE = CHIP_STYLE + """
QFrame#routeBox { background: @success_bg; border: 2px solid @success_border; border-radius: 6px; }
QFrame#routeBox QLabel { background: transparent; color: @success_text; }
QGroupBox#undecidedBox { border: 1px solid @warning_border; border-radius: 4px; margin-top: 1.4em;
                         background: @warning_bg; color: @warning_text; }
QGroupBox#undecidedBox QLabel { color: @warning_text; }
QGroupBox#undecidedBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QLabel[hint="true"] { color: @hint; }
"""


def _label(text: str, *, hint: bool = False, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if hint:
        label.setProperty("hint", True)
    return label


class DiagnosisView(QWidget):
    """Rebuilt from scratch for each diagnosis (and each language)."""

    citation_shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.style(self, STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._body: QWidget | None = None
        self.document_checks: dict[str, QCheckBox] = {}
        self.chips: list[CitationChip] = []

    def _tr(self, text: str) -> str:
        return QCoreApplication.translate("DiagnosisView", text)

    def clear(self) -> None:
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.hide()
            self._body.setParent(None)  # out of findChild() at once, deleted later
            self._body.deleteLater()
            self._body = None
        self.document_checks = {}
        self.chips = []

    def _new_body(self) -> QVBoxLayout:
        self.clear()
        self._body = QWidget(self)
        self._layout.addWidget(self._body)
        layout = QVBoxLayout(self._body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        return layout

    def show_error(self, message: str) -> None:
        layout = self._new_body()
        layout.addWidget(_label(self.tr("The diagnosis could not be made: {error}")
                                .format(error=message)))
        layout.addStretch(1)

    def show_diagnosis(self, diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang,
                       checked_documents: Sequence[str] = ()) -> None:
        layout = self._new_body()
        layout.addWidget(self._route_box(diagnosis, catalogue, lang))
        layout.addLayout(self._summary(diagnosis, catalogue, lang))
        if diagnosis.documents:
            layout.addWidget(self._documents(diagnosis, catalogue, lang, checked_documents))
        self._sentences(layout, self.tr("Why"), diagnosis.explanation, catalogue, lang)
        self._sentences(layout, self.tr("Timing"), diagnosis.timing, catalogue, lang)
        self._sentences(layout, self.tr("If it happens again"), diagnosis.next_violation,
                        catalogue, lang)
        layout.addWidget(self._undecided(diagnosis, catalogue, lang))
        footer = _label(self.tr("Rule catalogue {version}. WeCom decides every case; this is "
                                "a reading of its published rules.")
                        .format(version=diagnosis.catalogue_version), hint=True)
        layout.addWidget(footer)
        layout.addStretch(1)

    # Parts ----------------------------------------------------------------------------------

    def _chips(self, sections: Sequence[str], catalogue: Catalogue, lang: Lang) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        for section_id in sections:
            chip = CitationChip(catalogue, section_id, lang)
            chip.shown.connect(self.citation_shown)
            self.chips.append(chip)
            row.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _sentence_row(self, sentence: Sentence, catalogue: Catalogue, lang: Lang) -> QHBoxLayout:
        row = QHBoxLayout()
        if is_advice(sentence, catalogue):
            # The app's reading, inference or suggestion: never shown as the rules' words.
            text = QVBoxLayout()
            text.setSpacing(0)
            text.addWidget(_label(sentence.text))
            tag = _label(self.tr("The app's reading, not the rules' words"), hint=True)
            tag.setObjectName("adviceTag")
            text.addWidget(tag)
            row.addLayout(text, 1)
        else:
            row.addWidget(_label(sentence.text), 1, Qt.AlignmentFlag.AlignTop)
        row.addLayout(self._chips(sentence.citations, catalogue, lang))
        return row

    def _route_box(self, diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang) -> QFrame:
        box = QFrame()
        box.setObjectName("routeBox")
        layout = QVBoxLayout(box)
        route = catalogue.route(diagnosis.appeal_route)
        route_title, how, advice = route.wording(diagnosis.route_variant)
        heading = QHBoxLayout()
        title = _label(self.tr("What to do: {route}").format(route=route_title(lang)))
        title.setObjectName("routeTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        heading.addWidget(title, 1)
        heading.addLayout(self._chips(route.sections, catalogue, lang))
        layout.addLayout(heading)
        layout.addWidget(_label(how(lang)))
        if advice:
            advice_label = _label(self.tr("The app's advice, not a WeCom rule: {advice}")
                                  .format(advice=advice(lang)))
            advice_label.setObjectName("routeAdvice")
            layout.addWidget(advice_label)
        if diagnosis.alternative_routes:
            others = "; ".join(catalogue.route(r).title(lang) for r in diagnosis.alternative_routes)
            layout.addWidget(_label(self.tr("Also possible: {routes}").format(routes=others),
                                    hint=True))
        return box

    def _summary(self, diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        unknown = self.tr("Cannot be told from what you entered")
        if diagnosis.rule:
            rule = catalogue.rule(diagnosis.rule)
            rule_text = f"{rule.title(lang)} (§{rule.section})"
        else:
            rule_text = unknown
        form.addRow(self.tr("Penalty rule:"), _label(rule_text))
        if diagnosis.step is not None:
            form.addRow(self.tr("Step on the ladder:"),
                        _label(self.tr("Violation number {step} (§2.2)")
                               .format(step=diagnosis.step)))
        if diagnosis.category:
            try:
                category = catalogue.violation(diagnosis.category).title(lang)
            except StopIteration:
                category = diagnosis.category
        else:
            category = unknown
        form.addRow(self.tr("Violation category:"), _label(category))
        form.addRow(self.tr("Certainty:"), _label(self._tr(CERTAINTY[diagnosis.certainty])))
        if diagnosis.aggravated:
            form.addRow(_label(self.tr("This is an escalated measure for a violation with "
                                           "bad influence, off the ordinary ladder."), hint=True))
        return form

    def _documents(self, diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang,
                   checked: Sequence[str]) -> QGroupBox:
        group = QGroupBox(self.tr("Documents to prepare"))
        layout = QVBoxLayout(group)
        by_id = {d.id: d for d in catalogue.documents}
        for kind in diagnosis.documents:
            document = by_id.get(kind)
            check = QCheckBox(document.title(lang) if document else kind)
            check.setChecked(kind in checked)
            if document:
                check.setToolTip(document.description(lang))
            self.document_checks[kind] = check
            row = QHBoxLayout()
            row.addWidget(check)
            row.addStretch(1)
            if document:
                row.addLayout(self._chips([document.section], catalogue, lang))
            layout.addLayout(row)
            if document:
                note = _label(document.description(lang), hint=True)
                note.setContentsMargins(24, 0, 0, 0)
                layout.addWidget(note)
        if diagnosis.documents_open or catalogue.route(diagnosis.appeal_route).documents_open:
            more = _label(self.tr("The list is open: the rules end it with “etc.”, so customer "
                                  "support may ask for more documents (§5.3)."), hint=True)
            more.setObjectName("documentsOpen")
            layout.addWidget(more)
        return group

    def _sentences(self, layout: QVBoxLayout, title: str, sentences: Sequence[Sentence],
                   catalogue: Catalogue, lang: Lang) -> None:
        if not sentences:
            return
        group = QGroupBox(title)
        inner = QVBoxLayout(group)
        for sentence in sentences:
            inner.addLayout(self._sentence_row(sentence, catalogue, lang))
        layout.addWidget(group)

    def _undecided(self, diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang) -> QGroupBox:
        group = QGroupBox(self.tr("What the rules do not decide"))
        group.setObjectName("undecidedBox")
        inner = QVBoxLayout(group)
        if diagnosis.undecided:
            for sentence in diagnosis.undecided:
                inner.addLayout(self._sentence_row(sentence, catalogue, lang))
        else:
            inner.addWidget(_label(self.tr("Nothing for this case: the published rules decide "
                                           "every part of this answer.")))
        return group
