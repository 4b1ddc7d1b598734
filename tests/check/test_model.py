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
    RISKY,
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
    assert model.categories and set(model.categories) - {RISKY} <= violations
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
    for category in set(model.categories) - {RISKY}:
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


def test_english_words_are_read_as_their_stems_when_the_model_says_so():
    stemmed = FeatureSettings(latin_stem=True)
    assert features("sharing shares, 100 shared", stemmed) == [
        "0", "share", "share", "share share", "0", "share", "0 share"]
    assert features("sharing shares", FeatureSettings()) == ["sharing", "shares",
                                                             "sharing shares"]
    # The stems the shipped models were trained on: a new Snowball release that stems
    # differently would quietly change every English score.
    assert [features(w, stemmed)[0] for w in ("cashback", "reviews", "forwarded", "lottery",
                                                "investing", "don't")] == [
        "cashback", "review", "forward", "lotteri", "invest", "don't"]
    spans = feature_spans("friends forwarding", stemmed)
    assert [f for f, _, _ in spans] == features("friends forwarding", stemmed)
    assert spans[1] == ("forward", 8, 18)


def _toy(thresholds: list[float]) -> TextModel:
    meta = trainer.ModelMeta(kind="texts", trained="2026-12-02T00:00:00Z", training_files=[],
                             examples=3, positives={}, ordinary=1, settings=FeatureSettings(),
                             trainer="by hand")
    return TextModel(ModelFile(
        meta=meta, categories=["fraud", "gambling", RISKY], bias=[-1.0, -1.0, -1.0],
        thresholds=thresholds, scale=1000,
        weights=[{"骗钱": 800, "转账": 500}, {"下注": 900, "转账": -200}, {"转账": 1500}]))


def test_the_risky_lane_names_the_closest_category_when_none_passes():
    model = _toy([0.2, 0.5, 0.2])
    # fraud -1 + 0.8 + 0.5 = 0.3 >= 0.2: passes on its own
    assert model.passing("骗钱转账") == [("fraud", pytest.approx(0.1))]
    # "转账" alone: fraud -0.5, gambling -1.2, risky 0.5 >= 0.2: fraud speaks, margin < 0
    ((category, margin),) = model.passing("转账")
    assert category == "fraud" and margin == pytest.approx(-0.7)
    assert model.may_pass(model.total("转账"))
    stricter = _toy([0.2, 0.5, 0.6])
    assert stricter.passing("转账") == []
    assert not stricter.may_pass(stricter.total("转账"))
    assert model.passing("你好") == []


def test_a_model_with_mismatched_lengths_is_refused():
    model = shipped_model("texts")
    assert model is not None
    data = model.data.model_dump()
    data["thresholds"] = data["thresholds"][:-1]
    with pytest.raises(ValueError, match="differ in length"):
        TextModel(ModelFile.model_validate(data))


# Findings of the learned layer --------------------------------------------------------------

# Written for this test, in no training file: an inducing-sharing text no listed term catches.
_SHARING = "朋友们帮个忙，把这条发到三个群里，截图给我，就送大家一份小礼物"
_SHARING_TRAD = "朋友們幫個忙，把這條發到三個群裡，截圖給我，就送大家一份小禮物"
_SHARING_DODGED = ("朋 友 们 帮 个 忙 ，把 这 条 发 到 三 个 群 里 ， 截 图 给 我，"
                   "就送大家一份小礼物")


def test_the_example_is_in_no_training_file():
    for path in trainer.default_files("texts"):
        assert _SHARING[6:] not in normalise(path.read_text(encoding="utf-8")).text, path


def test_a_risky_text_no_term_catches_is_found_with_category_and_span(with_model, terms_only):
    assert terms_only.check(_SHARING, "en") == []
    (finding,) = with_model.check(_SHARING, "en")
    assert finding.category == "inducing_sharing" and finding.check == "model.inducing_sharing"
    assert (finding.rule, finding.section) == ("R1", "2.1")
    assert finding.severity in ("high", "medium")
    assert finding.matched == _SHARING[finding.start:finding.end]
    assert "发到三个群" in finding.matched and len(finding.matched) <= 40
    assert "labelled examples" in finding.reason and "Inducing" not in finding.check
    assert finding.hint == model_hint("inducing_sharing", "en")
    zh = with_model.check(_SHARING, "zh_CN")[0]
    assert "示例" in zh.reason and zh.hint == model_hint("inducing_sharing", "zh_CN")
    assert set(finding.model_dump()) == {"category", "rule", "section", "severity", "start",
                                         "end", "reason", "hint"}


@pytest.mark.parametrize("text", [_SHARING_TRAD, _SHARING_DODGED])
def test_spans_map_back_through_traditional_script_and_dodge_characters(with_model, text):
    (finding,) = _model_findings(with_model, text)
    assert finding.category == "inducing_sharing"
    assert finding.matched == text[finding.start:finding.end]
    norm = normalise(finding.matched).text
    assert "发到三个群" in norm
    # The span starts and ends on a character that carries weight, not on a dodge character.
    assert finding.matched[0] not in " ，" and finding.matched[-1] not in " ，"


