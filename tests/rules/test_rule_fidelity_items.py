"""Where the app said more or less than the source text, one test per finding (issue 14 items
1-8) and the ladder's silence on resets (issue 9 item 3)."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from app.cli import main
from app.rules.catalogue import load_catalogue, quoted_in_section
from app.rules.contract import RestrictionReport
from app.rules.engine import diagnose
from app.rules.text import render_catalogue, render_text

CATALOGUE = load_catalogue()


def run(lang: str = "en", **fields):
    return diagnose(RestrictionReport(**fields), CATALOGUE, lang)


def ids(sentences) -> list[str]:
    return [s.id for s in sentences]


def by_id(sentences, sid):
    return next(s for s in sentences if s.id == sid)


# 1. Inference shown as decided ------------------------------------------------------------------

@pytest.mark.parametrize("duration", ["permanent", "temporary"])
def test_rule1_by_elimination_is_partial_and_names_what_would_decide(duration):
    d = run(account="member", scope="interop", duration=duration)
    assert d.rule == "R1"
    assert d.certainty == "partial"
    elimination = by_id(d.explanation, "rule.r1_by_elimination")
    assert elimination.advice and "elimination" in elimination.text
    still_open = by_id(d.undecided, "rule.r1_elimination_open")
    assert "rule 2 is not excluded" in still_open.text
    assert "whether the member's linked WeChat account is blocked" in still_open.text
    assert "3.2" in still_open.citations


def test_a_wechat_account_known_not_blocked_does_decide_rule1():
    d = run(account="member", scope="interop", duration="permanent", linked_wechat_banned=False)
    assert (d.rule, d.step, d.certainty) == ("R1", 3, "decided")
    assert "rule.r1_elimination_open" not in ids(d.undecided)


def test_console_offering_unblocking_is_the_apps_inference_and_partial():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=True)
    assert (d.rule, d.step) == ("R1", 1)
    assert d.certainty == "partial"
    assert by_id(d.explanation, "rule.r1_by_self_unblock").advice
    open_ = by_id(d.undecided, "rule.console_is_inference")
    assert open_.advice and {"2.2", "5.3"} <= set(open_.citations)
    assert "never mention the admin console" in open_.text


def test_console_not_offering_unblocking_is_the_apps_inference_and_partial():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=False,
            linked_wechat_banned=False)
    assert (d.rule, d.step) == ("R1", 2)
    assert d.certainty == "partial"
    assert by_id(d.explanation, "r1.step_from_console").advice
    assert "r1.console_step_is_inference" in ids(d.undecided)


# 2. A measure stretched beyond its section ------------------------------------------------------

def test_whole_account_rule2_block_gets_no_24_hour_unblocking():
    d = run(account="member", scope="account", duration="until_wechat_unblocked",
            linked_wechat_banned=True)
    assert d.rule == "R2" and d.aggravated
    assert d.timing == [] and "timing.r2_24h" not in ids(d.timing)
    assert d.appeal_route != "wait_for_wechat_unblock"
    assert d.certainty == "partial"
    no_end = by_id(d.undecided, "r2.aggravated_no_end")
    assert "no end" in no_end.text
    assert "24" not in render_text(d, CATALOGUE, "en").split("What the published")[0]


def test_interop_only_rule2_block_keeps_its_24_hours():
    d = run(account="member", scope="interop", duration="until_wechat_unblocked",
            linked_wechat_banned=True)
    assert d.appeal_route == "wait_for_wechat_unblock" and [t.hours for t in d.timing] == [24]


# 3. Softened ------------------------------------------------------------------------------------

NOTE = ("the member account will be directly blocked, or even the enterprise account and the "
        "administrator account will be blocked")


def test_bad_influence_says_will_be_blocked_as_2_2_does():
    statement = CATALOGUE.statement("next.bad_influence")
    assert "will be blocked directly" in statement.text("en")
    assert " can " not in statement.text("en")
    assert "将直接封禁成员账号" in statement.text("zh_CN")
    assert any(NOTE in q for q in statement.source)
    measure = next(m for m in CATALOGUE.rule("R1").measures if m.id == "bad_influence")
    assert "will be blocked directly" in measure.text("en") and "may" not in measure.text("en")


def test_checklist_basis_of_repeat_violations_says_will_be_blocked():
    raw = tomllib.loads((resources.files("app.resources") / "audit" / "checklist.toml")
                        .read_text("utf-8"))
    basis = next(q["basis"] for q in raw["questions"] if q["id"] == "repeat_violations_reviewed")
    assert "will be blocked directly" in basis["en"] and "can block" not in basis["en"]
    assert "将直接封禁成员账号" in basis["zh_CN"] and "可直接封禁" not in basis["zh_CN"]


# 4. A closed list where the source has "etc." ----------------------------------------------------

def test_enterprise_appeal_documents_are_an_open_list():
    statement = CATALOGUE.statement("route.enterprise_appeal")
    assert "etc." in statement.text("en") and "among them" in statement.text("en")
    assert "等" in statement.text("zh_CN")
    d = run(account="enterprise", scope="account", duration="unknown", believes_wrongful=True)
    assert d.documents_open and len(d.documents) == 4
    for lang, word in (("en", "etc."), ("zh_CN", "等")):
        text = render_text(run(lang, account="enterprise", scope="account", duration="unknown",
                               believes_wrongful=True), CATALOGUE, lang)
        documents_line = next(line for line in text.splitlines()
                              if line.startswith(("Documents the route needs", "所需材料")))
        assert word in documents_line and ("open" in documents_line or "未列全" in documents_line)
    assert "etc." in render_catalogue(CATALOGUE, "en").split("[enterprise_appeal]")[1]


def test_routes_without_documents_do_not_claim_an_open_list():
    d = run(account="member", scope="interop", duration="until_wechat_unblocked",
            linked_wechat_banned=True)
    assert d.documents == [] and not d.documents_open


# 5. A citation that answers another question ---------------------------------------------------

def test_after_an_enterprise_block_the_rules_are_silent_and_5_2_is_not_cited():
    d = run(account="enterprise", scope="account", duration="unknown", believes_wrongful=True)
    assert ids(d.next_violation) == ["next.enterprise"]
    sentence = d.next_violation[0]
    assert sentence.advice and "silent" in sentence.text and "5.2" not in sentence.citations


def test_an_admin_only_block_gets_its_own_next_violation_text():
    d = run(account="admin", scope="account", duration="temporary")
    assert ids(d.next_violation) == ["next.admin"]
    assert "administrator account is blocked" in d.next_violation[0].text


# 6. Off-ladder blocks borrow ladder text --------------------------------------------------------

LADDER_WORDS = ("second rule-1 violation", "third violation")


@pytest.mark.parametrize("notice, rule", [
    ("因频繁骚扰用户造成恶劣影响，成员账号被封禁7天", "R1"),
    ("账号因发布色情内容被限制登录3天", "R3"),
])
def test_off_ladder_temporary_blocks_have_their_own_route_text(notice, rule):
    d = run(account="member", scope="account", duration="temporary", notice_text=notice)
    assert d.rule == rule and d.step is None
    assert d.appeal_route == "wait_for_expiry" and d.route_variant == "off_ladder"
    assert d.certainty == "partial"
    assert "route.wait_for_stated_period" in ids(d.undecided)
    text = render_text(d, CATALOGUE, "en")
    assert "not a step of rule 1's ladder" in text
    assert not any(word in text for word in LADDER_WORDS)


def test_the_ladder_route_keeps_the_ladder_text():
    d = run(account="member", scope="interop", duration="temporary", prior_violations=1,
            linked_wechat_banned=False)
    assert d.appeal_route == "wait_for_expiry" and d.route_variant is None
    assert "third violation" in render_text(d, CATALOGUE, "en")


# 7. Advice not labelled as advice ---------------------------------------------------------------

@pytest.mark.parametrize("route_id", ["admin_unblock_request", "wait_for_expiry"])
def test_console_steps_of_routes_are_the_apps_advice(route_id):
    route = CATALOGUE.route(route_id)
    assert "console" in route.advice("en") and "管理后台" in route.advice("zh_CN")
    assert "console" not in route.how("en")


@pytest.mark.parametrize("sid", ["timing.r1_short", "route.none_unknown_duration",
                                 "route.admin_unblock_offered", "route.wait_for_stated_period"])
def test_advice_statements_are_marked(sid):
    assert CATALOGUE.statement(sid).advice


@pytest.mark.parametrize("lang, tag, advice", [
    ("en", " (the app's reading, not the rules' words)", "The app's advice (not a WeCom rule): "),
    ("zh_CN", "（本应用的判断，并非规则原文）", "本应用的建议（并非企业微信规则）："),
])
def test_diagnose_text_labels_advice_as_the_apps(lang, tag, advice):
    d = run(lang, account="member", scope="interop", duration="temporary",
            self_unblock_offered=True)
    text = render_text(d, CATALOGUE, lang)
    short = CATALOGUE.statement("timing.r1_short").text(lang)
    assert f"{short}{tag}" in text
    step1 = CATALOGUE.statement("r1.step1").text(lang)
    assert f"{step1}{tag}" not in text and step1 in text
    assert advice + CATALOGUE.route("admin_unblock_request").advice(lang) in text


def test_the_high_risk_level_no_longer_calls_recommendations_violations():
    from app.audit.checklist import load_checklist

    levels = {level.id: level for level in load_checklist().risk.levels}
    high = levels["high"].meaning
    assert "Practices that the rules name as violations are in use" not in high("en")
    assert "5.1" in high("en") and "recommendations" in high("en")
    assert "this app's" in high("en") and "本应用" in high("zh_CN")


# 8. Section 1 never reaches the user ------------------------------------------------------------

@pytest.mark.parametrize("lang, words", [
    ("en", ["Tencent WeCom Software License and Service Agreement", "do not modify",
            "include but are not limited to", "User Account Usage Guidelines"]),
    ("zh_CN", ["《腾讯企业微信软件许可及服务协议》", "而不是修改或变更", "包括但不限于",
               "《企业微信用户账号使用规范》"]),
])
def test_rules_command_shows_section_1_and_the_4_1_pointer(lang, words, capsys):
    assert main(["rules", "--lang", lang]) == 0
    out = capsys.readouterr().out
    for word in words:
        assert word in out, word
    head = out.split("\n2. ")[0]
    assert "1. " + CATALOGUE.section_title("1", lang) in head
    # The pointer is printed once, for all of 4.1, not inside other_illegal.
    assert out.count(words[-1]) == 1
    other = next(line for line in out.splitlines() if "[other_illegal]" in line)
    assert words[-1] not in other


def test_section_1_provisions_quote_section_1():
    general = CATALOGUE.provisions_of("1")
    assert {p.id for p in general} == {"comply_with_agreements", "does_not_modify",
                                        "not_limited_to"}
    for p in general:
        assert all(quoted_in_section(q, ["1"]) for q in p.source)
    assert [p.id for p in CATALOGUE.provisions_of("4.1")] == ["usage_guidelines"]
    assert "Guidelines" not in CATALOGUE.violation("other_illegal").description("en")


@pytest.mark.parametrize("fields", [
    {"account": "member", "scope": "account", "duration": "unknown"},
    {"account": "member", "scope": "interop", "duration": "permanent"},
    {"account": "enterprise", "scope": "account", "duration": "unknown",
     "notice_text": "你的企业已被封禁"},
])
def test_an_unknown_category_says_not_listed_is_not_allowed(fields):
    d = run(**fields)
    assert d.category is None
    sentence = by_id(d.explanation, "category.not_listed")
    assert "not limited to" in sentence.text and sentence.citations == ["1"]
    assert "1" in d.citations


def test_a_known_category_does_not_add_the_not_listed_sentence():
    d = run(account="member", scope="interop", duration="temporary",
            notice_text="该成员频繁向客户发送营销广告，被多名客户投诉")
    assert d.category is not None and "category.not_listed" not in ids(d.explanation)


# Issue 9 item 3: does the ladder ever reset? ----------------------------------------------------

def test_counting_earlier_violations_says_the_rules_are_silent_on_a_reset():
    d = run(account="member", scope="interop", duration="temporary", prior_violations=1,
            linked_wechat_banned=False)
    assert d.step == 2 and d.certainty != "decided"
    silent = by_id(d.undecided, "r1.ladder_reset_silent")
    assert "do not say whether the ladder ever starts again" in silent.text
    zh = run("zh_CN", account="member", scope="interop", duration="temporary",
             prior_violations=1, linked_wechat_banned=False)
    assert "是否会重新计算" in by_id(zh.undecided, "r1.ladder_reset_silent").text


def test_no_earlier_violation_no_reset_sentence():
    d = run(account="member", scope="interop", duration="temporary", linked_wechat_banned=False)
    assert "r1.ladder_reset_silent" not in ids(d.undecided) and d.certainty == "decided"


def test_off_ladder_route_title_is_not_the_short_term_ladder_title():
    d = run(account="member", scope="account", duration="temporary",
            notice_text="账号因发布色情内容被限制登录3天")
    title, _, _ = CATALOGUE.route(d.appeal_route).wording(d.route_variant)
    assert "short-term" not in title("en") and "短期" not in title("zh_CN")
    text = render_text(d, CATALOGUE, "en")
    assert "short-term" not in text and title("en") in text


def test_a_diagnosis_saved_before_documents_open_still_says_the_list_is_open():
    d = run(account="enterprise", scope="account", duration="unknown", believes_wrongful=True)
    old = d.model_copy(update={"documents_open": False})  # as loaded from an older case
    assert "etc." in render_text(old, CATALOGUE, "en")
