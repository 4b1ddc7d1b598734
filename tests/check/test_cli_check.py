"""`wecom-appeal check`, `check-plan` and `check-import` end to end: shapes and exit codes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import openpyxl
import pytest

from app.cli import main


@pytest.fixture(autouse=True)
def _workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("WECOM_APPEAL_HOME", str(tmp_path / "home"))


def _stdin(monkeypatch, text: str, encoding: str = "utf-8") -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode(encoding))))


def test_stdin_one_text_json(monkeypatch, capsys):
    _stdin(monkeypatch, "诚招兼职刷单，\n日结两百")
    assert main(["check", "-", "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert list(doc) == ["findings"]
    (finding,) = doc["findings"]
    assert set(finding) == {"category", "rule", "section", "severity", "start", "end",
                            "reason", "hint"}
    assert (finding["category"], finding["rule"], finding["section"]) == (
        "order_brushing", "R3", "4.1")
    assert (finding["start"], finding["end"]) == (2, 10)  # 兼职刷单，\n日结: one passage


def test_utf16_text_from_notepad(tmp_path, capsys):
    path = tmp_path / "notepad.txt"
    path.write_bytes("诚招兼职刷单".encode("utf-16"))
    assert main(["check", str(path), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["category"] == "order_brushing"


def test_clean_text_exits_0(monkeypatch, capsys):
    _stdin(monkeypatch, "您的快递单号是SF1234567890，请注意查收。")
    assert main(["check", "-", "--lang", "zh_CN"]) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_csv_table_json_has_rows(tmp_path, capsys):
    path = tmp_path / "texts.csv"
    path.write_bytes("内容,渠道\n欢迎分享使用体验,群发\n转发到朋友圈送红包,朋友圈\n".encode("gb18030"))
    assert main(["check", str(path), "--json"]) == 1
    items = json.loads(capsys.readouterr().out)["items"]
    assert [(i["row"], len(i["findings"])) for i in items] == [(2, 0), (3, 1)]


def test_xlsx_table_and_severity_filter(tmp_path, capsys):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["文案"], ["全网最低价"], ["百家乐线上赌场"]):
        sheet.append(row)
    path = tmp_path / "texts.xlsx"
    book.save(path)
    assert main(["check", str(path), "--json", "--severity", "high"]) == 1
    items = json.loads(capsys.readouterr().out)["items"]
    assert [{f["category"] for f in i["findings"]} for i in items] == [set(), {"gambling"}]


def test_text_output_names_rule_section_and_hint(monkeypatch, capsys):
    _stdin(monkeypatch, "Share this post to Moments and get a free coupon!")
    assert main(["check", "-", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "rule 1, §2.1" in out and "Hint:" in out


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.txt", None, "no such file"),
    ("photo.xlsx", b"not a workbook", "not a readable Excel workbook"),
    ("scan.pdf", b"%PDF-1.4", "not a text, CSV or XLSX file"),
    ("odd.txt", b"ok \xff\xff", "neither UTF-8 nor GB18030"),
])
def test_bad_input_exits_2_naming_the_file(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert name in err and message in err and "Traceback" not in err


def test_bad_terms_file_exits_2(tmp_path, monkeypatch, capsys):
    terms = tmp_path / "terms.toml"
    terms.write_text("[[check]]\nid = 1\n", encoding="utf-8")
    _stdin(monkeypatch, "x")
    assert main(["check", "-", "--terms", str(terms)]) == 2
    assert "terms.toml" in capsys.readouterr().err


def test_check_plan(capsys):
    assert main(["check-plan", "--audience", "300", "--messages", "2", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    documented = [f for f in found if f["basis"] == "wecom_documented"]
    assert documented and documented[0]["section"] is None
    assert "WeCom admin help documentation" in documented[0]["source"]
    assert main(["check-plan", "--audience", "300", "--messages", "1", "--per-days", "14"]) == 0
    assert main(["check-plan", "--audience", "0", "--messages", "1"]) == 2


def test_check_import_then_check(tmp_path, monkeypatch, capsys):
    words = tmp_path / "intercept.txt"
    words.write_text("竞品甲,竞品乙\n内部价\n", encoding="utf-8")
    assert main(["check-import", str(words), "--severity", "high"]) == 0
    assert "3" in capsys.readouterr().out
    assert (tmp_path / "home" / "check_terms.toml").exists()
    _stdin(monkeypatch, "本周内部价")
    assert main(["check", "-", "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["category"], finding["severity"], finding["rule"]) == (
        "enterprise_terms", "high", None)
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n", encoding="utf-8")
    assert main(["check-import", str(empty)]) == 2


def test_a_bad_terms_file_is_reported_in_the_chosen_language(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    terms = tmp_path / "terms.toml"
    terms.write_text("not = [toml", encoding="utf-8")
    sample = tmp_path / "t.txt"
    sample.write_text("你好", encoding="utf-8")
    assert main(["check", str(sample), "--terms", str(terms), "--lang", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert "检查项文件有误" in err and "不是有效的 TOML" in err
