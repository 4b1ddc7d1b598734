"""Layouts survive long strings: every UI string 1.3 times as long (as a longer translation
would be), each page with data at the default window size, in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget

from app.ui.language import StretchTranslator
from app.ui.pages import PAGES

from .stretch import clipped
from .test_accessibility import with_data

FACTOR = 1.3
DEFAULT_SIZE = (1100, 720)  # MainWindow._restore_state without saved geometry


@pytest.fixture
def stretched(qapp, ui_language):
    def install(lang: str) -> None:
        ui_language.install(lang)
        translator = StretchTranslator(FACTOR, ui_language.translators, qapp)
        qapp.installTranslator(translator)
        installed.append(translator)

    installed: list[StretchTranslator] = []
    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


def test_the_stretch_translator_lengthens_ui_strings(stretched, qapp):
    from PySide6.QtCore import QCoreApplication

    stretched("en")
    text = QCoreApplication.translate("DiagnosePage", "What is restricted")
    assert text.startswith("What is restricted ~") and len(text) >= 1.25 * len(
        "What is restricted")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_label_is_clipped_at_the_default_size(stretched, lang, context, make_window,
                                                 tmp_path, qtbot):
    stretched(lang)
    context.lang = lang
    window = make_window(context)
    window.resize(*DEFAULT_SIZE)
    with_data(window, tmp_path)
    problems = []
    for entry in PAGES:
        page = window.show_page(entry.key)
        tab_widgets = page.findChildren(QTabWidget)
        for tabs in tab_widgets or [None]:
            for index in range(tabs.count() if tabs else 1):
                if tabs:
                    tabs.setCurrentIndex(index)
                qtbot.wait(5)
                problems += [f"{entry.key}: {p}" for p in clipped(window)]
        hint = window.minimumSizeHint()
        if hint.width() > DEFAULT_SIZE[0] or hint.height() > DEFAULT_SIZE[1]:
            problems.append(f"{entry.key}: the window needs {hint.width()}×{hint.height()}")
    assert sorted(set(problems)) == []
