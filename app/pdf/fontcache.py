"""reportlab's parse of the CJK font, kept on disk between processes.

reportlab reads a TrueType font's character map, metrics and glyph locations into Python
dictionaries and lists when the font is registered: about 0.07 s for the 49 531 glyphs of
WenQuanYi Micro Hei, a third of what a bundle without photos costs (bench/startup). The result
depends only on the font file and reportlab's version, so it is stored once, after the first
parse, in the user's cache folder, and later processes load it in a few milliseconds.

Nothing is parsed here: what is stored is the parsed face's attributes exactly as reportlab made
them, marshalled (builtin types only, so they load at C speed and exactly). The cache is keyed by
the font's path, size, modification time and subfont, the reportlab version and this format's
version, and it holds the CRC-32 of the whole font file, checked against the bytes read for the
subset. An attribute of a kind this module does not know (a future reportlab) is not cached:
that font is parsed as before. tests/pdf/test_fontcache.py compares a loaded face with a fresh
parse, attribute by attribute and by the subset it writes, so a change in reportlab shows there.
"""

from __future__ import annotations

import gc
import logging
import marshal
import os
import secrets
import zlib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

log = logging.getLogger(__name__)

CACHE_ENV = "WECOM_APPEAL_CACHE"  # another folder for the cache; "off" disables it
FORMAT = 2
_MAGIC = b"WAFC"
_SKIP = frozenset({"_ttf_data", "_pdfScale"})  # the file's bytes; a function (rebuilt)


class _Unsupported(Exception):
    """An attribute this module cannot store exactly."""


def cache_dir() -> Path | None:
    """The folder of cached fonts, or None when caching is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen) / "fonts"
    import platformdirs

    return Path(platformdirs.user_cache_dir("wecom-appeal", appauthor=False)) / "fonts"


def _cache_file(folder: Path, path: Path, subfont_index: int) -> Path:
    stat = path.stat()
    key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{subfont_index}|" \
          f"{REPORTLAB_VERSION}|{FORMAT}"
    return folder / f"{path.stem}-{subfont_index}-{zlib.crc32(key.encode()):08x}.bin"


# Encoding ---------------------------------------------------------------------------------

_PLAIN = (int, float, str, bytes, bool, type(None))


def _plain(value: Any) -> bool:
    """Whether marshal stores ``value`` exactly: builtin types only, no subclasses."""
    kind = type(value)
    if kind in _PLAIN:
        return True
    if kind in (list, tuple):
        return all(_plain(item) for item in value)
    if kind is dict:
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


def _encode(value: Any) -> tuple:
    if isinstance(value, TTFNameBytes):
        if type(value) is not TTFNameBytes or set(vars(value)) != {"ustr"}:
            raise _Unsupported("name")
        return ("name", bytes(value), value.ustr)
    if _plain(value):
        return ("plain", value)
    raise _Unsupported(type(value).__name__)


def _decode(item: tuple) -> Any:
    if item[0] == "plain":
        return item[1]
    if item[0] == "name":
        name = bytes.__new__(TTFNameBytes, item[1])
        name.ustr = item[2]
        return name
    raise _Unsupported(item[0])


def _pdf_scale(units_per_em: int):  # type: ignore[no-untyped-def]
    """reportlab's font-unit to PDF-unit scale (TTFontFile.extractInfo)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _state(face: TTFontFace) -> dict[str, tuple]:
    state = vars(face)
    scale = _pdf_scale(state["unitsPerEm"])
    if any(scale(x) != state["_pdfScale"](x) for x in (1, 7, 1000, 2048, -311)):
        raise _Unsupported("_pdfScale")
    return {name: _encode(value) for name, value in state.items() if name not in _SKIP}


def _face(state: dict[str, tuple], data: bytes) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    attrs = {name: _decode(item) for name, item in state.items()}
    attrs["_ttf_data"] = data
    attrs["_pdfScale"] = _pdf_scale(attrs["unitsPerEm"])
    vars(face).update(attrs)
    return face


# Storing and loading ----------------------------------------------------------------------

def _load(file: Path, data: bytes) -> TTFontFace | None:
    try:
        blob = file.read_bytes()
    except OSError:
        return None
    if blob[:4] != _MAGIC:
        return None
    # Some 300 000 new objects, none of them garbage: the collector's passes would double the
    # time it takes to make them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        crc, state = marshal.loads(blob[4:])
        if crc != zlib.crc32(data):
            return None
        return _face(state, data)
    except Exception:  # a damaged or foreign file: parse the font again and replace it
        log.debug("font cache %s is unusable", file, exc_info=True)
        return None
    finally:
        if enabled:
            gc.enable()


def _store(file: Path, face: TTFontFace, data: bytes) -> None:
    try:
        blob = _MAGIC + marshal.dumps((zlib.crc32(data), _state(face)))
    except _Unsupported as exc:
        log.info("the parsed font is not cached: reportlab %s has an attribute of a kind the "
                 "cache does not store (%s)", REPORTLAB_VERSION, exc)
        return
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = file.with_name(f".{file.name}.{secrets.token_hex(4)}.part")
        try:  # written beside it and renamed: a reader never sees half a file
            with open(tmp, "wb") as f:
                f.write(blob)
            os.replace(tmp, file)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError:
        log.info("the parsed font cannot be cached in %s", file.parent, exc_info=True)


def load_face(path: Path, subfont_index: int = 0) -> TTFontFace:
    """reportlab's parsed face of the font: from the cache when it holds this file, else parsed
    (and then stored for the next process)."""
    folder = cache_dir()
    if folder is None:
        return TTFontFace(str(path), validate=0, subfontIndex=subfont_index)
    file = _cache_file(folder, path, subfont_index)
    data = path.read_bytes()
    face = _load(file, data)
    if face is None:
        face = TTFontFace(str(path), validate=0, subfontIndex=subfont_index)
        if face._ttf_data == data:  # the file did not change while it was parsed
            _store(file, face, data)
    return face


def cached_ttfont(name: str, path: Path, subfont_index: int = 0) -> TTFont:
    """``TTFont(name, path, subfontIndex=subfont_index)``, its face from load_face()."""
    font = TTFont.__new__(TTFont)
    # What TTFont.__init__ sets besides the face (tests/pdf/test_fontcache.py compares them).
    font.fontName = name
    font.face = load_face(path, subfont_index)
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font
