"""Running ``wecom-appeal`` in a subprocess against a workspace folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import cli_env
from .fakes import PASSPHRASE


def run(home: Path, *args: str, passphrase: str | None = PASSPHRASE,
        extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = cli_env(home, passphrase)
    env.update(extra_env or {})
    return subprocess.run([sys.executable, "-m", "app.cli", *args], env=env, text=True,
                          capture_output=True, timeout=120, stdin=subprocess.DEVNULL)


def fast_vault(home: Path, passphrase: str = PASSPHRASE) -> None:
    """Set up the vault in-process with the cheapest scrypt the vault accepts (test speed)."""
    from app.store.keystore import KeyringStore
    from app.store.workspace import Workspace

    from .conftest import FAST_SCRYPT_N
    from .fakes import MemoryKeyring

    with Workspace.open(home, keyring_store=KeyringStore(MemoryKeyring())) as ws:
        ws.create_vault(passphrase, scrypt_n=FAST_SCRYPT_N)


def ok(home: Path, *args: str, **kw) -> str:
    result = run(home, *args, **kw)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def ok_json(home: Path, *args: str, **kw) -> object:
    return json.loads(ok(home, *args, "--json", **kw))


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
