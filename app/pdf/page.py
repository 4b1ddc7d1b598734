"""What every generated PDF shares: A4 geometry, colours, the numbered canvas with its running
header, and the metadata policy (a title and nothing else)."""

from __future__ import annotations

from reportlab import rl_config
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as _paragraph

from app.i18n import Lang, LocalText

# JPEG bytes go into the PDF as they are; ASCII85 would cost seconds in pure Python
# (docs/design.md, "Measured pitfalls").
rl_config.useA85 = 0

# Chinese punctuation that may not start a line (GB/T 15834). reportlab's CJK wrap ("wordWrap
# = 'CJK'") hangs a character of this list at the end of the previous line, but its list is the
# Japanese one: without these, a line of a statement or a report can start with "，" or "”".
# The list is read in two places (one-run paragraphs and mixed ones); tests/pdf/test_layer.py
# fails should reportlab rename or drop it.
CANNOT_START_LINE = "，。、；：？！”’）》〉】」』…"
for _module in (_textsplit, _paragraph):
    _module.ALL_CANNOT_START += "".join(  # type: ignore[attr-defined]
        c for c in CANNOT_START_LINE if c not in _module.ALL_CANNOT_START)  # type: ignore[attr-defined]


PAGE_W, PAGE_H = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 16 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
HEADER_Y = PAGE_H - 11 * mm
HEADER_RULE_Y = PAGE_H - 12.5 * mm
PAGE_NUMBER_Y = 9 * mm
INK = HexColor("#1f2933")
MUTED = HexColor("#6b7280")

PAGE_OF = LocalText(en="Page {page} of {total}", zh_CN="第 {page} 页 / 共 {total} 页")


class TitleOnlyInfo(PDFInfo):
    """The document information dictionary with a title and nothing else: no author, producer,
    creator or dates that would say who made the document, where, or with what."""

    def format(self, document):  # type: ignore[no-untyped-def]
        return PDFDictionary({"Title": PDFString(self.title)}).format(document)


def title_only_metadata(title: str) -> dict[str, str]:
    """The same policy for a PDF that pypdf writes (the bundle after stamping imported pages)."""
    return {"/Title": title}


def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def numbered_canvas(*, title: str, header: str, lang: Lang, font: str,
                    first_label: str | None = None) -> type[Canvas]:
    """A canvas class that writes "第 x 页 / 共 y 页" on every page once the total is known (the
    pretix NumberedCanvas pattern), a running header, page labels and title-only metadata.

    ``first_label``: the viewer's name for page 1 (the bundle's cover); the rest are numbered
    from 2 so that the viewer's numbers match the printed ones."""

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
                self.addPageLabel(0, prefix=first_label)
                if total > 1:
                    self.addPageLabel(1, style="ARABIC", start=2)
            else:
                self.addPageLabel(0, style="ARABIC", start=1)
            Canvas.save(self)

        def _furniture(self, total: int) -> None:
            self.saveState()
            self.setFont(font, 8.5)
            self.setFillColor(MUTED)
            if header:
                self.drawString(MARGIN_X, HEADER_Y, fit_line(header, font, 8.5, FRAME_W))
            self.setStrokeColor(MUTED)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, HEADER_RULE_Y, PAGE_W - MARGIN_X, HEADER_RULE_Y)
            self.drawCentredString(PAGE_W / 2, PAGE_NUMBER_Y,
                                   PAGE_OF(lang).format(page=self._pageNumber, total=total))
            self.restoreState()

    return NumberedCanvas
