"""The questions the Appeal page asks through dialogs; tests pass their own answers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui import file_dialogs
from app.ui.dialogs.image_edit import CropDialog, Fractions

# (parent, caption, suggested path) -> chosen path or ""
AskPath = Callable[[QWidget, str, str], str]
# (parent, title, text) -> True to go on
Confirm = Callable[[QWidget, str, str], bool]


def ask_save_pdf(parent: QWidget, caption: str, suggested: str) -> str:
    return file_dialogs.save_file(parent, "appeal", caption, suggested, "PDF (*.pdf)")


def ask_folder(parent: QWidget, caption: str, suggested: str) -> str:
    return file_dialogs.folder(parent, "appeal", caption, suggested)


def ask_profile_file(parent: QWidget, caption: str, suggested: str) -> str:
    return file_dialogs.open_file(parent, "profile", caption, "JSON (*.json)", suggested)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


documents_folder = file_dialogs.documents_folder


# (parent, caption, file filter) -> chosen paths
AskOpenFiles = Callable[[QWidget, str, str], list[str]]
# (parent, upright picture, current crop) -> None when cancelled, else (crop or None for whole)
AskCrop = Callable[[QWidget, QImage, Fractions | None], tuple[Fractions | None] | None]


def ask_open_files(parent: QWidget, caption: str, filters: str) -> list[str]:
    return file_dialogs.open_files(parent, "evidence", caption, filters)


def ask_crop(parent: QWidget, image: QImage, current: Fractions | None
             ) -> tuple[Fractions | None] | None:
    dialog = CropDialog(image, current, parent)
    if dialog.exec() != CropDialog.DialogCode.Accepted:
        return None
    return (dialog.crop(),)
