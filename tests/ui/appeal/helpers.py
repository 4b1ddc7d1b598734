"""Pictures and PDFs made by the Appeal page tests, drops as a file manager sends them, and
the answers the page gets from its dialogs."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.appeal.profile import Profile
from app.ui.workers import SynchronousRunner

from ..store_fakes import ADMIN_ID_NUMBER, CREDIT_CODE, ID_NUMBER


def make_picture(path: Path, size: tuple[int, int] = (1600, 1000), fmt: str = "JPEG",
                 colour: tuple[int, int, int] = (200, 215, 235)) -> Path:
    """A document-like picture: a tinted card with dark bars where the text would be; a red
    mark in the top-left corner so that turns and crops can be seen in the pixels."""
    img = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(img)
    w, h = size
    for i, y in enumerate(range(h // 6, h - h // 8, max(12, h // 9))):
        draw.rectangle((w // 12, y, w // 12 + (w // 2 if i % 2 else w * 2 // 3), y + h // 30),
                       fill=(40, 50, 70))
    draw.rectangle((0, 0, w // 5, h // 5), fill=(220, 30, 30))
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, fmt)
    return path


def make_pdf(path: Path, pages: int = 2) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for number in range(pages):
        canvas.drawString(72, 720, f"Evidence page {number + 1}")
        canvas.showPage()
    canvas.save()
    return path


def truncated_jpeg(path: Path) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (90, 120, 160)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])
    return path


def sample_profile() -> Profile:
    return Profile.model_validate({
        "company_name": "深圳市示例科技有限公司", "credit_code": CREDIT_CODE,
        "corp_id": "ww0123456789abcdef",
        "legal_person": {"name": "张三", "id_number": ID_NUMBER},
        "administrator": {"name": "李四", "id_number": ADMIN_ID_NUMBER, "phone": "13800138000"}})


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop(widget, mime: QMimeData) -> QDropEvent:  # type: ignore[no-untyped-def]
    """Drag ``mime`` over ``widget`` and drop it, as Qt delivers a drop from a file manager."""
    pos = QPointF(widget.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted(), "the slot refused the drag"
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    return event


@dataclass
class Answers:
    """What the page asked the user (file dialogs, confirmations) and what it was told."""

    save_pdf: str = ""
    folder: str = ""
    confirm: bool = True
    crop: tuple | None = None
    print_to: str = ""  # Qt's print dialog answered "print to this PDF file"; "" cancels it
    asked: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)
    dialogs: list = field(default_factory=list)  # dialogs the page would have run (exec)

    def kwargs(self) -> dict:
        return {
            "runner": SynchronousRunner(),
            "ask_save_pdf": lambda parent, caption, suggested: self._ask("save", self.save_pdf),
            "ask_folder": lambda parent, caption, suggested: self._ask("folder", self.folder),
            "confirm": lambda parent, title, text: self._ask(f"confirm: {text}", self.confirm),
            "ask_crop": lambda parent, image, current: self._ask("crop", self.crop),
            "ask_open_files": lambda parent, caption, filters: [],
            "open_url": lambda url: bool(self.opened.append(url.toLocalFile())) or True,
            "ask_print": self.ask_print,
            "show_dialog": lambda dialog: self.dialogs.append(dialog),
        }

    def ask_print(self, parent, printer) -> bool:  # type: ignore[no-untyped-def]
        from PySide6.QtPrintSupport import QPrinter

        self.asked.append("print")
        if self.print_to:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(self.print_to)
        return bool(self.print_to)

    def _ask(self, what: str, answer):  # type: ignore[no-untyped-def]
        self.asked.append(what)
        return answer
