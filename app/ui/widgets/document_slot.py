"""One document slot of the appeal package: thumbnails, drop target, paste target, actions.

The slot only shows and asks; the Appeal page's DocumentsPanel reads the files and keeps them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme

THUMB = QSize(132, 100)
SLOT_STYLE = """
DocumentSlot { border: 1px solid @border; border-radius: 6px; background: palette(base); }
DocumentSlot[dropping="true"] { border: 2px dashed @accent; }
DocumentSlot:focus { border: 2px solid @accent; }
QLabel#slotMessage[level="error"] { color: @error; }
QLabel#slotMessage[level="warning"] { color: @warning; }
QLabel#slotMessage[level="info"] { color: @hint; }
QLabel#slotRequired { color: @error; }
QLabel#slotRequired[done="true"] { color: @success; }
"""


def local_files(mime) -> list[Path]:  # type: ignore[no-untyped-def]
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class DocumentSlot(QFrame):
    files_dropped = Signal(list)  # list[Path]
    image_pasted = Signal(QImage)
    add_requested = Signal()
    paste_requested = Signal()
    rotate_requested = Signal()
    crop_requested = Signal()
    remove_requested = Signal()
    undo_requested = Signal()

    def __init__(self, kind: str, multiple: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.multiple = multiple
        self.setObjectName(f"slot_{kind}")
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("dropping", False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.title = QLabel(self)
        self.title.setObjectName("slotTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.required = QLabel(self)
        self.required.setObjectName("slotRequired")
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.required)

        self.thumbnails = QListWidget(self)
        self.thumbnails.setObjectName("slotThumbnails")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setIconSize(THUMB)
        self.thumbnails.setFixedHeight(THUMB.height() + 48)
        self.thumbnails.setMinimumWidth(THUMB.width() + 24)
        self.thumbnails.setDragEnabled(False)
        self.thumbnails.setAcceptDrops(False)
        self.thumbnails.viewport().setAcceptDrops(False)
        self.thumbnails.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbnails.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.thumbnails.currentRowChanged.connect(self._update_buttons)
        self.placeholder = QLabel(self.thumbnails.viewport())
        self.placeholder.setObjectName("slotPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        theme.style(self.placeholder, "color: @hint;")

        self.message = QLabel(self)
        self.message.setObjectName("slotMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        # A column of compact buttons beside the thumbnails: two slots fit side by side.
        self.add_button = QToolButton(self)
        self.paste_button = QToolButton(self)
        self.rotate_button = QToolButton(self)
        self.crop_button = QToolButton(self)
        self.remove_button = QToolButton(self)
        self.undo_button = QToolButton(self)
        self.undo_button.hide()
        buttons = QVBoxLayout()
        buttons.setSpacing(2)
        for button, signal in ((self.add_button, self.add_requested),
                               (self.paste_button, self.paste_requested),
                               (self.rotate_button, self.rotate_requested),
                               (self.crop_button, self.crop_requested),
                               (self.remove_button, self.remove_requested),
                               (self.undo_button, self.undo_requested)):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(signal.emit)
            buttons.addWidget(button)
        buttons.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.thumbnails, 1)
        body.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(header)
        layout.addLayout(body)
        layout.addWidget(self.message)
        theme.style(self, SLOT_STYLE)
        self.retranslate("", False)

    # Content ---------------------------------------------------------------------------------

    def set_items(self, items: list[tuple[str, QIcon, str, str]], current: str | None = None
                  ) -> None:
        """(document id, thumbnail, caption, tooltip) in order; ``current`` gets selected."""
        self.thumbnails.clear()
        for doc_id, thumb, caption, tip in items:
            item = QListWidgetItem(thumb, caption)
            item.setData(Qt.ItemDataRole.UserRole, doc_id)
            item.setToolTip(tip)
            item.setSizeHint(QSize(THUMB.width() + 16, THUMB.height() + 38))
            self.thumbnails.addItem(item)
        ids = [i[0] for i in items]
        row = ids.index(current) if current in ids else len(ids) - 1
        self.thumbnails.setCurrentRow(row)
        self.placeholder.setVisible(not items)
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.thumbnails.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def count(self) -> int:
        return self.thumbnails.count()

    def show_message(self, text: str, level: str = "info") -> None:
        self.message.setProperty("level", level)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def set_undo_available(self, available: bool) -> None:
        self.undo_button.setVisible(available)

    def set_required(self, required: bool) -> None:
        self._required = required
        self._update_required()

    def _update_required(self) -> None:
        required = getattr(self, "_required", False)
        done = self.count() > 0
        self.required.setVisible(required)
        self.required.setText(self.tr("✓ Provided") if done else self.tr("Required"))
        self.required.setProperty("done", done)
        self.required.style().unpolish(self.required)
        self.required.style().polish(self.required)

    def _update_buttons(self, *_: object) -> None:
        has = self.current_id() is not None
        for button in (self.rotate_button, self.crop_button, self.remove_button):
            button.setEnabled(has)
        self._update_required()

    def set_image_actions(self, enabled: bool) -> None:
        """Rotate and crop apply to pictures, not to PDFs."""
        has = self.current_id() is not None
        self.rotate_button.setEnabled(has and enabled)
        self.crop_button.setEnabled(has and enabled)

    def retranslate(self, title: str, required: bool) -> None:
        self.title.setText(title)
        self.setAccessibleName(title)
        self.add_button.setText(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Choose a JPEG, PNG, HEIC or PDF file"))
        self.paste_button.setText(self.tr("Paste"))
        self.paste_button.setToolTip(self.tr("Paste an image from the clipboard (Ctrl+V)"))
        self.rotate_button.setText(self.tr("Rotate"))
        self.rotate_button.setToolTip(self.tr("Turn the picture 90° clockwise"))
        self.crop_button.setText(self.tr("Crop…"))
        self.remove_button.setText(self.tr("Remove"))
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Bring back the document removed last"))
        self.placeholder.setText(self.tr("Drop files here, paste with Ctrl+V, or click Add…"))
        # Seven slots show the same buttons: a screen reader says which document each is for.
        self.thumbnails.setAccessibleName(title)
        for button in (self.add_button, self.paste_button, self.rotate_button, self.crop_button,
                       self.remove_button, self.undo_button):
            button.setAccessibleName(self.tr("{action}: {document}").format(
                action=button.text().replace("&", ""), document=title))
        self.set_required(required)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.placeholder.setGeometry(self.thumbnails.viewport().rect())

    # Drag and drop, paste --------------------------------------------------------------------

    def _set_dropping(self, on: bool) -> None:
        self.setProperty("dropping", on)
        self.style().unpolish(self)
        self.style().polish(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if local_files(mime) or mime.hasImage():
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._set_dropping(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._set_dropping(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dropping(False)
        mime = event.mimeData()
        files = local_files(mime)
        if files:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.files_dropped.emit(files)
        elif mime.hasImage():
            event.accept()
            self.image_pasted.emit(QImage(mime.imageData()))
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_requested.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Delete) and self.current_id():
            self.remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)
