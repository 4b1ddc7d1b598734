"""The printable appeal bundle: cover, contents, statement and every document in one PDF.

Phone photos are decoded at reduced scale (``Image.draft``), fitted to A4 at the chosen
resolution, re-encoded as JPEG once and passed to reportlab as they are; imported PDFs are
stamped onto placeholder pages with pypdf, so page numbers, bookmarks and the contents cover
them too. The output carries a title and no other metadata.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from app import startup
from app.appeal.documents import (
    ID_PAIR_TITLE,
    WATERMARKED_SLOTS,
    PackageDocument,
    missing_slots,
    order_documents,
)
from app.appeal.flowables import HEADING_H, DocumentHeading, ImagePage, PdfPlaceholder
from app.appeal.linebreak import break_text
from app.appeal.sources import Note, SourceDocument
from app.appeal.statement import STATEMENT_TITLE, appealed_what, attachments_heading
from app.appeal.watermark import WatermarkSpec
from app.i18n import Lang, LocalText
from app.jobs import Cancelled, CancelToken, Progress, ProgressText, progress_text
from app.pdf.fonts import CJKFont, find_cjk_font
from app.pdf.output import write_atomic
from app.pdf.page import FRAME_H, FRAME_W, MARGIN_BOTTOM, MARGIN_X, MUTED, title_only_metadata
from app.pdf.renderer import PdfRenderer
from app.pdf.styles import Styles, build_styles, escape, table_style
from app.tempfiles import private_tempdir

# Note and SourceDocument are imported for real although they only annotate the dataclasses
# below: pydantic models that hold a CoverFacts or a BundleResult (app.store.package) resolve
# those annotations. RestrictionReport is not (a bundle needs no contract model); the store
# names it where it resolves CoverFacts.
if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from app.appeal.profile import Profile
    from app.rules.contract import Diagnosis, RestrictionReport

BUNDLE_TITLE = LocalText(en="WeCom account appeal", zh_CN="企业微信账号申诉材料")
_T = {
    "cover_company": LocalText(en="Enterprise", zh_CN="企业名称"),
    "cover_code": LocalText(en="Unified Social Credit Code", zh_CN="统一社会信用代码"),
    "cover_corp": LocalText(en="WeCom CorpID", zh_CN="企业微信企业ID"),
    "cover_date": LocalText(en="Date", zh_CN="日期"),
    "cover_contents": LocalText(en="Contents of this package", zh_CN="材料清单"),
    "toc": LocalText(en="Table of contents", zh_CN="目录"),
    "cover_label": LocalText(en="Cover", zh_CN="封面"),
}


# Plain dataclasses: these are built by the app's own code from models already validated at
# the file and command-line boundaries (the case, the profile, the arguments), so they need no
# pydantic of their own (bench/startup: each model costs a millisecond at import).

@dataclass(frozen=True)
class CoverFacts:
    """What the cover says is appealed: the restriction, the account, the date. Facts of the
    case only; the cover cites no rule against the enterprise."""

    report: RestrictionReport | None = None
    accounts: list[str] = field(default_factory=list)
    restricted_on: dt.date | None = None


def _default_workers() -> int:
    return max(1, min(8, os.cpu_count() or 1))


@dataclass(frozen=True)
class BundleOptions:
    """How the bundle is made. Out-of-range numbers raise ValueError (the command line and the
    settings page check them first, with their own messages)."""

    lang: Lang = "zh_CN"
    dpi: int = 200
    jpeg_quality: int = 75
    watermark: WatermarkSpec | None = field(default_factory=WatermarkSpec)
    watermark_all: bool = False
    id_on_one_page: bool = True
    workers: int = field(default_factory=_default_workers)

    def __post_init__(self) -> None:
        if self.lang not in ("zh_CN", "en"):
            raise ValueError(f"lang: {self.lang!r} is not a language of the app")
        for name, low, high in (("dpi", 72, 600), ("jpeg_quality", 30, 95),
                                ("workers", 1, None)):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < low \
                    or (high is not None and value > high):
                raise ValueError(f"{name}: {value!r} is not a whole number from {low}"
                                 + (f" to {high}" if high is not None else " up"))


@dataclass(frozen=True)
class PlacedDocument:
    title: str
    first_page: int
    page_count: int


@dataclass(frozen=True)
class BundleResult:
    pages: int
    size_bytes: int
    documents: list[PlacedDocument]
    missing: list[str]  # document slots the route needs and the case lacks
    notes: list[Note]


_ID_SIDES = ("legal_person_id_front", "legal_person_id_back")


@dataclass
class _Entry:
    """One contents entry: a document, or the ID card's two sides on one page."""

    title: str  # in the package's language
    both: LocalText  # for the progress line, in the window's language
    documents: list[PackageDocument]
    sources: list[SourceDocument]

    @property
    def is_photo(self) -> bool:
        """Pictures to decode (an imported PDF's pages are placed as they are)."""
        return not self.sources[0].is_pdf


