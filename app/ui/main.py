"""Starting the GUI: ``wecom-appeal`` without arguments calls ``run_gui()``."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app import startup
from app.ui.context import AppContext
from app.ui.fonts import ensure_cjk_font
from app.ui.icons import icon
from app.ui.language import UiLanguage, saved_or_system_lang

log = logging.getLogger(__name__)

ORGANIZATION = "wecom-appeal"
APPLICATION = "WeCom Appeal & Compliance Assistant"


def run_gui(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(icon("app.svg"))
    # Wayland matches windows to packaging/linux/*.desktop (and its icon) by this name.
    app.setDesktopFileName("io.github.wecomappeal.WeComAppeal")
    ensure_cjk_font()

    settings = QSettings()
    language = UiLanguage(app)
    lang = saved_or_system_lang(settings)
    language.install(lang)

    from app.ui.main_window import MainWindow

    context = AppContext(settings=settings, lang=lang)
    failed = False

    def load_catalogue() -> bool:
        """After the first paint: the rule catalogue, before the first page needs it."""
        nonlocal failed
        from app.rules.catalogue import CatalogueError

        try:
            context.catalogue  # noqa: B018 (loads it)
        except CatalogueError as exc:
            from PySide6.QtWidgets import QMessageBox

            log.error("The rule catalogue cannot be loaded: %s", exc)
            QMessageBox.critical(None, APPLICATION,
                                 f"The rule catalogue cannot be loaded:\n{exc}")
            failed = True
            return False
        finally:
            # The window, its first frame and the catalogue are in: the collector runs as usual.
            startup.start_up_done()
        QTimer.singleShot(0, window.welcome_on_first_start)  # once the first page is there
        return True

    window = MainWindow(context, install_language=language.install, prepare=load_catalogue)
    window.show()
    status = app.exec()
    # Quit: running work is cancelled and waited for, then the workspace is closed.
    from app.ui.workers import shutdown

    if not shutdown():
        log.warning("background work was still running at exit")
    context.close()
    return 2 if failed else status
