"""The Rules browser and the diagnosis view keep the app's reading apart from the rules' words:
each statement beside the source sentence it restates, Section 1 shown, advice labelled."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.rules.contract import RestrictionReport
from app.rules.engine import diagnose
from app.ui.pages.rules import RulesPage
from app.ui.widgets.diagnosis_view import DiagnosisView


@pytest.fixture
def rules(window) -> RulesPage:
    page = window.show_page("rules")
    assert isinstance(page, RulesPage)
    return page


def _detail(rules: RulesPage, key: str) -> str:
    rules.ui.tree.setCurrentItem(rules._items[key])
    return rules.ui.detail.toPlainText()


def test_every_statement_is_shown_beside_its_source_sentence(rules, context):
    statements = context.catalogue.statements
    assert {f"statement:{s.id}" for s in statements} <= set(rules._items)
    for statement in statements:
        detail = _detail(rules, f"statement:{statement.id}")
        for quote in statement.source:
            assert f"“{quote}”" in detail, statement.id
        title = rules._items[f"statement:{statement.id}"].text(0)
        if statement.advice:
            assert detail.startswith("The app's reading or advice"), statement.id
            assert "not the rules' words" in detail
            assert title.startswith("The app's reading or advice: ")
        else:
            assert detail.startswith("Restates the rules"), statement.id
            assert "Compare it with the source sentence below." in detail
            assert not title.startswith("The app's")
        assert "{" not in detail and "{" not in title  # placeholders shown as an ellipsis


def test_section_1_is_shown_first_with_its_source(rules, context):
    top = rules.ui.tree.topLevelItem(0)
    assert top.data(0, Qt.ItemDataRole.UserRole) == "section:1"
    detail = _detail(rules, "section:1")
    for provision in context.catalogue.provisions_of("1"):
        assert provision.text("en") in detail
        assert all(f"“{q}”" in detail for q in provision.source)
    assert "include but are not limited to" in detail


def test_the_4_1_pointer_sits_under_rule_3_for_the_whole_list(rules):
    item = rules._items["provision:usage_guidelines"]
    assert item.parent() is rules._items["rule:R3"]
    assert "Usage Guidelines" in _detail(rules, "provision:usage_guidelines")


def test_routes_show_the_apps_advice_labelled_and_their_source(rules, context):
    detail = _detail(rules, "route:admin_unblock_request")
    route = context.catalogue.route("admin_unblock_request")
    assert "The app's advice, not a WeCom rule: " + route.advice("en") in detail
    assert all(f"“{q}”" in detail for q in route.source)
    assert "among others" in _detail(rules, "route:enterprise_appeal")


def test_statements_are_found_by_search(rules):
    rules.ui.searchEdit.setText("not limited")
    visible = rules.visible_keys()
    assert "statement:category.not_listed" in visible and "section:1" in visible


def test_chinese_rules_browser_labels_the_apps_reading(window, context):
    window.ui.actionChinese.trigger()
    assert context.lang == "zh_CN"
    page = window.show_page("rules")
    detail = _detail(page, "statement:timing.r1_short")
    assert detail.startswith("本应用的判断或建议")
    assert page.ui.tree.topLevelItem(0).text(0).startswith("§1 说明")


def _texts(view: DiagnosisView) -> list[str]:
    return [label.text() for label in view.findChildren(QLabel)]


def test_diagnosis_view_labels_advice_and_route_advice(qtbot, catalogue):
    view = DiagnosisView()
    qtbot.addWidget(view)
    d = diagnose(RestrictionReport(account="member", scope="interop", duration="temporary",
                                   self_unblock_offered=True), catalogue, "en")
    view.show_diagnosis(d, catalogue, "en")
    texts = _texts(view)
    advice_count = sum(s.advice for s in (*d.explanation, *d.timing, *d.undecided,
                                          *d.next_violation))
    assert texts.count("The app's reading, not the rules' words") == advice_count > 0
    route = catalogue.route("admin_unblock_request")
    assert "The app's advice, not a WeCom rule: " + route.advice("en") in texts
    assert route.how("en") in texts


def test_diagnosis_view_gives_off_ladder_blocks_their_own_route_text(qtbot, catalogue):
    view = DiagnosisView()
    qtbot.addWidget(view)
    d = diagnose(RestrictionReport(account="member", scope="account", duration="temporary",
                                   notice_text="账号因发布色情内容被限制登录3天"), catalogue, "en")
    view.show_diagnosis(d, catalogue, "en")
    texts = " ".join(_texts(view))
    variant = catalogue.route("wait_for_expiry").variant("off_ladder")
    assert variant.how("en") in texts
    assert catalogue.route("wait_for_expiry").how("en") not in texts
    assert variant.title("en") in texts and "short-term" not in texts


def test_diagnosis_view_says_the_document_list_is_open(qtbot, catalogue):
    view = DiagnosisView()
    qtbot.addWidget(view)
    d = diagnose(RestrictionReport(account="enterprise", scope="account", duration="unknown",
                                   believes_wrongful=True), catalogue, "en")
    view.show_diagnosis(d, catalogue, "en")
    assert any("etc." in html.unescape(t) for t in _texts(view))


def test_off_ladder_variant_in_the_rules_browser_labels_its_advice(rules, context):
    detail = _detail(rules, "route:wait_for_expiry")
    variant = context.catalogue.route("wait_for_expiry").variant("off_ladder")
    assert variant.how("en") in detail
    assert "The app's advice, not a WeCom rule: " + variant.advice("en") in detail
