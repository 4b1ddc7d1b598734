"""A small button naming a section of the source text; hover or click shows its title."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QToolButton, QToolTip, QWidget

from app.i18n import Lang
from app.rules.catalogue import Catalogue


def section_label(catalogue: Catalogue, section_id: str, lang: Lang) -> str:
    try:
        title = catalogue.section_title(section_id, lang)
    except StopIteration:
        return f"§{section_id}"
    return f"§{section_id} {title}"


class CitationChip(QToolButton):
    shown = Signal(str)  # "§2.2 Punishment measures", for the status bar

    def __init__(self, catalogue: Catalogue, section_id: str, lang: Lang,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.setObjectName("citationChip")
        self.setText(f"§{section_id}")
        self.setAutoRaise(True)
        self.setToolTip(section_label(catalogue, section_id, lang))
        self.setAccessibleName(self.toolTip())
        self.clicked.connect(self._show_title)

    def _show_title(self) -> None:
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), self.toolTip(), self)
        self.shown.emit(self.toolTip())


CHIP_STYLE = """
QToolButton#citationChip {
    border: 1px solid @chip_border; border-radius: 8px; padding: 0px 6px;
    background: @chip_bg; color: @chip_text;
}
QToolButton#citationChip:hover, QToolButton#citationChip:focus {
    background: @chip_hover; border: 2px solid @accent;
}
"""
