"""Reading a diagnosis (issue 10 item 9): a new result starts at its top, a citation shows what
the catalogue says under the section, radio groups answer to every arrow key, the "wrongful"
checkbox has a mnemonic."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.pages.diagnose import HISTORY, RESTRICTION, RESULT, DiagnosePage


def diagnose_page(window) -> DiagnosePage:
    window.resize(1024, 700)
    page = window.show_page("diagnose")
    assert isinstance(page, DiagnosePage)
    return page


def walk(page: DiagnosePage, account: str = "enterprise") -> None:
    page.start_over()
    for question, value in (("account", account), ("scope", "account"),
                            ("duration", "unknown")):
        page.set_answer(question, value)
    page.go_to(HISTORY)
    page.next_step()
    assert page.current_step() == RESULT


def test_a_new_result_starts_at_its_top(window, qtbot):
    page = diagnose_page(window)
    walk(page)
    bar = page.ui.resultScroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum())
    page.previous_step()
    page.next_step()  # the same answers, diagnosed again
    qtbot.wait(20)
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    walk(page, "member")
    qtbot.wait(20)
    assert bar.value() == 0


def test_a_citation_chip_shows_the_catalogues_wording(window, context):
    page = diagnose_page(window)
    walk(page, "member")
    catalogue = context.catalogue
    chips = {chip.section_id: chip for chip in page.result_view.chips}
    assert chips
    with_wording = 0
    for section, chip in chips.items():
        title = catalogue.section_title(section, "en")
        assert chip.accessibleName() == f"§{section} {title}"
        texts = [m.text("en") for r in catalogue.rules for m in r.measures
                 if m.section == section]
        texts += [s.text("en") for r in catalogue.rules for s in r.ladder if s.section == section]
        texts += [v.description("en") for v in catalogue.violations if v.section == section]
        if texts:
            with_wording += 1
            assert any(text in chip.toolTip().replace("&#x27;", "'") for text in texts), section
    assert with_wording, "a diagnosis cites at least one section the catalogue words"


def test_every_arrow_key_selects_in_a_radio_group(window, qtbot):
    page = diagnose_page(window)
    page.go_to(RESTRICTION)
    ui = page.ui
    column = [ui.radioMember, ui.radioAdmin, ui.radioEnterprise]  # laid out top to bottom
    column[0].setFocus()
    qtbot.waitUntil(column[0].hasFocus, timeout=1000)
    qtbot.keyClick(column[0], Qt.Key.Key_Right)  # Qt alone: nothing happens in a column
    assert ui.radioAdmin.isChecked() and ui.radioAdmin.hasFocus()
    qtbot.keyClick(ui.radioAdmin, Qt.Key.Key_Down)
    assert ui.radioEnterprise.isChecked()
    qtbot.keyClick(ui.radioEnterprise, Qt.Key.Key_Down)  # the end: stays in its group
    assert ui.radioEnterprise.isChecked() and ui.radioEnterprise.hasFocus()
    qtbot.keyClick(ui.radioEnterprise, Qt.Key.Key_Left)
    assert ui.radioAdmin.isChecked() and not ui.radioEnterprise.isChecked()

    for question, value in (("account", "member"), ("scope", "interop"),
                            ("duration", "temporary")):
        page.set_answer(question, value)
    page.go_to(HISTORY)
    row = list(page.questions["linked_wechat_banned"].values())  # laid out left to right
    row[0].setFocus()
    qtbot.waitUntil(row[0].hasFocus, timeout=1000)
    qtbot.keyClick(row[0], Qt.Key.Key_Down)  # Qt alone: nothing happens in a row
    assert row[1].isChecked() and row[1].hasFocus()
    qtbot.keyClick(row[1], Qt.Key.Key_Up)
    assert row[0].isChecked()


def test_the_wrongful_checkbox_has_a_mnemonic(window, qtbot):
    page = diagnose_page(window)
    for question, value in (("account", "enterprise"), ("scope", "account"),
                            ("duration", "unknown")):
        page.set_answer(question, value)
    page.go_to(HISTORY)
    assert "&" in page.ui.wrongfulCheck.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.ui.wrongfulCheck.isChecked, timeout=1000)  # an animated click
    window.set_language("zh_CN")
    assert page.ui.wrongfulCheck.text().endswith("(&W)")
    assert "属于误封" in page.ui.wrongfulCheck.text()
