"""Generated forms are fresh; every UI string has a finished Chinese translation."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_tool(name: str):
    spec = importlib.util.spec_from_file_location(f"tools_{name}", ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_forms_are_not_stale():
    build_forms = load_tool("build_forms")
    forms = build_forms.forms()
    assert forms, "no .ui files found"
    for form in forms:
        target = build_forms.target_for(form)
        assert target.exists(), f"{target} missing: run python tools/build_forms.py"
        fresh = build_forms.compile_form(form)
        assert build_forms.comparable(target.read_text(encoding="utf-8")) == \
            build_forms.comparable(fresh), f"{target} is stale: run python tools/build_forms.py"


def test_forms_mirror_views():
    for form in (ROOT / "forms").rglob("*.ui"):
        view = ROOT / "app" / "ui" / form.relative_to(ROOT / "forms").with_suffix(".py")
        assert view.exists(), f"{form} has no view at {view}"


def test_translations_are_complete():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_chinese_translation_loads(ui_language):
    from PySide6.QtCore import QCoreApplication

    ui_language.install("zh_CN")
    assert QCoreApplication.translate("Pages", "Diagnose") == "诊断"
    ui_language.install("en")
    assert QCoreApplication.translate("Pages", "Diagnose") == "Diagnose"


def test_a_cjk_font_is_available():
    from app.ui.fonts import cjk_families

    assert cjk_families(), "no font for Simplified Chinese: install fonts-wqy-microhei"


def test_i18n_fill_marks_messages_finished(tmp_path):
    i18n = load_tool("i18n")
    ts = tmp_path / "sample_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="zh_CN"><context><name>Pages</name>'
        '<message><source>Diagnose</source><translation type="unfinished"></translation>'
        '</message><message><source>Rules</source>'
        '<translation type="unfinished"></translation></message></context></TS>',
        encoding="utf-8")
    assert len(i18n.problems(ts)) == 2
    assert i18n.fill(ts, {"Diagnose": "诊断"}) == 1
    left = i18n.problems(ts)
    assert len(left) == 1 and "Rules" in left[0]
    assert "<translation>诊断</translation>" in ts.read_text(encoding="utf-8")


def test_i18n_fill_can_keep_other_pages_wording(tmp_path):
    i18n = load_tool("i18n")
    ts = tmp_path / "sample_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
        '<context><name>CasesPage</name><message><source>Open</source>'
        '<translation>打开案件</translation></message></context>'
        '<context><name>AppealPage</name><message><source>Open</source>'
        '<translation type="unfinished"></translation></message></context></TS>',
        encoding="utf-8")
    assert i18n.fill(ts, {"Open": "打开"}, context="AppealPage") == 1
    assert i18n.fill(ts, {"Open": "开"}, unfinished_only=True) == 0
    text = ts.read_text(encoding="utf-8")
    assert "打开案件" in text and "<translation>打开</translation>" in text


def test_missing_cjk_font_is_a_clear_warning(tmp_path, caplog):
    from app.ui.fonts import ensure_cjk_font

    with caplog.at_level("WARNING"):
        found = ensure_cjk_font(families=list, fontconfig_files=list, bundled=tmp_path)
    assert found == []
    assert "fonts-wqy-microhei" in caplog.text
