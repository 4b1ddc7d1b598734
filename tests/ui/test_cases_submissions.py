"""Submissions and outcomes on the Cases page: an attempt recorded, a rejection turned into a
checklist of what to fix, and what is due shown above the case list."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from app.store import cases, submissions
from app.ui.pages.cases import CasesPage

from .test_cases_page import page, reopened, seeded  # noqa: F401  (fixtures)


def choose(combo, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_a_rejection_becomes_a_checklist_and_is_due(page: CasesPage, seeded, store):  # noqa: F811
    case_id = seeded["enterprise"]
    assert page.select_case(case_id)
    box = page.submissions
    assert box.isVisible() and "Nothing sent yet." in box.list.item(0).text()
    assert not box.outcomeButton.isEnabled(), "no outcome before a submission"
    assert not page.due.isVisible(), "nothing is due yet"

    box.dateEdit.setDate(QDate(2026, 11, 4))
    choose(box.channelCombo, "customer_service")
    box.refEdit.setText("KF-2026-0042")
    box.submitButton.click()
    ws = store.workspace()
    (sub,) = submissions.list_submissions(ws, case_id)
    assert (sub.channel, sub.reference, sub.outcome) == ("customer_service", "KF-2026-0042",
                                                         "pending")
    assert cases.get_case(ws, case_id).status == "appeal_submitted"
    assert "KF-2026-0042" in box.list.item(0).text()
    assert f"follow up on {sub.follow_up_on.isoformat()}" in box.list.item(0).text()
    # Seven working days have long passed: the follow-up is due.
    assert page.due.isVisible()
    assert any("follow up" in page.due.list.item(i).text()
               for i in range(page.due.list.count()))

    choose(box.outcomeCombo, "rejected")
    assert box.reasonCombo.isVisible()
    choose(box.reasonCombo, "letter_not_sealed")
    box.outcomeButton.click()
    assert submissions.list_submissions(ws, case_id)[0].reason == "letter_not_sealed"
    assert cases.get_case(ws, case_id).status == "restricted", "back for another attempt"
    assert box.fixList.isVisible() and box.fixList.count() == len(
        submissions.rejection_checklist("letter_not_sealed"))
    assert "Letter not sealed" in box.fixTitle.text()
    item = box.fixList.item(0)
    assert item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert item.toolTip().startswith("Checked by")
    dues = [page.due.list.item(i).text() for i in range(page.due.list.count())]
    assert any("rejected" in d for d in dues)
    assert not any("follow up" in d for d in dues), "answered: no follow-up left"

    page.select_case(seeded["first"])
    page.due.list.itemClicked.emit(page.due.list.item(0))
    assert page.case is not None and page.case.id == case_id, "a due item opens its case"


def test_open_the_package_of_a_case_from_the_cases_page(page: CasesPage, seeded, window):  # noqa: F811
    page.select_case(seeded["enterprise"])
    assert window.context.hub.current_case == seeded["enterprise"]
    page.submissions.packageButton.click()
    assert window.current_key() == "appeal"
    appeal = window.page("appeal")
    assert appeal.target is not None and appeal.target.case_id == seeded["enterprise"]



def test_the_follow_up_day_is_adjustable(page: CasesPage, seeded, store):  # noqa: F811
    """Seven working days by default; moved on the panel, kept, and the due list follows."""
    case_id = seeded["enterprise"]
    assert page.select_case(case_id)
    box = page.submissions
    assert not box.followUpEdit.isVisible(), "nothing pending: nothing to follow up"
    box.dateEdit.setDate(QDate(2026, 11, 4))  # a Wednesday
    box.submitButton.click()
    ws = store.workspace()
    (sub,) = submissions.list_submissions(ws, case_id)
    assert sub.follow_up_on.isoformat() == "2026-11-13", "7 working days by default"
    assert box.followUpEdit.isVisible()
    assert box.followUpEdit.date() == QDate(2026, 11, 13)
    assert "7" in box.followUpHint.text()
    assert page.due.isVisible(), "long past: due"

    later = QDate.currentDate().addDays(30)
    box.followUpEdit.setDate(later)
    box.followUpButton.click()
    (sub,) = submissions.list_submissions(ws, case_id)
    assert sub.follow_up_on == later.toPython(), "kept in the workspace"
    assert f"follow up on {later.toString('yyyy-MM-dd')}" in box.list.item(0).text()
    dues = [page.due.list.item(i).text() for i in range(page.due.list.count())]
    assert not any("follow up" in d for d in dues), "moved to the future: not due now"
    assert box.followUpEdit.date() == later, "the panel shows the moved day"


def test_ticks_on_the_rejection_checklist_are_kept(page: CasesPage, seeded, store,  # noqa: F811
                                                    context):
    case_id = seeded["enterprise"]
    assert page.select_case(case_id)
    box = page.submissions
    box.dateEdit.setDate(QDate(2026, 11, 4))
    box.submitButton.click()
    choose(box.outcomeCombo, "rejected")
    choose(box.reasonCombo, "unclear_images")
    box.outcomeButton.click()
    size = box.fixList.count()
    assert size >= 1
    dues = [page.due.list.item(i).text() for i in range(page.due.list.count())]
    assert any(f"{size} thing(s) to fix" in d for d in dues)

    box.fixList.item(0).setCheckState(Qt.CheckState.Checked)
    ws = store.workspace()
    (sub,) = submissions.list_submissions(ws, case_id)
    assert sub.fixes_done == [0], "the tick is in the workspace"
    other = reopened(store)
    assert submissions.list_submissions(other, case_id)[0].fixes_done == [0], "committed"
    other.close()
    dues = [page.due.list.item(i).text() for i in range(page.due.list.count())]
    assert any(f"{size - 1} thing(s) to fix" in d for d in dues), dues

    # Another case and back, and a new page (a restart): the tick is still there.
    page.select_case(seeded["first"])
    assert page.select_case(case_id)
    assert page.submissions.fixList.item(0).checkState() == Qt.CheckState.Checked
    again = CasesPage(context)
    again.show()
    assert again.select_case(case_id)
    assert again.submissions.fixList.item(0).checkState() == Qt.CheckState.Checked
    if size > 1:
        assert again.submissions.fixList.item(1).checkState() == Qt.CheckState.Unchecked
    again.submissions.fixList.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert submissions.list_submissions(ws, case_id)[0].fixes_done == []
    again.close()
