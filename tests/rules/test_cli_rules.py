"""End-to-end: the diagnose, rules and schema commands as a script or a user would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60)


FIRST_VIOLATION = {
    "account": "member", "scope": "interop", "duration": "temporary",
    "self_unblock_offered": True, "prior_violations": 0,
    "notice_text": "成员“张三”因频繁向客户发送营销消息被多次投诉，已被暂时限制使用互通功能",
}


def test_diagnose_json_from_a_file(tmp_path):
    report = tmp_path / "report.json"
    report.write_text(json.dumps(FIRST_VIOLATION, ensure_ascii=False), encoding="utf-8")
    result = cli("diagnose", str(report), "--json", "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["rule"] == "R1" and out["step"] == 1
    assert out["appeal_route"] == "admin_unblock_request"
    assert out["lang"] == "en" and out["explanation"][0]["citations"]


def test_diagnose_reads_standard_input_and_prints_chinese_text():
    result = cli("diagnose", "--lang", "zh_CN", stdin=json.dumps(FIRST_VIOLATION))
    assert result.returncode == 0, result.stderr
    assert "申请解封" in result.stdout and "第 2.2 条" in result.stdout


def test_an_unknown_value_names_the_field_and_exits_2():
    bad = dict(FIRST_VIOLATION, scope="everything")
    result = cli("diagnose", "--json", stdin=json.dumps(bad))
    assert result.returncode == 2
    assert "scope" in result.stderr and "<stdin>" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_field_is_refused_not_ignored():
    result = cli("diagnose", stdin=json.dumps(dict(FIRST_VIOLATION, acount="member")))
    assert result.returncode == 2 and "acount" in result.stderr


def test_malformed_json_names_the_line(tmp_path):
    report = tmp_path / "broken.json"
    report.write_text('{"account": "member",\n "scope": }', encoding="utf-8")
    result = cli("diagnose", str(report))
    assert result.returncode == 2
    assert "broken.json" in result.stderr and "line 2" in result.stderr


def test_a_missing_file_is_a_clear_error(tmp_path):
    result = cli("diagnose", str(tmp_path / "nope.json"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_rules_prints_every_category_with_its_section():
    result = cli("rules", "--lang", "en")
    assert result.returncode == 0, result.stderr
    for category in ("harassment", "linked_wechat", "plugin", "other_illegal"):
        assert f"[{category}]" in result.stdout
    assert "enterprise_appeal" in result.stdout


def test_schema_exports_both_contract_models():
    result = cli("schema")
    assert result.returncode == 0
    schemas = json.loads(result.stdout)
    assert set(schemas["input"]["properties"]) >= {
        "account", "scope", "duration", "self_unblock_offered", "linked_wechat_banned",
        "prior_violations", "notice_text", "believes_wrongful"}
    assert set(schemas["output"]["properties"]) >= {
        "rule", "step", "category", "appeal_route", "documents", "citations", "explanation",
        "next_violation"}


def test_a_reader_that_leaves_early_gets_no_traceback():
    # `wecom-appeal rules --json | head`: more output than a pipe holds, reader closes early.
    proc = subprocess.Popen([sys.executable, "-m", "app", "rules", "--json"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
