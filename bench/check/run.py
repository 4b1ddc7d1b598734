"""Benchmark of the check before sending: 10 000 texts of 200 characters against a 5 000-term
lexicon, matched by the app's pipeline and side by side with a plain ``str.find`` loop and with
the other Aho-Corasick library (pyahocorasick); then the same at 2x and 4x the volume to show
the time grows linearly. The learned layer (app/textcheck/model.py) is measured alone, on top of
the pipeline, and inside the product's TextChecker.check with and without it.

    python bench/check/run.py [--texts 10000] [--terms 5000] [--repeat 3] [--skip-find]

Everything runs on one core in this process (no threads); medians of --repeat runs, in CPU
seconds of this process (time.process_time: what one core spends, steadier than wall time on a
shared machine; the wall time is printed beside it). The texts
and terms are generated with a fixed seed: Chinese business phrases, some terms planted. Exit
code 1 when the app's full check with the learned layer (normalise + match + model) of 10 000
texts takes more than 1 s (median).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.rules.catalogue import load_catalogue
from app.textcheck.engine import load_checker
from app.textcheck.matcher import TermMatcher
from app.textcheck.model import shipped_model
from app.textcheck.normalise import normalise

COMMON = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工"
          "也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物"
          "现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全"
          "表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系")
TRAD = "騷擾發送廣告營銷誘導轉發朋友圈紅包領取刷單兼職賭博詐騙"


def make_terms(n: int, rng: random.Random) -> list[str]:
    terms: set[str] = set()
    while len(terms) < n:
        k = rng.choice((2, 3, 3, 4, 4, 5))
        terms.add("".join(rng.choice(COMMON) for _ in range(k)))
    return sorted(terms)


def make_texts(n: int, length: int, terms: list[str], rng: random.Random) -> list[str]:
    texts = []
    for i in range(n):
        chars = [rng.choice(COMMON) for _ in range(length)]
        # Punctuation, spaces, an occasional traditional run and a planted term, as real copy has.
        for j in range(0, length, rng.randint(12, 25)):
            chars[j] = rng.choice("，。！ 、：")
        if i % 5 == 0:
            at = rng.randrange(0, length - 8)
            chars[at:at + 6] = list(rng.choice(TRAD) for _ in range(6))
        term = rng.choice(terms)
        at = rng.randrange(0, length - len(term))
        chars[at:at + len(term)] = list(term)
        texts.append("".join(chars))
    return texts


WALL: dict[int, float] = {}


def timed(fn: Callable[[], int], repeat: int) -> tuple[float, int]:
    runs = []
    walls = []
    result = 0
    for _ in range(repeat):
        start, wall = time.process_time(), time.perf_counter()
        result = fn()
        runs.append(time.process_time() - start)
        walls.append(time.perf_counter() - wall)
    WALL[id(fn)] = statistics.median(walls)
    return statistics.median(runs), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=10_000)
    parser.add_argument("--terms", type=int, default=5_000)
    parser.add_argument("--length", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-find", action="store_true", help="skip the slow str.find loop")
    args = parser.parse_args()

    rng = random.Random(20261202)
    terms = make_terms(args.terms, rng)
    texts = make_texts(args.texts * 4, args.length, terms, rng)
    base = texts[: args.texts]
    normalise("預熱")  # load OpenCC and its table of traditional characters once, outside timing

    def build_ours() -> TermMatcher:
        return TermMatcher(terms)

    t_build, _ = timed(lambda: len(build_ours().terms), args.repeat)
    matcher = build_ours()

    def ours_match_only(batch: list[str]) -> int:
        return sum(len(matcher.find(t)) for t in batch)

    def ours_full(batch: list[str]) -> int:
        return sum(len(matcher.find(normalise(t).text)) for t in batch)

    model = shipped_model("texts")
    assert model is not None, "no shipped model: python tools/train_check_model.py"
    model.passing("预热")
    normalised = [normalise(t).text for t in base]

    def model_only(batch: list[str]) -> int:
        return sum(len(model.passing(t)) for t in normalised)

    def ours_with_model(batch: list[str]) -> int:
        found = 0
        for t in batch:
            norm = normalise(t).text
            found += len(matcher.find(norm)) + len(model.passing(norm))
        return found

    catalogue = load_catalogue()
    product = load_checker(catalogue, use_workspace=False)
    product_terms = load_checker(catalogue, use_workspace=False, model=False)

    def product_check(batch: list[str]) -> int:
        return sum(len(product.check(t, "zh_CN")) for t in batch)

    def product_terms_check(batch: list[str]) -> int:
        return sum(len(product_terms.check(t, "zh_CN")) for t in batch)

    import ahocorasick

    automaton = ahocorasick.Automaton()
    for i, term in enumerate(terms):
        automaton.add_word(term, i)
    automaton.make_automaton()

    import ahocorasick_rs

    raw_rs = ahocorasick_rs.AhoCorasick(terms)

    def ahocorasick_rs_match(batch: list[str]) -> int:
        return sum(len(raw_rs.find_matches_as_indexes(t, overlapping=True)) for t in batch)

    def pyahocorasick_match(batch: list[str]) -> int:
        return sum(1 for t in batch for _ in automaton.iter(t))

    def str_find(batch: list[str]) -> int:
        found = 0
        for t in batch:
            for term in terms:
                pos = t.find(term)
                while pos != -1:
                    found += 1
                    pos = t.find(term, pos + 1)
        return found

    rows: list[tuple[str, float, float, int]] = []
    for name, fn in (("ours: matching + word edges (no normalise)", ours_match_only),
                     ("ours: normalise + match + word edges", ours_full),
                     ("learned layer alone (normalised texts)", model_only),
                     ("ours + learned layer", ours_with_model),
                     ("TextChecker.check, shipped checks, no model", product_terms_check),
                     ("TextChecker.check, shipped checks + model", product_check),
                     ("ahocorasick_rs, bare matching", ahocorasick_rs_match),
                     ("pyahocorasick, bare matching", pyahocorasick_match)):
        run = lambda fn=fn: fn(base)  # noqa: E731
        seconds, hits = timed(run, args.repeat)
        rows.append((name, seconds, WALL[id(run)], hits))
    if not args.skip_find:
        run = lambda: str_find(base)  # noqa: E731
        seconds, hits = timed(run, 1)
        rows.append(("str.find loop over every term", seconds, WALL[id(run)], hits))

    print(f"{args.texts} texts x {args.length} chars, {len(terms)} terms; Python "
          f"{sys.version.split()[0]}; median of {args.repeat} (str.find: 1 run)")
    print(f"automaton build (ours): {t_build * 1000:.0f} ms")
    print(f"{'engine':<46}{'cpu s':>8}{'wall s':>8}{'hits':>8}{'x ours':>8}")
    ours_full_s = rows[1][1]
    with_model_s = rows[3][1]
    for name, seconds, wall, hits in rows:
        print(f"{name:<46}{seconds:>8.3f}{wall:>8.3f}{hits:>8}{seconds / ours_full_s:>8.2f}")

    print("\nlinearity (ours + learned layer):")
    for factor in (1, 2, 4):
        batch = texts[: args.texts * factor]
        seconds, _ = timed(lambda batch=batch: ours_with_model(batch), args.repeat)
        print(f"  {len(batch):>6} texts: {seconds:.3f} s  ({seconds / factor:.3f} s per "
              f"{args.texts})")
    return 0 if with_model_s <= 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
