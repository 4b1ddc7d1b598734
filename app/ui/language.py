"""Loading the UI translations (Qt .qm files shipped in resources/i18n)."""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from app.lang import LANGS, Lang, system_lang
from app.ui import settings as prefs

log = logging.getLogger(__name__)

SETTINGS_KEY = prefs.LANGUAGE.key  # the name this module used; declared in app/ui/settings.py
QM_NAME = "wecom_appeal_{lang}.qm"
# Qt's own strings that the qtbase_zh_CN.qm shipped with PySide6 lacks (Qt 6 renamed them; the
# Chinese catalogue kept the old ones): marked here, `tools/i18n.py update` puts them in the app's
# .ts under Qt's context, and the app's translator answers for them.
QT_MISSING = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def saved_or_system_lang(settings: QSettings) -> Lang:
    value = prefs.LANGUAGE.read(settings)
    return value if value in LANGS else system_lang()


class UiLanguage:
    """Installs the translators for one language at a time; English is the source language."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self._data: list[bytes] = []  # QTranslator.load(bytes) keeps a pointer, not a copy

    @property
    def translators(self) -> tuple[QTranslator, ...]:
        return tuple(self._translators)

    def install(self, lang: Lang) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators.clear()
        self._data.clear()
        QLocale.setDefault(QLocale(lang))
        if lang == "en":
            return
        from importlib import resources

        qm = resources.files("app.resources") / "i18n" / QM_NAME.format(lang=lang)
        try:
            data = qm.read_bytes()
        except FileNotFoundError:
            log.warning("No UI translation %s; run `python tools/i18n.py release`", qm.name)
            return
        self._load(data, f"app {lang}")
        # Qt's own strings (file dialogs, standard buttons) when the Qt build ships them.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(self._app)
        if translator.load(QLocale(lang), "qtbase", "_", qt_dir):
            self._app.installTranslator(translator)
            self._translators.append(translator)

    def _load(self, data: bytes, what: str) -> None:
        translator = QTranslator(self._app)
        if not translator.load(data):
            log.warning("Could not load the %s translation", what)
            return
        self._data.append(data)
        self._app.installTranslator(translator)
        self._translators.append(translator)


class StretchTranslator(QTranslator):
    """Lengthens every UI string by a factor (as Vorta's TRANS_SCALE), so tight layouts show:
    German or a long Chinese phrase must not clip a label. Installed last, it asks ``inner``
    (the translators of the current language) first and lengthens what they give."""

    def __init__(self, factor: float, inner: list[QTranslator] | tuple[QTranslator, ...],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factor = factor
        self.inner = list(inner)

    def isEmpty(self) -> bool:
        return False

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        text = source
        for translator in self.inner:
            found = translator.translate(context, source, disambiguation, n)
            if found:
                text = found
                break
        # Rich text and shortcuts stay as they are; they would stop working.
        if not text or text.startswith("<") or text.startswith("Ctrl+"):
            return text
        extra = int(len(text) * (self.factor - 1))
        return text + (" " + "~" * (extra - 1) if extra > 1 else "")
