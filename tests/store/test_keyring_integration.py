"""The vault with the real Secret Service: gnome-keyring in a private D-Bus session.

Never the user's keyring: HOME and the XDG folders point into a temporary folder, and the
daemon lives only as long as ``dbus-run-session``. Missing tools skip the test on a developer
machine and fail it in CI (``CI=true``), where ``.ci/run`` installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("secret_service_script.py")
TOOLS = ("dbus-run-session", "gnome-keyring-daemon")


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"not installed: {', '.join(missing)}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (CI must run this test; .ci/run installs them)")
        pytest.skip(message)


def test_missing_tools_fail_in_ci_and_skip_elsewhere(monkeypatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda tool: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="not installed"):
        require_tools()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        require_tools()


@pytest.mark.keyring_integration
def test_vault_with_real_secret_service(tmp_path: Path) -> None:
    require_tools()
    home = tmp_path / "home"
    runtime = tmp_path / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DBUS_", "PYTHON_KEYRING", "WECOM_APPEAL_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_RUNTIME_DIR=str(runtime),
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    inner = (f"echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
             f"exec '{sys.executable}' '{SCRIPT}' '{tmp_path}'")
    result = subprocess.run(["dbus-run-session", "--", "sh", "-c", inner], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("OK"), result.stdout + result.stderr
    # The keyring lived in the temporary HOME, not in the user's.
    assert list((home / ".local" / "share" / "keyrings").glob("*.keyring"))
