"""The check-before-sending page as an operations team uses it: paste, open a CSV, filter,
export, import a word list, check a send plan; registered in the sidebar."""

from __future__ import annotations

import csv

import pytest

from app.ui import theme
from app.ui.pages.check import CheckPage
from app.ui.workers import SynchronousRunner


@pytest.fixture
def page(qtbot, context):
    view = CheckPage(context, runner=SynchronousRunner())
    qtbot.addWidget(view)
    view.resize(1100, 700)
    return view


def _column(page, column):
    return [page.ui.table.item(r, column).text() for r in range(page.ui.table.rowCount())]


def test_pasted_text_is_checked_and_highlighted(page):
    page.ui.editor.setPlainText("新品上市！转发本条到朋友圈集满30个赞，到店即可领取礼品。")
    page.run_check()
    assert _column(page, 3) == ["2.1"]
    assert "sharing" in page.ui.table.item(0, 2).text()
    shown = page.ui.detail.toHtml()
    assert theme.tokens()["badge_high"] in shown and "Keep the offer" in shown
    assert page.ui.csvButton.isEnabled()


def test_clean_text_says_so(page):
    page.ui.editor.setPlainText("您的快递单号是SF1234567890，请注意查收。")
    page.run_check()
    assert page.ui.table.rowCount() == 0
    assert "No findings" in page.ui.summaryLabel.text()


def test_opened_csv_is_one_text_per_row_and_filters_by_severity(page, tmp_path):
    path = tmp_path / "texts.csv"
    path.write_text("内容\n刷 单 兼 职，日结\n欢迎分享使用体验\n本店全网最低价\n", encoding="utf-8")
    assert page.load_file(path)
    assert sorted(set(_column(page, 0))) == ["2", "4"]  # 3 is a near-miss; 4 is advice (info)
    page.ui.severityBox.setCurrentIndex(1)  # medium and high
    assert _column(page, 0) == ["2"]
    assert "hidden" in page.ui.summaryLabel.text()


def test_large_file_is_checked_on_the_worker(page, tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("\n".join(["诚招兼职刷单，日结"] * 150 + ["正常的通知"] * 150),
                    encoding="utf-8")
    assert page.load_file(path)
    assert page.ui.table.rowCount() == 150
    assert page.job is None and not page.ui.progressBar.isVisible()


def test_export_csv(page, tmp_path, monkeypatch):
    page.ui.editor.setPlainText("诚招兼职刷单，日结200")
    page.run_check()
    out = tmp_path / "out.csv"
    monkeypatch.setattr("app.ui.file_dialogs.QFileDialog.getSaveFileName",
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


def test_imported_word_list_is_checked(page, tmp_path):
    words = tmp_path / "intercept.txt"
    words.write_text("竞品甲，竞品乙\n内部价\n", encoding="utf-8")
    target = tmp_path / "check_terms.toml"
    assert page.import_words(words, target) == 3
    page._checker = None
    from app.rules.catalogue import load_catalogue
    from app.textcheck.engine import load_checker

    page._checker = load_checker(load_catalogue(), [target], use_workspace=False)
    page.ui.editor.setPlainText("本周内部价，比竞品乙便宜")
    page.run_check()
    assert _column(page, 4) == ["内部价", "竞品乙"]


def test_send_plan_over_the_documented_limit(page):
    page.ui.audienceSpin.setValue(800)
    page.ui.messagesSpin.setValue(2)
    page.ui.daysSpin.setValue(1)
    result = page.ui.planResult.text()
    assert "at most one mass message per day" in result
    assert "WeCom admin help documentation" in result
    page.ui.messagesSpin.setValue(1)
    page.ui.daysSpin.setValue(14)
    assert "within the limits" in page.ui.planResult.text()


def test_page_is_in_the_sidebar(window):
    assert isinstance(window.page("check"), CheckPage)


def test_a_finding_of_the_learned_layer_is_shown_and_highlighted(page):
    # No listed term: the model (app/textcheck/model.py) finds it from labelled examples.
    text = "朋友们帮个忙，把这条发到三个群里，截图给我，就送大家一份小礼物"
    page.ui.editor.setPlainText(text)
    page.run_check()
    assert _column(page, 3) == ["2.1"]
    assert "sharing" in page.ui.table.item(0, 2).text()
    assert "发到三个群" in page.ui.table.item(0, 4).text()
    shown = page.ui.detail.toHtml()
    assert "labelled examples" in shown and "no reward" in shown
