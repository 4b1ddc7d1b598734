"""Train the learned layer of the check before sending (``--kind texts``) or of the notice
classifier (``--kind notices``) from labelled TSV files, and write the model into
resources/check (app/textcheck/model.py reads it).

    python tools/train_check_model.py                       # texts: corpus.tsv + train/*.tsv
    python tools/train_check_model.py --kind notices        # notices.tsv + train/notices*.tsv
    python tools/train_check_model.py --holdout tests/check/train/batch_b.tsv   # measure only
    python tools/train_check_model.py --check               # exit 1: model older than its data

A TSV row is ``label<TAB>text``; labels are comma-separated category ids of the rule catalogue
(or the app's advice categories of resources/check/checks.toml), ``ok`` for an ordinary text.
Training needs scikit-learn (``pip install -e '.[train]'``); ``--check`` does not. Training is
deterministic: same files, same model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.textcheck.model import (  # noqa: E402
    MODEL_FILES,
    RISKY,
    FeatureSettings,
    ModelFile,
    ModelMeta,
    TextModel,
    TrainingFile,
    features,
    read_model,
)
from app.textcheck.normalise import normalise  # noqa: E402

CHECK_DIR = ROOT / "tests" / "check"
OUT_DIR = ROOT / "resources" / "check"
OK = "ok"

# Learner settings, measured with --holdout and cross-validation (tests/check/README.md).
C_REG = 10.0  # inverse L2 strength (leave-one-writer-out: 10 > 3 > 1 > 0.3 in recall at 3 %)
MIN_DF = 2  # a feature must occur in this many training texts: no memorised one-offs
# A category needs this many examples to get a classifier (notices are short and uniform).
MIN_POSITIVES = {"texts": 6, "notices": 3}
# Weights smaller than this are not exported (single characters: PRUNE_CHAR; each one costs
# time in every text, bench/check). Cross-validation scores the pruned models.
PRUNE = 0.06
PRUNE_CHAR = 0.1
SCALE = 1000
FOLDS = 5
# A term finding whose category the model scores this far below its threshold becomes info
# (texts of at least VETO_MIN_CHARS normalised characters). Measured leaving one writer out
# (tests/check/README.md): ordinary texts flagged fall from 5.4 % to 3.6 %, recall by 1 point.
VETO_MARGIN = 3.0
VETO_MIN_CHARS = 20
# A model finding this far above its threshold stands where the term checks read a denial ("If
# you don't share this, you lose your VIP price"; the warning words still hold it back). With the
# 47-writer model on writers it never read (w48-w57): 90.6 -> 91.1 % found, ordinary texts
# flagged 2.1 -> 2.0 % (with the warning words' new entries); margins 1-2 found as much and
# flagged more, letting sure findings past warnings too gained 0.2 points for 0.1 more flagged.
SURE_MARGIN = 3.0
# Ordinary texts the category thresholds may flag, out of fold, over all categories together;
# RISKY_BUDGET: with the risky lane (leaving one writer out, 13 writers: the risky lane plus the
# categories found 90 % at 1.8 % ordinary flagged, the categories alone 80 % at 1 %, 85 % at 2 %;
# 1.5 % / 3 % against 1 % / 2 %: recall +1 point, held-out ordinary flagged 1.4 % against 0.6 %).
# 2 % / 4.5 % against 1.5 % / 3 %, trained without whole writers and measured on them (found,
# ordinary flagged; w35-w41: 86.7 / 2.4 % against 85.3 / 2.0 %; w42-w47: 90.4 / 1.6 % against
# 88.6 / 0.9 %; w48-w57: 90.6 / 2.1 % against 89.0 / 1.6 %): recall +1.5 points for +0.5.
ORDINARY_BUDGET = 0.02
RISKY_BUDGET = 0.045
# The risky lane names a category only this close to its threshold (bench/check's random
# texts: 19 % flagged on the risky lane alone without it, 0.8 % with -2).
RISKY_FLOOR = -2.0
# Added to every threshold of the texts model: on a writer it never read, the model flags
# about 2.5 times the ordinary texts cross-validation predicts (leaving one writer out: 4.1 %
# against 1.5 %); this margin brings the whole check (terms + model) to about 2.8 %.
WRITER_MARGIN = 0.5


class TrainError(Exception):
    """Bad training data: the message names the file and line."""


class Row(BaseModel):
    model_config = ConfigDict(frozen=True)

    labels: tuple[str, ...]
    text: str
    source: str
    line: int

    @property
    def ordinary(self) -> bool:
        return self.labels == (OK,)


def is_notices_file(path: Path) -> bool:
    return path.name.startswith("notices")


def default_files(kind: str) -> list[Path]:
    """The labelled files a model of ``kind`` learns from. The notice model learns from the
    risky marketing texts too (what a notice names is what those texts do; leaving one writer
    out, notices found by the model alone rose from 69 % to 79 % with them)."""
    train = CHECK_DIR / "train"
    extra = sorted(train.glob("*.tsv")) if train.is_dir() else []
    texts = [CHECK_DIR / "corpus.tsv", *(p for p in extra if not is_notices_file(p))]
    if kind == "notices":
        return [CHECK_DIR / "notices.tsv", *(p for p in extra if is_notices_file(p)), *texts]
    return texts


def known_labels() -> set[str]:
    from app.rules.catalogue import load_catalogue
    from app.textcheck.checks import shipped_checks

    return ({v.id for v in load_catalogue().violations}
            | {c.id for c in shipped_checks().category} | {OK})


def read_rows(path: Path, known: set[str]) -> list[Row]:
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise TrainError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise TrainError(f"{path}: cannot be read as UTF-8 text: {exc}") from exc
    rows = []
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        label, tab, text = line.partition("\t")
        if not tab or not text.strip():
            raise TrainError(f"{path}, line {number}: expected label<TAB>text")
        labels = tuple(x.strip() for x in label.split(","))
        unknown = [x for x in labels if x not in known]
        if unknown:
            raise TrainError(f"{path}, line {number}: unknown label {unknown[0]!r}")
        if OK in labels and len(labels) > 1:
            raise TrainError(f"{path}, line {number}: `ok` cannot go with a category")
        rows.append(Row(labels=labels, text=text.strip(), source=_rel(path), line=number))
    return rows


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def record(path: Path, rows: int) -> TrainingFile:
    return TrainingFile(path=_rel(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                        rows=rows)


# Checking the shipped model against its data ----------------------------------------------


def stale(kind: str, model_path: Path | None = None) -> list[str]:
    """Why the model of ``kind`` no longer matches its training files (empty: it matches)."""
    path = model_path or OUT_DIR / MODEL_FILES[kind]
    if not path.is_file():
        return [f"{_rel(path)}: no model; train it with tools/train_check_model.py --kind {kind}"]
    meta = read_model(path.read_bytes(), _rel(path)).meta
    recorded = {f.path: f.sha256 for f in meta.training_files}
    current = {_rel(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in default_files(kind)}
    problems = [f"{name}: changed since the model was trained" for name in sorted(current)
                if name in recorded and recorded[name] != current[name]]
    problems += [f"{name}: new, not in the model" for name in sorted(set(current) - set(recorded))]
    problems += [f"{name}: in the model, but gone" for name in sorted(set(recorded) - set(current))]
    return problems


# Training ---------------------------------------------------------------------------------


def _sklearn() -> Any:
    try:
        import numpy as np
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise SystemExit("Training needs scikit-learn: pip install -e '.[train]' "
                         f"(missing: {exc.name})") from exc
    return np, sparse, LogisticRegression


def text_features(rows: Sequence[Row], settings: FeatureSettings) -> list[Counter[str]]:
    """Per text, how often each feature occurs: the same function inference uses."""
    return [Counter(features(normalise(r.text).text, settings)) for r in rows]


def _matrix(docs: Sequence[Counter[str]], vocab: dict[str, int]) -> Any:
    np, sparse, _ = _sklearn()
    indptr, indices, data = [0], [], []
    for doc in docs:
        known = sorted((vocab[f], n) for f, n in doc.items() if f in vocab)
        indices += [j for j, _ in known]
        data += [float(n) for _, n in known]
        indptr.append(len(indices))
    return sparse.csr_matrix((np.array(data, dtype=np.float64), indices, indptr),
                             shape=(len(docs), len(vocab)))


def fit(docs: Sequence[Counter[str]], rows: Sequence[Row], categories: Sequence[str], c_reg: float
        ) -> tuple[list[str], Any, list[float]]:
    """(vocabulary, coefficients categories × features, biases)."""
    np, _, LogisticRegression = _sklearn()
    df = Counter(f for doc in docs for f in doc)
    vocab_list = sorted(f for f, n in df.items() if n >= MIN_DF)
    vocab = {f: i for i, f in enumerate(vocab_list)}
    x = _matrix(docs, vocab)
    coef = np.zeros((len(categories), len(vocab_list)))
    bias = []
    for ci, category in enumerate(categories):
        y = np.array([(not r.ordinary) if category == RISKY else category in r.labels
                      for r in rows], dtype=int)
        if y.min() == y.max():  # a fold without one side: this lane learns nothing there
            bias.append(-20.0 if y.max() == 0 else 20.0)
            continue
        learner = LogisticRegression(solver="liblinear", C=c_reg, class_weight="balanced",
                                     random_state=0, max_iter=1000)
        learner.fit(x, y)
        coef[ci] = learner.coef_[0]
        bias.append(float(learner.intercept_[0]))
    return vocab_list, prune(vocab_list, coef), bias


def prune(vocab: Sequence[str], coef: Any) -> Any:
    np, _, _ = _sklearn()
    floor = np.array([PRUNE_CHAR if len(f) == 1 else PRUNE for f in vocab])
    return np.where(np.abs(coef) >= floor, coef, 0.0)


def decision(docs: Sequence[Counter[str]], vocab: list[str], coef: Any, bias: list[float]) -> Any:
    np, _, _ = _sklearn()
    x = _matrix(docs, {f: i for i, f in enumerate(vocab)})
    return np.asarray(x @ coef.T) + np.array(bias)


def out_of_fold(docs: Sequence[Counter[str]], rows: Sequence[Row], categories: Sequence[str],
                c_reg: float) -> Any:
    """Decision values of every text from a model that never saw it. With three or more
    training files, each file goes whole into one of FOLDS folds (a file is one writer's or
    one batch's texts: the scores then show how the model carries to a writer it never read,
    which is what the thresholds must allow for); otherwise FOLDS folds by position."""
    np, _, _ = _sklearn()
    scores = np.zeros((len(rows), len(categories)))
    sources = sorted({r.source for r in rows})
    if len(sources) >= 3:  # whole files to a fold, at most FOLDS folds
        fold_of = [sources.index(r.source) % FOLDS for r in rows]
    else:
        fold_of = [i % FOLDS for i in range(len(rows))]
    for k in sorted(set(fold_of)):
        train = [i for i in range(len(rows)) if fold_of[i] != k]
        test = [i for i in range(len(rows)) if fold_of[i] == k]
        vocab, coef, bias = fit([docs[i] for i in train], [rows[i] for i in train], categories,
                                c_reg)
        scores[test] = decision([docs[i] for i in test], vocab, coef, bias)
    return scores


def choose_thresholds(scores: Any, rows: Sequence[Row], categories: Sequence[str],
                      budget: float = ORDINARY_BUDGET) -> list[float]:
    """Per category, the threshold that finds most of its texts while the ordinary texts
    flagged by any category stay within ``budget`` (out-of-fold scores). Greedy: each step
    lowers the threshold of the category that gains most found texts per newly flagged
    ordinary text. Without ordinary texts (notices), 0: the balanced decision boundary."""
    ordinary = [i for i, r in enumerate(rows) if r.ordinary]
    if not ordinary:
        return [0.0] * len(categories)
    allowed = math.floor(budget * len(ordinary))
    lanes = [c for c in range(len(categories)) if categories[c] != RISKY]
    flagged: set[int] = set()
    # Per category: ordinary texts by score, highest first; level = how many of them pass.
    order = [sorted(ordinary, key=lambda i, c=c: -scores[i, c]) for c in range(len(categories))]
    pos = [sorted((float(scores[i, c]) for i, r in enumerate(rows) if categories[c] in r.labels),
                  reverse=True) for c in range(len(categories))]
    level = [0] * len(categories)

    def found(c: int, lvl: int) -> int:
        bound = float(scores[order[c][lvl], c]) if lvl < len(order[c]) else -math.inf
        return sum(1 for s in pos[c] if s > bound)

    while True:
        best: tuple[float, int, int] | None = None
        for c in lanes:
            now = found(c, level[c])
            for step in range(1, 6):
                lvl = level[c] + step
                if lvl > len(order[c]):
                    break
                new = set(order[c][level[c]:lvl]) - flagged
                if len(flagged) + len(new) > allowed:
                    break
                gain = found(c, lvl) - now
                if gain <= 0:
                    continue
                ratio = gain / (len(new) or 0.001)
                if best is None or ratio > best[0]:
                    best = (ratio, c, lvl)
        if best is None:
            break
        _, c, lvl = best
        flagged |= set(order[c][level[c]:lvl])
        level[c] = lvl
    thresholds = []
    for c in range(len(categories)):
        bound = float(scores[order[c][level[c]], c]) if level[c] < len(order[c]) else -math.inf
        above = [s for s in pos[c] if s > bound]
        if bound == -math.inf:
            thresholds.append(min(pos[c]) if pos[c] else 0.0)
        elif above:
            thresholds.append((bound + min(above)) / 2)  # halfway: margin on both sides
        else:
            thresholds.append(bound + 1e-3)
    return thresholds


def passes(scores: Any, categories: Sequence[str], thresholds: Sequence[float]) -> set[str]:
    """The categories one row of scores finds: the rule of TextModel.passing_scores."""
    found = {c for i, c in enumerate(categories) if c != RISKY and scores[i] >= thresholds[i]}
    if not found and RISKY in categories:
        r = categories.index(RISKY)
        if scores[r] >= thresholds[r]:
            best = max((i for i, c in enumerate(categories) if c != RISKY),
                       key=lambda i: scores[i] - thresholds[i])
            if scores[best] - thresholds[best] >= RISKY_FLOOR:
                found.add(categories[best])
    return found


def risky_threshold(scores: Any, rows: Sequence[Row], categories: Sequence[str],
                    thresholds: Sequence[float]) -> float:
    """The lowest threshold of the risky lane at which the ordinary texts flagged (by any
    category or by the risky lane) stay within RISKY_BUDGET, out of fold."""
    r = categories.index(RISKY)
    ordinary = [i for i, row in enumerate(rows) if row.ordinary]
    allowed = math.floor(RISKY_BUDGET * len(ordinary))
    by_category = {i for i in ordinary if any(
        scores[i, c] >= thresholds[c] for c in range(len(categories)) if c != r)}
    rest = sorted((float(scores[i, r]) for i in ordinary if i not in by_category),
                  reverse=True)
    room = allowed - len(by_category)
    if room < 0:
        return float(max(rest, default=0.0)) + 1e-3
    if room >= len(rest):
        return float(min(rest, default=0.0))
    return (rest[room] + (rest[room - 1] if room else rest[room] + 2e-3)) / 2


def model_categories(rows: Sequence[Row], kind: str) -> list[str]:
    from app.rules.catalogue import load_catalogue

    violations = [v.id for v in load_catalogue().violations]
    counts = Counter(label for r in rows for label in r.labels)
    found = [c for c in violations if counts[c] >= MIN_POSITIVES[kind]]
    # With ordinary texts to tell apart, one more lane: risky at all (any category), learned
    # from every risky text together (app/textcheck/model.py, TextModel.passing_scores).
    return [*found, RISKY] if found and counts[OK] >= MIN_POSITIVES[kind] else found


def train(rows: Sequence[Row], kind: str, settings: FeatureSettings, c_reg: float = C_REG,
          files: Sequence[TrainingFile] = (), log: Any = print) -> ModelFile:
    np, _, _ = _sklearn()
    categories = model_categories(rows, kind)
    if not categories:
        raise TrainError("no category has enough examples to learn from")
    docs = text_features(rows, settings)
    log(f"{len(rows)} texts, {len(categories)} categories; cross-validating…")
    oof = out_of_fold(docs, rows, categories, c_reg)
    thresholds = choose_thresholds(oof, rows, categories)
    if RISKY in categories:
        r = categories.index(RISKY)
        thresholds[r] = risky_threshold(oof, rows, categories, thresholds)
    if kind == "texts":
        thresholds = [t + WRITER_MARGIN for t in thresholds]
    cv = cv_summary(oof, rows, categories, thresholds)
    log("out of fold: " + ", ".join(f"{k} {v:.1%}" for k, v in cv.items()))
    vocab, coef, bias = fit(docs, rows, categories, c_reg)
    weights: list[dict[str, int]] = []
    for ci in range(len(categories)):
        row = coef[ci].tolist()
        keep = np.nonzero(coef[ci])[0].tolist()
        weights.append({vocab[j]: round(row[j] * SCALE) for j in keep
                        if round(row[j] * SCALE) != 0})
    counts = Counter(label for r in rows for label in r.labels)
    meta = ModelMeta(
        kind=kind, trained=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        training_files=list(files), examples=len(rows),
        positives={c: counts[c] for c in categories}, ordinary=counts[OK], settings=settings,
        trainer=(f"scikit-learn LogisticRegression(liblinear, L2, C={c_reg}, balanced), "
                 f"one vs rest; features in >= {MIN_DF} texts; |w| >= {PRUNE} exported; "
                 f"thresholds from out-of-fold scores (folds: files), ordinary budget "
                 f"{ORDINARY_BUDGET:.1%} (with the risky lane {RISKY_BUDGET:.1%})"
                 + (f", thresholds + {WRITER_MARGIN}" if kind == "texts" else "")),
        cross_validation=cv)
    return ModelFile(meta=meta, categories=categories, bias=[round(b, 4) for b in bias],
                     thresholds=[round(t, 4) for t in thresholds], scale=SCALE,
                     weights=weights, veto_margin=VETO_MARGIN if kind == "texts" else None,
                     risky_floor=RISKY_FLOOR,
                     veto_min_chars=VETO_MIN_CHARS,
                     sure_margin=SURE_MARGIN if kind == "texts" else None)


def cv_summary(scores: Any, rows: Sequence[Row], categories: Sequence[str],
               thresholds: Sequence[float]) -> dict[str, float]:
    risky = [i for i, r in enumerate(rows) if not r.ordinary]
    ordinary = [i for i, r in enumerate(rows) if r.ordinary]
    modelled = set(categories)
    found = [passes(scores[i], categories, thresholds) for i in range(len(rows))]
    hit = total = 0
    for i in risky:
        for label in set(rows[i].labels) & modelled:
            total += 1
            hit += label in found[i]
    flagged = sum(1 for i in ordinary if found[i])
    lanes = [c for c in range(len(categories)) if categories[c] != RISKY]
    top1 = sum(1 for i in risky
               if categories[max(lanes, key=lambda c, i=i: scores[i, c])] in rows[i].labels)
    out = {"recall": hit / total if total else 1.0,
           "top_category_right": top1 / len(risky) if risky else 1.0}
    if ordinary:
        out["ordinary_flagged"] = flagged / len(ordinary)
    return {k: round(float(v), 4) for k, v in out.items()}


def write_model(model: ModelFile, path: Path) -> None:
    data = model.model_dump(mode="json")
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


# Held-out measurement -----------------------------------------------------------------------


def _evaluate_module() -> Any:
    spec = importlib.util.spec_from_file_location("evaluate", CHECK_DIR / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate"] = module
    spec.loader.exec_module(module)
    return module


def holdout_report(model: ModelFile, kind: str, held: Sequence[Row],
                   margins: Sequence[float] = ()) -> str:
    """The held-out files through the notice classifier or the whole checker; for texts also
    with the thresholds' writer margin set to each of ``margins`` instead of WRITER_MARGIN."""
    ev = _evaluate_module()
    text_model = TextModel(model)
    out: list[str] = []
    if kind == "notices":
        from app.rules.catalogue import load_catalogue
        from app.rules.classifier import classify_notice

        catalogue = load_catalogue()
        for title, use in (("phrases only", None), ("phrases + model", text_model)):
            score = ev.Score()
            for r in held:
                best = classify_notice(r.text, catalogue, model=use or False).best
                ev._tally(score, list(r.labels), {best.category} if best else set(), r.text)
            ev.report(f"Held out, {title}", score, out)
        return "\n".join(out)
    from app.rules.catalogue import load_catalogue
    from app.textcheck.engine import load_checker

    catalogue = load_catalogue()

    def through_checker(use: TextModel | bool) -> Any:
        checker = load_checker(catalogue, use_workspace=False, model=use)
        score = ev.Score()
        for r in held:
            found = {f.category for f in checker.check(r.text, "en") if f.severity != "info"}
            ev._tally(score, list(r.labels), found, r.text)
        return score

    model_only = ev.Score()
    for r in held:
        found = {c for c, _ in text_model.passing(normalise(r.text).text)}
        ev._tally(model_only, list(r.labels), found, r.text)
    ev.report("Held out, term checks only", through_checker(False), out)
    ev.report("Held out, model only", model_only, out)
    ev.report("Held out, term checks + model", through_checker(text_model), out)
    for margin in margins:
        shifted = model.model_copy(update={"thresholds": [
            t - WRITER_MARGIN + margin for t in model.thresholds]})
        ev.report(f"Held out, term checks + model, writer margin {margin:g}",
                  through_checker(TextModel(shifted)), out)
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        help="labelled TSV files (default: tests/check/corpus.tsv and "
                             "tests/check/train/*.tsv; for notices notices.tsv and "
                             "train/notices*.tsv)")
    parser.add_argument("--kind", choices=("texts", "notices"), default="texts")
    parser.add_argument("--holdout", nargs="+", type=Path, default=[], metavar="FILE",
                        help="train without these files and report precision and recall on "
                             "them; writes no model")
    parser.add_argument("--margins", type=float, nargs="+", default=[], metavar="M",
                        help="with --holdout (texts): also measure with these writer margins "
                             f"instead of {WRITER_MARGIN}")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when the shipped model's training-data hashes do not "
                             "match the current files")
    parser.add_argument("--out", type=Path, help="where to write the model (default: "
                                                 "resources/check/)")
    parser.add_argument("--cjk", default="1-3", help="character n-gram sizes, e.g. 1-3 or 2-4")
    parser.add_argument("--c", type=float, default=C_REG, help="inverse regularisation strength")
    parser.add_argument("--no-stem", action="store_true",
                        help="English words as written, not as their Snowball stems")
    args = parser.parse_args(argv)

    if args.check:
        problems = [p for kind in ("texts", "notices") for p in stale(kind)]
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("Retrain: python tools/train_check_model.py && python "
                  "tools/train_check_model.py --kind notices", file=sys.stderr)
        return 1 if problems else 0

    lo, _, hi = args.cjk.partition("-")
    try:
        settings = FeatureSettings(cjk_min=int(lo), cjk_max=int(hi or lo),
                                   latin_stem=not args.no_stem)
    except ValueError as exc:
        parser.error(f"--cjk: expected sizes like 1-3 ({exc})")
    files = args.files or default_files(args.kind)
    known = known_labels()
    try:
        held_paths = {p.resolve() for p in args.holdout}
        held = [r for p in args.holdout for r in read_rows(p, known)]
        kept = [p for p in files if p.resolve() not in held_paths]
        rows: list[Row] = []
        records = []
        for path in kept:
            got = read_rows(path, known)
            if args.kind == "notices" and not is_notices_file(path):
                got = [r for r in got if not r.ordinary]  # ordinary copy is no notice
            rows += got
            records.append(record(path, len(got)))
        model = train(rows, args.kind, settings, args.c, records)
    except TrainError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.holdout:
        print(holdout_report(model, args.kind, held, args.margins))
        return 0
    path = args.out or OUT_DIR / MODEL_FILES[args.kind]
    write_model(model, path)
    kept_weights = sum(len(w) for w in model.weights)
    print(f"wrote {_rel(path)}: {len(model.categories)} categories, {kept_weights} weights, "
          f"{path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
