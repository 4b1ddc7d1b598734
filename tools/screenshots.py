"""Screenshots of every page, in Chinese and English, under offscreen Qt.

    python tools/screenshots.py [--out out/screenshots] [--lang zh_CN --lang en] [--stretch 1.4]

Walks the Diagnose flow to its result (a member's first rule-1 violation and an enterprise
appeal), opens the other workspaces and the About box, and saves each as PNG. Settings go to
a temporary folder, never the user's.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, QSettings, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from app.i18n import LANGS, Lang  # noqa: E402
from app.rules.catalogue import load_catalogue  # noqa: E402
from app.ui.context import AppContext  # noqa: E402
from app.ui.fonts import ensure_cjk_font  # noqa: E402
from app.ui.language import UiLanguage  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.pages.diagnose import DiagnosePage  # noqa: E402
from app.ui.pages.rules import RulesPage  # noqa: E402

SIZE = (1100, 720)
NOTICE = {
    "zh_CN": "您好，您企业的成员账号因频繁向客户发送营销广告，被多位用户投诉，"
             "现已被短期禁止使用互通功能。管理员可在管理后台申请解封。",
    "en": "This member account was reported by several users for frequently sending marketing "
          "messages and is temporarily restricted from using the interop functions.",
}
SEARCH = {"zh_CN": "骚扰", "en": "harass"}


class StretchTranslator(QTranslator):
    """Lengthens every UI string by a factor (as Vorta's TRANS_SCALE), so tight layouts show."""

    def __init__(self, factor: float, inner: list[QTranslator], parent: QObject) -> None:
        super().__init__(parent)
        self.factor = factor
        self.inner = inner

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
        if not text or text.startswith("<") or text == "Ctrl+Q":
            return text
        extra = int(len(text) * (self.factor - 1))
        return text + (" " + "~" * (extra - 1) if extra > 1 else "")


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def shoot(app: QApplication, widget: QWidget, path: Path) -> Path:
    settle(app)
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def walk(app: QApplication, window: MainWindow, lang: Lang, out: Path) -> list[Path]:
    shots: list[Path] = []

    def snap(name: str, widget: QWidget | None = None) -> None:
        shots.append(shoot(app, widget or window, out / f"{lang}-{len(shots) + 1:02d}-{name}.png"))

    diagnose = window.show_page("diagnose")
    assert isinstance(diagnose, DiagnosePage)
    snap("diagnose-1-restriction")
    for question, value in (("account", "member"), ("scope", "interop"),
                            ("duration", "temporary")):
        diagnose.set_answer(question, value)
    diagnose.next_step()
    diagnose.ui.noticeEdit.setPlainText(NOTICE[lang])
    diagnose.update_hint()
    snap("diagnose-2-notice")
    diagnose.next_step()
    diagnose.set_answer("self_unblock_offered", True)
    snap("diagnose-3-history")
    diagnose.next_step()
    snap("diagnose-4-result-member")

    diagnose.start_over()
    for question, value in (("account", "enterprise"), ("scope", "account"),
                            ("duration", "unknown")):
        diagnose.set_answer(question, value)
    diagnose.next_step()
    diagnose.next_step()
    diagnose.ui.wrongfulCheck.setChecked(True)
    diagnose.next_step()
    snap("diagnose-4-result-enterprise")
    diagnose.ui.resultScroll.verticalScrollBar().setValue(
        diagnose.ui.resultScroll.verticalScrollBar().maximum())
    snap("diagnose-4-result-enterprise-end")

    for key in ("appeal", "audit"):
        window.show_page(key)
        snap(key)
    rules = window.show_page("rules")
    assert isinstance(rules, RulesPage)
    snap("rules")
    rules.ui.searchEdit.setText(SEARCH[lang])
    rules.ui.tree.setCurrentItem(rules._items["violation:harassment"])
    snap("rules-search")
    rules.ui.searchEdit.clear()
    rules.ui.tree.setCurrentItem(rules._items["step:R1:2"])
    snap("rules-ladder")

    about = QMessageBox(QMessageBox.Icon.NoIcon, window.tr("About"), window.about_text(),
                        QMessageBox.StandardButton.Ok, window)
    about.show()
    snap("about", about)
    about.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("--stretch", type=float, default=1.0,
                        help="lengthen every UI string by this factor, e.g. 1.4")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not ensure_cjk_font():
        print("warning: no CJK font, Chinese screenshots will show boxes", file=sys.stderr)
    language = UiLanguage(app)
    catalogue = load_catalogue()
    with tempfile.TemporaryDirectory() as tmp:
        for lang in args.lang or list(LANGS):
            language.install(lang)
            stretch = None
            if args.stretch != 1.0:
                stretch = StretchTranslator(args.stretch, list(language.translators), app)
                app.installTranslator(stretch)
            settings = QSettings(str(Path(tmp) / f"{lang}.ini"), QSettings.Format.IniFormat)
            window = MainWindow(AppContext(catalogue=catalogue, settings=settings, lang=lang),
                                install_language=language.install)
            window.resize(*SIZE)
            window.show()
            walk(app, window, lang, args.out)
            window.close()
            window.deleteLater()
            if stretch is not None:
                app.removeTranslator(stretch)
            settle(app)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
