"""``wecom-appeal`` profile / case / doc / export / import / vault, end to end in subprocesses
with ``WECOM_APPEAL_HOME`` pointing at a temporary folder and no system keyring."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .cli_helpers import fast_vault, ok, ok_json, run, write_json
from .fakes import ID_NUMBER, PASSPHRASE, png_bytes, profile_dict

R1_REPORT = {"account": "member", "scope": "interop", "duration": "temporary",
             "self_unblock_offered": True}
R2_REPORT = {"account": "member", "scope": "interop", "duration": "until_wechat_unblocked",
             "linked_wechat_banned": True}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "in").mkdir()
    png = tmp_path / "in" / "id-front.png"
    png.write_bytes(png_bytes())
    return {
        "profile": write_json(tmp_path / "in" / "profile.json", profile_dict()),
        "r1": write_json(tmp_path / "in" / "r1.json", R1_REPORT),
        "r2": write_json(tmp_path / "in" / "r2.json", R2_REPORT),
        "png": png,
    }


def test_end_to_end(tmp_path: Path, files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    assert "passphrase" in ok(home, "vault", "init", "--passphrase-from-env")
    status = ok(home, "vault", "status")
    assert "scrypt" in status and "unlocks" in status

    assert "Profile saved" in ok(home, "profile", "set", str(files["profile"]))
    shown = ok(home, "profile", "show")
    assert "1101**********002X" in shown and ID_NUMBER not in shown
    view = ok_json(home, "profile", "show")
    assert view["legal_person"]["id_number"] == "1101**********002X"  # type: ignore[index]

    first = ok(home, "case", "new", str(files["r1"]), "--member", "alice", "--lang", "en").strip()
    assert re.fullmatch(r"[0-9a-f]{12}", first)
    second = ok(home, "case", "new", str(files["r1"]), "--member", "alice").strip()
    detail = ok_json(home, "case", "show", second[:6])
    assert detail["rule"] == "R1" and detail["step"] == 2  # type: ignore[index]
    assert detail["report"]["prior_violations"] == 1  # type: ignore[index]
    listed = ok_json(home, "case", "list")
    assert [c["id"] for c in listed] == [second, first]  # type: ignore[union-attr,index]

    assert "unblock_requested" in ok(home, "case", "status", first, "unblock_requested")
    assert "resolved" in ok(home, "case", "status", first, "resolved", "--outcome", "unblocked")

    r2 = ok(home, "case", "new", str(files["r2"]), "--member", "bob", "--lang", "en").strip()
    out = ok(home, "case", "wechat-unblocked", r2, "--at", "2026-03-01T10:00+00:00")
    assert "2026-03-02 10:00 UTC" in out and "[3.2]" in out
    human = ok(home, "case", "show", r2)
    assert "Deadline" in human and "Wait for the linked WeChat account to be unblocked" in human
    assert "wait_for_wechat_unblock" not in human  # the route's title, not its internal id

    added = ok(home, "doc", "add", first, "legal_person_id_front", str(files["png"]))
    assert "image/png" in added and "encrypted" in added
    assert ok_json(home, "case", "show", first)["documents"][0]["kind"] == (  # type: ignore[index]
        "legal_person_id_front")
    assert [c["id"] for c in ok_json(home, "case", "list", "--rule", "R2")] == [r2]  # type: ignore

    assert "moved to the trash" in ok(home, "case", "delete", second)
    assert second not in ok(home, "case", "list")
    assert "restored" in ok(home, "case", "restore", second)

    archive = tmp_path / "backup.wecomappeal"
    archive_env = {"WECOM_APPEAL_ARCHIVE_PASSPHRASE": "archive pass 123"}
    assert "3 cases" in ok(home, "export", str(archive), extra_env=archive_env)
    one = tmp_path / "one.wecomappeal"
    assert "1 case)" in ok(home, "export", str(one), "--case", first, extra_env=archive_env)

    other = tmp_path / "other"
    fast_vault(other, "other machine pass")
    summary = ok_json(other, "import", str(archive), passphrase="other machine pass",
                      extra_env=archive_env)
    assert sorted(summary["cases_added"]) == sorted([first, second, r2])  # type: ignore[index]
    assert summary["documents_added"] == 1 and summary["profile"] == "imported"  # type: ignore
    assert ok_json(other, "case", "list", passphrase="other machine pass") == listed_after(home)
    again = ok(other, "import", str(one), passphrase="other machine pass", extra_env=archive_env)
    assert "Already here" in again


def listed_after(home: Path) -> object:
    return ok_json(home, "case", "list")


def test_headless_without_keyring_or_passphrase_fails_clearly(tmp_path: Path,
                                                              files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    result = run(home, "profile", "set", str(files["profile"]), passphrase=None)
    assert result.returncode == 2
    assert "WECOM_APPEAL_PASSPHRASE" in result.stderr and "Traceback" not in result.stderr
    result = run(home, "vault", "init", passphrase=None)
    assert result.returncode == 2 and "--passphrase-from-env" in result.stderr
    assert not (home / "vault.json").exists()
    # With a vault, the passphrase is still needed, and a wrong one is said to be wrong.
    ok(home, "vault", "init", "--passphrase-from-env")
    result = run(home, "profile", "set", str(files["profile"]), passphrase=None)
    assert result.returncode == 2 and "WECOM_APPEAL_PASSPHRASE" in result.stderr
    result = run(home, "profile", "set", str(files["profile"]), passphrase="wrong passphrase")
    assert result.returncode == 2 and "wrong passphrase" in result.stderr
    assert run(home, "vault", "status", passphrase="wrong passphrase").returncode == 1
    ok(home, "profile", "set", str(files["profile"]))


def test_bad_input_exits_2_naming_file_and_field(tmp_path: Path, files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    bad = profile_dict()
    bad["legal_person"]["id_number"] = "110105194912310021"
    bad_file = write_json(tmp_path / "bad.json", bad)
    result = run(home, "profile", "set", str(bad_file))
    assert result.returncode == 2
    assert "bad.json" in result.stderr and "legal_person.id_number" in result.stderr

    result = run(home, "case", "new", str(write_json(tmp_path / "r.json", {"account": "x"})))
    assert result.returncode == 2 and "account" in result.stderr

    case_id = ok(home, "case", "new", str(files["r1"]), "--member", "alice").strip()
    for args, message in [
        (("case", "show", "abcdef"), "no case"),
        (("case", "status", case_id, "appeal_submitted"), ""),
        (("case", "status", case_id, "appeal_submitted"), "can go to"),
        (("doc", "add", case_id, "evidence", str(tmp_path / "missing.png")), "no such file"),
        (("import", str(files["png"])), "not a WeCom Appeal archive"),
        (("profile", "show"), "no profile yet"),
    ]:
        result = run(home, *args)
        if not message:
            assert result.returncode == 0, result.stderr
            continue
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr


def test_case_new_without_notice_needs_no_vault(tmp_path: Path, files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    case_id = ok(home, "case", "new", str(files["r1"]), passphrase=None).strip()
    assert ok_json(home, "case", "show", case_id, passphrase=None)["rule"] == "R1"  # type: ignore
    assert not (home / "vault.json").exists()


def test_passphrase_env_is_the_vault_passphrase(tmp_path: Path, files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    ok(home, "profile", "set", str(files["profile"]))  # first use sets up the vault
    assert "scrypt" in ok(home, "vault", "status")
    assert run(home, "vault", "init", "--passphrase-from-env").returncode == 2
    assert PASSPHRASE  # the same passphrase unlocks it again
    assert "1101" in ok(home, "profile", "show")


def test_vault_rewrap_changes_the_passphrase(tmp_path: Path, files: dict[str, Path]) -> None:
    home = tmp_path / "home"
    fast_vault(home)
    ok(home, "profile", "set", str(files["profile"]))
    result = run(home, "vault", "rewrap", "--to", "passphrase")
    assert result.returncode == 2 and "WECOM_APPEAL_NEW_PASSPHRASE" in result.stderr
    ok(home, "vault", "rewrap", "--to", "passphrase",
       extra_env={"WECOM_APPEAL_NEW_PASSPHRASE": "brand new passphrase"})
    assert run(home, "profile", "set", str(files["profile"])).returncode == 2  # old one
    ok(home, "profile", "set", str(files["profile"]), passphrase="brand new passphrase")
    result = run(home, "vault", "rewrap", "--to", "keyring", passphrase="brand new passphrase")
    assert result.returncode == 2 and "keyring" in result.stderr


def test_case_list_names_a_whole_account_in_the_reader_s_language(tmp_path: Path) -> None:
    home = tmp_path / "home"
    ok(home, "vault", "init", "--passphrase-from-env")
    report = write_json(tmp_path / "enterprise.json", {"account": "enterprise",
                                                       "scope": "account",
                                                       "duration": "permanent"})
    ok(home, "case", "new", str(report))
    assert "整个企业" in ok(home, "case", "list", "--lang", "zh_CN")
    assert " enterprise " not in ok(home, "case", "list", "--lang", "zh_CN")
