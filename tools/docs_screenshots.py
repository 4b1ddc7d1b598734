"""Screenshots for the user guide, taken from the running app with sample data.

    QT_QPA_PLATFORM=offscreen python tools/docs_screenshots.py [--lang en] [--width 1100]

Runs ``tools/screenshots.py`` (which walks every page in zh_CN and en over a temporary sample
workspace), keeps the shots the guide shows, and writes them as ``docs/images/<lang>/<name>.png``:
at most ``--width`` pixels wide, as optimised PNGs (256 colours where that changes no pixel
noticeably). Re-run it whenever a page changes, and look at the result.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS_IMAGES = ROOT / "docs" / "images"
LANGS = ("en", "zh_CN")
MAX_WIDTH = 1100
MAX_BYTES = 250 * 1024
MAX_PALETTE_ERROR = 16  # per channel, of 255

# tools/screenshots.py shot name -> file name under docs/images/<lang>/.
SHOTS: dict[str, str] = {
    "diagnose-1-restriction": "diagnose-step1",
    "diagnose-2-notice": "diagnose-step2",
    "diagnose-3-history-member": "diagnose-step3",
    "diagnose-4-result-member": "diagnose-result",
    "diagnose-4-result-enterprise": "diagnose-result-enterprise",
    "diagnose-4-result-enterprise-end": "diagnose-result-undecided",
    "vault-setup": "vault-setup",
    "workspace-security": "workspace-security",
    "cases-rule2-deadline": "cases-deadline",
    "cases-documents": "cases-documents",
    "cases-submissions": "cases-submissions",
    "cases-ledger": "cases-ledger",
    "profile": "profile",
    "profile-errors": "profile-errors",
    "profile-documents": "profile-documents",
    "appeal-documents": "appeal-documents",
    "appeal-documents-end": "appeal-documents-end",
    "appeal-statement": "appeal-statement",
    "appeal-statement-guide": "appeal-statement-guide",
    "appeal-settings": "appeal-settings",
    "appeal-watermark": "appeal-watermark",
    "appeal-built": "appeal-built",
    "audit-checklist": "audit-checklist",
    "audit-checklist-plan": "audit-remediation",
    "audit-checklist-history": "audit-history",
    "audit-scan": "audit-scan",
    "audit-thresholds": "audit-thresholds",
    "audit-fetch": "audit-fetch",
    "check-csv": "check",
    "rules-ladder": "rules",
}

# tools/screenshots.py names its files "<lang>-<nn>-<shot>.png".
SHOT_FILE = re.compile(r"^(?P<lang>en|zh_CN)-\d+-(?P<shot>.+)\.png$")


def shrink(source: Path, target: Path, max_width: int = MAX_WIDTH) -> int:
    """Write ``source`` to ``target`` at most ``max_width`` wide, as small as it stays faithful.

    A 256-colour palette (fast octree, no dithering) is about a third of the size of full
    colour and keeps UI text crisp; when it moves any pixel by more than ``MAX_PALETTE_ERROR``
    (a low-contrast icon could vanish into its background) the image stays full colour.
    Returns the size written."""
    from PIL import Image, ImageChops

    with Image.open(source) as opened:
        image = opened.convert("RGB")
    if image.width > max_width:
        height = round(image.height * max_width / image.width)
        image = image.resize((max_width, height), Image.Resampling.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    palette = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                             dither=Image.Dither.NONE)
    error = max(high for _, high in ImageChops.difference(image, palette.convert("RGB"))
                .getextrema())
    (palette if error <= MAX_PALETTE_ERROR else image).save(target, "PNG", optimize=True)
    return target.stat().st_size


def collect(folder: Path, langs: tuple[str, ...]) -> dict[tuple[str, str], Path]:
    """The guide's shots among the files tools/screenshots.py wrote, by (lang, doc name)."""
    found: dict[tuple[str, str], Path] = {}
    for path in sorted(folder.glob("*.png")):
        match = SHOT_FILE.match(path.name)
        if match and match["lang"] in langs and match["shot"] in SHOTS:
            found[(match["lang"], SHOTS[match["shot"]])] = path
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", choices=LANGS)
    parser.add_argument("--width", type=int, default=MAX_WIDTH, help="maximum width in pixels")
    parser.add_argument("--out", type=Path, default=DOCS_IMAGES)
    args = parser.parse_args(argv)
    langs = tuple(args.lang or LANGS)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import screenshots  # tools/screenshots.py: starts the app and walks every page

    with tempfile.TemporaryDirectory(prefix="docs-shots-") as tmp:
        raw = Path(tmp)
        code = screenshots.main(["--out", str(raw)] + [f"--lang={lang}" for lang in langs])
        if code:
            return code
        found = collect(raw, langs)
        missing = [f"{lang}/{shot}" for lang in langs for shot, name in SHOTS.items()
                   if (lang, name) not in found]
        if missing:
            print("error: tools/screenshots.py no longer takes these shots: "
                  + ", ".join(missing), file=sys.stderr)
            return 1
        total, too_big = 0, []
        for (lang, name), source in sorted(found.items()):
            target = args.out / lang / f"{name}.png"
            size = shrink(source, target, args.width)
            total += size
            shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
            print(f"{shown}: {size // 1024} KB")
            if size > MAX_BYTES:
                too_big.append(str(shown))
        print(f"{len(found)} images, {total // 1024} KB in all")
    if too_big:
        print(f"error: over {MAX_BYTES // 1024} KB: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
