"""Copy and save the result as plain text (fakes: catalogue, engine, save dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from app.ui.pages.diagnose import RESULT, DiagnosePage


def walk_to_result(page: DiagnosePage) -> None:
    page.set_answer("account", "member")
    page.set_answer("scope", "interop")
    page.set_answer("duration", "temporary")
    for _ in range(3):
        page.next_step()
    assert page.current_step() == RESULT


def make_page(qtbot, context, **kwargs) -> DiagnosePage:
    page = DiagnosePage(context, **kwargs)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page


def test_copy_puts_the_text_on_the_clipboard(qtbot, fake_context):
    page = make_page(qtbot, fake_context)
    QGuiApplication.clipboard().clear()
    walk_to_result(page)
    QTest.keyClick(page.ui.copyButton, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == "route: admin_unblock_request\n" \
        "First violation: apply for unblocking.\n"


def test_copy_button_uses_render_text_in_the_current_language(qtbot, fake_context):
    fake_context.lang = "zh_CN"
    page = make_page(qtbot, fake_context)
    walk_to_result(page)
    qtbot.mouseClick(page.ui.copyButton, Qt.MouseButton.LeftButton)
    assert "首次违规" in QGuiApplication.clipboard().text()


def test_save_writes_utf8_text(qtbot, fake_context, tmp_path):
    target = tmp_path / "诊断结果.txt"
    asked = []

    def ask(parent, caption, suggested):
        asked.append(suggested)
        return str(target)

    fake_context.lang = "zh_CN"
    page = make_page(qtbot, fake_context, ask_save_path=ask)
    messages = []
    fake_context.hub.status_message.connect(lambda text, ms: messages.append(text))
    walk_to_result(page)
    QTest.keyClick(page.ui.saveButton, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0].endswith(".txt")
    assert target.read_text(encoding="utf-8") == page.result_text()
    assert "首次违规" in target.read_text(encoding="utf-8")
    assert any(str(target) in m for m in messages)


def test_cancelled_save_writes_nothing(qtbot, fake_context, tmp_path):
    page = make_page(qtbot, fake_context, ask_save_path=lambda *_: "")
    walk_to_result(page)
    qtbot.mouseClick(page.ui.saveButton, Qt.MouseButton.LeftButton)
    assert list(tmp_path.iterdir()) == [tmp_path / "settings.ini"] or not list(
        p for p in tmp_path.iterdir() if p.suffix == ".txt")


def test_citation_chip_shows_the_section_title_and_its_wording(qtbot, fake_context):
    page = make_page(qtbot, fake_context)
    walk_to_result(page)
    chip = next(c for c in page.result_view.chips if c.section_id == "2.2")
    assert chip.accessibleName() == "§2.2 Punishment measures"
    tip = chip.toolTip()
    assert "§2.2 Punishment measures" in tip
    # Not only the title: what the catalogue files under 2.2 (its ladder step and measure).
    ladder = fake_context.catalogue.rule("R1").ladder[0].text("en")
    assert ladder in tip and "rule catalogue says" in tip
    shown = []
    fake_context.hub.status_message.connect(lambda text, ms: shown.append(text))
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert shown == ["§2.2 Punishment measures"]


def test_a_notice_too_long_for_the_contract_is_an_error_not_a_crash(qtbot, fake_context):
    page = make_page(qtbot, fake_context)
    page.set_answer("account", "member")
    page.set_answer("scope", "interop")
    page.set_answer("duration", "temporary")
    page.ui.noticeEdit.setPlainText("骚扰" * 15_000)
    for _ in range(3):
        page.next_step()
    assert page.current_step() == RESULT
    assert page.diagnosis is None
    assert not page.ui.copyButton.isEnabled()


def test_copy_with_the_real_core_copies_the_cited_diagnosis(qtbot, context):
    context.lang = "en"
    page = make_page(qtbot, context)
    QGuiApplication.clipboard().clear()
    walk_to_result(page)
    qtbot.mouseClick(page.ui.copyButton, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert "Route back:" in text and "§2.2" in text
