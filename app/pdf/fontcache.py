"""reportlab's parse of the CJK font, kept on disk between processes.

reportlab reads a TrueType font's character map, metrics and glyph locations into Python
dictionaries and lists when the font is registered: about 0.07 s for the 49 531 glyphs of
WenQuanYi Micro Hei, a fifth of what a bundle without photos costs (bench/startup). The result
depends only on the font file and reportlab's version, so it is stored once, after the first
parse, in the user's cache folder, and later processes load it in a few milliseconds.

Nothing is parsed here: what is stored (app/diskcache.py) is the parsed face's attributes
exactly as reportlab made them. The entry is keyed by the font's path, size, modification time
and subfont, the reportlab version and this format's version, and it holds the CRC-32 of the
font's first 64 KiB (its table directory, with a checksum of every table), checked against the
bytes read for the subset. The large tables are stored as runs and packed numbers (_compact),
rebuilt by C loops on load instead of unmarshalled entry by entry. An attribute of a kind this
module does not know (a future reportlab) is not cached: that font is parsed as before.
tests/pdf/test_fontcache.py compares a loaded face with a fresh parse, attribute by attribute
and by the subset it writes, so a change in reportlab shows there.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from fnmatch import fnmatch
from itertools import chain, repeat
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

from app import diskcache
from app.lazylog import LazyLogger

log = LazyLogger(__name__)

FORMAT = 4
# What the stored CRC-32 covers: a font's header and table directory, which holds a checksum of
# every table, are at its start (a collection's too). A checksum of all 5 MB cost more than
# reading them; the key already holds the file's size and modification time.
CHECKED_PREFIX = 64 * 1024
_SKIP = frozenset({"_ttf_data", "_pdfScale"})  # the file's bytes; a function (rebuilt)


class _Unsupported(Exception):
    """An attribute this module cannot store exactly."""


def _slot(path: Path, subfont_index: int) -> str:
    return f"{path.resolve()}#{subfont_index}"


def _key(path: Path, subfont_index: int) -> str:
    stat = path.stat()
    return (f"{_slot(path, subfont_index)}|{stat.st_size}|{stat.st_mtime_ns}|"
            f"reportlab {REPORTLAB_VERSION}|{FORMAT}")


def _shared(value: Any) -> Any:
    """One object for equal numbers and tuples (one level deep): marshal then writes a
    reference instead of another copy, and loading makes ~1 000 objects instead of ~80 000
    (the metrics of 49 531 glyphs have a few hundred distinct values). Lists are not shared:
    reportlab appends to them."""
    same = {}.setdefault
    atoms = (int, float, tuple)
    if type(value) is list:
        return [same((type(v), v), v) if type(v) in atoms else v for v in value]
    if type(value) is dict:
        return {k: same((type(v), v), v) if type(v) in atoms else v for k, v in value.items()}
    return value


def _runs(mapping: dict, step: int) -> list[tuple] | None:
    """``mapping`` as (first key, length, first value) runs of consecutive integer keys whose
    values stay the same (step 0) or count up by one (step 1); None when it is not such a
    mapping. The CJK font's 34 600-entry character maps are 223 and 1 012 runs."""
    runs: list[list] = []
    last_key = last_value = None
    for key, value in mapping.items():
        if type(key) is not int or type(value) not in ((int,) if step else (int, float)):
            return None
        if runs and key == last_key + 1 and value == last_value + step \
                and type(value) is type(last_value):
            runs[-1][1] += 1
        else:
            runs.append([key, 1, value])
        last_key, last_value = key, value
    return [tuple(run) for run in runs]


def _from_runs(runs: list[tuple], step: int) -> dict:
    keys = chain.from_iterable(range(key, key + n) for key, n, _ in runs)
    if step:
        values: Any = chain.from_iterable(range(value, value + n) for _, n, value in runs)
    else:
        values = chain.from_iterable(repeat(value, n) for _, n, value in runs)
    return dict(zip(keys, values, strict=True))


