"""Private temporary folders, and the sweep that removes those a killed run left behind.

A bundle decodes ID images into a temporary folder; SIGTERM is turned into a normal exit (the
folder's context manager removes it), and what a SIGKILL or a power cut leaves is removed at
the next start: each folder carries the id of the process that made it, and a folder whose
process is gone is not in use.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

PREFIXES = ("wecom-appeal-", "wecom-scan-")
_OWNED = re.compile(r"^(wecom-appeal|wecom-scan)-(\d+)-")
# A folder without a process id (made by an older version) is stale after this long.
LEGACY_AGE_SECONDS = 3600


@contextlib.contextmanager
def private_tempdir(prefix: str = "wecom-appeal-") -> Iterator[Path]:
    """A folder only the owner may enter (0700), removed on exit, on error and on SIGTERM
    (see :func:`exit_on_signals`); named so that :func:`sweep_stale_tempdirs` can tell
    whether its process still runs."""
    with tempfile.TemporaryDirectory(prefix=f"{prefix}{os.getpid()}-") as tmp:
        yield Path(tmp)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its folder alone
    return True


def sweep_stale_tempdirs(folder: Path | None = None) -> int:
    """Remove this user's temporary folders whose process is gone; returns how many."""
    folder = Path(folder or tempfile.gettempdir())
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    uid = os.getuid() if hasattr(os, "getuid") else None
    for entry in entries:
        if not entry.name.startswith(PREFIXES):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_dir(follow_symlinks=False) or (uid is not None
                                                            and info.st_uid != uid):
                continue
            match = _OWNED.match(entry.name)
            if match:
                stale = not _alive(int(match.group(2)))
            else:
                stale = time.time() - info.st_mtime > LEGACY_AGE_SECONDS
            if stale:
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
        except OSError:
            continue
    return removed


def _exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def exit_on_signals() -> None:
    """SIGTERM and SIGHUP end the process as an exception would: every ``with`` and
    ``finally`` runs, so temporary files holding ID images are removed (main thread only)."""
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                signal.signal(sig, _exit)
