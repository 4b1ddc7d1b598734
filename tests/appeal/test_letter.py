from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from app.appeal.letter import build_letter

from .pdfcheck import assert_title_only_metadata, embedded_truetype, fonts
from .samples import ink_fraction, render_page


def test_letter_holds_the_profile_and_the_scope(tmp_path, profile, cjk_font):
    out = tmp_path / "letter.pdf"
    build_letter(profile, out, valid_from=dt.date(2026, 11, 25), valid_days=30, font=cjk_font)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in ("授权委托书", profile.company_name, profile.credit_code, profile.corp_id,
                     profile.administrator.name, profile.administrator.id_number,
                     "办理企业微信账号申诉事宜", "2026年11月25日", "2026年12月25日", "公章"):
        assert expected in text, expected
    assert_title_only_metadata(out, "授权委托书")
    found = fonts(reader)
    assert found and all(embedded_truetype(f) for f in found.values()), list(found)


def test_english_letter(tmp_path, profile, cjk_font):
    out = tmp_path / "letter_en.pdf"
    build_letter(profile, out, lang="en", font=cjk_font)
    text = PdfReader(out).pages[0].extract_text()
    assert "Letter of Authorisation" in text and "handling the WeCom account appeal" in text
    assert profile.company_name in text  # Chinese names stay Chinese


def test_letter_renders(tmp_path, profile, cjk_font, pdftoppm):
    out = tmp_path / "letter.pdf"
    build_letter(profile, out, font=cjk_font)
    page = render_page(pdftoppm, out, 1, tmp_path)
    assert 0.005 < ink_fraction(page) < 0.3
