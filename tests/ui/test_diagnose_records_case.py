"""Diagnose → which member (prior_violations from their ledger) → Record as case (Ctrl+R) →
the case and the ledger entry are in the store and the Cases workspace shows the case."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.store import cases, ledger
from app.ui.pages.cases import CasesPage
from app.ui.pages.diagnose import HISTORY, RESULT, DiagnosePage


@pytest.fixture
def page(window) -> DiagnosePage:
    page = window.show_page("diagnose")
    assert isinstance(page, DiagnosePage)
    return page


def to_history(page: DiagnosePage) -> None:
    for question, value in (("account", "member"), ("scope", "interop"),
                            ("duration", "temporary")):
        page.set_answer(question, value)
    page.next_step()
    page.next_step()
    assert page.current_step() == HISTORY


def test_prior_violations_come_from_the_ledger_and_the_case_is_recorded(page, window, store,
                                                                          qtbot):
    ws = store.workspace()
    ledger.add_past_violation(ws, "zhangsan", dt.date(2026, 5, 1), rule="R1",
                              category="harassment", step=1)
    ledger.add_past_violation(ws, "lisi", dt.date(2026, 6, 1), rule="R2")
    to_history(page)
    picker = page.member_picker
    assert picker.isVisible()
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == ["lisi",
                                                                               "zhangsan"]
    picker.combo.setFocus()
    qtbot.keyClicks(picker.combo, "zhangsan")
    assert page.ui.priorSpin.value() == 1
    assert "From the ledger: zhangsan was restricted under rule 1 1 time(s)" in \
        picker.note.text()
    page.ui.priorSpin.setValue(2)  # still editable, and the note says so
    assert "You changed the number to 2" in picker.note.text()
    page.ui.priorSpin.setValue(1)
    page.next_step()
    assert page.current_step() == RESULT
    assert page.diagnosis.rule == "R1" and page.diagnosis.step == 2  # 2.2: second violation

    assert page.recordButton.isEnabled()
    QTest.keyClick(page.ui.copyButton, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert page.recorded_case is not None
    message = window.statusBar().currentMessage()
    assert f"Recorded as case {page.recorded_case}" in message
    assert not page.recordButton.isEnabled()  # once per result

    case = cases.get_case(ws, page.recorded_case)
    assert case.userid == "zhangsan" and case.report.prior_violations == 1
    assert case.step == 2
    entries = ledger.member_ledger(ws, "zhangsan")
    assert [(e.case_id, e.rule, e.step) for e in entries] == [(None, "R1", 1),
                                                               (case.id, "R1", 2)]

    cases_page = window.show_page("cases")
    assert isinstance(cases_page, CasesPage)
    assert [c.id for c in cases_page.model.cases] == [case.id]
    assert cases_page.select_case(case.id)
    assert "Earlier rule-1 restrictions" in cases_page.ui.caseSummary.text()


def test_a_new_member_has_no_prior_violations(page, qtbot, store):
    to_history(page)
    page.ui.priorSpin.setValue(3)
    page.member_picker.combo.setFocus()
    qtbot.keyClicks(page.member_picker.combo, "wangwu")
    assert page.ui.priorSpin.value() == 0
    assert "no earlier rule-1 restriction of wangwu" in page.member_picker.note.text()
    page.next_step()
    page.record_case()
    assert ledger.list_members(store.workspace())[0].userid == "wangwu"


def test_not_a_userid_is_not_recorded(page, qtbot, window, store):
    to_history(page)
    page.member_picker.set_member("张\x1b[31m三")  # a terminal escape: not printable
    assert "printable characters" in page.member_picker.note.text()
    page.next_step()
    page.record_case()
    assert page.recorded_case is None
    assert "is not a userid" in window.statusBar().currentMessage()
    assert cases.list_cases(store.workspace()) == []


def test_start_over_forgets_the_member(page, qtbot):
    to_history(page)
    page.member_picker.set_member("zhangsan")
    page.start_over()
    assert page.member_picker.combo.currentText() == ""


def test_the_ladder_remembers_a_restriction_entered_by_hand(page, qtbot, store):
    """Issue 9's sequence: prior = 1 entered by hand → the case is step 2 → the next diagnosis
    of the same member is the third violation, a permanent block (2.2)."""
    to_history(page)
    page.member_picker.combo.setFocus()
    qtbot.keyClicks(page.member_picker.combo, "zhaoliu")
    assert page.ui.priorSpin.value() == 0, "a member the ledger does not know"
    page.ui.priorSpin.setValue(1)  # "one earlier restriction, before this app"
    assert "adds the other 1 to the ledger as entered by hand" in page.member_picker.note.text()
    page.next_step()
    assert (page.diagnosis.rule, page.diagnosis.step) == ("R1", 2)
    page.record_case()
    first = cases.get_case(store.workspace(), page.recorded_case)
    assert first.step == 2
    count = ledger.ledger_count(store.workspace(), "zhaoliu")
    assert (count.recorded, count.entered) == (1, 1), "recorded + entered by hand"

    page.start_over()
    to_history(page)
    page.member_picker.combo.setFocus()
    qtbot.keyClicks(page.member_picker.combo, "zhaoliu")
    assert page.ui.priorSpin.value() == 2, "the ledger's count: one recorded, one by hand"
    assert "1 of them entered by hand" in page.member_picker.note.text()
    page.next_step()
    assert page.current_step() == RESULT
    assert (page.diagnosis.rule, page.diagnosis.step) == ("R1", 3)  # 2.2: third violation
    assert page.diagnosis.appeal_route != "admin_unblock_request"
    assert "2.2" in page.diagnosis.citations
    timing = " ".join(s.text for s in page.diagnosis.timing)
    assert "permanent" in timing.lower()
