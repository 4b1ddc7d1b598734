"""Every command that reads a file, fed what a hostile or clumsy user gives it (issue 13,
items 5-8): exit code 2, a message that names the file, no traceback, no hang, and the
workspace exactly as it was.

The inputs are generated here; each command runs in-process under an alarm, so a hang fails
the test instead of blocking the suite.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import sqlite3
import struct
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring.core
import pytest
from keyring.backends import fail
from PIL import Image

from app.cli import main

PASSPHRASE = "correct horse battery staple"
SECONDS_PER_RUN = 15
PROFILE = {"company_name": "北京示例科技有限公司", "credit_code": "91110000600037341L",
           "corp_id": "ww0123456789abcdef",
           "legal_person": {"name": "张三", "id_number": "11010519491231002X"},
           "administrator": {"name": "李四", "id_number": "110105198001011234",
                             "phone": "13800138000"}}
REPORT = {"account": "member", "scope": "interop", "duration": "temporary",
          "self_unblock_offered": True}


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _png_header_only(width: int, height: int, depth: int, colour: int) -> bytes:
    """A PNG whose header claims ``width``×``height``; its pixels are never reached."""
    return (b"\x89PNG\r\n\x1a\n"
            + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0))
            + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _png_chunk(b"IEND", b""))


def _jpeg_claiming(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.find(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _encrypted_pdf(path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(path, "wb") as f:
        writer.write(f)


def make_inputs(folder: Path) -> dict[str, Path]:
    """The hostile inputs of issue 13, by name."""
    folder.mkdir()
    found: dict[str, Path] = {}

    def put(name: str, data: bytes | str) -> None:
        path = folder / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        found[name] = path

    put("deep.json", "[" * 100_000 + "]" * 100_000)
    put("bigint.json", '{"account": ' + "9" * 5000 + "}")
    put("duplicate.json", '{"account": "member", "account": "admin", "scope": "interop", '
                          '"duration": "temporary"}')
    put("nan.json", '{"prior_violations": NaN}')
    put("huge.json", '{"notice_text": "' + "x" * (2 * 1024 * 1024) + '"}')
    put("binary.json", bytes(range(256)) * 8)
    put("empty.json", b"")
    put("truncated.jpg", _jpeg_claiming(16, 16)[:200])
    put("page.html", "<html><body>not an image</body></html>")
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "GIF")
    put("animation.gif", buffer.getvalue())
    put("bomb.png", _png_header_only(30_000, 30_000, 8, 2))
    put("deep16.png", _png_header_only(10_950, 10_950, 16, 6))
    put("claims.jpg", _jpeg_claiming(65_500, 65_500))
    _encrypted_pdf(folder / "locked.pdf")
    found["locked.pdf"] = folder / "locked.pdf"
    (folder / "folder.json").mkdir()
    found["folder.json"] = folder / "folder.json"
    os.mkfifo(folder / "pipe.json")
    found["pipe.json"] = folder / "pipe.json"
    (folder / "loop.json").symlink_to(folder / "loop.json")
    found["loop.json"] = folder / "loop.json"
    (folder / "dangling.json").symlink_to(folder / "nowhere.json")
    found["dangling.json"] = folder / "dangling.json"
    found["missing.json"] = folder / "missing.json"
    found["dev-zero"] = Path("/dev/zero")
    if os.geteuid() != 0:  # root reads everything: this probe means nothing as root
        put("unreadable.json", json.dumps(REPORT))
        (folder / "unreadable.json").chmod(0)
    return found


# The commands that read a file the user names, the file's place given by "{}".
COMMANDS: dict[str, list[str]] = {
    "diagnose": ["diagnose", "{}"],
    "case new": ["case", "new", "{}"],
    "profile set": ["profile", "set", "{}"],
    "letter": ["letter", "{}", "-o", "{out}/letter.pdf"],
    "bundle": ["bundle", "{}", "-o", "{out}/bundle.pdf"],
    "audit": ["audit", "{}"],
    "audit --checklist": ["audit", "{answers}", "--checklist", "{}"],
    "scan": ["scan", "{}"],
    "scan --thresholds": ["scan", "{data}", "--thresholds", "{}"],
    "import": ["import", "{}"],
    "doc add": ["doc", "add", "{case}", "evidence", "{}"],
    "letter --font": ["letter", "{profile}", "-o", "{out}/letter.pdf", "--font", "{}"],
}
IMAGE_INPUTS = {"truncated.jpg", "page.html", "animation.gif", "bomb.png", "deep16.png",
                "claims.jpg", "locked.pdf"}


def snapshot(home: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The workspace's records and files (not the SQLite side files, which opening touches)."""
    conn = sqlite3.connect(home / "workspace.sqlite3")
    try:
        rows = list(conn.iterdump())
    finally:
        conn.close()
    files = sorted((str(p.relative_to(home)), hashlib.sha256(p.read_bytes()).hexdigest())
                   for p in home.rglob("*") if p.is_file()
                   and not p.name.startswith("workspace.sqlite3"))
    return rows, files


