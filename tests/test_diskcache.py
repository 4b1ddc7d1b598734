"""The on-disk cache of slow parses (app/diskcache.py): one entry per slot, found only under
its own key, replaced when the key changes; off, damaged or unwritable means no entry."""

from __future__ import annotations

from app import diskcache


def test_an_entry_is_found_under_its_key_and_replaced_under_another(tmp_path, monkeypatch):
    monkeypatch.setenv(diskcache.CACHE_ENV, str(tmp_path))
    value = {"glyphs": [1, 2.5, (3, 4)], "name": b"x", "none": None}
    assert diskcache.load("t", "slot", "v1") is None
    assert diskcache.store("t", "slot", "v1", value)
    assert diskcache.load("t", "slot", "v1") == value
    assert diskcache.load("t", "slot", "v2") is None  # another key: no answer
    assert diskcache.store("t", "slot", "v2", [7])
    assert diskcache.load("t", "slot", "v2") == [7] and diskcache.load("t", "slot", "v1") is None
    assert len(list((tmp_path / "t").iterdir())) == 1


def test_only_builtin_types_are_stored(tmp_path, monkeypatch):
    monkeypatch.setenv(diskcache.CACHE_ENV, str(tmp_path))

    class Name(bytes):
        pass

    assert not diskcache.store("t", "slot", "k", [Name(b"subclass")])
    assert not diskcache.store("t", "slot", "k", {"f": len})
    assert diskcache.load("t", "slot", "k") is None


def test_off_damaged_and_unwritable(tmp_path, monkeypatch):
    monkeypatch.setenv(diskcache.CACHE_ENV, "off")
    assert diskcache.cache_dir() is None and not diskcache.store("t", "s", "k", 1)
    monkeypatch.setenv(diskcache.CACHE_ENV, str(tmp_path))
    assert diskcache.store("t", "s", "k", list(range(1000)))
    (entry,) = (tmp_path / "t").iterdir()
    entry.write_bytes(entry.read_bytes()[:50])
    assert diskcache.load("t", "s", "k") is None
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    monkeypatch.setenv(diskcache.CACHE_ENV, str(blocked))
    assert not diskcache.store("t", "s", "k", 1) and diskcache.load("t", "s", "k") is None
