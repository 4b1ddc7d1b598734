"""Self-audit evidence in the vault, and audits updated in place."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.store import audit_evidence as evidence
from app.store import audits, cases
from app.store.errors import NotFound, StoreError, VaultLocked
from app.store.workspace import Workspace

from .fakes import PASSPHRASE, png_bytes

NAME = "王小明-承诺书.png"


def test_evidence_is_kept_encrypted_with_its_name(ws: Workspace, ws_root: Path,
                                                  keyring_store) -> None:
    image = png_bytes(seed=5)
    info = evidence.add_evidence(ws, "no_plugins", image, NAME)
    assert (info.question_id, info.media_type, info.size) == ("no_plugins", "image/png",
                                                               len(image))
    assert evidence.parse_ref(info.ref) == info.id and evidence.parse_ref("/tmp/x.png") is None
    [row] = ws.conn.execute("SELECT filename_enc, blob_id FROM audit_evidence").fetchall()
    assert NAME.encode() not in row["filename_enc"]
    assert image not in (ws_root / "blobs" / row["blob_id"][:2] / row["blob_id"]).read_bytes()
    ws.close()
    with Workspace.open(ws_root, keyring_store=keyring_store) as again:
        assert [e.id for e in evidence.list_evidence(again, question_id="no_plugins")] == [info.id]
        with pytest.raises(VaultLocked):
            evidence.evidence_name(again, info.id)
        again.unlock(PASSPHRASE)
        assert evidence.evidence_name(again, info.id) == NAME
        assert evidence.read_evidence(again, info.id)[1:] == (NAME, image)


def test_evidence_opens_as_a_private_temporary_file(ws: Workspace, ws_root: Path,
                                                    tmp_path: Path) -> None:
    info = evidence.add_evidence(ws, "no_plugins", b"%PDF-1.4 policy", "../../policy.pdf")
    path = evidence.open_evidence(ws, info.id)
    try:
        assert path.name == "policy.pdf" and path.read_bytes() == b"%PDF-1.4 policy"
        assert ws_root not in path.parents
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        path.unlink()
        path.parent.rmdir()
    assert evidence.open_evidence(ws, info.id, tmp_path / "view").parent == tmp_path / "view"


def test_removed_evidence_can_be_restored_then_purged(ws: Workspace) -> None:
    first = evidence.add_evidence(ws, "q1", b"one", "one.txt")
    second = evidence.add_evidence(ws, "q2", b"two", "two.txt")
    assert [e.id for e in evidence.list_evidence(ws, ids=[second.id, first.id])] == [
        second.id, first.id]
    evidence.remove_evidence(ws, first.id)
    assert [e.id for e in evidence.list_evidence(ws)] == [second.id]
    assert evidence.list_evidence(ws, include_trashed=True)[0].in_trash
    with pytest.raises(NotFound):
        evidence.remove_evidence(ws, first.id)
    evidence.restore_evidence(ws, first.id)
    assert evidence.read_evidence(ws, first.id)[2] == b"one"
    with pytest.raises(NotFound):
        evidence.restore_evidence(ws, first.id)
    evidence.remove_evidence(ws, first.id)
    assert cases.purge_trash(ws) == 1
    assert len(ws.vault.blob_ids()) == 1
    with pytest.raises(NotFound):
        evidence.get_evidence(ws, first.id)


def test_sweeping_orphan_blobs_keeps_evidence(ws: Workspace) -> None:
    info = evidence.add_evidence(ws, "q1", b"kept", "kept.txt")
    orphan = ws.vault.put_blob(b"left by a crash", "audit_evidence:gone")
    assert cases.sweep_orphan_blobs(ws, min_age_seconds=0) == 1
    assert orphan not in ws.vault.blob_ids()
    assert evidence.read_evidence(ws, info.id)[2] == b"kept"


def test_evidence_checks(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="empty"):
        evidence.add_evidence(ws, "q1", b"", "empty.txt")
    with pytest.raises(StoreError, match="not a checklist question"):
        evidence.add_evidence(ws, "../q1", b"x", "x.txt")
    with pytest.raises(StoreError, match="cannot be read"):
        evidence.add_evidence_file(ws, "q1", tmp_path / "missing.png")
    assert ws.vault.blob_ids() == set()
    (tmp_path / "shot.png").write_bytes(png_bytes())
    info = evidence.add_evidence_file(ws, "q1", tmp_path / "shot.png")
    assert evidence.evidence_name(ws, info.id) == "shot.png"


def test_update_audit_keeps_id_kind_and_creation_time(ws: Workspace) -> None:
    first = audits.add_audit(ws, "self_audit", {"v": 1}, created="2026-06-30T08:00:00+00:00")
    other = audits.add_audit(ws, "self_audit", {"v": "other"})
    updated = audits.update_audit(ws, first.id, {"v": 2})
    assert (updated.id, updated.kind, updated.created) == (first.id, "self_audit", first.created)
    assert audits.get_audit(ws, first.id).payload == {"v": 2}
    assert [a.id for a in audits.list_audits(ws, "self_audit")] == [first.id, other.id]
    assert audits.get_audit(ws, other.id).payload == {"v": "other"}
    with pytest.raises(NotFound):
        audits.update_audit(ws, "nothere", {"v": 3})
    assert len(audits.list_audits(ws)) == 2


def test_workspace_archive_carries_audit_evidence(ws: Workspace, tmp_path: Path,
                                                  keyring_store) -> None:
    from app.store.transfer import export_archive, import_archive

    from .conftest import FAST_SCRYPT_N

    kept = evidence.add_evidence(ws, "no_plugins", png_bytes(seed=3), NAME)
    gone = evidence.add_evidence(ws, "no_plugins", b"in the trash", "gone.txt")
    evidence.remove_evidence(ws, gone.id)
    audits.add_audit(ws, "self_audit", {"answers": {"no_plugins": [kept.ref]}})
    out = tmp_path / "backup.wecomappeal"
    export_archive(ws, out, "archive passphrase 1", scrypt_n=FAST_SCRYPT_N)
    assert NAME.encode() not in out.read_bytes() and png_bytes(seed=3)[-64:] not in out.read_bytes()

    with Workspace.open(tmp_path / "target", keyring_store=keyring_store) as target:
        target.create_vault("the other machine's passphrase", scrypt_n=FAST_SCRYPT_N)
        summary = import_archive(target, out, "archive passphrase 1")
        assert summary.evidence_added == 1
        assert [e.id for e in evidence.list_evidence(target, include_trashed=True)] == [kept.id]
        assert evidence.read_evidence(target, kept.id)[1:] == (NAME, png_bytes(seed=3))
        again = import_archive(target, out, "archive passphrase 1")  # nothing twice
        assert again.evidence_added == 0 and len(target.vault.blob_ids()) == 1
