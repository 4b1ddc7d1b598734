"""Turning an accepted image into the JPEG that goes into the bundle or the upload kit.

The JPEGs are written without EXIF (no GPS, no camera, no date): Pillow writes EXIF only when
asked to.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from PIL import Image
from pydantic import BaseModel

from app.appeal.flowables import PreparedImage
from app.appeal.intake import open_image
from app.appeal.sources import Edits, FileType, SourceDocument
from app.appeal.watermark import WatermarkSpec, apply_watermark
from app.jobs import Cancelled, CancelToken
from app.pdf.fonts import CJKFont

# Orientations that are pure rotations can be applied by the PDF's transform for free.
_ROTATION = {1: 0, 3: 180, 6: 90, 8: 270}
# A draft decode up to this much larger than the target is kept as it is: resizing it costs
# more than the few extra kilobytes it saves, and the page only gets sharper.
DRAFT_TOLERANCE = 1.3


def _check(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def prepare_for_page(src: SourceDocument, box_px: tuple[int, int], out: Path, *,
                     edits: Edits | None = None, watermark: WatermarkSpec | None = None,
                     font: CJKFont | None = None, quality: int = 75,
                     cancel: CancelToken | None = None) -> PreparedImage:
    """Decode, fit to ``box_px`` (upright pixels), watermark, and write a JPEG to ``out``."""
    _check(cancel)
    rotate = _ROTATION.get(src.orientation)
    if (rotate is not None and edits is None and watermark is None
            and src.file_type is FileType.JPEG):
        # Stored sideways: decode as stored, let the PDF turn it (no pixel transpose).
        stored_box = box_px[::-1] if rotate in (90, 270) else box_px
        img = open_image(src.model_copy(update={"orientation": 1}), fit=stored_box,
                         tolerance=DRAFT_TOLERANCE)
    else:
        rotate = 0
        img = open_image(src, fit=box_px, edits=edits, tolerance=DRAFT_TOLERANCE)
        if watermark is not None:
            img = apply_watermark(img, watermark, font)
    _check(cancel)
    # Owner-only whatever the umask: it holds an ID image until the bundle is written.
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "wb") as f:
        img.save(f, "JPEG", quality=quality)
    return PreparedImage(path=out, width=img.width, height=img.height, rotate=rotate)


class SizedJpeg(BaseModel):
    data: bytes
    width: int
    height: int
    quality: int


def jpeg_under_cap(img: Image.Image, cap_bytes: int, *, start_quality: int = 88,
                   min_quality: int = 50, cancel: CancelToken | None = None) -> SizedJpeg:
    """Encode ``img`` as JPEG at most ``cap_bytes``: lower the quality first, then the size.

    Raises ValueError when even a 320-pixel version does not fit (a cap far too small)."""
    current = img if img.mode in ("RGB", "L") else img.convert("RGB")
    while True:
        for quality in range(start_quality, min_quality - 1, -8):
            _check(cancel)
            buffer = io.BytesIO()
            current.save(buffer, "JPEG", quality=quality, optimize=True)
            if buffer.tell() <= cap_bytes:
                return SizedJpeg(data=buffer.getvalue(), width=current.width,
                                 height=current.height, quality=quality)
        if max(current.size) <= 320:
            raise ValueError(f"cannot fit the image under {cap_bytes} bytes")
        current = current.resize((max(1, round(current.width * 0.8)),
                                  max(1, round(current.height * 0.8))),
                                 Image.Resampling.LANCZOS)


# Segments that say who, where and with what: EXIF and XMP (APP1), IPTC (APP13), comments.
# Kept: JFIF (APP0), the ICC colour profile (APP2) and Adobe's colour transform (APP14).
_DROPPED_MARKERS = {0xE1, 0xED, 0xFE} | set(range(0xE3, 0xED)) | {0xEF}


def strip_jpeg_metadata(data: bytes) -> bytes:
    """The same JPEG without its metadata segments, losslessly (no re-encoding).

    Raises ValueError on a stream it does not understand; the caller then re-encodes."""
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("not a JPEG stream")
    out = bytearray(data[:2])
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise ValueError(f"unexpected byte at {i}")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA:  # start of scan: the rest is image data
            out += data[i:]
            return bytes(out)
        length = int.from_bytes(data[i + 2:i + 4], "big")
        if length < 2 or i + 2 + length > len(data):
            raise ValueError(f"bad segment length at {i}")
        if marker not in _DROPPED_MARKERS:
            out += data[i:i + 2 + length]
        i += 2 + length
    raise ValueError("no image data")
