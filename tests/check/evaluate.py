"""Precision and recall of the check before sending (corpus.tsv) and of the notice classifier
(notices.tsv), per category.

    python tests/check/evaluate.py [--verbose] [--copy FILE] [--notices FILE] [--no-model]

The learned layer (app/textcheck/model.py) counts: it runs inside TextChecker and
classify_notice. It was trained on these files too, so on them the numbers are in-sample; give
texts it never saw with --copy / --notices (same TSV format), and --no-model for the term checks
and phrases alone. tools/train_check_model.py --holdout measures a file left out of training.

A risky text counts as found for a category when a finding of that category has severity high
or medium; an ordinary text counts as flagged when any finding is medium or above. Goals of
issue 11: recall on high checks >= 95 %, ordinary texts flagged medium or above <= 3 %.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from app.rules.catalogue import load_catalogue  # noqa: E402
from app.rules.classifier import classify_notice  # noqa: E402
from app.textcheck.engine import TextChecker, load_checker  # noqa: E402


def read_tsv(name: str | Path) -> list[tuple[list[str], str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, _, text = line.partition("\t")
        rows.append((label.split(","), text))
    return rows


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    ordinary: int = 0
    ordinary_flagged: int = 0
    risky: int = 0
    risky_flagged: int = 0  # risky texts with a finding of any category

    def recall(self, category: str | None = None) -> float:
        tp = sum(self.tp.values()) if category is None else self.tp[category]
        fn = sum(self.fn.values()) if category is None else self.fn[category]
        return tp / (tp + fn) if tp + fn else 1.0

    def precision(self, category: str | None = None) -> float:
        tp = sum(self.tp.values()) if category is None else self.tp[category]
        fp = sum(self.fp.values()) if category is None else self.fp[category]
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def flagged_rate(self) -> float:
        return self.ordinary_flagged / self.ordinary if self.ordinary else 0.0


def _tally(score: Score, expected: list[str], found: set[str], text: str) -> None:
    if expected == ["ok"]:
        score.ordinary += 1
        if found:
            score.ordinary_flagged += 1
            score.misses.append(f"flagged ordinary text {sorted(found)}: {text}")
        for category in found:
            score.fp[category] += 1
        return
    score.risky += 1
    score.risky_flagged += bool(found)
    for category in expected:
        if category in found:
            score.tp[category] += 1
        else:
            score.fn[category] += 1
            score.misses.append(f"missed {category} (found {sorted(found)}): {text}")
    for category in found - set(expected):
        score.fp[category] += 1


def evaluate_copy(checker: TextChecker, name: str | Path = "corpus.tsv",
                  into: Score | None = None) -> Score:
    """The file's texts through ``checker``, tallied into ``into`` (several files, one score)
    or a new score."""
    score = into if into is not None else Score()
    for expected, text in read_tsv(name):
        found = {f.category for f in checker.check(text, "en") if f.severity != "info"}
        _tally(score, expected, found, text)
    return score


def evaluate_notices(name: str | Path = "notices.tsv", use_model: bool = True,
                     into: Score | None = None) -> Score:
    catalogue = load_catalogue()
    score = into if into is not None else Score()
    for expected, text in read_tsv(name):
        best = classify_notice(text, catalogue, model=None if use_model else False).best
        _tally(score, expected, {best.category} if best else set(), text)
    return score


def report(title: str, score: Score, out: list[str]) -> None:
    out.append(f"{title}: {score.risky} labelled risky, {score.ordinary} ordinary")
    out.append(f"  {'category':<24}{'precision':>10}{'recall':>8}{'n':>5}")
    for category in sorted(set(score.tp) | set(score.fn) | set(score.fp)):
        n = score.tp[category] + score.fn[category]
        out.append(f"  {category:<24}{score.precision(category):>10.1%}"
                   f"{score.recall(category):>8.1%}{n:>5}")
    out.append(f"  {'all':<24}{score.precision():>10.1%}{score.recall():>8.1%}")
    if score.risky and score.ordinary:  # texts to send (a notice always names a category)
        out.append(f"  risky texts flagged (any category): {score.risky_flagged}/{score.risky} "
                   f"= {score.risky_flagged / score.risky:.1%}")
    if score.ordinary:
        out.append(f"  ordinary texts flagged: {score.ordinary_flagged}/{score.ordinary} "
                   f"= {score.flagged_rate:.1%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--copy", type=Path, default=HERE / "corpus.tsv",
                        help="labelled texts (default: tests/check/corpus.tsv)")
    parser.add_argument("--notices", type=Path, default=HERE / "notices.tsv",
                        help="labelled notices (default: tests/check/notices.tsv)")
    parser.add_argument("--no-model", action="store_true",
                        help="term checks and phrases only, without the learned layer")
    args = parser.parse_args()
    out: list[str] = []
    checker = load_checker(load_catalogue(), use_workspace=False,
                           model=False if args.no_model else None)
    copy = evaluate_copy(checker, args.copy)
    notices = evaluate_notices(args.notices, not args.no_model)
    report(f"Check before sending ({args.copy})", copy, out)
    report(f"Notice classifier ({args.notices})", notices, out)
    if args.verbose:
        out += ["", *copy.misses, *notices.misses]
    print("\n".join(out))
    ok = (copy.recall() >= 0.95 and copy.flagged_rate <= 0.03 and notices.recall() >= 0.95
          and notices.flagged_rate <= 0.03)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
