"""The PyInstaller one-folder build, built and run: ``python packaging/build.py`` into a temporary
folder, then the frozen executable answers the headless commands and opens its window offscreen.

Slow (about half a minute to build on the development machine); CI runs it. To test an existing
build instead: ``WECOM_APPEAL_FROZEN_APP=dist/wecom-appeal pytest tests/packaging -m slow``.

The frozen app runs from a temporary working folder with a temporary HOME, workspace and XDG
folders and no PYTHONPATH, so it can only use what the build collected, never the source tree,
the user's keyring or the user's settings.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from frozen_fixtures import (
    ENTERPRISE_REPORT,
    SPAMMER,
    audit_answers,
    behaviour_rows,
    make_case,
    profile_dict,
    write_behaviour_csv,
    write_behaviour_xlsx,
)
from pkg_support import PACKAGING, ROOT, require, require_tool

pytestmark = pytest.mark.slow

PASSPHRASE = "frozen build test passphrase"


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built folder (``dist/wecom-appeal``)."""
    prebuilt = os.environ.get("WECOM_APPEAL_FROZEN_APP")
    if prebuilt:
        return Path(prebuilt).resolve()
    require(importlib.util.find_spec("PyInstaller") is not None,
            "PyInstaller (pip install -e '.[build]')")
    out = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(out / "dist"),
         "--work", str(out / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    print(f"\n{result.stdout.strip().splitlines()[-1]} (measured {elapsed:.0f} s)")
    return out / "dist" / "wecom-appeal"


@pytest.fixture(scope="module")
def executable(frozen_app: Path) -> Path:
    # On Windows the windowed wecom-appeal.exe has no stdout; the console twin answers.
    name = "wecom-appeal-cli.exe" if sys.platform == "win32" else "wecom-appeal"
    path = frozen_app / name
    assert path.is_file(), f"no {name} in {frozen_app}"
    return path


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, str]:
    """An environment that keeps the frozen app away from the user's files and the sources."""
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "WECOM_APPEAL_", "XDG_", "DBUS_",
                                "QT_", "LC_", "LANG"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(home / ".cache"), XDG_RUNTIME_DIR=str(runtime),
               WECOM_APPEAL_HOME=str(tmp_path / "workspace"), LANG="C.UTF-8",
               QT_QPA_PLATFORM="offscreen")
    return env


def run(executable: Path, env: dict[str, str], *args: str, stdin: str | None = None,
        cwd: Path | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(executable), *args], env={**env, **extra}, input=stdin,
                          cwd=cwd or env["HOME"], capture_output=True, text=True,
                          encoding="utf-8", timeout=180, check=False)


def commands(executable: Path, env: dict[str, str]) -> str:
    return run(executable, env, "--help").stdout


def require_command(executable: Path, env: dict[str, str], name: str) -> None:
    # Every command exists now: a frozen build that lacks one is a broken build.
    assert f"    {name} " in commands(executable, env), f"the built app has no '{name}' command"


# --- the folder ---------------------------------------------------------------------------

def test_folder_holds_the_resources_and_no_sources(frozen_app: Path):
    internal = frozen_app / "_internal"
    source = ROOT / "resources"
    wanted = {p.relative_to(source) for p in source.rglob("*")
              if p.is_file() and p.suffix not in (".py", ".pyc", ".ts")}
    collected = internal / "app" / "resources"
    missing = sorted(str(p) for p in wanted if not (collected / p).is_file())
    assert not missing, f"resources not collected: {missing}"
    assert not list(collected.rglob("*.ts"))
    assert not list(internal.rglob("*.py")), "sources shipped next to the bytecode"


def test_folder_holds_the_user_guide(frozen_app: Path):
    """Help → User guide reads docs/ as the package app.docs: every page and screenshot."""
    docs = ROOT / "docs"
    wanted = {p.relative_to(docs) for folder in ("en", "zh_CN", "images")
              for p in (docs / folder).rglob("*") if p.suffix in (".md", ".png")}
    collected = frozen_app / "_internal" / "app" / "docs"
    missing = sorted(str(p) for p in wanted if not (collected / p).is_file())
    assert not missing, f"guide pages not collected: {missing}"


