"""Wording the app speaks with: 账号 (never the variant 帐号), and no claim of quoting the
rules' original text where the app paraphrases them."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "app" / "resources"
# Text the app reads rather than says: header aliases of imported files, and notice phrases
# that recognise the variant spelling in what WeCom or a user wrote.
INPUT_ONLY = {("audit/columns.toml", "aliases"), ("rules/notice_phrases.toml", None)}


def _strings(value: object, key: str | None = None) -> Iterator[tuple[str | None, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


def test_resource_texts_say_zhanghao():
    found = []
    for path in sorted(RESOURCES.rglob("*.toml")):
        name = path.relative_to(RESOURCES).as_posix()
        if (name, None) in INPUT_ONLY:
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [(name, key, text) for key, text in _strings(data)
                  if "帐号" in text and (name, key) not in INPUT_ONLY]
    assert not found, found


def test_ui_translations_say_zhanghao_and_do_not_claim_the_original():
    for ts in (RESOURCES / "i18n").glob("*.ts"):
        text = ts.read_text(encoding="utf-8")
        assert "帐号" not in text, ts
        assert "规则原文" not in text, "the app shows the rules paraphrased, not their original"


def test_docs_say_zhanghao():
    lines = [(md.name, line) for md in sorted((ROOT / "docs").rglob("*.md"))
             for line in md.read_text(encoding="utf-8").splitlines()
             # the alias table lists the variant spelling an imported file may use
             if "帐号" in line and "成员账号" not in line]
    assert not lines, lines
