"""The Cases workspace over a real workspace in tmp_path: list, filters, timeline, deadlines,
documents, delete with undo, the member ledger; every edit is in the store at once."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.rules.contract import RestrictionReport
from app.rules.engine import diagnose
from app.store import cases, documents, ledger
from app.store.workspace import Workspace
from app.ui.pages.cases import CasesPage

from .store_fakes import PASSPHRASE

CLICK = Qt.MouseButton.LeftButton


def report(**fields: object) -> RestrictionReport:
    return RestrictionReport(**{"account": "member", "scope": "interop",
                                "duration": "temporary", **fields})


@pytest.fixture
def seeded(store, catalogue):
    """Three cases: a rule-1 member case, a rule-2 (linked WeChat) case, an enterprise case."""
    ws = store.workspace()
    diagnoser = lambda r: diagnose(r, catalogue, "en")  # noqa: E731
    first = cases.create_case(ws, report(self_unblock_offered=True), diagnoser=diagnoser,
                              userid="zhangsan", restricted_on=dt.date(2026, 11, 1))
    wechat = cases.create_case(ws, report(duration="until_wechat_unblocked",
                                          linked_wechat_banned=True),
                               diagnoser=diagnoser, userid="lisi",
                               restricted_on=dt.date(2026, 11, 2))
    enterprise = cases.create_case(ws, report(account="enterprise", scope="account",
                                              duration="unknown", believes_wrongful=True),
                                   diagnoser=diagnoser, restricted_on=dt.date(2026, 11, 3))
    return {"first": first.id, "wechat": wechat.id, "enterprise": enterprise.id}


@pytest.fixture
def page(window, seeded, store, qtbot) -> CasesPage:
    page = window.show_page("cases")
    assert isinstance(page, CasesPage)
    qtbot.waitUntil(lambda: store.is_unlocked, timeout=2000)  # first opening: vault set up
    return page


def reopened(store) -> Workspace:
    """A second, independent connection: what a restarted app would read."""
    ws = Workspace.open(store.root, keyring_store=store.keyring_store)
    ws.unlock(PASSPHRASE)
    return ws


def shown_ids(page: CasesPage) -> list[str]:
    return [page.model.cases[row].id for row in range(page.model.rowCount())]


def choose(combo, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_first_opening_sets_up_the_vault(page, store):
    assert store.asked.setup == 1 and store.is_unlocked


def test_the_list_shows_every_case_newest_first(page, seeded, catalogue):
    assert shown_ids(page) == [seeded["enterprise"], seeded["wechat"], seeded["first"]]
    assert page.ui.caseTable.model() is page.model
    row = page.model.row_of(seeded["wechat"])
    assert page.model.cell(row, 1) == "lisi"
    assert page.model.cell(row, 2) == "Restricted"
    assert catalogue.rule("R2").title("en") in page.model.cell(row, 3)
    assert page.ui.emptyLabel.isVisible() and not page.ui.detailBody.isVisible()


def test_filters_by_status_member_and_rule(page, seeded, store):
    cases.set_status(store.workspace(), seeded["enterprise"], "appeal_submitted")
    page.refresh()
    choose(page.ui.statusFilter, "appeal_submitted")
    assert shown_ids(page) == [seeded["enterprise"]]
    choose(page.ui.statusFilter, None)
    choose(page.ui.memberFilter, "lisi")
    assert shown_ids(page) == [seeded["wechat"]]
    choose(page.ui.memberFilter, None)
    choose(page.ui.ruleFilter, "R1")
    assert shown_ids(page) == [seeded["first"]]
    choose(page.ui.memberFilter, "lisi")
    assert shown_ids(page) == []
    assert [page.ui.memberFilter.itemData(i) for i in range(page.ui.memberFilter.count())] == [
        None, "lisi", "zhangsan"]


def test_status_moves_forward_and_is_saved_at_once(page, seeded, store, qtbot, window):
    assert page.select_case(seeded["first"])
    assert page.ui.detailBody.isVisible()
    assert seeded["first"] in page.ui.caseTitle.text()
    assert not page.ui.reopenButton.isEnabled()  # already restricted
    qtbot.mouseClick(page.ui.requestButton, CLICK)
    assert "Unblock requested" in window.statusBar().currentMessage()
    assert not page.ui.requestButton.isEnabled()
    qtbot.mouseClick(page.ui.resolveButton, CLICK)
    assert page.ui.timelineList.count() == 3
    assert page.ui.timelineList.item(2).text().endswith("Resolved")
    assert page.model.cell(page.model.row_of(seeded["first"]), 2) == "Resolved"

    with reopened(store) as ws:
        case = cases.get_case(ws, seeded["first"])
        assert case.status == "resolved"
        assert [e.value for e in case.timeline] == ["restricted", "unblock_requested",
                                                    "resolved"]
        assert [e.outcome for e in ledger.member_ledger(ws, "zhangsan")] == ["unblocked"]


def test_rule2_deadline_from_the_wechat_unblocking(page, seeded, store, qtbot):
    page.select_case(seeded["wechat"])
    assert page.ui.wechatRow.isVisible()
    assert "within 24 h" in page.ui.deadlinesLabel.text()
    page.ui.wechatEdit.setDateTime(dt.datetime(2026, 11, 20, 9, 30).astimezone())
    qtbot.mouseClick(page.ui.wechatButton, CLICK)
    due = (dt.datetime(2026, 11, 21, 9, 30).astimezone().astimezone(dt.UTC)
           .strftime("%Y-%m-%d %H:%M UTC"))
    text = page.ui.deadlinesLabel.text()
    assert f"Rule 2: WeCom should unblock the account by {due}" in text
    assert "§3.2" in text
    with reopened(store) as ws:
        assert [d.kind for d in cases.get_case(ws, seeded["wechat"]).deadlines] == [
            "wecom_auto_unblock"]
    page.select_case(seeded["first"])
    assert not page.ui.wechatRow.isVisible()
    assert "No deadline" in page.ui.deadlinesLabel.text()


def test_delete_case_and_undo_with_ctrl_z(page, seeded, store, qtbot, window):
    page.select_case(seeded["first"])
    qtbot.mouseClick(page.ui.deleteButton, CLICK)
    assert seeded["first"] not in shown_ids(page)
    assert "Undo with Ctrl+Z" in window.statusBar().currentMessage()
    with reopened(store) as ws:
        assert seeded["first"] not in [c.id for c in cases.list_cases(ws)]
    assert page.ui.undoButton.isEnabled()
    page.ui.caseTable.setFocus()
    QTest.keyClick(page.ui.caseTable, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert seeded["first"] in shown_ids(page)
    with reopened(store) as ws:
        assert seeded["first"] in [c.id for c in cases.list_cases(ws)]
        assert len(ledger.member_ledger(ws, "zhangsan")) == 1


def test_documents_by_file_dialog_and_drop_removed_with_undo(window, seeded, store, tmp_path,
                                                             qtbot):
    licence = tmp_path / "licence.png"
    licence.write_bytes(b"\x89PNG\r\n\x1a\n" + b"licence" * 50)
    proof = tmp_path / "proof.pdf"
    proof.write_bytes(b"%PDF-1.4 evidence")
    asked: list[str] = []
    page = CasesPage(window.context, ask_open_paths=lambda parent, caption: (
        asked.append(caption) or [str(licence)]))
    qtbot.addWidget(page)
    page.show()
    page.select_case(seeded["first"])
    page.ui.kindCombo.setCurrentIndex(page.ui.kindCombo.findData("business_license"))
    qtbot.mouseClick(page.ui.addDocButton, CLICK)
    assert asked and page.ui.documentList.count() == 1
    assert page.ui.documentList.item(0).text().startswith("Business licence")

    page.ui.kindCombo.setCurrentIndex(page.ui.kindCombo.findData("evidence"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(proof))])
    # Qt delivers a drop only to the widget that accepted the drag entering it.
    with warnings.catch_warnings():  # PySide marks this (only) constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, CLICK,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page.ui.detail, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, CLICK,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page.ui.detail, drop)
    assert drop.isAccepted()
    ws = store.workspace()
    kinds = [d.kind for d in documents.list_documents(ws, seeded["first"])]
    assert kinds == ["business_license", "evidence"]
    assert documents.read_document(ws, documents.list_documents(ws, seeded["first"])[1].id
                                   )[2] == proof.read_bytes()

    page.ui.documentList.setCurrentRow(0)
    qtbot.mouseClick(page.ui.removeDocButton, CLICK)
    assert [d.kind for d in documents.list_documents(ws, seeded["first"])] == ["evidence"]
    assert page.ui.documentList.count() == 1
    qtbot.mouseClick(page.ui.undoButton, CLICK)
    assert [d.kind for d in documents.list_documents(ws, seeded["first"])] == [
        "business_license", "evidence"]
    assert page.ui.documentList.count() == 2


def test_member_ledger_tab(page, seeded, store, catalogue):
    ledger.add_past_violation(store.workspace(), "zhangsan", dt.date(2026, 3, 4), rule="R1",
                              category="harassment", step=1)
    page.refresh()
    page.ui.tabs.setCurrentWidget(page.ui.membersTab)
    members = [page.ui.memberList.item(i).text() for i in range(page.ui.memberList.count())]
    assert members == ["lisi", "zhangsan"]
    page.ui.memberList.setCurrentRow(1)
    model = page.ledger.model
    assert model.rowCount() == 2
    assert model.cell(0, 0) == "2026-03-04" and model.cell(0, 6) == "(before the app)"
    assert model.cell(1, 0) == "2026-11-01" and model.cell(1, 6) == seeded["first"]
    assert model.cell(1, 1) == catalogue.rule("R1").title("en")
    category = cases.get_case(store.workspace(), seeded["first"]).category
    assert model.cell(1, 2) == ("—" if category is None
                                else catalogue.violation(category).title("en"))
    assert model.cell(1, 5) == "Open"
    assert "2 restriction(s), 2 under rule 1" in page.ui.ledgerTitle.text()


def test_chinese_labels(page, seeded, window):
    window.ui.actionChinese.trigger()
    row = page.model.row_of(seeded["first"])
    assert page.model.cell(row, 2) == "受限中"
    assert page.ui.tabs.tabText(1) == "成员违规记录"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "受限日期"


def test_an_earlier_restriction_goes_into_the_ledger(page, seeded, store, qtbot, window):
    page.ui.tabs.setCurrentWidget(page.ui.membersTab)
    page.ui.pastMemberCombo.setEditText("wang.wu")
    page.ui.pastDateEdit.setDate(dt.date(2026, 2, 3))
    page.ui.pastRuleCombo.setCurrentIndex(page.ui.pastRuleCombo.findData("R1"))
    qtbot.mouseClick(page.ui.pastAddButton, CLICK)
    assert "Recorded an earlier restriction of wang.wu on 2026-02-03" in \
        window.statusBar().currentMessage()
    assert page.ui.memberList.currentItem().text() == "wang.wu"
    assert page.ledger.model.rowCount() == 1 and page.ledger.model.cell(0, 0) == "2026-02-03"
    assert ledger.prior_rule1_count(store.workspace(), "wang.wu") == 1
    page.ui.pastMemberCombo.setEditText("not\ta userid")  # a control character
    assert not page.ledger.add_past_restriction()


def test_a_reload_keeps_the_case_another_page_works_on(page, seeded, window):
    """A build on the Appeal page saves a record and reloads this list: re-selecting the case the
    Cases page shows must not move the other pages away from the case they work on."""
    hub = window.context.hub
    assert page.select_case(seeded["first"])
    assert hub.current_case == seeded["first"]
    hub.set_current_case(seeded["enterprise"])  # e.g. chosen in the Appeal page's picker
    page.refresh()
    assert hub.current_case == seeded["enterprise"]