def test_folder_holds_the_qt_plugins(frozen_app: Path):
    plugins = frozen_app / "_internal" / "PySide6" / "Qt" / "plugins"
    if sys.platform.startswith("linux"):
        names = ("platforms/libqoffscreen.so", "platforms/libqxcb.so",
                 "platforms/libqwayland.so", "imageformats/libqsvg.so",
                 "imageformats/libqjpeg.so", "iconengines/libqsvgicon.so")
        for name in names:
            assert (plugins / name).is_file(), name
        # Left out on purpose (see the spec): GTK theme and embedded-device platforms.
        assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
        assert not list(frozen_app.rglob("libgtk-3.so*"))
    assert not list(frozen_app.rglob("*QtWebEngine*"))
    assert not list(frozen_app.rglob("*Qt6Quick*"))
    assert not list(frozen_app.rglob("*Qt6Qml*"))


def test_folder_holds_the_data_of_libraries(frozen_app: Path):
    internal = frozen_app / "_internal"
    # python-stdnum's registries (resident ID regions) and reportlab's fonts.
    assert (internal / "stdnum" / "cn" / "loc.dat").is_file()
    assert list((internal / "reportlab" / "fonts").glob("*.afm"))
    # pdfium, which draws the pages for printing and previews, and the version file it reads.
    assert [p for p in (internal / "pypdfium2_raw").iterdir()
            if p.name.startswith(("libpdfium.", "pdfium.")) and p.stat().st_size > 1_000_000]
    assert (internal / "pypdfium2_raw" / "version.json").is_file()
    # OpenCC's configuration and dictionaries (traditional -> simplified), without its tools.
    share = internal / "opencc" / "clib" / "share" / "opencc"
    assert (share / "t2s.json").is_file() and (share / "TSCharacters.ocd2").is_file()
    assert not (internal / "opencc" / "clib" / "lib64").exists()


def test_archive_holds_every_keyring_backend(frozen_app: Path, executable: Path):
    require(importlib.util.find_spec("PyInstaller") is not None, "PyInstaller")
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    pyz = archive.open_embedded_archive("PYZ.pyz")
    modules = set(pyz.toc)
    expected = {
        "keyring.backends.SecretService", "keyring.backends.libsecret",
        "keyring.backends.kwallet", "keyring.backends.macOS", "keyring.backends.macOS.api",
        "keyring.backends.Windows", "keyring.backends.chainer", "keyring.backends.fail",
        "app.rules.commands", "app.store.commands", "app.ui.main", "app.ui.main_window",
        "cryptography.hazmat.primitives.ciphers.aead", "pydantic", "pypdf", "openpyxl",
        "duckdb", "pillow_heif", "stdnum.cn.ric", "stdnum.cn.uscc", "platformdirs",
        "pypdfium2", "pypdfium2_raw", "app.appeal.render",
    }
    if sys.platform.startswith("linux"):
        expected |= {"secretstorage", "secretstorage.collection", "jeepney",
                     "jeepney.io.blocking"}
    assert expected <= modules, sorted(expected - modules)
    assert not {"numpy", "pandas", "tkinter", "pytest"} & modules


# --- the headless commands ----------------------------------------------------------------

def test_help_and_version(executable: Path, sandbox: dict[str, str]):
    result = run(executable, sandbox, "--help")
    assert result.returncode == 0, result.stderr
    for command in ("diagnose", "rules", "schema"):
        assert f"    {command} " in result.stdout
    version = run(executable, sandbox, "--version")
    assert version.returncode == 0
    from app import __version__

    assert version.stdout.strip() == f"wecom-appeal {__version__}"


