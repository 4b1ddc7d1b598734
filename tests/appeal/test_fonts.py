from __future__ import annotations

import struct

import pytest

from app.pdf.fonts import FONT_ENV, FontNotFoundError, find_cjk_font, truetype_subfont


def test_system_font_has_truetype_outlines(cjk_font):
    assert truetype_subfont(cjk_font.path) is not None


def test_cff_font_is_not_usable(tmp_path):
    otf = tmp_path / "NotoSansCJK.otf"
    otf.write_bytes(b"OTTO" + struct.pack(">HHHH", 1, 16, 0, 0) + b"CFF " + b"\0" * 12)
    assert truetype_subfont(otf) is None
    with pytest.raises(FontNotFoundError) as info:
        find_cjk_font(otf)
    assert "NotoSansCJK.otf" in info.value.message.en and "TrueType" in info.value.message.en


def test_env_override(monkeypatch, cjk_font, tmp_path):
    monkeypatch.setenv(FONT_ENV, str(cjk_font.path))
    assert find_cjk_font().path == cjk_font.path
    monkeypatch.setenv(FONT_ENV, str(tmp_path / "missing.ttf"))
    with pytest.raises(FontNotFoundError) as info:
        find_cjk_font()
    assert "missing.ttf" in info.value.message.zh_CN


EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


@pytest.fixture
def no_system_fonts(tmp_path, monkeypatch):
    """A machine without any font: fontconfig knows no directory, no well-known path exists."""
    from app.pdf import fonts

    conf = tmp_path / "fonts.conf"
    conf.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "cache"), encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    monkeypatch.delenv(FONT_ENV, raising=False)
    for name in ("_LINUX", "_MACOS", "_WINDOWS"):
        monkeypatch.setattr(fonts, name, ())
    fonts._find_system_font.cache_clear()
    yield conf
    fonts._find_system_font.cache_clear()


def test_pdfs_are_written_without_any_system_font(no_system_fonts, tmp_path, profile):
    from pypdf import PdfReader

    from app.appeal.letter import build_letter
    from app.pdf import fonts

    assert fonts._fontconfig_candidates() == []  # fontconfig sees no Chinese font
    font = find_cjk_font()
    assert font.path in fonts.bundled_fonts() and font.path.name == "wqy-microhei.ttc"
    licence = font.path.with_name("LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "WenQuanYi" in licence
    out = tmp_path / "letter.pdf"
    build_letter(profile, out)  # the default font, found with no system font at all
    assert "授权委托书" in PdfReader(out).pages[0].extract_text()


def test_the_shipped_font_comes_before_system_fonts(monkeypatch):
    from app.pdf import fonts

    monkeypatch.delenv(FONT_ENV, raising=False)
    fonts._find_system_font.cache_clear()
    try:
        assert find_cjk_font().path == fonts.bundled_fonts()[0]
    finally:
        fonts._find_system_font.cache_clear()
