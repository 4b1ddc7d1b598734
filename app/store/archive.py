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
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.store.atomic import write_atomic
from app.store.errors import ArchiveError
from app.store.vault import SCRYPT_N

MAGIC = b"WECOM-APPEAL-ARCHIVE\x00"
MAX_HEADER = 4096
MAX_UNPACKED = 2 * 1024**3
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
    n: int = Field(ge=2**14, le=2**20)
    r: int = Field(ge=1, le=16)
    p: int = Field(ge=1, le=4)
    nonce: str
    check: str = Field(description="Tells a wrong passphrase from a tampered archive.")


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
            total += info.file_size
            if total > MAX_UNPACKED:
                raise ArchiveError("the archive unpacks to more than 2 GiB")
            entries[name] = zf.read(info)
    return entries


def load_json(entries: dict[str, bytes], name: str) -> object:
    try:
        return json.loads(entries[name])
    except KeyError as exc:
        raise ArchiveError(f"the archive has no {name}") from exc
    except json.JSONDecodeError as exc:
        raise ArchiveError(f"{name} in the archive is not valid JSON") from exc
