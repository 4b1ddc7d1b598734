"""The parsed CJK font kept on disk (app/pdf/fontcache.py): a loaded face is reportlab's own
parse, attribute for attribute, and writes the same font subset. These tests fail when reportlab
changes what its TTFont/TTFontFace hold, which the cache relies on."""

from __future__ import annotations

import io
import shutil

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
from reportlab.pdfgen.canvas import Canvas

from app import diskcache
from app.pdf import fontcache
from app.pdf.fonts import FontNotFoundError, find_cjk_font

SAMPLE = "企业微信申诉材料 Appeal，第 1 页 / 共 3 页（测试）—…"


@pytest.fixture(scope="module")
def cjk_font():
    try:
        return find_cjk_font()
    except FontNotFoundError:
        pytest.fail("the shipped CJK font is missing from resources/fonts")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(diskcache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


def _same(face: TTFontFace, parsed: dict) -> None:
    assert isinstance(face, TTFontFace)
    assert face.glyphToChar == parsed["glyphToChar"]  # unpacked on first use
    loaded = vars(face)
    assert loaded.keys() == parsed.keys()
    for name, value in parsed.items():
        if name == "_pdfScale":
            assert all(loaded[name](x) == value(x) for x in (0, 1, 512, 1000, 2048, -77))
            continue
        assert loaded[name] == value, name
        assert type(loaded[name]) is type(value), name
        if isinstance(value, dict):  # exact types inside too: ints stay ints, floats floats
            assert [type(v) for v in loaded[name].values()] == [type(v) for v in value.values()]
        if isinstance(value, list):
            assert [type(v) for v in loaded[name]] == [type(v) for v in value], name


def _no_parsing(monkeypatch) -> None:
    monkeypatch.setattr(TTFontFace, "__init__",
                        lambda *a, **k: pytest.fail("parsed again, not loaded"))


def test_loaded_face_is_reportlabs_parse(cache, cjk_font, monkeypatch):
    parsed = TTFontFace(str(cjk_font.path), subfontIndex=cjk_font.subfont_index)
    first = fontcache.load_face(cjk_font.path, cjk_font.subfont_index)  # parses and stores
    assert len(list(cache.glob("*.bin"))) == 1
    _no_parsing(monkeypatch)
    loaded = fontcache.load_face(cjk_font.path, cjk_font.subfont_index)  # from the cache
    _same(first, vars(parsed))
    _same(loaded, vars(parsed))
    assert vars(loaded)["name"].ustr == parsed.name.ustr


def test_cached_font_is_a_ttfont_like_reportlabs(cache, cjk_font):
    fontcache.load_face(cjk_font.path, cjk_font.subfont_index)
    made = fontcache.cached_ttfont("CacheTest", cjk_font.path, cjk_font.subfont_index)
    real = TTFont("CacheTest", str(cjk_font.path), subfontIndex=cjk_font.subfont_index)
    assert type(made) is TTFont
    # Everything TTFont.__init__ sets, with the same values (the face compared above).
    assert vars(made).keys() == vars(real).keys()
    for name in vars(real):
        if name not in ("face", "state", "encoding"):
            assert getattr(made, name) == getattr(real, name), name
    assert type(made.encoding) is type(real.encoding) and type(made.state) is type(real.state)
    assert made.stringWidth(SAMPLE, 11) == real.stringWidth(SAMPLE, 11)


def _pdf(font: TTFont) -> bytes:
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(font)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, SAMPLE)
    canvas.save()
    return buffer.getvalue()


def test_same_subset_from_the_cache(cache, cjk_font, monkeypatch):
    parsed = TTFont("SubsetTest", str(cjk_font.path), subfontIndex=cjk_font.subfont_index)
    fontcache.load_face(cjk_font.path, cjk_font.subfont_index)
    _no_parsing(monkeypatch)
    cached = fontcache.cached_ttfont("SubsetTest", cjk_font.path, cjk_font.subfont_index)
    assert _pdf(cached) == _pdf(parsed)


def test_changed_or_damaged_cache_is_parsed_again(cache, cjk_font, tmp_path):
    font = tmp_path / cjk_font.path.name
    shutil.copyfile(cjk_font.path, font)
    fontcache.load_face(font, cjk_font.subfont_index)
    (stored,) = cache.glob("*.bin")
    stored.write_bytes(b"WAFC" + b"\x00garbage")
    face = fontcache.load_face(font, cjk_font.subfont_index)
    assert face.numGlyphs > 1000
    assert stored.read_bytes()[4:] != b"\x00garbage"  # replaced by a good one
    # The file changed (size and time differ): parsed again, and its entry replaced rather
    # than another one added.
    before = stored.read_bytes()
    with open(font, "ab") as f:
        f.write(b"\0" * 4)
    fontcache.load_face(font, cjk_font.subfont_index)
    assert list(cache.glob("*.bin")) == [stored] and stored.read_bytes() != before
    assert not list(cache.glob(".*.part"))


def test_cache_off_and_unwritable_folder_still_give_the_font(tmp_path, monkeypatch, cjk_font):
    monkeypatch.setenv(diskcache.CACHE_ENV, "off")
    assert fontcache.load_face(cjk_font.path, cjk_font.subfont_index).numGlyphs > 1000
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(diskcache.CACHE_ENV, str(blocked))
    assert fontcache.load_face(cjk_font.path, cjk_font.subfont_index).numGlyphs > 1000


def test_an_attribute_of_an_unknown_kind_is_not_cached(cache, cjk_font, monkeypatch):
    real_init = TTFontFace.__init__

    def init(self, *args, **kwargs):  # a future reportlab that keeps an object of its own
        real_init(self, *args, **kwargs)
        self.future = object()

    monkeypatch.setattr(TTFontFace, "__init__", init)
    face = fontcache.load_face(cjk_font.path, cjk_font.subfont_index)
    assert face.numGlyphs > 1000
    assert not list(cache.glob("*.bin"))


def test_large_tables_are_stored_as_runs_and_packed_numbers(cjk_font):
    """The character maps load in C from a few hundred runs, the glyph offsets from packed
    numbers; keys keep their order and values their types."""
    face = TTFontFace(str(cjk_font.path), validate=0, subfontIndex=cjk_font.subfont_index)
    glyphs, widths = fontcache._compact(face.charToGlyph), fontcache._compact(face.charWidths)
    assert glyphs[:2] == ("runs", 1) and len(glyphs[2]) < len(face.charToGlyph) / 20
    assert widths[:2] == ("runs", 0) and len(widths[2]) < len(face.charWidths) / 4
    assert fontcache._compact(face.glyphPos)[0] == "int64"
    for table, packed in ((face.charToGlyph, glyphs), (face.charWidths, widths)):
        loaded = fontcache._decode(packed)
        assert list(loaded.items()) == list(table.items())
    assert fontcache._decode(fontcache._compact(face.glyphPos)) == face.glyphPos
    mixed = {i: (1.0 if i % 2 else 1) for i in range(2000)}  # equal, not the same type
    assert fontcache._decode(fontcache._compact(mixed) or ("plain", mixed)) == mixed
    assert [type(v) for v in fontcache._decode(fontcache._compact(mixed) or ("plain", mixed))
            .values()] == [type(v) for v in mixed.values()]
    assert fontcache._compact({str(i): i for i in range(2000)}) is None
