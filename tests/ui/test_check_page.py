"""The check-before-sending page as an operations team uses it: paste, open a CSV, filter,
export; registered in the sidebar."""

from __future__ import annotations

import csv

import pytest

from app.ui.pages.check import CheckPage


@pytest.fixture
def page(qtbot, context):
    view = CheckPage(context)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    return view


def test_pasted_text_is_checked_and_highlighted(page):
    page.editor.setPlainText("新品上市！转发本条到朋友圈集满30个赞，到店即可领取礼品。")
    page.run_check()
    assert page.table.rowCount() == 1
    assert "sharing" in page.table.item(0, 2).text()
    assert page.table.item(0, 3).text() == "2.1"
    shown = page.detail.toHtml()
    assert "background" in shown and "Keep the offer" in shown


def test_opened_csv_is_one_text_per_row_and_filters_by_severity(page, tmp_path):
    path = tmp_path / "texts.csv"
    path.write_text("内容\n刷 单 兼 职，日结\n欢迎分享使用体验\n本店全网最低价\n", encoding="utf-8")
    assert page.load_file(path)
    rows = {page.table.item(r, 0).text() for r in range(page.table.rowCount())}
    assert rows == {"2", "4"}  # row 3 is a near-miss, row 4 an info-level advice
    page.severityBox.setCurrentIndex(1)  # medium and high
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["2"]


def test_export_csv(page, tmp_path, monkeypatch):
    page.editor.setPlainText("诚招兼职刷单，日结200")
    page.run_check()
    out = tmp_path / "out.csv"
    monkeypatch.setattr("app.ui.pages.check.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    page.export("csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][0] == "Row" and rows[1][4] == "4.1"


def test_bad_file_is_a_message_not_a_crash(page, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("app.ui.pages.check.QMessageBox.warning",
                        lambda _p, _t, text: shown.append(text))
    bad = tmp_path / "photo.xlsx"
    bad.write_bytes(b"not a workbook")
    assert not page.load_file(bad)
    assert "photo.xlsx" in shown[0]


def test_page_is_in_the_sidebar(window):
    view = window.page("check")
    assert isinstance(view, CheckPage)
