"""The diagnosis engine against the source text, one test per ladder step, route and rule."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.rules.catalogue import load_catalogue
from app.rules.contract import RestrictionReport
from app.rules.engine import diagnose

CATALOGUE = load_catalogue()
ENTERPRISE_DOCUMENTS = [
    "business_license", "legal_person_id", "legal_person_holding_id", "seal_authorization_letter",
]


def run(lang: str = "en", **fields):
    return diagnose(RestrictionReport(**fields), CATALOGUE, lang)


def ids(sentences) -> list[str]:
    return [s.id for s in sentences]


# Rule 1: the ladder of 2.2 -----------------------------------------------------------------

def test_rule1_first_violation_admin_can_apply_for_unblocking():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=True,
            prior_violations=0, notice_text="该成员频繁向客户发送营销广告，被多名客户投诉")
    assert (d.rule, d.step, d.category) == ("R1", 1, "harassment")
    assert d.appeal_route == "admin_unblock_request"
    assert d.documents == []
    assert "2.2" in d.citations and "2.1" in d.citations
    assert "next.r1_step2" in ids(d.next_violation)
    assert d.certainty == "decided"


def test_rule1_second_violation_cannot_apply_and_waits():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=False,
            prior_violations=1, notice_text="Your member account maliciously added external "
            "contacts in bulk and received complaints.")
    assert (d.rule, d.step, d.category) == ("R1", 2, "malicious_adding")
    assert d.appeal_route == "wait_for_expiry"
    assert "r1.step2" in ids(d.explanation)
    assert "next.r1_step3" in ids(d.next_violation)


def test_rule1_third_violation_is_permanent_and_has_no_route():
    d = run(account="member", scope="interop", duration="permanent", prior_violations=2,
            notice_text="多次诱导客户分享朋友圈集赞")
    assert (d.rule, d.step) == ("R1", 3)
    assert d.appeal_route == "none"
    assert "route.none_permanent" in ids(d.explanation)
    assert "next.r1_after_step3" in ids(d.next_violation)


def test_console_without_unblocking_means_at_least_the_second_step():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=False)
    assert (d.rule, d.step) == ("R1", 2)
    assert "r1.step_from_console" in ids(d.explanation)


def test_permanent_interop_ban_is_the_third_step_even_without_a_ledger():
    d = run(account="member", scope="interop", duration="permanent")
    assert (d.rule, d.step, d.appeal_route) == ("R1", 3, "none")
    assert "r1.step_from_permanent" in ids(d.explanation)


def test_console_offering_unblocking_against_the_ledger_is_flagged_not_hidden():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=True,
            prior_violations=1)
    assert d.step == 2
    assert d.appeal_route == "admin_unblock_request"
    assert "r1.console_conflict" in ids(d.undecided)
    assert d.certainty == "partial"


def test_second_step_believed_wrongful_appeals_on_the_page():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=False,
            prior_violations=1, believes_wrongful=True)
    assert d.appeal_route == "page_appeal"
    assert d.alternative_routes == ["wait_for_expiry"]
    assert "5.3" in d.citations


def test_rule1_bad_influence_blocks_the_whole_account_off_the_ladder():
    d = run(account="member", scope="account", duration="temporary",
            notice_text="因频繁骚扰用户造成恶劣影响，成员账号被封禁7天")
    assert d.rule == "R1" and d.step is None and d.aggravated
    assert d.appeal_route == "wait_for_expiry"
    assert "r1.aggravated" in ids(d.explanation)


# Rule 2: the linked WeChat account (3.2) ------------------------------------------------------

def test_rule2_waits_for_wechat_and_states_the_24_hours():
    d = run(account="member", scope="interop", duration="until_wechat_unblocked",
            linked_wechat_banned=True)
    assert (d.rule, d.category, d.step) == ("R2", "linked_wechat", None)
    assert d.appeal_route == "wait_for_wechat_unblock"
    assert [t.hours for t in d.timing] == [24]
    assert "3.2" in d.citations


def test_rule2_from_the_linked_account_alone():
    d = run(account="member", scope="interop", duration="unknown", linked_wechat_banned=True)
    assert d.rule == "R2" and d.appeal_route == "wait_for_wechat_unblock"


def test_rule2_whole_account_is_the_bad_impact_escalation():
    d = run(account="member", scope="account", duration="permanent", linked_wechat_banned=True)
    assert d.rule == "R2" and d.aggravated and d.appeal_route == "none"


# Rule 3: permanent member ban (4.2) -----------------------------------------------------------

@pytest.mark.parametrize("notice, category", [
    ("检测到该账号使用外挂软件多开并自动批量添加好友", "plugin"),
    ("This account sent links to a phishing website that tricked users.", "security_threat"),
    ("该成员发布赌博信息，组织网络赌博", "gambling"),
])
def test_rule3_bans_the_member_permanently(notice, category):
    d = run(account="member", scope="account", duration="permanent", notice_text=notice)
    assert (d.rule, d.category, d.step) == ("R3", category, None)
    assert d.appeal_route == "none"
    assert "r3.measure" in ids(d.explanation)
    assert "4.2" in d.citations


def test_rule3_with_a_temporary_notice_says_the_rules_do_not_explain_it():
    d = run(account="member", scope="account", duration="temporary", believes_wrongful=True,
            notice_text="账号因发布色情内容被限制登录3天")
    assert d.rule == "R3"
    assert "r3.temporary_conflict" in ids(d.undecided)
    assert d.appeal_route == "page_appeal"


# Enterprise and administrator (5.3) -----------------------------------------------------------

def test_enterprise_believed_wrongful_appeals_with_the_four_documents():
    d = run(account="enterprise", scope="account", duration="unknown", believes_wrongful=True,
            notice_text="你的企业因违反企业微信使用规范，已被封禁")
    assert d.appeal_route == "enterprise_appeal"
    assert d.documents == ENTERPRISE_DOCUMENTS
    assert d.aggravated and d.step is None
    assert "5.3" in d.citations and "5.2" in d.citations


def test_enterprise_not_disputed_has_no_published_route():
    d = run(account="enterprise", scope="account", duration="permanent")
    assert d.appeal_route == "none" and d.documents == []
    assert d.rule is None and d.certainty == "undecided"
    assert "route.none_enterprise_not_wrongful" in ids(d.undecided)


def test_enterprise_blocked_for_fraud_names_rule3():
    d = run(account="enterprise", scope="account", duration="permanent", believes_wrongful=True,
            notice_text="The enterprise was blocked because members sent fraudulent pyramid "
            "scheme messages.")
    assert (d.rule, d.category) == ("R3", "fraud")
    assert d.appeal_route == "enterprise_appeal"


def test_admin_blocked_not_permanent_believed_wrongful_appeals_on_the_page():
    d = run(account="admin", scope="account", duration="temporary", believes_wrongful=True)
    assert d.appeal_route == "page_appeal"
    assert "route.page_appeal_admin" in ids(d.undecided)


def test_admin_blocked_undisputed_says_the_rules_are_silent():
    d = run(account="admin", scope="account", duration="temporary")
    assert d.appeal_route == "none"
    assert "route.none_admin" in ids(d.undecided)


# Where the rules cannot decide ----------------------------------------------------------------

def test_whole_member_account_blocked_for_no_known_reason_is_undecided():
    d = run(account="member", scope="account", duration="unknown")
    assert d.rule is None and d.category is None
    assert d.certainty == "undecided"
    assert "rule.account_cause_unknown" in ids(d.undecided)


def test_interop_block_of_unknown_length_and_cause_is_undecided():
    d = run(account="member", scope="interop", duration="unknown")
    assert d.rule is None and d.appeal_route == "none"
    assert "rule.interop_cause_unknown" in ids(d.undecided)


def test_chinese_output_is_chinese_and_cited():
    d = run(lang="zh_CN", account="member", scope="interop", duration="temporary",
            self_unblock_offered=True)
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in s.text) for s in d.explanation)
    assert all(s.citations for s in (*d.explanation, *d.next_violation, *d.undecided))


# Properties -------------------------------------------------------------------------------------

reports = st.builds(
    RestrictionReport,
    account=st.sampled_from(["member", "admin", "enterprise"]),
    scope=st.sampled_from(["interop", "account"]),
    duration=st.sampled_from(["temporary", "permanent", "until_wechat_unblocked", "unknown"]),
    self_unblock_offered=st.sampled_from([True, False, None]),
    linked_wechat_banned=st.sampled_from([True, False, None]),
    prior_violations=st.integers(min_value=0, max_value=20),
    notice_text=st.one_of(st.none(), st.text(max_size=200), st.sampled_from([
        "频繁发送营销信息被投诉", "使用外挂", "微信账号被封", "诱导分享",
        "The enterprise is banned",
    ])),
    believes_wrongful=st.booleans(),
)


@settings(max_examples=400, deadline=None)
@given(reports, st.sampled_from(["en", "zh_CN"]))
def test_every_valid_report_gets_a_cited_diagnosis(report, lang):
    d = diagnose(report, CATALOGUE, lang)
    assert d.explanation or d.undecided
    for sentence in (*d.explanation, *d.undecided, *d.next_violation, *d.timing):
        assert sentence.citations and sentence.text
        assert "{" not in sentence.text
    known = {s.id for s in CATALOGUE.sections}
    assert set(d.citations) <= known
    if d.step is not None:
        assert d.rule == "R1" and 1 <= d.step <= 3
    assert d.documents == list(CATALOGUE.route(d.appeal_route).documents)


@settings(max_examples=300, deadline=None)
@given(reports, st.integers(min_value=1, max_value=5))
def test_more_prior_violations_never_lower_the_step(report, more):
    before = diagnose(report, CATALOGUE, "en")
    after = diagnose(report.model_copy(update={"prior_violations": report.prior_violations + more}),
                     CATALOGUE, "en")
    if before.step is not None:
        assert after.step is not None and after.step >= before.step


def test_an_unknown_duration_is_read_from_the_notice_and_said():
    d = run(account="member", scope="account", duration="unknown",
            notice_text="系统检测到你使用第三方外挂软件批量添加好友，账号已被永久封禁。")
    assert d.rule == "R3" and d.appeal_route == "none"
    assert ids(d.explanation)[0] == "duration.notice_permanent"
    assert "永久" in d.explanation[0].text or "permanent" in d.explanation[0].text


def test_a_notice_tied_to_wechat_beats_its_own_temporarily():
    d = run(account="member", scope="interop", duration="unknown",
            notice_text="Your account is temporarily unable to use WeChat interworking features "
            "until the WeChat account bound to it is unblocked.")
    assert d.rule == "R2" and d.appeal_route == "wait_for_wechat_unblock"


def test_a_stated_duration_is_never_overridden_by_the_notice():
    d = run(account="member", scope="interop", duration="temporary", self_unblock_offered=True,
            notice_text="永久封禁")
    assert d.step == 1
    assert not any(s.id.startswith("duration.") for s in d.explanation)


def test_interop_block_with_the_wechat_account_fine_is_rule1_by_elimination():
    d = run(account="member", scope="interop", duration="unknown", linked_wechat_banned=False)
    assert d.rule == "R1" and d.step == 1
    assert "rule.r1_wechat_not_blocked" in ids(d.explanation)
