"""Every file dialog of the app goes through here: it opens in the folder last used for the same
purpose (evidence, exports, imports, the appeal package, profiles), else in the user's documents
folder — never in the working directory — and remembers the folder the user picked."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

Purpose = Literal["evidence", "export", "import", "appeal", "profile"]
FOLDER_KEY = "ui/last_folder/{purpose}"  # one setting per purpose: the folder last picked

_settings: QSettings | None = None


def use_settings(settings: QSettings) -> None:
    """Where the folders are remembered (the window passes the app's settings)."""
    global _settings
    _settings = settings


def _store() -> QSettings:
    return _settings if _settings is not None else QSettings()


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def start_folder(purpose: Purpose) -> Path:
    """The folder last used for ``purpose`` when it still exists, else the documents folder."""
    saved = _store().value(FOLDER_KEY.format(purpose=purpose))
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    return documents_folder()


def start_path(purpose: Purpose, suggested: str = "") -> str:
    """Where a dialog opens: the suggested file name in the remembered folder; a caller's own
    absolute folder is kept only until the user has picked one for this purpose."""
    remembered = _store().value(FOLDER_KEY.format(purpose=purpose))
    suggestion = Path(suggested) if suggested else None
    if suggestion is not None and suggestion.is_absolute() and suggestion.is_dir():
        folder, name = suggestion, ""
    else:
        folder = suggestion.parent if suggestion is not None and suggestion.is_absolute() \
            else None
        name = suggestion.name if suggestion is not None else ""
    if remembered or folder is None or not folder.is_dir():
        folder = start_folder(purpose)
    return str(folder / name) if name else str(folder)


def remember(purpose: Purpose, chosen: str, *, is_folder: bool = False) -> None:
    if not chosen:
        return
    folder = Path(chosen) if is_folder else Path(chosen).parent
    _store().setValue(FOLDER_KEY.format(purpose=purpose), str(folder))


def open_file(parent: QWidget | None, purpose: Purpose, caption: str, filters: str,
              suggested: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, start_path(purpose, suggested),
                                          filters)
    remember(purpose, path)
    return path


def open_files(parent: QWidget | None, purpose: Purpose, caption: str,
               filters: str) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, start_path(purpose), filters)
    if paths:
        remember(purpose, paths[0])
    return paths


def save_file(parent: QWidget | None, purpose: Purpose, caption: str, suggested: str,
              filters: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, start_path(purpose, suggested),
                                          filters)
    remember(purpose, path)
    return path


def folder(parent: QWidget | None, purpose: Purpose, caption: str, suggested: str = "") -> str:
    path = QFileDialog.getExistingDirectory(parent, caption, start_path(purpose, suggested))
    remember(purpose, path, is_folder=True)
    return path
