"""Help → User guide: the bundled guide (docs/en, docs/zh_CN: Markdown with screenshots) read
inside the app, offline. The guide is package data ``app.docs`` (pyproject.toml maps docs/
there; the PyInstaller spec carries it), so installed and frozen builds have it too."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import Lang


class GuideMissing(Exception):
    """The installation carries no user guide (a broken or partial install)."""


def guide_folder() -> Path:
    """The folder holding en/, zh_CN/ and images/ of the installed guide."""
    try:
        root = resources.files("app.docs")
    except ModuleNotFoundError as exc:
        raise GuideMissing(str(exc)) from exc
    folder = Path(str(root))
    if not (folder / "en" / "index.md").is_file():
        raise GuideMissing(str(folder))
    return folder


def guide_index(lang: Lang) -> Path:
    folder = guide_folder()
    index = folder / lang / "index.md"
    return index if index.is_file() else folder / "en" / "index.md"


class GuideBrowser(QTextBrowser):
    """Relative links between guide pages stay inside; web links open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)

    def loadResource(self, kind: int, name: QUrl) -> object:
        """Screenshots scaled down to the page's width: no sideways scrolling to see them."""
        data = super().loadResource(kind, name)
        if kind != QTextDocument.ResourceType.ImageResource.value or data is None:
            return data
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        room = self.viewport().width() - 2 * int(self.document().documentMargin()) - 4
        if not self.verticalScrollBar().isVisible():  # it will be, once the page is laid out
            room -= self.verticalScrollBar().sizeHint().width()
        if image.isNull() or room <= 0 or image.width() <= room:
            return data
        return image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.source().resolved(url)
        if target.isLocalFile() and not Path(target.toLocalFile()).is_file():
            return  # a link to something the guide does not ship (e.g. the README)
        if url.hasFragment() and target.adjusted(QUrl.UrlFormattingOption.RemoveFragment) == \
                self.source().adjusted(QUrl.UrlFormattingOption.RemoveFragment):
            self.scrollToAnchor(url.fragment())
            return
        self.setSource(target, QTextDocument.ResourceType.MarkdownResource)


class UserGuideDialog(QDialog):
    def __init__(self, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.lang = lang
        self.resize(860, 640)
        layout = QVBoxLayout(self)
        self.browser = GuideBrowser(self)
        layout.addWidget(self.browser, 1)
        row = QHBoxLayout()
        self.back_button = QPushButton(self, objectName="guideBack")
        self.home_button = QPushButton(self, objectName="guideHome")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.home_button.clicked.connect(self.show_index)
        self.back_button.setEnabled(False)
        self.retranslate()
        self.show_index()

    def show_index(self) -> None:
        index = guide_index(self.lang)
        self.browser.setSearchPaths([str(index.parent), str(index.parent.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(index)),
                               QTextDocument.ResourceType.MarkdownResource)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))
        self.back_button.setText(self.tr("&Back"))
        self.home_button.setText(self.tr("&Contents"))
