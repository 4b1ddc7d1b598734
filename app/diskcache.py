"""Results of slow, deterministic parses kept on disk between processes: reportlab's parse of
the CJK font (app/pdf/fontcache.py), python-stdnum's table of Chinese region codes
(app/appeal/regions.py). Each costs tens of milliseconds in every process that needs it, and
depends only on a file and a library version (bench/startup).

Values are builtin types only, marshalled: exact, fast to load, and loading makes data, never
runs code (unlike pickle); the files are the user's own, in their cache folder. One kind holds
code objects (app/startup.py keeps the code dataclasses generate), which the app then runs: it is
trusted as Python's own byte-code caches are, and its folder is made private. An entry lives
in one file per ``slot`` (one per font file, one table), which holds the full key: a changed
input or library version finds a key that differs, parses again and replaces the entry, so the
cache never grows with updates and never answers for another key.
Everything here is best effort: a missing, damaged or unwritable cache means the work is done
again, never an error.
"""

from __future__ import annotations

import gc
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

from app.lazylog import LazyLogger

# logging is imported only when something is logged (app/lazylog.py): a bundle's start reads
# the cache and logs nothing.
log = LazyLogger(__name__)

CACHE_ENV = "WECOM_APPEAL_CACHE"  # another folder for the cache; "off" turns it off
_MAGIC = b"WAC1"
_PLAIN = (int, float, str, bytes, bool, type(None))


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_cache_dir("wecom-appeal", appauthor=False))


def plain(value: Any) -> bool:
    """Whether marshal stores ``value`` exactly: builtin types only, no subclasses."""
    kind = type(value)
    if kind in _PLAIN:
        return True
    if kind in (list, tuple):
        return all(plain(item) for item in value)
    if kind is dict:
        return all(plain(k) and plain(v) for k, v in value.items())
    return False


def _file(kind: str, slot: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / kind / f"{zlib.crc32(slot.encode()):08x}.bin"


def load(kind: str, slot: str, key: str) -> Any | None:
    """The value stored in ``slot`` under ``key``, None when there is none (or it is another
    key's, or unusable)."""
    file = _file(kind, slot)
    if file is None:
        return None
    try:
        blob = file.read_bytes()
    except OSError:
        return None
    if blob[:4] != _MAGIC:
        return None
    # Hundreds of thousands of new objects, none of them garbage: the collector's passes would
    # double the time it takes to make them.
    enabled = gc.isenabled()
    gc.disable()
    try:
        stored_key, value = marshal.loads(blob[4:])
    except Exception:  # damaged, or written by another Python: done again and replaced
        log.debug("cache file %s is unusable", file, exc_info=True)
        return None
    finally:
        if enabled:
            gc.enable()
    return value if stored_key == key else None


def store(kind: str, slot: str, key: str, value: Any, *, checked: bool = False) -> bool:
    """Keep ``value`` (builtin types only; ``checked``: the caller made sure) in ``slot`` under
    ``key``, replacing what the slot held; False when it was not stored."""
    file = _file(kind, slot)
    if file is None:
        return False
    if not checked and not plain(value):
        log.info("not cached (%s): a value of a type the cache does not store", kind)
        return False
    import secrets  # here, not at the top: every process reads the cache, few write it

    blob = _MAGIC + marshal.dumps((key, value))
    try:
        file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = file.with_name(f".{file.name}.{secrets.token_hex(4)}.part")
        try:  # written beside it and renamed: a reader never sees half a file
            with open(tmp, "wb") as f:
                f.write(blob)
            os.replace(tmp, file)
        finally:
            tmp.unlink(missing_ok=True)
    except OSError:
        log.info("cannot write the cache in %s", file.parent, exc_info=True)
        return False
    return True
