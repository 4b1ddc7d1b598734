"""The build's inputs, checked without building: one app id everywhere, icons the spec needs,
and no code that finds resources by PyInstaller's unpack folder instead of importlib.resources."""

from __future__ import annotations

import re

from pkg_support import APP_ID, LINUX, PACKAGING, ROOT

SPEC = PACKAGING / "wecom-appeal.spec"


def test_no_pyinstaller_path_arithmetic():
    offenders = [str(p.relative_to(ROOT)) for folder in (ROOT / "app", PACKAGING)
                 for p in folder.rglob("*") if p.suffix in (".py", ".spec")
                 and "_MEIPASS" in p.read_text(encoding="utf-8")]
    assert not offenders, f"use importlib.resources instead: {offenders}"


def test_spec_uses_the_app_id_and_existing_icons():
    spec = SPEC.read_text(encoding="utf-8")
    assert f'APP_ID = "{APP_ID}"' in spec
    assert (LINUX / f"{APP_ID}.desktop").is_file()
    icons = re.findall(r'PACKAGING / "(\w+)" / "([\w.-]+)"', spec)
    assert {folder for folder, _name in icons} == {"windows", "macos"}
    for folder, name in icons:
        assert (PACKAGING / folder / name).is_file(), name


def test_spec_compiles():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_spec_collects_the_pdf_renderer_library():
    """pypdfium2 loads libpdfium with ctypes: nothing imports it, so the spec names it."""
    spec = SPEC.read_text(encoding="utf-8")
    assert 'collect_dynamic_libs("pypdfium2_raw")' in spec
    assert "binaries=binaries" in spec
