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
_DODGE = re.compile(
    f"(?P<han>(?<=[{HAN}]){_FILLER}+(?=[{HAN}]))"  # 刷 单, 刷/单, 刷🔥单
    r"|\s{2,}|[^\S ]"  # runs of whitespace, tabs and line breaks outside Chinese text
)
# Three or more single letters with one separator between each: "s p a m", "f.r.e.e".
_SPACED = re.compile(r"(?<![^\W_])(?:[^\W\d_][ .\-_*·/]){2,}[^\W\d_](?![^\W_])")
_SPACED_GAP = re.compile(r"(?<=[^\W\d_])[ .\-_*·/](?=[^\W\d_])")


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


def to_simplified(text: str) -> str:
    """Traditional Chinese to simplified (OpenCC t2s); other text is returned as it is."""
    if _traditional_chars().isdisjoint(text):
        return text
    return _converter().convert(text)


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
    undodged, pieces = _cut(joined, _DODGE.finditer(joined))
    steps.append(pieces)

    folded = unicodedata.normalize("NFKC", undodged).casefold()
    if len(folded) != len(undodged):
        parts = [unicodedata.normalize("NFKC", c).casefold() for c in undodged]
        folded = "".join(parts)
        steps.append(_char_map(parts))
    else:
        steps.append(None)
    return Normalised(text, folded, tuple(steps))


def _spaced_gaps(text: str) -> Iterator[re.Match[str]]:
    for run in _SPACED.finditer(text):
        yield from _SPACED_GAP.finditer(text, run.start(), run.end())


def _cut(text: str, matches: Iterable[re.Match[str]]) -> tuple[str, _Pieces | None]:
    """``text`` without the matches; a whitespace match outside Chinese text becomes a space."""
    out: list[str] = []
    out_pos: list[int] = []
    src_pos: list[int] = []
    width: list[int] = []
    pos = 0
    length = 0
    for m in matches:
        start, end = m.span()
        keep = " " if m.re is _DODGE and m.lastgroup is None else ""
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
