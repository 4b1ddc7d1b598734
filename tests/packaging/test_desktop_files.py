"""The Linux desktop integration: .desktop entry, AppStream metainfo and the icon set.

The validators are the freedesktop tools themselves; on a developer machine without them the
validation tests skip, in CI (``CI=true``) they fail.
"""

from __future__ import annotations

import configparser
import io
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from pkg_support import APP_ID, LINUX, PACKAGING, ROOT, require_tool

DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR = LINUX / "icons" / "hicolor"
APP_SVG = ROOT / "resources" / "icons" / "app.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_desktop_file_validates():
    tool = require_tool("desktop-file-validate", "desktop-file-utils")
    result = _run(tool, str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout + result.stderr


def test_metainfo_validates():
    tool = require_tool("appstreamcli", "appstream")
    result = _run(tool, "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_installed_tree_validates(tmp_path: Path):
    """The files as a distribution installs them: metainfo, desktop entry and icons together."""
    tool = require_tool("appstreamcli", "appstream")
    share = tmp_path / "usr" / "share"
    (share / "metainfo").mkdir(parents=True)
    (share / "applications").mkdir()
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copy(DESKTOP, share / "applications")
    shutil.copytree(HICOLOR, share / "icons" / "hicolor")
    result = _run(tool, "validate-tree", "--no-net", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_content():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name[zh_CN]"] == "企业微信申诉与合规助手"
    assert entry["Comment"] and entry["Comment[zh_CN]"]
    # The command the package installs (the console script) and the icon's theme name.
    assert entry["Exec"].split()[0] in _project()["scripts"]
    assert entry["Icon"] == APP_ID
    assert entry["Categories"] == "Office;Utility;"
    assert entry["Keywords"].endswith(";") and entry["Keywords[zh_CN]"].endswith(";")


def test_metainfo_content():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == DESKTOP.name
    names = {n.get(XML_LANG): n.text for n in root.findall("name")}
    assert names[None] and names["zh_CN"] == "企业微信申诉与合规助手"
    assert {s.get(XML_LANG) for s in root.findall("summary")} == {None, "zh_CN"}
    paragraphs = root.findall("description/p")
    assert {p.get(XML_LANG) for p in paragraphs} == {None, "zh_CN"}
    developer = root.find("developer")
    assert developer is not None and developer.get("id") and developer.findtext("name")
    assert root.find("content_rating").get("type") == "oars-1.1"
    # The newest release is the version being packaged.
    release = root.find("releases/release")
    assert release.get("version") == _project()["version"]
    assert release.get("date") == "2026-11-25"
    for shot in root.iterfind("screenshots/screenshot/image"):
        assert shot.text.startswith("https://")


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_png_sizes(size: int):
    path = HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        # Transparent corners, drawn middle: a rendered icon, not an empty or opaque square.
        assert image.getpixel((0, 0))[3] == 0
        assert image.getpixel((size // 3, size // 2))[3] == 255


def test_no_unexpected_icon_sizes():
    folders = {p.name for p in HICOLOR.iterdir() if p.is_dir()}
    assert folders == {f"{s}x{s}" for s in PNG_SIZES} | {"scalable"}


def test_scalable_icon_is_the_app_svg():
    """render_icons.py copies the SVG; a stale copy means it was not run after a change."""
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == APP_SVG.read_bytes()
    ET.fromstring(APP_SVG.read_bytes())  # well-formed


def test_windows_and_macos_icons():
    with Image.open(PACKAGING / "windows" / "wecom-appeal.ico") as ico:
        assert {16, 32, 48, 256} <= {w for w, _h in ico.info["sizes"]}
    data = (PACKAGING / "macos" / "wecom-appeal.icns").read_bytes()
    with Image.open(io.BytesIO(data)) as icns:
        assert icns.format == "ICNS"
        assert (512, 512, 2) in icns.info["sizes"]


def test_missing_tools_fail_in_ci_and_skip_elsewhere(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="desktop-file-validate"):
        require_tool("desktop-file-validate", "desktop-file-utils")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require_tool("desktop-file-validate", "desktop-file-utils")
