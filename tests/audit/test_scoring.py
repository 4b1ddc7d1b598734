"""Scores per category and overall (N/A left out), the risk level, findings that explain
themselves, the remediation plan and the trend."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from app.audit.checklist import load_checklist
from app.audit.scoring import (
    AuditAnswers,
    AuditInputError,
    answers_json_schema,
    score_audit,
)

TODAY = dt.date(2026, 11, 25)


def answers(overrides: dict[str, str] | None = None, **extra) -> AuditAnswers:
    overrides = overrides or {}
    return AuditAnswers.model_validate({
        "date": "2026-11-20",
        "answers": [{"question": q.id, "answer": overrides.get(q.id, "yes")}
                    for q in load_checklist().questions if overrides.get(q.id) != "skip"],
        **extra})


def test_all_yes_scores_100_and_low_risk():
    result = score_audit(answers(), today=TODAY)
    assert result.overall == 100
    assert result.level == "low"
    assert result.findings == [] and result.plan == [] and result.unanswered == []
    assert all(c.score == 100 for c in result.categories)


def test_partly_and_no_cost_their_share_of_the_weight():
    checklist = load_checklist()
    total = sum(q.weight for q in checklist.questions)
    w_no = checklist.question("contact_me_qr").weight
    w_partly = checklist.question("harassment_frequency").weight
    result = score_audit(answers({"contact_me_qr": "no", "harassment_frequency": "partly"}),
                         today=TODAY)
    expected = round(100 * (total - w_no - 0.5 * w_partly) / total, 1)
    assert result.overall == expected
    lost = {f.question: f.points_lost for f in result.findings}
    assert lost == {"contact_me_qr": w_no, "harassment_frequency": 0.5 * w_partly}


def test_not_applicable_is_left_out_of_both_sides():
    checklist = load_checklist()
    r2 = [q.id for q in checklist.questions_in("r2_linked_wechat")]
    result = score_audit(answers(dict.fromkeys(r2, "not_applicable")), today=TODAY)
    assert result.overall == 100
    cat = next(c for c in result.categories if c.id == "r2_linked_wechat")
    assert cat.score is None and cat.not_applicable == len(r2) and cat.possible == 0


def test_category_score_explains_itself_point_by_point():
    result = score_audit(answers({"contact_me_qr": "no"}), today=TODAY)
    cat = next(c for c in result.categories if c.id == "s5_practice")
    assert cat.score == round(100 * cat.earned / cat.possible, 1)
    lines = result.explain("en")
    assert any("contact_me_qr" not in line and "Contact Me" in line and "− 2 points" in line
               and "5.1" in line for line in lines)
    zh = result.explain("zh_CN")
    assert any("−2 分" in line and "5.1" in line for line in zh)


def test_a_critical_no_raises_the_level_to_high():
    result = score_audit(answers({"no_plugins": "no"}), today=TODAY)
    assert result.overall > 85  # the average alone would say low
    assert result.level == "high"
    assert result.critical_noes == ["no_plugins"]
    assert result.findings[0].question == "no_plugins"  # biggest loss first


def test_one_weak_category_raises_the_level_to_medium():
    checklist = load_checklist()
    s5 = {q.id: "no" for q in checklist.questions_in("s5_practice")}
    result = score_audit(answers(s5), today=TODAY)
    assert result.overall >= 85
    assert result.level == "medium"
    assert result.weak_categories == ["s5_practice"]


def test_low_overall_is_high_risk():
    checklist = load_checklist()
    result = score_audit(answers({q.id: "partly" for q in checklist.questions}), today=TODAY)
    assert result.overall == 50 and result.level == "high"


def test_unanswered_questions_are_listed_not_scored():
    result = score_audit(answers({"no_gambling": "skip"}), today=TODAY)
    assert result.unanswered == ["no_gambling"]
    assert result.overall == 100


def test_remediation_plan_uses_given_owner_due_status_and_defaults_to_advice():
    a = answers({"contact_me_qr": "no", "no_phone_search_mass_adding": "partly"}, remediation=[
        {"question": "contact_me_qr", "action": "Print multi-person QR codes", "owner": "Li Na",
         "due": "2026-11-01", "status": "in_progress"}])
    result = score_audit(a, today=TODAY)
    plan = {p.question: p for p in result.plan}
    assert plan["contact_me_qr"].owner == "Li Na"
    assert plan["contact_me_qr"].action.en == "Print multi-person QR codes"
    assert plan["contact_me_qr"].overdue
    default = plan["no_phone_search_mass_adding"]
    advice = load_checklist().question("no_phone_search_mass_adding").advice
    assert default.action == advice and default.status == "open" and not default.overdue
    assert result.corrective_measures("en") == ["Print multi-person QR codes"]


def test_trend_across_audits():
    earlier = score_audit(answers({"no_plugins": "no"}), today=TODAY)
    earlier_date = earlier.model_copy(update={"date": dt.date(2026, 8, 1)})
    result = score_audit(answers(history=[{"date": "2026-05-01", "overall": 55}]),
                         previous=[earlier_date], today=TODAY)
    assert [p.date for p in result.trend] == [dt.date(2026, 5, 1), dt.date(2026, 8, 1),
                                               dt.date(2026, 11, 20)]
    assert result.trend[0].level == "high"
    assert result.delta == round(100 - earlier.overall, 1)


def test_unknown_question_names_the_field():
    a = answers()
    a.answers[3].question = "no_such_question"
    with pytest.raises(AuditInputError, match=r"answers\.3\.question.*no_such_question"):
        score_audit(a)


def test_nothing_to_score_is_an_error():
    checklist = load_checklist()
    with pytest.raises(AuditInputError, match="nothing to score"):
        score_audit(answers({q.id: "not_applicable" for q in checklist.questions}))


def test_duplicate_and_bad_answers_are_rejected_by_the_model():
    with pytest.raises(ValidationError, match="more than once"):
        AuditAnswers.model_validate({"date": "2026-11-20", "answers": [
            {"question": "no_plugins", "answer": "yes"},
            {"question": "no_plugins", "answer": "no"}]})
    with pytest.raises(ValidationError):
        AuditAnswers.model_validate({"date": "2026-11-20", "answers": [
            {"question": "no_plugins", "answer": "maybe"}]})


def test_answers_schema_documents_notes_and_the_scale():
    schema = answers_json_schema()
    entry = schema["$defs"]["AnswerEntry"]
    assert set(entry["properties"]) >= {"question", "answer", "note", "evidence"}
    assert entry["properties"]["answer"]["enum"] == ["yes", "partly", "no", "not_applicable"]
    assert "remediation" in schema["properties"] and "history" in schema["properties"]


def test_shipped_schema_is_current_and_the_example_validates():
    import json
    from importlib import resources

    folder = resources.files("app.resources") / "audit"
    stored = json.loads((folder / "answers.schema.json").read_text("utf-8"))
    assert stored == answers_json_schema(), (
        "regenerate: wecom-appeal audit --schema > resources/audit/answers.schema.json")
    example = AuditAnswers.model_validate_json((folder / "answers.example.json").read_text("utf-8"))
    result = score_audit(example, today=TODAY)
    assert len(result.unanswered) == len(load_checklist().questions) - 4
    assert [p.date for p in result.trend] == [dt.date(2026, 8, 20), dt.date(2026, 11, 20)]
