from __future__ import annotations

from app.textcheck.normalise import normalise
from app.textcheck.words import Segmenter, choose_vocabulary, word_feature_spans, word_features


def test_longest_words_left_to_right_and_single_characters_between():
    seg = Segmenter(["额度", "现金", "手续费", "手续", "帮你"])
    text = normalise("收点手续费帮你把额度变现金").text
    tokens = [t for run in seg.runs(text) for t, _, _ in run]
    assert tokens == ["收", "点", "手续费", "帮你", "把", "额度", "变", "现金"]


def test_features_are_words_and_neighbour_pairs_within_a_run_with_spans():
    seg = Segmenter(["额度", "现金"])
    text = "额度变现金，ok 现金"
    spans = word_feature_spans(seg, text)
    assert ("w:额度", 0, 2) in spans and ("w:额度|变", 0, 3) in spans
    assert ("w:变|现金", 2, 5) in spans
    assert not any(f.startswith("w:现金|") for f, _, _ in spans)  # a run ends at "，"
    assert [f for f, _, _ in spans] == word_features(seg, text)
    assert all(text[s:e].replace("|", "") for _, s, e in spans)


def test_vocabulary_keeps_the_dictionary_words_the_texts_use_often_enough():
    texts = ["信用卡套现手续费低", "套现秒到", "手续费全免"]
    assert choose_vocabulary(texts, ["套现", "手续费", "信用卡", "苹果"]) == ["套现", "手续费"]
    assert Segmenter([]).words == [] and list(Segmenter([]).runs("中文")) == [
        [("中", 0, 1), ("文", 1, 2)]]
