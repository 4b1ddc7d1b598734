"""What the generated PDFs share: A4 geometry, CJK styles, numbered pages, minimal metadata."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import TableStyle

from app.appeal.fonts import CJKFont, find_cjk_font, register_pdf_font
from app.i18n import Lang, LocalText

# JPEG bytes go into the PDF as they are; ASCII85 would cost seconds in pure Python
# (docs/design.md, "Measured pitfalls").
rl_config.useA85 = 0

PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 16 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
INK = HexColor("#1f2933")
MUTED = HexColor("#6b7280")


class TitleOnlyInfo(PDFInfo):
    """The document information dictionary with a title and nothing else: no author, producer,
    creator or dates that would say who made the package, where, or with what."""

    def format(self, document):  # type: ignore[no-untyped-def]
        return PDFDictionary({"Title": PDFString(self.title)}).format(document)


@dataclass(frozen=True)
class Styles:
    font: str
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_label: ParagraphStyle


def build_styles(font: CJKFont | None = None) -> Styles:
    name = register_pdf_font(font or find_cjk_font())
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


def table_style(styles: Styles, *commands: tuple) -> TableStyle:
    """A TableStyle whose cells use the embedded font (reportlab's default, Helvetica, would be
    named in the PDF without being embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.font), *commands])


PAGE_OF = LocalText(en="Page {page} of {total}", zh_CN="第 {page} 页 / 共 {total} 页")


def numbered_canvas(*, title: str, header: str, lang: Lang, font: str,
                    first_label: str | None = None) -> type[Canvas]:
    """A canvas class that writes 'Page x of y' on every page once the total is known (the
    pretix NumberedCanvas pattern), a running header, page labels and title-only metadata."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            kwargs.setdefault("pageCompression", 1)
            # Otherwise every page names Helvetica, a font that is not embedded.
            kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._doc.info = TitleOnlyInfo()
            self.setTitle(title)
            self._page_states: list[dict] = []
            self._page_bookmarks: list[tuple[str, dict]] = []

        def bookmarkPage(self, key: str, **where) -> None:  # type: ignore[override]
            # Pages are emitted only in save(); a bookmark made now would point at page 1.
            self._page_bookmarks.append((key, where))

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._page_bookmarks = []
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                for key, where in state["_page_bookmarks"]:
                    Canvas.bookmarkPage(self, key, **where)
                self._furniture(total)
                Canvas.showPage(self)
            if first_label:
                # The viewer shows the cover by name and the rest by their printed numbers.
                self.addPageLabel(0, prefix=first_label)
                if total > 1:
                    self.addPageLabel(1, style="ARABIC", start=2)
            else:
                self.addPageLabel(0, style="ARABIC", start=1)
            Canvas.save(self)

        def _furniture(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(MUTED)
            if header:
                self.drawString(MARGIN_X, PAGE_H - 11 * mm, header)
            self.setStrokeColor(MUTED)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, PAGE_H - 12.5 * mm, PAGE_W - MARGIN_X, PAGE_H - 12.5 * mm)
            self.drawCentredString(PAGE_W / 2, 9 * mm,
                                   PAGE_OF(lang).format(page=page, total=total))
            self.restoreState()

    return NumberedCanvas
