"""UI translations: Qt .ts sources and compiled .qm files in resources/i18n.

    python tools/i18n.py update            pyside6-lupdate over app/ui/**/*.py and forms/**/*.ui
    python tools/i18n.py fill FILE.json    merge {"source": "translation"} into the .ts (finished)
    python tools/i18n.py release           pyside6-lrelease: .ts -> .qm
    python tools/i18n.py check             exit 1 listing unfinished, missing or stale translations

Several people run these at once in one tree, so every command that writes holds a lock file.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)
# Outside the tree (nothing to ignore in git), one per checkout.
_TREE_ID = hashlib.sha1(bytes(ROOT)).hexdigest()[:12]
LOCK = Path(tempfile.gettempdir()) / f"wecom-appeal-i18n-{_TREE_ID}.lock"
DOCTYPE = "<!DOCTYPE TS>"


def ts_path(lang: str) -> Path:
    return I18N / f"wecom_appeal_{lang}.ts"


def qm_path(lang: str) -> Path:
    return ts_path(lang).with_suffix(".qm")


def tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def sources() -> list[Path]:
    generated = ROOT / "app" / "ui" / "forms"
    python = [p for p in sorted((ROOT / "app" / "ui").rglob("*.py"))
              if generated not in p.parents]
    return python + sorted((ROOT / "forms").rglob("*.ui"))


@contextlib.contextmanager
def locked() -> Iterator[None]:
    with LOCK.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} failed:\n{result.stdout}{result.stderr}")


def lupdate(ts: Path) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    _run([tool("pyside6-lupdate"), *files, "-locations", "none", "-no-obsolete",
          "-source-language", "en", "-target-language", ts.stem.split("_", 2)[-1],
          "-ts", str(ts)])


def _messages(root: ET.Element) -> Iterator[tuple[str, ET.Element]]:
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n{DOCTYPE}\n{body}\n',
                    encoding="utf-8")


def fill(ts: Path, translations: dict[str, str], context: str | None = None,
         unfinished_only: bool = False) -> int:
    """Merge {source: translation}; a context or unfinished_only keeps other pages' wording."""
    tree = ET.parse(ts)
    filled = 0
    for context_name, message in _messages(tree.getroot()):
        source = message.findtext("source")
        translation = message.find("translation")
        if source is None or source not in translations or translation is None:
            continue
        if context is not None and context_name != context:
            continue
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        if unfinished_only and translation.get("type") != "unfinished":
            continue
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            numerus = ET.SubElement(translation, "numerusform")
            numerus.text = translations[source]
        else:
            translation.text = translations[source]
        translation.attrib.pop("type", None)
        filled += 1
    _write(tree, ts)
    return filled


def problems(ts: Path) -> list[str]:
    found = []
    for context, message in _messages(ET.parse(ts).getroot()):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("vanished", "obsolete"):
            continue
        text = "".join(translation.itertext()).strip() if translation is not None else ""
        if kind == "unfinished" or not text:
            where = message.find("location")
            at = f" ({where.get('filename')}:{where.get('line')})" if where is not None else ""
            found.append(f"{context}: {message.findtext('source')!r}{at}")
    return found


def check(lang: str) -> list[str]:
    """Problems with the committed files, found on copies: nothing in the tree changes."""
    ts = ts_path(lang)
    if not ts.exists():
        return [f"{ts.relative_to(ROOT)} is missing; run `python tools/i18n.py update`"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        lupdate(fresh)
        found = [f"untranslated: {p}" for p in problems(fresh)]
        qm = Path(tmp) / "fresh.qm"
        _run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)])
        committed = qm_path(lang)
        if not committed.exists() or committed.read_bytes() != qm.read_bytes():
            found.append(f"{committed.relative_to(ROOT)} is stale or missing; "
                         "run `python tools/i18n.py release`")
        if not found and fresh.read_text(encoding="utf-8") != ts.read_text(encoding="utf-8"):
            found.append(f"{ts.relative_to(ROOT)} is out of date with the sources; "
                         "run `python tools/i18n.py update`")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="extract strings from app/ui and forms into the .ts files")
    fill_parser = sub.add_parser("fill", help="merge translations from a JSON object")
    fill_parser.add_argument("json", type=Path)
    fill_parser.add_argument("--lang", default="zh_CN", choices=LANGUAGES)
    fill_parser.add_argument("--context", help="only messages of this context (class name)")
    fill_parser.add_argument("--unfinished-only", action="store_true",
                             help="leave messages that already have a translation alone")
    sub.add_parser("release", help="compile the .ts files into .qm")
    sub.add_parser("check", help="exit 1 when a translation is unfinished, missing or stale")
    args = parser.parse_args(argv)

    if args.command == "check":
        found = [line for lang in LANGUAGES for line in check(lang)]
        for line in found:
            print(line)
        if found:
            print(f"{len(found)} translation problem(s)", file=sys.stderr)
        return 1 if found else 0
    with locked():
        if args.command == "update":
            for lang in LANGUAGES:
                lupdate(ts_path(lang))
                left = problems(ts_path(lang))
                print(f"{ts_path(lang).relative_to(ROOT)}: {len(left)} unfinished")
        elif args.command == "fill":
            translations = json.loads(args.json.read_text(encoding="utf-8"))
            count = fill(ts_path(args.lang), translations, args.context, args.unfinished_only)
            lupdate(ts_path(args.lang))  # back to lupdate's own layout, so `check` compares
            print(f"{ts_path(args.lang).relative_to(ROOT)}: {count} message(s) filled")
        elif args.command == "release":
            for lang in LANGUAGES:
                _run([tool("pyside6-lrelease"), str(ts_path(lang)), "-qm", str(qm_path(lang))])
                print(f"wrote {qm_path(lang).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
