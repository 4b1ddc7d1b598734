"""Boundaries DESIGN.md makes firm: only app/ui imports Qt; headless commands start without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_app_ui_imports_qt():
    offenders = []
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "ui"):
            continue
        qt = {m for m in _imported_modules(path) if m.split(".")[0] in {"PySide6", "shiboken6"}}
        if qt:
            offenders.append(f"{path.relative_to(APP.parent)}: {sorted(qt)}")
    assert offenders == []


def test_headless_start_loads_neither_qt_nor_the_pdf_and_data_stacks():
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        "for argv in (['--help'], ['rules', '--lang', 'en'], ['schema']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('PySide6', 'shiboken6', 'reportlab', 'duckdb', 'PIL', 'pypdf', 'openpyxl')\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & set(heavy))\n"
        "print('HEAVY:' + ','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=APP.parent, check=True).stdout
    # Qt, the PDF stack and DuckDB load only in the commands that use them.
    assert out.strip().splitlines()[-1] == "HEAVY:"