def _compact(value: Any) -> tuple | None:
    """A large plain table in a form that loads without making its entries one by one: a dict
    of integer keys as runs, a list of integers as packed 64-bit numbers. None: as it is."""
    if type(value) is dict and len(value) > 1000:
        for step in (1, 0):
            runs = _runs(value, step)
            if runs is not None and len(runs) * 4 < len(value):
                return ("runs", step, _shared(runs))
    if type(value) is list and len(value) > 1000 and all(type(v) is int for v in value):
        try:
            return ("int64", array("q", value).tobytes())
        except OverflowError:
            return None
    return None


def _encode(value: Any) -> tuple:
    if isinstance(value, TTFNameBytes):
        if type(value) is not TTFNameBytes or set(vars(value)) != {"ustr"}:
            raise _Unsupported("name")
        return ("name", bytes(value), value.ustr)
    if diskcache.plain(value):
        return _compact(value) or ("plain", _shared(value))
    raise _Unsupported(type(value).__name__)


def _decode(item: tuple) -> Any:
    if item[0] == "plain":
        return item[1]
    if item[0] == "runs":
        return _from_runs(item[2], item[1])
    if item[0] == "int64":
        numbers = array("q")
        numbers.frombytes(item[1])
        return numbers.tolist()
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


class _LoadedFace(TTFontFace):
    """A face from the cache. Its ``glyphToChar`` (glyph → characters, 35 000 lists) is read
    only by reportlab's text shaping (uharfbuzz, not a dependency of the app): it is unpacked
    when first asked for instead of on every load."""

    def __getattr__(self, name: str) -> Any:
        if name == "glyphToChar" and "_packed_glyph_to_char" in vars(self):
            value = marshal.loads(vars(self).pop("_packed_glyph_to_char"))
            self.glyphToChar = value
            return value
        raise AttributeError(name)


def _state(face: TTFontFace) -> dict[str, tuple]:
    state = vars(face)
    scale = _pdf_scale(state["unitsPerEm"])
    if any(scale(x) != state["_pdfScale"](x) for x in (1, 7, 1000, 2048, -311)):
        raise _Unsupported("_pdfScale")
    out = {name: _encode(value) for name, value in state.items() if name not in _SKIP}
    if out.get("glyphToChar", ("",))[0] == "plain":
        out["glyphToChar"] = ("packed", marshal.dumps(out["glyphToChar"][1]))
    return out


def _face(state: dict[str, tuple], data: bytes) -> TTFontFace:
    face = _LoadedFace.__new__(_LoadedFace)
    packed = state.pop("glyphToChar", None)
    attrs = {name: _decode(item) for name, item in state.items()}
    if packed is not None:
        if packed[0] != "packed":
            raise _Unsupported(packed[0])
        attrs["_packed_glyph_to_char"] = packed[1]
    attrs["_ttf_data"] = data
    attrs["_pdfScale"] = _pdf_scale(attrs["unitsPerEm"])
    vars(face).update(attrs)
    return face


def load_face(path: Path, subfont_index: int = 0) -> TTFontFace:
    """reportlab's parsed face of the font: from the cache when it holds this file, else parsed
    (and then stored for the next process)."""
    if diskcache.cache_dir() is None:
        return TTFontFace(str(path), validate=0, subfontIndex=subfont_index)
    slot, key = _slot(path, subfont_index), _key(path, subfont_index)
    data = path.read_bytes()
    stored = diskcache.load("fonts", slot, key)
    if stored is not None:
        try:
            crc, state = stored
            if crc == zlib.crc32(data[:CHECKED_PREFIX]):
                face = _face(state, data)
                face.filename = str(path)  # as this caller named it, like a parse would
                return face
        except Exception:  # a foreign or damaged entry: parsed again and replaced
            log.debug("cached face of %s is unusable", path, exc_info=True)
    face = TTFontFace(str(path), validate=0, subfontIndex=subfont_index)
    if face._ttf_data == data:  # the file did not change while it was parsed
        try:
            diskcache.store("fonts", slot, key, (zlib.crc32(data[:CHECKED_PREFIX]), _state(face)),
                            checked=True)
        except _Unsupported as exc:
            log.info("the parsed font is not cached: reportlab %s has an attribute of a kind "
                     "the cache does not store (%s)", REPORTLAB_VERSION, exc)
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