def _entries(documents: Sequence[PackageDocument], sources: Sequence[SourceDocument],
             options: BundleOptions) -> list[_Entry]:
    pairs = list(zip(documents, sources, strict=True))
    sides = [(d, s) for d, s in pairs if d.kind in _ID_SIDES]
    # One picture of each side (slot order puts the front first), neither of them a PDF.
    together = (options.id_on_one_page and tuple(d.kind for d, _ in sides) == _ID_SIDES
                and not any(s.is_pdf for _, s in sides))
    entries: list[_Entry] = []
    for doc, src in pairs:
        if together and doc.kind in _ID_SIDES:
            if doc.kind == _ID_SIDES[0]:
                entries.append(_Entry(title=ID_PAIR_TITLE(options.lang), both=ID_PAIR_TITLE,
                                      documents=[d for d, _ in sides],
                                      sources=[s for _, s in sides]))
            continue
        entries.append(_Entry(title=doc.display_title(options.lang),
                              both=LocalText(en=doc.display_title("en"),
                                             zh_CN=doc.display_title("zh_CN")),
                              documents=[doc],
                              sources=[src]))
    return entries


class _BundleTemplate(BaseDocTemplate):
    """Records the page each document starts on, for the contents and the result."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.heading_pages: dict[str, tuple[str, int]] = {}

    def afterFlowable(self, flowable) -> None:  # type: ignore[no-untyped-def]
        if isinstance(flowable, DocumentHeading):
            self.heading_pages[flowable.key] = (flowable.title, self.page)
            self.notify("TOCEntry", (0, flowable.title, self.page, flowable.key))


class _BundleRenderer(PdfRenderer):
    """The bundle's own pages; the contents need two layout passes. Imported PDF pages are
    stamped onto the placeholders afterwards (_stamp_pdfs)."""

    template_class = _BundleTemplate

    def __init__(self, lang: Lang, font: CJKFont, title: str, header: str,
                 story: list) -> None:
        super().__init__(lang, font)
        self._title, self._header, self._story = title, header, story

    def title(self) -> str:
        return self._title

    def header(self) -> str:
        return self._header

    def first_page_label(self) -> str:
        # The viewer shows the cover by name and the rest by their printed numbers.
        return _T["cover_label"](self.lang)

    def story(self) -> list:
        return self._story

    def layout(self, doc, story, canvasmaker) -> None:  # type: ignore[no-untyped-def]
        doc.multiBuild(story, canvasmaker=canvasmaker)


def _cover(profile: Profile, facts: CoverFacts, entries: list[_Entry], styles: Styles,
           lang: Lang, today: dt.date) -> list:
    from app.labels import label

    t = {k: v(lang) for k, v in _T.items()}
    what = (appealed_what(facts.report, lang) if facts.report is not None
            else label("appealed_unknown", lang))
    rows = [(t["cover_company"], profile.company_name), (t["cover_code"], profile.credit_code),
            (t["cover_corp"], profile.corp_id)]
    if facts.accounts:
        rows.append((label("cover_account", lang),
                     ("、" if lang == "zh_CN" else ", ").join(facts.accounts)))
    if facts.restricted_on is not None:
        rows.append((label("cover_restricted_on", lang), _day(facts.restricted_on, lang)))
    rows.append((t["cover_date"], _day(today, lang)))
    table = Table([[Paragraph(escape(k), styles.cell_label), _broken(v, styles.cell,
                                                                     FRAME_W * 0.7 - 13)]
                   for k, v in rows], colWidths=[FRAME_W * 0.3, FRAME_W * 0.7])
    table.setStyle(table_style(styles, ("LINEBELOW", (0, 0), (-1, -1), 0.4, MUTED),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)))
    contents = [STATEMENT_TITLE(lang)] + [e.title for e in entries]
    subtitle = ParagraphStyle("cover_subtitle", parent=styles.heading, alignment=1)
    return [Spacer(1, 40 * mm), Paragraph(escape(BUNDLE_TITLE(lang)), styles.title),
            Spacer(1, 4 * mm),
            Paragraph(escape(label("cover_appeal_for", lang, what=what)), subtitle),
            Spacer(1, 10 * mm), table, Spacer(1, 10 * mm),
            Paragraph(escape(t["cover_contents"]), styles.heading),
            *[Paragraph(f"{i}. {escape(title)}", styles.body)
              for i, title in enumerate(contents, 1)]]


def _broken(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A paragraph broken into lines here (no line starts with closing punctuation)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = break_text(text, width, lambda part: stringWidth(part, style.fontName,
                                                             style.fontSize))
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def _day(day: dt.date, lang: Lang) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh_CN" else day.isoformat()


def _contents(styles: Styles) -> TableOfContents:
    return TableOfContents(
        dotsMinLevel=0,
        levelStyles=[ParagraphStyle("toc0", parent=styles.body, fontSize=11.5, leading=20,
                                    leftIndent=0, firstLineIndent=0)],
        tableStyle=table_style(styles, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))


class _AttachmentList(TableOfContents):
    """The statement's list of attached documents, with their page numbers."""

    def notify(self, kind, stuff) -> None:  # type: ignore[no-untyped-def]
        if kind == "TOCEntry" and stuff[3] == "statement":
            return
        super().notify(kind, stuff)


