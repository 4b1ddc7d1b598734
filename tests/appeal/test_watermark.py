from __future__ import annotations

import datetime as dt

from PIL import Image, ImageChops

from app.appeal.watermark import DEFAULT_TEXT, WatermarkSpec, apply_watermark, preview


def _changed_fraction(a: Image.Image, b: Image.Image) -> float:
    diff = ImageChops.difference(a.convert("L"), b.convert("L")).point(lambda v: 255 if v > 8
                                                                       else 0)
    return diff.histogram()[255] / (a.width * a.height)


def test_watermark_is_drawn_into_the_pixels_across_the_image(cjk_font):
    original = Image.new("RGB", (1200, 800), (250, 250, 250))
    marked = apply_watermark(original, WatermarkSpec(date=dt.date(2026, 11, 25)), cjk_font)
    assert original.getpixel((0, 0)) == (250, 250, 250)  # the original is kept unmarked
    assert marked.size == original.size
    assert 0.03 < _changed_fraction(original, marked) < 0.6
    # Tiled: every quarter of the image carries some of the mark.
    for box in ((0, 0, 600, 400), (600, 0, 1200, 400), (0, 400, 600, 800),
                (600, 400, 1200, 800)):
        assert _changed_fraction(original.crop(box), marked.crop(box)) > 0.01


def test_opacity_angle_density_and_text_change_the_mark(cjk_font):
    base = Image.new("RGB", (900, 600), "white")
    light = apply_watermark(base, WatermarkSpec(opacity=0.1), cjk_font)
    strong = apply_watermark(base, WatermarkSpec(opacity=0.9), cjk_font)
    assert strong.convert("L").getextrema()[0] < light.convert("L").getextrema()[0]
    dense = apply_watermark(base, WatermarkSpec(density=3.0), cjk_font)
    sparse = apply_watermark(base, WatermarkSpec(density=0.5), cjk_font)
    assert _changed_fraction(base, dense) > _changed_fraction(base, sparse)
    flat = apply_watermark(base, WatermarkSpec(angle=0), cjk_font)
    default = apply_watermark(base, WatermarkSpec(), cjk_font).tobytes()
    assert flat.tobytes() != default
    other = apply_watermark(base, WatermarkSpec(text="仅供开户使用"), cjk_font)
    assert other.tobytes() != default


def test_default_text_and_date():
    spec = WatermarkSpec(date=dt.date(2026, 11, 25))
    assert spec.line() == f"{DEFAULT_TEXT}  2026-11-25"
    assert 0.3 <= spec.opacity <= 0.4
    assert WatermarkSpec(date=None).line() == DEFAULT_TEXT


def test_preview_is_small_and_marked(cjk_font):
    big = Image.new("RGB", (4000, 3000), "white")
    small = preview(big, font=cjk_font)
    assert max(small.size) == 800
    assert _changed_fraction(Image.new("RGB", small.size, "white"), small) > 0.03


def test_grayscale_input(cjk_font):
    marked = apply_watermark(Image.new("L", (600, 400), 255), font=cjk_font)
    assert marked.mode == "RGB"
