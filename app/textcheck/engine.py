"""Check texts before they are sent: findings with category, rule, section, severity, the span
in the original text, a reason and a rewrite hint."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.i18n import Lang
from app.jobs import Progress, progress_text
from app.labels import label
from app.rules.catalogue import Catalogue
from app.textcheck.checks import (
    ENTERPRISE_FILE,
    SEVERITIES,
    Basis,
    Check,
    CheckSet,
    ChecksFile,
    Severity,
    build_check_set,
    read_checks_file,
    shipped_checks,
)
from app.textcheck.matcher import Hit, TermMatcher
from app.textcheck.model import TextModel, model_hint, shipped_model
from app.textcheck.normalise import Normalised, normalise, normalise_term

_EXCEPT = -1
_NEGATION = -2  # a term of the negation list, owned by no check
_NEAR_NEGATION = -3  # a negation that denies only what follows at once
_WARNING = -4  # a word that makes the whole text a warning
_ANY = 0  # a term of a terms check; group g of all_of is role g + 1
# Characters either side of a term finding that the model reads again before overruling it.
# Measured on writers w22 and w24 (fresh, the shipped model): 10-30 all recover 0.5-1 point of
# recall at +0-0.4 point of ordinary texts flagged; 15 the best of them.
VETO_CONTEXT = 15


class Finding(BaseModel):
    """One finding; the JSON of ``wecom-appeal check --json`` is exactly the included fields."""

    model_config = ConfigDict(frozen=True)

    category: str
    rule: str | None
    section: str | None
    severity: Severity
    start: int = Field(description="Start of the finding in the text, in characters.")
    end: int = Field(description="End (exclusive), in characters.")
    reason: str
    hint: str
    check: str = Field(exclude=True)
    basis: Basis = Field(exclude=True)
    title: str = Field(exclude=True)
    matched: str = Field(exclude=True)


class TextFindings(BaseModel):
    findings: list[Finding]


class RowFindings(BaseModel):
    row: int = Field(description="The row number in the file (1 = first line or row).")
    text: str = Field(exclude=True)
    findings: list[Finding]


class TableFindings(BaseModel):
    items: list[RowFindings]


@dataclass(frozen=True)
class _Compiled:
    check_set: CheckSet
    matcher: TermMatcher
    roles: list[tuple[int, int]]  # term index -> (check index, role)


class TextChecker:
    """A check set compiled into one automaton, and the learned layer beside it (the shipped
    model unless ``model`` is given; ``False``: none); reuse it for many texts."""

    def __init__(self, check_set: CheckSet, model: TextModel | Literal[False] | None = None
                 ) -> None:
        self._model: TextModel | None = (
            None if model is False else model if model is not None else shipped_model("texts"))
        terms: list[str] = []
        roles: list[tuple[int, int]] = []
        for ci, check in enumerate(check_set.checks):
            groups = [(_ANY, check.terms)] if check.terms else list(enumerate(check.all_of, 1))
            for role, group in [*groups, (_EXCEPT, check.except_)]:
                for term in group:
                    norm = normalise_term(term)
                    if norm.strip("*"):
                        terms.append(norm)
                        roles.append((ci, role))
        negation = check_set.negation
        for role, group in ((_NEGATION, negation.terms if negation else ()),
                            (_NEAR_NEGATION, negation.near_terms if negation else ()),
                            (_WARNING, check_set.warning.terms if check_set.warning else ())):
            for term in group:
                terms.append(normalise_term(term))
                roles.append((-1, role))
        self._negation_window = negation.window if negation else 0
        self._shipped_ids = frozenset(c.id for c in shipped_checks().check)
        self._near_window = negation.near_window if negation else 0
        self._c = _Compiled(check_set, TermMatcher(terms), roles)

    @property
    def check_set(self) -> CheckSet:
        return self._c.check_set

    def check(self, text: str, lang: Lang) -> list[Finding]:
        norm = normalise(text)
        by_check: dict[int, dict[int, list[Hit]]] = {}
        negations: list[Hit] = []
        near: list[Hit] = []
        warning = False
        for hit in self._c.matcher.find(norm.text):
            ci, role = self._c.roles[hit.term]
            if role == _NEGATION:
                negations.append(hit)
            elif role == _NEAR_NEGATION:
                near.append(hit)
            elif role == _WARNING:
                warning = True
            else:
                by_check.setdefault(ci, {}).setdefault(role, []).append(hit)
        window = self._negation_window
        findings: list[Finding] = []
        denied: set[str] = set()  # categories with a term the text denies or warns against
        for ci, found_roles in by_check.items():
            check = self._c.check_set.checks[ci]
            excepted = found_roles.pop(_EXCEPT, [])
            roles = {r: [h for h in hits if not _inside_any(h, excepted)
                         and not _negated(h, negations, window, norm.text)
                         and not _negated(h, near, self._near_window, norm.text,
                                          before=True)]
                     for r, hits in found_roles.items()}
            if any(len(roles[r]) < len(hits) for r, hits in found_roles.items()):
                denied.add(check.category)
            if check.terms:
                spans = [(h.start, h.end) for h in roles.get(_ANY, [])]
            else:
                spans = _co_occurrences([roles.get(g, []) for g in
                                         range(1, len(check.all_of) + 1)], check.window)
            for start, end in _merged(spans):
                o_start, o_end = norm.span(start, end)
                finding = self._finding(check, o_start, o_end, text, lang)
                if warning and finding.severity != "info":
                    finding = finding.model_copy(update={
                        "severity": "info",
                        "reason": label("check_warning_frame", lang) + finding.reason})
                findings.append(finding)
        findings = _one_per_passage(findings, text)
        model = self._model
        if model is not None:
            total = model.total(norm.text)
            # Unpacking the scores is needed only for a term finding the model may overrule
            # or when some category may pass: most texts need neither.
            if model.may_pass(total) or any(f.category in model.index and f.severity != "info"
                                            for f in findings):
                scores = model.decode(total)
                findings = self._overruled(findings, norm, scores, lang)
                findings += self._model_findings(norm, findings, scores, lang, denied, warning)
        findings.sort(key=lambda f: (f.start, _RANK[f.severity], f.end, f.check))
        return findings

    def _overruled(self, findings: list[Finding], norm: Normalised, scores: Sequence[float],
                   lang: Lang) -> list[Finding]:
        """Findings of the shipped term checks that the model reads, with confidence, as not of
        their category (mostly a term inside a denial or warning the negation list misses:
        "不用转发不用集赞", "不是刷单", "本店不卖A货") become ``info``: still shown, with why."""
        model = self._model
        assert model is not None
        if model.veto_margin is None or len(norm.text) < model.veto_min_chars:
            return findings
        shipped = self._shipped_ids
        out = []
        for f in findings:
            c = model.index.get(f.category)
            if (c is not None and f.severity != "info" and f.check in shipped
                    and scores[c] < model.thresholds[c] - model.veto_margin
                    and self._overruled_nearby(norm.original, f, c)):
                f = f.model_copy(update={
                    "severity": "info", "reason": label("check_model_overruled", lang) + f.reason})
            out.append(f)
        return out

    def _overruled_nearby(self, text: str, finding: Finding, c: int) -> bool:
        """Whether the model also overrules the finding on its own passage. A text on several
        things ("转发集赞送礼盒！另招兼职刷单，日结") scores low for each category but the main
        one, while a denial sits next to its term ("不用转发不用集赞")."""
        model = self._model
        assert model is not None and model.veto_margin is not None
        passage = text[max(0, finding.start - VETO_CONTEXT):finding.end + VETO_CONTEXT]
        return model.scores(normalise(passage).text)[c] < model.thresholds[c] - model.veto_margin

    def _model_findings(self, norm: Normalised, found: Sequence[Finding],
                        scores: Sequence[float], lang: Lang, denied: set[str], warning: bool
                        ) -> list[Finding]:
        """A finding per category the model sees and no medium or high term finding names.
        What the term checks read as denied ("本店从不刷单") or warned against is not found
        again by the model unless the model is sure (``sure_margin`` above its threshold: the
        negation list reads words, not sentences: "If you don't share this, you lose your VIP
        price"); in a text that is a warning, the model's findings are info."""
        model = self._model
        assert model is not None
        named = {f.category for f in found if f.severity != "info"}
        cs = self._c.check_set
        out = []
        flagged = any(f.severity != "info" for f in found)
        sure_margin = model.sure_margin
        for category, margin in model.passing_scores(scores):
            if category in named or category not in cs.catalogue_categories:
                continue
            if margin < 0 and flagged:  # the risky lane's pick adds nothing to a flagged text
                continue
            sure = sure_margin is not None and margin >= sure_margin
            if category in denied and not sure:
                continue
            rule, section = cs.rule_section(category)
            severity: Severity = ("info" if warning else "high"
                                  if section == "4.1" or margin >= model.high_margin
                                  else "medium")
            start, end = norm.span(*model.span(norm.text, category))
            title = cs.title(category, lang)
            out.append(Finding(
                category=category, rule=rule, section=section, severity=severity, start=start,
                end=end, reason=(label("check_warning_frame", lang) if warning else "")
                + label("check_model_reason", lang, title=title, section=section or ""),
                hint=model_hint(category, lang), check=f"model.{category}", basis="wecom",
                title=title, matched=norm.original[start:end]))
        return out

    def _finding(self, check: Check, start: int, end: int, text: str, lang: Lang) -> Finding:
        cs = self._c.check_set
        rule, section = cs.rule_section(check.category)
        basis = cs.basis(check.category)
        reason = check.reason(lang)
        if basis == "advice":
            reason = label("check_advice_prefix", lang) + reason
        return Finding(category=check.category, rule=rule, section=section,
                       severity=check.severity, start=start, end=end, reason=reason,
                       hint=check.hint(lang), check=check.id, basis=basis,
                       title=cs.title(check.category, lang), matched=text[start:end])


_RANK = {s: i for i, s in enumerate(SEVERITIES)}


def _one_per_passage(findings: list[Finding], text: str) -> list[Finding]:
    """Overlapping findings of one category become one: the most severe check speaks for the
    whole passage ("兼职刷单" and "刷单，日结" are one order-brushing passage)."""
    out: list[Finding] = []
    by_category: dict[str, list[Finding]] = {}
    for f in findings:
        by_category.setdefault(f.category, []).append(f)
    for group in by_category.values():
        group.sort(key=lambda f: (f.start, f.end))
        merged: list[list[Finding]] = []
        end = -1
        for f in group:
            if merged and f.start < end:
                merged[-1].append(f)
                end = max(end, f.end)
            else:
                merged.append([f])
                end = f.end
        for passage in merged:
            lead = min(passage, key=lambda f: (_RANK[f.severity], f.start))
            start = min(f.start for f in passage)
            stop = max(f.end for f in passage)
            out.append(lead if (start, stop) == (lead.start, lead.end) else lead.model_copy(
                update={"start": start, "end": stop, "matched": text[start:stop]}))
    return out


_SENTENCE_END = re.compile(r"[。.!?;\n]")


def _negated(hit: Hit, negations: Iterable[Hit], window: int, text: str,
             before: bool = False) -> bool:
    """A negation ends at most ``window`` characters before the hit starts (or covers it, unless
    ``before``: a term that holds the word itself, "无需本人到场", is not denied by it), in the
    same sentence."""
    return any(n.start <= hit.start and n.end >= hit.start - window
               and (not before or n.end <= hit.start)
               and not _SENTENCE_END.search(text, n.end, max(n.end, hit.start))
               for n in negations)


def _inside_any(hit: Hit, containers: Iterable[Hit]) -> bool:
    return any(c.start <= hit.start and hit.end <= c.end for c in containers)


def _co_occurrences(groups: Sequence[list[Hit]], window: int) -> list[tuple[int, int]]:
    """Spans where one hit of every group lies within ``window`` characters."""
    if not all(groups):
        return []
    spans = []
    for anchor in groups[0]:
        start, end = anchor.start, anchor.end
        for other in groups[1:]:
            best = min(other, key=lambda h: max(end, h.end) - min(start, h.start))
            start, end = min(start, best.start), max(end, best.end)
        if end - start <= window:
            # Whole words: a longer hit overlapping an end ("领" of "领取") widens the span.
            for group in groups:
                for h in group:
                    if h.start < end and h.end > start:
                        start, end = min(start, h.start), max(end, h.end)
            spans.append((start, end))
    return spans


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def check_rows(checker: TextChecker, rows: Sequence[tuple[int, str]], lang: Lang,
               progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> list[RowFindings]:
    items = []
    for i, (row, text) in enumerate(rows):
        if cancelled is not None and cancelled():
            break
        items.append(RowFindings(row=row, text=text, findings=checker.check(text, lang)))
        if progress is not None and (i % 50 == 49 or i + 1 == len(rows)):
            progress(i + 1, len(rows),
                     progress_text("progress_check_rows", done=i + 1, total=len(rows)))
    return items


def worst(findings: Iterable[Finding]) -> Severity | None:
    found = {f.severity for f in findings}
    return next((s for s in SEVERITIES if s in found), None)


def enterprise_file(folder: Path | None = None) -> Path:
    from app.store.paths import workspace_dir

    return (folder or workspace_dir()) / ENTERPRISE_FILE


def load_checker(catalogue: Catalogue, terms_files: Sequence[Path] = (),
                 use_workspace: bool = True, model: TextModel | Literal[False] | None = None
                 ) -> TextChecker:
    """The shipped checks, the workspace's enterprise file if there is one, and ``terms_files``,
    with the learned layer (``model``: see TextChecker). Raises ChecksError naming the file and
    field of a malformed one."""
    extra: list[tuple[str, ChecksFile]] = []
    if use_workspace:
        path = enterprise_file()
        if path.is_file():
            extra.append((str(path), read_checks_file(path)))
    extra += [(str(p), read_checks_file(p)) for p in terms_files]
    return TextChecker(build_check_set(catalogue, extra), model)
