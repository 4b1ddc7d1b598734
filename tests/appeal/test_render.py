"""Drawing PDF pages with pdfium (app.appeal.render): the pictures printing and previews use."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from progress_messages import assert_progress_messages
from pypdf import PdfReader, PdfWriter

from app.appeal.images import Cancelled
from app.appeal.render import MAX_PAGE_PIXELS, RenderError, first_page, page_count, render_pages

from .samples import ink_fraction, pdf_file


def mixed_pdf(path: Path) -> Path:
    """A4 portrait with a black block in its top-left quarter, then A4 landscape with text."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    canvas.rect(0, height / 2, width / 2, height / 2, stroke=0, fill=1)
    canvas.showPage()
    canvas.setPageSize(landscape(A4))
    canvas.setFont("Helvetica", 40)
    canvas.drawString(72, 300, "Landscape page")
    canvas.showPage()
    canvas.save()
    return path


def test_every_page_is_drawn_at_the_resolution_and_shape_of_the_page(tmp_path):
    pages = list(render_pages(mixed_pdf(tmp_path / "mixed.pdf"), 100))
    assert len(pages) == 2
    portrait, landscape = pages
    assert portrait.mode == "RGB"
    # A4 is 8.27 × 11.69 in: at 100 dpi 827 × 1169 pixels, give or take the rounding.
    assert abs(portrait.width - 827) <= 2 and abs(portrait.height - 1169) <= 2
    assert portrait.width / portrait.height == pytest.approx(595.28 / 841.89, rel=0.01)
    assert landscape.size == pytest.approx((portrait.height, portrait.width), abs=2)
    # Not blank, and the ink is where the page put it: the top-left quarter is black.
    assert ink_fraction(portrait) == pytest.approx(0.25, abs=0.02)
    assert portrait.getpixel((portrait.width // 4, portrait.height // 4)) == (0, 0, 0)
    assert portrait.getpixel((portrait.width * 3 // 4, portrait.height * 3 // 4)) == (
        255, 255, 255)
    assert 0.002 < ink_fraction(landscape) < 0.2, "the text is drawn"


def test_rotated_pages_come_upright_as_a_viewer_shows_them(tmp_path):
    (page,) = render_pages(pdf_file(tmp_path / "turned.pdf", rotate=90), 50)
    assert page.width > page.height


def test_progress_counts_the_pages_and_cancel_stops_before_the_next(tmp_path):
    path = pdf_file(tmp_path / "three.pdf", pages=3)
    seen: list[tuple[int, int]] = []
    messages: list[object] = []
    assert len(list(render_pages(path, 30, progress=lambda d, t, m: (
        seen.append((d, t)), messages.append(m))))) == 3
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    rendered = assert_progress_messages(messages)
    assert rendered[1] == ("Drawing page 2 of 3", "正在绘制第 2 页，共 3 页")
    cancel = threading.Event()
    pages = render_pages(path, 30, cancel=cancel)
    next(pages)
    cancel.set()
    with pytest.raises(Cancelled):
        next(pages)


def test_first_page_for_previews(tmp_path):
    picture, count = first_page(pdf_file(tmp_path / "two.pdf", pages=2), 40)
    assert count == 2 and picture.height > picture.width
    assert page_count(tmp_path / "two.pdf") == 2


def test_a_poster_sized_page_is_drawn_smaller(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(tmp_path / "poster.pdf"), pagesize=(14400, 7200))  # 200 × 100 in
    canvas.rect(0, 0, 7200, 7200, stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    (page,) = render_pages(tmp_path / "poster.pdf", 300)
    assert page.width * page.height <= MAX_PAGE_PIXELS
    assert page.width / page.height == pytest.approx(2, rel=0.01)


def encrypted(source: Path, path: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt("secret")
    writer.write(path)
    return path


@pytest.mark.parametrize(("make", "reason", "words"), [
    (lambda d: encrypted(pdf_file(d / "plain.pdf"), d / "locked.pdf"), "password", "password"),
    (lambda d: d.joinpath("broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj garbage") and
     d / "broken.pdf", "corrupt", "not a readable PDF"),
    (lambda d: d.joinpath("cut.pdf").write_bytes(
        pdf_file(d / "whole.pdf", pages=2).read_bytes()[:400]) and d / "cut.pdf",
     "corrupt", "not a readable PDF"),
    (lambda d: d / "gone.pdf", "missing", "not found"),
])
def test_pdfs_that_cannot_be_drawn_say_why(tmp_path, make, reason, words):
    path = make(tmp_path)
    with pytest.raises(RenderError) as caught:
        next(render_pages(path, 50))
    assert caught.value.reason == reason
    assert words in caught.value.message("en") and path.name in caught.value.message("en")
    assert path.name in caught.value.message("zh_CN")
