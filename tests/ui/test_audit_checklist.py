"""Answer the self-audit checklist with the keyboard and the mouse; save, reopen, compare."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.store import audit_evidence
from app.ui.audit_service import WorkspaceArchive, latest_corrective_measures
from app.ui.pages.audit import AuditPage
from app.ui.pages.audit_checklist import AuditChecklistPage
from app.ui.widgets.plan_table import OWNER
from app.ui.workers import SynchronousRunner

from .store_fakes import Asked, make_store_service

EVIDENCE_NAME = "承诺书-policy.pdf"
EVIDENCE = b"%PDF-1.4\n" + bytes(range(256)) * 8 + "不使用外挂的承诺".encode() + b"\n%%EOF\n"


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


def _reopen_workspace(context) -> None:
    """Fresh connections to the same workspace: the audit archive and the vault's service."""
    context.audit.archive.close()
    context.audit.archive = WorkspaceArchive(context.audit.archive.root)
    old = context.store
    old.close()
    context.store = make_store_service(old.root, old.keyring_store.backend)


def _workspace_bytes(root) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in root.rglob("*") if p.is_file()]


def test_saved_audit_keeps_answers_notes_evidence_and_plan(make_page, context, tmp_path):
    evidence = tmp_path / EVIDENCE_NAME
    evidence.write_bytes(EVIDENCE)
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
    [ref] = checklist.cards[ids[0]].evidence()
    assert audit_evidence.parse_ref(ref) is not None  # a vault id, not the path
    assert checklist.cards[ids[0]].evidence_names() == [EVIDENCE_NAME]

    # Reopen: fresh connections to the same workspace, a fresh page.
    _reopen_workspace(context)
    evidence.unlink()  # the vault has its own copy
    reopened = make_page().checklist
    assert reopened.ui.historyList.count() == 1
    reopened.ui.historyList.setCurrentRow(0)
    reopened.open_selected()
    reopened.ui.workTabs.setCurrentWidget(reopened.ui.planTab)
    card = reopened.cards[ids[0]]
    assert card.answer() == "no"
    assert card.note_text() == "Two members send daily promotions"
    assert card.evidence() == [ref]
    assert card.evidence_names() == [EVIDENCE_NAME]  # the name, decrypted from the vault
    assert context.store.asked.unlock == 1
    assert reopened.cards[ids[1]].answer() == "yes"
    assert reopened.ui.titleEdit.text() == "Q4 self-audit"
    assert reopened.ui.planTable.item(0, OWNER).text() == "Li Lei"
    assert reopened.plan.status_box(0).currentData() == "in_progress"
    measures = latest_corrective_measures(context.audit, "en")
    assert measures == reopened.result.corrective_measures("en") and measures, \
        "a measure under way is offered to the appeal statement"


