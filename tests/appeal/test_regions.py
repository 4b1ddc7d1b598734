"""stdnum's region table from the disk cache (app/appeal/regions.py): the same table stdnum
parses itself, so resident ID checks give the same answers. Fails when stdnum changes how it
keeps its tables (``numdb._open_databases``, ``NumDB.prefixes``), which the cache relies on."""

from __future__ import annotations

import pytest
from stdnum import numdb
from stdnum.cn import ric

from app import diskcache
from app.appeal import regions
from app.appeal.checks import check_resident_id

from .samples import make_ric


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A process that has not read the table yet, with its own cache folder."""
    monkeypatch.setenv(diskcache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.delitem(numdb._open_databases, regions.DATABASE, raising=False)
    regions.prime.cache_clear()
    yield tmp_path / "cache" / "stdnum"
    regions.prime.cache_clear()
    numdb._open_databases.pop(regions.DATABASE, None)


def _forget(monkeypatch) -> None:
    monkeypatch.delitem(numdb._open_databases, regions.DATABASE, raising=False)
    regions.prime.cache_clear()


def test_cached_table_is_stdnums_own(fresh, monkeypatch):
    regions.prime()  # stdnum parses, the table is stored
    parsed = numdb._open_databases[regions.DATABASE]
    assert len(list(fresh.glob("*.bin"))) == 1
    _forget(monkeypatch)
    monkeypatch.setattr(numdb, "read", lambda fp: pytest.fail("parsed again, not loaded"))
    regions.prime()  # from the cache
    loaded = numdb._open_databases[regions.DATABASE]
    assert loaded is not parsed and type(loaded) is numdb.NumDB
    assert loaded.prefixes == parsed.prefixes
    for code in ("110105", "440305", "310101", "999999", "000000", "469027"):
        assert loaded.info(code) == parsed.info(code)


def test_checks_answer_the_same_from_the_cache(fresh, monkeypatch):
    good, unknown_region = make_ric(), make_ric("999999", "19800214", "123")
    before = [check_resident_id(n, "id") for n in (good, unknown_region)]
    _forget(monkeypatch)
    regions.prime()
    after = [check_resident_id(n, "id") for n in (good, unknown_region)]
    assert after == before
    assert after[0] == [] and "region code" in after[1][0].message.en
    assert ric.get_birth_place(good)["county"]


def test_a_damaged_cache_is_read_again(fresh, monkeypatch):
    regions.prime()
    (stored,) = fresh.glob("*.bin")
    stored.write_bytes(stored.read_bytes()[:100])
    _forget(monkeypatch)
    regions.prime()
    assert numdb._open_databases[regions.DATABASE].info("110105")[0][1]
    assert len(stored.read_bytes()) > 100  # replaced by a whole one