def _statement(text: str, styles: Styles, lang: Lang) -> list:
    """The statement's paragraphs, broken into lines here (no line starts with closing
    punctuation, app.appeal.linebreak); its attachment section becomes the list of the
    package's documents with their page numbers."""
    style = styles.body
    width = FRAME_W - 1.0  # a point of slack: reportlab must not break the lines again
    heading = attachments_heading(lang)
    out: list = []
    for para in text.split("\n\n"):
        if not para.strip():
            continue
        lines = para.split("\n")
        if lines[0].strip() == heading:
            out.append(Paragraph(escape(heading), style))
            toc = _contents(styles)
            out.append(_AttachmentList(dotsMinLevel=0, levelStyles=toc.levelStyles,
                                       tableStyle=toc.tableStyle))
            out.append(Spacer(1, 6 * mm))
            continue
        out.append(_broken(para, style, width))
    return out


def build_bundle(profile: Profile, documents: Sequence[PackageDocument],
                 out: str | os.PathLike[str], *, statement: str,
                 diagnosis: Diagnosis | None = None, options: BundleOptions | None = None,
                 font: CJKFont | None = None, today: dt.date | None = None,
                 cover: CoverFacts | None = None,
                 progress: Progress | None = None,
                 cancel: CancelToken | None = None) -> BundleResult:
    """Write the bundle to ``out`` (atomically) and say what it holds and what it lacks.

    ``cover`` names what is appealed (the restriction, account, date) on the cover.
    Raises IntakeError for a file that cannot be used, Cancelled when ``cancel`` is set."""
    startup.start_up_done()  # a bundle process has its modules now; the photos are the work
    options = options or BundleOptions()
    lang, today = options.lang, today or dt.date.today()
    report = progress or (lambda done, total, message: None)
    documents = order_documents(documents)
    # Each document is checked, then placed (photo prepared or PDF stamped); then one write.
    total = 2 * len(documents) + 1
    done = 0

    def step(message: ProgressText) -> None:
        nonlocal done
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        done += 1
        report(min(done, total), total, message)

    sources = []
    if documents:
        from app.appeal.intake import read_document
    for doc in documents:
        sources.append(read_document(doc.path, verify=False))
        step(progress_text("progress_checked_file", name=doc.path.name))
    entries = _entries(documents, sources, options)
    font = font or find_cjk_font()
    content_h = FRAME_H - HEADING_H

    # Threads only for photos: a bundle without any needs neither them nor concurrent.futures.
    pool_context: AbstractContextManager[ThreadPoolExecutor | None] = nullcontext()
    if any(entry.is_photo for entry in entries):
        from concurrent.futures import ThreadPoolExecutor

        pool_context = ThreadPoolExecutor(max_workers=options.workers)

    def stop_decoding() -> None:
        if pool is not None:
            pool.shutdown(cancel_futures=True)

    with private_tempdir("wecom-appeal-") as tmp, pool_context as pool:
        jobs = itertools.count()

        def prepare(doc: PackageDocument, src: SourceDocument, box_h: float) -> Future:
            from app.appeal.images import prepare_for_page  # Pillow: only for photos

            assert pool is not None  # made when an entry is a photo
            box_px = (round(FRAME_W / 72 * options.dpi), round(box_h / 72 * options.dpi))
            marked = options.watermark is not None and (
                options.watermark_all or doc.kind in WATERMARKED_SLOTS)
            return pool.submit(prepare_for_page, src, box_px, Path(tmp) / f"{next(jobs)}.jpg",
                               edits=doc.edits, watermark=options.watermark if marked else None,
                               font=font, quality=options.jpeg_quality, cancel=cancel)

        def placed_photos(entry: _Entry) -> None:
            for _ in entry.documents:
                step(progress_text("progress_placed_document", title=entry.both))

        # All photos are queued before the layout starts; each page waits only for its own.
        pictures: dict[int, list[Future]] = {}
        for number, entry in enumerate(entries):
            if entry.is_photo:
                box_h = (content_h - 12 * mm) / 2 if len(entry.documents) == 2 else content_h
                pictures[number] = [prepare(d, s, box_h) for d, s in
                                    zip(entry.documents, entry.sources, strict=True)]
        # The font is parsed (once per process) while the workers decode: Pillow releases the
        # GIL while it decodes, so the two overlap instead of one core waiting for the other.
        try:
            styles = build_styles(font)
        except BaseException:
            stop_decoding()  # no point decoding for a bundle not built
            raise
        story: list = _cover(profile, cover or CoverFacts(), entries, styles, lang, today)
        story += [PageBreak(), Paragraph(escape(_T["toc"](lang)), styles.heading),
                  _contents(styles), PageBreak(),
                  DocumentHeading(STATEMENT_TITLE(lang), "statement", styles.font),
                  *_statement(statement, styles, lang)]
        placements: dict[tuple[int, int], int] = {}
        pdf_sources: dict[int, SourceDocument] = {}
        for number, entry in enumerate(entries):
            story += [PageBreak(), DocumentHeading(entry.title, f"doc{number}", styles.font)]
            src = entry.sources[0]
            if src.is_pdf:
                pdf_sources[number] = src
                for page in range(src.page_count):
                    if page:
                        story.append(PageBreak())
                    story.append(PdfPlaceholder(placements, number, page))
            else:
                story.append(ImagePage(pictures[number],
                                       [d.display_title(lang) for d in entry.documents],
                                       styles.font, on_ready=partial(placed_photos, entry)))

        title = f"{BUNDLE_TITLE(lang)} — {profile.company_name}"
        renderer = _BundleRenderer(lang, font, title,
                                   f"{profile.company_name} · {BUNDLE_TITLE(lang)}", story)
        try:
            data = renderer.render()
        except BaseException:
            stop_decoding()  # a refused photo or Cancel: decode no more
            raise
        doc = renderer.doc
        pages = doc.page
    if pdf_sources:
        data = _stamp_pdfs(data, placements, pdf_sources, title)
        for src in pdf_sources.values():
            step(progress_text("progress_merged_pdf", name=src.path.name))
    write_atomic(out, data)
    step(progress_text("progress_bundle_written"))

    placed = _placed(doc, pages)
    notes = [n for s in sources for n in s.notes]
    return BundleResult(pages=pages, size_bytes=len(data), documents=placed, notes=notes,
                        missing=missing_slots(diagnosis.documents if diagnosis else [],
                                              documents))


