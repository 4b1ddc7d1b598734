"""The checks: data validation, findings with rule and section, near-misses, enterprise terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.i18n import LocalText
from app.rules.catalogue import load_catalogue
from app.textcheck.checks import (
    ChecksError,
    build_check_set,
    parse_checks,
    parse_word_list,
    read_checks_file,
    render_enterprise_file,
    shipped_checks,
)
from app.textcheck.engine import TextChecker, load_checker
from app.textcheck.normalise import normalise, normalise_term

CATALOGUE = load_catalogue()
SOURCE = LocalText(en="the word list list.txt", zh_CN="词表 list.txt")


@pytest.fixture(scope="module")
def checker() -> TextChecker:
    return load_checker(CATALOGUE, use_workspace=False)


def _found(checker, text, lang="en"):
    return [(f.category, f.rule, f.section, f.severity, text[f.start:f.end])
            for f in checker.check(text, lang)]


def test_every_wecom_category_of_rules_1_and_3_has_checks():
    categories = {c.category for c in shipped_checks().check}
    for v in CATALOGUE.violations:
        if v.rule in ("R1", "R3") and v.id != "account_info":
            assert v.id in categories, v.id


def test_findings_cite_rule_and_section_from_the_catalogue(checker):
    assert _found(checker, "诚招兼职刷单，日结") == [
        ("order_brushing", "R3", "4.1", "high", "兼职刷单，日结")]  # one passage, two checks
    assert _found(checker, "转发本条到朋友圈，送红包")[0][:4] == (
        "inducing_sharing", "R1", "2.1", "high")


def test_reward_without_sharing_and_sharing_without_reward_are_fine(checker):
    for text in ("欢迎分享使用体验", "这篇文章欢迎转发给同事", "会员日全场九折，欢迎到店",
                 "Please forward to your colleagues.", "快递单号 SF123", "理财有风险，投资需谨慎",
                 "您的验证码是1234，请勿把验证码告诉他人", "谨防刷单诈骗",
                 "为防范诈骗，请勿向任何人透露银行卡密码", "Beware of fake order scams."):
        assert [f for f in checker.check(text, "en") if f.severity != "info"] == [], text


def test_a_warning_word_negates_only_what_follows_it_closely(checker):
    assert _found(checker, "不要错过！转发朋友圈领红包")[0][0] == "inducing_sharing"
    assert _found(checker, "严禁刷单。另：诚招兼职刷单，日结")[0][4] == "兼职刷单，日结"


def test_a_denial_right_before_the_action_or_reward_clears_it(checker):
    for text in ("我们的体验课是免费的，不需要转发也不需要集赞，直接报名即可",
                 "喜欢这篇文章欢迎分享给朋友，没有任何奖励",
                 "Lucky draw at the counter: no sharing or likes needed."):
        assert [f for f in checker.check(text, "en") if f.severity != "info"] == [], text
    # the denial binds only what follows at once: the offer after it is still found
    assert _found(checker, "不需要押金！转发朋友圈领红包")[0][0] == "inducing_sharing"
    # a term that holds the word itself is not denied by it
    assert _found(checker, "办理各类资质证书，无需本人到场")[0][0] == "illegal_goods"


def test_a_text_that_warns_against_a_violation_is_info_only(checker):
    warning = checker.check("反诈提醒：凡是“刷单返利”“先垫付后返还”的都是诈骗，千万不要相信！",
                            "zh_CN")
    assert warning and {f.severity for f in warning} == {"info"}
    assert warning[0].reason.startswith("这段文字读起来是在提醒防范")
    # "反诈" alone is no warning: scams borrow it
    assert _found(checker, "【反诈中心】兼职刷单，日结300")[0][3] == "high"


def test_dodged_and_traditional_texts_are_found(checker):
    assert _found(checker, "刷 单 兼 职")[0][0] == "order_brushing"
    assert _found(checker, "誠招兼職刷單")[0][4] == "兼職刷單"


def test_advice_is_not_cited_as_a_wecom_rule(checker):
    (finding,) = checker.check("保证收益，稳赚", "en")[:1]
    assert finding.rule is None and finding.section is None
    assert finding.reason.startswith("The app's advice, not a WeCom rule")
    zh = checker.check("保证收益", "zh_CN")[0]
    assert zh.reason.startswith("本应用的建议")


def test_json_shape_is_exactly_the_contract(checker):
    dumped = checker.check("刷单", "en")[0].model_dump()
    assert list(dumped) == ["category", "rule", "section", "severity", "start", "end",
                            "reason", "hint"]


def test_malformed_checks_name_the_field():
    with pytest.raises(ChecksError, match=r"mine\.toml: field check\[0\]\.severity"):
        parse_checks('[[check]]\nid="a"\ncategory="fraud"\nseverity="huge"\nterms=["x"]\n'
                     'reason={en="r",zh_CN="r"}\nhint={en="h",zh_CN="h"}\n', "mine.toml")
    with pytest.raises(ChecksError, match="not valid TOML"):
        parse_checks("[[check]", "mine.toml")
    unknown = parse_checks('[[check]]\nid="a"\ncategory="nonsense"\nseverity="high"\n'
                           'terms=["x"]\nreason={en="r",zh_CN="r"}\nhint={en="h",zh_CN="h"}\n',
                           "mine.toml")
    with pytest.raises(ChecksError, match="unknown category 'nonsense'"):
        build_check_set(CATALOGUE, [("mine.toml", unknown)])


def test_word_list_import_round_trips_and_merges(tmp_path):
    words = parse_word_list("\ufeff竞品甲，竞品乙\n内部价\n\n内部价, 返点 ;私下交易")
    assert words == ["竞品甲", "竞品乙", "内部价", "返点", "私下交易"]
    first = parse_checks(render_enterprise_file(None, words[:2], "high", SOURCE), "e")
    merged = render_enterprise_file(first, ["竞品乙", "返点"], None, SOURCE)
    parsed = parse_checks(merged, "check_terms.toml")
    (imported,) = [c for c in parsed.check if c.id == "enterprise.imported"]
    assert imported.terms == ["竞品甲", "竞品乙", "返点"]
    path = tmp_path / "check_terms.toml"
    path.write_text(merged, encoding="utf-8")
    checker = load_checker(CATALOGUE, [path], use_workspace=False)
    finding = checker.check("给你返点", "en")[0]
    assert (finding.category, finding.rule, finding.severity) == ("enterprise_terms", None,
                                                                  "high")  # kept
    assert "list.txt" in finding.reason


def test_enterprise_file_in_the_workspace_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("WECOM_APPEAL_HOME", str(tmp_path))
    (tmp_path / "check_terms.toml").write_text(
        render_enterprise_file(None, ["私下交易"], "high", SOURCE), encoding="utf-8")
    assert load_checker(CATALOGUE).check("可以私下交易", "en")[0].severity == "high"


def test_a_bad_checks_file_is_explained_in_chinese_too(tmp_path: Path) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text("[[check]\n", encoding="utf-8")
    with pytest.raises(ChecksError) as caught:
        read_checks_file(bad)
    assert "不是有效的 TOML" in caught.value.message("zh_CN")
    assert "not valid TOML" in caught.value.message("en")
    with pytest.raises(ChecksError) as missing:
        read_checks_file(tmp_path / "none.toml")
    assert missing.value.message("zh_CN").endswith("文件不存在")


def test_a_term_finding_in_a_text_about_something_else_is_not_overruled() -> None:
    """The model reads the whole of a text on several things as mostly one of them; before it
    overrules a term finding it reads the finding's own passage."""
    checker = load_checker(load_catalogue())
    text = ("【双十二福利】亲爱的会员，转发本条到朋友圈集满 30 个赞，到店即可领取价值 99 元的"
            "护肤礼盒！另招兼职刷 单，日结 200。本产品无副作用，效果全网最低价。")
    severities = {f.category: f.severity for f in checker.check(text, "zh_CN")}
    assert severities["order_brushing"] == "high"
    assert severities["inducing_sharing"] == "high"
    denied = checker.check("本次活动不用转发，也不用集赞，到店出示会员码即可领取礼品，"
                           "数量有限，先到先得。", "zh_CN")
    assert all(f.severity == "info" for f in denied if f.category == "inducing_sharing")


def test_no_warning_word_is_in_a_labelled_risky_text():
    """A warning word turns every finding of its text into info, so none may occur in a text
    labelled risky, in any labelled file (the words were chosen that way)."""
    words = [normalise_term(t) for t in shipped_checks().warning.terms]
    here = Path(__file__).resolve().parent
    for path in sorted([here / "corpus.tsv", *here.glob("train/copy_*.tsv"),
                        *here.glob("fresh/copy_*.tsv")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            label, _, text = line.partition("\t")
            if line.startswith("#") or label == "ok":
                continue
            norm = normalise(text).text
            assert not [w for w in words if w in norm], f"{path.name}:{number}"
