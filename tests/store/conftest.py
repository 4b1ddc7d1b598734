"""Fixtures of the store tests: a fresh workspace with an in-memory keyring, per test."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from shared_fakes import FAST_SCRYPT_N as FAST_SCRYPT_N  # re-exported for the store tests
from shared_fakes import PASSPHRASE, MemoryKeyring

from app.store.keystore import KeyringStore
from app.store.workspace import Workspace


@pytest.fixture
def keyring_store() -> KeyringStore:
    """An in-memory keyring under a unique service name: never the user's real keyring."""
    return KeyringStore(MemoryKeyring(), service=f"wecom-appeal-test-{uuid.uuid4().hex}")


@pytest.fixture
def ws_root(tmp_path: Path) -> Path:
    return tmp_path / "workspace"


@pytest.fixture
def ws(ws_root: Path, keyring_store: KeyringStore) -> Iterator[Workspace]:
    """An open workspace with an unlocked passphrase vault."""
    workspace = Workspace.open(ws_root, keyring_store=keyring_store)
    workspace.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
    yield workspace
    workspace.close()


def cli_env(home: Path, passphrase: str | None = PASSPHRASE) -> dict[str, str]:
    """Environment for the CLI in a subprocess: this workspace, no system keyring."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("WECOM_APPEAL_", "DBUS_", "PYTHON_KEYRING"))}
    env["WECOM_APPEAL_HOME"] = str(home)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    env["LANG"] = "C.UTF-8"
    if passphrase is not None:
        env["WECOM_APPEAL_PASSPHRASE"] = passphrase
    return env


PYTHON = sys.executable
