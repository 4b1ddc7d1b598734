"""The learned layer of the check before sending and of the notice classifier: a linear
one-vs-rest text classifier learned from labelled examples (tools/train_check_model.py).

Features are taken from the NORMALISED text (app/textcheck/normalise.py: traditional script,
dodge characters, width and case already handled), so the model sees what the term checks see:

- character n-grams of the Chinese runs (Han characters and digits; a run of digits reads "0",
  so "集满30个赞" and "集满50个赞" share "满0个"); runs end at clause punctuation;
- Latin word unigrams and bigrams (digits again "0").

A feature counts as often as it occurs (measured: as good as presence, and cheaper). The
model file (``resources/check/*model.json``, written by the trainer) holds, per category, a
weight per feature, a bias and a decision threshold chosen by cross-validation. Inference is
pure Python: the weights of all categories of one feature are packed into one integer (one
lane per category), so scoring a text is a few sums done in C.

Besides one lane per category, a model with ordinary texts to learn from has a "risky at all"
lane learned from every risky text together: when no category passes but it does, the category
closest to its threshold (within ``risky_floor``) speaks for the text.
"""

from __future__ import annotations

import gzip
import math
import re
import threading
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise, repeat

import ahocorasick_rs
from pydantic import BaseModel, ConfigDict, Field

from app.i18n import Lang, LocalText
from app.textcheck.normalise import HAN

# Model kinds and their files in app.resources/check.
MODEL_FILES = {"texts": "model.json", "notices": "notice_model.json"}
# The lane of a model that says "risky at all" (any category), learned from every risky text
# together; it is not a category a finding can name (see TextModel.passing_scores).
RISKY = "risky"
FORMAT = 1

_RUN = re.compile(f"[{HAN}0-9]+")
_DIGITS = re.compile("[0-9]+")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[0-9]+")
_HAS_DIGIT = re.compile("[0-9]").search
_HAS_LATIN = re.compile("[a-z]").search
_CJK_FEATURE = re.compile(f"[{HAN}0]+").fullmatch
# A stretch of Latin words no punctuation or Chinese character interrupts: bigrams stay in one.
_LATIN_PART = re.compile(r"[a-z0-9' ]+")


