"""Paragraph and table styles in the embedded CJK font, for the appeal documents."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from app.pdf.fonts import CJKFont, find_cjk_font, register_pdf_font
from app.pdf.page import INK, MUTED


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_label: ParagraphStyle


def build_styles(font: CJKFont | str | None = None) -> Styles:
    """Styles in ``font``: a font file (registered here), the name of one already registered,
    or, by default, the font find_cjk_font() picks."""
    name = font if isinstance(font, str) else register_pdf_font(font or find_cjk_font())
    # wordWrap='CJK' breaks lines between any two Chinese characters (reportlab's CJK wrap).
    body = ParagraphStyle("body", fontName=name, fontSize=11, leading=18, textColor=INK,
                          wordWrap="CJK", spaceAfter=6)
    return Styles(
        font=name,
        title=ParagraphStyle("title", parent=body, fontSize=20, leading=28, alignment=TA_CENTER,
                             spaceAfter=14),
        heading=ParagraphStyle("heading", parent=body, fontSize=14, leading=20, spaceBefore=4,
                               spaceAfter=8),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=9, leading=13, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=10.5, leading=15, spaceAfter=0),
        cell_label=ParagraphStyle("cell_label", parent=body, fontSize=10.5, leading=15,
                                  spaceAfter=0, textColor=MUTED),
    )


def table_style(styles: Styles | str, *commands: tuple) -> TableStyle:
    """A TableStyle whose cells use the embedded font (``styles``' or the one named; reportlab's
    default, Helvetica, would be named in the PDF without being embedded)."""
    font = styles if isinstance(styles, str) else styles.font
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])