def test_rules_in_chinese(executable: Path, sandbox: dict[str, str]):
    result = run(executable, sandbox, "rules", "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    assert "处罚规则" in result.stdout
    assert "(2.1)" in result.stdout


def test_diagnose_json(executable: Path, sandbox: dict[str, str]):
    result = run(executable, sandbox, "diagnose", "--json", stdin=json.dumps(ENTERPRISE_REPORT))
    assert result.returncode == 0, result.stderr
    diagnosis = json.loads(result.stdout)
    assert diagnosis["appeal_route"] == "enterprise_appeal"
    assert "seal_authorization_letter" in diagnosis["documents"]
    assert "5.3" in diagnosis["citations"]


def test_diagnose_in_chinese(executable: Path, sandbox: dict[str, str]):
    result = run(executable, sandbox, "diagnose", "--lang", "zh_CN",
                 stdin=json.dumps(ENTERPRISE_REPORT))
    assert result.returncode == 0, result.stderr
    assert "申诉" in result.stdout and "5.3" in result.stdout


def test_diagnose_bad_input_exits_2(executable: Path, sandbox: dict[str, str]):
    result = run(executable, sandbox, "diagnose", "--json", stdin='{"account": "nobody"}')
    assert result.returncode == 2
    assert "account" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema(executable: Path, sandbox: dict[str, str]):
    result = run(executable, sandbox, "schema")
    assert result.returncode == 0, result.stderr
    schemas = json.loads(result.stdout)
    assert {"input", "output"} <= set(schemas)
    assert "appeal_route" in schemas["output"]["properties"]


def test_letter_pdf_with_cjk_font(executable: Path, sandbox: dict[str, str], tmp_path: Path):
    require_command(executable, sandbox, "letter")
    from app.pdf.fonts import FontNotFoundError, find_cjk_font

    try:
        find_cjk_font()
    except FontNotFoundError:
        require(False, "a CJK TrueType font (fonts-wqy-microhei)")
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(profile_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "letter.pdf"
    result = run(executable, sandbox, "letter", str(profile), "-o", str(out))
    assert result.returncode == 0, result.stderr
    from pypdf import PdfReader

    reader = PdfReader(out)
    assert "授权委托书" in reader.pages[0].extract_text()
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("+" in name for name in fonts), fonts  # an embedded subset


def test_bundle_with_heic_photo(executable: Path, sandbox: dict[str, str], tmp_path: Path):
    require_command(executable, sandbox, "bundle")
    case = make_case(tmp_path / "case")
    out = tmp_path / "appeal.pdf"
    result = run(executable, sandbox, "bundle", str(case), "-o", str(out),
                 "--kit", str(tmp_path / "kit"), "--dpi", "100")
    assert result.returncode == 0, result.stdout + result.stderr
    from pypdf import PdfReader

    assert len(PdfReader(out).pages) >= 6
    assert (tmp_path / "kit.zip").is_file()


def test_scan_csv_and_xlsx(executable: Path, sandbox: dict[str, str], tmp_path: Path):
    require_command(executable, sandbox, "scan")
    rows = behaviour_rows()
    for data in (write_behaviour_csv(tmp_path / "data.csv", rows),
                 write_behaviour_xlsx(tmp_path / "data.xlsx", rows)):
        report = tmp_path / f"{data.suffix[1:]}-report.pdf"
        result = run(executable, sandbox, "scan", str(data), "--json", "--lang", "en",
                     "-o", str(report))
        assert result.returncode == 1, result.stderr  # 1: members flagged
        scan = json.loads(result.stdout)
        assert scan["rows_read"] == len(rows)
        assert scan["members"][0]["userid"] == SPAMMER
        assert scan["members"][0]["flags"][0]["citation"] == "2.1"
        assert report.stat().st_size > 1000


def test_check_traditional_text_and_table(executable: Path, sandbox: dict[str, str],
                                          tmp_path: Path):
    require_command(executable, sandbox, "check")
    result = run(executable, sandbox, "check", "-", "--json", stdin="誠招兼職刷 單，日結")
    assert result.returncode == 1, result.stderr
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["category"], finding["section"], finding["start"]) == (
        "order_brushing", "4.1", 2)
    table = tmp_path / "texts.csv"
    table.write_text("内容\n欢迎分享使用体验\n转发到朋友圈送红包\n", encoding="utf-8")
    result = run(executable, sandbox, "check", str(table), "--json", "--lang", "zh_CN")
    assert result.returncode == 1, result.stderr
    items = json.loads(result.stdout)["items"]
    assert [len(i["findings"]) for i in items] == [0, 1]
    assert items[1]["findings"][0]["reason"].startswith("以奖励换取分享")


def test_audit_report(executable: Path, sandbox: dict[str, str], tmp_path: Path):
    require_command(executable, sandbox, "audit")
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(audit_answers()), encoding="utf-8")
    out = tmp_path / "audit.pdf"
    result = run(executable, sandbox, "audit", str(answers), "-o", str(out),
                 "--csv", str(tmp_path / "audit.csv"), "--lang", "zh_CN")
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.stat().st_size > 1000
    assert (tmp_path / "audit.csv").stat().st_size > 0


