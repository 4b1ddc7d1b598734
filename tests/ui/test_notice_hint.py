"""Step 2: the classifier's hint, and pre-filling step 1 only when the user accepts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.pages.diagnose import RESTRICTION, DiagnosePage


def test_hint_names_category_and_signals_and_fills_step1_on_request(window, qtbot, catalogue):
    page = window.show_page("diagnose")
    assert isinstance(page, DiagnosePage)
    page.set_answer("account", "member")
    page.set_answer("scope", "interop")
    page.set_answer("duration", "temporary")
    page.next_step()
    page.start_over()  # nothing answered, the notice will answer scope and duration
    page.next_step()
    assert page.current_step() == RESTRICTION, "step 1 must be answered first"

    page.set_answer("account", "member")
    page.set_answer("scope", "account")
    page.set_answer("duration", "unknown")
    page.next_step()
    page.ui.noticeEdit.setPlainText(
        "您的企业成员账号因频繁向客户发送骚扰信息，被用户多次投诉，"
        "已被永久禁止使用互通功能。")
    qtbot.waitUntil(lambda: page.ui.applyHintButton.isEnabled(), timeout=3000)
    harassment = catalogue.violation("harassment").title("en")
    assert harassment in page.ui.hintCategory.text()
    assert page.ui.hintSignals.text()
    # Nothing changes until the user accepts.
    assert (page.answer("scope"), page.answer("duration")) == ("account", "unknown")
    qtbot.mouseClick(page.ui.applyHintButton, Qt.MouseButton.LeftButton)
    assert (page.answer("scope"), page.answer("duration")) == ("interop", "permanent")
    assert page.answer("account") == "member"