def _placed(doc: _BundleTemplate, pages: int) -> list[PlacedDocument]:
    starts = sorted(doc.heading_pages.values(), key=lambda item: item[1])
    ends = [page for _, page in starts[1:]] + [pages + 1]
    return [PlacedDocument(title=title, first_page=page, page_count=end - page)
            for (title, page), end in zip(starts, ends, strict=True)]


def _stamp_pdfs(data: bytes, placements: dict[tuple[int, int], int],
                sources: dict[int, SourceDocument], title: str) -> bytes:
    from pypdf import PdfReader, PdfWriter, Transformation

    writer = PdfWriter(clone_from=io.BytesIO(data))
    readers: dict[int, PdfReader | PdfWriter] = {}
    for number, src in sources.items():
        reader = PdfReader(io.BytesIO(src.path.read_bytes()), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        # A rotated page can be flattened only once it belongs to a writer (pypdf 7).
        rotated = any(page.rotation % 360 for page in reader.pages)
        readers[number] = PdfWriter(clone_from=reader) if rotated else reader
    avail_h = FRAME_H - HEADING_H
    for (number, index), page_no in placements.items():
        page = readers[number].pages[index]
        if page.rotation % 360:
            page.transfer_rotation_to_content()
        box = page.cropbox
        width, height = float(box.width), float(box.height)
        if width <= 0 or height <= 0:  # a degenerate page box: nothing to show
            continue
        scale = min(FRAME_W / width, avail_h / height)
        tx = MARGIN_X + (FRAME_W - width * scale) / 2 - float(box.left) * scale
        ty = MARGIN_BOTTOM + (avail_h - height * scale) / 2 - float(box.bottom) * scale
        writer.pages[page_no - 1].merge_transformed_page(
            page, Transformation().scale(scale).translate(tx, ty))
    writer.metadata = title_only_metadata(title)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

