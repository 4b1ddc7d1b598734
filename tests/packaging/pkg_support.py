"""Shared by the packaging tests (imported by name: tests/packaging has no __init__.py, since
a package named `packaging` would shadow the PyPI library of that name)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.wecomappeal.WeComAppeal"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require(available: bool, what: str) -> None:
    """Skip on a developer machine without ``what``; fail in CI (``.ci/run`` installs it)."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{what} is missing in CI")
    pytest.skip(f"{what} is not installed")


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    require(path is not None, f"{name} ({package})")
    assert path is not None
    return path
