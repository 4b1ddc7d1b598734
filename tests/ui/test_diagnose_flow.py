"""Walk the Diagnose flow as a user would, with the keyboard and with the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.pages.diagnose import HISTORY, NOTICE, RESTRICTION, RESULT, DiagnosePage

FOUR_DOCUMENTS = {"business_license", "legal_person_id", "legal_person_holding_id",
                  "seal_authorization_letter"}


@pytest.fixture
def page(window) -> DiagnosePage:
    page = window.show_page("diagnose")
    assert isinstance(page, DiagnosePage)
    return page


def key(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a user would."""
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    QTest.keyClick(focus, k, modifier)


def route_title_shown(page: DiagnosePage) -> str:
    label = page.result_view.findChild(QLabel, "routeTitle")
    assert label is not None and label.isVisible()
    return label.text()


def test_keyboard_member_first_rule1_violation(page, qtbot, catalogue):
    assert page.current_step() == RESTRICTION
    assert page.ui.radioMember.hasFocus()
    key(Qt.Key.Key_Space)  # member
    key(Qt.Key.Key_Tab)
    assert page.ui.radioInterop.hasFocus()
    key(Qt.Key.Key_Space)  # interop functions only
    key(Qt.Key.Key_Tab)
    assert page.ui.radioTemporary.hasFocus()
    key(Qt.Key.Key_Space)  # for a limited time
    key(Qt.Key.Key_Return)
    assert page.current_step() == NOTICE
    assert page.ui.noticeEdit.hasFocus()
    # Users paste the notice; QTest cannot type Chinese key by key.
    QApplication.clipboard().setText("该成员因频繁发送营销广告被用户投诉，已被短期禁止使用互通功能")
    key(Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "营销广告" in page.ui.noticeEdit.toPlainText()
    key(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # mnemonic of "&Next": animated click
    qtbot.waitUntil(lambda: page.current_step() == HISTORY, timeout=2000)
    assert page.ui.linkedUnknown.hasFocus()
    key(Qt.Key.Key_Left)  # "No": the linked WeChat account is fine
    assert page.ui.linkedNo.isChecked()
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in page.questions["self_unblock_offered"].values()
    key(Qt.Key.Key_Left)
    key(Qt.Key.Key_Left)
    key(Qt.Key.Key_Space)  # "Yes": the console offers to apply for unblocking
    assert page.ui.selfUnblockYes.isChecked()
    key(Qt.Key.Key_Return)
    assert page.current_step() == RESULT

    assert page.diagnosis.appeal_route == "admin_unblock_request"
    assert page.diagnosis.rule == "R1" and page.diagnosis.step == 1
    assert catalogue.route("admin_unblock_request").title("en") in route_title_shown(page)
    assert page.result_view.chips, "every statement shows its citations"


def test_mouse_enterprise_blocked_believes_wrongful(page, qtbot, catalogue):
    click = Qt.MouseButton.LeftButton
    qtbot.mouseClick(page.ui.radioEnterprise, click)
    qtbot.mouseClick(page.ui.radioWholeAccount, click)
    assert not page.ui.nextButton.isEnabled(), "three answers are needed to go on"
    qtbot.mouseClick(page.ui.radioDurationUnknown, click)
    qtbot.mouseClick(page.ui.nextButton, click)
    qtbot.mouseClick(page.ui.nextButton, click)
    assert page.current_step() == HISTORY
    qtbot.mouseClick(page.ui.wrongfulCheck, click)
    qtbot.mouseClick(page.ui.nextButton, click)
    assert page.current_step() == RESULT

    assert page.diagnosis.appeal_route == "enterprise_appeal"
    assert set(page.diagnosis.documents) == FOUR_DOCUMENTS
    assert catalogue.route("enterprise_appeal").title("en") in route_title_shown(page)
    checklist = page.result_view.document_checks
    assert set(checklist) == FOUR_DOCUMENTS
    by_id = {d.id: d for d in catalogue.documents}
    for kind, check in checklist.items():
        assert check.isVisible() and check.text() == by_id[kind].title("en")
        assert not check.isChecked()
    qtbot.mouseClick(checklist["business_license"], click)
    assert checklist["business_license"].isChecked()


def test_mouse_linked_wechat_banned(page, qtbot, catalogue):
    click = Qt.MouseButton.LeftButton
    for radio in (page.ui.radioMember, page.ui.radioInterop, page.ui.radioUntilWechat):
        qtbot.mouseClick(radio, click)
    qtbot.mouseClick(page.ui.nextButton, click)
    qtbot.mouseClick(page.ui.nextButton, click)
    qtbot.mouseClick(page.ui.linkedYes, click)
    qtbot.mouseClick(page.ui.nextButton, click)

    assert page.diagnosis.appeal_route == "wait_for_wechat_unblock"
    assert page.diagnosis.rule == "R2"
    assert catalogue.route("wait_for_wechat_unblock").title("en") in route_title_shown(page)


def test_going_back_keeps_every_answer(page, qtbot):
    page.set_answer("account", "admin")
    page.set_answer("scope", "account")
    page.set_answer("duration", "permanent")
    page.next_step()
    page.ui.noticeEdit.setPlainText("账号因使用外挂被永久封禁")
    page.next_step()
    page.set_answer("linked_wechat_banned", False)
    page.set_answer("self_unblock_offered", False)
    page.ui.priorSpin.setValue(2)
    page.ui.wrongfulCheck.setChecked(True)
    page.next_step()
    assert page.current_step() == RESULT

    for _ in range(3):
        qtbot.mouseClick(page.ui.backButton, Qt.MouseButton.LeftButton)
    assert page.current_step() == RESTRICTION
    assert (page.answer("account"), page.answer("scope"), page.answer("duration")) == (
        "admin", "account", "permanent")
    assert page.ui.noticeEdit.toPlainText() == "账号因使用外挂被永久封禁"
    assert page.answer("linked_wechat_banned") is False
    assert page.answer("self_unblock_offered") is False
    assert page.ui.priorSpin.value() == 2
    assert page.ui.wrongfulCheck.isChecked()

    QTest.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # nothing before step 1
    qtbot.wait(150)
    assert page.current_step() == RESTRICTION
    qtbot.mouseClick(page.ui.startOverButton, Qt.MouseButton.LeftButton)
    assert page.answer("account") is ...
    assert page.ui.noticeEdit.toPlainText() == ""


def test_prior_violations_move_up_the_ladder(page, qtbot):
    for question, value in (("account", "member"), ("scope", "interop"),
                            ("duration", "temporary")):
        page.set_answer(question, value)
    page.next_step()
    page.next_step()
    page.ui.priorSpin.setFocus()
    page.ui.priorSpin.selectAll()
    QTest.keyClicks(page.ui.priorSpin, "1")
    page.next_step()
    assert page.diagnosis.rule == "R1" and page.diagnosis.step == 2
    assert page.diagnosis.appeal_route != "admin_unblock_request"  # 2.2: no unblocking
