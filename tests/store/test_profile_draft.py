"""The profile draft: the half-filled form, kept encrypted until the profile is complete."""

from __future__ import annotations

import pytest

from app.store import profile as store
from app.store.errors import VaultLocked
from app.store.profile import Profile
from app.store.workspace import Workspace

from .fakes import ID_NUMBER, LEGAL_NAME, PASSPHRASE, profile_dict

PARTIAL = {"company_name": "北京示例科技有限公司", "legal_person.name": LEGAL_NAME,
           "legal_person.id_number": ID_NUMBER[:10],  # half typed: not valid yet
           "credit_code": "91110000600037341A"}       # wrong check character


def test_a_partial_invalid_draft_is_kept_and_read_back(ws: Workspace, ws_root,
                                                        keyring_store) -> None:
    assert store.load_profile_draft(ws) is None and not store.has_profile_draft(ws)
    store.save_profile_draft(ws, PARTIAL)
    ws.close()
    with Workspace.open(ws_root, keyring_store=keyring_store) as again:
        assert store.has_profile_draft(again)
        with pytest.raises(VaultLocked):  # encrypted: unreadable without the vault
            store.load_profile_draft(again)
        again.unlock(PASSPHRASE)
        draft = store.current_draft(again)
        assert draft is not None and draft.fields == PARTIAL
        assert LEGAL_NAME not in repr(draft)


def test_every_field_is_encrypted(ws: Workspace) -> None:
    store.save_profile_draft(ws, PARTIAL)
    [sealed] = ws.conn.execute("SELECT fields_enc FROM profile_draft").fetchone()
    assert sealed.startswith(b"WAV1")
    for value in PARTIAL.values():
        assert value.encode() not in sealed


def test_a_new_draft_replaces_the_old_one(ws: Workspace) -> None:
    store.save_profile_draft(ws, PARTIAL)
    store.save_profile_draft(ws, {"corp_id": "ww01"})
    assert store.load_profile_draft(ws).fields == {"corp_id": "ww01"}  # type: ignore[union-attr]
    assert ws.conn.execute("SELECT count(*) FROM profile_draft").fetchone()[0] == 1


def test_unknown_fields_are_refused(ws: Workspace) -> None:
    with pytest.raises(ValueError, match="not profile fields: password"):
        store.save_profile_draft(ws, {"password": "x"})


def test_saving_the_complete_profile_clears_the_draft(ws: Workspace) -> None:
    store.save_profile_draft(ws, PARTIAL)
    store.save_profile(ws, Profile.model_validate(profile_dict()))
    assert store.load_profile_draft(ws) is None and not store.has_profile_draft(ws)


def test_draft_wins_over_an_older_profile_not_over_a_newer_one(ws: Workspace) -> None:
    store.save_profile(ws, Profile.model_validate(profile_dict()))
    saved = store.load_profile(ws)
    assert saved is not None
    store.save_profile_draft(ws, {**store.profile_fields(saved), "corp_id": "ww-being-edited"})
    draft = store.current_draft(ws)
    assert draft is not None and draft.fields["corp_id"] == "ww-being-edited"
    # A profile written later without clearing the draft (an import, say) wins over it.
    ws.conn.execute("UPDATE profile SET updated = '2999-01-01T00:00:00+00:00'")
    assert store.current_draft(ws) is None
    assert store.load_profile_draft(ws) is not None
    assert store.clear_profile_draft(ws) and not store.clear_profile_draft(ws)
