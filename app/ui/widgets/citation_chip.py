"""A small button naming a section of the source text; hover or click shows its title and what
the rule catalogue says under that section (the catalogue restates WeCom's published text)."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QToolButton, QToolTip, QWidget

from app.i18n import Lang
from app.rules.catalogue import Catalogue
from app.ui.accessibility import visible_text

MAX_PARAGRAPHS = 6  # a tooltip, not the Rules page: the rest is one click away there


def section_label(catalogue: Catalogue, section_id: str, lang: Lang) -> str:
    try:
        title = catalogue.section_title(section_id, lang)
    except StopIteration:
        return f"§{section_id}"
    return f"§{section_id} {title}"


def section_wording(catalogue: Catalogue, section_id: str, lang: Lang) -> list[str]:
    """The catalogue's texts filed under exactly this section, in catalogue order."""
    texts: list[str] = []
    for violation in catalogue.violations:
        if violation.section == section_id:
            texts.append(f"{violation.title(lang)}: {violation.description(lang)}")
    for rule in catalogue.rules:
        if rule.section == section_id:
            texts.append(rule.summary(lang))
        texts += [step.text(lang) for step in rule.ladder if step.section == section_id]
        texts += [measure.text(lang) for measure in rule.measures if measure.section == section_id]
    for route in catalogue.routes:
        if section_id in route.sections:
            texts.append(f"{route.title(lang)}: {route.how(lang)}")
    for document in catalogue.documents:
        if document.section == section_id:
            texts.append(f"{document.title(lang)}: {document.description(lang)}")
    for faq in catalogue.faq:
        if faq.section == section_id:
            texts.append(f"{faq.question(lang)} {' '.join(a(lang) for a in faq.answer)}")
    return list(dict.fromkeys(t for t in texts if t.strip()))


def section_tooltip(catalogue: Catalogue, section_id: str, lang: Lang, title: str = "") -> str:
    """Rich text: the section's title, then the catalogue's wording of it."""
    from PySide6.QtCore import QCoreApplication

    heading = title or section_label(catalogue, section_id, lang)
    paragraphs = section_wording(catalogue, section_id, lang)
    if not paragraphs:
        return f"<qt><b>{html.escape(heading)}</b></qt>"
    shown = paragraphs[:MAX_PARAGRAPHS]
    more = len(paragraphs) - len(shown)
    note = QCoreApplication.translate(
        "CitationChip", "What the rule catalogue says (a restatement of WeCom's rules):")
    body = "".join(f"<p>{html.escape(p)}</p>" for p in shown)
    if more:
        body += "<p><i>{}</i></p>".format(html.escape(QCoreApplication.translate(
            "CitationChip", "…and {count} more in the Rules workspace.").format(count=more)))
    return f"<qt><b>{html.escape(heading)}</b><p><i>{html.escape(note)}</i></p>{body}</qt>"


class CitationChip(QToolButton):
    shown = Signal(str)  # "§2.2 Punishment measures", for the status bar

    def __init__(self, catalogue: Catalogue, section_id: str, lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.setObjectName("citationChip")
        self.setText(f"§{section_id}")
        self.setAutoRaise(True)
        self.set_texts(section_label(catalogue, section_id, lang),
                       section_tooltip(catalogue, section_id, lang))
        self.clicked.connect(self._show_title)

    def set_texts(self, label: str, tooltip: str) -> None:
        """``label`` (§2.2 Title) names the chip; ``tooltip`` adds the section's wording."""
        self.label = label
        self.setToolTip(tooltip)
        self.setAccessibleName(label)
        self.setAccessibleDescription(visible_text(tooltip))

    def _show_title(self) -> None:
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.toolTip(), self)
        self.shown.emit(self.label)


CHIP_STYLE = """
QToolButton#citationChip {
    border: 1px solid @chip_border; border-radius: 8px; padding: 0px 6px;
    background: @chip_bg; color: @chip_text;
}
QToolButton#citationChip:hover, QToolButton#citationChip:focus {
    background: @chip_hover; border: 2px solid @accent;
}
"""
