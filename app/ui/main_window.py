"""The main window: a sidebar of workspaces (from the page registry), menus and a status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QWidget,
)

from app import __version__
from app.lang import Lang
from app.ui import settings as prefs
from app.ui.context import AppContext
from app.ui.forms.ui_main_window import Ui_MainWindow
from app.ui.icons import icon, selectable_icon
from app.ui.pages import PAGES, PageEntry
from app.ui.theme import Theme, announcer

if TYPE_CHECKING:
    from app.ui.dialogs.user_guide import UserGuideDialog

# The names this module used; the entries are declared in app/ui/settings.py.
GEOMETRY_KEY = prefs.WINDOW_GEOMETRY.key
STATE_KEY = prefs.WINDOW_STATE.key
PAGE_KEY = prefs.CURRENT_PAGE.key
# A status message expires: one sent "until replaced" (timeout 0) still goes after this long, and
# any goes when the page or the language changes (it spoke of the old page, in the old language).
STATUS_TIMEOUT_MS = 15000
SIDEBAR_MIN_WIDTH = 170
# Qt.ItemDataRole.UserRole. Before its first paint the window uses nothing of PySide's ``Qt``
# namespace: its first use makes a Python enum of every Qt flag type (~20 ms; docs/design.md,
# "Start-up"). So also ``setShortcuts([...])``, not ``setShortcut()``: PySide's choice between
# the overloads of ``setShortcut`` loads the namespace.
USER_ROLE = 0x0100


class MainWindow(QMainWindow):
    """The window. It paints first and builds the page it opens on right after the first paint
    (``prepare``, when given, runs before that page is built, e.g. to load the catalogue; False
    closes the window); every other page is built when first shown (docs/design.md, "Start-up").
    """

    def __init__(self, context: AppContext, pages: Sequence[PageEntry] = PAGES,
                 install_language: Callable[[Lang], None] | None = None,
                 parent: QWidget | None = None, theme: Theme | None = None,
                 prepare: Callable[[], bool] | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._entries = list(pages)
        self._install_language = install_language
        self._pages: dict[str, QWidget] = {}
        self._prepare = prepare
        self._opening = True  # the first page waits for the first paint
        self._painted = False
        self.status_timeout_ms = STATUS_TIMEOUT_MS
        self._guide: UserGuideDialog | None = None
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowIcon(icon("app.svg"))
        self.ui.sidebar.setIconSize(QSize(24, 24))
        for entry in self._entries:
            item = QListWidgetItem("")
            item.setData(USER_ROLE, entry.key)
            item.setSizeHint(QSize(0, 40))
            self.ui.sidebar.addItem(item)
            self.ui.pages.addWidget(QWidget())  # replaced by the page when first shown
        self.actionSecurity = QAction(self)
        self.ui.menuFile.insertAction(self.ui.actionQuit, self.actionSecurity)
        self.ui.menuFile.insertSeparator(self.ui.actionQuit)
        self.actionSecurity.triggered.connect(self.show_workspace_security)
        self.actionGuide = QAction(self)
        self.actionGuide.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents)])
        self.actionGuide.triggered.connect(self.show_user_guide)
        self.actionWelcome = QAction(self)
        self.actionWelcome.triggered.connect(self.show_welcome)
        self.ui.menuHelp.insertAction(self.ui.actionAbout, self.actionGuide)
        self.ui.menuHelp.insertAction(self.ui.actionAbout, self.actionWelcome)
        self.ui.menuHelp.insertSeparator(self.ui.actionAbout)
        self.theme = theme or Theme(QApplication.instance(), context.settings, parent=self)
        self.menuTheme = QMenu(self.ui.menuView)
        self.ui.menuView.addMenu(self.menuTheme)
        themes = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for mode in ("system", "light", "dark"):
            action = QAction(self, checkable=True, data=mode)
            action.setChecked(mode == self.theme.mode)
            themes.addAction(action)
            self.menuTheme.addAction(action)
            self.theme_actions[mode] = action
        themes.triggered.connect(lambda action: self.theme.set_mode(action.data()))
        self._retranslate()
        self._update_sidebar_icons()
        announcer().changed.connect(self._update_sidebar_icons)

        languages = QActionGroup(self)
        for action, lang in ((self.ui.actionChinese, "zh_CN"), (self.ui.actionEnglish, "en")):
            languages.addAction(action)
            action.setData(lang)
            action.setChecked(lang == context.lang)
        languages.triggered.connect(lambda action: self.set_language(action.data()))
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self.show_about)
        self.ui.sidebar.currentRowChanged.connect(self._show_row)
        for row in range(min(len(self._entries), 9)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self)
            shortcut.activated.connect(
                lambda row=row: self.show_page(self._entries[row].key))
        context.hub.status_message.connect(self.show_status)
        context.hub.page_requested.connect(
            lambda key: self.show_page(key) if any(e.key == key for e in self._entries)
            else None)

        self._restore_state()
        self._opening = False

    # Pages ----------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page for ``key``, created on first use."""
        if key not in self._pages:
            from app.ui import accessibility, file_dialogs

            file_dialogs.use_settings(self.context.settings)  # for the page's file dialogs
            row = self._row_of(key)
            view = accessibility.watch(self._entries[row].load()(self.context, None))
            view.setAccessibleName(QCoreApplication.translate("Pages", self._entries[row].title))
            placeholder = self.ui.pages.widget(row)
            was_current = self.ui.pages.currentWidget() is placeholder
            self.ui.pages.insertWidget(row, view)
            self.ui.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            if was_current:
                self.ui.pages.setCurrentWidget(view)
            self._pages[key] = view
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        """Switch to the page and give it the keyboard focus."""
        self.ui.sidebar.setCurrentRow(self._row_of(key))
        view = self.page(key)  # the page it opened on may not be built yet
        self.ui.pages.setCurrentWidget(view)
        from PySide6.QtCore import Qt

        view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return view

    def current_key(self) -> str:
        return self._entries[self.ui.pages.currentIndex()].key

    def _row_of(self, key: str) -> int:
        return next(i for i, entry in enumerate(self._entries) if entry.key == key)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        entry = self._entries[row]
        self.statusBar().clearMessage()  # it spoke of the page left behind
        if self._opening:  # its placeholder until the first paint
            self.ui.pages.setCurrentIndex(row)
        else:
            self.ui.pages.setCurrentWidget(self.page(entry.key))
        prefs.CURRENT_PAGE.write(self.context.settings, entry.key)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        from PySide6.QtCore import Qt

        # Quit from any window of the app (the user guide's too).
        self.ui.actionQuit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        if self._prepare is not None and not self._prepare():
            self.close()
            return
        self.page(self.current_key())

    def _update_sidebar_icons(self, *_: object) -> None:
        """Icons whose selected form is drawn in HighlightedText, for the scheme in effect."""
        sidebar = self.ui.sidebar
        selected = sidebar.palette().color(QPalette.ColorRole.HighlightedText)
        side = sidebar.iconSize().width()
        for row, entry in enumerate(self._entries):
            sidebar.item(row).setIcon(selectable_icon(entry.icon, selected, (side, 2 * side)))

    # Language -------------------------------------------------------------------------------

    def set_language(self, lang: Lang) -> None:
        if self._install_language is not None:
            self._install_language(lang)
        self.context.lang = lang
        prefs.LANGUAGE.write(self.context.settings, lang)
        for action in (self.ui.actionChinese, self.ui.actionEnglish):
            action.setChecked(action.data() == lang)
        self.statusBar().clearMessage()  # written in the old language
        self._retranslate()
        self.context.hub.language_changed.emit(lang)
        from app.ui import accessibility

        for view in self._pages.values():  # names derived from the old language's texts
            accessibility.name_controls(view)

    def _retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.ui.actionQuit.setShortcuts([QKeySequence(self.tr("Ctrl+Q"))])
        self.actionSecurity.setText(self.tr("Workspace &security…"))
        for row, entry in enumerate(self._entries):
            title = QCoreApplication.translate("Pages", entry.title)
            item = self.ui.sidebar.item(row)
            item.setText(title)
            item.setToolTip(self.tr("{title} (Ctrl+{number})").format(title=title, number=row + 1))
            if entry.key in self._pages:
                self._pages[entry.key].setAccessibleName(title)
        self.ui.sidebar.setAccessibleName(self.tr("Workspaces"))
        self._fix_sidebar_width()
        self.actionGuide.setText(self.tr("&User guide"))
        self.actionWelcome.setText(self.tr("&Welcome"))
        self.menuTheme.setTitle(self.tr("&Theme"))
        for mode, text in (("system", self.tr("Follow the &system")),
                           ("light", self.tr("&Light")), ("dark", self.tr("&Dark"))):
            self.theme_actions[mode].setText(text)

    def _fix_sidebar_width(self) -> None:
        """One width for every page: the longest title with its icon, not what the page
        beside it leaves over."""
        sidebar = self.ui.sidebar
        metrics = sidebar.fontMetrics()
        widest = max((metrics.horizontalAdvance(sidebar.item(row).text())
                      for row in range(sidebar.count())), default=0)
        width = (widest + sidebar.iconSize().width() + 3 * metrics.horizontalAdvance("M")
                 + 2 * sidebar.frameWidth() + sidebar.verticalScrollBar().sizeHint().width())
        sidebar.setFixedWidth(max(SIDEBAR_MIN_WIDTH, width))

    # Status bar ---------------------------------------------------------------------------

    def show_status(self, text: str, timeout: int = 0) -> None:
        """Show a page's message; it expires (at the latest after ``status_timeout_ms``)."""
        limit = self.status_timeout_ms
        self.statusBar().showMessage(text, min(timeout, limit) if timeout > 0 else limit)

    # About, welcome, guide, state -----------------------------------------------------------

    def about_text(self) -> str:
        meta = self.context.catalogue.meta
        return self.tr(
            "<h3>WeCom Appeal &amp; Compliance Assistant {version}</h3>"
            "<p>Diagnoses WeCom account restrictions, assembles appeal packages and audits the "
            "enterprise against WeCom's usage rules, offline.</p>"
            "<p>Rule catalogue version {catalogue}<br>Source: {source}<br>"
            "Retrieved on {retrieved}</p>"
            "<p>The app restates WeCom's published rules; WeCom decides every case.</p>"
        ).format(version=__version__, catalogue=meta.version, source=meta.source_title,
                 retrieved=meta.retrieved.isoformat())

    def show_workspace_security(self) -> None:
        from app.ui.dialogs.workspace_security import show_workspace_security

        show_workspace_security(self.context.store, self)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About"), self.about_text())

    def welcome_on_first_start(self) -> bool:
        """The welcome, once: on the first start of the app (a setting remembers it)."""
        if prefs.WELCOME_SHOWN.read(self.context.settings):
            return False
        prefs.WELCOME_SHOWN.write(self.context.settings, True)
        self.show_welcome()
        return True

    def show_welcome(self) -> None:
        from app.ui.dialogs.welcome import WelcomeDialog

        dialog = WelcomeDialog(self)
        self.context.hub.language_changed.connect(dialog.retranslate)
        result = dialog.exec()
        dialog.deleteLater()
        if result == WelcomeDialog.START:
            self.show_page(self._entries[0].key)
        elif result == WelcomeDialog.GUIDE:
            self.show_user_guide()

    def user_guide(self) -> QWidget | None:
        """The open user-guide window (one at a time), created on first use."""
        from app.ui.dialogs.user_guide import GuideMissing, UserGuideDialog

        if self._guide is None or self._guide.lang != self.context.lang:
            if self._guide is not None:
                self._guide.close()
                self._guide.deleteLater()
            try:
                self._guide = UserGuideDialog(self.context.lang, self)
            except GuideMissing as exc:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, self.tr("User guide"), self.tr(
                    "This installation carries no user guide ({detail}); reinstall the "
                    "application.").format(detail=exc))
                self._guide = None
        return self._guide

    def show_user_guide(self) -> None:
        guide = self.user_guide()
        if guide is not None:
            guide.show()
            guide.raise_()
            guide.activateWindow()

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = prefs.WINDOW_GEOMETRY.read(settings)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        state = prefs.WINDOW_STATE.read(settings)
        if state is not None:
            self.restoreState(state)
        keys = [entry.key for entry in self._entries]
        saved = prefs.CURRENT_PAGE.read(settings)
        self.ui.sidebar.setCurrentRow(keys.index(saved) if saved in keys else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        prefs.WINDOW_GEOMETRY.write(self.context.settings, self.saveGeometry())
        prefs.WINDOW_STATE.write(self.context.settings, self.saveState())
        self.context.settings.sync()
        super().closeEvent(event)
