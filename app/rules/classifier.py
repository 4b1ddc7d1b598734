"""The notice classifier: which violation category a restriction notice points to.

The phrases are data (``resources/rules/notice_phrases.toml``, whose header explains the phrase
syntax); this module only normalises text, finds the phrases and weighs what it found. It is a
pure function of the text and the catalogue.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Literal

import ahocorasick_rs
from pydantic import BaseModel, ConfigDict, Field

from app.rules.catalogue import Catalogue, SignalPhrases
from app.rules.contract import CategoryCandidate
from app.textcheck.model import TextModel, shipped_model
from app.textcheck.normalise import normalise as normalise_text

# The signals of the catalogue's SignalPhrases model (scope, duration, account).
Signal = SignalPhrases.model_fields["signal"].annotation

# How much one phrase of weight 1.0 convinces: 1 - 0.35 ** weight, i.e. 0.65 for one strong
# phrase, 0.88 for two, 0.96 for three.
_DOUBT_PER_PHRASE = 0.35
# Signal name prefixes: one family says what is blocked, one how long, one whose account.
_SIGNAL_FAMILIES = ("scope_", "duration_", "account_")
# Candidates below this are noise, not worth showing.
_MIN_CONFIDENCE = 0.05
# Below this the phrases' best guess is weak (app.rules.engine does not decide on it): the
# learned model of notices is asked too.
_WEAK = 0.5

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"[{_HAN}]")
# Names of WeCom itself, so that "微信" phrases (the linked WeChat account) never match in them.
_WECOM_NAMES = re.compile(r"企业微信|wechat\s*work|(?:enterprise|corporate)\s*wechat")

_WORD_START = r"(?<![a-z0-9])"
_WORD_END = r"(?![a-z0-9])"
_NUMBER = r"(?:\d+|[零〇一二两三四五六七八九十百千]+)"
# A gap stays inside one sentence; Chinese packs more meaning into fewer characters.
_GAP_CJK = r"[^.!?;。\n]{0,12}?"
_GAP_LATIN = r"[^.!?;。\n]{0,30}?"


class NoticeClassification(BaseModel):
    """What a notice says: candidate categories, best first, and the restriction's signals."""

    model_config = ConfigDict(extra="forbid")

    candidates: list[CategoryCandidate] = Field(
        default=[], description="Violation categories the notice points to, best first.")
    signals: dict[Signal, list[str]] = Field(  # type: ignore[valid-type]
        default={}, description="Scope, duration and account signals found, with the text "
        "that matched; signals not found are absent.")

    @property
    def best(self) -> CategoryCandidate | None:
        return self.candidates[0] if self.candidates else None


def normalise(text: str) -> str:
    """The form notices and phrases are compared in: the text pipeline of the check before
    sending (traditional to simplified, full width to half width, case, characters between
    Chinese characters dropped; app.textcheck.normalise), then what only notices need."""
    text = normalise_text(text).text.replace("’", "'").replace("‘", "'").strip()
    text = text.replace("帐号", "账号").replace("帐户", "账户")
    return _WECOM_NAMES.sub("wecom", text)


_PHRASE_SYNTAX = re.compile(r"(\.\.\.|\{n\}|\*)")


def _normalise_phrase(phrase: str) -> str:
    """A phrase normalised part by part, so that its syntax (``...``, ``{n}``, ``*``) stays."""
    return "".join(part if _PHRASE_SYNTAX.fullmatch(part) else _normalise_part(part)
                   for part in _PHRASE_SYNTAX.split(phrase)).strip()


def _normalise_part(part: str) -> str:
    if not part.strip():
        return " " if part else ""
    before = " " if part[0].isspace() else ""
    after = " " if part[-1].isspace() else ""
    return before + normalise(part) + after


@dataclass(frozen=True)
class _Phrase:
    group: str  # a category id or a signal name
    is_signal: bool
    weight: float
    regex: str
    literal: str  # text every match contains: a cheap test before the regular expression
    has_gap: bool


@dataclass(frozen=True)
class _Match:
    phrase: _Phrase
    start: int
    end: int
    text: str


