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
    assert "R1:malicious_adding" in rows[0]["flags"] and "2.1" in rows[0]["citations"]
    assert len(rows) == len(scan_result.members)
