"""Build the one-folder app with PyInstaller: ``python packaging/build.py``.

The result is ``dist/wecom-appeal/`` (on macOS also ``dist/WeCom Appeal.app``); the command
prints how long the build took and how large the folder is. Run it with the Python of the
environment the app is installed in (``pip install -e '.[build]'``), so PyInstaller sees the same
packages the app uses.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "wecom-appeal.spec"
APP_NAME = "wecom-appeal"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, *, clean: bool = False, log_level: str = "WARN") -> Path:
    """Run PyInstaller on the spec; return the built folder."""
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm",
        "--distpath", str(dist), "--workpath", str(work), "--log-level", log_level,
    ]
    if clean:
        command.append("--clean")
    command.append(str(SPEC))
    subprocess.run(command, cwd=ROOT, check=True)
    return dist / APP_NAME


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--clean", action="store_true",
                        help="empty PyInstaller's cache and work folder first")
    parser.add_argument("--log-level", default="WARN",
                        choices=("DEBUG", "INFO", "WARN", "ERROR"))
    args = parser.parse_args(argv)

    try:
        import PyInstaller  # noqa: F401
    except ModuleNotFoundError:
        print("build.py: PyInstaller is not installed; run: pip install -e '.[build]'",
              file=sys.stderr)
        return 2

    started = time.monotonic()
    try:
        folder = build(args.dist.resolve(), args.work.resolve(), clean=args.clean,
                       log_level=args.log_level)
    except subprocess.CalledProcessError as exc:
        print(f"build.py: PyInstaller failed (exit code {exc.returncode})", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    size_mb = folder_size(folder) / 1_000_000
    print(f"Built {folder} in {elapsed:.0f} s: {size_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
