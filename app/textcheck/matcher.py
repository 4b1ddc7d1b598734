"""Many terms at once: an Aho-Corasick automaton over normalised terms.

Two libraries were measured (bench/check): ``ahocorasick_rs`` (Rust) and ``pyahocorasick``
(C). The product uses ``ahocorasick_rs``; the benchmark runs both side by side.
Latin terms match whole words: a term that begins (ends) with a letter or digit does not match
right after (before) another one. A term ending in ``*`` may go on ("harass*" → "harassing").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import ahocorasick_rs


def _is_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


class Hit(NamedTuple):
    term: int  # index into the terms the matcher was built with
    start: int  # in the normalised text
    end: int


class TermMatcher:
    """Finds every occurrence of the terms (already normalised) in a normalised text."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = list(terms)
        patterns: list[str] = []
        owners: list[list[int]] = []  # pattern -> the term indices that share it
        open_end: list[bool] = []
        index: dict[tuple[str, bool], int] = {}
        for i, term in enumerate(self.terms):
            star = term.endswith("*")
            pattern = term.rstrip("*")
            if not pattern:
                raise ValueError(f"empty term: {term!r}")
            key = (pattern, star)
            if key not in index:
                index[key] = len(patterns)
                patterns.append(pattern)
                owners.append([])
                open_end.append(star)
            owners[index[key]].append(i)
        # Per pattern: its single owner (or None), and whether a word edge must be checked at
        # its start or end; Chinese patterns need neither, so most hits cost one tuple.
        self._single = [o[0] if len(o) == 1 else None for o in owners]
        self._owners = owners
        self._edges = [(_is_word(p[0]), _is_word(p[-1]) and not star)
                       for p, star in zip(patterns, open_end, strict=True)]
        self._open_end = open_end
        self._any_edges = any(a or b for a, b in self._edges) or any(open_end)
        self._automaton = ahocorasick_rs.AhoCorasick(patterns) if patterns else None

    def find(self, text: str) -> list[Hit]:
        """(term, start, end) of every occurrence, overlapping ones included."""
        if self._automaton is None or not text:
            return []
        raw = self._automaton.find_matches_as_indexes(text, overlapping=True)
        single = self._single
        if not self._any_edges and all(single[p] is not None for p, _, _ in raw):
            return [Hit(single[p], s, e) for p, s, e in raw]  # type: ignore[arg-type]
        hits: list[Hit] = []
        n = len(text)
        edges = self._edges
        for p, start, end in raw:
            check_start, check_end = edges[p]
            if check_start and start > 0 and _is_word(text[start - 1]):
                continue
            if check_end and end < n and _is_word(text[end]):
                continue
            if self._open_end[p]:  # "review*" covers all of "reviews"
                while end < n and _is_word(text[end]):
                    end += 1
            term = single[p]
            if term is not None:
                hits.append(Hit(term, start, end))
            else:
                hits.extend(Hit(t, start, end) for t in self._owners[p])
        return hits
