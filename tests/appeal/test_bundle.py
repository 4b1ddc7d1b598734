"""The PDF bundle read back with pypdf and rendered with pdftoppm."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from progress_messages import assert_progress_messages
from pypdf import PdfReader

from app.appeal.bundle import BundleOptions, build_bundle
from app.appeal.case import load_case
from app.appeal.documents import PackageDocument
from app.appeal.images import Cancelled
from app.appeal.intake import IntakeError
from app.appeal.statement import build_statement

from .pdfcheck import (
    assert_title_only_metadata,
    embedded_truetype,
    fonts,
    images,
    outline_titles,
)
from .samples import ink_fraction, photo, render_page


def _build(case_dir, cjk_font, out, **option_values):
    case, profile = load_case(str(case_dir / "case.json"))
    statement = build_statement(profile, case.diagnosis, accounts=case.accounts,
                                today=dt.date(2026, 11, 25))
    calls = []
    result = build_bundle(profile, case.documents, out, statement=statement,
                          diagnosis=case.diagnosis, options=BundleOptions(**option_values),
                          font=cjk_font, progress=lambda *a: calls.append(a))
    return result, calls


def test_structure(case_dir, cjk_font, tmp_path):
    out = tmp_path / "appeal.pdf"
    result, calls = _build(case_dir, cjk_font, out)
    reader = PdfReader(out)
    # cover, contents, statement, licence, ID both sides, holding, letter, evidence ×2
    assert len(reader.pages) == result.pages == 9
    assert result.missing == []
    titles = outline_titles(reader)
    assert titles == ["申诉说明", "营业执照", "法定代表人身份证（正反面）",
                      "法定代表人手持身份证照片", "授权委托书（盖章）", "其他证明材料"]
    assert [(d.first_page, d.page_count) for d in result.documents] == [
        (3, 1), (4, 1), (5, 1), (6, 1), (7, 1), (8, 2)]
    # Each bookmark opens its own document's first page, as the contents page says.
    assert [reader.get_destination_page_number(entry) + 1 for entry in reader.outline] == [
        d.first_page for d in result.documents]
    assert reader.page_labels == ["封面", "2", "3", "4", "5", "6", "7", "8", "9"]
    for number, page in enumerate(reader.pages, 1):
        assert f"第 {number} 页 / 共 9 页" in page.extract_text()
    contents = reader.pages[1].extract_text()
    assert "目录" in contents and "营业执照" in contents and "8" in contents
    assert "Sealed letter 1" in reader.pages[6].extract_text()
    assert "Evidence page 2" in reader.pages[8].extract_text()
    found = fonts(reader)
    cjk = [name for name in found if "WenQuanYi" in name or "+" in name]
    assert cjk and all(embedded_truetype(found[name]) for name in cjk)
    assert all(embedded_truetype(f) for name, f in found.items()
               if name != "/Helvetica"), list(found)  # Helvetica: the imported test PDFs'
    # progress: monotonic, ends complete, one message type in both languages
    assert [c[0] for c in calls] == sorted(c[0] for c in calls)
    assert calls[-1][0] == calls[-1][1]
    rendered = assert_progress_messages(c[2] for c in calls)
    assert ("Placed Business licence", "已排入 营业执照") in rendered
    assert ("Placed Legal person's ID card (both sides)",
            "已排入 法定代表人身份证（正反面）") in rendered
    assert rendered[-1] == ("Bundle written", "申诉材料已写入")


def test_metadata_and_privacy(case_dir, cjk_font, tmp_path):
    out = tmp_path / "appeal.pdf"
    _build(case_dir, cjk_font, out)
    assert_title_only_metadata(out, "企业微信账号申诉材料")
    data = out.read_bytes()
    for leak in (str(tmp_path).encode(), b"licence.jpg", b"Someone Secret", b"TestPhone",
                 b"/Author", b"/Producer", b"/Creator"):
        assert leak not in data, leak
    # the photos went in as JPEG (DCT), fitted to A4 at about 200 dpi
    photos = images(PdfReader(out))
    assert photos and all(list(img["/Filter"]) == ["/DCTDecode"] for img in photos)
    assert max(max(img["/Width"], img["/Height"]) for img in photos) <= 2000 * 1.3
    assert all(b"Exif" not in img._data[:4096] for img in photos)  # no EXIF/GPS segment


def test_without_imported_pdfs_metadata_is_still_title_only(tmp_path, profile, diagnosis,
                                                            cjk_font):
    docs = [PackageDocument(kind="business_license", path=photo(tmp_path / "l.jpg"))]
    out = tmp_path / "b.pdf"
    result = build_bundle(profile, docs, out, statement="说明", diagnosis=diagnosis,
                          font=cjk_font)
    assert_title_only_metadata(out, profile.company_name)
    assert set(result.missing) == {"legal_person_id_front", "legal_person_id_back",
                                   "legal_person_holding_id", "seal_authorization_letter"}


def test_renders_with_legible_pages(case_dir, cjk_font, tmp_path, pdftoppm):
    out = tmp_path / "appeal.pdf"
    _build(case_dir, cjk_font, out)
    for page in (1, 2, 3):  # text pages: some ink, mostly paper
        assert 0.002 < ink_fraction(render_page(pdftoppm, out, page, tmp_path)) < 0.3
    photo_page = render_page(pdftoppm, out, 4, tmp_path)
    assert ink_fraction(photo_page) > 0.2  # the licence photo fills the page


def test_id_sides_on_separate_pages_and_english(case_dir, cjk_font, tmp_path):
    out = tmp_path / "appeal_en.pdf"
    _build(case_dir, cjk_font, out, id_on_one_page=False, lang="en")
    reader = PdfReader(out)
    assert len(reader.pages) == 10
    titles = outline_titles(reader)
    assert "Legal person's ID card (photo side)" in titles
    assert "Legal person's ID card (emblem side)" in titles
    assert reader.page_labels[0] == "Cover"
    assert "Page 10 of 10" in reader.pages[9].extract_text()


def test_cancel_leaves_no_output(case_dir, cjk_font, tmp_path):
    case, profile = load_case(str(case_dir / "case.json"))
    cancel = threading.Event()
    out = tmp_path / "cancelled.pdf"

    def progress(done, total, message):
        if done == 3:
            cancel.set()

    with pytest.raises(Cancelled):
        build_bundle(profile, case.documents, out, statement="x", diagnosis=case.diagnosis,
                     font=cjk_font, progress=progress, cancel=cancel)
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


def test_a_bad_document_is_named(tmp_path, profile, cjk_font):
    bad = tmp_path / "id_front.jpg"
    bad.write_bytes(b"")
    with pytest.raises(IntakeError) as info:
        build_bundle(profile, [PackageDocument(kind="legal_person_id_front", path=bad)],
                     tmp_path / "x.pdf", statement="x", font=cjk_font)
    assert "id_front.jpg" in info.value.message.zh_CN


def test_a_truncated_photo_found_while_decoding_is_named(tmp_path, profile, cjk_font):
    whole = photo(tmp_path / "whole.jpg", (1600, 1200)).read_bytes()
    cut = tmp_path / "licence_cut.jpg"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    out = tmp_path / "x.pdf"
    with pytest.raises(IntakeError) as info:
        build_bundle(profile, [PackageDocument(kind="business_license", path=cut)], out,
                     statement="x", font=cjk_font)
    assert info.value.reason == "truncated" and "licence_cut.jpg" in info.value.message.en
    assert not out.exists()


def test_a_long_title_stays_on_the_page(tmp_path, profile, cjk_font, pdftoppm):
    title = "客户主动咨询聊天记录截图（含时间、对方昵称与完整对话内容，证明未骚扰客户）" * 2
    docs = [PackageDocument(kind="evidence", path=photo(tmp_path / "e.jpg"), title=title)]
    out = tmp_path / "b.pdf"
    build_bundle(profile, docs, out, statement="x", font=cjk_font)
    page = render_page(pdftoppm, out, 4, tmp_path, dpi=30)
    right_margin = page.crop((page.width - 12, 0, page.width, page.height))
    assert ink_fraction(right_margin) == 0


def _pdftotext_lines(pdf, page: int) -> list[str]:
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the rendered lines")
    out = subprocess.run([tool, "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_statement_lines_in_the_pdf_never_start_with_closing_punctuation(
        case_dir, cjk_font, tmp_path):
    """Commas and full stops placed where a plain CJK wrap would start a line with them."""
    from app.appeal.bundle import CoverFacts
    from app.appeal.linebreak import NO_LINE_START
    from app.rules.contract import RestrictionReport

    case, profile = load_case(str(case_dir / "case.json"))
    # Sentences of varied lengths so that some punctuation falls at every line position.
    complied = "".join(f"我单位第{i}项核查{'结果' * (i % 7)}显示账号由员工本人使用，"
                       f"客户{'均' * (i % 5)}为主动咨询（含{'老' * (i % 3)}客户）。"
                       for i in range(1, 30))
    report = RestrictionReport.model_validate({"account": "enterprise", "scope": "account",
                                               "duration": "permanent"})
    statement = build_statement(profile, report=report, complied=complied,
                                restricted_on=dt.date(2026, 11, 28),
                                attachments=[d.display_title("zh_CN") for d in case.documents],
                                today=dt.date(2026, 12, 2))
    out = tmp_path / "appeal.pdf"
    result = build_bundle(profile, case.documents, out, statement=statement,
                          diagnosis=case.diagnosis, options=BundleOptions(), font=cjk_font,
                          cover=CoverFacts(report=report, accounts=["企业整体"],
                                           restricted_on=dt.date(2026, 11, 28)))
    reader = PdfReader(out)
    placed = result.documents[0]
    assert placed.title == "申诉说明" and placed.page_count >= 2
    statement_pages = range(placed.first_page, placed.first_page + placed.page_count)
    lines = [line for page in statement_pages for line in _pdftotext_lines(out, page)]
    assert sum("，" in line for line in lines) > 20
    starts = [line for line in lines if line[0] in NO_LINE_START]
    assert starts == []
    # The cover names what is appealed, with the account and the date, and cites no clause.
    cover = reader.pages[0].extract_text()
    assert "申请复核：企业账号封禁" in cover and "2026年11月28日" in cover
    assert "企业整体" in cover and "条" not in cover.replace("清单", "")
    # The statement's attachment list carries the documents' page numbers.
    text = "\n".join(lines)
    attached = text.split("六、附件清单")[1]
    licence = next(line for line in attached.splitlines() if "营业执照" in line)
    assert licence.endswith(str(result.documents[1].first_page))


@pytest.mark.parametrize("values", [{"dpi": 71}, {"dpi": 601}, {"jpeg_quality": 96},
                                    {"workers": 0}, {"dpi": 200.5}, {"dpi": True},
                                    {"lang": "fr"}])
def test_options_out_of_range_are_refused(values):
    with pytest.raises(ValueError, match=next(iter(values))):
        BundleOptions(**values)
    assert BundleOptions().dpi == 200 and BundleOptions().workers >= 1