class FeatureSettings(BaseModel):
    """How texts become features; recorded in the model so inference uses what training did."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cjk_min: int = Field(default=1, ge=1, le=5)
    cjk_max: int = Field(default=3, ge=1, le=5)
    latin_bigrams: bool = True
    # English words read as their Snowball stem ("shares", "shared", "sharing" -> "share"):
    # leaving writers out, English texts found +2.2 points at equal ordinary texts flagged.
    latin_stem: bool = False


@dataclass(frozen=True)
class _Run:
    text: str  # digits collapsed to "0"
    pos: list[int] | None  # normalised position of each character; None: start + i
    start: int
    end: list[int] | None  # normalised end of each character, when pos is given


def _runs(text: str) -> Iterator[_Run]:
    for m in _RUN.finditer(text):
        run = m.group()
        if _HAS_DIGIT(run) is None:
            yield _Run(run, None, m.start(), None)
            continue
        out: list[str] = []
        pos: list[int] = []
        end: list[int] = []
        last = 0
        for d in _DIGITS.finditer(run):
            for i in range(last, d.start()):
                out.append(run[i])
                pos.append(m.start() + i)
                end.append(m.start() + i + 1)
            out.append("0")
            pos.append(m.start() + d.start())
            end.append(m.start() + d.end())
            last = d.end()
        for i in range(last, len(run)):
            out.append(run[i])
            pos.append(m.start() + i)
            end.append(m.start() + i + 1)
        yield _Run("".join(out), pos, m.start(), end)


def features(text: str, settings: FeatureSettings) -> list[str]:
    """The features of a normalised text, each as often as it occurs."""
    out: list[str] = []
    lo, hi = settings.cjk_min, settings.cjk_max
    for m in _RUN.finditer(text):
        run = m.group()
        if _HAS_DIGIT(run) is not None:
            run = _DIGITS.sub("0", run)
        n = len(run)
        for size in range(lo, min(hi, n) + 1):
            out += [run[i:i + size] for i in range(n - size + 1)]
    if _HAS_LATIN(text) is not None:
        out += _latin_features(text, settings)
    return out


def _latin_features(text: str, settings: FeatureSettings) -> list[str]:
    out: list[str] = []
    word = _word_reader(settings)
    for part in _LATIN_PART.findall(text):
        words = [word(w) for w in _WORD.findall(part)]
        out += words
        if settings.latin_bigrams and len(words) > 1:
            out += [f"{a} {b}" for a, b in pairwise(words)]
    return out


def _word_reader(settings: FeatureSettings) -> Callable[[str], str]:
    """How a Latin word (lower case, from ``_WORD``) becomes its feature."""
    return _stemmed_word if settings.latin_stem else _latin_word


def _latin_word(word: str) -> str:
    return "0" if word[0].isdigit() else word


@lru_cache(maxsize=1 << 16)
def _stemmed_word(word: str) -> str:
    if word[0].isdigit():
        return "0"
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:  # one per thread: a stemmer keeps its word in itself while it works
        # The pure-Python English algorithm always (not PyStemmer's, should it be installed):
        # the features must be those the model was trained on.
        from snowballstemmer.english_stemmer import EnglishStemmer

        stemmer = _STEMMERS.english = EnglishStemmer()
    return stemmer.stemWord(word)


_STEMMERS = threading.local()


def feature_spans(text: str, settings: FeatureSettings) -> list[tuple[str, int, int]]:
    """The features of a normalised text with their [start, end) in it; the same features as
    ``features`` (slower: used only to show where a finding lies)."""
    out: list[tuple[str, int, int]] = []
    lo, hi = settings.cjk_min, settings.cjk_max
    for run in _runs(text):
        n = len(run.text)
        for size in range(lo, min(hi, n) + 1):
            for i in range(n - size + 1):
                if run.pos is None or run.end is None:
                    start, end = run.start + i, run.start + i + size
                else:
                    start, end = run.pos[i], run.end[i + size - 1]
                out.append((run.text[i:i + size], start, end))
    if _HAS_LATIN(text) is not None:
        word = _word_reader(settings)
        for part in _LATIN_PART.finditer(text):
            words = [(word(m.group()), m.start(), m.end())
                     for m in _WORD.finditer(text, part.start(), part.end())]
            out += words
            if settings.latin_bigrams:
                out += [(f"{a[0]} {b[0]}", a[1], b[2])
                        for a, b in pairwise(words)]
    return out


# The model file ---------------------------------------------------------------------------


class TrainingFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str = Field(description="Relative to the repository root.")
    sha256: str
    rows: int


class ModelMeta(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    trained: str = Field(description="UTC date and time of training.")
    training_files: list[TrainingFile]
    examples: int
    positives: dict[str, int]
    ordinary: int
    settings: FeatureSettings
    trainer: str = Field(description="Learner and its parameters.")
    cross_validation: dict[str, float] = Field(
        default={}, description="Out-of-fold measures on the training data.")


class ModelFile(BaseModel):
    """The JSON written by tools/train_check_model.py."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: int = FORMAT
    meta: ModelMeta
    categories: list[str]
    bias: list[float]
    thresholds: list[float]
    scale: int = Field(description="Weights are stored as round(weight * scale).")
    high_margin: float = Field(
        default=1.0, description="A score this far above the threshold makes a finding of a "
        "rule-1 category high rather than medium.")
    veto_margin: float | None = Field(
        default=None, description="A term finding of a category whose score lies this far "
        "below its threshold becomes info (None: the model never overrules a term).")
    risky_floor: float = Field(
        default=-2.0, description="The risky lane names a category only if that category's "
        "score is at most this far below its threshold (text unlike any category, e.g. random "
        "characters, is not flagged on the risky lane alone).")
    sure_margin: float | None = Field(
        default=None, description="A model finding this far above its threshold stands where "
        "the term checks read a denial (None: a denial always holds it back).")
    veto_min_chars: int = Field(
        default=20, description="Texts shorter than this (normalised) are never overruled: "
        "too few features to judge.")
    # per category: feature -> quantised weight (only non-negligible ones)
    weights: list[dict[str, int]]


_LANE = 40  # bits per category in a packed weight
# A quantised weight must be smaller in magnitude; a lane then holds the signed sum of up to
# 2 ** (40 - 1 - 20) occurrences.
_MAX_WEIGHT = 1 << 20


