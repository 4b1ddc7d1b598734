from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from app.appeal.letter import build_letter
from app.pdf.page import MARGIN_BOTTOM, MARGIN_X, PAGE_W

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


def _rectangles(pdf) -> list[tuple[float, float, float, float]]:
    """Every rectangle drawn on page 1, in page coordinates (x0, y0, x1, y1)."""
    found = []

    def visit(operator, operands, cm, tm) -> None:
        if operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            a, b, c, d, e, f = cm
            xs = [a * px + c * py + e for px, py in ((x, y), (x + w, y + h))]
            ys = [b * px + d * py + f for px, py in ((x, y), (x + w, y + h))]
            found.append((min(xs), min(ys), max(xs), max(ys)))

    PdfReader(pdf).pages[0].extract_text(visitor_operand_before=visit)
    return found


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_signature_and_seal_boxes_align_inside_the_margins(tmp_path, profile, cjk_font, lang):
    out = tmp_path / "letter.pdf"
    build_letter(profile, out, lang=lang, font=cjk_font)
    boxes = sorted(_rectangles(out))
    assert len(boxes) == 3, boxes  # legal representative, authorised person, seal
    left, right = MARGIN_X, PAGE_W - MARGIN_X
    for x0, y0, x1, _y1 in boxes:
        assert left - 0.5 <= x0 and x1 <= right + 0.5, (x0, x1, left, right)
        assert y0 >= MARGIN_BOTTOM - 0.5
    assert len({round(y0, 1) for _, y0, _, _ in boxes}) == 1, boxes  # one baseline
    assert len({round(y1, 1) for _, _, _, y1 in boxes}) == 1, boxes  # one height
    assert boxes[-1][2] - boxes[-1][0] >= 42 * mm  # a round seal fits
    assert abs(boxes[0][0] - left) < 0.5 and abs(boxes[-1][2] - right) < 0.5
