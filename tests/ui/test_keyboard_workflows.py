"""Keyboard-only walks through the Diagnose and Self-audit workflows (the Appeal package's is
in tests/ui/appeal/test_keyboard.py): keys go to the focused widget, no clicks, no calls."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QRadioButton, QWidget

from app.ui.pages import PAGES
from app.ui.pages.audit import AuditPage
from app.ui.pages.diagnose import HISTORY, NOTICE, RESTRICTION, RESULT, DiagnosePage

from .keyboard import focused, key, tab_to
from .test_accessibility import with_data

CTRL = Qt.KeyboardModifier.ControlModifier


def test_keyboard_diagnose_enterprise_appeal(window, qtbot, catalogue):
    key(Qt.Key.Key_1, CTRL)  # the Diagnose workspace
    page = window.ui.pages.currentWidget()
    assert isinstance(page, DiagnosePage) and page.current_step() == RESTRICTION
    assert page.ui.radioMember.hasFocus()
    key(Qt.Key.Key_Down)  # administrator
    key(Qt.Key.Key_Down)  # the enterprise
    assert page.ui.radioEnterprise.hasFocus()
    key(Qt.Key.Key_Space)
    # The whole enterprise: no interop/account question, straight to how long.
    assert not page.ui.groupScope.isVisible()
    key(Qt.Key.Key_Tab)
    assert page.ui.radioTemporary.hasFocus()
    for _ in range(3):
        key(Qt.Key.Key_Down)
    key(Qt.Key.Key_Space)  # not stated
    assert page.ui.radioDurationUnknown.isChecked()
    key(Qt.Key.Key_Return)
    assert page.current_step() == NOTICE and page.ui.noticeEdit.hasFocus()
    key(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # "&Next": the notice is optional
    qtbot.waitUntil(lambda: page.current_step() == HISTORY, timeout=2000)
    tab_to(lambda w: w is page.ui.wrongfulCheck)
    key(Qt.Key.Key_Space)
    assert page.ui.wrongfulCheck.isChecked()
    key(Qt.Key.Key_Return)
    assert page.current_step() == RESULT

    assert page.diagnosis.appeal_route == "enterprise_appeal"
    assert catalogue.route("enterprise_appeal").title("en") in page.result_view.findChild(
        type(page.ui.stepTitle), "routeTitle").text()
    # The documents to gather can be ticked off with the keyboard too.
    checks = page.result_view.document_checks
    first = tab_to(lambda w: w in checks.values())
    key(Qt.Key.Key_Space)
    assert first.isChecked()


def test_keyboard_answer_and_save_an_audit(window, qtbot):
    key(Qt.Key.Key_4, CTRL)  # the Self-audit workspace
    page = window.ui.pages.currentWidget()
    assert isinstance(page, AuditPage)
    checklist = page.checklist
    cards = list(checklist.cards.values())
    assert isinstance(focused(), QRadioButton) and focused() is cards[0].radios["yes"]
    choices = ("yes", "partly", "no", "not_applicable")
    for n, card in enumerate(cards):
        tab_to(lambda w, card=card: w in card.radios.values())
        for _ in range(n % len(choices)):
            key(Qt.Key.Key_Right)
        key(Qt.Key.Key_Space)
        assert card.answer() == choices[n % len(choices)], card.question.id
    key(Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: bool(checklist.saved), timeout=5000)
    stored = checklist.saved[0]
    assert len(stored.payload["answers"]["answers"]) == len(cards) or stored


def backward_steps(chain: list[QWidget]) -> list[str]:
    """Pairs where Tab jumps back: up within the same column, or left within the same row."""
    def rect(w: QWidget) -> QRect:
        return QRect(w.mapToGlobal(QPoint(0, 0)), w.size())

    # Measured in each scroll area's content as laid out, not as scrolled by the walk.
    for area in chain[0].window().findChildren(QAbstractScrollArea):
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar()):
            bar.setValue(bar.minimum())
    wrong = []
    for a, b in itertools.pairwise(chain):
        ra, rb = rect(a), rect(b)
        same_column = rb.left() < ra.right() and ra.left() < rb.right()
        same_row = rb.top() < ra.bottom() and ra.top() < rb.bottom()
        if (same_column and rb.bottom() <= ra.top()) or (
                same_row and not same_column and rb.right() <= ra.left()):
            wrong.append(f"{name(a)} -> {name(b)}")
    return wrong


def name(w: QWidget) -> str:
    return f"{type(w).__name__}:{w.objectName() or w.accessibleName()[:30]}"


def page_chain(page: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside ``page``, from its first one."""
    page.setFocus(Qt.FocusReason.TabFocusReason)
    first = focused()
    chain = [first]
    for _ in range(600):
        key(Qt.Key.Key_Tab)
        w = focused()
        if w is first or not page.isAncestorOf(w):
            break
        if w not in chain:
            chain.append(w)
    return [w for w in chain if page.isAncestorOf(w) or w is page]


@pytest.mark.parametrize("key_name", [p.key for p in PAGES])
@pytest.mark.parametrize("data", [False, True], ids=["empty", "with-data"])
def test_tab_order_follows_the_page(window, key_name, data, tmp_path):
    if data:
        with_data(window, tmp_path)
    page = window.show_page(key_name)
    chain = page_chain(page)
    assert len(chain) > 1
    assert backward_steps(chain) == []


def test_tab_order_follows_each_diagnose_step(window):
    page = window.show_page("diagnose")
    for question, value in (("account", "enterprise"), ("scope", "account"),
                            ("duration", "unknown")):
        page.set_answer(question, value)
    for step in (RESTRICTION, NOTICE, HISTORY, RESULT):
        if step == RESULT:
            page.next_step()
        else:
            page.go_to(step)
        chain = page_chain(page)
        assert backward_steps(chain) == [], step