def classify_notice(text: str, catalogue: Catalogue,
                    model: TextModel | Literal[False] | None = None) -> NoticeClassification:
    """Map the text of a restriction notice to violation categories and restriction signals.

    The phrases decide; when they find no category or only a weak one, the learned model of
    notices (the shipped one unless ``model`` is given; ``False``: none) adds its best guess."""
    phrases, literals = _compile(_phrase_table(catalogue))
    notice = normalise(text)
    if not notice:
        return NoticeClassification()
    # One pass of the automaton tells which literals occur; only their phrases run a regex.
    present = set(literals.find_matches_as_strings(notice, overlapping=True))
    matches = [m for p in phrases if p.literal in present for m in _find(p, notice)]

    # The most specific phrase wins: a phrase inside a longer gapless phrase does not count
    # ("广告" inside the fraud phrase "虚假广告"; "账号被封" inside "微信账号被封", which is not
    # a block of the WeCom account; "添加客户" inside "限制添加客户", the restriction rather
    # than its cause). What a gap phrase spans may be evidence of its own, but a signal at
    # either end of one does not count ("account ... banned" in "wechat account ... banned").
    gapless = [m for m in matches if not m.phrase.has_gap]
    category_evidence = _outermost([m for m in matches if not m.phrase.is_signal], gapless)
    # Signals of different families (scope, duration, account) do not hide each other: "永久"
    # inside "被永久封禁" still says how long, though the longer phrase says what is blocked.
    signal_evidence = [
        m for family in _SIGNAL_FAMILIES
        for m in _outermost(
            [m for m in matches if m.phrase.is_signal and m.phrase.group.startswith(family)],
            [c for c in gapless if not c.phrase.is_signal or c.phrase.group.startswith(family)])
    ]
    signal_evidence = _not_at_the_ends(signal_evidence, [m for m in matches if m.phrase.has_gap])

    rule_of = {v.id: v.rule for v in catalogue.violations}
    found = _distinct(category_evidence)
    scores = {c: sum(p.weight for p in found[c]) for c in found}
    total = sum(scores.values())
    candidates = []
    for category, score in scores.items():
        confidence = _confidence(score, total)
        if confidence >= _MIN_CONFIDENCE:
            candidates.append(CategoryCandidate(
                category=category, rule=rule_of[category], confidence=confidence,
                matched=_texts(found[category])))
    candidates.sort(key=lambda c: (-c.confidence, c.category))
    if not candidates or candidates[0].confidence < _WEAK:
        use = None if model is False else model or shipped_model("notices")
        if use is not None:
            candidates = _with_model(candidates, text, use, rule_of)

    signals = {name: _texts(found) for name, found in _distinct(signal_evidence).items()}
    return NoticeClassification(candidates=candidates, signals=signals)


def _with_model(candidates: list[CategoryCandidate], text: str, model: TextModel,
                rule_of: dict[str, str]) -> list[CategoryCandidate]:
    """The phrases' candidates with the model's best category if it passes its threshold and
    is more likely than not; its confidence is the model's probability (logistic of the
    score), so a guess below 0.5 never decides (app.rules.engine)."""
    norm = normalise_text(text)
    passing = [(c, m + model.thresholds[model.index[c]]) for c, m in model.passing(norm.text)
               if c in rule_of]
    if not passing:
        return candidates
    category, score = max(passing, key=lambda p: p[1])
    if score < 0:
        return candidates
    confidence = round(1 / (1 + math.exp(-score)), 3)
    start, end = norm.span(*model.span(norm.text, category))
    matched = [text[start:end].strip()] if text[start:end].strip() else []
    others = [c for c in candidates if c.category != category]
    old = next((c for c in candidates if c.category == category), None)
    if old is not None and old.confidence >= confidence:
        return candidates
    found = CategoryCandidate(category=category, rule=rule_of[category], confidence=confidence,
                              matched=list(dict.fromkeys([*(old.matched if old else []),
                                                          *matched])))
    return sorted([*others, found], key=lambda c: (-c.confidence, c.category))


def _confidence(score: float, total: float) -> float:
    """Evidence for the category, discounted by how much of the evidence competitors hold."""
    strength = 1 - _DOUBT_PER_PHRASE ** score
    share = score / total
    return round(strength * math.sqrt(share), 3)


def _distinct(matches: Iterable[_Match]) -> dict[str, dict[_Phrase, str]]:
    """Per group, each phrase once with the text of its first match, in notice order."""
    found: dict[str, dict[_Phrase, str]] = {}
    for m in sorted(matches, key=lambda m: m.start):
        found.setdefault(m.phrase.group, {}).setdefault(m.phrase, m.text)
    return found


