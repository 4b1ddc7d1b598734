"""What a new administrator meets first (issue 10, the window): status messages that expire and
do not outlive their page or language, file dialogs in the user's language that open in the
documents folder and remember where the user went, a welcome on the first start, the user guide
inside the app, a sidebar that keeps its width."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QLabel

from app.ui import file_dialogs
from app.ui.dialogs.user_guide import UserGuideDialog, guide_folder
from app.ui.dialogs.welcome import WelcomeDialog
from app.ui.pages import PAGES

# Status bar -------------------------------------------------------------------------------


def test_a_status_message_expires_even_when_sent_without_a_timeout(window, qtbot):
    window.status_timeout_ms = 100
    window.context.hub.status_message.emit("Recorded as case 7", 0)
    assert window.statusBar().currentMessage() == "Recorded as case 7"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=2000)


def test_a_status_message_goes_with_its_page_and_its_language(window):
    window.context.hub.status_message.emit("Recorded as case 7; see it in Cases.", 0)
    window.show_page("rules")
    assert window.statusBar().currentMessage() == ""
    window.context.hub.status_message.emit("The result was copied.", 5000)
    window.set_language("zh_CN")
    assert window.statusBar().currentMessage() == ""  # no English left in the Chinese window


# Qt's own strings and file dialogs --------------------------------------------------------


def dialog_labels(dialog: QFileDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.text()]


def test_a_file_dialog_speaks_the_window_language(window, qtbot):
    window.set_language("zh_CN")
    dialog = QFileDialog(window)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = dialog_labels(dialog)
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
    assert not [text for text in labels if text.replace("&", "").isascii()], labels
    window.set_language("en")
    english = QFileDialog(window)
    english.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(english)
    assert "&Look in:" in dialog_labels(english)


@pytest.fixture
def remembered(settings):
    file_dialogs.use_settings(settings)
    yield settings


def test_file_dialogs_open_in_the_documents_folder_then_where_the_user_went(
        remembered, monkeypatch, tmp_path):
    asked: list[str] = []
    chosen = tmp_path / "exports" / "audit.pdf"
    chosen.parent.mkdir()

    def fake_save(parent, caption, start, filters):
        asked.append(start)
        return str(chosen), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    documents = file_dialogs.documents_folder()
    assert file_dialogs.save_file(None, "export", "Export", "audit.pdf", "PDF (*.pdf)") == \
        str(chosen)
    assert asked[0] == str(documents / "audit.pdf")  # not the working directory
    file_dialogs.save_file(None, "export", "Export", str(documents / "scan.csv"), "CSV (*.csv)")
    assert asked[1] == str(chosen.parent / "scan.csv")  # remembered, with the new name
    assert file_dialogs.start_folder("evidence") == documents  # per purpose
    assert file_dialogs.start_path("import") == str(documents)


def test_every_file_dialog_of_the_app_goes_through_the_helper():
    root = Path(__file__).resolve().parents[2] / "app" / "ui"
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if p.name != "file_dialogs.py" and "QFileDialog.get" in p.read_text("utf-8")]
    assert offenders == []


# Welcome and user guide -------------------------------------------------------------------


def test_the_welcome_is_shown_once_and_again_from_help(window, monkeypatch):
    shown: list[WelcomeDialog] = []

    def fake_exec(dialog: WelcomeDialog) -> int:
        shown.append(dialog)
        return WelcomeDialog.DialogCode.Rejected

    monkeypatch.setattr(WelcomeDialog, "exec", fake_exec)
    assert window.welcome_on_first_start()
    text = " ".join(label.text() for label in shown[0].findChildren(QLabel))
    assert "Diagnose" in text and "stays on this computer" in text
    assert not window.welcome_on_first_start()  # not on the next start
    assert len(shown) == 1
    help_actions = [a.text() for a in window.ui.menuHelp.actions() if a.text()]
    assert help_actions == ["&User guide", "&Welcome", "&About"]
    window.actionWelcome.trigger()
    assert len(shown) == 2


def test_the_welcome_in_chinese(window, qtbot):
    window.set_language("zh_CN")
    dialog = WelcomeDialog(window)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "这台电脑" in text and "诊断" in text
    assert dialog.start_button.text() == "从诊断开始(&S)"


def test_start_with_diagnose_goes_there(window, monkeypatch):
    monkeypatch.setattr(WelcomeDialog, "exec", lambda dialog: WelcomeDialog.START)
    window.show_page("rules")
    window.show_welcome()
    assert window.current_key() == "diagnose"


def test_the_user_guide_is_installed_with_the_package():
    folder = guide_folder()
    for lang in ("en", "zh_CN"):
        assert (folder / lang / "index.md").is_file()
    assert list((folder / "images" / "en").glob("*.png"))


def loaded_images(dialog: UserGuideDialog) -> tuple[int, int]:
    """(images referenced by the shown page, images the browser could load)."""
    from PySide6.QtGui import QTextImageFormat

    document = dialog.browser.document()
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    found = [n for n in names if dialog.browser.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(n)) is not None]
    return len(names), len(found)


@pytest.mark.parametrize(("lang", "heading"), [("en", "What the app does"),
                                               ("zh_CN", "能做什么")])
def test_help_opens_the_guide_inside_the_app(window, qtbot, lang, heading):
    window.set_language(lang)
    window.actionGuide.trigger()
    guide = window.user_guide()
    assert isinstance(guide, UserGuideDialog) and guide.isVisible()
    qtbot.addWidget(guide)
    assert heading in guide.browser.toPlainText()
    assert "](" not in guide.browser.toPlainText()  # rendered Markdown, not its source
    referenced, loaded = loaded_images(guide)
    assert referenced and loaded == referenced  # the screenshots show
    # A link to another page of the guide opens it in the same window.
    guide.browser.anchorClicked.emit(QUrl("diagnose.md"))
    assert guide.browser.source().fileName() == "diagnose.md"
    assert guide.back_button.isEnabled()


# Sidebar ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_sidebar_keeps_its_width_on_every_page(window, qtbot, lang):
    window.set_language(lang)
    window.resize(1024, 700)
    widths = {}
    for entry in PAGES:
        window.show_page(entry.key)
        qtbot.wait(5)
        widths[entry.key] = window.ui.sidebar.width()
    assert len(set(widths.values())) == 1, widths
    sidebar = window.ui.sidebar
    widest = max(sidebar.fontMetrics().horizontalAdvance(sidebar.item(r).text())
                 for r in range(sidebar.count()))
    assert sidebar.width() >= widest + sidebar.iconSize().width()


def test_the_guide_screenshots_fit_its_width(window, qtbot):
    window.actionGuide.trigger()
    guide = window.user_guide()
    qtbot.addWidget(guide)
    qtbot.wait(10)
    assert guide.browser.horizontalScrollBar().maximum() == 0
