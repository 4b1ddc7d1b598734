"""At a terminal, without WECOM_APPEAL_PASSPHRASE, the CLI asks for the passphrase."""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from .cli_helpers import write_json
from .conftest import cli_env
from .fakes import profile_dict

pty = pytest.importorskip("pty")


PROMPTS = (b"passphrase: ", b"Again: ")


def run_at_terminal(home: Path, args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run the CLI with a pseudo-terminal as its controlling terminal; type ``answers``."""
    env = cli_env(home, passphrase=None)
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the CLI
        os.execve(sys.executable, [sys.executable, "-m", "app.cli", *args], env)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
            asked = sum(output.count(p) for p in PROMPTS)
            if pending and asked > len(answers) - len(pending) and output.endswith(PROMPTS):
                os.write(fd, pending.pop(0).encode() + b"\n")
    finally:
        if time.monotonic() >= deadline:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pseudo-terminals")
def test_terminal_prompts_for_the_passphrase(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code, out = run_at_terminal(home, ["vault", "init"], ["typed passphrase", "typed passphrase"])
    assert code == 0, out
    assert "New vault passphrase" in out and "typed passphrase" not in out  # not echoed
    profile = write_json(tmp_path / "profile.json", profile_dict())
    code, out = run_at_terminal(home, ["profile", "set", str(profile)], ["typed passphrase"])
    assert code == 0 and "Profile saved" in out, out
    code, out = run_at_terminal(home, ["profile", "set", str(profile)], ["wrong passphrase"])
    assert code == 2 and "wrong passphrase" in out, out
