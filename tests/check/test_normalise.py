"""The shared text pipeline: what it folds together, and that every position maps back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.textcheck.normalise import normalise, normalise_term, to_simplified


def test_traditional_becomes_simplified():
    assert normalise("誠招兼職刷單").text == "诚招兼职刷单"
    assert to_simplified("plain ascii") == "plain ascii"


def test_dodge_characters_between_chinese_characters_are_dropped():
    for dodged in ("刷 单", "刷/单", "刷🔥单", "刷\u200b单", "刷*单", "刷．单", "刷\n单",
                   "刷《单》"):
        assert normalise(dodged).text.startswith("刷单"), dodged
    # Chinese clause punctuation separates words for real.
    assert normalise("不刷，单价九元").text == "不刷,单价九元"


def test_width_case_and_spaced_letters():
    assert normalise("ＦＲＥＥ  Gift").text == "free gift"
    assert normalise("s p a m and f.r.e.e").text == "spam and free"
    assert normalise("plan A or B").text == "plan a or b"  # two single letters stay apart


def test_spans_map_back_to_the_original():
    original = "【福利】轉 發 朋友圈，送紅包！ＯＫ…"
    n = normalise(original)
    start = n.text.index("转发")
    s, e = n.span(start, start + 2)
    assert original[s:e] == "轉 發"
    start = n.text.index("ok")
    assert original[slice(*n.span(start, start + 2))] == "ＯＫ"
    dots = n.text.index("...")
    assert original[slice(*n.span(dots, dots + 3))] == "…"


def test_terms_are_normalised_like_texts():
    assert normalise_term(" 刷 單 ") == "刷单"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("刷单兼職騷擾 ab.C/，。！\n\t🔥…①ＦＯ ")),
               max_size=40))
def test_every_normalised_character_maps_to_a_span_in_order(text):
    n = normalise(text)
    last_start = 0
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert s >= last_start
        last_start = s
    if n.text:
        s, e = n.span(0, len(n.text))
        assert 0 <= s < e <= len(text)
