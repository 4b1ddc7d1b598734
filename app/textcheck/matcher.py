"""Many terms at once: an Aho-Corasick automaton over normalised terms.

Two libraries were measured (bench/check): ``ahocorasick_rs`` (Rust) and ``pyahocorasick``
(C). The product uses ``ahocorasick_rs``; the benchmark runs both side by side.
Latin terms match whole words: a term that begins (ends) with a letter or digit does not match
right after (before) another one. A term ending in ``*`` may go on ("harass*" → "harassing").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick_rs


def _is_word(c: str) -> bool:
    return c.isascii() and c.isalnum()


@dataclass(frozen=True)
class Hit:
    term: int  # index into the terms the matcher was built with
    start: int  # in the normalised text
    end: int


class TermMatcher:
    """Finds every occurrence of the terms (already normalised) in a normalised text."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = list(terms)
        patterns: list[str] = []
        self._owners: list[list[int]] = []  # pattern -> the term indices that share it
        self._open_end: list[bool] = []
        index: dict[tuple[str, bool], int] = {}
        for i, term in enumerate(self.terms):
            open_end = term.endswith("*")
            pattern = term.rstrip("*")
            if not pattern:
                raise ValueError(f"empty term: {term!r}")
            key = (pattern, open_end)
            if key not in index:
                index[key] = len(patterns)
                patterns.append(pattern)
                self._owners.append([])
                self._open_end.append(open_end)
            self._owners[index[key]].append(i)
        self._patterns = patterns
        self._automaton = (ahocorasick_rs.AhoCorasick(patterns) if patterns else None)

    def find(self, text: str) -> list[Hit]:
        if self._automaton is None or not text:
            return []
        hits: list[Hit] = []
        n = len(text)
        for p, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            pattern = self._patterns[p]
            if _is_word(pattern[0]) and start > 0 and _is_word(text[start - 1]):
                continue
            if (not self._open_end[p] and _is_word(pattern[-1]) and end < n
                    and _is_word(text[end])):
                continue
            hits.extend(Hit(t, start, end) for t in self._owners[p])
        return hits
