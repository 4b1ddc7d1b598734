"""The bundle's page pieces for reportlab: document headings (bookmark + contents entry),
prepared photos fitted to the page, and placeholder pages that imported PDF pages fill later."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.pdf.page import INK, MUTED

if TYPE_CHECKING:  # photos only: a bundle without needs no concurrent.futures
    from concurrent.futures import Future

HEADING_H = 11 * mm
PAIR_GAP = 6 * mm


@dataclass(frozen=True)
class PreparedImage:
    """A JPEG written for the PDF. ``rotate``: clockwise degrees to turn it upright when drawn
    (the photo's EXIF orientation applied by the PDF's transform instead of by the pixels)."""

    path: Path
    width: int
    height: int
    rotate: int = 0

    @property
    def upright_size(self) -> tuple[int, int]:
        return (self.height, self.width) if self.rotate in (90, 270) else (self.width, self.height)


class DocumentHeading(Flowable):
    """The title line of a document; marks the page for the outline and the contents."""

    def __init__(self, title: str, key: str, font: str, size: float = 12.5) -> None:
        super().__init__()
        self.title, self.key, self.font, self.size = title, key, font, size

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, HEADING_H

    def draw(self) -> None:
        c = self.canv
        c.bookmarkPage(self.key)
        c.addOutlineEntry(self.title, self.key, level=0)
        # A long title the user typed shrinks to the line rather than running off the page.
        size = self.size
        width = stringWidth(self.title, self.font, size)
        if width > self.width:
            size = max(6.0, size * self.width / width)
        c.setFont(self.font, size)
        c.setFillColor(INK)
        c.drawString(0, HEADING_H - self.size - 1 * mm, self.title)


def draw_prepared(c, image: PreparedImage, x: float, y: float, w: float, h: float) -> None:  # type: ignore[no-untyped-def]
    """Draw ``image`` upright in the box (x, y, w, h) of its upright aspect."""
    path = str(image.path)
    c.saveState()
    if image.rotate == 90:
        c.translate(x, y + h)
        c.rotate(-90)
        c.drawImage(path, 0, 0, h, w)
    elif image.rotate == 270:
        c.translate(x + w, y)
        c.rotate(90)
        c.drawImage(path, 0, 0, h, w)
    elif image.rotate == 180:
        c.translate(x + w, y + h)
        c.rotate(180)
        c.drawImage(path, 0, 0, w, h)
    else:
        c.drawImage(path, x, y, w, h)
    c.restoreState()


class ImagePage(Flowable):
    """One image, or two stacked (ID card front and back), fitted to the rest of the page.

    The images are prepared on worker threads; ``wrap`` waits for them, so the layout of the
    first pages overlaps with the decoding of the photos. ``on_ready`` reports progress.
    """

    def __init__(self, images: list[Future[PreparedImage]], captions: list[str], font: str,
                 on_ready: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.futures, self.captions, self.font = images, captions, font
        self.on_ready = on_ready
        self._ready: list[PreparedImage] | None = None

    def _images(self) -> list[PreparedImage]:
        if self._ready is None:
            self._ready = [f.result() for f in self.futures]
            if self.on_ready:
                self.on_ready()
        return self._ready

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self._images()
        self.width, self.height = avail_w, avail_h * 0.999
        return self.width, self.height

    def draw(self) -> None:
        images = self._images()
        caption_h = 6 * mm if len(images) > 1 else 0
        slot_h = (self.height - PAIR_GAP * (len(images) - 1)) / len(images)
        for i, image in enumerate(images):
            top = self.height - i * (slot_h + PAIR_GAP)
            box_h = slot_h - caption_h
            iw, ih = image.upright_size
            scale = min(self.width / iw, box_h / ih)
            w, h = iw * scale, ih * scale
            x = (self.width - w) / 2
            y = top - caption_h - h
            if caption_h:
                self.canv.setFont(self.font, 9.5)
                self.canv.setFillColor(MUTED)
                self.canv.drawString(0, top - 4.5 * mm, self.captions[i])
            draw_prepared(self.canv, image, x, y, w, h)


class PdfPlaceholder(Flowable):
    """A page an imported PDF page will be stamped onto; records where it landed."""

    def __init__(self, placements: dict[tuple[int, int], int], source: int, page: int) -> None:
        super().__init__()
        self.placements, self.source, self.page = placements, source, page

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return avail_w, 1

    def draw(self) -> None:
        self.placements[(self.source, self.page)] = self.canv.getPageNumber()
