"""``wecom-appeal case new/package/submit/outcome/due`` and ``enterprise doc`` in-process,
against a workspace folder with a fast passphrase vault and no keyring."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app.cli import main
from app.store.workspace import Workspace

from .cli_helpers import fast_vault, write_json
from .fakes import PASSPHRASE, profile_dict


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    home = tmp_path / "home"
    fast_vault(home)
    monkeypatch.setenv("WECOM_APPEAL_HOME", str(home))
    monkeypatch.setenv("WECOM_APPEAL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return home


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _photo(path: Path) -> Path:
    Image.new("RGB", (1400, 900), (210, 200, 190)).save(path, "JPEG", quality=80)
    return path


def test_cli_ladder_sequence(home: Path, tmp_path: Path, capsys) -> None:
    """Prior = 1 entered by hand → step 2; the next report without a count → step 3 (2.2)."""
    first = write_json(tmp_path / "r1.json", {"account": "member", "scope": "interop",
                                              "duration": "temporary", "prior_violations": 1})
    code, out, err = _run(capsys, "case", "new", str(first), "--member", "alice", "--lang", "en")
    assert code == 0 and "added to it as entered by hand" in err
    case1 = out.strip()
    code, out, _ = _run(capsys, "case", "show", case1, "--json")
    assert json.loads(out)["step"] == 2
    nxt = write_json(tmp_path / "r2.json", {"account": "member", "scope": "interop",
                                            "duration": "temporary"})
    code, out, err = _run(capsys, "case", "new", str(nxt), "--member", "alice", "--lang",
                          "zh_CN")
    assert code == 0 and "取自该成员的违规记录" in err
    code, shown, _ = _run(capsys, "case", "show", out.strip(), "--json")
    detail = json.loads(shown)
    assert (detail["rule"], detail["step"]) == ("R1", 3)
    assert detail["report"]["prior_violations"] == 2
    code, shown, _ = _run(capsys, "case", "show", out.strip(), "--lang", "en")
    assert "from the member's ledger" in shown


def test_cli_package_submit_outcome_and_enterprise_docs(home: Path, tmp_path: Path,
                                                        capsys) -> None:
    assert _run(capsys, "profile", "set", str(write_json(tmp_path / "p.json",
                                                         profile_dict())))[0] == 0
    for kind in ("business_license", "legal_person_id_front", "legal_person_id_back",
                 "legal_person_holding_id", "seal_authorization_letter"):
        code, out, err = _run(capsys, "enterprise", "doc", "add", kind,
                              str(_photo(tmp_path / f"{kind}.jpg")), "--valid-until",
                              "2040-01-01", "--lang", "en")
        assert code == 0, err
    bad = tmp_path / "x.txt"
    bad.write_text("hello")
    code, _, err = _run(capsys, "enterprise", "doc", "add", "business_license", str(bad))
    assert code == 2 and "x.txt" in err
    code, out, _ = _run(capsys, "enterprise", "doc", "list", "--lang", "zh_CN")
    assert code == 0 and "营业执照" in out and "2040-01-01" in out

    report = write_json(tmp_path / "ent.json", {
        "account": "enterprise", "scope": "account", "duration": "permanent",
        "believes_wrongful": True, "notice_text": "你的企业因违反企业微信使用规范已被封禁"})
    code, out, _ = _run(capsys, "case", "new", str(report), "--date", "2026-11-28")
    case_id = out.strip()
    pdf = tmp_path / "appeal.pdf"
    # No audit, nothing entered: the statement has placeholders; the build is refused.
    code, out, err = _run(capsys, "case", "package", case_id, "-o", str(pdf), "--lang", "en")
    assert code == 1 and not pdf.exists()
    assert "--allow-placeholders" in err and "why you believe" in err
    code, out, err = _run(capsys, "case", "package", case_id, "-o", str(pdf),
                          "--allow-placeholders", "--lang", "zh_CN")
    assert code == 1 and pdf.exists(), err  # built, the placeholders still listed
    assert "待填写" in err
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages[:4])
    assert "申请复核：企业账号封禁" in text and "【请填写：" in text
    assert "已完成" not in text
    sha = out.split("SHA-256 ")[1].split()[0]

    # Filled in on the command line: the administrator's words and a confirmed measure.
    code, out, _ = _run(capsys, "case", "draft", case_id, "--complied",
                        "账号均由本单位员工使用，服务主动咨询的客户。", "--done",
                        "组织成员重新学习企业微信使用规范", "--account", "企业整体")
    assert code == 0 and json.loads(out)["statement"]["measures"][0]["done"] is True
    code, out, err = _run(capsys, "case", "package", case_id, "-o", str(pdf), "--lang", "zh_CN")
    assert code == 0, err
    statement = PdfReader(pdf).pages[2].extract_text()
    assert "已完成：组织成员重新学习企业微信使用规范" in statement and "【请填写" not in statement
    sha = out.split("SHA-256 ")[1].split()[0]

    code, out, _ = _run(capsys, "case", "submit", case_id, "--channel", "customer_service",
                        "--date", "2026-12-01", "--ref", "WX-42", "--lang", "en")
    assert code == 0 and "2026-12-10" in out and sha in out
    code, out, _ = _run(capsys, "case", "due", "--lang", "en")
    due_today = dt.date.today() >= dt.date(2026, 12, 10)
    assert code == (1 if due_today else 0)
    code, _, err = _run(capsys, "case", "outcome", case_id, "rejected")
    assert code == 2 and "--reason" in err
    code, out, _ = _run(capsys, "case", "outcome", case_id, "rejected", "--reason",
                        "copies_without_purpose", "--lang", "zh_CN")
    assert code == 0 and "已驳回" in out and "用途水印" in out
    code, out, _ = _run(capsys, "case", "show", case_id, "--lang", "en")
    assert "WX-42" in out and "rejected" in out and "Builds:" in out
    with Workspace.open(home) as ws:
        from app.store.drafts import list_builds

        assert [b.sha256 for b in list_builds(ws, case_id)][-1] == sha
