"""The form texts and terms are compared in, with every position mapped back to the original.

Steps, in order:

1. Traditional to simplified Chinese with OpenCC (``t2s``), so 騷擾 and 骚扰 are one word.
2. Characters put between Chinese characters to dodge filters are dropped: spaces, ASCII
   punctuation, symbols, emoji, quotes, brackets, zero-width characters ("刷 单 兼 职",
   "刷/单", "刷🔥单"). The clause punctuation of Chinese (，。！？；：、) stays:
   they separate words for real. Letters spaced out ("s p a m", "f.r.e.e") are joined.
   Other runs of whitespace become one space.
3. NFKC (full width to half width, ①→1) and case folding.

A step that keeps the length keeps positions; the others record where each output character
came from, so a match in the normalised text maps back to the exact span a user sees.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Kept between Chinese characters: they really separate words (a line break does not: notices
# and posts are wrapped anywhere).
_CLAUSE = "，。！？；：、…"
_FILLER = f"(?:[^\\w{_CLAUSE}]|_)"
# Runs of characters that are neither letters, digits nor clause punctuation; what happens to
# each run depends on its neighbours (see _dodge_cuts). One charset-led pattern scans fast.
_FILLER_RUN = re.compile(f"{_FILLER}+")
# Three or more single letters with one separator between each: "s p a m", "f.r.e.e".
_SPACED = re.compile(r"(?<![^\W_])(?:[A-Za-z][ .\-_*·/]){2,}[A-Za-z](?![^\W_])")
_SPACED_ANY = re.compile(r"[A-Za-z][ .\-_*·/][A-Za-z][ .\-_*·/][A-Za-z]").search
_SPACED_GAP = re.compile(r"(?<=[A-Za-z])[ .\-_*·/](?=[A-Za-z])")


@cache
def _converter():  # type: ignore[no-untyped-def]
    import opencc  # C++ library and its dictionaries: loaded on first use

    return opencc.OpenCC("t2s")


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters t2s changes on their own; a text without any needs no conversion."""
    convert = _converter().convert
    chars = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
             for c in range(*r)]
    joined = "\n".join(chars)
    converted = convert(joined).split("\n")
    if len(converted) != len(chars):  # never seen; fall back to one call per character
        converted = [convert(c) for c in chars]
    return frozenset(c for c, s in zip(chars, converted, strict=True) if c != s)


@cache
def _traditional_search():  # type: ignore[no-untyped-def]
    return re.compile("[" + "".join(sorted(_traditional_chars())) + "]").search


def to_simplified(text: str) -> str:
    """Traditional Chinese to simplified (OpenCC t2s); other text is returned as it is."""
    if _traditional_search()(text) is None:
        return text
    return _converter().convert(text)


@cache
def _fold_table() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """NFKC + case folding as a translate table for characters that map to one character, and
    a pattern of those that expand (… → ..., ㈱ → (株)) or vanish, which need the slow path."""
    table: dict[str, str] = {}
    expanding: list[str] = []
    for cp in range(0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        c = chr(cp)
        folded = unicodedata.normalize("NFKC", c).casefold()
        if len(folded) == 1:
            if folded != c:
                table[c] = folded
        else:
            expanding.append(re.escape(c))
    # Combining marks compose with what precedes them; astral characters are rare: slow path.
    changing = re.compile("[" + "".join(re.escape(c) for c in table) + "]")
    return table, changing, re.compile(
        "[" + "".join(expanding) + "\u0300-\u036f\U00010000-\U0010ffff]")


def _fold(text: str) -> str | None:
    """NFKC + case folding when it keeps every position, else None."""
    table, changing, slow = _fold_table()
    if slow.search(text):
        return None
    # Few characters of a text change (upper case, full width): replace just those.
    return changing.sub(lambda m: table[m.group()], text)


@dataclass(frozen=True)
class _CharMap:
    """Per output character of a step: the [start, end) it came from in the step's input."""

    starts: list[int]
    ends: list[int]


@dataclass(frozen=True)
class _Pieces:
    """A step that copies slices: output ``out[i]`` starts a piece taken from ``src[i]``."""

    out: list[int]
    src: list[int]
    # The input length of each piece's last character: 1, except a replaced whitespace run.
    width: list[int]


def _char_map(pieces: list[str]) -> _CharMap:
    starts: list[int] = []
    ends: list[int] = []
    for i, piece in enumerate(pieces):
        starts += [i] * len(piece)
        ends += [i + 1] * len(piece)
    return _CharMap(starts, ends)


@dataclass(frozen=True)
class Normalised:
    """A normalised text and the way back to the original's positions."""

    original: str
    text: str
    _steps: tuple[_CharMap | _Pieces | None, ...]  # first step first; None keeps positions

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) of the normalised [start, end)."""
        if end <= start:
            return self._start(start), self._start(start)
        lo, hi_end = start, end
        for step in reversed(self._steps):
            if step is not None:
                lo = _step_span(step, lo)[0]
                hi_end = _step_span(step, hi_end - 1)[1]
        return lo, hi_end

    def _start(self, pos: int) -> int:
        if pos >= len(self.text):
            return len(self.original)
        return self.span(pos, pos + 1)[0]


def _step_span(step: _CharMap | _Pieces, pos: int) -> tuple[int, int]:
    """Where output character ``pos`` of a step came from in that step's input."""
    if isinstance(step, _CharMap):
        return step.starts[pos], step.ends[pos]
    i = bisect_right(step.out, pos) - 1
    src = step.src[i] + pos - step.out[i]
    return src, src + step.width[i]


