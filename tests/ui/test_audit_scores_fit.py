"""The self-audit's score panel shows the whole score ("100 / 100") and the level beside it, in
both languages, at the smallest supported window and at a common laptop size, also where the
desktop's sans-serif font is WenQuanYi Micro Hei (as on many Chinese Linux desktops), whose bold
is synthesised and inks past its advance (issue 10: the panel read "100 / 1(" at 1280×800)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.fonts import ensure_cjk_font


@pytest.fixture(params=["default", "WenQuanYi Micro Hei"])
def desktop_font(request, qapp):
    before = QApplication.font()
    if request.param != "default":
        assert ensure_cjk_font()  # the bundled font at least
        font = QFont(before)
        font.setFamilies([request.param])
        QApplication.setFont(font)
    yield request.param
    QApplication.setFont(before)


def ink_width(label: QLabel) -> float:
    """Where the text's ink ends, from the left of the label's contents."""
    metrics = QFontMetricsF(label.font())
    ink = metrics.tightBoundingRect(label.text())
    return max(metrics.horizontalAdvance(label.text()), ink.right()) + 2 * label.margin()


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024x700", "1280x800"])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_whole_score_fits_its_label(ui_language, lang, size, desktop_font, context,
                                        make_window, qtbot):
    ui_language.install(lang)
    context.lang = lang
    window = make_window(context)
    window.resize(*size)
    page = window.show_page("audit")
    checklist = page.checklist
    for card in checklist.cards.values():  # every answer compliant: the widest score
        card.radios["yes"].click()
    for tab in range(checklist.ui.workTabs.count()):  # the plan tab narrows the panel
        checklist.ui.workTabs.setCurrentIndex(tab)
        qtbot.wait(20)
        score, badge = checklist.ui.overallLabel, checklist.ui.levelBadge
        assert score.text().replace(" ", "") == "100/100"
        assert badge.text()
        for label in (score, badge):
            needed = math.ceil(ink_width(label))
            assert label.contentsRect().width() >= needed, (
                f"{label.objectName()} {label.contentsRect().width()}px wide shows "
                f"{label.text()!r}: its ink needs {needed}px (tab {tab}, {desktop_font})")
            assert label.width() >= label.sizeHint().width()
            assert label.geometry().right() <= checklist.ui.summaryPanel.contentsRect().right()
