"""Encrypted export archives: a whole workspace or one case, for backup and transfer.

File layout: ``MAGIC``, a 4-byte big-endian header length, the JSON header (KDF parameters,
nonce, a passphrase check value), then AES-GCM ciphertext of a zip whose associated data is
everything before it, so a changed header or payload fails authentication. The zip holds
plaintext records and document bytes; it exists only in memory, and import re-encrypts
everything under the destination vault.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import json
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.store.atomic import write_atomic
from app.store.errors import ArchiveError
from app.store.vault import (
    SCRYPT_MAX_N,
    SCRYPT_MAX_P,
    SCRYPT_MAX_R,
    SCRYPT_MIN_N,
    SCRYPT_N,
    check_scrypt_params,
)

MAGIC = b"WECOM-APPEAL-ARCHIVE\x00"
MAX_HEADER = 4096
MAX_UNPACKED = 2 * 1024**3
# One entry: a document's bytes (app.store.documents.MAX_DOCUMENT_BYTES) or a JSON record list.
MAX_ENTRY_BIN = 64 * 1024 * 1024
MAX_ENTRY_JSON = 64 * 1024 * 1024
# Names an archive may contain; everything is matched whole, so no "..", no absolute paths.
ENTRY_NAME = re.compile(
    r"^(manifest|profile|members|violations|audits)\.json$"
    r"|^cases/[0-9a-f]{12}\.json$"
    r"|^documents/[0-9a-f]{32}\.(json|bin)$"
    r"|^audit_evidence/[0-9a-f]{32}\.(json|bin)$"
    r"|^enterprise_documents/[0-9a-f]{32}\.(json|bin)$")


class ArchiveHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["wecom-appeal-archive"] = "wecom-appeal-archive"
    version: Literal[1] = 1
    kind: Literal["workspace", "case"]
    created: str
    salt: str
    n: int = Field(ge=SCRYPT_MIN_N, le=SCRYPT_MAX_N)
    r: int = Field(ge=1, le=SCRYPT_MAX_R)
    p: int = Field(ge=1, le=SCRYPT_MAX_P)
    nonce: str
    check: str = Field(description="Tells a wrong passphrase from a tampered archive.")

    @model_validator(mode="after")
    def _bounded(self) -> ArchiveHeader:
        # Checked before any key is derived: no passphrase is needed to make an edited
        # header cost gigabytes, so the header is refused first.
        check_scrypt_params(self.n, self.r, self.p)
        return self


def _keys(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    import unicodedata

    material = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(
        unicodedata.normalize("NFC", passphrase).encode("utf-8"))
    key, mac_key = material[:32], material[32:]
    return key, hmac.new(mac_key, b"wecom-appeal archive passphrase check", hashlib.sha256
                         ).digest()[:16]


def seal(payload: bytes, passphrase: str, kind: Literal["workspace", "case"], created: str, *,
         scrypt_n: int = SCRYPT_N) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _keys(passphrase, salt, scrypt_n, 8, 1)
    header = ArchiveHeader(kind=kind, created=created, salt=base64.b64encode(salt).decode(),
                           n=scrypt_n, r=8, p=1, nonce=base64.b64encode(nonce).decode(),
                           check=base64.b64encode(check).decode())
    header_bytes = header.model_dump_json().encode()
    prefix = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes
    return prefix + AESGCM(key).encrypt(nonce, payload, prefix)


def _parse_header(data: bytes) -> tuple[ArchiveHeader, int]:
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise ArchiveError("not a WeCom Appeal archive")
    (length,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    if length > MAX_HEADER:
        raise ArchiveError("archive header is damaged (too long)")
    end = len(MAGIC) + 4 + length
    try:
        return ArchiveHeader.model_validate_json(data[len(MAGIC) + 4:end]), end
    except (ValidationError, ValueError) as exc:
        raise ArchiveError("archive header is damaged or from an unknown version") from exc


def peek_header(path: Path) -> ArchiveHeader:
    """The header of the archive at ``path``, checked (format, KDF bounds) without the
    passphrase and without reading the rest: a foreign file is refused before the workspace
    is touched."""
    with open(path, "rb") as f:
        return _parse_header(f.read(len(MAGIC) + 4 + MAX_HEADER))[0]


def open_sealed(data: bytes, passphrase: str) -> tuple[ArchiveHeader, bytes]:
    """Authenticate and decrypt; ArchiveError for foreign, tampered or wrongly keyed files."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
        raise ArchiveError("not a WeCom Appeal archive")
    (length,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    if length > MAX_HEADER:
        raise ArchiveError("archive header is damaged (too long)")
    end = len(MAGIC) + 4 + length
    try:
        header = ArchiveHeader.model_validate_json(data[len(MAGIC) + 4:end])
        salt, nonce = base64.b64decode(header.salt), base64.b64decode(header.nonce)
        check = base64.b64decode(header.check)
    except (ValidationError, ValueError) as exc:
        raise ArchiveError("archive header is damaged or from an unknown version") from exc
    key, expected = _keys(passphrase, salt, header.n, header.r, header.p)
    if not hmac.compare_digest(check, expected):
        raise ArchiveError("wrong passphrase for this archive (or its header was altered)")
    try:
        return header, AESGCM(key).decrypt(nonce, data[end:], data[:end])
    except InvalidTag as exc:
        raise ArchiveError("the archive was altered or is damaged: it fails authentication; "
                           "nothing was imported") from exc


def write_archive(path: Path, sealed: bytes) -> None:
    write_atomic(path, sealed)


def pack(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def unpack(payload: bytes) -> dict[str, bytes]:
    """The zip's entries, after checking every name: nothing can land outside the workspace."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(payload))
    except zipfile.BadZipFile as exc:
        raise ArchiveError("the archive's content is not a zip") from exc
    entries: dict[str, bytes] = {}
    total = 0
    with zf:
        for info in zf.infolist():
            name = info.filename
            mode = info.external_attr >> 16
            if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
                raise ArchiveError(f"archive entry {name!r} has an absolute path")
            if ".." in re.split(r"[/\\]", name):
                raise ArchiveError(f"archive entry {name!r} points outside the workspace")
            if stat.S_ISLNK(mode):
                raise ArchiveError(f"archive entry {name!r} is a symbolic link")
            if info.is_dir() or not ENTRY_NAME.match(name):
                raise ArchiveError(f"archive entry {name!r} is not part of a WeCom Appeal "
                                   "export")
            if name in entries:
                raise ArchiveError(f"archive entry {name!r} appears twice")
            cap = MAX_ENTRY_BIN if name.endswith(".bin") else MAX_ENTRY_JSON
            if info.file_size > cap:
                raise ArchiveError(f"archive entry {name!r} is larger than this app ever writes")
            total += info.file_size
            if total > MAX_UNPACKED:
                raise ArchiveError("the archive unpacks to more than 2 GiB")
            try:  # read no more than the cap, whatever the entry's header claims
                with zf.open(info) as member:
                    data = member.read(cap + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
                raise ArchiveError(f"archive entry {name!r} is damaged") from exc
            if len(data) > cap:
                raise ArchiveError(f"archive entry {name!r} is larger than this app ever writes")
            entries[name] = data
    return entries


def load_json(entries: dict[str, bytes], name: str) -> object:
    try:
        return json.loads(entries[name])
    except KeyError as exc:
        raise ArchiveError(f"the archive has no {name}") from exc
    except json.JSONDecodeError as exc:
        raise ArchiveError(f"{name} in the archive is not valid JSON") from exc


# Format 2: streamed ---------------------------------------------------------------------------
# Version 1 sealed one zip in memory, so exporting a 261 MB workspace took 1.1 GB and importing
# it 0.8 GB. Version 2 is written and read as a stream of authenticated frames, so memory holds
# one document at a time, whatever the size of the workspace:
#
#   MAGIC_V2, header length (4 bytes), header JSON (as version 1, plus the frame size)
#   frames: length (4 bytes) + AES-GCM(plaintext slice); the nonce is the header's nonce with
#   the frame number added, and the associated data binds the whole prefix (magic + header),
#   the frame number and whether it is the last frame: a reordered, dropped, truncated or
#   appended frame fails authentication.
#
# The plaintext is a sequence of entries: name length (2 bytes), name, size (8 bytes), bytes.
# Names follow ENTRY_NAME and the same per-entry caps as version 1.

MAGIC_V2 = b"WECOM-APPEAL-ARCHIVE\x02"
FRAME = 1024 * 1024


class StreamHeader(ArchiveHeader):
    version: Literal[2] = 2  # type: ignore[assignment]
    frame: int = Field(default=FRAME, ge=4096, le=16 * 1024 * 1024)


def _frame_nonce(base: bytes, number: int) -> bytes:
    value = (int.from_bytes(base, "big") + number) % (1 << 96)
    return value.to_bytes(12, "big")


def _frame_aad(prefix_hash: bytes, number: int, last: bool) -> bytes:
    return prefix_hash + struct.pack(">QB", number, 1 if last else 0)


class StreamWriter:
    """Write a version-2 archive to ``out`` (an open binary file), entry by entry."""

    def __init__(self, out: io.BufferedIOBase, passphrase: str,
                 kind: Literal["workspace", "case"], created: str, *,
                 scrypt_n: int = SCRYPT_N) -> None:
        salt, nonce = os.urandom(16), os.urandom(12)
        key, check = _keys(passphrase, salt, scrypt_n, 8, 1)
        header = StreamHeader(kind=kind, created=created, salt=base64.b64encode(salt).decode(),
                              n=scrypt_n, r=8, p=1, nonce=base64.b64encode(nonce).decode(),
                              check=base64.b64encode(check).decode())
        header_bytes = header.model_dump_json().encode()
        prefix = MAGIC_V2 + struct.pack(">I", len(header_bytes)) + header_bytes
        out.write(prefix)
        self._out = out
        self._aead = AESGCM(key)
        self._nonce = nonce
        self._prefix_hash = hashlib.sha256(prefix).digest()
        self._frame = header.frame
        self._buffer = bytearray()
        self._number = 0
        self._names: set[str] = set()

    def _emit(self, data: bytes, last: bool) -> None:
        sealed = self._aead.encrypt(_frame_nonce(self._nonce, self._number), data,
                                    _frame_aad(self._prefix_hash, self._number, last))
        self._out.write(struct.pack(">I", len(sealed)) + sealed)
        self._number += 1

    def _write(self, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) > self._frame:  # keep one frame back for "last"
            self._emit(bytes(self._buffer[:self._frame]), last=False)
            del self._buffer[:self._frame]

    def add(self, name: str, data: bytes) -> None:
        if not ENTRY_NAME.match(name) or name in self._names:
            raise ArchiveError(f"archive entry {name!r} is not part of a WeCom Appeal export")
        self._names.add(name)
        raw = name.encode()
        self._write(struct.pack(">H", len(raw)) + raw + struct.pack(">Q", len(data)))
        for start in range(0, len(data), self._frame):
            self._write(data[start:start + self._frame])

    def close(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()


class _Frames:
    """The plaintext of a version-2 archive, frame by frame, each authenticated before use."""

    def __init__(self, source: io.BufferedIOBase, header: StreamHeader, key: bytes,
                 prefix: bytes) -> None:
        self._source = source
        self._aead = AESGCM(key)
        self._nonce = base64.b64decode(header.nonce)
        self._prefix_hash = hashlib.sha256(prefix).digest()
        self._limit = header.frame + 16
        self._number = 0
        self._buffer = bytearray()
        self._done = False

    def _next_frame(self) -> bool:
        if self._done:
            return False
        head = self._source.read(4)
        if len(head) != 4:
            raise ArchiveError("the archive was altered or is damaged: it ends too early; "
                               "nothing was imported")
        (length,) = struct.unpack(">I", head)
        if length > self._limit or length < 16:
            raise ArchiveError("the archive was altered or is damaged: a frame has a wrong "
                               "length; nothing was imported")
        sealed = self._source.read(length)
        if len(sealed) != length:
            raise ArchiveError("the archive was altered or is damaged: it ends too early; "
                               "nothing was imported")
        nonce = _frame_nonce(self._nonce, self._number)
        for last in (False, True):
            try:
                plain = self._aead.decrypt(nonce, sealed,
                                           _frame_aad(self._prefix_hash, self._number, last))
            except InvalidTag:
                continue
            self._number += 1
            self._buffer += plain
            if last:
                self._done = True
                if self._source.read(1):
                    raise ArchiveError("the archive was altered or is damaged: data after its "
                                       "end; nothing was imported")
            return True
        raise ArchiveError("the archive was altered or is damaged: it fails authentication; "
                           "nothing was imported")

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size and self._next_frame():
            pass
        if len(self._buffer) < size:
            raise ArchiveError("the archive was altered or is damaged: an entry is cut short; "
                               "nothing was imported")
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def at_end(self) -> bool:
        while not self._buffer and self._next_frame():
            pass
        return not self._buffer


def is_stream(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(len(MAGIC_V2)) == MAGIC_V2


def read_stream(source: io.BufferedIOBase, passphrase: str
                ) -> tuple[StreamHeader, Iterator[tuple[str, bytes]]]:
    """Check a version-2 archive's header and passphrase; then its entries one at a time
    (name, bytes), each name and size checked as version 1 checks them. A damaged or altered
    frame raises ArchiveError when it is reached: the caller undoes what it did."""
    head = source.read(len(MAGIC_V2) + 4)
    if not head.startswith(MAGIC_V2) or len(head) < len(MAGIC_V2) + 4:
        raise ArchiveError("not a WeCom Appeal archive")
    (length,) = struct.unpack(">I", head[len(MAGIC_V2):])
    if length > MAX_HEADER:
        raise ArchiveError("archive header is damaged (too long)")
    raw = source.read(length)
    try:
        header = StreamHeader.model_validate_json(raw)
        salt, check = base64.b64decode(header.salt), base64.b64decode(header.check)
    except (ValidationError, ValueError) as exc:
        raise ArchiveError("archive header is damaged or from an unknown version") from exc
    key, expected = _keys(passphrase, salt, header.n, header.r, header.p)
    if not hmac.compare_digest(check, expected):
        raise ArchiveError("wrong passphrase for this archive (or its header was altered)")
    frames = _Frames(source, header, key, head + raw)

    def entries() -> Iterator[tuple[str, bytes]]:
        seen: set[str] = set()
        total = 0
        while not frames.at_end():
            (size,) = struct.unpack(">H", frames.read(2))
            try:
                name = frames.read(size).decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ArchiveError("an archive entry has a damaged name") from exc
            if not ENTRY_NAME.match(name):
                raise ArchiveError(f"archive entry {name!r} is not part of a WeCom Appeal "
                                   "export")
            if name in seen:
                raise ArchiveError(f"archive entry {name!r} appears twice")
            seen.add(name)
            (length,) = struct.unpack(">Q", frames.read(8))
            cap = MAX_ENTRY_BIN if name.endswith(".bin") else MAX_ENTRY_JSON
            if length > cap:
                raise ArchiveError(f"archive entry {name!r} is larger than this app ever writes")
            total += length
            if total > MAX_UNPACKED:
                raise ArchiveError("the archive unpacks to more than 2 GiB")
            yield name, frames.read(length)
    return header, entries()


def peek_any_header(path: Path) -> ArchiveHeader:
    """:func:`peek_header` for either format."""
    with open(path, "rb") as f:
        head = f.read(len(MAGIC_V2) + 4 + MAX_HEADER)
    if head.startswith(MAGIC_V2):
        (length,) = struct.unpack(">I", head[len(MAGIC_V2):len(MAGIC_V2) + 4])
        if length > MAX_HEADER:
            raise ArchiveError("archive header is damaged (too long)")
        try:
            return StreamHeader.model_validate_json(head[len(MAGIC_V2) + 4:
                                                         len(MAGIC_V2) + 4 + length])
        except (ValidationError, ValueError) as exc:
            raise ArchiveError("archive header is damaged or from an unknown version") from exc
    return _parse_header(head)[0]
