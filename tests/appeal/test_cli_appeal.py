"""``wecom-appeal letter`` and ``wecom-appeal bundle`` end to end."""

from __future__ import annotations

import json
import shutil

from pypdf import PdfReader

from app.cli import main


def test_letter(tmp_path, profile, capsys):
    (tmp_path / "p.json").write_text(profile.model_dump_json(), encoding="utf-8")
    out = tmp_path / "letter.pdf"
    assert main(["letter", str(tmp_path / "p.json"), "-o", str(out), "--valid-days", "30"]) == 0
    assert "授权委托书" in PdfReader(out).pages[0].extract_text()
    assert main(["letter", str(tmp_path / "p.json"), "-o", str(out), "--lang", "en"]) == 0
    assert "Letter of Authorisation" in PdfReader(out).pages[0].extract_text()


def test_letter_bad_input(tmp_path, profile, capsys):
    bad = json.loads(profile.model_dump_json())
    del bad["administrator"]["phone"]
    (tmp_path / "p.json").write_text(json.dumps(bad), encoding="utf-8")
    assert main(["letter", str(tmp_path / "p.json"), "-o", str(tmp_path / "l.pdf")]) == 2
    assert "administrator.phone" in capsys.readouterr().err
    assert main(["letter", str(tmp_path / "nope.json"), "-o", str(tmp_path / "l.pdf")]) == 2


def test_letter_with_a_mistyped_id_number_is_written_but_flagged(tmp_path, profile, capsys):
    data = json.loads(profile.model_dump_json())
    number = data["administrator"]["id_number"]
    data["administrator"]["id_number"] = number[:-1] + ("0" if number[-1] != "0" else "1")
    (tmp_path / "p.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["letter", str(tmp_path / "p.json"), "-o", str(tmp_path / "l.pdf")]) == 1
    err = capsys.readouterr().err
    assert "administrator.id_number" in err and number not in err  # masked
    assert (tmp_path / "l.pdf").exists()


def test_bundle_complete_with_kit(case_dir, tmp_path, capsys):
    out = tmp_path / "appeal.pdf"
    code = main(["bundle", str(case_dir / "case.json"), "-o", str(out), "--kit",
                 str(tmp_path / "kit"), "--dpi", "150"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert len(PdfReader(out).pages) == 9
    assert "营业执照" in captured.out and "KB ->" in captured.out
    assert (tmp_path / "kit.zip").exists()


def test_bundle_incomplete_exits_1_with_the_list(case_dir, tmp_path, capsys):
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    case["documents"] = [d for d in case["documents"]
                         if d["kind"] not in ("legal_person_holding_id", "legal_person_id_back")]
    (case_dir / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "appeal.pdf"
    assert main(["bundle", str(case_dir / "case.json"), "-o", str(out), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "legal_person_holding_id" in err and "legal_person_id_back" in err
    assert "legal_person_id_front" not in err
    assert out.exists()


def test_bundle_runs_the_engine_on_a_report(case_dir, tmp_path, capsys):
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    del case["diagnosis"]
    case["report"] = {"account": "enterprise", "scope": "account", "duration": "permanent",
                      "believes_wrongful": True}
    case["statement"] = "我单位的申诉说明（用户编辑版）。"
    (case_dir / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "appeal.pdf"
    code = main(["bundle", str(case_dir / "case.json"), "-o", str(out), "--no-watermark"])
    assert code in (0, 1), capsys.readouterr().err
    assert "用户编辑版" in PdfReader(out).pages[2].extract_text()


def test_bundle_bad_inputs_exit_2_and_name_the_problem(case_dir, tmp_path, capsys):
    out = str(tmp_path / "a.pdf")
    (case_dir / "id_front.jpg").write_bytes(b"")
    assert main(["bundle", str(case_dir / "case.json"), "-o", out, "--lang", "en"]) == 2
    assert "id_front.jpg" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('{"profile": "p.json", "documents": [{"kind": "passport", "path": "x"}]}')
    assert main(["bundle", str(broken), "-o", out]) == 2
    err = capsys.readouterr().err
    assert "documents.0.kind" in err
    shutil.copy(case_dir / "case.json", tmp_path / "c.json")  # relative paths now dangle
    assert main(["bundle", str(tmp_path / "c.json"), "-o", out]) == 2
    assert "profile.json" in capsys.readouterr().err


def test_bundle_with_placeholders_is_refused_unless_allowed(case_dir, tmp_path, capsys):
    case = json.loads((case_dir / "case.json").read_text(encoding="utf-8"))
    del case["complied"], case["measures"]
    (case_dir / "case.json").write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "appeal.pdf"
    assert main(["bundle", str(case_dir / "case.json"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert not out.exists() and "--allow-placeholders" in err and "理由" in err
    assert main(["bundle", str(case_dir / "case.json"), "-o", str(out),
                 "--allow-placeholders"]) == 1
    assert out.exists()
    statement = PdfReader(out).pages[2].extract_text()
    assert "【请填写：" in statement and "已完成" not in statement
