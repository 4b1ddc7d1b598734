"""``wecom-appeal audit`` and ``wecom-appeal scan`` end to end: outputs, the Scan JSON
contract, exit codes 0 / 1 / 2 and messages that name the file, line or field."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.audit.checklist import load_checklist
from app.cli import main

from .behaviour_files import EN_TITLES, NORMALS, SPAMMER, ZH_TITLES, planted_rows, write_csv
from .pdfs import ink, render_page

ROOT = Path(__file__).resolve().parents[2]


def _answers(tmp_path: Path, overrides: dict[str, str], name: str = "answers.json",
             date: str = "2026-11-20") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({
        "date": date, "title": "CLI",
        "answers": [{"question": q.id, "answer": overrides.get(q.id, "yes"), "note": ""}
                    for q in load_checklist().questions]}), encoding="utf-8")
    return path


def test_audit_writes_the_pdf_and_exits_1_with_findings(tmp_path, capsys):
    answers = _answers(tmp_path, {"contact_me_qr": "no"})
    out = tmp_path / "report.pdf"
    assert main(["audit", str(answers), "-o", str(out), "--lang", "en"]) == 1
    assert ink(render_page(out)) > 0.02
    assert "Overall score" in capsys.readouterr().out


def test_audit_clean_exits_0_and_json_has_the_trend(tmp_path, capsys):
    old = _answers(tmp_path, {"no_plugins": "no"}, "old.json", "2026-06-01")
    new = _answers(tmp_path, {})
    assert main(["audit", str(new), "--previous", str(old), "--json", "--lang", "zh_CN"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["overall"] == 100 and data["level"] == "low"
    assert [p["date"] for p in data["trend"]] == ["2026-06-01", "2026-11-20"]


def test_audit_bad_input_exits_2_naming_the_field(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"date": "2026-11-20",
                               "answers": [{"question": "no_plugins", "answer": "maybe"}]}))
    assert main(["audit", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "answers.0.answer" in err
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"date": "2026-11-20",
                                   "answers": [{"question": "nope", "answer": "yes"}]}))
    assert main(["audit", str(unknown)]) == 2
    assert "answers.0.question" in capsys.readouterr().err
    assert main(["audit", str(tmp_path / "missing.json")]) == 2


def test_audit_schema(capsys):
    assert main(["audit", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "AuditAnswers"


def test_scan_json_flags_and_exit_1(tmp_path, capsys):
    data = write_csv(tmp_path / "d.csv", planted_rows(), ZH_TITLES)
    assert main(["scan", str(data), "--json", "--lang", "en"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["rows_read"] == len(planted_rows()) and out["rows_rejected"] == []
    members = out["members"]
    assert members[0]["userid"] == SPAMMER
    flag = members[0]["flags"][0]
    assert (flag["rule"], flag["category"], flag["citation"]) == ("R1", "malicious_adding",
                                                                  "2.1")
    assert "applications a day" in flag["reason"]
    assert all(not m["flags"] for m in members if m["userid"] in NORMALS)


def test_scan_clean_file_exits_0_and_prints_a_table(tmp_path, capsys):
    rows = [r for r in planted_rows() if r[0] in NORMALS]
    data = write_csv(tmp_path / "d.csv", rows)
    assert main(["scan", str(data), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "0 flagged" in out and "normal00" in out


def test_scan_reports_rejected_lines(tmp_path, capsys):
    data = write_csv(tmp_path / "d.csv", planted_rows(days=2))
    text = data.read_text(encoding="utf-8").splitlines()
    text.insert(2, "x,2026-09-01,lots,1,1,1,50,1,0")
    data.write_text("\n".join(text) + "\n", encoding="utf-8")
    main(["scan", str(data), "--json", "--lang", "en"])
    out = json.loads(capsys.readouterr().out)
    assert out["rows_rejected"] == [{"line": 3, "reason": out["rows_rejected"][0]["reason"]}]
    assert "'lots'" in out["rows_rejected"][0]["reason"]


def test_scan_unknown_column_exits_2(tmp_path, capsys):
    data = write_csv(tmp_path / "d.csv", [["a", "2026-10-01", 1, 1, 1, 1, 1, 1, 1]],
                     [*EN_TITLES[:-1], "complaints"])
    assert main(["scan", str(data)]) == 2
    assert "unknown column 'complaints'" in capsys.readouterr().err


def test_scan_bad_thresholds_exit_2(tmp_path, capsys):
    data = write_csv(tmp_path / "d.csv", planted_rows(days=1))
    bad = tmp_path / "t.toml"
    bad.write_text("[harassment]\nnegative_rate = -1\n")
    assert main(["scan", str(data), "--thresholds", str(bad)]) == 2
    assert "harassment.negative_rate" in capsys.readouterr().err


def test_scan_subprocess_writes_pdf_and_csv(tmp_path):
    data = write_csv(tmp_path / "d.csv", planted_rows(), ZH_TITLES)
    pdf, table = tmp_path / "scan.pdf", tmp_path / "scan.csv"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "app.cli", "scan", str(data), "-o", str(pdf),
                          "--csv", str(table), "--lang", "zh_CN"], capture_output=True,
                         text=True, cwd=ROOT, env=env, check=False)
    assert run.returncode == 1, run.stderr
    assert "标记 3 位" in run.stdout
    assert ink(render_page(pdf)) > 0.02
    assert table.read_text(encoding="utf-8-sig").splitlines()[1].startswith(SPAMMER)


def test_audit_with_a_custom_checklist(tmp_path, capsys):
    from importlib import resources

    text = (resources.files("app.resources") / "audit" / "checklist.toml").read_text("utf-8")
    custom = tmp_path / "ours.toml"
    custom.write_text(text.replace('version = "2026.11.1"', 'version = "acme-1"'),
                      encoding="utf-8")
    answers = _answers(tmp_path, {"contact_me_qr": "no"})
    out = tmp_path / "r.pdf"
    assert main(["audit", str(answers), "--checklist", str(custom), "-o", str(out), "--json",
                 "--lang", "en"]) == 1
    assert json.loads(capsys.readouterr().out)["checklist_version"] == "acme-1"
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace("weight = 4", "weight = -1", 1), encoding="utf-8")
    assert main(["audit", str(answers), "--checklist", str(broken)]) == 2
    err = capsys.readouterr().err
    assert "broken.toml" in err and ".weight" in err


def _internal_keys() -> set[str]:
    """Question, category and scenario ids of the checklist: words of the code, not the user's."""
    checklist = load_checklist()
    return ({q.id for q in checklist.questions} | {c.id for c in checklist.categories}
            | {s.id for s in checklist.scenarios})


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_audit_names_unanswered_questions_by_their_text(tmp_path, capsys, lang):
    checklist = load_checklist()
    open_questions = [q for q in checklist.questions][:3]
    answers = _answers(tmp_path, {})
    data = json.loads(answers.read_text(encoding="utf-8"))
    data["answers"] = [a for a in data["answers"]
                       if a["question"] not in {q.id for q in open_questions}]
    answers.write_text(json.dumps(data), encoding="utf-8")
    assert main(["audit", str(answers), "--lang", lang]) == 1
    out = capsys.readouterr().out
    keys = [k for k in _internal_keys() if re.search(rf"\b{re.escape(k)}\b", out)]
    assert keys == [], out
    for q in open_questions:
        assert q.text(lang) in out
        assert checklist.category(q.category).title(lang) in out
    assert ("Unanswered (3, not scored):" if lang == "en" else "未回答（3 题，不计分）：") in out


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_scan_table_and_reasons_speak_to_people(tmp_path, capsys, lang):
    data = write_csv(tmp_path / "d.csv", planted_rows())
    assert main(["scan", str(data), "--lang", lang]) == 1
    out = capsys.readouterr().out
    keys = [k for k in (*_internal_keys(), "R1", "userid")
            if re.search(rf"(?<![\w.]){re.escape(k)}(?![\w.])", out)]
    assert keys == [], out
    assert ("rule 1, Maliciously adding external contacts, section 2.1" if lang == "en"
            else "规则一，恶意添加外部联系人，第 2.1 节") in out
    # Percentages in one form, and the table's share is the reason's share.
    assert re.findall(r"\d %", out) == []
    table_row = next(line for line in out.splitlines() if line.startswith(SPAMMER + " "))
    assert " 10% " in table_row
    assert ("only 10% became customers" if lang == "en" else "仅 10% 成为客户") in out


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_critical_no_is_named_by_its_question(tmp_path, capsys, lang):
    checklist = load_checklist()
    critical = next(q for q in checklist.questions if q.critical)
    assert main(["audit", str(_answers(tmp_path, {critical.id: "no"})), "--lang", lang]) == 1
    out = capsys.readouterr().out
    assert re.search(rf"\b{re.escape(critical.id)}\b", out) is None, out
    assert f"“{critical.text(lang)}”" in out.splitlines()[2]


def test_a_question_answered_twice_is_said_in_the_chosen_language(tmp_path, capsys):
    answers = _answers(tmp_path, {})
    data = json.loads(answers.read_text(encoding="utf-8"))
    data["answers"].append(dict(data["answers"][0]))
    answers.write_text(json.dumps(data), encoding="utf-8")
    assert main(["audit", str(answers), "--lang", "zh_CN"]) == 2
    err = capsys.readouterr().err
    assert "回答了不止一次" in err and "more than once" not in err, err
    assert main(["audit", str(answers), "--lang", "en"]) == 2
    assert "more than once" in capsys.readouterr().err