def test_workspace_with_a_passphrase(executable: Path, sandbox: dict[str, str],
                                     tmp_path: Path):
    """The vault (cryptography) and the workspace database without any keyring."""
    require_command(executable, sandbox, "profile")
    env = {**sandbox, "WECOM_APPEAL_PASSPHRASE": PASSPHRASE}
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(profile_dict(), ensure_ascii=False), encoding="utf-8")
    report = tmp_path / "report.json"
    report.write_text(json.dumps(ENTERPRISE_REPORT), encoding="utf-8")

    saved = run(executable, env, "profile", "set", str(profile))
    assert saved.returncode == 0, saved.stderr
    shown = run(executable, env, "profile", "show")
    assert shown.returncode == 0 and profile_dict()["company_name"] in shown.stdout
    assert profile_dict()["legal_person"]["id_number"] not in shown.stdout  # masked
    case_id = run(executable, env, "case", "new", str(report)).stdout.strip()
    listed = run(executable, env, "case", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [c["id"] for c in json.loads(listed.stdout)] == [case_id]


def test_vault_key_in_the_secret_service(executable: Path, sandbox: dict[str, str]):
    """The frozen keyring backends (SecretService over jeepney/secretstorage) really work:
    gnome-keyring in a private D-Bus session, never the user's keyring."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the Secret Service is Linux's keyring")
    require_command(executable, sandbox, "vault")
    require_tool("dbus-run-session", "dbus")
    require_tool("gnome-keyring-daemon", "gnome-keyring")
    inner = ("echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
             f"'{executable}' vault init && '{executable}' vault status")
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", inner], env=sandbox,
                            cwd=sandbox["HOME"], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "keyring" in result.stdout and "unlocks" in result.stdout, result.stdout
    keyrings = Path(sandbox["XDG_DATA_HOME"]) / "keyrings"
    assert list(keyrings.glob("*.keyring")), "the key did not go to the temporary keyring"


# --- the window ---------------------------------------------------------------------------

def run_window(command: list[str], env: dict[str, str], seconds: float = 5) -> str:
    """Start the window, check it is still running after ``seconds``, stop it; its stderr."""
    process = subprocess.Popen(command, env=env, cwd=env["HOME"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        time.sleep(seconds)
        alive = process.poll() is None
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # its own group: xvfb-run's Xvfb too
        try:
            _out, err = process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            _out, err = process.communicate()
    assert alive, f"the window closed with exit code {process.returncode}:\n{err}"
    for problem in ("Traceback", "Could not load the Qt platform plugin", "No UI translation"):
        assert problem not in err, err
    return err


@pytest.mark.parametrize("lang", ["C.UTF-8", "zh_CN.UTF-8"])
def test_gui_starts_offscreen(executable: Path, sandbox: dict[str, str], lang: str):
    """Without arguments the window opens (in Chinese too: the .qm from the resources)."""
    run_window([str(executable)], {**sandbox, "LANG": lang})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's display here")
def test_gui_starts_on_x11(executable: Path, frozen_app: Path, sandbox: dict[str, str]):
    """The xcb platform plugin and the libraries it brings, on a virtual X server. Qt's xcb
    plugin needs a few X libraries every desktop has (libxcb-icccm4, libxcb-keysyms1…)."""
    xvfb_run = require_tool("xvfb-run", "xvfb")
    plugin = frozen_app / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    # The libraries the build bundled count as found: resolve against _internal first.
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False,
                         env={**sandbox, "LD_LIBRARY_PATH": str(frozen_app / "_internal")})
    missing = [line.split()[0] for line in ldd.stdout.splitlines() if "not found" in line]
    require(not missing, f"the system libraries of Qt's xcb plugin ({', '.join(missing)})")
    run_window([xvfb_run, "-a", "-s", "-screen 0 1280x800x24", str(executable)],
               {**sandbox, "QT_QPA_PLATFORM": "xcb"})

