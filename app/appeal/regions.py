"""python-stdnum's table of Chinese region codes, kept on disk between processes.

Checking a resident ID number (``stdnum.cn.ric.validate``) looks its first six digits up in
stdnum's region table, which stdnum parses from a 240 kB text file on the first check of every
process: about 25 ms, more than the rest of the profile's validation (bench/startup). The parsed
table depends only on that file, so it is kept in the user's cache (app/diskcache.py) and handed
to stdnum's own table cache (``stdnum.numdb``) before the first check. Nothing is looked up here:
stdnum does the checks as before, on the table it would have parsed itself.
tests/appeal/test_regions.py compares the two and fails when stdnum changes how it keeps them.
"""

from __future__ import annotations

import functools
from pathlib import Path

from app import diskcache

DATABASE = "cn/loc"  # stdnum's name of the region table
FORMAT = 1


def _source() -> Path:
    import stdnum.cn

    return Path(stdnum.cn.__file__).with_name("loc.dat")


def _key() -> str:
    import stdnum

    source = _source()
    stat = source.stat()
    return (f"{source}|{stat.st_size}|{stat.st_mtime_ns}|stdnum {stdnum.__version__}|"
            f"{FORMAT}")


@functools.cache
def prime() -> None:
    """Give stdnum its region table from the cache, or let it parse the table and store it.
    Once per process, before the first resident ID check."""
    from stdnum import numdb

    if DATABASE in numdb._open_databases or diskcache.cache_dir() is None:
        return
    try:
        key = _key()
    except OSError:  # a frozen build without the file as such: stdnum reads its own resource
        return
    prefixes = diskcache.load("stdnum", DATABASE, key)
    if isinstance(prefixes, list):
        db = numdb.NumDB()
        db.prefixes = prefixes
        numdb._open_databases.setdefault(DATABASE, db)
        return
    diskcache.store("stdnum", DATABASE, key, numdb.get(DATABASE).prefixes)
