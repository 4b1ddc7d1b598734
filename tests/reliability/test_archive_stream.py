"""Archive format 2 (issue 13, item 9): written and read as a stream of authenticated frames,
so export and import hold one document in memory; every frame is bound to its place."""

from __future__ import annotations

import io
import struct

import pytest

from app.store import archive
from app.store.errors import ArchiveError

PASSPHRASE = "archive passphrase"
ENTRIES = {"manifest.json": b"{}", "members.json": b"[]",
           "documents/" + "a" * 32 + ".bin": bytes(range(256)) * 20_000}


def _sealed(frame: int = 4096) -> bytes:
    out = io.BytesIO()
    writer = archive.StreamWriter(out, PASSPHRASE, "workspace", "2026-01-01", scrypt_n=2**14)
    writer._frame = frame  # small frames: many of them
    for name, data in ENTRIES.items():
        writer.add(name, data)
    writer.close()
    return out.getvalue()


def _read(data: bytes, passphrase: str = PASSPHRASE) -> dict[str, bytes]:
    _, entries = archive.read_stream(io.BytesIO(data), passphrase)
    return dict(entries)


def _frames(data: bytes) -> tuple[int, list[tuple[int, int]]]:
    """Where the frames start and end (after the header)."""
    length = struct.unpack(">I", data[len(archive.MAGIC_V2):len(archive.MAGIC_V2) + 4])[0]
    at = start = len(archive.MAGIC_V2) + 4 + length
    spans = []
    while at < len(data):
        (size,) = struct.unpack(">I", data[at:at + 4])
        spans.append((at, at + 4 + size))
        at += 4 + size
    return start, spans


def test_round_trip_in_many_frames():
    data = _sealed()
    assert _read(data) == ENTRIES
    assert len(_frames(data)[1]) > 100


@pytest.mark.parametrize("change", ["drop-last", "drop-middle", "swap", "append", "flip",
                                    "truncate"])
def test_any_change_to_the_frames_is_refused(change):
    data = bytearray(_sealed())
    _, spans = _frames(bytes(data))
    if change == "drop-last":
        del data[spans[-1][0]:]
    elif change == "drop-middle":
        del data[spans[5][0]:spans[5][1]]
    elif change == "swap":
        a, b = bytes(data[slice(*spans[3])]), bytes(data[slice(*spans[4])])
        data[spans[3][0]:spans[4][1]] = b + a
    elif change == "append":
        data += data[slice(*spans[-1])]
    elif change == "flip":
        data[spans[7][0] + 40] ^= 1
    else:
        del data[len(data) - 10:]
    with pytest.raises(ArchiveError, match=r"altered|damaged"):
        _read(bytes(data))


def test_wrong_passphrase_is_told_apart_before_any_frame():
    with pytest.raises(ArchiveError, match="wrong passphrase"):
        archive.read_stream(io.BytesIO(_sealed()), "not the passphrase")


def test_a_name_outside_the_export_is_refused_at_write_and_read():
    writer = archive.StreamWriter(io.BytesIO(), PASSPHRASE, "workspace", "x", scrypt_n=2**14)
    with pytest.raises(ArchiveError):
        writer.add("../../evil", b"x")
