"""The vault: keyring and passphrase key-encryption keys, re-wrapping, failures that destroy
nothing, and ciphertext bound to its record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring.backends import chainer, fail, null

from app.store import vault as vault_mod
from app.store.errors import VaultCorrupt, VaultError, VaultLocked, WrongPassphrase
from app.store.keystore import KeyringStore, refusal
from app.store.workspace import PASSPHRASE_ENV, Workspace

from .conftest import FAST_SCRYPT_N
from .fakes import PASSPHRASE, MemoryKeyring


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()
            and not p.name.startswith("workspace.sqlite3")}


# The keyring interface -----------------------------------------------------------------------

class PlaintextFileKeyring(MemoryKeyring):
    """Stands in for keyrings.alt.file.PlaintextKeyring (not installed here)."""


PlaintextFileKeyring.__module__ = "keyrings.alt.file"


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextFileKeyring()],
                         ids=["fail", "null", "plaintext-file"])
def test_non_system_backends_are_refused(backend) -> None:
    assert refusal(backend) is not None
    assert not KeyringStore(backend, "wecom-appeal-test").status().usable


def test_chainer_is_usable_only_with_a_usable_backend_behind_it(monkeypatch) -> None:
    empty = chainer.ChainerBackend()
    monkeypatch.setattr(type(empty), "backends", property(lambda self: []))
    assert "empty" in (refusal(empty) or "")
    full = chainer.ChainerBackend()
    monkeypatch.setattr(type(full), "backends", property(lambda self: [MemoryKeyring()]))
    assert refusal(full) is None


def test_memory_backend_is_usable(keyring_store: KeyringStore) -> None:
    status = keyring_store.status()
    assert status.usable and "MemoryKeyring" in status.backend


# Keyring-kept key ----------------------------------------------------------------------------

def test_keyring_vault_round_trip(ws_root: Path, keyring_store: KeyringStore) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        vault = ws.create_vault()
        blob_id = vault.put_blob(b"ID card scan", "document:d1")
        assert "keyring" in vault.key_location
    header = json.loads((ws_root / "vault.json").read_text())
    assert header["kek"]["kind"] == "keyring" and "salt" not in header["kek"]
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        assert ws.unlock().get_blob(blob_id, "document:d1") == b"ID card scan"


def test_missing_keyring_entry_is_vault_locked_and_destroys_nothing(
        ws_root: Path, keyring_store: KeyringStore) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        ws.create_vault().put_blob(b"x", "document:d1")
    before = _files(ws_root)
    other = KeyringStore(MemoryKeyring(), keyring_store.service)  # e.g. another machine
    with Workspace.open(ws_root, keyring_store=other) as ws, pytest.raises(
            VaultLocked, match="missing from the keyring"):
        ws.unlock()
    with Workspace.open(ws_root, keyring_store=KeyringStore(fail.Keyring())) as ws, \
            pytest.raises(VaultLocked, match="no system keyring"):
        ws.unlock()
    assert _files(ws_root) == before


def test_create_with_keyring_refuses_a_non_system_backend(ws_root: Path) -> None:
    with Workspace.open(ws_root, keyring_store=KeyringStore(fail.Keyring())) as ws, \
            pytest.raises(VaultLocked):
        ws.create_vault()
    assert not (ws_root / "vault.json").exists()


# Passphrase-derived key ----------------------------------------------------------------------

def test_passphrase_vault_round_trip_and_scrypt_params_stored(ws_root: Path, keyring_store
                                                              ) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        blob_id = ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N).put_blob(
            b"licence", "document:d1")
    kek = json.loads((ws_root / "vault.json").read_text())["kek"]
    assert (kek["kind"], kek["kdf"], kek["n"], kek["r"], kek["p"]) == (
        "passphrase", "scrypt", FAST_SCRYPT_N, 8, 1)
    assert len(vault_mod._unb64(kek["salt"])) == 16
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        assert ws.unlock(PASSPHRASE).get_blob(blob_id, "document:d1") == b"licence"
    assert keyring_store.backend.items == {}  # the passphrase path keeps nothing in a keyring


def test_wrong_passphrase_says_so_and_destroys_nothing(ws_root: Path, keyring_store) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        blob_id = ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N).put_blob(
            b"x", "document:d1")
    before = _files(ws_root)
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        with pytest.raises(WrongPassphrase, match="wrong passphrase"):
            ws.unlock("not the passphrase")
        assert not ws.is_unlocked
        assert ws.unlock(PASSPHRASE).get_blob(blob_id, "document:d1") == b"x"
    assert _files(ws_root) == before


def test_passphrase_from_environment_and_missing_passphrase(ws_root: Path, keyring_store,
                                                             monkeypatch) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws, pytest.raises(
            VaultLocked, match=PASSPHRASE_ENV):
        ws.unlock()
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        ws.unlock()


def test_no_keyring_and_no_passphrase_never_falls_back_to_plaintext(ws_root: Path,
                                                                     monkeypatch) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    with Workspace.open(ws_root, keyring_store=KeyringStore(fail.Keyring())) as ws, \
            pytest.raises(VaultLocked, match=PASSPHRASE_ENV):
        ws.unlock_or_create()
    assert not (ws_root / "vault.json").exists()


def test_short_passphrase_is_refused(ws_root: Path, keyring_store) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws, pytest.raises(
            VaultError, match="at least"):
        ws.create_vault("short")


def test_tampered_header_fails_instead_of_weakening(ws_root: Path, keyring_store) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        ws.create_vault(PASSPHRASE, scrypt_n=2**15)
    header = json.loads((ws_root / "vault.json").read_text())
    header["kek"]["n"] = 2**14  # an attacker lowering the work factor
    (ws_root / "vault.json").write_text(json.dumps(header))
    with pytest.raises(WrongPassphrase):
        vault_mod.unlock_with_passphrase(ws_root, PASSPHRASE)
    (ws_root / "vault.json").write_text("{}")
    with pytest.raises(VaultCorrupt):
        vault_mod.unlock_with_passphrase(ws_root, PASSPHRASE)


# Re-wrapping ---------------------------------------------------------------------------------

def test_change_passphrase_rewraps_only_the_key(ws_root: Path, keyring_store) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        vault = ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
        blob_id = vault.put_blob(b"photo", "document:d1")
        blobs_before = {k: v for k, v in _files(ws_root).items() if k.startswith("blobs")}
        vault.change_passphrase("a new passphrase", scrypt_n=FAST_SCRYPT_N)
    blobs_after = {k: v for k, v in _files(ws_root).items() if k.startswith("blobs")}
    assert blobs_after == blobs_before  # no document re-encrypted
    with pytest.raises(WrongPassphrase):
        vault_mod.unlock_with_passphrase(ws_root, PASSPHRASE)
    vault = vault_mod.unlock_with_passphrase(ws_root, "a new passphrase")
    assert vault.get_blob(blob_id, "document:d1") == b"photo"


def test_move_to_keyring_and_back(ws_root: Path, keyring_store) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        vault = ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
        blob_id = vault.put_blob(b"photo", "document:d1")
        vault.move_to_keyring(keyring_store)
    assert len(keyring_store.backend.items) == 1
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        vault = ws.unlock()
        assert vault.get_blob(blob_id, "document:d1") == b"photo"
        vault.move_to_passphrase("another passphrase", keyring_store, scrypt_n=FAST_SCRYPT_N)
    assert keyring_store.backend.items == {}
    vault = vault_mod.unlock_with_passphrase(ws_root, "another passphrase")
    assert vault.get_blob(blob_id, "document:d1") == b"photo"


def test_failed_move_to_keyring_leaves_the_passphrase_vault(ws_root: Path, keyring_store
                                                            ) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws:
        vault = ws.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
        before = _files(ws_root)
        with pytest.raises(VaultError):
            vault.move_to_keyring(KeyringStore(fail.Keyring()))
    assert _files(ws_root) == before
    vault_mod.unlock_with_passphrase(ws_root, PASSPHRASE)


# Ciphertext ----------------------------------------------------------------------------------

def test_ciphertext_is_bound_to_its_record(ws) -> None:
    vault = ws.vault
    blob = vault.encrypt_text(" 11010519491231002X", "profile:legal_person.id_number")
    assert vault.decrypt_text(blob, "profile:legal_person.id_number").strip()
    with pytest.raises(VaultCorrupt, match="moved from another record"):
        vault.decrypt_text(blob, "administrator:primary:id_number")
    blob_id = vault.put_blob(b"front", "document:a")
    with pytest.raises(VaultCorrupt):
        vault.get_blob(blob_id, "document:b")
    tampered = bytearray(blob)
    tampered[-1] ^= 1
    with pytest.raises(VaultCorrupt):
        vault.decrypt(bytes(tampered), "profile:legal_person.id_number")


def test_blob_writes_leave_no_temporary_files_and_ids_stay_inside(ws) -> None:
    ids = {ws.vault.put_blob(bytes([i]) * 100, f"document:{i}") for i in range(5)}
    assert ws.vault.blob_ids() == ids
    assert not [p for p in ws.root.rglob("*.tmp")]
    with pytest.raises(VaultCorrupt, match="invalid blob id"):
        ws.vault.get_blob("../../etc/passwd", "document:x")


def test_locked_keyring_is_reported_as_locked() -> None:
    from keyring.errors import KeyringLocked

    class LockedKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("collection is locked")

    status = KeyringStore(LockedKeyring(), "wecom-appeal-test").status()
    assert not status.usable and "locked" in status.reason
