"""The Rules workspace: search in both languages, details, catalogue version."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from app.ui.pages.rules import RulesPage


@pytest.fixture
def rules(window) -> RulesPage:
    page = window.show_page("rules")
    assert isinstance(page, RulesPage)
    return page


@pytest.mark.parametrize("query", ["骚扰", "harass", "HARASSING"])
def test_search_finds_harassment_in_either_language(rules, query):
    QTest.keyClicks(rules.ui.searchEdit, query) if query.isascii() else \
        rules.ui.searchEdit.setText(query)
    visible = rules.visible_keys()
    assert "violation:harassment" in visible
    assert "violation:gambling" not in visible
    assert "document:business_license" not in visible
    assert rules.ui.matchCount.text()


def test_search_by_section_and_clearing_shows_everything(rules):
    everything = set(rules.visible_keys())
    rules.ui.searchEdit.setText("§5.3")
    assert "faq:" + next(f.id for f in rules.context.catalogue.faq if f.section == "5.3") in \
        rules.visible_keys()
    rules.ui.searchEdit.setText("营业执照")
    assert "document:business_license" in rules.visible_keys()
    rules.ui.searchEdit.clear()
    assert set(rules.visible_keys()) == everything


def test_selecting_an_item_shows_its_detail_and_section(rules, context):
    item = rules._items["violation:harassment"]
    rules.ui.tree.setCurrentItem(item)
    html = rules.ui.detail.toPlainText()
    violation = context.catalogue.violation("harassment")
    assert violation.title("en") in html
    assert violation.section in html


def test_tree_has_every_part_of_the_catalogue(rules, context):
    keys = set(rules._items)
    catalogue = context.catalogue
    assert {f"violation:{v.id}" for v in catalogue.violations} <= keys
    assert {f"rule:{r.id}" for r in catalogue.rules} <= keys
    assert {f"route:{r.id}" for r in catalogue.routes} <= keys
    assert {f"document:{d.id}" for d in catalogue.documents} <= keys
    assert {f"faq:{f.id}" for f in catalogue.faq} <= keys
    steps = {f"step:R1:{s.step}" for s in catalogue.rule("R1").ladder}
    assert steps and steps <= keys


def test_shows_catalogue_version_and_source(rules, context):
    meta = context.catalogue.meta
    assert meta.version in rules.ui.sourceLabel.text()
    assert meta.source_title in rules.ui.sourceLabel.text()