def _texts(found: dict[_Phrase, str]) -> list[str]:
    return list(dict.fromkeys(found.values()))


def _outermost(matches: list[_Match], containers: list[_Match]) -> list[_Match]:
    """The matches that lie strictly inside no container (an equal span does not hide)."""
    spans = sorted((c.start, c.end) for c in containers)
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))
    kept = []
    for m in matches:
        before = bisect_left(starts, m.start)  # containers that start earlier
        if before and reach[before - 1] >= m.end:
            continue
        same = bisect_right(starts, m.start)  # ... or at the same place and end later
        if same > before and spans[same - 1][1] > m.end:
            continue
        kept.append(m)
    return kept


def _not_at_the_ends(matches: list[_Match], gap_matches: list[_Match]) -> list[_Match]:
    """The matches that neither begin nor end a longer gap match."""
    furthest_from: dict[int, int] = {}
    earliest_to: dict[int, int] = {}
    for g in gap_matches:
        furthest_from[g.start] = max(furthest_from.get(g.start, g.end), g.end)
        earliest_to[g.end] = min(earliest_to.get(g.end, g.start), g.start)
    return [m for m in matches
            if furthest_from.get(m.start, m.end) <= m.end
            and earliest_to.get(m.end, m.start) >= m.start]


def _find(phrase: _Phrase, notice: str) -> Iterator[_Match]:
    for m in _pattern(phrase.regex).finditer(notice):
        if m.end() > m.start():
            yield _Match(phrase, m.start(), m.end(), m.group().strip())


@cache
def _pattern(regex: str) -> re.Pattern[str]:
    # Compiled on first need: most phrases never get past their literal test.
    return re.compile(regex)


# Phrase compilation ------------------------------------------------------------------------

_PhraseTable = tuple[tuple[str, bool, float, tuple[str, ...]], ...]


def _phrase_table(catalogue: Catalogue) -> _PhraseTable:
    """The catalogue's phrases as a hashable table, so compiling them can be cached."""
    table = [(p.category, False, p.weight, (*p.zh_CN, *p.en)) for p in catalogue.category_phrases]
    table += [(p.signal, True, 1.0, (*p.zh_CN, *p.en)) for p in catalogue.signal_phrases]
    return tuple(table)


@lru_cache(maxsize=8)
def _compile(table: _PhraseTable) -> tuple[tuple[_Phrase, ...], ahocorasick_rs.AhoCorasick]:
    phrases = tuple(
        _Phrase(group, is_signal, weight, _phrase_regex(phrase), _literal(phrase),
                "..." in phrase)
        for group, is_signal, weight, phrases in table
        for phrase in dict.fromkeys(_normalise_phrase(p) for p in phrases)
        if phrase
    )
    literals = sorted({p.literal for p in phrases})
    return phrases, ahocorasick_rs.AhoCorasick(literals)


_TOKEN = re.compile(r"\.\.\.|\{n\}|\*|\s+|-|[a-z0-9]+|.", re.DOTALL)
_SYNTAX = re.compile(r"\.\.\.|\{n\}|\*|\s+|-")


def _literal(phrase: str) -> str:
    return max(_SYNTAX.split(phrase), key=len)


def _phrase_regex(phrase: str) -> str:
    """Translate one phrase of notice_phrases.toml (see its header) into a regular expression."""
    cjk = bool(_CJK.search(phrase))
    tokens = _TOKEN.findall(phrase)
    out: list[str] = []
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token == "...":
            out.append(_GAP_CJK if cjk else _GAP_LATIN)
        elif token == "{n}":
            out.append(rf"\s?{_NUMBER}\s?" if cjk else _NUMBER)
        elif token == "*":
            out.append("[a-z0-9]*")
        elif token.isspace():
            out.append(r"[\s\-]*" if cjk else r"[\s\-]+")
        elif token == "-":
            out.append(r"[\s\-]?")
        elif token.isascii() and token.isalnum():
            # Latin words match whole words, unless a hyphen joins them or `*` lets them go on.
            if before in ("", "...", "{n}") or before.isspace():
                out.append(_WORD_START)
            out.append(re.escape(token))
            if after in ("", "...") or after.isspace():
                out.append(_WORD_END)
        else:
            out.append(re.escape(token))
    return "".join(out)
