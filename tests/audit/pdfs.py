"""Render a PDF page with pdftoppm and tell whether it shows anything."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image


def render_page(pdf: Path, page: int = 1, dpi: int = 40) -> Image.Image:
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is needed to render report pages"
    prefix = pdf.parent / f"{pdf.stem}-page{page}"
    subprocess.run([pdftoppm, "-r", str(dpi), "-png", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True, capture_output=True)
    return Image.open(prefix.parent / f"{prefix.name}.png").convert("L")


def ink(image: Image.Image) -> float:
    """Share of pixels that are clearly not white."""
    histogram = image.histogram()
    dark = sum(histogram[:200])
    return dark / (image.width * image.height)


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def text_of(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
