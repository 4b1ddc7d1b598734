"""Chinese words for the learned layer: the runs of Han characters of a normalised text cut
into the longest words of a vocabulary, left to right (forward maximum matching, done by one
Aho-Corasick automaton in leftmost-longest mode); characters no word covers stand alone.

Character n-grams see "收" "款" "码" and "收款码" alike wherever they occur; words and pairs of
neighbouring words carry more of the meaning ("刷|流水", "额度|变|现金"), which is what lets the
model find risky texts worded in ways its examples were not (tests/check/README.md). The
vocabulary is part of the model file, chosen by the trainer (tools/train_check_model.py) from
the words its training texts use, so training and inference cut texts the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise

import ahocorasick_rs

from app.textcheck.normalise import HAN

_HAN_RUN = re.compile(f"[{HAN}]+")
# Word features carry this prefix: a word is never mistaken for a character n-gram.
PREFIX = "w:"


class Segmenter:
    """Cuts Han runs into the vocabulary's longest words; reuse it for many texts."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = sorted({w for w in words if len(w) > 1 and _HAN_RUN.fullmatch(w)})
        self._automaton = (ahocorasick_rs.AhoCorasick(
            self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            if self.words else None)

    def runs(self, text: str) -> Iterator[list[tuple[str, int, int]]]:
        """Per Han run of ``text``, its tokens (word or single character) with [start, end)."""
        for m in _HAN_RUN.finditer(text):
            run, base = m.group(), m.start()
            tokens: list[tuple[str, int, int]] = []
            pos = 0
            matches = (self._automaton.find_matches_as_indexes(run)
                       if self._automaton is not None else [])
            for _, start, end in matches:
                tokens += [(run[i], base + i, base + i + 1) for i in range(pos, start)]
                tokens.append((run[start:end], base + start, base + end))
                pos = end
            tokens += [(run[i], base + i, base + i + 1) for i in range(pos, len(run))]
            yield tokens


def word_feature_spans(segmenter: Segmenter, text: str) -> list[tuple[str, int, int]]:
    """The word features of a normalised text with their [start, end): every word of two or
    more characters, and every pair of neighbouring tokens of one run."""
    out: list[tuple[str, int, int]] = []
    for tokens in segmenter.runs(text):
        out += [(PREFIX + w, s, e) for w, s, e in tokens if len(w) > 1]
        out += [(f"{PREFIX}{a[0]}|{b[0]}", a[1], b[2]) for a, b in pairwise(tokens)]
    return out


def word_features(segmenter: Segmenter, text: str) -> list[str]:
    """``word_feature_spans`` without the positions."""
    out: list[str] = []
    for tokens in segmenter.runs(text):
        words = [w for w, _, _ in tokens]
        out += [PREFIX + w for w in words if len(w) > 1]
        out += [f"{PREFIX}{a}|{b}" for a, b in pairwise(words)]
    return out


def choose_vocabulary(texts: Sequence[str], dictionary: Iterable[str], min_texts: int = 2
                      ) -> list[str]:
    """The words of ``dictionary`` (e.g. a general Chinese word list) that the normalised
    ``texts`` use, cut the way inference will, in at least ``min_texts`` of them."""
    from collections import Counter

    cutter = Segmenter(dictionary)
    seen: Counter[str] = Counter()
    for text in texts:
        seen.update({w for tokens in cutter.runs(text) for w, _, _ in tokens if len(w) > 1})
    return sorted(w for w, n in seen.items() if n >= min_texts)
