"""The window: registry-driven sidebar, shortcuts, live language switch, settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.main_window import MainWindow
from app.ui.pages import PAGES, PageEntry
from app.ui.pages.diagnose import RESULT, DiagnosePage


def sidebar_texts(window: MainWindow) -> list[str]:
    return [window.ui.sidebar.item(i).text() for i in range(window.ui.sidebar.count())]


def test_sidebar_lists_the_registry_with_icons(window):
    assert [e.key for e in PAGES] == ["diagnose", "cases", "appeal", "audit", "check", "rules",
                                      "profile"]
    assert sidebar_texts(window) == ["Diagnose", "Cases", "Appeal package", "Self-audit",
                                     "Pre-send check", "Rules", "Enterprise"]
    assert all(not window.ui.sidebar.item(i).icon().isNull() for i in range(len(PAGES)))
    assert window.current_key() == "diagnose"
    assert window.width() >= 700 and window.height() >= 500  # offscreen screen: 800x600


def test_ctrl_number_switches_workspace(window, qtbot):
    for number, key in ((6, "rules"), (5, "check"), (3, "appeal"), (4, "audit"), (2, "cases"),
                        (7, "profile"), (1, "diagnose")):
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{number}"),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key
        assert window.ui.pages.currentWidget() is window.page(key)


def test_a_page_is_added_with_one_registry_entry(make_window, context):
    from app.ui.pages.rules import RulesPage

    pages = [*PAGES, PageEntry("extra", "app.ui.pages.rules:RulesPage", "Extra", "rules.svg")]
    window = MainWindow(context, pages=pages)
    try:
        assert window.ui.sidebar.count() == len(PAGES) + 1
        extra = window.show_page("extra")
        assert isinstance(extra, RulesPage) and extra is not window.page("rules")
    finally:
        window.deleteLater()


def test_language_switch_retranslates_live_and_is_remembered(window, qtbot, context):
    diagnose = window.page("diagnose")
    assert isinstance(diagnose, DiagnosePage)
    for question, value in (("account", "member"), ("scope", "interop"),
                            ("duration", "temporary")):
        diagnose.set_answer(question, value)
    for _ in range(3):
        diagnose.next_step()
    assert diagnose.current_step() == RESULT
    rules = window.page("rules")
    en_route = context.catalogue.route("admin_unblock_request").title("en")
    assert en_route in diagnose.result_view.findChild(QLabel, "routeTitle").text()

    window.ui.actionChinese.trigger()
    assert context.lang == "zh_CN"
    assert sidebar_texts(window) == ["诊断", "案件", "申诉材料包", "合规自查", "发送前检查", "规则",
                                     "企业信息"]
    assert window.ui.menuFile.title() == "文件(&F)"
    assert diagnose.ui.nextButton.text() == "下一步(&N)"
    assert diagnose.ui.stepTitle.text() == "诊断结果"
    zh_route = context.catalogue.route("admin_unblock_request").title("zh_CN")
    assert zh_route in diagnose.result_view.findChild(QLabel, "routeTitle").text()
    assert diagnose.diagnosis.lang == "zh_CN"
    assert rules.ui.tree.topLevelItem(0).text(0) == "§1 说明"
    assert rules.ui.tree.topLevelItem(1).text(0) == "处罚规则"
    assert window.ui.actionChinese.isChecked() and not window.ui.actionEnglish.isChecked()
    assert context.settings.value("ui/language") == "zh_CN"

    window.ui.actionEnglish.trigger()
    assert sidebar_texts(window)[0] == "Diagnose"
    assert en_route in diagnose.result_view.findChild(QLabel, "routeTitle").text()
    assert context.settings.value("ui/language") == "en"


def test_saved_language_wins_over_the_system_locale(settings, monkeypatch):
    from app.ui.language import saved_or_system_lang

    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert saved_or_system_lang(settings) == "zh_CN"
    settings.setValue("ui/language", "en")
    assert saved_or_system_lang(settings) == "en"


def test_about_names_the_catalogue_version_and_source(window, context):
    text = window.about_text()
    meta = context.catalogue.meta
    assert meta.version in text and meta.source_title in text
    assert meta.retrieved.isoformat() in text


def test_geometry_and_page_are_remembered(make_window, context):
    first = make_window(context)
    first.resize(780, 560)
    first.show_page("rules")
    first.close()
    second = make_window(context)
    assert second.current_key() == "rules"
    assert (second.width(), second.height()) == (780, 560)


def test_status_bar_shows_hub_messages(window, context):
    context.hub.status_message.emit("hello", 0)
    assert window.statusBar().currentMessage() == "hello"


def test_quit_shortcut(window, qtbot):
    assert window.ui.actionQuit.shortcut().toString() == "Ctrl+Q"
    qtbot.waitUntil(lambda: window._pages != {})  # set after the first paint
    # Quit from any window of the app, the user guide's too.
    assert window.ui.actionQuit.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut
    assert window.actionGuide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    window.ui.actionQuit.trigger()
    assert not window.isVisible()


def test_translation_context_for_pages():
    assert QCoreApplication.translate("Pages", "Diagnose") == "Diagnose"
    assert QGuiApplication.instance() is QApplication.instance()


def test_the_window_paints_before_it_builds_its_first_page(context, qtbot):
    """Start-up (docs/design.md): the shell paints first; ``prepare`` (the catalogue) runs after
    the first paint, then the page it opens on is built; the others wait until shown."""
    from app.ui.main_window import MainWindow

    calls: list[bool] = []

    def prepare() -> bool:
        calls.append(window.isVisible())
        return True

    window = MainWindow(context, prepare=prepare)
    qtbot.addWidget(window)
    assert window._pages == {} and calls == []
    window.show()
    qtbot.waitUntil(lambda: "diagnose" in window._pages)
    assert calls == [True]
    assert window.ui.pages.currentWidget() is window.page("diagnose")
    assert set(window._pages) == {"diagnose"}


def test_a_failed_prepare_closes_the_window_without_building_a_page(context, qtbot):
    from app.ui.main_window import MainWindow

    window = MainWindow(context, prepare=lambda: False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window._pages == {}


def test_the_context_loads_the_catalogue_and_the_workspace_on_first_use(settings):
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from app.ui.context import AppContext\n"
        "context = AppContext(settings=QSettings())\n"
        "print(sorted(m for m in ('pydantic', 'app.store', 'app.rules.catalogue', 'keyring')\n"
        "             if m in sys.modules))\n"
        "print(len(context.catalogue.violations) > 0, type(context.store).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["[]", "True WorkspaceService"]


def test_the_first_frame_needs_no_page_nor_the_qt_namespace(tmp_path):
    """Start-up (docs/design.md): up to the window's first frame, no page, dialog helper, Fusion
    style, catalogue or workspace module is imported, and nothing uses PySide's ``Qt`` namespace
    (whose first use makes 93 enums) but the system colour scheme, which this probe answers."""
    import os
    import subprocess
    import sys

    probe = (
        "import enum, os, sys\n"
        "made = []\n"
        "_create = enum.EnumType._create_\n"
        "def create(cls, name, *args, **kwargs):\n"
        "    made.append(kwargs.get('qualname') or name)\n"
        "    return _create(cls, name, *args, **kwargs)\n"
        "enum.EnumType._create_ = create\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "def report():\n"
        "    print(sorted(m for m in sys.modules if m.startswith(('app.ui.pages.', \n"
        "          'app.ui.accessibility', 'app.ui.file_dialogs', 'app.ui.theme_fusion',\n"
        "          'app.rules', 'app.store'))))\n"
        "    print([name for name in made if name in ('GlobalColor', 'AlignmentFlag',\n"
        "          'ItemDataRole', 'ShortcutContext', 'WindowType')])  # of the Qt namespace\n"
        "    sys.stdout.flush()\n"
        "    os._exit(0)\n"
        "class FirstFrame(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint:\n"
        "            QTimer.singleShot(0, report)\n"
        "        return False\n"
        "watch = FirstFrame()\n"
        "app = QApplication([])\n"
        "_show = QMainWindow.show\n"
        "def show(window):\n"
        "    window.installEventFilter(watch)\n"
        "    _show(window)\n"
        "QMainWindow.show = show\n"
        "from app.ui import theme\n"
        "theme.system_is_dark = lambda: False\n"
        "from app.ui.main import run_gui\n"
        "run_gui()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "LANG": "en_US.UTF-8",
           "WECOM_APPEAL_HOME": str(tmp_path / "workspace")}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env=env, timeout=120, check=True).stdout.splitlines()
    assert out == ["[]", "[]"]
