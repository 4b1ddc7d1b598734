"""The labels' parse is kept in the cache (app/labels.py): the same labels as tomllib's parse,
read without tomllib by the next process, and parsed again when a file's text changes."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from app import labels

ROOT = Path(__file__).resolve().parents[1]

PROBE = ("import sys\n"
         "from app.labels import label\n"
         "print(label('stmt_greeting', 'zh_CN'), label('cover_account', 'en'),\n"
         "      'tomllib' in sys.modules)\n")


def _run(cache: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         cwd=ROOT, timeout=120, check=False,
                         env={**os.environ, "WECOM_APPEAL_CACHE": str(cache)})
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip().splitlines()


def test_the_next_process_reads_the_labels_without_tomllib(tmp_path):
    statement = tomllib.loads(labels._file_text("statement.toml"))["labels"]
    first = _run(tmp_path)
    assert first[0].startswith(statement["stmt_greeting"]["zh_CN"])
    assert first[0].endswith("True")
    again = _run(tmp_path)
    assert again == [first[0].replace("True", "False")]


def test_a_cached_parse_is_the_parse_of_the_same_text(tmp_path, monkeypatch):
    monkeypatch.setenv("WECOM_APPEAL_CACHE", str(tmp_path))
    texts = {"a.toml": '[labels.x]\nen = "one"\nzh_CN = "一"\n'}
    monkeypatch.setattr(labels, "_file_text", lambda name: texts[name])
    for _ in range(2):
        labels._file_labels.cache_clear()
        assert labels._file_labels("a.toml") == {"x": {"en": "one", "zh_CN": "一"}}
    texts["a.toml"] = texts["a.toml"].replace("one", "two")  # an updated file
    labels._file_labels.cache_clear()
    assert labels._file_labels("a.toml") == {"x": {"en": "two", "zh_CN": "一"}}
    labels._file_labels.cache_clear()
