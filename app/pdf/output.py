"""Writing a finished PDF: all of it or nothing, never a half-written file in its place."""

from __future__ import annotations

import io
import os
import secrets
from pathlib import Path


def write_atomic(out: str | os.PathLike[str] | io.BytesIO, data: bytes) -> None:
    """Write ``data`` to ``out``: through a temporary file beside it, flushed to disk and then
    renamed over the target, so a crash or a full disk leaves the previous file as it was.
    An in-memory buffer gets the bytes directly."""
    if isinstance(out, io.BytesIO):
        out.write(data)
        return
    path = Path(out)
    # A fresh name, created exclusively and owner-only (the PDF may hold ID images): never a
    # link planted under a known name, never readable by others while it is written.
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                 | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
