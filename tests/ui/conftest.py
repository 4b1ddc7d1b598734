"""GUI tests run offscreen; set WECOM_GUI_TESTS_ON_SCREEN=1 to watch them on a real display.

Each test gets a fresh window, fresh settings in tmp_path and English unless it switches.
Fakes go in through constructor arguments (AppContext, DiagnosePage(ask_save_path=...)).
"""

from __future__ import annotations

import os

if not os.environ.get("WECOM_GUI_TESTS_ON_SCREEN"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest
from PySide6.QtCore import QSettings
from shared_fakes import MemoryKeyring

from app.ui.audit_service import ApiCredentials, AuditService, WorkspaceArchive
from app.ui.context import AppContext, RulesService

from .fakes import fake_catalogue, fake_classify, fake_diagnose, fake_render_text
from .store_fakes import make_store_service


@pytest.fixture(scope="session", autouse=True)
def _cjk_font(qapp):
    from app.ui.fonts import ensure_cjk_font

    ensure_cjk_font()


@pytest.fixture
def ui_language(qapp):
    from app.ui.language import UiLanguage

    language = UiLanguage(qapp)
    yield language
    language.install("en")


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def catalogue():
    from app.rules.catalogue import load_catalogue

    return load_catalogue()


@pytest.fixture
def audit_service(tmp_path) -> AuditService:
    """The real audit core over a workspace in tmp_path, with a keyring kept in a dict."""
    service = AuditService(archive=WorkspaceArchive(tmp_path / "workspace"),
                           credentials=ApiCredentials(MemoryKeyring()))
    yield service
    service.archive.close()


@pytest.fixture(autouse=True)
def _private_workspace(tmp_path, monkeypatch):
    """Nothing a test opens by default reaches the user's workspace or keyring."""
    monkeypatch.setenv("WECOM_APPEAL_HOME", str(tmp_path / "default-home"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("WECOM_APPEAL_PASSPHRASE", raising=False)


@pytest.fixture
def store(tmp_path):
    """The workspace in tmp_path, an in-memory keyring, a passphrase vault set up unasked."""
    service = make_store_service(tmp_path / "workspace")
    yield service
    service.close()


@pytest.fixture
def context(catalogue, settings, audit_service, store) -> AppContext:
    """The real catalogue, engine and classifier."""
    return AppContext(catalogue=catalogue, settings=settings, lang="en", audit=audit_service,
                      store=store)


@pytest.fixture
def fake_context(settings, audit_service, store) -> AppContext:
    return AppContext(catalogue=fake_catalogue(), settings=settings, lang="en",
                      rules=RulesService(diagnose=fake_diagnose, render_text=fake_render_text,
                                         classify_notice=fake_classify),
                      audit=audit_service, store=store)


@pytest.fixture
def make_window(qtbot, ui_language):
    from app.ui.main_window import MainWindow

    def make(context: AppContext) -> MainWindow:
        window = MainWindow(context, install_language=ui_language.install)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture
def window(make_window, context):
    return make_window(context)


@pytest.fixture
def back_to_light(qapp):
    """For tests that switch the theme: the next test starts from the system's (light) one."""
    yield
    from app.ui import theme

    reset = theme.Theme(qapp)
    reset.set_mode("system")
    reset.deleteLater()
