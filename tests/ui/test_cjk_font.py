"""The window shows Chinese on a machine that has no Chinese font: the shipped font is
registered with Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_PROBE = """
import json
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication
from app.ui.fonts import cjk_families, ensure_cjk_font
app = QApplication([])
before = cjk_families()
after = ensure_cjk_font(fontconfig_files=list)
# How a label in the application's default font lays out Chinese: which font draws it, and
# whether any character came out as glyph 0 (a box).
layout = QTextLayout("企业微信账号申诉", app.font())
layout.beginLayout()
layout.createLine()
layout.endLayout()
runs = [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]
print(json.dumps({"before": before, "after": after, "runs": runs}))
"""


def test_shipped_font_is_registered_when_the_system_has_none(tmp_path):
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
                    f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
                    encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["before"] == [], found  # the machine really has no Chinese font
    assert any("WenQuanYi Micro Hei" in family for family in found["after"]), found
    # The default font falls back to it: Chinese is drawn with real glyphs, not boxes.
    assert found["runs"] and all(family.startswith("WenQuanYi") and 0 not in glyphs
                                 for family, glyphs in found["runs"]), found
