"""A PDF's first page, drawn in the app (the renderer hook of app.ui.context), with buttons to
open it in the system's PDF viewer and to print it through Qt's print dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.appeal.render import RenderError
from app.i18n import Lang
from app.ui import accessibility
from app.ui.pages.appeal_print import PageImages, PdfPrinter

PREVIEW_DPI = 110  # a little above a screen's, so the scaled page stays crisp
# (the dialog) -> whatever exec() returns; tests record the dialog instead of running it
ShowDialog = Callable[[QDialog], Any]


def exec_dialog(dialog: QDialog) -> Any:
    return dialog.exec()


class PdfPreviewDialog(QDialog):
    """Page one of ``path`` as a picture; ``page_image`` and ``page_count`` for the tests."""

    def __init__(self, path: Path, page_images: PageImages, printer: PdfPrinter,
                 open_url: Callable[[QUrl], bool], lang: Lang, *, note: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.path = path
        self.printer = printer
        self._open_url = open_url
        self.lang = lang
        self.note = note
        self.page_image: QImage | None = None
        self.page_count = 0
        self.setWindowTitle(self.tr("Preview: {name}").format(name=path.name))

        self.pageLabel = QLabel(self)
        self.pageLabel.setObjectName("pageLabel")
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pageLabel.setWordWrap(True)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("pageScroll")
        self.scroll.setWidget(self.pageLabel)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Mid)  # the paper stands out
        self.captionLabel = QLabel(self)
        self.captionLabel.setObjectName("captionLabel")
        self.captionLabel.setWordWrap(True)
        self.captionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttonBox = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.openButton = QPushButton(self.tr("&Open in PDF viewer"), self)
        self.openButton.setObjectName("openButton")
        self.openButton.setToolTip(self.tr("Every page, in the PDF viewer of your system"))
        self.printButton = QPushButton(self.tr("&Print…"), self)
        self.printButton.setObjectName("printButton")
        self.buttonBox.addButton(self.openButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttonBox.addButton(self.printButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttonBox.rejected.connect(self.reject)
        self.openButton.clicked.connect(self.open_in_viewer)
        self.printButton.clicked.connect(self.print_pdf)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.captionLabel)
        layout.addWidget(self.buttonBox)
        self._show_first_page(page_images)
        accessibility.watch(self)

    def _box(self) -> QSize:
        """The size the page is fitted to: most of the screen's height, A4-shaped."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        height = 820
        if screen is not None:
            height = max(360, min(height, screen.availableGeometry().height() - 260))
        return QSize(round(height * 0.75), height)

    def _show_first_page(self, page_images: PageImages) -> None:
        counted: list[int] = []
        ratio = self.devicePixelRatioF()
        try:
            pages = page_images(str(self.path), round(PREVIEW_DPI * ratio),
                                progress=lambda done, total, _m: counted.append(total))
            try:
                self.page_image = next(iter(pages), None)
            finally:
                close = getattr(pages, "close", None)
                if close is not None:
                    close()
        except (RenderError, OSError, ImportError) as exc:
            message = exc.message(self.lang) if isinstance(exc, RenderError) else str(exc)
            self.pageLabel.setText(message)
            self.scroll.setAccessibleName(message)
            self.captionLabel.setText(self.tr("The page cannot be shown here; your PDF viewer "
                                              "may still open it."))
            self.printButton.setEnabled(False)
            self.resize(520, 320)
            return
        self.page_count = counted[0] if counted else int(self.page_image is not None)
        if self.page_image is None:
            self.pageLabel.setText(self.tr("The PDF has no pages."))
            self.scroll.setAccessibleName(self.pageLabel.text())
            self.printButton.setEnabled(False)
            return
        box = self._box()
        pixmap = QPixmap.fromImage(self.page_image).scaled(
            box * ratio, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(ratio)
        self.pageLabel.setPixmap(pixmap)
        self.scroll.setAccessibleName(self.tr("Page 1 of {name}").format(name=self.path.name))
        caption = [self.note] if self.note else []
        if self.page_count > 1:
            caption.insert(0, self.tr("Page 1 of {count}. Open the PDF in your viewer to see "
                                      "every page; Print… prints them all.").format(
                count=self.page_count))
        self.captionLabel.setText(" ".join(caption))
        self.captionLabel.setVisible(bool(caption))
        logical = pixmap.deviceIndependentSize().toSize()
        self.resize(max(logical.width() + 60, 480), logical.height() + 130)

    def open_in_viewer(self) -> None:
        self._open_url(QUrl.fromLocalFile(str(self.path)))

    def print_pdf(self) -> None:
        outcome = self.printer.print_pdf(self, self.path)
        if outcome.message:
            self.captionLabel.setText(outcome.message)
