"""The base of every PDF the app writes, after pretix's ``BaseReportlabInvoiceRenderer``: the
steps are fixed here (register the font, make the story, lay it out on the numbered canvas,
finish, write atomically), and each document overrides the hooks it needs."""

from __future__ import annotations

import io
import os

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import BaseDocTemplate, Frame, PageTemplate

from app.i18n import Lang
from app.pdf.fonts import CJKFont, find_cjk_font, register_pdf_font
from app.pdf.output import write_atomic
from app.pdf.page import (
    FRAME_H,
    FRAME_W,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    numbered_canvas,
)


class PdfRenderer:
    """One PDF document. Subclasses implement ``title`` and ``story``; the other hooks have
    defaults every document of the app shares.

    ``font``: the CJK font file to embed (default: the one find_cjk_font() picks). Raises
    app.pdf.fonts.FontNotFoundError from ``render`` when there is none."""

    template_class: type[BaseDocTemplate] = BaseDocTemplate

    def __init__(self, lang: Lang, font: CJKFont | None = None) -> None:
        self.lang: Lang = lang
        self.cjk_font = font
        self.font = ""  # the registered font's name, once render() has started

    # Hooks --------------------------------------------------------------------------------

    def title(self) -> str:
        """The document's title: its only metadata, and the viewer's window title."""
        raise NotImplementedError

    def header(self) -> str:
        """The running header above the rule on every page (never a local path)."""
        return self.title()

    def first_page_label(self) -> str | None:
        """The viewer's name for page 1 (e.g. the bundle's cover), None to number it 1."""
        return None

    def story(self) -> list[Flowable]:
        """The flowables, in ``self.font``."""
        raise NotImplementedError

    def doc_template(self, buffer: io.BytesIO) -> BaseDocTemplate:
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, FRAME_H, 0, 0, 0, 0, id="body")
        return self.template_class(buffer, pagesize=(PAGE_W, PAGE_H), title=self.title(),
                                   pageTemplates=[PageTemplate("page", [frame])])

    def layout(self, doc: BaseDocTemplate, story: list[Flowable],
               canvasmaker: type[Canvas]) -> None:
        """Lay the story out (multiBuild when it has a table of contents)."""
        doc.build(story, canvasmaker=canvasmaker)

    def finish(self, data: bytes) -> bytes:
        """The laid-out PDF, changed after the fact (e.g. imported pages stamped in)."""
        return data

    # Steps --------------------------------------------------------------------------------

    def canvas_class(self) -> type[Canvas]:
        return numbered_canvas(title=self.title(), header=self.header(), lang=self.lang,
                               font=self.font, first_label=self.first_page_label())

    def render(self) -> bytes:
        self.font = register_pdf_font(self.cjk_font or find_cjk_font())
        buffer = io.BytesIO()
        self.doc = self.doc_template(buffer)
        self.layout(self.doc, self.story(), self.canvas_class())
        return self.finish(buffer.getvalue())

    def write(self, out: str | os.PathLike[str] | io.BytesIO) -> bytes:
        """Render and write to ``out`` atomically; returns the bytes written."""
        data = self.render()
        write_atomic(out, data)
        return data