@contextlib.contextmanager
def alarm(seconds: int) -> Iterator[None]:
    def hang(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
        ) -> Callable[..., tuple[int, str, str]]:
    home = tmp_path / "home"
    monkeypatch.setenv("WECOM_APPEAL_HOME", str(home))
    monkeypatch.setenv("WECOM_APPEAL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("WECOM_APPEAL_ARCHIVE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        with alarm(SECONDS_PER_RUN):
            try:
                code = main([*args, "--lang", "en"])
            except SystemExit as exc:  # argparse
                code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        return code, out, err
    return run


def test_every_file_reading_command_refuses_hostile_input(tmp_path, cli):
    inputs = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    good = tmp_path / "good"
    good.mkdir()
    report = good / "report.json"
    report.write_text(json.dumps(REPORT))
    code, case_id, err = cli("case", "new", str(report))
    assert code == 0, err
    answers = good / "answers.json"
    answers.write_text(json.dumps({"date": "2026-09-01", "answers": [
        {"question": "no_plugins", "answer": "yes"}]}))
    data = good / "data.csv"
    data.write_text("userid,stat_time,new_apply_cnt,new_contact_cnt,chat_cnt,message_cnt,"
                    "reply_percentage,avg_reply_time,negative_feedback_cnt\n"
                    "alice,2026-09-01,5,4,6,20,80.0,5,0\n", encoding="utf-8")
    profile = good / "profile.json"
    profile.write_text(json.dumps(PROFILE, ensure_ascii=False), encoding="utf-8")
    values = {"out": str(out), "case": case_id.strip(), "answers": str(answers),
              "data": str(data), "profile": str(profile)}
    home = Path(os.environ["WECOM_APPEAL_HOME"])
    before = snapshot(home)

    failures = []
    for command, template in COMMANDS.items():
        for name, path in inputs.items():
            if command == "doc add" and name.endswith(".json") and name not in (
                    "folder.json", "pipe.json", "loop.json", "empty.json", "missing.json"):
                continue  # not an image: covered by the image inputs
            if command != "doc add" and name in IMAGE_INPUTS:
                continue
            if command == "scan --thresholds" and name == "empty.json":
                continue  # an empty TOML file is valid: every threshold keeps its default
            args = [part.format(str(path), **values) for part in template]
            try:
                code, _, err = cli(*args)
            except TimeoutError as exc:
                failures.append(f"{command} {name}: {exc}")
                continue
            except BaseException as exc:  # a traceback in the CLI
                failures.append(f"{command} {name}: {type(exc).__name__}: {exc}")
                continue
            shown = str(path)
            if code != 2 or "Traceback" in err or (shown not in err and path.name not in err):
                failures.append(f"{command} {name}: exit {code}: {err.strip()[:200]}")
    assert not failures, "\n".join(failures)
    assert snapshot(home) == before
    assert list(out.iterdir()) == []  # no output, not even a partial one


def test_output_paths_are_refused_with_the_reason(tmp_path, cli):
    good = tmp_path / "good"
    good.mkdir()
    answers = good / "answers.json"
    answers.write_text(json.dumps({"date": "2026-09-01", "answers": [
        {"question": "no_plugins", "answer": "yes"}]}))
    folder = tmp_path / "a-folder"
    folder.mkdir()
    cases = {
        "a folder": (str(folder), "is a folder"),
        "a missing folder": (str(tmp_path / "nowhere" / "x.csv"), "does not exist"),
        "a device": ("/dev/full", "not a regular file"),
    }
    for what, (target, reason) in cases.items():
        for args in (["audit", str(answers), "--csv", target],
                     ["audit", str(answers), "-o", target],
                     ["export", target]):
            code, _, err = cli(*args)
            assert code == 2 and reason in err and target in err, (what, args, err)
            assert "Traceback" not in err


def test_a_full_disk_says_so_and_leaves_nothing(tmp_path, cli, monkeypatch):
    import errno

    from app.audit import exports

    good = tmp_path / "good"
    good.mkdir()
    answers = good / "answers.json"
    answers.write_text(json.dumps({"date": "2026-09-01", "answers": [
        {"question": "no_plugins", "answer": "yes"}]}))
    real = exports.audit_csv

    def full(result, out, lang, checklist=None):  # type: ignore[no-untyped-def]
        real(result, out, lang, checklist)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(exports, "audit_csv", full)
    code, _, err = cli("audit", str(answers), "--csv", str(good / "out.csv"))
    assert code == 2 and "disk is full" in err and "out.csv" in err
    assert sorted(p.name for p in good.iterdir()) == ["answers.json"]


@pytest.mark.parametrize("args", [
    ["letter", "{profile}", "-o", "{out}", "--valid-days", "99999999"],
    ["bundle", "{profile}", "-o", "{out}", "--kit-cap-kb", "0"],
    ["case", "status", "abc", "resolved", "--at", "0001-01-01"],
    ["case", "new", "{profile}", "--date", "9999-12-31"],
    ["case", "new", "{profile}", "--member", "bad\x1b[31mid"],
    ["scan", "{profile}", "--thresholds", "{folder}"],
])
def test_out_of_range_arguments_exit_2(tmp_path, cli, args):
    profile = tmp_path / "p.json"
    profile.write_text("{}")
    values = {"profile": str(profile), "out": str(tmp_path / "o.pdf"), "folder": str(tmp_path)}
    code, _, err = cli(*[a.format(**values) for a in args])
    assert code == 2 and "Traceback" not in err, err
    assert "\x1b" not in err


def _xlsx(path: Path, rows: list[list[object]], dimension: str | None = None,
          replace: tuple[bytes, bytes] | None = None) -> Path:
    import re
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    if dimension or replace:  # what Excel or openpyxl would never write: edited by hand
        with zipfile.ZipFile(path) as zf:
            parts = {n: zf.read(n) for n in zf.namelist()}
        sheet = "xl/worksheets/sheet1.xml"
        if dimension:
            parts[sheet] = re.sub(rb'<dimension ref="[^"]*"',
                                  b'<dimension ref="' + dimension.encode() + b'"', parts[sheet])
        if replace:
            parts[sheet] = parts[sheet].replace(*replace)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in parts.items():
                zf.writestr(name, data)
    return path


def test_oversized_spreadsheets_are_refused_quickly(tmp_path, cli):
    import time

    header = ["userid", "stat_time", "new_apply_cnt", "new_contact_cnt", "chat_cnt",
              "message_cnt", "reply_percentage", "avg_reply_time", "negative_feedback_cnt"]
    row = ["alice", "2026-09-01", 5, 4, 6, 20, 80.0, 5, 0]
    rows_claimed = _xlsx(tmp_path / "two-million.xlsx", [header, row], "A1:I2000000")
    big_cell = _xlsx(tmp_path / "big-cell.xlsx", [header, row],
                     replace=(b"<t>alice</t>", b"<t>" + b"x" * 2_000_000 + b"</t>"))
    csv_cell = tmp_path / "big-cell.csv"
    csv_cell.write_text(",".join(header) + "\n" + "y" * 200_000 + ",2026-09-01,1,1,1,1,1,1,0\n")
    for path, reason in ((rows_claimed, "rows"), (big_cell, "Excel's limit"), (csv_cell, "128 KB")):
        started = time.monotonic()
        code, _, err = cli("scan", str(path))
        assert code == 2 and path.name in err and reason in err, err
        assert time.monotonic() - started < 5


def test_a_full_disk_while_the_kit_is_written_says_so(tmp_path, cli, monkeypatch):
    import errno

    from PIL import Image

    from app.appeal import kit as kit_mod

    photo = tmp_path / "licence.jpg"
    Image.new("RGB", (1200, 900), "white").save(photo)
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"profile": PROFILE, "report": REPORT, "documents": [
        {"kind": "business_license", "path": str(photo)}]}, ensure_ascii=False),
        encoding="utf-8")

    def full(path, data, *, replace=False):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kit_mod, "_write_new", full)
    code, _, err = cli("bundle", str(case), "-o", str(tmp_path / "b.pdf"), "--kit",
                       str(tmp_path / "kit"), "--allow-placeholders")
    assert code == 2 and "disk is full" in err and "kit" in err and "Traceback" not in err


def test_a_sheet_without_a_size_but_over_the_row_limit_is_refused_before_parsing(tmp_path,
                                                                                  cli):
    import time
    import zipfile

    small = _xlsx(tmp_path / "small.xlsx", [["userid", "stat_time"]])
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (n, n)
                    for n in range(1, 1_100_001))
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
             b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows
             + b"</sheetData></worksheet>")
    big = tmp_path / "no-dimension.xlsx"
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            dst.writestr(name, sheet if name == "xl/worksheets/sheet1.xml" else src.read(name))
    started = time.monotonic()
    code, _, err = cli("scan", str(big))
    assert code == 2 and "1048576 rows" in err and big.name in err, err
    assert time.monotonic() - started < 10  # parsing it would take over a minute
