"""Writing a finished PDF: all of it or nothing, never a half-written file in its place."""

from __future__ import annotations

import io
import os
from pathlib import Path


def write_atomic(out: str | os.PathLike[str] | io.BytesIO, data: bytes) -> None:
    """Write ``data`` to ``out``: through a temporary file beside it, flushed to disk and then
    renamed over the target, so a crash or a full disk leaves the previous file as it was.
    An in-memory buffer gets the bytes directly."""
    if isinstance(out, io.BytesIO):
        out.write(data)
        return
    path = Path(out)
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
