"""The user guide stays whole: links and images resolve, commands exist, languages match.

README.md and docs/**/*.md are checked as GitHub renders them: relative links and images must
point at files that exist (and at headings that exist, for ``page.md#anchor``); every
``wecom-appeal <command> [<action>]`` they mention must be a command of ``app.cli.build_parser()``;
docs/en and docs/zh_CN hold the same pages showing the same screenshots, each of which
tools/docs_screenshots.py regenerates.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import unicodedata
from pathlib import Path

import pytest

from app.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("en", "zh_CN")
MAX_IMAGE_BYTES = 250 * 1024

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.S | re.M)
INLINE_CODE = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target), with an optional "title"; <img src="...">.
MD_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_SRC = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]+)\"", re.I)
IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
COMMAND = re.compile(r"\bwecom-appeal[ \t]+([a-z][a-z0-9-]*)(?:[ \t]+([a-z][a-z0-9_-]*))?")


def markdown_files(root: Path = ROOT) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").rglob("*.md"))]


def prose(text: str) -> str:
    """The text without fenced and inline code, where links are not links."""
    return INLINE_CODE.sub("", FENCE.sub("", text))


def links(text: str) -> list[str]:
    body = prose(text)
    return MD_LINK.findall(body) + HTML_SRC.findall(body)


def images(text: str) -> list[str]:
    body = prose(text)
    return IMAGE.findall(body) + HTML_SRC.findall(body)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link keeps its text
    text = text.replace("`", "").strip().lower()
    kept = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    found: set[str] = set()
    counts: dict[str, int] = {}
    for heading in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8"))):
        base = slug(heading)
        n = counts.get(base, 0)
        counts[base] = n + 1
        found.add(base if n == 0 else f"{base}-{n}")
    return found


def broken_links(md: Path) -> list[str]:
    """Every relative link or image of ``md`` that does not resolve, as 'target: why'."""
    problems = []
    for target in links(md.read_text(encoding="utf-8")):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # http:, https:, mailto:
            continue
        path_part, _, fragment = target.partition("#")
        dest = (md.parent / path_part).resolve() if path_part else md
        if not dest.exists():
            problems.append(f"{target}: no such file")
        elif fragment and dest.suffix == ".md" and fragment not in anchors(dest):
            problems.append(f"{target}: no heading #{fragment} in {dest.name}")
    return problems


def command_tree(parser: argparse.ArgumentParser) -> dict[str, set[str] | None]:
    """Each subcommand and, where it has them, its actions."""
    def choices(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                return dict(action.choices)
        return {}

    return {name: (set(choices(sub)) or None) for name, sub in choices(parser).items()}


def unknown_commands(text: str, tree: dict[str, set[str] | None]) -> list[str]:
    problems = []
    for command, action in COMMAND.findall(text):
        if command not in tree:
            problems.append(f"wecom-appeal {command}")
        elif tree[command] is not None and action and action not in tree[command]:
            problems.append(f"wecom-appeal {command} {action}")
    return problems


def docs_screenshots_module():
    spec = importlib.util.spec_from_file_location("docs_screenshots",
                                                  ROOT / "tools" / "docs_screenshots.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # light: Qt and the app are imported only by main()
    return module


# --- the guide ------------------------------------------------------------------------------

@pytest.mark.parametrize("md", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_links_and_images_resolve(md: Path) -> None:
    assert md.exists()
    assert broken_links(md) == []


@pytest.mark.parametrize("md", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_commands_mentioned_exist(md: Path) -> None:
    assert unknown_commands(md.read_text(encoding="utf-8"), command_tree(build_parser("en"))) == []


def test_both_languages_have_the_same_pages() -> None:
    pages = {lang: {p.name for p in (DOCS / lang).glob("*.md")} for lang in LANGS}
    assert pages["en"], "docs/en has no pages"
    assert "index.md" in pages["en"]
    assert pages["en"] == pages["zh_CN"]


@pytest.mark.parametrize("name", sorted(p.name for p in (DOCS / "en").glob("*.md")))
def test_both_languages_show_the_same_screenshots(name: str) -> None:
    shown = {}
    for lang in LANGS:
        page = DOCS / lang / name
        refs = images(page.read_text(encoding="utf-8"))
        prefix = f"../images/{lang}/"
        assert all(ref.startswith(prefix) for ref in refs), (lang, refs)  # own language only
        shown[lang] = [ref.removeprefix(prefix) for ref in refs]
    assert shown["en"] == shown["zh_CN"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_has_its_section_in_the_command_line_page(lang: str) -> None:
    text = (DOCS / lang / "cli.md").read_text(encoding="utf-8")
    sections = {word for heading in re.findall(r"^###\s+(.+)$", text, re.M)
                for word in re.split(r"[\s,、]+", heading) if word}
    missing = set(command_tree(build_parser("en"))) - sections
    assert not missing, f"docs/{lang}/cli.md has no section for: {sorted(missing)}"


def test_readme_opens_with_a_screenshot_and_links_the_guide() -> None:
    lines = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert lines[0].startswith("# ")
    assert IMAGE.match(lines[1]), "the line under the title should be a screenshot"
    targets = links("\n".join(lines))
    assert "docs/en/index.md" in targets and "docs/zh_CN/index.md" in targets


def test_screenshots_are_generated_and_small() -> None:
    """Every picture the guide shows is one tools/docs_screenshots.py writes, in both
    languages, and stays small enough for a repository."""
    names = set(docs_screenshots_module().SHOTS.values())
    referenced = set()
    for md in markdown_files():
        for ref in images(md.read_text(encoding="utf-8")):
            path = (md.parent / ref).resolve()
            if path.is_relative_to(DOCS / "images"):
                referenced.add(path)
    assert referenced
    for path in referenced:
        assert path.parent.name in LANGS and path.stem in names, path
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path
        assert path.stat().st_size <= MAX_IMAGE_BYTES, path
    for lang in LANGS:
        assert {p.stem for p in (DOCS / "images" / lang).glob("*.png")} == names, lang


# --- the checks themselves catch breakage ---------------------------------------------------

def test_a_broken_link_or_image_is_caught(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "there.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "other.md").write_text("# Other\n\n## Set up the vault\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n![ok](images/there.png) ![gone](images/gone.png)\n"
        "[ok](other.md#set-up-the-vault) [bad anchor](other.md#nowhere) [gone](missing.md)\n"
        "[web](https://example.com) [here](#page)\n"
        "```\n[not a link](nothing.md)\n```\n`[nor this](nothing.md)`\n",
        encoding="utf-8")
    assert broken_links(page) == ["images/gone.png: no such file",
                                  "other.md#nowhere: no heading #nowhere in other.md",
                                  "missing.md: no such file"]


def test_an_unknown_command_is_caught() -> None:
    tree = command_tree(build_parser("en"))
    assert tree["case"] is not None and "new" in tree["case"]
    text = ("wecom-appeal diagnose report.json\n$ wecom-appeal submit now\n"
            "wecom-appeal case reopen 1234\n`wecom-appeal` alone; wecom-appeal-api\n")
    assert unknown_commands(text, tree) == ["wecom-appeal submit", "wecom-appeal case reopen"]


def test_chinese_headings_have_github_anchors() -> None:
    assert slug("从企业微信获取（可选）") == "从企业微信获取可选"
    assert slug("Fetching from WeCom (optional)") == "fetching-from-wecom-optional"
    assert slug("export、import") == "exportimport"
