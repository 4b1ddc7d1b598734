"""The vault: document bytes and identity numbers encrypted at rest under a random data key.

- The 256-bit data key encrypts with AES-GCM; the associated data binds every ciphertext to the
  record it belongs to (``document:<id>``, ``profile:legal_person.id_number``), so a blob moved
  to another record fails authentication instead of decrypting.
- The data key itself is stored only wrapped (AES-GCM) by a key-encryption key (KEK) that lives
  either in the OS keyring or is derived from a passphrase with scrypt. Changing the passphrase
  or moving to the keyring re-wraps the data key and touches no document.
- ``vault.json`` holds the wrapped key and the KDF parameters; it is written atomically and is
  itself authenticated (its fields are the associated data of the wrapped key).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import unicodedata
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from app.store.atomic import fsync_dir, write_atomic
from app.store.errors import VaultCorrupt, VaultError, VaultLocked, WrongPassphrase
from app.store.keystore import KeyringStore
from app.store.paths import BLOB_DIR_NAME, VAULT_HEADER_NAME

# OWASP's floor for scrypt (N=2^17, r=8, p=1): about 0.4 s and 128 MiB once per unlock.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8
_BLOB_MAGIC = b"WAV1"
MAX_HEADER_BYTES = 64 * 1024
_NONCE = 12


# Bounds on scrypt parameters read from a file (vault.json, an archive header): checked before
# any key is derived, so an edited file cannot make the app spend gigabytes or minutes before
# "wrong passphrase". The app writes n = 2^17, r = 8, p = 1 (128 MiB, ~0.4 s); up to twice that
# work and 256 MiB is accepted.
SCRYPT_MIN_N = 2**14
SCRYPT_MAX_N = 2**18
SCRYPT_MAX_R = 8
SCRYPT_MAX_P = 2
SCRYPT_MAX_MEMORY = 256 * 1024 * 1024
SCRYPT_MAX_WORK = 2 * SCRYPT_N * SCRYPT_R * SCRYPT_P


def check_scrypt_params(n: int, r: int, p: int) -> None:
    """ValueError unless (n, r, p) are within the bounds above."""
    if n < SCRYPT_MIN_N or n > SCRYPT_MAX_N or n & (n - 1):
        raise ValueError(f"scrypt n = {n} is outside 2^14..2^18 (a power of two)")
    if not 1 <= r <= SCRYPT_MAX_R or not 1 <= p <= SCRYPT_MAX_P:
        raise ValueError(f"scrypt r = {r}, p = {p} are outside r 1..{SCRYPT_MAX_R}, "
                         f"p 1..{SCRYPT_MAX_P}")
    if 128 * n * r > SCRYPT_MAX_MEMORY or n * r * p > SCRYPT_MAX_WORK:
        raise ValueError(f"scrypt n = {n}, r = {r}, p = {p} would need more memory or time "
                         "than this app ever asks for")


class ScryptKek(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["passphrase"] = "passphrase"
    kdf: Literal["scrypt"] = "scrypt"
    salt: str
    n: int = Field(ge=SCRYPT_MIN_N, le=SCRYPT_MAX_N)
    r: int = Field(ge=1, le=SCRYPT_MAX_R)
    p: int = Field(ge=1, le=SCRYPT_MAX_P)

    @model_validator(mode="after")
    def _bounded(self) -> ScryptKek:
        check_scrypt_params(self.n, self.r, self.p)
        return self


class KeyringKek(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["keyring"] = "keyring"
    service: str
    entry: str
    backend: str = Field(description="Where the key was put, for messages only.")


class VaultHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["wecom-appeal-vault"] = "wecom-appeal-vault"
    version: Literal[1] = 1
    vault_id: str = Field(pattern=r"^[0-9a-f]{32}$")
    kek: ScryptKek | KeyringKek = Field(discriminator="kind")
    wrapped_key: str

    def wrap_aad(self) -> bytes:
        fields = self.model_dump(exclude={"wrapped_key"})
        if fields["kek"]["kind"] == "keyring":
            fields["kek"].pop("backend")  # informational; may be renamed by a keyring upgrade
        return b"wecom-appeal vault key|" + json.dumps(fields, sort_keys=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC: the same passphrase typed on two systems must give the same key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_kek(passphrase: str, kek: ScryptKek) -> bytes:
    return Scrypt(salt=_unb64(kek.salt), length=32, n=kek.n, r=kek.r, p=kek.p).derive(
        _passphrase_bytes(passphrase))


def blob_path(root: Path, blob_id: str) -> Path:
    """Where blob ``blob_id`` lives; ids are 32 hex digits, so never outside ``root``."""
    if len(blob_id) != 32 or any(c not in "0123456789abcdef" for c in blob_id):
        raise VaultCorrupt(f"invalid blob id {blob_id!r}")
    return root / BLOB_DIR_NAME / blob_id[:2] / blob_id


def header_path(root: Path) -> Path:
    return root / VAULT_HEADER_NAME


def vault_exists(root: Path) -> bool:
    return header_path(root).exists()


def read_header(root: Path) -> VaultHeader:
    path = header_path(root)
    try:
        if path.stat().st_size > MAX_HEADER_BYTES:
            raise VaultCorrupt(f"{path}: not a valid vault header (too large)")
        return VaultHeader.model_validate_json(path.read_bytes())
    except FileNotFoundError as exc:
        raise VaultLocked(f"no vault in {root} yet: run 'wecom-appeal vault init'") from exc
    except ValidationError as exc:
        raise VaultCorrupt(f"{path}: not a valid vault header ({exc.error_count()} "
                           "problems)") from exc


def _wrap(header: VaultHeader, kek: bytes, data_key: bytes) -> VaultHeader:
    nonce = os.urandom(_NONCE)
    draft = header.model_copy(update={"wrapped_key": ""})
    sealed = AESGCM(kek).encrypt(nonce, data_key, draft.wrap_aad())
    return header.model_copy(update={"wrapped_key": _b64(nonce + sealed)})


def _unwrap(header: VaultHeader, kek: bytes) -> bytes:
    raw = _unb64(header.wrapped_key)
    return AESGCM(kek).decrypt(raw[:_NONCE], raw[_NONCE:], header.wrap_aad())


def _scrypt_kek(n: int) -> ScryptKek:
    return ScryptKek(salt=_b64(os.urandom(16)), n=n, r=SCRYPT_R, p=SCRYPT_P)


def _check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise VaultError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")


class Vault:
    """An unlocked vault: the data key in memory, the blobs under ``root/blobs``."""

    def __init__(self, root: Path, header: VaultHeader, data_key: bytes) -> None:
        self.root = root
        self.header = header
        self._aead = AESGCM(data_key)
        self._data_key = data_key

    @property
    def key_location(self) -> str:
        kek = self.header.kek
        if isinstance(kek, KeyringKek):
            return f"the system keyring: {kek.backend}, entry '{kek.service}/{kek.entry}'"
        return "a passphrase (scrypt) that only you know"

    # Ciphertext for database fields and blobs ----------------------------------------------

    def encrypt(self, plaintext: bytes, context: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return _BLOB_MAGIC + nonce + self._aead.encrypt(nonce, plaintext, context.encode())

    def decrypt(self, blob: bytes, context: str) -> bytes:
        if blob[:4] != _BLOB_MAGIC:
            raise VaultCorrupt(f"{context}: not a vault ciphertext")
        try:
            return self._aead.decrypt(blob[4:4 + _NONCE], blob[4 + _NONCE:], context.encode())
        except InvalidTag as exc:
            raise VaultCorrupt(f"{context}: fails authentication (altered, moved from another "
                               "record, or from another workspace)") from exc

    def encrypt_text(self, text: str, context: str) -> bytes:
        return self.encrypt(text.encode("utf-8"), context)

    def decrypt_text(self, blob: bytes, context: str) -> str:
        return self.decrypt(blob, context).decode("utf-8")

    # Blob files ------------------------------------------------------------------------------

    def _blob_path(self, blob_id: str) -> Path:
        return blob_path(self.root, blob_id)

    def put_blob(self, data: bytes, context: str) -> str:
        """Encrypt ``data`` into a new file named by a random id; return the id."""
        blob_id = secrets.token_hex(16)
        path = self._blob_path(blob_id)
        created = not path.parent.exists()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if created:
            fsync_dir(path.parent.parent)
        write_atomic(path, self.encrypt(data, context))
        return blob_id

    def get_blob(self, blob_id: str, context: str) -> bytes:
        try:
            blob = self._blob_path(blob_id).read_bytes()
        except FileNotFoundError as exc:
            raise VaultCorrupt(f"{context}: its encrypted file is missing") from exc
        return self.decrypt(blob, context)

    def delete_blob(self, blob_id: str) -> None:
        self._blob_path(blob_id).unlink(missing_ok=True)

    def blob_ids(self) -> set[str]:
        folder = self.root / BLOB_DIR_NAME
        return {p.name for p in folder.glob("??/*") if not p.name.startswith(".")}

    # Re-wrapping the data key (no document is re-encrypted) ---------------------------------

    def _save_header(self, header: VaultHeader) -> None:
        write_atomic(header_path(self.root), header.model_dump_json(indent=2).encode())
        self.header = header

    def change_passphrase(self, new_passphrase: str, *, scrypt_n: int = SCRYPT_N) -> None:
        """Wrap the data key under ``new_passphrase`` (from a passphrase or from the keyring)."""
        _check_new_passphrase(new_passphrase)
        kek = _scrypt_kek(scrypt_n)
        header = VaultHeader(vault_id=self.header.vault_id, kek=kek, wrapped_key="")
        self._save_header(_wrap(header, derive_kek(new_passphrase, kek), self._data_key))

    def move_to_passphrase(self, passphrase: str, keyring_store: KeyringStore, *,
                           scrypt_n: int = SCRYPT_N) -> None:
        """Leave the keyring: wrap under a passphrase first, then drop the keyring entry."""
        old = self.header.kek
        self.change_passphrase(passphrase, scrypt_n=scrypt_n)
        if isinstance(old, KeyringKek):
            keyring_store.delete(old.entry)

    def move_to_keyring(self, keyring_store: KeyringStore) -> None:
        """Keep a new KEK in the keyring; the header changes only once the keyring holds it."""
        status = keyring_store.status()
        if not status.usable:
            raise VaultError(f"cannot move the key to the keyring: {status.reason}")
        old = self.header.kek
        entry = f"vault-{self.header.vault_id}-{secrets.token_hex(4)}"
        kek_bytes = AESGCM.generate_key(bit_length=256)
        keyring_store.put(entry, kek_bytes)
        kek = KeyringKek(service=keyring_store.service, entry=entry, backend=status.backend)
        header = VaultHeader(vault_id=self.header.vault_id, kek=kek, wrapped_key="")
        self._save_header(_wrap(header, kek_bytes, self._data_key))
        if isinstance(old, KeyringKek) and old.entry != entry:
            keyring_store.delete(old.entry)


def _create(root: Path, kek: ScryptKek | KeyringKek, kek_bytes: bytes) -> Vault:
    if vault_exists(root):
        raise VaultError(f"{root} already has a vault")
    data_key = AESGCM.generate_key(bit_length=256)
    header = VaultHeader(vault_id=secrets.token_hex(16), kek=kek, wrapped_key="")
    vault = Vault(root, header, data_key)
    vault._save_header(_wrap(header, kek_bytes, data_key))
    return vault


def create_with_passphrase(root: Path, passphrase: str, *, scrypt_n: int = SCRYPT_N) -> Vault:
    _check_new_passphrase(passphrase)
    kek = _scrypt_kek(scrypt_n)
    return _create(root, kek, derive_kek(passphrase, kek))


def create_with_keyring(root: Path, keyring_store: KeyringStore) -> Vault:
    status = keyring_store.status()
    if not status.usable:
        raise VaultLocked(f"cannot keep the key in a keyring: {status.reason}")
    if vault_exists(root):
        raise VaultError(f"{root} already has a vault")
    entry = f"vault-{secrets.token_hex(8)}"
    kek_bytes = AESGCM.generate_key(bit_length=256)
    keyring_store.put(entry, kek_bytes)
    kek = KeyringKek(service=keyring_store.service, entry=entry, backend=status.backend)
    return _create(root, kek, kek_bytes)


def unlock_with_passphrase(root: Path, passphrase: str) -> Vault:
    header = read_header(root)
    if not isinstance(header.kek, ScryptKek):
        raise VaultError("this vault's key is kept in the keyring, not under a passphrase")
    try:
        data_key = _unwrap(header, derive_kek(passphrase, header.kek))
    except InvalidTag as exc:
        raise WrongPassphrase("wrong passphrase: the vault stays locked (nothing was changed)"
                              ) from exc
    return Vault(root, header, data_key)


def unlock_with_keyring(root: Path, keyring_store: KeyringStore) -> Vault:
    header = read_header(root)
    kek = header.kek
    if not isinstance(kek, KeyringKek):
        raise VaultError("this vault is protected by a passphrase, not by the keyring")
    store = keyring_store if keyring_store.service == kek.service else KeyringStore(
        keyring_store.backend, kek.service)
    status = store.status()
    if not status.usable:
        raise VaultLocked(f"the vault key is kept in {kek.backend}, but {status.reason}")
    kek_bytes = store.get(kek.entry)
    if kek_bytes is None:
        raise VaultLocked(f"the vault key '{kek.service}/{kek.entry}' is missing from the "
                          f"keyring ({status.backend}); restore it or import a backup")
    try:
        data_key = _unwrap(header, kek_bytes)
    except InvalidTag as exc:
        raise VaultCorrupt("the keyring entry does not open this vault (another workspace's "
                           "key, or the vault header was altered)") from exc
    return Vault(root, header, data_key)
