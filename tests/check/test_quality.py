"""The goals of issue 11 on the labelled corpus and notices (tests/check/*.tsv)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from app.rules.catalogue import load_catalogue
from app.textcheck.engine import load_checker

_spec = importlib.util.spec_from_file_location("evaluate", Path(__file__).with_name("evaluate.py"))
evaluate = importlib.util.module_from_spec(_spec)
sys.modules["evaluate"] = evaluate  # its dataclasses look their module up
_spec.loader.exec_module(evaluate)


def test_corpus_is_big_enough_and_mixed():
    rows = evaluate.read_tsv("corpus.tsv")
    risky = [t for labels, t in rows if labels != ["ok"]]
    ordinary = [t for labels, t in rows if labels == ["ok"]]
    assert len(risky) >= 150 and len(ordinary) >= 150
    for texts in (risky, ordinary):
        assert any(t.isascii() for t in texts)
        assert any("單" in t or "們" in t or "發" in t or "為" in t for t in texts)


def test_copy_check_reaches_the_goals():
    score = evaluate.evaluate_copy(load_checker(load_catalogue(), use_workspace=False))
    assert score.recall() >= 0.95, score.misses
    assert score.flagged_rate <= 0.03, score.misses


def test_notice_classifier_reaches_the_goals():
    score = evaluate.evaluate_notices()
    assert score.recall() >= 0.95, score.misses