@pytest.mark.parametrize("text", [
    "下周三店庆，全场八折，欢迎老顾客带朋友来玩",
    "本店从不刷单，所有评价都来自真实顾客",  # the term checks read the denial; so does the model
    "欢迎把我们的公众号文章转发给同事，有问题随时联系",
    "Your membership points expire at the end of the month.",
])
def test_near_misses_are_not_flagged(with_model, text):
    assert [f for f in with_model.check(text, "en") if f.severity != "info"] == []


def test_a_warning_text_gives_the_model_no_say(with_model):
    text = "【反诈提醒】" + _SHARING + "，这类消息都是骗局，请勿相信"
    found = _model_findings(with_model, text)
    assert all(f.severity == "info" for f in found)


def _sure_toy(sure_margin: float | None) -> TextModel:
    """Order brushing scores 2.0 over its threshold on "刷单", inducing sharing on "海报"."""
    meta = trainer.ModelMeta(kind="texts", trained="2026-12-03T00:00:00Z", training_files=[],
                             examples=3, positives={}, ordinary=1, settings=FeatureSettings(),
                             trainer="by hand")
    return TextModel(ModelFile(
        meta=meta, categories=["order_brushing", "inducing_sharing"], bias=[-1.0, -1.0],
        thresholds=[0.0, 0.0], scale=1000, weights=[{"刷单": 3000}, {"海报": 3000}],
        sure_margin=sure_margin))


@pytest.mark.parametrize("sure_margin, stands", [(None, False), (1.5, True), (2.5, False)])
def test_a_sure_model_finding_stands_against_a_denial_not_a_warning(catalogue, sure_margin,
                                                                   stands):
    checker = load_checker(catalogue, use_workspace=False, model=_sure_toy(sure_margin))
    denied = "本店从不刷单，有需要的朋友私聊"  # the negation list reads a denial
    assert [f for f in checker.check(denied, "en") if f.severity != "info"] == (
        [] if not stands else _model_findings(checker, denied))
    assert [f.category for f in _model_findings(checker, denied)] == (
        ["order_brushing"] if stands else [])
    warned = "反诈提醒：扫海报领奖的都是骗局"  # "反诈提醒" frames the text as a warning
    (finding,) = _model_findings(checker, warned)
    assert finding.category == "inducing_sharing" and finding.severity == "info"


def test_the_model_overrules_a_term_it_reads_as_clearly_not_meant(catalogue):
    model = shipped_model("texts")
    assert model is not None
    text = "本店活动不需要任何操作，凭会员卡到店即可领取小礼品，感谢大家一直以来的支持与厚爱"
    checker = load_checker(catalogue, use_workspace=False, model=model)
    plain = load_checker(catalogue, use_workspace=False, model=False)
    term = next((f for f in plain.check(text, "en") if f.category in model.index), None)
    if term is None:  # the term checks already read it as harmless: nothing to overrule
        return
    c = model.index[term.category]
    overruled = model.scores(normalise(text).text)[c] < model.thresholds[c] - model.veto_margin
    kept = [f for f in checker.check(text, "en") if f.check == term.check]
    assert kept and (kept[0].severity == "info") == overruled


def test_without_the_model_only_terms_are_found(terms_only):
    assert all(not f.check.startswith("model.")
               for t in (_SHARING, _SHARING_TRAD) for f in terms_only.check(t, "en"))


# The notice fallback ----------------------------------------------------------------------


def test_the_notice_model_answers_when_the_phrases_find_nothing(catalogue):
    # Paraphrased, no phrase of notice_phrases.toml: written for this test.
    text = "该成员发布拍单返本金加佣金的兼职信息，账号被限制。"
    assert all(text not in p.read_text(encoding="utf-8")
               for p in trainer.default_files("notices"))
    assert classify_notice(text, catalogue, model=False).candidates == []
    best = classify_notice(text, catalogue).best
    assert best is not None and best.category == "order_brushing"
    assert 0.5 <= best.confidence <= 1 and best.matched
    assert all(m in text for m in best.matched)


def test_the_notice_model_keeps_quiet_on_notices_without_a_cause(catalogue):
    for text in ("你的账号因违规已被暂停使用，请联系管理员。", "Your account has been restricted."):
        assert classify_notice(text, catalogue).candidates == []


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_the_quick_test_never_misses_a_passing_category(raw):
    model = shipped_model("texts")
    assert model is not None
    text = normalise(raw).text
    total = model.total(text)
    passes = model.passing_scores(model.decode(total))
    assert not passes or model.may_pass(total)
    assert model.passing(text) == passes


def test_the_quick_test_is_exact_away_from_the_boundary():
    model = shipped_model("texts")
    assert model is not None
    for text in ("今天下午三点开会", _SHARING, "本店出售仿真枪配件，私聊"):
        total = model.total(normalise(text).text)
        scores = model.decode(total)
        clear = all(abs(s - t) > 0.01 for s, t in zip(scores, model.thresholds, strict=True))
        if clear:
            assert model.may_pass(total) == bool(model.passing_scores(scores)), text


def test_a_span_never_cuts_a_word_in_two():
    model = shipped_model("texts")
    assert model is not None
    text = normalise("Here's the phone number and home address of the parent who complained, "
                     "go and talk to them").text
    for category in set(model.categories) - {RISKY}:
        start, end = model.span(text, category)
        assert start == 0 or not text[start - 1].isalpha() or not text[start].isalpha()
        assert end == len(text) or not text[end - 1].isalpha() or not text[end].isalpha()
