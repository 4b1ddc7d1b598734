"""The learned layer: the shipped models, their findings and spans, the notice fallback, and
that the shipped model was trained on the labelled files as they are now."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules.catalogue import load_catalogue
from app.rules.classifier import classify_notice
from app.textcheck.engine import TextChecker, load_checker
from app.textcheck.model import (
    FeatureSettings,
    ModelFile,
    TextModel,
    feature_spans,
    features,
    model_hint,
    shipped_model,
)
from app.textcheck.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("train_check_model",
                                               ROOT / "tools" / "train_check_model.py")
trainer = importlib.util.module_from_spec(_spec)
sys.modules["train_check_model"] = trainer
_spec.loader.exec_module(trainer)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


@pytest.fixture(scope="module")
def with_model(catalogue) -> TextChecker:
    return load_checker(catalogue, use_workspace=False)


@pytest.fixture(scope="module")
def terms_only(catalogue) -> TextChecker:
    return load_checker(catalogue, use_workspace=False, model=False)


def _model_findings(checker: TextChecker, text: str, lang="en"):
    return [f for f in checker.check(text, lang) if f.check.startswith("model.")]


# The shipped models ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["texts", "notices"])
def test_models_load_from_the_installed_resources(kind, catalogue):
    model = shipped_model(kind)
    assert model is not None
    violations = {v.id for v in catalogue.violations}
    assert model.categories and set(model.categories) <= violations
    assert len(model.thresholds) == len(model.categories)
    meta = model.data.meta
    assert meta.kind == kind and meta.examples >= 70
    assert all(len(f.sha256) == 64 for f in meta.training_files)
    assert shipped_model(kind) is model  # loaded once


def test_every_model_category_has_a_bilingual_hint():
    model = shipped_model("texts")
    assert model is not None
    hints = trainer.OUT_DIR / "model_hints.toml"
    assert hints.is_file()
    for category in model.categories:
        en, zh = model_hint(category, "en"), model_hint(category, "zh_CN")
        assert en and zh and en != zh
        assert en != model_hint("no_such_category", "en"), category


def test_the_shipped_models_match_their_training_files():
    """A changed labelled file without a retrained model fails here:
    python tools/train_check_model.py && python tools/train_check_model.py --kind notices"""
    assert trainer.stale("texts") == []
    assert trainer.stale("notices") == []


def test_the_hash_check_notices_a_changed_file(tmp_path):
    shipped = trainer.OUT_DIR / "model.json"
    data = json.loads(shipped.read_text(encoding="utf-8"))
    data["meta"]["training_files"][0]["sha256"] = "0" * 64
    data["meta"]["training_files"].append({"path": "tests/check/gone.tsv", "sha256": "1" * 64,
                                           "rows": 1})
    changed = tmp_path / "model.json"
    changed.write_text(json.dumps(data), encoding="utf-8")
    problems = trainer.stale("texts", changed)
    assert any("tests/check/corpus.tsv: changed" in p for p in problems)
    assert any("tests/check/gone.tsv: in the model, but gone" in p for p in problems)
    assert trainer.main(["--check"]) == 0


def test_bad_training_rows_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\nok\t您好\nfraud,nonsense\t转账\n", encoding="utf-8")
    with pytest.raises(trainer.TrainError, match=r"bad.tsv, line 3: unknown label 'nonsense'"):
        trainer.read_rows(bad, trainer.known_labels())
    bad.write_text("ok 您好\n", encoding="utf-8")
    with pytest.raises(trainer.TrainError, match=r"line 1: expected label<TAB>text"):
        trainer.read_rows(bad, trainer.known_labels())


# Features and scores ----------------------------------------------------------------------

_TEXTS = st.text(alphabet=st.sampled_from(list("刷单兼职日结佣金红包转发朋友圈 ,。!0123456789"
                                                "abc xyz'")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_fast_scores_equal_the_sum_over_features(raw):
    """Inference finds features through an automaton and packed integers; the result must be
    what the trainer's feature function gives, weight by weight."""
    model = shipped_model("texts")
    assert model is not None
    text = normalise(raw).text
    feats = features(text, model.settings)
    for c, (score, bias) in enumerate(zip(model.scores(text), model.data.bias, strict=True)):
        weights = model.data.weights[c]
        expected = bias + sum(weights.get(f, 0) for f in feats) / model.data.scale
        assert score == pytest.approx(expected, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_feature_spans_are_the_features(raw):
    text = normalise(raw).text
    for cfg in (FeatureSettings(), FeatureSettings(cjk_min=2, cjk_max=4, latin_bigrams=False)):
        spans = feature_spans(text, cfg)
        assert sorted(f for f, _, _ in spans) == sorted(features(text, cfg))
        for feat, start, end in spans:
            assert 0 <= start < end <= len(text)
            if " " not in feat and not feat.isdigit() and "0" not in feat:
                assert text[start:end] == feat


def test_digits_read_as_one_symbol():
    cfg = FeatureSettings(cjk_min=1, cjk_max=3)
    assert "满0个" in features("集满30个赞", cfg)
    assert features("win 100 dollars", cfg).count("win 0") == 1


def test_a_model_with_mismatched_lengths_is_refused():
    model = shipped_model("texts")
    assert model is not None
    data = model.data.model_dump()
    data["thresholds"] = data["thresholds"][:-1]
    with pytest.raises(ValueError, match="differ in length"):
        TextModel(ModelFile.model_validate(data))
