"""The questions the Appeal page asks through dialogs; tests pass their own answers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.ui.dialogs.image_edit import CropDialog, Fractions

# (parent, caption, suggested path) -> chosen path or ""
AskPath = Callable[[QWidget, str, str], str]
# (parent, title, text) -> True to go on
Confirm = Callable[[QWidget, str, str], bool]


def ask_save_pdf(parent: QWidget, caption: str, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, "PDF (*.pdf)")
    return path


def ask_folder(parent: QWidget, caption: str, suggested: str) -> str:
    return QFileDialog.getExistingDirectory(parent, caption, suggested)


def ask_profile_file(parent: QWidget, caption: str, suggested: str) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, suggested, "JSON (*.json)")
    return path


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                  | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


# (parent, caption, file filter) -> chosen paths
AskOpenFiles = Callable[[QWidget, str, str], list[str]]
# (parent, upright picture, current crop) -> None when cancelled, else (crop or None for whole)
AskCrop = Callable[[QWidget, QImage, Fractions | None], tuple[Fractions | None] | None]


def ask_open_files(parent: QWidget, caption: str, filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, "", filters)
    return paths


def ask_crop(parent: QWidget, image: QImage, current: Fractions | None
             ) -> tuple[Fractions | None] | None:
    dialog = CropDialog(image, current, parent)
    if dialog.exec() != CropDialog.DialogCode.Accepted:
        return None
    return (dialog.crop(),)
