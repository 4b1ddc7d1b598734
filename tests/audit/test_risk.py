"""Flags on planted patterns: the spammer (200 applications a day, 10 % accepted) and the
harasser (many deletions and blocks) are flagged with reasons and clauses; normal members are
not; thresholds come from data and can be overridden."""

from __future__ import annotations

import pytest

from app.audit.risk import ScanThresholds, ThresholdsError, load_thresholds, scan

from .behaviour_files import HARASSER, NORMALS, PUSHER, SPAMMER, planted_rows, write_csv


@pytest.fixture
def planted(tmp_path):
    result = scan(write_csv(tmp_path / "d.csv", planted_rows()))
    yield result
    result.close()


def _flags(result, userid):
    member = next(m for m in result.members if m.userid == userid)
    return {f.criterion: f for f in member.flags}


def test_spammer_is_flagged_for_malicious_adding(planted):
    flags = _flags(planted, SPAMMER)
    flag = flags["many_applications_low_acceptance"]
    assert (flag.rule, flag.category, flag.citation) == ("R1", "malicious_adding", "2.1")
    assert "200 applications a day" in flag.reason.en and "10%" in flag.reason.en
    assert "200" in flag.reason.zh_CN and "10%" in flag.reason.zh_CN
    assert "application_spikes" in flags


def test_harasser_is_flagged_with_the_feedback_factor(planted):
    flags = _flags(planted, HARASSER)
    flag = flags["negative_feedback"]
    assert (flag.rule, flag.category) == ("R1", "harassment")
    assert flag.citation == "2.1, 5.1"
    assert "25%" in flag.reason.en and "deleted or blocked" in flag.reason.en
    assert "删除或拉黑" in flag.reason.zh_CN
    assert "malicious_adding" not in {f.category for f in flags.values()}


def test_one_sided_messaging_is_flagged(planted):
    flag = _flags(planted, PUSHER)["one_sided_messaging"]
    assert flag.category == "harassment" and flag.citation == "2.1"
    assert "40 messages per chat" in flag.reason.en


def test_normal_members_are_not_flagged_and_the_riskiest_come_first(planted):
    flagged = [m.userid for m in planted.flagged]
    assert set(flagged) == {SPAMMER, HARASSER, PUSHER}
    assert [m.userid for m in planted.members[:3]] == flagged
    assert planted.members[0].userid == SPAMMER
    scores = [m.risk_score for m in planted.members]
    assert scores == sorted(scores, reverse=True)
    for m in planted.members:
        if m.userid in NORMALS:
            assert m.flags == [] and m.risk_score < 20


def test_scan_json_contract(planted):
    data = planted.as_json("zh_CN")
    assert data["rows_read"] == data["rows_kept"] == len(planted_rows())
    assert data["rows_rejected"] == []
    first = data["members"][0]
    assert set(first) >= {"userid", "metrics", "flags"}
    assert set(first["flags"][0]) >= {"rule", "category", "reason", "citation"}
    assert "applications_per_day" in first["metrics"]
    assert isinstance(first["metrics"]["first_day"], str)


def test_thresholds_are_data_and_overridable(tmp_path):
    defaults = load_thresholds()
    assert isinstance(defaults, ScanThresholds)
    assert defaults.harassment.negative_rate == 0.10
    override = tmp_path / "t.toml"
    override.write_text("[harassment]\nnegative_rate = 0.5\n", encoding="utf-8")
    lenient = load_thresholds(override)
    assert lenient.harassment.negative_rate == 0.5
    assert lenient.malicious_adding == defaults.malicious_adding
    result = scan(write_csv(tmp_path / "d.csv", planted_rows()), lenient)
    assert HARASSER not in {m.userid for m in result.flagged}
    result.close()
    # What the GUI stores: the model round-trips.
    assert ScanThresholds.model_validate(lenient.model_dump()) == lenient


def test_bad_thresholds_name_the_file_and_field(tmp_path):
    bad = tmp_path / "t.toml"
    bad.write_text("[malicious_adding]\nacceptance_below = 3\n", encoding="utf-8")
    with pytest.raises(ThresholdsError, match=r"t\.toml: field 'malicious_adding\.acceptance_"):
        load_thresholds(bad)
    bad.write_text("[harassment]\nnegative_rat = 0.2\n", encoding="utf-8")
    with pytest.raises(ThresholdsError, match="negative_rat"):
        load_thresholds(bad)
    with pytest.raises(ThresholdsError, match="no such file"):
        load_thresholds(tmp_path / "missing.toml")


def test_rising_applications_are_flagged(tmp_path):
    import datetime as dt

    start = dt.date(2026, 9, 1)
    rows = [["riser", (start + dt.timedelta(days=d)).isoformat(), 10 + 2 * d, 8 + 2 * d, 5, 10,
             80, 5, 0] for d in range(42)]
    rows += [["steady", (start + dt.timedelta(days=d)).isoformat(), 40, 35, 5, 10, 80, 5, 0]
             for d in range(42)]
    result = scan(write_csv(tmp_path / "d.csv", rows))
    riser = _flags(result, "riser")
    assert set(riser) == {"applications_rising"}
    assert "rising by 14 per week" in riser["applications_rising"].reason.en
    assert _flags(result, "steady") == {}
    result.close()


def test_reasons_write_percentages_as_the_reports_do(planted):
    """One form everywhere (issue 10): "10%", as the PDF tables and the CLI table write it."""
    import re

    reasons = [f.reason(lang) for m in planted.flagged for f in m.flags for lang in ("en", "zh_CN")]
    assert reasons and all("%" in r or "≥ 150" in r for r in reasons)
    assert [r for r in reasons if re.search(r"\d %", r)] == []
    pusher = _flags(planted, PUSHER)["one_sided_messaging"].reason
    assert "< 20%)" in pusher.en and "< 20%）" in pusher.zh_CN


def test_a_share_reads_as_a_percentage_to_a_tenth():
    from app.audit.risk import percent

    assert [percent(x) for x in (0.3, 0.298, 0.1, 0.0996, 0.25, 1, 0)] == [
        "30%", "29.8%", "10%", "10%", "25%", "100%", "0%"]
    assert percent(None) == "—"


def test_reason_texts_are_data_not_code():
    """The reasons' wording lives in resources/text/report.toml, in both languages."""
    import re
    from pathlib import Path

    from app.audit import risk
    from app.labels import all_labels

    assert re.search(r"[\u4e00-\u9fff]", Path(risk.__file__).read_text("utf-8")) is None
    criteria = ("many_applications_low_acceptance", "application_spikes", "applications_rising",
                "negative_feedback", "one_sided_messaging")
    for criterion in criteria:
        entry = all_labels()[f"scan_reason_{criterion}"]
        assert entry.en and re.search(r"[\u4e00-\u9fff]", entry.zh_CN), criterion
