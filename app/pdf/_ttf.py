"""reportlab's TrueType font with a faster parse of the per-glyph tables.

reportlab reads a font's character map, horizontal metrics and glyph locations one number at a
time in Python: for a CJK font such as WenQuanYi Micro Hei (49 531 glyphs, 34 600 characters)
that is about 150 000 calls and 65 ms of CPU per process (more on a busy machine). Here those
three tables are read in bulk with ``struct.unpack_from`` (30 ms) and turned into exactly the
structures reportlab's own parser builds (``charToGlyph``, ``glyphToChar``, ``charWidths``,
``hmetrics``, ``defaultWidth``, ``glyphPos``), so subsetting, widths and embedding are
reportlab's, unchanged. Everything else (names, head, OS/2, post, hhea, maxp, embedding
permissions) is still parsed by reportlab. A character map in a format other than 4 or 12, or
anything unexpected, falls back to reportlab's parser.
"""

from __future__ import annotations

import struct
from fnmatch import fnmatch
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import (
    TTEncoding,
    TTFError,
    TTFont,
    TTFontFace,
    TTFontFile,
    unShapedFontGlob,
)


class _FastFace(TTFontFace):
    def extractInfo(self, charInfo=1):  # type: ignore[no-untyped-def]
        TTFontFile.extractInfo(self, 0)  # the header tables, as reportlab reads them
        if not charInfo:
            return
        try:
            ok = self._extract_char_info()
        except (struct.error, IndexError, KeyError, TTFError):
            ok = False
        if not ok:  # an unusual font: reportlab's parser, from the start
            TTFontFile.extractInfo(self, charInfo)

    def _extract_char_info(self) -> bool:
        data = self._ttf_data
        head = self.get_table_pos("head")[0]
        index_to_loc_format, glyph_data_format = struct.unpack_from(">HH", data, head + 50)
        if glyph_data_format != 0:
            raise TTFError(f"Unknown glyph data format ({glyph_data_format})")
        (n_hmetrics,) = struct.unpack_from(">H", data, self.get_table_pos("hhea")[0] + 34)
        num_glyphs = self.numGlyphs
        if n_hmetrics == 0 or n_hmetrics > num_glyphs or index_to_loc_format not in (0, 1):
            return False
        scale = self._pdfScale

        # cmap: the same subtable reportlab's loop picks (the last one it accepts).
        cmap = self.get_table_pos("cmap")[0]
        version, count = struct.unpack_from(">HH", data, cmap)
        if count == 0 and version != 0:
            count = version
        encoffs, enc = None, 0
        for n in range(count):
            platform, encoding, offset = struct.unpack_from(">HHL", data, cmap + 4 + 8 * n)
            if platform == 3:
                enc, encoffs = 1, offset
            elif platform == 1 and encoding == 0 and enc != 1:
                enc, encoffs = 2, offset
            elif (platform, encoding) == (1, 1) or (platform == 0 and encoding != 5):
                enc, encoffs = 1, offset
        if encoffs is None:
            return False
        encoffs += cmap
        (fmt,) = struct.unpack_from(">H", data, encoffs)
        # Characters and their glyphs in reportlab's reading order; the dictionaries after.
        chars: list[int] = []
        glyphs: list[int] = []
        if fmt == 4:
            (length,) = struct.unpack_from(">H", data, encoffs + 2)
            limit = encoffs + length
            seg_count = struct.unpack_from(">H", data, encoffs + 6)[0] // 2
            pos = encoffs + 14
            end_count = struct.unpack_from(f">{seg_count}H", data, pos)
            pos += 2 * seg_count + 2
            start_count = struct.unpack_from(f">{seg_count}H", data, pos)
            pos += 2 * seg_count
            id_delta = struct.unpack_from(f">{seg_count}h", data, pos)
            pos += 2 * seg_count
            range_start = pos
            id_range_offset = struct.unpack_from(f">{seg_count}H", data, pos)
            for n in range(seg_count):
                start, end, delta = start_count[n], end_count[n], id_delta[n]
                if end < start:
                    continue
                span = range(start, end + 1)
                chars.extend(span)
                if id_range_offset[n] == 0:
                    glyphs.extend([(u + delta) & 0xFFFF for u in span])
                else:
                    first = range_start + 2 * n + id_range_offset[n]
                    # reportlab maps entries at or past the subtable's end to glyph 0
                    inside = max(0, min(len(span), (limit - first + 1) // 2))
                    raw = struct.unpack_from(f">{inside}H", data, first) if inside else ()
                    glyphs.extend([(g + delta) & 0xFFFF if g else 0 for g in raw])
                    glyphs.extend([0] * (len(span) - inside))
        elif fmt == 12:
            (seg_count,) = struct.unpack_from(">L", data, encoffs + 12)
            groups = struct.unpack_from(f">{3 * seg_count}L", data, encoffs + 16)
            for n in range(seg_count):
                start, end, glyph = groups[3 * n:3 * n + 3]
                chars.extend(range(start, end + 1))
                glyphs.extend(range(glyph, glyph + end - start + 1))
        else:
            return False
        char_to_glyph = dict(zip(chars, glyphs, strict=True))  # a later entry wins, as there
        glyph_to_char: dict[int, list[int]] = {}
        for u, g in zip(chars, glyphs, strict=True):
            glyph_to_char.setdefault(g, []).append(u)

        # hmtx: (advance, left side bearing) pairs, then bearings alone. reportlab stores the
        # advance as read in the pairs, and the last scaled advance for the bearings alone.
        hmtx = self.get_table_pos("hmtx")[0]
        pairs = struct.unpack_from(f">{2 * n_hmetrics}H", data, hmtx)
        advances = pairs[0::2]
        hmetrics = list(zip(advances, pairs[1::2], strict=True))
        # scale(x) is x * (1000 / unitsPerEm), or x itself for 1000 units (ttfonts.py)
        factor = 1000 / self.unitsPerEm
        widths = advances if self.unitsPerEm == 1000 else [a * factor for a in advances]
        last = widths[-1]
        rest = num_glyphs - n_hmetrics
        if rest:
            lsbs = struct.unpack_from(f">{rest}H", data, hmtx + 4 * n_hmetrics)
            hmetrics += [(last, lsb) for lsb in lsbs]
        char_widths: dict[int, float] = {}
        for glyph in sorted(glyph_to_char):  # reportlab's order: by glyph
            if glyph >= num_glyphs:
                continue
            width = widths[glyph] if glyph < n_hmetrics else last
            for char in glyph_to_char[glyph]:
                char_widths[char] = width

        # loca
        loca = self.get_table_pos("loca")[0]
        if index_to_loc_format == 0:
            glyph_pos = [v << 1 for v in struct.unpack_from(f">{num_glyphs + 1}H", data, loca)]
        else:
            glyph_pos = list(struct.unpack_from(f">{num_glyphs + 1}L", data, loca))

        if 0x20 in char_to_glyph:
            char_to_glyph[0xA0] = char_to_glyph[0x20]
            char_widths[0xA0] = char_widths[0x20]
        elif 0xA0 in char_to_glyph:
            char_to_glyph[0x20] = char_to_glyph[0xA0]
            char_widths[0x20] = char_widths[0xA0]
        self.charToGlyph, self.glyphToChar = char_to_glyph, glyph_to_char
        self.charWidths, self.hmetrics = char_widths, hmetrics
        self.defaultWidth = scale(advances[0])
        self.glyphPos = glyph_pos
        return True


class FastTTFont(TTFont):
    """``reportlab.pdfbase.ttfonts.TTFont`` with the faster parse; otherwise the same."""

    def __init__(self, name: str, filename: str, validate: int = 0,
                 subfontIndex: int = 0) -> None:
        # TTFont.__init__, with _FastFace in place of TTFontFace (reportlab 4-5).
        self.fontName = name
        self.face = _FastFace(filename, validate=validate, subfontIndex=subfontIndex)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
