"""Printing a PDF (the bundle, the authorisation letter) through Qt's print dialog.

The pages come from the renderer hook (app.ui.context.AppealService.page_images: pdfium through
app.appeal.render) one at a time, on the main thread behind a window-modal progress dialog with
Cancel; once all are drawn they are painted on the printer, each fitted to the paper. Nothing
here shows a message box: the caller shows the outcome where it fits (a label, the preview's
caption).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.appeal.render import RenderError
from app.i18n import Lang
from app.ui.workers import Cancelled, CancelToken

# (parent, printer) -> True when the user chose to print
AskPrint = Callable[[QWidget, Any], bool]
# (pdf_path, dpi, progress=None, cancel=None) -> a QImage per page
PageImages = Callable[..., Iterator[QImage]]

# Enough for text and scans on paper; a 1200 dpi printer would only make the job bigger.
MAX_PRINT_DPI = 300
# The pages wait as JPEG between drawing and printing: a 300 dpi A4 page is 25 MB as pixels and
# about 1 MB like this, with no loss a printer shows.
PRINT_JPEG_QUALITY = 92


def ask_print(parent: QWidget, printer: Any) -> bool:
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


@dataclass
class PrintOutcome:
    status: Literal["printed", "declined", "cancelled", "failed"]
    pages: int = 0
    message: str = ""  # for the user; empty when the user declined


def fitted(image: QImage, page: QRect) -> QRect:
    """Where ``image`` goes on ``page``: as large as fits, aspect kept, centred."""
    size = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(page.x() + (page.width() - size.width()) // 2,
                 page.y() + (page.height() - size.height()) // 2, size.width(), size.height())


def upright_for(image: QImage, page: QRect) -> QImage:
    """A landscape page on portrait paper (or the other way) turned a quarter, as PDF viewers
    print it, so it fills the sheet instead of a strip of it."""
    if (image.width() > image.height()) == (page.width() > page.height()):
        return image
    return image.transformed(QTransform().rotate(90))


class PdfPrinter(QObject):
    """Prints a PDF's pages through the renderer hook; ``available`` is False without one."""

    def __init__(self, page_images: PageImages | None, lang: Callable[[], Lang], *,
                 ask_print: AskPrint = ask_print, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.page_images = page_images
        self.lang = lang
        self._ask_print = ask_print

    @property
    def available(self) -> bool:
        return self.page_images is not None

    def print_pdf(self, parent: QWidget, path: Path) -> PrintOutcome:
        """Qt's print dialog, then every page drawn as an image fitted to the paper.

        All pages are drawn (and kept as JPEG) before the print job starts: Qt cannot abort a
        job on Linux (QPrinter.abort() is unsupported by its PDF and CUPS engines), so Cancel
        and a damaged PDF must stop before the first page reaches the printer.
        """
        from PySide6.QtPrintSupport import QPrinter

        assert self.page_images is not None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.name)
        if not self._ask_print(parent, printer):
            return PrintOutcome("declined")
        progress = QProgressDialog(self.tr("Preparing {name}…").format(name=path.name),
                                   self.tr("Cancel"), 0, 0, parent)
        progress.setWindowTitle(self.tr("Printing"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        try:
            pages = self._prepare(path, min(printer.resolution(), MAX_PRINT_DPI), progress)
            if isinstance(pages, PrintOutcome):
                return pages
            return self._paint(printer, pages, progress)
        finally:
            progress.close()
            progress.deleteLater()

    def _prepare(self, path: Path, dpi: int, progress: QProgressDialog
                 ) -> list[QByteArray] | PrintOutcome:
        """Every page drawn and compressed, or why not (cancelled, damaged)."""
        assert self.page_images is not None
        cancel = CancelToken()

        def report(done: int, total: int, _message: object) -> None:
            if progress.wasCanceled():
                cancel.set()
                return
            progress.setMaximum(max(2 * total, 1))  # drawing, then sending to the printer
            if done < total:
                progress.setLabelText(self.tr("Preparing page {page} of {total}…").format(
                    page=done + 1, total=total))
            progress.setValue(done)

        prepared: list[QByteArray] = []
        pages = self.page_images(str(path), dpi, progress=report, cancel=cancel)
        try:
            for image in pages:
                if progress.wasCanceled():
                    raise Cancelled()
                data = QByteArray()
                buffer = QBuffer(data)
                buffer.open(QIODevice.OpenModeFlag.WriteOnly)
                if not image.save(buffer, "JPEG", PRINT_JPEG_QUALITY):
                    raise OSError(self.tr("A page could not be prepared for the printer."))
                prepared.append(data)
        except Cancelled:
            return PrintOutcome("cancelled", 0, self.tr("Printing cancelled; nothing was sent "
                                                        "to the printer."))
        except RenderError as exc:
            return PrintOutcome("failed", 0, exc.message(self.lang()))
        except (OSError, ImportError) as exc:
            return PrintOutcome("failed", 0, str(exc))
        finally:
            close = getattr(pages, "close", None)
            if close is not None:
                close()
        if progress.wasCanceled():  # pressed while the last page was drawn
            return PrintOutcome("cancelled", 0, self.tr("Printing cancelled; nothing was sent "
                                                        "to the printer."))
        return prepared

    def _paint(self, printer: Any, pages: list[QByteArray],
               progress: QProgressDialog) -> PrintOutcome:
        """The prepared pages on the printer; quick, so no longer cancellable."""
        progress.setCancelButton(None)
        progress.setMaximum(max(2 * len(pages), 1))
        painter = QPainter()
        if not pages:
            return PrintOutcome("failed", 0, self.tr("The PDF has no pages to print."))
        if not painter.begin(printer):
            return PrintOutcome("failed", 0, self.tr(
                "The printer could not be started. Check it in the print dialog, or open the "
                "PDF in your viewer and print from there."))
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for number, data in enumerate(pages):
                progress.setLabelText(self.tr("Sending page {page} of {total} to the "
                                              "printer…").format(page=number + 1,
                                                                  total=len(pages)))
                progress.setValue(len(pages) + number)
                if number and not printer.newPage():
                    return PrintOutcome("failed", number, self.tr(
                        "The printer refused a new page."))
                image = upright_for(QImage.fromData(data, "JPEG"), painter.viewport())
                painter.drawImage(fitted(image, painter.viewport()), image)
        finally:
            painter.end()
        return PrintOutcome("printed", len(pages), self.tr(
            "Pages sent to the printer: {count}.").format(count=len(pages)))
