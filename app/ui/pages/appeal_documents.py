"""The document slots of the Appeal page: intake, thumbnails, rotate, crop, remove and undo.

Every file goes through the core's intake (app.appeal.intake.read_document): a refused file
leaves its message in its slot and changes nothing else.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QScrollArea

from app.appeal.documents import ROUTE_SLOTS, SLOT_ORDER, SLOT_TITLES, PackageDocument
from app.appeal.intake import (
    LOW_RES_LONG_SIDE,
    Edits,
    IntakeError,
    SourceDocument,
    open_image,
    read_document,
)
from app.i18n import Lang
from app.store.errors import StoreError
from app.ui import accessibility
from app.ui.dialogs.image_edit import Fractions
from app.ui.pages.appeal_prompts import AskCrop, AskOpenFiles, ask_crop, ask_open_files
from app.ui.pages.appeal_store import NoCaseStore, PackageStore, StoredDocument
from app.ui.widgets.document_slot import THUMB, DocumentSlot

MULTIPLE = frozenset({"notice_screenshot", "evidence"})
Message = Callable[[], str]


def to_qimage(img: Image.Image) -> QImage:
    rgb = img.convert("RGB")
    data = rgb.tobytes()
    return QImage(data, rgb.width, rgb.height, 3 * rgb.width,
                  QImage.Format.Format_RGB888).copy()


def rotate_crop(crop: Fractions | None) -> Fractions | None:
    """The same region after a quarter turn clockwise: (x, y) -> (1 - y, x)."""
    if crop is None:
        return None
    left, top, right, bottom = crop
    return (1 - bottom, left, 1 - top, right)


def pdf_icon(pages: int) -> QIcon:
    pixmap = QPixmap(THUMB)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    sheet = QRect(THUMB.width() // 2 - 34, 4, 68, THUMB.height() - 8)
    painter.fillRect(sheet, QColor("#ffffff"))
    painter.setPen(QColor("#9ca3af"))
    painter.drawRect(sheet)
    painter.setPen(QColor("#b91c1c"))
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSize(13)
    painter.setFont(font)
    painter.drawText(sheet, Qt.AlignmentFlag.AlignCenter, f"PDF\n{pages} p.")
    painter.end()
    return QIcon(pixmap)


@dataclass
class Entry:
    stored: StoredDocument
    source: SourceDocument
    thumb: QIcon | None = None

    @property
    def edits(self) -> Edits | None:
        return self.stored.edits


@dataclass
class SlotState:
    entries: list[Entry] = field(default_factory=list)
    trash: list[Entry] = field(default_factory=list)
    message: tuple[Message, str] | None = None


class DocumentsPanel(QObject):
    """Owns the slots and their documents; the page reads ``documents()`` and ``missing()``."""

    changed = Signal()

    def __init__(self, grid: QGridLayout, lang: Callable[[], Lang],
                 ask_open_files: AskOpenFiles = ask_open_files, ask_crop: AskCrop = ask_crop,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._ask_open_files = ask_open_files
        self._ask_crop = ask_crop
        self.store: PackageStore = NoCaseStore()
        self.required: set[str] = set()
        self.states = {kind: SlotState() for kind in SLOT_ORDER}
        self.slots: dict[str, DocumentSlot] = {}
        host = grid.parentWidget()
        for index, kind in enumerate(SLOT_ORDER):
            slot = DocumentSlot(kind, kind in MULTIPLE, host)
            grid.addWidget(slot, index // 2, index % 2, Qt.AlignmentFlag.AlignTop)
            self.slots[kind] = slot
            slot.files_dropped.connect(lambda paths, k=kind: self.add_files(k, paths))
            slot.image_pasted.connect(lambda image, k=kind: self.add_image(k, image))
            slot.add_requested.connect(lambda k=kind: self.choose_files(k))
            slot.paste_requested.connect(lambda k=kind: self.paste(k))
            slot.rotate_requested.connect(lambda k=kind: self.rotate(k))
            slot.crop_requested.connect(lambda k=kind: self.crop(k))
            slot.remove_requested.connect(lambda k=kind: self.remove(k))
            slot.undo_requested.connect(lambda k=kind: self.undo(k))
        grid.setRowStretch(len(SLOT_ORDER) // 2 + 1, 1)  # slots keep their height
        # Tab visits the slots where they are drawn: after their tab, before the side panel.
        scroll = host
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:
            accessibility.tab_after(scroll, list(self.slots.values()))
        self.retranslate()

    # Store, route ----------------------------------------------------------------------------

    def set_store(self, store: PackageStore) -> None:
        """Show ``store``'s documents; the previous store is closed."""
        old, self.store = self.store, store
        if old is not store:
            old.close()
        self.states = {kind: SlotState() for kind in SLOT_ORDER}
        for stored in store.load():
            try:
                source = read_document(stored.path, verify=False)
            except IntakeError as exc:
                self._say(stored.kind, lambda e=exc: e.message(self._lang()), "error")
                continue
            self.states[stored.kind].entries.append(Entry(stored, source))
        for kind in SLOT_ORDER:
            self._refresh(kind)
        self.changed.emit()

    def set_required(self, document_kinds: list[str]) -> None:
        """The diagnosis names document kinds; an ID card is two slots (front and back)."""
        self.required = {slot for kind in document_kinds for slot in ROUTE_SLOTS.get(kind, (kind,))}
        self.retranslate()

    def documents(self) -> list[PackageDocument]:
        return [PackageDocument(kind=kind, path=e.stored.path, edits=e.edits)
                for kind in SLOT_ORDER for e in self.states[kind].entries]

    def missing(self) -> list[str]:
        return [kind for kind in SLOT_ORDER
                if kind in self.required and not self.states[kind].entries]

    def first_image(self, kinds: tuple[str, ...]) -> Entry | None:
        for kind in kinds:
            for entry in self.states[kind].entries:
                if not entry.source.is_pdf:
                    return entry
        return None

    # Adding ----------------------------------------------------------------------------------

    def choose_files(self, kind: str) -> None:
        slot = self.slots[kind]
        filters = self.tr("Documents (*.jpg *.jpeg *.png *.heic *.heif *.pdf);;All files (*)")
        paths = self._ask_open_files(slot, self.tr("Add a document"), filters)
        if paths:
            self.add_files(kind, [Path(p) for p in paths])

    def paste(self, kind: str) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime else []
        if files:
            self.add_files(kind, files)
        elif mime is not None and mime.hasImage():
            self.add_image(kind, QImage(mime.imageData()))
        else:
            self._say(kind, lambda: self.tr("The clipboard holds no picture or file to paste."),
                      "error")
            self._refresh(kind)

    def add_image(self, kind: str, image: QImage) -> None:
        if image.isNull():
            self._say(kind, lambda: self.tr("The pasted picture is empty."), "error")
            self._refresh(kind)
            return
        path = self.store.scratch_dir() / f"pasted-{secrets.token_hex(4)}.png"
        image.save(str(path), "PNG")
        self.add_files(kind, [path])

    def add_files(self, kind: str, paths: list[Path]) -> None:
        state = self.states[kind]
        messages: list[tuple[Message, str]] = []
        if kind not in MULTIPLE and len(paths) > 1:
            extra = len(paths) - 1
            messages.append((lambda n=extra: self.tr(
                "This slot holds one document; the other {count} file(s) were not added.")
                .format(count=n), "info"))
            paths = paths[:1]
        added = False
        for path in paths:
            try:
                source = read_document(path)
            except IntakeError as exc:
                messages.append((lambda e=exc: e.message(self._lang()), "error"))
                continue
            if kind not in MULTIPLE:
                for old in list(state.entries):
                    self._discard(kind, old)
            try:
                stored = self.store.add(kind, Path(path), Path(path).name)
            except IntakeError as exc:
                messages.append((lambda e=exc: e.message(self._lang()), "error"))
                continue
            except (OSError, StoreError) as exc:
                messages.append((lambda e=exc: str(e), "error"))
                continue
            source = source.model_copy(update={"path": stored.path})
            state.entries.append(Entry(stored, source))
            messages += [(lambda n=note: n.message(self._lang()),
                          "warning" if note.code == "low_resolution" else "info")
                         for note in source.notes]
            added = True
        self._say_all(kind, messages)
        self._refresh(kind, current=state.entries[-1].stored.id if added else None)
        if added:
            self.changed.emit()

    # Editing ---------------------------------------------------------------------------------

    def current(self, kind: str) -> Entry | None:
        doc_id = self.slots[kind].current_id()
        return next((e for e in self.states[kind].entries if e.stored.id == doc_id), None)

    def _set_edits(self, kind: str, entry: Entry, edits: Edits | None) -> None:
        if edits == Edits():
            edits = None
        self.store.set_edits(entry.stored, edits)
        entry.thumb = None
        self._say_all(kind, self._resolution_warning(entry))
        self._refresh(kind, current=entry.stored.id)
        self.changed.emit()

    def rotate(self, kind: str) -> None:
        entry = self.current(kind)
        if entry is None or entry.source.is_pdf:
            return
        edits = entry.edits or Edits()
        self._set_edits(kind, entry, Edits(rotate=(edits.rotate + 90) % 360,
                                           crop=rotate_crop(edits.crop)))

    def crop(self, kind: str) -> None:
        entry = self.current(kind)
        if entry is None or entry.source.is_pdf:
            return
        edits = entry.edits or Edits()
        upright = open_image(entry.source, fit=(760, 560), edits=Edits(rotate=edits.rotate))
        answer = self._ask_crop(self.slots[kind], to_qimage(upright), edits.crop)
        if answer is None:
            return
        self._set_edits(kind, entry, Edits(rotate=edits.rotate, crop=answer[0]))

    def _resolution_warning(self, entry: Entry) -> list[tuple[Message, str]]:
        src, edits = entry.source, entry.edits
        if src.width is None or src.height is None:
            return []
        width, height = src.width, src.height
        if edits and edits.rotate in (90, 270):
            width, height = height, width
        if edits and edits.crop:
            left, top, right, bottom = edits.crop
            width, height = round(width * (right - left)), round(height * (bottom - top))
        if max(width, height) >= LOW_RES_LONG_SIDE:
            return []
        return [(lambda w=width, h=height: self.tr(
            "{name}: only {width}×{height} pixels after editing; text may be unreadable when "
            "printed. At least {minimum} pixels on the long side is safer.").format(
                name=entry.stored.filename, width=w, height=h, minimum=LOW_RES_LONG_SIDE),
                 "warning")]

    def remove(self, kind: str) -> None:
        entry = self.current(kind)
        if entry is None:
            return
        self._discard(kind, entry)
        self._say(kind, lambda n=entry.stored.filename: self.tr(
            "{name} was removed. Undo brings it back.").format(name=n), "info")
        self._refresh(kind)
        self.changed.emit()

    def _discard(self, kind: str, entry: Entry) -> None:
        state = self.states[kind]
        self.store.remove(entry.stored)
        state.entries.remove(entry)
        state.trash.append(entry)

    def undo(self, kind: str) -> None:
        state = self.states[kind]
        if not state.trash:
            return
        entry = state.trash.pop()
        if kind not in MULTIPLE:
            for current in list(state.entries):
                self._discard(kind, current)  # what it replaced: the next undo brings it back
        self.store.restore(entry.stored)
        state.entries.append(entry)
        self._say(kind, lambda n=entry.stored.filename: self.tr("{name} is back.").format(name=n),
                  "info")
        self._refresh(kind, current=entry.stored.id)
        self.changed.emit()

    # Showing ---------------------------------------------------------------------------------

    def _say(self, kind: str, message: Message, level: str) -> None:
        self.states[kind].message = (message, level)

    def _say_all(self, kind: str, messages: list[tuple[Message, str]]) -> None:
        if not messages:
            self.states[kind].message = None
            return
        levels = [level for _, level in messages]
        level = next((lv for lv in ("error", "warning") if lv in levels), "info")
        parts = [m for m, _ in messages]
        self.states[kind].message = (lambda: "\n".join(m() for m in parts), level)

    def message(self, kind: str) -> str:
        state = self.states[kind]
        return state.message[0]() if state.message else ""

    def _thumb(self, entry: Entry) -> QIcon:
        if entry.thumb is None:
            if entry.source.is_pdf:
                entry.thumb = pdf_icon(entry.source.page_count)
            else:
                try:
                    img = open_image(entry.source, fit=(THUMB.width() * 2, THUMB.height() * 2),
                                     edits=entry.edits)
                    entry.thumb = QIcon(QPixmap.fromImage(to_qimage(img)))
                except IntakeError:
                    entry.thumb = QIcon()
        return entry.thumb

    def _caption(self, entry: Entry) -> tuple[str, str]:
        src, name = entry.source, entry.stored.filename
        short = name if len(name) <= 18 else name[:8] + "…" + name[-8:]
        size = f"{src.size_bytes / 1024:.0f} KB"
        if src.is_pdf:
            detail = self.tr("PDF, {pages} page(s), {size}").format(pages=src.page_count,
                                                                    size=size)
        else:
            detail = self.tr("{type}, {width}×{height} pixels, {size}").format(
                type=src.file_type.value.upper(), width=src.width, height=src.height, size=size)
        if entry.stored.source == "enterprise":
            detail += "\n" + self.tr("A standing document of the Enterprise page, shared by "
                                     "every case; removing it here leaves it out of this "
                                     "package only.")
        return short, f"{name}\n{detail}"

    def _refresh(self, kind: str, current: str | None = None) -> None:
        slot, state = self.slots[kind], self.states[kind]
        items = [(e.stored.id, self._thumb(e), *self._caption(e)) for e in state.entries]
        slot.set_items(items, current or slot.current_id())
        entry = self.current(kind)
        slot.set_image_actions(entry is not None and not entry.source.is_pdf)
        slot.set_undo_available(bool(state.trash))
        text = self.message(kind)
        slot.show_message(text, state.message[1] if state.message else "info")

    def retranslate(self) -> None:
        lang = self._lang()
        for kind, slot in self.slots.items():
            slot.retranslate(SLOT_TITLES[kind](lang), kind in self.required)
            self._refresh(kind)

    def close(self) -> None:
        self.store.close()
