"""The faster TrueType parse builds exactly what reportlab's own parser builds."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

from app.pdf._ttf import FastTTFont

FIELDS = ("charToGlyph", "glyphToChar", "charWidths", "hmetrics", "defaultWidth", "glyphPos",
          "ascent", "descent", "bbox", "name", "numGlyphs")


def test_fast_parse_equals_reportlabs_on_the_cjk_font(cjk_font):
    index = cjk_font.subfont_index
    ours = FastTTFont("Ours", str(cjk_font.path), subfontIndex=index).face
    theirs = TTFont("Theirs", str(cjk_font.path), subfontIndex=index).face
    for field in FIELDS:
        assert getattr(ours, field) == getattr(theirs, field), field
    assert len(ours.charToGlyph) > 20_000  # a CJK font, so the test means something