def normalise(text: str) -> Normalised:
    """Run the pipeline on ``text``."""
    steps: list[_CharMap | _Pieces | None] = []

    simplified = to_simplified(text)
    if len(simplified) != len(text):  # a phrase changed length: convert char by char
        parts = [_converter().convert(c) for c in text]
        simplified = "".join(parts)
        steps.append(_char_map(parts))
    else:
        steps.append(None)

    joined, pieces = _cut(simplified, _spaced_gaps(simplified))
    steps.append(pieces)
    undodged, pieces = _cut(joined, _dodge_cuts(joined))
    steps.append(pieces)

    quick = _fold(undodged)
    if quick is not None:
        folded = quick
        steps.append(None)
    else:
        parts = [unicodedata.normalize("NFKC", c).casefold() for c in undodged]
        folded = "".join(parts)
        steps.append(_char_map(parts))
    return Normalised(text, folded, tuple(steps))


def _spaced_gaps(text: str) -> Iterator[tuple[int, int, str]]:
    if _SPACED_ANY(text) is None:  # a cheap test first: most texts have no such run
        return
    for run in _SPACED.finditer(text):
        for gap in _SPACED_GAP.finditer(text, run.start(), run.end()):
            yield gap.start(), gap.end(), ""


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff"


def _dodge_cuts(text: str) -> Iterator[tuple[int, int, str]]:
    """Filler between Chinese characters goes; a whitespace run elsewhere becomes one space."""
    n = len(text)
    for m in _FILLER_RUN.finditer(text):
        start, end = m.span()
        if start and end < n and _is_han(text[start - 1]) and _is_han(text[end]):
            yield start, end, ""
            continue
        run = m.group()
        if run == " " or not _HAS_SPACE(run):
            continue
        # Whitespace inside the run: each stretch of it becomes one space.
        for ws in _WHITESPACE.finditer(run):
            if ws.group() != " ":
                yield start + ws.start(), start + ws.end(), " "


_HAS_SPACE = re.compile(r"\s").search
_WHITESPACE = re.compile(r"\s+")


def _cut(text: str, cuts: Iterable[tuple[int, int, str]]) -> tuple[str, _Pieces | None]:
    """``text`` with each (start, end) replaced by its text (empty: dropped)."""
    out: list[str] = []
    out_pos: list[int] = []
    src_pos: list[int] = []
    width: list[int] = []
    pos = 0
    length = 0
    for start, end, keep in cuts:
        if start > pos:
            out_pos.append(length)
            src_pos.append(pos)
            width.append(1)
            out.append(text[pos:start])
            length += start - pos
        if keep:
            out_pos.append(length)
            src_pos.append(start)
            width.append(end - start)
            out.append(keep)
            length += 1
        pos = end
    if not out_pos and pos == 0:
        return text, None
    if pos < len(text):
        out_pos.append(length)
        src_pos.append(pos)
        width.append(1)
        out.append(text[pos:])
    if not out_pos:  # everything dropped
        return "", _Pieces([0], [0], [1])
    return "".join(out), _Pieces(out_pos, src_pos, width)


def normalise_term(term: str) -> str:
    """A term of a check list or a notice phrase, normalised like the texts it is matched in."""
    return normalise(term).text.strip()
