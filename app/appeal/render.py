"""PDF pages as pictures, drawn by pdfium (pypdfium2): for printing and for previews.

No Qt here: the UI turns the Pillow images into what it paints (app.ui.context). Pages are
rendered one at a time as the caller asks for them, so a long bundle never sits in memory as
pictures. pdfium is not thread-safe: every call into it holds one process-wide lock, so a
preview on the main thread and a print on a worker cannot run pdfium at the same time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from PIL import Image

from app.appeal.images import Cancelled
from app.errors import UserError
from app.i18n import LocalText
from app.jobs import CancelToken, Progress, progress_text

RenderReason = Literal["missing", "unreadable", "password", "corrupt", "empty"]

# A page larger than this at the asked resolution is drawn at a lower one: a poster-sized page
# at printer resolution would need gigabytes.
MAX_PAGE_PIXELS = 60_000_000
_PDFIUM = threading.RLock()

_MESSAGES = {
    "missing": LocalText(en="{name} was not found.", zh_CN="找不到 {name}。"),
    "unreadable": LocalText(en="{name} cannot be read: {detail}",
                            zh_CN="无法读取 {name}：{detail}"),
    "password": LocalText(
        en="{name} is protected by a password, so its pages cannot be drawn. Open it in your "
           "PDF viewer instead.",
        zh_CN="{name} 受密码保护，无法绘制其页面。请改用 PDF 阅读器打开。"),
    "corrupt": LocalText(en="{name} is not a readable PDF (it may be damaged or incomplete).",
                         zh_CN="{name} 不是可读取的 PDF（文件可能已损坏或不完整）。"),
    "empty": LocalText(en="{name} has no pages.", zh_CN="{name} 没有页面。"),
}


class RenderError(UserError):
    """A PDF whose pages cannot be drawn; ``message`` says which file and why, in both
    languages (like app.appeal.intake.IntakeError)."""

    def __init__(self, path: str | os.PathLike[str], reason: RenderReason,
                 detail: str = "") -> None:
        self.path = Path(path)
        self.reason = reason
        self.message = _MESSAGES[reason].format(  # type: ignore[assignment] (a LocalText)
            name=self.path.name, detail=detail)
        super().__init__(self.message)


def _open(path: Path):  # type: ignore[no-untyped-def]
    import pypdfium2 as pdfium

    if not path.is_file():
        raise RenderError(path, "missing")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(path, "unreadable", exc.strerror or str(exc)) from exc
    try:
        with _PDFIUM:
            # pdfium keeps reading from the buffer: the bytes live as long as the document.
            return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        password = exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD
        raise RenderError(path, "password" if password else "corrupt") from exc


def page_count(pdf_path: str | os.PathLike[str]) -> int:
    """How many pages the PDF has (RenderError when it cannot be opened)."""
    path = Path(pdf_path)
    document = _open(path)
    try:
        with _PDFIUM:
            return len(document)
    finally:
        with _PDFIUM:
            document.close()


def _scale(width_pt: float, height_pt: float, dpi: float) -> float:
    scale = dpi / 72
    pixels = width_pt * scale * height_pt * scale
    if pixels > MAX_PAGE_PIXELS:
        scale *= (MAX_PAGE_PIXELS / pixels) ** 0.5 * 0.999  # pdfium rounds the size up
    return scale


def render_pages(pdf_path: str | os.PathLike[str], dpi: float = 150, *,
                 progress: Progress | None = None, cancel: CancelToken | None = None,
                 first: int = 0, last: int | None = None) -> Iterator[Image.Image]:
    """Each page of ``pdf_path`` from ``first`` to ``last`` (inclusive, 0-based) as an RGB
    picture at ``dpi``, white where the page is transparent, in reading orientation.

    ``progress(done, total, message)`` is called before each page and once at the end; ``cancel``
    set stops before the next page with app.appeal.images.Cancelled. Raises RenderError, before
    the first picture, for a missing, password-protected, damaged or empty PDF.
    """
    path = Path(pdf_path)
    document = _open(path)
    try:
        with _PDFIUM:
            count = len(document)
        if count == 0:
            raise RenderError(path, "empty")
        stop = count - 1 if last is None else min(last, count - 1)
        total = max(0, stop - first + 1)
        for done, index in enumerate(range(first, stop + 1)):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if progress is not None:
                progress(done, total, progress_text("progress_page", page=done + 1, total=total))
            with _PDFIUM:
                page = document[index]
                try:
                    width, height = page.get_size()  # rotation applied, in points
                    bitmap = page.render(scale=_scale(width, height, dpi),
                                         fill_color=(255, 255, 255, 255), rev_byteorder=True)
                    try:
                        picture = bitmap.to_pil().convert("RGB")  # a copy: the bitmap goes
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            yield picture
        if progress is not None:
            progress(total, total, progress_text("progress_pages_done", total=total))
    finally:
        with _PDFIUM:
            document.close()


def first_page(pdf_path: str | os.PathLike[str], dpi: float = 100) -> tuple[Image.Image, int]:
    """The first page as a picture, and how many pages there are (for previews)."""
    pages = render_pages(pdf_path, dpi, last=0)
    try:
        picture = next(pages)
    finally:
        pages.close()
    return picture, page_count(pdf_path)
