"""The CJK TrueType font for PDFs and watermarks.

The app ships one (WenQuanYi Micro Hei, resources/fonts, Apache-2.0; its licence beside it),
so a PDF can be written on a machine without any Chinese font, and every machine writes the same
PDF. ``WECOM_APPEAL_FONT`` chooses another; without the shipped file (a trimmed install) a system
font is looked for.

reportlab embeds only TrueType outlines (``glyf``); an OpenType font with CFF outlines
(``OTTO``, most Noto CJK/Source Han builds) cannot be embedded, so candidates are checked by
their tables rather than by file extension.
"""

from __future__ import annotations

import itertools
import os
import struct
import sys
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from app.errors import UserError
from app.i18n import LocalText
from app.lazylog import LazyLogger

log = LazyLogger(__name__)

FONT_ENV = "WECOM_APPEAL_FONT"
PDF_FONT_NAME = "WecomAppealCJK"
_REGISTER = threading.Lock()  # two bundles built at once parse the font once

_WINDOWS = ("msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "Deng.ttf", "simkai.ttf")
_MACOS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/System/Library/Fonts/PingFang.ttc",
)
_LINUX = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)
# Probed in the font to be sure it covers Simplified Chinese: 企业微信申诉 (WeCom appeal).
_PROBE = "企业微信申诉"


class FontNotFoundError(UserError):
    def __init__(self, message: LocalText) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CJKFont:
    """A font file and the face in it to use (found here, never read from a file or argument
    as such: no model of its own)."""

    path: Path
    subfont_index: int = 0


def _sfnt_offsets(head: bytes) -> list[int]:
    if head[:4] == b"ttcf":
        (count,) = struct.unpack(">I", head[8:12])
        return list(struct.unpack(f">{count}I", head[12:12 + 4 * count]))
    return [0]


def truetype_subfont(path: Path) -> int | None:
    """Index of the first face with TrueType outlines in a TTF/TTC, None when there is none."""
    try:
        with open(path, "rb") as f:
            head = f.read(65536)
            for index, offset in enumerate(_sfnt_offsets(head)):
                f.seek(offset)
                directory = f.read(12)
                if len(directory) < 12 or directory[:4] not in (b"\x00\x01\x00\x00", b"true"):
                    continue
                (tables,) = struct.unpack(">H", directory[4:6])
                tags = {f.read(16)[:4] for _ in range(tables)}
                if b"glyf" in tags:
                    return index
    except (OSError, struct.error):
        return None
    return None


def _has_glyphs(font: CJKFont) -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile

    try:
        face = TTFontFile(str(font.path), subfontIndex=font.subfont_index, validate=0)
    except Exception:
        log.debug("%s cannot be read as a TrueType font", font.path, exc_info=True)
        return False
    return all(ord(ch) in face.charToGlyph for ch in _PROBE)


def _fontconfig_candidates() -> list[Path]:
    import shutil
    import subprocess

    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})
    # Sans faces first: they stay legible when printed small and scanned back.
    return sorted((Path(f) for f in files),
                  key=lambda p: (0 if "hei" in p.name.lower() or "sans" in p.name.lower() else 1,
                                 p.name))


def bundled_fonts() -> list[Path]:
    """The font files shipped in resources/fonts (for PDFs and for Qt)."""
    folder = resources.files("app.resources") / "fonts"
    try:
        return sorted(Path(str(item)) for item in folder.iterdir()
                      if item.name.lower().endswith((".ttf", ".ttc")))
    except (FileNotFoundError, NotADirectoryError):
        return []


def _known_candidates() -> list[Path]:
    paths: list[Path] = []
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        paths += [d / name for d in (windir, local) for name in _WINDOWS]
    elif sys.platform == "darwin":
        paths += [Path(p) for p in _MACOS]
    paths += [Path(p) for p in _LINUX]
    return paths


def _usable(path: Path, probe_glyphs: bool) -> CJKFont | None:
    if not path.is_file():
        return None
    index = truetype_subfont(path)
    if index is None:
        return None
    font = CJKFont(path=path, subfont_index=index)
    # System candidates are Chinese fonts by name or by fontconfig's ':lang=zh'; parsing a
    # 5 MB font to prove it again would cost a tenth of a second on every build.
    return font if not probe_glyphs or _has_glyphs(font) else None


def find_cjk_font(override: str | os.PathLike[str] | None = None) -> CJKFont:
    """The user's choice (parameter, then ``WECOM_APPEAL_FONT``), else the shipped font, else
    the first usable system font. Raises FontNotFoundError saying what to install."""
    chosen = override or os.environ.get(FONT_ENV)
    if chosen:
        font = _usable(Path(chosen), probe_glyphs=True)
        if font is None:
            raise FontNotFoundError(LocalText(
                en=f"The font {chosen} cannot be used: it is missing, is not a TrueType "
                   "(TTF/TTC with TrueType outlines) font, or has no Chinese characters.",
                zh_CN=f"无法使用字体 {chosen}：文件不存在、不是 TrueType 轮廓的 TTF/TTC 字体，"
                      "或不含中文字符。"))
        return font
    return _find_system_font()


def _lazy(make: Callable[[], list[Path]]) -> Iterator[Path]:
    yield from make()


@cache
def _find_system_font() -> CJKFont:
    seen: set[Path] = set()
    # The shipped font, then the well-known paths; fontconfig (a subprocess) only when none of
    # them is there.
    for path in itertools.chain(bundled_fonts(), _known_candidates(),
                                _lazy(_fontconfig_candidates)):
        if path in seen:
            continue
        seen.add(path)
        font = _usable(path, probe_glyphs=False)
        if font is not None:
            return font
    raise FontNotFoundError(LocalText(
        en="No Chinese TrueType font was found, so Chinese text cannot be embedded in the PDF. "
           "Install one (Windows: Microsoft YaHei; Debian/Ubuntu: fonts-wqy-microhei; Fedora: "
           f"wqy-microhei-fonts) or set {FONT_ENV} to a .ttf/.ttc file with TrueType outlines.",
        zh_CN="未找到中文 TrueType 字体，PDF 无法嵌入中文。请安装字体（Windows：微软雅黑；"
              "Debian/Ubuntu：fonts-wqy-microhei；Fedora：wqy-microhei-fonts），"
              f"或将环境变量 {FONT_ENV} 设为含 TrueType 轮廓的 .ttf/.ttc 文件。"))


def register_pdf_font(font: CJKFont) -> str:
    """Register ``font`` with reportlab once and return its name for styles and canvases."""
    from reportlab.pdfbase import pdfmetrics

    from app.pdf.fontcache import cached_ttfont

    key = f"{font.path}#{font.subfont_index}".encode()
    name = f"{PDF_FONT_NAME}-{zlib.crc32(key):08x}"
    with _REGISTER:
        if name not in pdfmetrics.getRegisteredFontNames():
            # reportlab's parse, kept on disk between processes (app/pdf/fontcache.py).
            pdfmetrics.registerFont(cached_ttfont(name, font.path, font.subfont_index))
    return name
