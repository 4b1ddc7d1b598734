"""The audit and scan reports render as PDFs with charts, in both languages, and the CSV/JSON
exports carry the same content."""

from __future__ import annotations

import csv
import json

import pytest

from app.audit.checklist import load_checklist
from app.audit.exports import audit_csv, audit_json, scan_csv
from app.audit.report import audit_report_pdf, scan_report_pdf
from app.audit.risk import scan
from app.audit.scoring import AuditAnswers, score_audit

from .behaviour_files import SPAMMER, planted_rows, write_csv
from .pdfs import ink, page_count, render_page, text_of


@pytest.fixture
def audit_result():
    checklist = load_checklist()
    answers = {q.id: "yes" for q in checklist.questions}
    answers.update(contact_me_qr="no", harassment_frequency="partly",
                   linked_wechat_known="not_applicable")
    return score_audit(AuditAnswers.model_validate({
        "title": "Q4", "enterprise": "示例科技有限公司", "date": "2026-11-20",
        "answers": [{"question": k, "answer": v, "note": "见销售部记录"}
                    for k, v in answers.items()],
        "remediation": [{"question": "contact_me_qr", "owner": "李娜", "due": "2026-12-15",
                         "status": "in_progress"}],
        "history": [{"date": "2026-05-20", "overall": 61}, {"date": "2026-08-20", "overall": 72}],
    }))


@pytest.fixture
def scan_result(tmp_path):
    result = scan(write_csv(tmp_path / "d.csv", planted_rows()))
    yield result
    result.close()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_audit_report_renders(tmp_path, audit_result, lang):
    pdf = audit_report_pdf(audit_result, tmp_path / "audit.pdf", lang)
    assert page_count(pdf) >= 2
    assert ink(render_page(pdf, 1)) > 0.02
    text = text_of(pdf)
    if lang == "zh_CN":
        assert "企业微信合规自查报告" in text and "整改计划" in text and "李娜" in text
    else:
        assert "Overall score" in text and "Remediation plan" in text
        assert "Advice (the app's suggestion, not a WeCom rule)" in text
        assert "Trend across audits" in text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_scan_report_renders(tmp_path, scan_result, lang):
    pdf = scan_report_pdf(scan_result, tmp_path / "scan.pdf", lang)
    assert ink(render_page(pdf, 1)) > 0.02
    text = text_of(pdf)
    assert SPAMMER in text
    assert ("恶意添加外部联系人" if lang == "zh_CN" else "Maliciously adding") in text


def test_audit_exports(tmp_path, audit_result):
    out = audit_csv(audit_result, tmp_path / "audit.csv", "zh_CN")
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(load_checklist().questions)
    qr = next(r for r in rows if r["question_id"] == "contact_me_qr")
    assert (qr["answer"], qr["owner"], qr["status"]) == ("否", "李娜", "in_progress")
    data = audit_json(audit_result, "en")
    json.dumps(data)
    assert data["overall"] == audit_result.overall and data["explanation"]


def test_scan_csv_export(tmp_path, scan_result):
    out = scan_csv(scan_result, tmp_path / "scan.csv", "en")
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["userid"] == SPAMMER
    assert rows[0]["flags"] == "rule 1: Maliciously adding external contacts"  # once, no ids
    assert "2.1" in rows[0]["citations"]
    assert len(rows) == len(scan_result.members)


def _score(answers: dict[str, str], **extra):
    return score_audit(AuditAnswers.model_validate({
        "date": "2026-11-20", "answers": [{"question": k, "answer": v, "note": extra.get(
            "note", "")} for k, v in answers.items()],
        **{k: v for k, v in extra.items() if k != "note"}}))


def test_audit_report_carries_the_company_and_the_plan(tmp_path, audit_result):
    pdf = audit_report_pdf(audit_result, tmp_path / "audit.pdf", "zh_CN")
    from pypdf import PdfReader

    pages = [p.extract_text() for p in PdfReader(str(pdf)).pages]
    assert "示例科技有限公司" in pages[0]
    # The running header names the company on every page, with the date.
    assert all("示例科技有限公司 · 2026-11-20" in p for p in pages), pages
    text = "\n".join(pages)
    assert "李娜" in text and "进行中" in text and "2026-12-15" in text
    assert "第 1 页 / 共" in pages[0]


def test_unanswered_category_reads_not_answered(tmp_path):
    checklist = load_checklist()
    first = checklist.categories[0]
    answers = {q.id: "yes" for q in checklist.questions if q.category != first.id}
    pdf = audit_report_pdf(_score(answers), tmp_path / "audit.pdf", "zh_CN")
    lines = text_of(pdf).splitlines()
    table = lines.index("不适用")  # the category table's last column header
    row = lines.index(first.title("zh_CN"), table)
    assert lines[row + 1] == "未作答", lines[row:row + 5]


