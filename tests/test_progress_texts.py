"""Every progress label the core names exists in both languages, and every label of
resources/text/progress.toml is used (app/jobs.py: the one progress type)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from app.jobs import ProgressText, progress_text
from app.labels import all_labels

ROOT = Path(__file__).resolve().parents[1]


def _progress_keys_in_code() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value.startswith("progress_") and node.value.isidentifier()):
                found[node.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return found


def test_every_progress_label_in_the_code_exists_and_every_one_is_used():
    labels = all_labels()
    used = _progress_keys_in_code()
    assert len(used) >= 15
    assert {key: where for key, where in used.items() if key not in labels} == {}
    defined = tomllib.loads((ROOT / "resources" / "text" / "progress.toml").read_text("utf-8"))
    assert set(defined["labels"]) - set(used) == set()


def test_values_are_rendered_in_the_labels_language():
    from app.i18n import LocalText

    title = LocalText(en="Business licence", zh_CN="营业执照")
    message = progress_text("progress_placed_document", title=title)
    assert isinstance(message, ProgressText) and message == progress_text(
        "progress_placed_document", title=title)
    assert message("en") == "Placed Business licence"
    assert message("zh_CN") == "已排入 营业执照"
    assert progress_text("progress_page", page=2, total=9)("zh_CN") == "正在绘制第 2 页，共 9 页"
