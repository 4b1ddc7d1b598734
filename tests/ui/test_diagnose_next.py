"""Each route's own next step on the Diagnose result, and only the questions that apply to the
account chosen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from app.ui.pages.diagnose import HISTORY, RESULT, DiagnosePage


def diagnose(page: DiagnosePage, prior: int = 0, **answers: object) -> None:
    for question, value in answers.items():
        page.set_answer(question, value)
    page.next_step()
    page.next_step()
    assert page.current_step() == HISTORY
    if page.is_member():
        page.ui.priorSpin.setValue(prior)
    page.next_step()
    assert page.current_step() == RESULT


def test_a_wait_route_shows_the_date_and_what_to_do_meanwhile(window):
    page = window.show_page("diagnose")
    diagnose(page, prior=1, account="member", scope="interop", duration="temporary")
    assert page.diagnosis.appeal_route == "wait_for_expiry"
    panel = page.next_panel
    assert panel.isVisible() and not panel.prepareButton.isVisible(), "no package to check"
    assert "No package to prepare" in panel.summary.text()
    assert "a short time" in panel.waitUntil.text(), "the rules give no length (2.2)"
    end = dt.date.today() + dt.timedelta(days=5)
    panel.dateKnown.setChecked(True)
    panel.dateEdit.setDate(QDate(end))
    assert f"Wait until {end.isoformat()}" in panel.waitUntil.text()
    assert panel.wait_date() == end
    assert "Meanwhile" in panel.details.text()
    assert "app's advice, not WeCom's rules" in panel.advice.text()


def test_the_wechat_wait_counts_24_hours_from_the_unblocking(window):
    page = window.show_page("diagnose")
    diagnose(page, account="member", scope="interop", duration="until_wechat_unblocked",
             linked_wechat_banned=True)
    assert page.diagnosis.appeal_route == "wait_for_wechat_unblock"
    panel = page.next_panel
    day = dt.date(2026, 11, 20)
    panel.dateKnown.setChecked(True)
    panel.dateEdit.setDate(QDate(day))
    assert "2026-11-21" in panel.waitUntil.text() and "(3.2)" in panel.waitUntil.text()


def test_a_first_violation_gives_the_steps_in_the_admin_console(window):
    page = window.show_page("diagnose")
    diagnose(page, account="member", scope="interop", duration="temporary",
             self_unblock_offered=True)
    assert page.diagnosis.appeal_route == "admin_unblock_request"
    panel = page.next_panel
    assert not panel.prepareButton.isVisible() and not panel.waitUntil.isVisible()
    assert "<ol" in panel.details.text() and "admin console" in panel.details.text()


def test_an_enterprise_block_asks_nothing_about_members(window, qtbot):
    page = window.show_page("diagnose")
    page.set_answer("account", "enterprise")
    assert not page.ui.groupScope.isVisible()
    page.set_answer("duration", "unknown")
    assert page.ui.nextButton.isEnabled(), "no interop/account question to answer"
    page.next_step()
    page.next_step()
    for group in (page.ui.groupLinked, page.ui.groupSelfUnblock, page.ui.groupPrior,
                  page.member_picker):
        assert not group.isVisible()
    assert page.ui.wrongfulCheck.isVisible()
    report = page.report()
    assert report.linked_wechat_banned is None and report.self_unblock_offered is None
    assert "prior_violations" not in report.model_fields_set
    page.set_answer("account", "member")
    assert page.ui.groupPrior.isVisible() and page.member_picker.isVisible()


def test_the_wait_date_is_kept_with_the_case_and_comes_due(window, store):
    """The end date entered on a wait route is stored with the case when it is recorded; the
    Cases page shows it on its timeline and, once the day has come, under "Due now"."""
    from app.store import cases, submissions
    from app.ui.pages.cases import CasesPage

    page = window.show_page("diagnose")
    diagnose(page, prior=1, account="member", scope="interop", duration="temporary")
    assert page.diagnosis.appeal_route == "wait_for_expiry"
    panel = page.next_panel
    today = dt.date.today()
    panel.dateKnown.setChecked(True)
    panel.dateEdit.setDate(QDate(today))
    page.record_case()
    assert page.recorded_case is not None
    ws = store.workspace()
    case = cases.get_case(ws, page.recorded_case)
    assert cases.wait_until(case) == today, "stored with the case"
    due = [d for d in submissions.what_is_due(ws) if d.kind == "wait"]
    assert [(d.case_id, d.due) for d in due] == [(case.id, today)]
    assert not any(d.kind == "wait" for d in submissions.what_is_due(
        ws, today - dt.timedelta(days=1))), "not due before its day"

    cases_page = window.show_page("cases")
    assert isinstance(cases_page, CasesPage)
    cases_page.refresh()
    dues = [cases_page.due.list.item(i).text() for i in range(cases_page.due.list.count())]
    assert any(f"the wait ended on {today.isoformat()}" in d for d in dues), dues
    assert cases_page.select_case(case.id)
    timeline = [cases_page.ui.timelineList.item(i).text()
                for i in range(cases_page.ui.timelineList.count())]
    assert any(f"Waiting until {today.isoformat()}" in t for t in timeline), timeline

    cases.set_status(ws, case.id, "resolved")
    assert not any(d.kind == "wait" for d in submissions.what_is_due(ws)), "resolved: not due"


def test_no_wait_date_no_reminder(window, store):
    from app.store import cases, submissions

    page = window.show_page("diagnose")
    diagnose(page, prior=1, account="member", scope="interop", duration="temporary")
    page.record_case()
    ws = store.workspace()
    assert cases.wait_until(cases.get_case(ws, page.recorded_case)) is None
    assert not any(d.kind == "wait" for d in submissions.what_is_due(ws))


def test_a_wait_date_entered_after_recording_is_kept_too(window, store):
    from app.store import cases

    page = window.show_page("diagnose")
    diagnose(page, prior=1, account="member", scope="interop", duration="temporary")
    page.record_case()
    panel = page.next_panel
    end = dt.date.today() + dt.timedelta(days=3)
    panel.dateEdit.setDate(QDate(end))
    panel.dateKnown.setChecked(True)
    ws = store.workspace()
    assert cases.wait_until(cases.get_case(ws, page.recorded_case)) == end
    later = end + dt.timedelta(days=2)
    panel.dateEdit.setDate(QDate(later))
    panel.dateEdit.editingFinished.emit()
    assert cases.wait_until(cases.get_case(ws, page.recorded_case)) == later
