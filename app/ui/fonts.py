"""Making sure Chinese text has a font, also under the offscreen platform."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase

if TYPE_CHECKING:
    from importlib.abc import Traversable

log = logging.getLogger(__name__)


def cjk_families() -> list[str]:
    return QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def _fontconfig_cjk_files() -> list[str]:
    """Font files fontconfig knows for Chinese, for Qt builds that do not ask fontconfig."""
    import shutil  # only when Qt found no Chinese font (not on the start path)
    import subprocess

    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh-cn", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})


def ensure_cjk_font(families: Callable[[], list[str]] = cjk_families,
                    fontconfig_files: Callable[[], list[str]] = _fontconfig_cjk_files,
                    bundled: Traversable | None = None) -> list[str]:
    """Return the families that can show Simplified Chinese; warn clearly when there are none.

    Qt normally finds system fonts through fontconfig. When it finds none for Chinese, the font
    shipped in resources/fonts (WenQuanYi Micro Hei) is registered, and fonts fontconfig lists
    (when Qt's font database did not see them) after it.
    """
    found = families()
    if found:
        return found
    from importlib import resources  # only without a system font (not on the start path)

    folder = bundled if bundled is not None else resources.files("app.resources") / "fonts"
    for entry in folder.iterdir() if folder.is_dir() else ():
        if entry.name.lower().endswith((".ttf", ".ttc", ".otf")):
            _add(entry)
    found = families()
    if found:
        log.info("No system font for Simplified Chinese; using the shipped %s", found[0])
        return found
    for path in fontconfig_files():
        QFontDatabase.addApplicationFont(path)
    found = families()
    if not found:
        log.warning(
            "No font for Simplified Chinese was found: Chinese text will show as boxes. "
            "Install one (Debian/Ubuntu: apt install fonts-wqy-microhei; Fedora: "
            "wqy-microhei-fonts); the font shipped in resources/fonts is missing.")
    return found


def _add(entry: Traversable) -> None:
    path = Path(str(entry))
    if path.is_file():  # a file on disk (also in the frozen build): Qt maps it, no copy
        added = QFontDatabase.addApplicationFont(str(path))
    else:
        added = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
    if added < 0:
        log.warning("Qt cannot load the font %s", entry.name)
