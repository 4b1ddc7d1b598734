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
