"""After a theme switch: the selected sidebar icon stands out on the selection colour, and rich
text or item colours made from theme tokens are rendered again in the new scheme's tokens."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette

from app.rules.contract import RestrictionReport
from app.rules.engine import diagnose
from app.store import cases
from app.ui import theme
from app.ui.pages.cases import CasesPage
from app.ui.pages.rules import RulesPage

pytestmark = pytest.mark.usefixtures("back_to_light")
AA_GRAPHIC = 3.0  # WCAG 1.4.11: icons and other graphics


def dominant_colour(icon: QIcon, mode: QIcon.Mode, size: int = 24) -> QColor:
    image = icon.pixmap(size, size, mode).toImage()
    counts: Counter[int] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() >= 200:
                counts[pixel.rgb()] += 1
    assert counts, "the icon draws nothing"
    return QColor.fromRgb(counts.most_common(1)[0][0])


@pytest.mark.parametrize("which", ["light", "dark"])
def test_selected_sidebar_icons_contrast_with_the_highlight(window, which):
    window.theme_actions[which].trigger()
    assert theme.scheme() == which
    sidebar = window.ui.sidebar
    highlight = sidebar.palette().color(QPalette.ColorRole.Highlight)
    for row in range(sidebar.count()):
        item = sidebar.item(row)
        colour = dominant_colour(item.icon(), QIcon.Mode.Selected)
        ratio = theme.contrast(colour, highlight)
        assert ratio >= AA_GRAPHIC, (which, item.text(), colour.name(), highlight.name(), ratio)
    # the unselected icon keeps its own colours
    assert dominant_colour(sidebar.item(0).icon(), QIcon.Mode.Normal) != \
        dominant_colour(sidebar.item(0).icon(), QIcon.Mode.Selected)


def test_rules_source_line_follows_the_theme(window):
    window.theme_actions["light"].trigger()
    rules = window.show_page("rules")
    assert isinstance(rules, RulesPage)
    rules.ui.tree.setCurrentItem(rules._items["violation:harassment"])
    light, dark = theme.TOKENS["light"]["hint"], theme.TOKENS["dark"]["hint"]
    assert light in rules.ui.detail.toHtml()
    window.theme_actions["dark"].trigger()
    html = rules.ui.detail.toHtml()
    assert dark in html and light not in html
    assert rules.ui.tree.currentItem().data(0, 0x0100) == "violation:harassment"


def test_case_summary_follows_the_theme(window, store, catalogue, qtbot):
    window.theme_actions["light"].trigger()
    page = window.show_page("cases")
    assert isinstance(page, CasesPage)
    qtbot.waitUntil(lambda: store.is_unlocked, timeout=2000)
    case = cases.create_case(
        store.workspace(), RestrictionReport(account="member", scope="interop",
                                             duration="temporary"),
        diagnoser=lambda r: diagnose(r, catalogue, "en"), userid="zhangsan",
        restricted_on=dt.date(2026, 11, 1))
    page.refresh()
    assert page.select_case(case.id)
    light, dark = theme.TOKENS["light"]["hint"], theme.TOKENS["dark"]["hint"]
    assert light in page.ui.caseSummary.text()
    window.theme_actions["dark"].trigger()
    assert dark in page.ui.caseSummary.text() and light not in page.ui.caseSummary.text()
    window.theme_actions["light"].trigger()
    assert light in page.ui.caseSummary.text()


def test_appeal_problems_and_completeness_follow_the_theme(window):
    from .appeal.helpers import sample_profile

    window.theme_actions["light"].trigger()
    page = window.show_page("appeal")
    broken = sample_profile().model_copy(update={"credit_code": "91440300MA5DC12340"})
    page.set_profile(broken)
    lst = page.ui.completenessList
    light, dark = theme.TOKENS["light"]["error"], theme.TOKENS["dark"]["error"]

    def item_colours() -> set[str]:
        return {lst.item(i).foreground().color().name() for i in range(lst.count())}

    assert light in page.ui.profileProblems.text() and light in item_colours()
    window.theme_actions["dark"].trigger()
    assert dark in page.ui.profileProblems.text() and light not in page.ui.profileProblems.text()
    assert dark in item_colours() and light not in item_colours()
