"""Paragraph and table styles in the embedded CJK font: ``Styles`` for the appeal documents,
``ReportStyles`` for the audit and scan reports."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as _html_escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle

from app.i18n import Lang
from app.pdf.fonts import CJKFont, find_cjk_font, register_pdf_font
from app.pdf.page import INK, MUTED

REPORT_ACCENT = HexColor("#1f6feb")
REPORT_MUTED = HexColor("#57606a")
REPORT_ADVICE = HexColor("#0b5e2a")  # the app's advice, set apart from what the rules say


def escape(text: str) -> str:
    """``text`` for a reportlab paragraph: &, < and > escaped, quotes left alone, as
    xml.sax.saxutils.escape does (which would import urllib and http: bench/startup)."""
    return _html_escape(text, quote=False)


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


class ReportStyles:
    """The denser styles of the audit and scan reports (tables and charts on A4)."""

    def __init__(self, font: str, lang: Lang) -> None:
        wrap = "CJK" if lang == "zh_CN" else None
        base = dict(fontName=font, wordWrap=wrap, alignment=TA_LEFT)
        self.font = font
        self.title = ParagraphStyle("title", fontSize=18, leading=24, spaceAfter=6,
                                    textColor=REPORT_ACCENT, **base)
        self.h1 = ParagraphStyle("h1", fontSize=13.5, leading=18, spaceBefore=10, spaceAfter=4,
                                 textColor=REPORT_ACCENT, **base)
        self.h2 = ParagraphStyle("h2", fontSize=11, leading=15, spaceBefore=6, spaceAfter=2,
                                 **base)
        self.body = ParagraphStyle("body", fontSize=9.5, leading=13.5, **base)
        self.small = ParagraphStyle("small", fontSize=8, leading=11, textColor=REPORT_MUTED, **base)
        self.cell = ParagraphStyle("cell", fontSize=8.5, leading=11.5, **base)
        self.advice = ParagraphStyle("advice", fontSize=9, leading=12.5, leftIndent=8,
                                     textColor=REPORT_ADVICE, **base)

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style or self.body)
