"""The appeal statement: built from the diagnosis, with a visible gap when there is none."""

from __future__ import annotations

import datetime as dt

from app.appeal.statement import build_statement
from app.rules.contract import Diagnosis


def test_statement_restates_the_diagnosis(profile, diagnosis):
    text = build_statement(profile, diagnosis, today=dt.date(2026, 11, 25))
    assert profile.company_name in text and profile.credit_code in text
    assert all(s.text in text for s in diagnosis.explanation)
    assert "请在此写明" not in text


def test_a_route_chosen_by_hand_leaves_a_gap_to_fill(profile, diagnosis):
    bare = Diagnosis.model_validate({**diagnosis.model_dump(), "explanation": [],
                                     "citations": []})
    zh = build_statement(profile, bare, today=dt.date(2026, 11, 25))
    en = build_statement(profile, bare, lang="en", today=dt.date(2026, 11, 25))
    assert "一、情况说明\n（请在此写明" in zh
    assert "1. What happened\n(Write here" in en
