"""The purpose watermark, drawn into the pixels so a PDF editor cannot lift it off.

Tiled, diagonal, semi-transparent (docs/design.md, "What users of comparable tools keep asking
for"). The unmarked original stays in the vault so the document can be marked again for another
purpose.
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from app.pdf.fonts import CJKFont, find_cjk_font

if TYPE_CHECKING:  # Pillow's drawing modules are imported when a mark is drawn, not for the spec
    from PIL import Image, ImageFont

DEFAULT_TEXT = "仅供企业微信申诉使用，他用无效"


class WatermarkSpec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(default=DEFAULT_TEXT, min_length=1, max_length=120)
    date: dt.date | None = Field(default_factory=dt.date.today,
                                 description="Printed after the text; null leaves it out.")
    opacity: float = Field(default=0.35, ge=0.05, le=1.0)
    angle: float = Field(default=30.0, ge=-90, le=90, description="Degrees, counter-clockwise.")
    density: float = Field(default=1.0, ge=0.3, le=4.0,
                           description="1 is the default spacing; 2 puts twice as many lines.")
    color: tuple[int, int, int] = (128, 128, 128)

    def line(self) -> str:
        return f"{self.text}  {self.date.isoformat()}" if self.date else self.text


@lru_cache(maxsize=16)
def _font(font: CJKFont, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(font.path), size, index=font.subfont_index)


def watermark_mask(size: tuple[int, int], spec: WatermarkSpec,
                   font: CJKFont | None = None) -> Image.Image:
    """An 'L' mask of the tiled text at full strength, for ``size``."""
    from PIL import Image, ImageDraw

    font = font or find_cjk_font()
    width, height = size
    # Text height scales with the image so the mark reads the same on a photo and a thumbnail.
    text_px = max(10, round(min(width, height) / (22 * spec.density) + max(width, height) / 90))
    face = _font(font, text_px)
    line = spec.line()
    left, top, right, bottom = face.getbbox(line)
    text_w, text_h = right - left, bottom - top
    step_x = text_w + text_px * 3
    step_y = round(text_h * 5 / spec.density)

    diag = math.ceil(math.hypot(width, height)) + 2 * text_px
    layer = Image.new("L", (diag, diag), 0)
    draw = ImageDraw.Draw(layer)
    for row, y in enumerate(range(-step_y, diag + step_y, step_y)):
        offset = (step_x // 2) * (row % 2)  # staggered rows: no clean column to crop away
        for x in range(-step_x + offset, diag + step_x, step_x):
            draw.text((x - left, y - top), line, font=face, fill=255)
    layer = layer.rotate(spec.angle, resample=Image.Resampling.BILINEAR)
    x0, y0 = (diag - width) // 2, (diag - height) // 2
    return layer.crop((x0, y0, x0 + width, y0 + height))


def apply_watermark(img: Image.Image, spec: WatermarkSpec | None = None,
                    font: CJKFont | None = None) -> Image.Image:
    """A copy of ``img`` (RGB or L) with the watermark blended into its pixels."""
    from PIL import Image

    spec = spec or WatermarkSpec()
    base = img.convert("RGB") if img.mode != "RGB" else img.copy()
    mask = watermark_mask(base.size, spec, font)
    mask = mask.point(lambda v: round(v * spec.opacity))
    base.paste(Image.new("RGB", base.size, spec.color), mask=mask)
    return base


def preview(img: Image.Image, spec: WatermarkSpec | None = None, font: CJKFont | None = None,
            max_side: int = 800) -> Image.Image:
    """A small watermarked copy for showing before export; the layout matches the export."""
    from PIL import Image

    small = img.copy()
    small.thumbnail((max_side, max_side), Image.Resampling.BILINEAR)
    return apply_watermark(small, spec, font)