class TextModel:
    """A loaded model: scores of every category for a normalised text."""

    def __init__(self, data: ModelFile) -> None:
        if len(data.bias) != len(data.categories) or len(data.thresholds) != len(
                data.categories) or len(data.weights) != len(data.categories):
            raise ValueError("model file: categories, bias, thresholds and weights differ in "
                             "length")
        self.data = data
        self.settings = data.meta.settings
        self.categories = list(data.categories)
        self.index = {c: i for i, c in enumerate(self.categories)}
        self._risky = self.index.get(RISKY)
        self.risky_floor = data.risky_floor
        self.thresholds = list(data.thresholds)
        self._bias = list(data.bias)
        self._scale = data.scale
        self.high_margin = data.high_margin
        self.veto_margin = data.veto_margin
        self.veto_min_chars = data.veto_min_chars
        self.sure_margin = data.sure_margin
        # A feature's weights for all categories as one integer: category c's (signed) weight
        # times 2 ** (c * _LANE). Python's integers add the lanes of many features at once.
        packed: dict[str, int] = {}
        for c, weights in enumerate(data.weights):
            shift = c * _LANE
            for feat, q in weights.items():
                if abs(q) >= _MAX_WEIGHT:
                    raise ValueError(f"model file: weight of {feat!r} out of range")
                packed[feat] = packed.get(feat, 0) + (q << shift)
        self._packed = packed
        # For may_pass: category c passes when its lane sum S >= need_c; adding half - need_c
        # lifts exactly those lanes to half or more (floor: none is missed at the boundary).
        half = 1 << (_LANE - 1)
        needs = [math.floor((t - b) * self._scale) for t, b in zip(self.thresholds, self._bias,
                                                                   strict=True)]
        if any(abs(n) >= 1 << (_LANE - 3) for n in needs):
            raise ValueError("model file: threshold out of range")
        self._pass_offsets = sum((half - n) << (c * _LANE) for c, n in enumerate(needs))
        lanes = [c for c in range(len(needs)) if c != self._risky]
        self._category_bits = sum(half << (c * _LANE) for c in lanes)
        self._risky_bit = half << (self._risky * _LANE) if self._risky is not None else 0
        # The risky lane counts only with a category within risky_floor of its threshold.
        floor = math.floor(self.risky_floor * self._scale)
        self._floor_offsets = sum((half - n + (0 if c == self._risky else -floor))
                                  << (c * _LANE) for c, n in enumerate(needs))
        # Single characters are looked up one by one; longer Chinese features are found by
        # one automaton over the model's own n-grams (in the text with digits read as "0"):
        # n-grams the model does not know are never built. Together they find exactly the
        # known part of ``features``.
        self._chars = {f: v for f, v in packed.items() if len(f) == 1 and _CJK_FEATURE(f)}
        longer = [f for f in packed if len(f) > 1 and _CJK_FEATURE(f)]
        self._automaton = ahocorasick_rs.AhoCorasick(longer) if longer else None

    def total(self, text: str) -> int:
        """The packed sum of the weights of every feature occurrence in a normalised text."""
        packed = self._packed
        digits_read = _DIGITS.sub("0", text) if _HAS_DIGIT(text) is not None else text
        total = sum(filter(None, map(self._chars.get, digits_read)))
        if self._automaton is not None:
            total += sum(map(packed.__getitem__, self._automaton.find_matches_as_strings(
                digits_read, overlapping=True)))
        if _HAS_LATIN(text) is not None:
            total += sum(map(packed.get, _latin_features(text, self.settings), repeat(0)))
        return total

    def may_pass(self, total: int) -> bool:
        """False when no category passes its threshold, for the packed sum of a text: one
        addition and one mask instead of unpacking every lane. (The sums plus
        ``_pass_offsets`` put each category's lane at or above half its range exactly when
        it passes; True may still mean none does, at the boundary. The risky lane counts
        when a category lies within ``risky_floor`` of its threshold, tested the same way.)"""
        lifted = total + self._pass_offsets
        if lifted & self._category_bits:
            return True
        if not lifted & self._risky_bit:
            return False
        return bool((total + self._floor_offsets) & self._category_bits)

    def scores(self, text: str) -> list[float]:
        """The decision value of every category (before the threshold) for a normalised text."""
        return self.decode(self.total(text))

    def decode(self, total: int) -> list[float]:
        """The scores of a packed sum (``total``)."""
        out: list[float] = []
        half, full, scale = 1 << (_LANE - 1), 1 << _LANE, self._scale
        for bias in self._bias:
            lane = total & (full - 1)
            if lane >= half:
                lane -= full
            out.append(bias + lane / scale)
            total = (total - lane) >> _LANE
        return out

    def passing(self, text: str) -> list[tuple[str, float]]:
        """(category, score minus threshold) of each category whose score passes its
        threshold, best first."""
        total = self.total(text)
        if not self.may_pass(total):
            return []
        return self.passing_scores(self.decode(total))

    def passing_scores(self, scores: Sequence[float]) -> list[tuple[str, float]]:
        """``passing`` for scores already computed. When no category passes but the risky
        lane does, the category closest to its threshold speaks for the text (its margin is
        then below 0): the risky lane learns from all risky texts together, the categories
        each from their own few hundred."""
        margins = [(c, s - t) for c, s, t in zip(self.categories, scores, self.thresholds,
                                                  strict=True)]
        hits = [(c, m) for c, m in margins if m >= 0 and c != RISKY]
        if not hits and self._risky is not None and margins[self._risky][1] >= 0:
            closest = max((h for h in margins if h[0] != RISKY), key=lambda h: h[1])
            if closest[1] >= self.risky_floor:
                hits = [closest]
        return sorted(hits, key=lambda h: -h[1])

    def span(self, text: str, category: str, width: int = 40) -> tuple[int, int]:
        """Where in the normalised text the evidence for ``category`` lies: of the stretch of
        at most ``width`` characters whose features weigh most for it, the shortest part that
        carries most (CORE) of that weight, widened to the whole features at its edges."""
        weights = self.data.weights[self.index[category]]
        gain = [0.0] * len(text)
        positive: list[tuple[int, int]] = []
        for feat, start, end in feature_spans(text, self.settings):
            w = weights.get(feat, 0)
            if w > 0 and end > start:
                positive.append((start, end))
                share = w / (end - start)
                for i in range(start, end):
                    gain[i] += share
        if not any(gain):
            return 0, len(text)
        width = min(width, len(text))
        best, best_start, window = -1.0, 0, 0.0
        for i in range(len(text)):
            window += gain[i]
            if i >= width:
                window -= gain[i - width]
            if i >= width - 1 and window > best:
                best, best_start = window, i - width + 1
        lo, hi = best_start, best_start + width
        need = _CORE * best
        prefix = [0.0]
        for g in gain[lo:hi]:
            prefix.append(prefix[-1] + g)
        shortest = (lo, hi)
        j = 0
        for i in range(hi - lo):  # two pointers: for each start, the first end that suffices
            j = max(j, i)
            while j < hi - lo and prefix[j] - prefix[i] < need:
                j += 1
            if prefix[j] - prefix[i] >= need and j - i < shortest[1] - shortest[0]:
                shortest = (lo + i, lo + j)
        # Whole features at the edges: no word cut in two ("addres|s", "密|码").
        start, end = shortest
        for s, e in positive:
            if s < shortest[1] and e > shortest[0]:
                start, end = min(start, s), max(end, e)
        return start, end


# The share of the best window's weight a finding's span must carry.
_CORE = 0.6


def read_model(data: bytes, source: str) -> ModelFile:
    try:  # parsed and validated in one pass by pydantic's JSON reader
        return ModelFile.model_validate_json(
            gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    except (OSError, EOFError, ValueError) as exc:
        raise ValueError(f"{source}: not a model file: {exc}") from exc


@cache
def shipped_model(kind: str) -> TextModel | None:
    """The model shipped in app.resources/check, loaded on first use; None when there is none."""
    path = resources.files("app.resources") / "check" / MODEL_FILES[kind]
    if not path.is_file():
        return None
    return TextModel(read_model(path.read_bytes(), f"check/{MODEL_FILES[kind]}"))


class _Hints(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    hint: dict[str, LocalText]
    fallback: LocalText


@cache
def _hints() -> _Hints:
    path = resources.files("app.resources") / "check" / "model_hints.toml"
    return _Hints.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))


def model_hint(category: str, lang: Lang) -> str:
    """The rewrite hint of a learned-layer finding (resources/check/model_hints.toml)."""
    hints = _hints()
    return hints.hint.get(category, hints.fallback)(lang)
