"""The human output of ``scan`` and ``audit`` says that thresholds, scores and risk levels are
this app's, not WeCom's (WeCom publishes no numbers, 5.1): issue 14 item 7."""

from __future__ import annotations

import json

import pytest

from app.audit.checklist import load_checklist
from app.cli import main
from app.labels import label

from .behaviour_files import ZH_TITLES, planted_rows, write_csv


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_scan_table_says_the_thresholds_are_the_apps(tmp_path, capsys, lang):
    data = write_csv(tmp_path / "d.csv", planted_rows(), ZH_TITLES)
    assert main(["scan", str(data), "--lang", lang]) == 1
    out = capsys.readouterr().out.splitlines()
    note = label("scan_app_thresholds", lang)
    assert note in out
    assert ("not WeCom's" in note) if lang == "en" else ("并非企业微信的规定" in note)
    # Said before the first flag line, which quotes a threshold.
    first_flag = next(i for i, line in enumerate(out) if label("scan_rule_R1", lang) in line)
    assert out.index(note) < first_flag


def test_scan_json_is_unchanged_by_the_note(tmp_path, capsys):
    data = write_csv(tmp_path / "d.csv", planted_rows(), ZH_TITLES)
    main(["scan", str(data), "--json", "--lang", "en"])
    json.loads(capsys.readouterr().out)  # still one JSON document, no prose around it


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_audit_says_score_and_level_are_the_apps(tmp_path, capsys, lang):
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"date": "2026-11-20", "answers": [
        {"question": q.id, "answer": "no"} for q in load_checklist().questions]}), "utf-8")
    assert main(["audit", str(answers), "--lang", lang]) == 1
    out = capsys.readouterr().out.splitlines()
    high = next(lv for lv in load_checklist().risk.levels if lv.id == "high").label(lang)
    assert high in out[0]
    assert out[1] == label("audit_app_assessment", lang)

