"""The checklist covers every violation scenario of rules 1-3 and every section-5
recommendation, in both languages, with citations; a broken file is named with its field."""

from __future__ import annotations

import re

import pytest

from app.audit.checklist import ChecklistError, load_checklist, parse_checklist

# docs/design.md's violation categories (2.1, 3, 4.1).
SCENARIOS = {
    "harassment": "R1", "inducing_sharing": "R1", "malicious_adding": "R1",
    "linked_wechat": "R2",
    "plugin": "R3", "malicious_registration": "R3", "account_info": "R3",
    "order_brushing": "R3", "security_threat": "R3", "infringement": "R3",
    "pornography": "R3", "violence": "R3", "gambling": "R3", "gang_terror": "R3",
    "illegal_goods": "R3", "fraud": "R3", "false_information": "R3", "other_illegal": "R3",
}
# Section 5 (5.1) recommendations and limit factors the issue names.
RECOMMENDATIONS = {"enterprise_info", "contact_me_qr", "no_phone_search", "customer_feedback",
                   "no_plugins", "account_names_avatars", "content_policies"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_scenario_of_rules_1_to_3_has_a_question():
    checklist = load_checklist()
    assert {s.id: s.rule for s in checklist.scenarios} == SCENARIOS
    asked = {s for q in checklist.questions for s in q.scenarios}
    assert set(SCENARIOS) <= asked, sorted(set(SCENARIOS) - asked)


def test_every_section_5_recommendation_has_a_question():
    checklist = load_checklist()
    assert {r.id for r in checklist.recommendations} == RECOMMENDATIONS
    asked = {r for q in checklist.questions for r in q.recommendations}
    assert asked == RECOMMENDATIONS
    for r in checklist.recommendations:
        assert "5.1" in r.sections


def test_questions_cite_the_right_sections():
    checklist = load_checklist()
    rule_section = {"R1": {"2.1", "2.2"}, "R2": {"3", "3.2"}, "R3": {"4.1", "4.2"}}
    for q in checklist.questions:
        for scenario in q.scenarios:
            wanted = rule_section[SCENARIOS[scenario]]
            assert wanted & set(q.citations) or "5.1" in q.citations, q.id
        if q.recommendations:
            assert "5.1" in q.citations, q.id


def test_both_languages_everywhere_and_chinese_is_chinese():
    checklist = load_checklist()
    for q in checklist.questions:
        for text in (q.text, q.basis, q.advice):
            assert text.en.strip() and text.zh_CN.strip(), q.id
            assert CJK.search(text.zh_CN), q.id
            assert not CJK.search(text.en), q.id


def test_scale_weights_and_levels():
    checklist = load_checklist()
    assert checklist.scale.value("yes") == 1 and checklist.scale.value("no") == 0
    assert checklist.scale.value("not_applicable") is None
    assert all(q.weight > 0 for q in checklist.questions)
    assert [lvl.id for lvl in checklist.risk.levels] == ["low", "medium", "high"]
    assert checklist.risk.for_score(100).id == "low"
    assert checklist.risk.for_score(0).id == "high"
    # Rule 3 brings a permanent ban (4.2): its plug-in question is critical.
    assert checklist.question("no_plugins").critical


def test_rule_3_content_questions_are_critical():
    checklist = load_checklist()
    content = [q for q in checklist.questions if q.category == "r3_content" and
               q.id != "content_policy"]
    assert content and all(q.critical for q in content)


def _shipped_text() -> str:
    from importlib import resources

    return (resources.files("app.resources") / "audit" / "checklist.toml").read_text("utf-8")


def test_a_broken_checklist_names_the_file_and_the_field():
    broken = _shipped_text().replace('weight = 4', 'weight = "heavy"', 1)
    with pytest.raises(ChecklistError) as err:
        parse_checklist(broken)
    assert "checklist.toml" in str(err.value)
    assert re.search(r"questions\[\d+\]\.weight", str(err.value))


def test_a_dangling_reference_is_named():
    broken = _shipped_text().replace('category = "s5_practice"', 'category = "nowhere"', 1)
    with pytest.raises(ChecklistError, match="unknown category 'nowhere'"):
        parse_checklist(broken)


def test_invalid_toml_is_named():
    with pytest.raises(ChecklistError, match=r"checklist\.toml: not valid TOML"):
        parse_checklist("[meta\n")
