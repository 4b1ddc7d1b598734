"""The check's CSV and PDF exports."""

from __future__ import annotations

import csv

from progress_messages import assert_progress_messages
from pypdf import PdfReader

from app.rules.catalogue import load_catalogue
from app.textcheck.engine import check_rows, load_checker
from app.textcheck.report import write_csv, write_pdf

ROWS = [(2, "欢迎分享使用体验"), (3, "誠招兼職刷單，日結兩百"), (4, "本理财产品保本保息")]


def _items(lang):
    return check_rows(load_checker(load_catalogue(), use_workspace=False), ROWS, lang)


def test_csv_has_a_line_per_finding_in_the_language(tmp_path):
    out = tmp_path / "check.csv"
    assert write_csv(_items("zh_CN"), out, "zh_CN") == 2
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["行", "级别", "类别"]
    assert [r[0] for r in rows[1:]] == ["3", "4"]
    assert rows[1][4] == "4.1" and rows[2][4] == ""  # advice cites no section


def test_pdf_report_names_rows_reasons_and_advice(tmp_path):
    out = tmp_path / "check.pdf"
    write_pdf(_items("en"), out, "en", "texts.csv")
    text = " ".join("".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Check before sending" in text and "texts.csv" in text
    assert "Row 3" in text and "Row 2" not in text
    assert "order brushing (4.1)" in text and "(rule 3, §4.1)" in text
    assert "The app's advice, not a WeCom rule" in text


def test_check_reports_progress_as_text_in_both_languages():
    seen = []
    check_rows(load_checker(load_catalogue(), use_workspace=False), ROWS, "zh_CN",
               progress=lambda done, total, message: seen.append((done, total, message)))
    assert [s[:2] for s in seen] == [(3, 3)]
    assert assert_progress_messages([seen[0][2]]) == [("Checked 3 of 3 texts",
                                                       "已检查 3 / 3 条文本")]
