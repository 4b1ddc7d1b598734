"""The PDF layer every document goes through: numbered pages, title-only metadata, the
running header, atomic writes."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph

from app.pdf.fonts import FontNotFoundError, find_cjk_font
from app.pdf.output import write_atomic
from app.pdf.renderer import PdfRenderer
from app.pdf.styles import build_styles


@pytest.fixture(scope="module")
def cjk_font():
    try:
        return find_cjk_font()
    except FontNotFoundError:
        pytest.fail("the shipped CJK font is missing from resources/fonts")


class ThreePages(PdfRenderer):
    def title(self) -> str:
        return "测试文件 — 示例"

    def header(self) -> str:
        return "页眉 · " + "很长的页眉" * 40  # longer than the line: cut, not run off the page

    def story(self) -> list:
        styles = build_styles(self.font)
        return [Paragraph("第一页", styles.body), PageBreak(), Paragraph("第二页", styles.body),
                PageBreak(), Paragraph("第三页", styles.body)]


@pytest.mark.parametrize(("lang", "first", "last"), [
    ("zh_CN", "第 1 页 / 共 3 页", "第 3 页 / 共 3 页"),
    ("en", "Page 1 of 3", "Page 3 of 3")])
def test_numbered_pages_header_and_title_only_metadata(tmp_path, cjk_font, lang, first, last):
    out = tmp_path / "x.pdf"
    ThreePages(lang, cjk_font).write(out)
    reader = PdfReader(out)
    assert set(reader.metadata) == {"/Title"} and reader.metadata.title == "测试文件 — 示例"
    assert "/Metadata" not in reader.trailer["/Root"]
    pages = [p.extract_text() for p in reader.pages]
    assert first in pages[0] and last in pages[2]
    assert all("页眉 ·" in p and "…" in p for p in pages)
    assert not list(tmp_path.glob(".*.part"))


def test_render_to_a_buffer(cjk_font):
    buffer = io.BytesIO()
    data = ThreePages("zh_CN", cjk_font).write(buffer)
    assert buffer.getvalue() == data and data.startswith(b"%PDF-")


def test_a_failed_write_leaves_the_previous_file(tmp_path, monkeypatch):
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the previous report")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.pdf.output.os.fsync", full_disk)
    with pytest.raises(OSError):
        write_atomic(out, b"%PDF-new")
    assert out.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_every_document_renders_through_the_layer():
    from app.appeal.bundle import _BundleRenderer
    from app.appeal.letter import LetterRenderer
    from app.audit.report import AuditReportRenderer, ScanReportRenderer

    for renderer in (_BundleRenderer, LetterRenderer, AuditReportRenderer, ScanReportRenderer):
        assert issubclass(renderer, PdfRenderer), renderer


def test_no_line_starts_with_chinese_closing_punctuation(cjk_font):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.pdf.page import CANNOT_START_LINE

    def line_texts(para: Paragraph) -> list[str]:
        lines = para.blPara.lines
        if para.blPara.kind == 0:  # one run of text: (extra space, [text]) per line
            return ["".join(words) for _, words in lines]
        return ["".join(getattr(w, "text", "") for w in line.words) for line in lines]

    styles = build_styles(cjk_font)
    size = styles.body.fontSize
    for mark in "，”。）":
        for markup in ("{}", "<b>企业</b>{}"):  # one run of text, and several
            text = markup.format("企业微信账号申诉" * 2 + mark + "我单位已完成整改并承诺遵守" * 3)
            # Exactly sixteen characters fit on a line: the mark would start the second one.
            first = "企业企业微信账号申诉" * 2 if markup != "{}" else "企业微信账号申诉" * 2
            width = stringWidth(first[:16], styles.font, size) + 0.5
            para = Paragraph(text, styles.body)
            para.wrap(width, 1000)
            lines = line_texts(para)
            assert len(lines) > 2, lines
            assert not any(line[:1] in CANNOT_START_LINE for line in lines), (mark, lines)