@pytest.mark.parametrize("note_length", [0, 40, 80, 120, 160, 200, 240])
def test_audit_report_never_ends_on_a_lone_line(tmp_path, note_length):
    """Whatever the notes' length moves the page breaks to, the last page holds the closing
    note together with the last answers."""
    from pypdf import PdfReader

    checklist = load_checklist()
    answers = {q.id: "yes" for q in checklist.questions}
    pdf = audit_report_pdf(_score(answers, note="记录" * (note_length // 2)),
                           tmp_path / "audit.pdf", "zh_CN")
    last = PdfReader(str(pdf)).pages[-1].extract_text()
    assert "分数、风险等级和建议均为本应用的评估" in last
    last_question = checklist.questions[-1].text("zh_CN")
    assert last_question[:8] in last, last


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_scan_report_speaks_to_people(tmp_path, scan_result, lang):
    pdf = scan_report_pdf(scan_result, tmp_path / "scan.pdf", lang)
    text = text_of(pdf)
    # No threshold keys from the TOML file, no raw shares.
    assert "(metrics." not in text and "malicious_adding." not in text
    assert "harassment." not in text
    accept = "恶意添加：通过率低于" if lang == "zh_CN" else "Malicious adding: acceptance below"
    rate = ("骚扰：删除和拉黑占新增客户的比例" if lang == "zh_CN"
            else "Harassment: deletions and blocks per new customer")
    lines = text.splitlines()
    values = {lines[i]: lines[i + 1] for i in range(lines.index(accept), len(lines) - 1)}
    assert values[accept] == "30%" and values[rate] == "10%", values
    # The input's file name, not the folders above it (a path may name a person).
    assert "d.csv" in text
    for folder in tmp_path.parts[1:]:
        assert folder not in text, folder


def test_audit_uses_the_pdf_layer_not_the_appeal_package():
    import ast
    from pathlib import Path

    import app.audit

    folder = Path(app.audit.__file__).parent
    imports = {}
    for source in folder.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imports[source.name] = {n.module for n in ast.walk(tree)
                                if isinstance(n, ast.ImportFrom) and n.module} | {
            a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {name: mods for name, mods in imports.items()
                if any(m.startswith("app.appeal") for m in mods)}
    assert "app.pdf.renderer" in imports["report.py"]


def test_reports_carry_a_title_and_no_other_metadata(tmp_path, audit_result, scan_result):
    from pypdf import PdfReader

    for pdf in (audit_report_pdf(audit_result, tmp_path / "a.pdf", "zh_CN"),
                scan_report_pdf(scan_result, tmp_path / "s.pdf", "en")):
        reader = PdfReader(str(pdf))
        assert set(reader.metadata) == {"/Title"}, reader.metadata  # no creator, no dates


def test_a_failed_export_keeps_the_previous_file(tmp_path, audit_result, monkeypatch):
    out = tmp_path / "audit.csv"
    out.write_text("the previous export", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.pdf.output.os.fsync", full_disk)
    for export in (lambda: audit_csv(audit_result, out, "zh_CN"),
                   lambda: audit_report_pdf(audit_result, out, "zh_CN")):
        with pytest.raises(OSError):
            export()
        assert out.read_text(encoding="utf-8") == "the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["audit.csv"]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_scan_percentages_read_alike_in_the_pdf_and_the_csv(tmp_path, scan_result, lang):
    """The reasons, the member table and the thresholds write a share one way: "25%"."""
    import re

    from .behaviour_files import HARASSER

    text = text_of(scan_report_pdf(scan_result, tmp_path / "scan.pdf", lang))
    assert re.findall(r"\d %", text) == [] and re.findall(r"\d\.0%", text) == []
    lines = text.splitlines()  # a table row comes out one cell a line
    row = next(lines[i:i + 7] for i, line in enumerate(lines)
               if line == HARASSER and "%" in "".join(lines[i:i + 7]))
    assert "25%" in row, row  # the table's deletions and blocks
    assert ("the member: 25% of 336" if lang == "en" else "的 25%") in text  # the reason
    with scan_csv(scan_result, tmp_path / "scan.csv", lang).open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    reasons = [row["reasons"] for row in rows if row["reasons"]]
    assert reasons and all(not re.search(r"\d %", r) for r in reasons)
    assert any("25%" in r for r in reasons)
    # The CSV's own share columns: the same form, never a raw 0.25 beside a reason's 25%.
    harasser = next(row for row in rows if row["userid"] == HARASSER)
    assert harasser["negative_feedback_rate"] == "25%"
    assert harasser["acceptance_rate"] == "80%" and harasser["reply_percentage"].endswith("%")
