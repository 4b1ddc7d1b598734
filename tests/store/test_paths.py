"""Where the workspace lives, and a second connection for a worker thread."""

from __future__ import annotations

import threading
from pathlib import Path

import platformdirs

from app.store import audits
from app.store.paths import HOME_ENV, workspace_dir
from app.store.workspace import Workspace


def test_workspace_dir_defaults_to_platform_data_folder(monkeypatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    assert workspace_dir() == Path(platformdirs.user_data_dir("wecom-appeal", appauthor=False))


def test_environment_overrides_workspace_dir(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "portable"))
    assert workspace_dir() == tmp_path / "portable"
    with Workspace.open() as ws:
        assert ws.root == tmp_path / "portable"
    assert (tmp_path / "portable" / "workspace.sqlite3").stat().st_mode & 0o077 == 0


def test_worker_thread_uses_its_own_connection_and_the_unlocked_vault(ws) -> None:
    results: list[object] = []

    def work() -> None:
        with ws.for_another_thread() as mine:
            results.append(mine.vault.encrypt_text("x", "t"))
            results.append(audits.add_audit(mine, "scan", {"n": 1}).id)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert ws.vault.decrypt_text(results[0], "t") == "x"  # type: ignore[arg-type]
    assert audits.get_audit(ws, results[1]).payload == {"n": 1}  # type: ignore[arg-type]