def _drop(card, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    card.dropEvent(event)


def test_evidence_dropped_on_a_question_is_kept_in_the_vault(make_page, context, tmp_path):
    dropped = tmp_path / EVIDENCE_NAME
    dropped.write_bytes(EVIDENCE)
    checklist = make_page().checklist
    card = checklist.first_card()
    card.radios["partly"].click()
    _drop(card, dropped)
    assert card.evidence_names() == [EVIDENCE_NAME]
    assert checklist.dirty
    checklist.save_audit()

    root = context.store.root
    _reopen_workspace(context)
    reopened = make_page().checklist
    reopened.ui.historyList.setCurrentRow(0)
    reopened.open_selected()
    assert reopened.first_card().evidence_names() == [EVIDENCE_NAME]
    # Nothing of the file is readable in the workspace folder: not its bytes, not its name.
    files = _workspace_bytes(root)
    assert any(name.endswith("-wal") for name, _ in files)
    for name, data in files:
        assert EVIDENCE_NAME not in name
        assert EVIDENCE[100:164] not in data and EVIDENCE[-40:] not in data, name
        assert EVIDENCE_NAME.encode() not in data and str(dropped).encode() not in data, name


def test_a_file_that_cannot_be_read_is_not_listed(make_page, tmp_path):
    checklist = make_page().checklist
    card = checklist.first_card()
    _drop(card, tmp_path / "gone.png")
    assert card.evidence() == []
    assert "Evidence not added" in checklist.ui.statusLabel.text()
    assert "gone.png" in checklist.ui.statusLabel.text()


def test_removed_evidence_comes_back_with_undo(make_page, context, tmp_path):
    first, second = tmp_path / "a.png", tmp_path / "b.pdf"
    first.write_bytes(b"\x89PNG\r\n\x1a\nfirst")
    second.write_bytes(b"%PDF-1.4 second")
    checklist = make_page().checklist
    card = checklist.first_card()
    _drop(card, first)
    _drop(card, second)
    assert card.evidence_names() == ["a.png", "b.pdf"]
    [ref_a, _ref_b] = card.evidence()
    card.evidence_list.setFocus()
    card.evidence_list.setCurrentRow(0)
    QTest.keyClick(card.evidence_list, Qt.Key.Key_Delete)
    assert card.evidence_names() == ["b.pdf"]
    ws = context.store.workspace()
    assert audit_evidence.get_evidence(ws, audit_evidence.parse_ref(ref_a)).in_trash
    QTest.keyClick(card.evidence_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert card.evidence_names() == ["a.png", "b.pdf"]  # back in its place
    assert not audit_evidence.get_evidence(ws, audit_evidence.parse_ref(ref_a)).in_trash
    checklist.undo_stack.redo()
    assert card.evidence_names() == ["b.pdf"]


def test_evidence_opens_decrypted_outside_the_workspace(make_page, context, tmp_path):
    source = tmp_path / EVIDENCE_NAME
    source.write_bytes(EVIDENCE)
    checklist = make_page().checklist
    shown = []
    checklist.evidence.viewer = shown.append
    card = checklist.first_card()
    _drop(card, source)
    item = card.evidence_list.item(0)
    card.evidence_list.itemActivated.emit(item)  # Enter or a double-click
    [path] = shown
    assert path.name == EVIDENCE_NAME and path.read_bytes() == EVIDENCE
    assert context.store.root not in path.parents


def test_saving_again_updates_the_audit_in_place(make_page, context):
    checklist = make_page().checklist
    card = checklist.first_card()
    card.radios["no"].click()
    checklist.save_audit()
    first_id = checklist.audit_id
    [before] = context.audit.archive.list_self_audits()
    card.radios["yes"].click()
    checklist.save_audit()
    assert checklist.audit_id == first_id
    [after] = context.audit.archive.list_self_audits()
    assert (after.id, after.created) == (before.id, before.created)
    assert after.payload["answers"]["answers"][0]["answer"] == "yes"
    assert checklist.ui.historyList.count() == 1


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
    status: list[str] = []
    checklist.context.hub.status_message.connect(lambda text, _ms: status.append(text))
    checklist.export("json")
    # An export: neither the label nor the status bar reads as if the audit was saved there.
    assert status[-1] == f"Exported to {out}"
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["overall"] == checklist.result.overall
    assert data["explanation"], "the report explains the score point by point"
    assert str(out) in checklist.ui.statusLabel.text()
    # An export, not the audit itself being saved there.
    assert checklist.ui.statusLabel.text().startswith("Exported to ")
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


def test_the_report_names_evidence_by_file_name_not_by_vault_id(make_page, tmp_path):
    import pypdf

    source = tmp_path / "policy-scan.pdf"
    source.write_bytes(EVIDENCE)
    out = tmp_path / "audit.pdf"
    checklist = make_page(ask_save_path=lambda *_: str(out)).checklist
    card = checklist.first_card()
    card.radios["no"].click()
    _drop(card, source)
    checklist.export("pdf")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages)
    assert "policy-scan.pdf" in text and "vault:" not in text
    assert checklist.result.findings[0].evidence == card.evidence()  # the audit keeps the id


def test_evidence_of_a_locked_vault_is_listed_without_its_name(make_page, context, tmp_path):
    source = tmp_path / EVIDENCE_NAME
    source.write_bytes(EVIDENCE)
    checklist = make_page().checklist
    card = checklist.first_card()
    card.radios["no"].click()
    _drop(card, source)
    checklist.save_audit()
    [ref] = card.evidence()

    _reopen_workspace(context)
    context.store.close()
    context.store = make_store_service(context.store.root, asked=Asked(passphrase=None))
    reopened = make_page().checklist
    reopened.ui.historyList.setCurrentRow(0)
    reopened.open_selected()
    assert context.store.asked.unlock == 1  # asked once for the whole audit, and refused
    card = reopened.first_card()
    assert card.evidence() == [ref]  # kept: saving again does not lose it
    assert card.evidence_names() == ["Encrypted evidence (unlock the vault to see its name)"]


def test_evidence_of_discarded_answers_goes_to_the_trash(make_page, context, tmp_path):
    saved_file, dropped_file = tmp_path / "saved.png", tmp_path / "discarded.png"
    saved_file.write_bytes(b"\x89PNG\r\n\x1a\nsaved")
    dropped_file.write_bytes(b"\x89PNG\r\n\x1a\ndiscarded")
    checklist = make_page(confirm=lambda parent, question: True).checklist
    card = checklist.first_card()
    card.radios["no"].click()
    _drop(card, saved_file)
    checklist.save_audit()
    _drop(card, dropped_file)  # added after saving, then given up
    [kept, discarded] = [audit_evidence.parse_ref(r) for r in card.evidence()]
    checklist.new_audit()
    ws = context.store.workspace()
    assert audit_evidence.get_evidence(ws, discarded).in_trash
    assert not audit_evidence.get_evidence(ws, kept).in_trash  # the saved audit has it


def test_export_carries_the_plan_as_edited_and_the_company(make_page, context, tmp_path):
    from app.store.profile import Profile as StoredProfile
    from app.store.profile import save_profile

    from .appeal.helpers import sample_profile

    ws = context.store.workspace()
    context.store.ensure_vault(None)
    save_profile(ws, StoredProfile.model_validate(sample_profile().model_dump(exclude_none=True)))
    out = tmp_path / "audit.json"
    checklist = make_page(ask_save_path=lambda *_: str(out)).checklist
    checklist.first_card().radios["no"].click()
    checklist.ui.workTabs.setCurrentWidget(checklist.ui.planTab)
    # Owner and status are set after the last answer changed.
    checklist.ui.planTable.item(0, OWNER).setText("Li Lei")
    checklist.plan.status_box(0).setCurrentIndex(1)  # in progress
    checklist.export("json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["plan"][0]["owner"], data["plan"][0]["status"]) == ("Li Lei", "in_progress")
    assert data["enterprise"] == sample_profile().company_name
    pdf = tmp_path / "audit.pdf"
    checklist._ask_save_path = lambda *_: str(pdf)
    checklist.export("pdf")
    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert "Li Lei" in text and "in progress" in text and sample_profile().company_name in text


def test_a_category_without_answers_reads_not_answered(make_page):
    checklist = make_page().checklist
    first, second = checklist.checklist.categories[:2]
    for q in checklist.checklist.questions_in(second.id):
        checklist.cards[q.id].radios["not_applicable"].click()
    checklist.cards[checklist.checklist.questions_in(first.id)[0].id].radios["yes"].click()
    rows = checklist.scores._category_rows
    assert rows[second.id][1].format() == "n/a"  # every answer 'not applicable'
    untouched = checklist.checklist.categories[2].id
    assert rows[untouched][1].format() == "not answered"
