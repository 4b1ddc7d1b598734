"""Files and numbers the appeal tests generate: photos, PDFs, identity numbers, renders."""

from __future__ import annotations

import io
import os
import random
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from stdnum.cn import ric, uscc

IN_CI = os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str) -> None:
    """Skip on a developer machine without ``what``; fail in CI, where it must be present."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is missing in CI")
    pytest.skip(f"{what} is not installed")


def make_ric(region: str = "110105", birth: str = "19800214", seq: str = "123") -> str:
    base = region + birth + seq
    return base + ric.calc_check_digit(base + "0")


def make_uscc(base: str = "91440300MA5DC1234") -> str:
    return base + uscc.calc_check_digit(base)


def render_page(pdftoppm: str, pdf: Path, page: int, out_dir: Path, dpi: int = 40) -> Image.Image:
    prefix = out_dir / f"render-{pdf.stem}-{page}"
    subprocess.run([pdftoppm, "-r", str(dpi), "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True, capture_output=True)
    return Image.open(f"{prefix}.png").convert("L")


def ink_fraction(img: Image.Image, threshold: int = 200) -> float:
    histogram = img.convert("L").histogram()
    return sum(histogram[:threshold]) / (img.width * img.height)


def photo(path: Path, size: tuple[int, int] = (1600, 1200), orientation: int | None = None,
          seed: int = 0, gps: bool = False, fmt: str = "JPEG") -> Path:
    """A document-like photo: a sheet with text-like strokes and a red mark in the top-left
    corner of the stored pixels, so tests can tell which way it was turned."""
    rng = random.Random(seed)
    img = Image.new("RGB", size, (120, 140, 160))
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rectangle((w // 10, h // 10, w * 9 // 10, h * 9 // 10), fill=(240, 236, 228))
    for y in range(h // 5, h * 4 // 5, max(8, h // 30)):
        x = w // 6
        while x < w * 5 // 6:
            word = rng.randint(w // 40, w // 12)
            draw.rectangle((x, y, x + word, y + max(3, h // 80)), fill=(30, 30, 40))
            x += word + w // 50
    draw.rectangle((0, 0, w // 8, h // 8), fill=(230, 20, 20))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif[0x010F] = "TestPhone"
        exif[0x8825] = {1: "N", 2: (22.0, 32.0, 0.0), 3: "E", 4: (113.0, 56.0, 0.0)}
    kwargs = {"exif": exif.tobytes()} if len(exif) else {}
    if fmt == "JPEG":
        img.save(path, "JPEG", quality=90, **kwargs)
    else:
        img.save(path, fmt, **kwargs)
    return path


def pdf_file(path: Path, pages: int = 1, rotate: int = 0, text: str = "Evidence page") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setAuthor("Someone Secret")
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 28)
        canvas.drawString(72, 700, f"{text} {number}")
        canvas.rect(60, 60, 470, 700)
        canvas.showPage()
    canvas.save()
    if not rotate:
        path.write_bytes(buffer.getvalue())
        return path
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(buffer))
    for page in writer.pages:
        page.rotate(rotate)
    writer.write(path)
    return path
