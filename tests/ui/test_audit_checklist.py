"""Answer the self-audit checklist with the keyboard and the mouse; save, reopen, compare."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.ui.audit_service import WorkspaceArchive, latest_corrective_measures
from app.ui.pages.audit import AuditPage
from app.ui.pages.audit_checklist import AuditChecklistPage
from app.ui.widgets.plan_table import OWNER
from app.ui.workers import SynchronousRunner


@pytest.fixture
def make_page(context, qtbot):
    pages = []  # qtbot keeps weak references only; the tests often hold just a tab

    def make(**kwargs) -> AuditPage:
        kwargs.setdefault("runner", SynchronousRunner())
        page = AuditPage(context, **kwargs)
        qtbot.addWidget(page)
        page.resize(1100, 720)
        with qtbot.waitExposed(page):
            page.show()
        pages.append(page)
        return page

    yield make


def key(k: Qt.Key) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    QTest.keyClick(focus, k)


def question_ids(checklist: AuditChecklistPage) -> list[str]:
    return list(checklist.cards)


def test_the_audit_page_replaces_the_placeholder(window):
    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    assert page.ui.tabs.count() == 2


def test_keyboard_and_mouse_answers_change_the_scores(make_page, qtbot):
    checklist = make_page().checklist
    assert checklist.ui.overallLabel.text() == "No score yet"
    first, second = (checklist.cards[q] for q in question_ids(checklist)[:2])
    first.radios["yes"].setFocus()
    assert first.radios["yes"].hasFocus()
    key(Qt.Key.Key_Space)
    assert first.answer() == "yes"
    assert checklist.ui.overallLabel.text() == "100 / 100"
    assert checklist.ui.levelBadge.text() == "Low risk"

    key(Qt.Key.Key_Right)  # arrows move through the answers and choose as they go
    assert first.answer() == "partly"
    assert checklist.ui.overallLabel.text() == "50 / 100"
    assert checklist.ui.levelBadge.text() == "High risk"  # one weak category raises the level

    for _ in range(8):  # notes, attach, the next question's section chips, its answers
        key(Qt.Key.Key_Tab)
        if QApplication.focusWidget() in second.radios.values():
            break
    assert QApplication.focusWidget() is second.radios["yes"]
    key(Qt.Key.Key_Space)
    assert second.answer() == "yes"
    assert checklist.ui.overallLabel.text() == f"{checklist.result.overall:.0f} / 100"
    assert checklist.result.overall == 75

    qtbot.mouseClick(second.radios["no"], Qt.MouseButton.LeftButton)
    assert second.answer() == "no"
    category = first.question.category
    _name, bar, detail = checklist.scores.category_row(category)
    expected = checklist.result.overall
    assert checklist.ui.overallLabel.text() == f"{expected:.0f} / 100"
    assert bar.value() == round(next(c.score for c in checklist.result.categories
                                     if c.id == category))
    assert detail.text() == "2 finding(s)"
    findings = checklist.ui.findingsView.toPlainText()
    assert second.question.text("en") in findings
    assert "What the rules say" in findings and "Advice" in findings
    checklist.ui.workTabs.setCurrentWidget(checklist.ui.planTab)
    assert checklist.ui.planTable.rowCount() == 2  # each finding becomes a measure

    qtbot.mouseClick(second.radios["not_applicable"], Qt.MouseButton.LeftButton)
    assert checklist.ui.planTable.rowCount() == 1


def test_saved_audit_keeps_answers_notes_evidence_and_plan(make_page, context, tmp_path):
    evidence = tmp_path / "policy.pdf"
    evidence.write_bytes(b"%PDF-1.4\n")
    page = make_page(ask_open_paths=lambda parent, caption, filters: [str(evidence)])
    checklist = page.checklist
    ids = question_ids(checklist)
    checklist.ui.titleEdit.setText("Q4 self-audit")
    checklist.cards[ids[0]].radios["no"].click()
    checklist.cards[ids[0]].note.setText("Two members send daily promotions")
    checklist.cards[ids[0]].attach.click()
    checklist.cards[ids[1]].radios["yes"].click()
    checklist.ui.workTabs.setCurrentWidget(checklist.ui.planTab)
    checklist.ui.planTable.item(0, OWNER).setText("Li Lei")
    checklist.plan.status_box(0).setCurrentIndex(1)  # in progress
    checklist.save_audit()
    assert checklist.ui.statusLabel.text() == "Saved."

    # Reopen: a fresh connection to the same workspace, a fresh page.
    context.audit.archive.close()
    context.audit.archive = WorkspaceArchive(context.audit.archive.root)
    reopened = make_page().checklist
    assert reopened.ui.historyList.count() == 1
    reopened.ui.historyList.setCurrentRow(0)
    reopened.open_selected()
    reopened.ui.workTabs.setCurrentWidget(reopened.ui.planTab)
    card = reopened.cards[ids[0]]
    assert card.answer() == "no"
    assert card.note_text() == "Two members send daily promotions"
    assert card.evidence() == [str(evidence)]
    assert reopened.cards[ids[1]].answer() == "yes"
    assert reopened.ui.titleEdit.text() == "Q4 self-audit"
    assert reopened.ui.planTable.item(0, OWNER).text() == "Li Lei"
    assert reopened.plan.status_box(0).currentData() == "in_progress"
    measures = latest_corrective_measures(context.audit, "en")
    assert measures == reopened.result.corrective_measures("en") and measures, \
        "a measure under way is offered to the appeal statement"


def test_evidence_dropped_on_a_question_is_attached(make_page):
    checklist = make_page().checklist
    card = checklist.first_card()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/screenshot of the policy.png")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    card.dropEvent(event)
    assert card.evidence() == ["/tmp/screenshot of the policy.png"]
    assert checklist.dirty


def test_two_audits_make_a_trend_of_two_points(make_page):
    checklist = make_page().checklist
    ids = question_ids(checklist)
    checklist.ui.dateEdit.setDate(QDate(2026, 6, 30))
    for qid in ids[:4]:
        checklist.cards[qid].radios["no"].click()
    for qid in ids[4:]:
        checklist.cards[qid].radios["yes"].click()
    checklist.save_audit()
    first_score = checklist.result.overall
    assert len(checklist.trend.points()) == 1

    checklist.new_audit()
    assert all(card.answer() is None for card in checklist.cards.values())
    checklist.ui.dateEdit.setDate(QDate(2026, 9, 30))
    for qid in ids:
        checklist.cards[qid].radios["yes"].click()
    checklist.save_audit()

    assert checklist.ui.historyList.count() == 2
    assert checklist.trend.points() == [(dt.date(2026, 6, 30), first_score),
                                        (dt.date(2026, 9, 30), 100.0)]
    assert checklist.trend.point_count() == 2
    assert checklist.result.delta == round(100.0 - first_score, 1)


def test_unsaved_answers_are_not_discarded_without_asking(make_page):
    asked = []
    checklist = make_page(confirm=lambda parent, q: asked.append(q) or False).checklist
    checklist.first_card().radios["no"].click()
    checklist.new_audit()
    assert asked and checklist.first_card().answer() == "no"


def test_export_runs_on_a_job_and_writes_the_core_report(make_page, tmp_path):
    out = tmp_path / "audit.json"
    checklist = make_page(ask_save_path=lambda *_: str(out)).checklist
    checklist.first_card().radios["partly"].click()
    checklist.export("json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["overall"] == checklist.result.overall
    assert data["explanation"], "the report explains the score point by point"
    assert str(out) in checklist.ui.statusLabel.text()
    for kind, head in (("pdf", b"%PDF-"), ("csv", "\ufeffquestion_id".encode())):
        out = tmp_path / f"audit.{kind}"
        checklist.export(kind)
        assert out.read_bytes().startswith(head), kind


def test_language_switch_shows_the_checklist_in_chinese(window):
    page = window.show_page("audit")
    card = page.checklist.first_card()
    card.radios["no"].click()
    window.set_language("zh_CN")
    assert page.ui.tabs.tabText(0) == "检查清单"
    assert card.text.text() == card.question.text("zh_CN")
    assert card.radios["no"].text() == "否"
    assert page.checklist.ui.levelBadge.text() == page.checklist.result.level_label("zh_CN")
    assert "§" in card.chips[0].text()
