"""Where the workspace lives: the platform's user data folder, or ``WECOM_APPEAL_HOME``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "wecom-appeal"
HOME_ENV = "WECOM_APPEAL_HOME"

DB_NAME = "workspace.sqlite3"
VAULT_HEADER_NAME = "vault.json"
BLOB_DIR_NAME = "blobs"


def workspace_dir() -> Path:
    """The workspace folder; ``WECOM_APPEAL_HOME`` overrides it (tests, portable installs)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` readable by its owner only (where the platform has such modes)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
