"""The wheel, built and installed (not editable) into a fresh virtual environment, reads every
resource from the top-level ``resources/`` folder as ``app.resources``.

The data lives outside the package in the repository (docs/design.md, "Where things live") and is
mapped into it at build time (setup.py); this checks the mapping end to end: a resource the wheel
leaves behind, or one read from the source tree instead of the installed package, fails here.
About 15 s. The project is copied first so the build never sees another build's leftovers
(build/, *.egg-info).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from pkg_support import ROOT

# What the installed package must hold: every data file, never the repository's byte-code.
SKIPPED_SUFFIXES = {".pyc"}

READ_ALL = """
import json, sys
from importlib import resources
root = resources.files("app.resources")
found = {}
def walk(node, prefix):
    for entry in node.iterdir():
        name = prefix + entry.name
        if entry.is_dir():
            if entry.name != "__pycache__":
                walk(entry, name + "/")
        else:
            found[name] = entry.read_bytes().hex()
walk(root, "")
print(json.dumps({"root": str(root), "files": found}))
"""

READ_GUIDE = """
import json
from importlib import resources
root = resources.files("app.docs")
found = []
def walk(node, prefix):
    for entry in node.iterdir():
        if entry.is_dir():
            walk(entry, prefix + entry.name + "/")
        else:
            found.append(prefix + entry.name)
walk(root, "")
print(json.dumps(found))
"""

def shipped_files() -> dict[str, bytes]:
    source = ROOT / "resources"
    return {p.relative_to(source).as_posix(): p.read_bytes() for p in source.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in SKIPPED_SUFFIXES}


def test_checkout_reads_the_top_level_resources_folder():
    """The editable install maps app.resources to resources/; a leftover app/resources/ folder
    (byte-code from before the data moved) would shadow it."""
    from importlib import resources

    root = Path(str(resources.files("app.resources")))
    assert root.resolve() == (ROOT / "resources").resolve(), (
        f"app.resources comes from {root}: delete the leftover folder app/resources/ and "
        "reinstall with pip install -e .")


def test_installed_wheel_reads_every_resource(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "app", project / "app", ignore=ignore)
    shutil.copytree(ROOT / "resources", project / "resources", ignore=ignore)
    shutil.copytree(ROOT / "docs", project / "docs", ignore=ignore)  # the user guide

    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels),
         str(project)], capture_output=True, text=True, timeout=600, check=False)
    assert build.returncode == 0, (build.stdout + build.stderr)[-4000:]
    (wheel,) = wheels.glob("wecom_appeal-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
        capture_output=True, text=True, timeout=600, check=False)
    assert install.returncode == 0, (install.stdout + install.stderr)[-4000:]

    # Run away from the repository, so nothing can come from the source tree.
    run = subprocess.run([str(python), "-I", "-c", READ_ALL], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-4000:]
    result = json.loads(run.stdout)
    assert Path(result["root"]).is_relative_to(env_dir), result["root"]

    installed = {name: bytes.fromhex(data) for name, data in result["files"].items()}
    expected = shipped_files()
    missing = sorted(set(expected) - set(installed))
    assert not missing, f"resources the wheel left behind: {missing}"
    changed = sorted(name for name in expected if installed[name] != expected[name])
    assert not changed, f"resources that differ in the wheel: {changed}"
    for folder in ("rules", "audit", "text", "i18n", "icons"):
        assert any(name.startswith(folder + "/") for name in installed), folder

    # Help → User guide: the guide's pages and screenshots come with the wheel (app.docs).
    guide = subprocess.run([str(python), "-I", "-c", READ_GUIDE], cwd=tmp_path,
                           capture_output=True, text=True, timeout=120, check=False)
    assert guide.returncode == 0, guide.stderr[-4000:]
    pages = json.loads(guide.stdout)
    wanted = sorted(p.relative_to(ROOT / "docs").as_posix()
                    for folder in ("en", "zh_CN", "images")
                    for p in (ROOT / "docs" / folder).rglob("*") if p.suffix in (".md", ".png"))
    assert sorted(set(wanted) - set(pages)) == [], "guide files the wheel left behind"
