"""Profile, cases, the violation ledger, deadlines, documents, trash and audits."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from app.rules.contract import RestrictionReport
from app.store import audits, cases, documents, ledger
from app.store.errors import InvalidTransition, NotFound, StoreError, VaultLocked
from app.store.profile import Profile, load_profile, profile_view, save_profile
from app.store.workspace import Workspace

from .fakes import ADMIN_ID_NUMBER, ID_NUMBER, LEGAL_NAME, fake_diagnosis, png_bytes, profile_dict

MEMBER_R1 = RestrictionReport(account="member", scope="interop", duration="temporary")
MEMBER_R2 = RestrictionReport(account="member", scope="interop",
                              duration="until_wechat_unblocked", linked_wechat_banned=True)


def _new(ws: Workspace, report: RestrictionReport = MEMBER_R1, userid: str | None = "alice",
         **kw) -> cases.CaseDetail:
    return cases.create_case(ws, report, diagnoser=fake_diagnosis, userid=userid, **kw)


# Profile -------------------------------------------------------------------------------------

def test_profile_saved_encrypted_and_shown_masked(ws: Workspace) -> None:
    view = save_profile(ws, Profile.model_validate(profile_dict()))
    assert view.legal_person.id_number == "1101**********002X"
    assert view.legal_person.name == "王**"
    assert view.administrator is not None
    assert view.administrator.phone == "138****8000"
    assert view.model_dump() == profile_view(ws).model_dump()  # type: ignore[union-attr]
    full = load_profile(ws)
    assert full is not None
    assert (full.legal_person.id_number, full.legal_person.name,
            full.administrator.id_number) == (ID_NUMBER, LEGAL_NAME, ADMIN_ID_NUMBER)
    row = ws.conn.execute("SELECT * FROM profile").fetchone()
    assert ID_NUMBER.encode() not in bytes(row["legal_person_id_enc"])


def test_profile_needs_the_unlocked_vault(ws_root, keyring_store) -> None:
    with Workspace.open(ws_root, keyring_store=keyring_store) as ws, pytest.raises(VaultLocked):
        save_profile(ws, Profile.model_validate(profile_dict()))


@pytest.mark.parametrize(("path", "value", "message"), [
    (("credit_code",), "91110000600037341X", "Unified Social Credit Code"),
    (("legal_person", "id_number"), "110105194912310021", "resident identity number"),
    (("administrator", "phone"), "call me", "phone"),
    (("corp_id",), "ww 01", "CorpID"),
])
def test_profile_checks_identity_numbers(path, value, message) -> None:
    data = profile_dict()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ValidationError, match=message) as info:
        Profile.model_validate(data)
    assert info.value.errors()[0]["loc"] == path


def test_profile_normalises_id_numbers() -> None:
    data = profile_dict()
    data["legal_person"]["id_number"] = " 11010519491231002x "
    assert Profile.model_validate(data).legal_person.id_number == ID_NUMBER


# Cases and the ledger ------------------------------------------------------------------------

def test_prior_violations_come_from_the_ledger(ws: Workspace) -> None:
    seen: list[int] = []

    def diagnoser(report: RestrictionReport):
        seen.append(report.prior_violations)
        return fake_diagnosis(report)

    steps = [cases.create_case(ws, MEMBER_R1, diagnoser=diagnoser, userid="alice").step
             for _ in range(3)]
    cases.create_case(ws, MEMBER_R1, diagnoser=diagnoser, userid="bob")
    assert seen == [0, 1, 2, 0]
    assert steps == [1, 2, 3]
    entries = ledger.member_ledger(ws, "alice")
    assert [(e.rule, e.step, e.category, e.outcome) for e in entries] == [
        ("R1", 1, "harassment", "open"), ("R1", 2, "harassment", "open"),
        ("R1", 3, "harassment", "open")]
    assert {m.userid for m in ledger.list_members(ws)} == {"alice", "bob"}


def test_rule2_restrictions_do_not_climb_the_rule1_ladder(ws: Workspace) -> None:
    _new(ws, MEMBER_R2)
    assert ledger.prior_rule1_count(ws, "alice") == 0
    assert len(ledger.member_ledger(ws, "alice")) == 1


def test_a_higher_prior_count_given_by_the_user_is_kept(ws: Workspace) -> None:
    ledger.add_past_violation(ws, "alice", dt.date(2024, 3, 1), rule="R1")
    case = _new(ws, MEMBER_R1.model_copy(update={"prior_violations": 0}))
    assert case.report.prior_violations == 1 and case.step == 2
    case = _new(ws, MEMBER_R1.model_copy(update={"prior_violations": 5}), userid="carol")
    assert case.report.prior_violations == 5


def test_case_without_member_has_no_ledger_entry(ws: Workspace) -> None:
    case = _new(ws, RestrictionReport(account="enterprise", scope="account",
                                      duration="permanent"), userid=None)
    assert case.appeal_route == "enterprise_appeal"
    assert ws.conn.execute("SELECT count(*) FROM violations").fetchone()[0] == 0


def test_notice_text_is_encrypted_and_shown_when_unlocked(ws: Workspace, ws_root,
                                                          keyring_store) -> None:
    case = _new(ws, MEMBER_R1.model_copy(update={"notice_text": f"{LEGAL_NAME} 被限制"}))
    assert cases.get_case(ws, case.id).report.notice_text == f"{LEGAL_NAME} 被限制"
    raw = ws.conn.execute("SELECT report_json FROM cases").fetchone()[0]
    assert LEGAL_NAME not in raw
    with Workspace.open(ws_root, keyring_store=keyring_store) as locked:
        detail = cases.get_case(locked, case.id)
        assert detail.notice_locked and detail.report.notice_text is None


def test_status_timeline_and_ledger_outcome(ws: Workspace) -> None:
    case = _new(ws)
    t0 = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)
    cases.set_status(ws, case.id, "unblock_requested", at=t0)
    with pytest.raises(InvalidTransition, match="can go to"):
        cases.set_status(ws, case.id, "unblock_requested")
    with pytest.raises(InvalidTransition, match="unknown status"):
        cases.set_status(ws, case.id, "forgotten")
    detail = cases.set_status(ws, case.id, "resolved", at=t0 + dt.timedelta(hours=2),
                              outcome="unblocked")
    assert [e.value for e in detail.timeline] == ["restricted", "unblock_requested", "resolved"]
    assert ledger.member_ledger(ws, "alice")[0].outcome == "unblocked"
    detail = cases.set_status(ws, case.id, "restricted")
    assert ledger.member_ledger(ws, "alice")[0].outcome == "open"
    assert cases.list_cases(ws, status="restricted")[0].id == case.id
    assert cases.list_cases(ws, status="resolved") == []


def test_rule2_deadline_is_24h_after_wechat_unblocking(ws: Workspace) -> None:
    case = _new(ws, MEMBER_R2)
    assert case.deadlines == []
    unblocked = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
    detail = cases.record_wechat_unblocked(ws, case.id, unblocked)
    [deadline] = detail.deadlines
    assert deadline.due == unblocked + dt.timedelta(hours=24)
    assert deadline.citations == ["3.2"]
    assert "2026-03-02 10:00 UTC" in deadline.text("en")
    late = cases.get_case(ws, case.id, at=unblocked + dt.timedelta(hours=25))
    assert late.deadlines[0].state == "overdue"
    soon = cases.get_case(ws, case.id, at=unblocked + dt.timedelta(hours=5))
    assert soon.deadlines[0].state == "pending"
    cases.set_status(ws, case.id, "resolved", at=unblocked + dt.timedelta(hours=20))
    assert cases.get_case(ws, case.id).deadlines[0].state == "met"


def test_rule1_case_gets_no_wechat_deadline(ws: Workspace) -> None:
    case = _new(ws)
    assert cases.record_wechat_unblocked(ws, case.id).deadlines == []


def test_case_ids_resolve_by_prefix(ws: Workspace) -> None:
    case = _new(ws)
    assert cases.resolve_case_id(ws, case.id[:4]) == case.id
    with pytest.raises(NotFound):
        cases.resolve_case_id(ws, "zz")
    with pytest.raises(NotFound):
        cases.resolve_case_id(ws, "ffffffffffff" if case.id != "ffffffffffff" else "000000000000")


def test_filters(ws: Workspace) -> None:
    a = _new(ws)
    b = _new(ws, MEMBER_R2, userid="bob")
    assert [c.id for c in cases.list_cases(ws, rule="R2")] == [b.id]
    assert [c.id for c in cases.list_cases(ws, userid="alice")] == [a.id]


# Trash and undo ------------------------------------------------------------------------------

def test_deleted_case_can_be_restored_then_purged(ws: Workspace) -> None:
    case = _new(ws)
    doc = documents.add_document(ws, case.id, "evidence", png_bytes())
    blob = ws.conn.execute("SELECT blob_id FROM documents").fetchone()[0]
    cases.trash_case(ws, case.id)
    assert cases.list_cases(ws) == [] and ledger.prior_rule1_count(ws, "alice") == 0
    assert cases.list_cases(ws, include_trashed=True)[0].in_trash
    cases.restore_case(ws, case.id)
    assert cases.list_cases(ws)[0].id == case.id and ledger.prior_rule1_count(ws, "alice") == 1
    assert documents.read_document(ws, doc.id)[2] == png_bytes()
    cases.trash_case(ws, case.id)
    assert cases.purge_trash(ws, older_than=dt.timedelta(days=30)) == 0  # not old enough
    assert cases.purge_trash(ws) == 2
    assert blob not in ws.vault.blob_ids()
    with pytest.raises(NotFound):
        cases.get_case(ws, case.id)
    assert ledger.member_ledger(ws, "alice") == []


def test_removed_document_can_be_restored(ws: Workspace) -> None:
    case = _new(ws)
    doc = documents.add_document(ws, case.id, "legal_person_id_front", png_bytes(), "front.png")
    assert doc.media_type == "image/png" and doc.size == len(png_bytes())
    documents.remove_document(ws, doc.id)
    assert documents.list_documents(ws, case.id) == []
    with pytest.raises(NotFound):
        documents.remove_document(ws, doc.id)
    documents.restore_document(ws, doc.id)
    info, name, data = documents.read_document(ws, doc.id)
    assert (info.kind, name, data) == ("legal_person_id_front", "front.png", png_bytes())
    documents.remove_document(ws, doc.id)
    assert cases.purge_trash(ws) == 1
    assert ws.vault.blob_ids() == set()


def test_document_checks(ws: Workspace) -> None:
    case = _new(ws)
    with pytest.raises(StoreError, match="unknown document kind"):
        documents.add_document(ws, case.id, "selfie", b"x")
    with pytest.raises(StoreError, match="empty"):
        documents.add_document(ws, case.id, "evidence", b"")
    with pytest.raises(NotFound):
        documents.add_document(ws, "000000000000", "evidence", b"x")
    assert ws.vault.blob_ids() == set()  # nothing left behind by the refusals


def test_orphan_blobs_are_swept(ws: Workspace) -> None:
    case = _new(ws)
    documents.add_document(ws, case.id, "evidence", b"kept")
    orphan = ws.vault.put_blob(b"left by a crash", "document:gone")
    assert cases.sweep_orphan_blobs(ws) == 0  # too recent: may belong to a write in progress
    assert cases.sweep_orphan_blobs(ws, min_age_seconds=0) == 1
    assert orphan not in ws.vault.blob_ids() and len(ws.vault.blob_ids()) == 1


# Audits --------------------------------------------------------------------------------------

def test_audits_are_a_generic_record(ws: Workspace) -> None:
    first = audits.add_audit(ws, "checklist", {"score": 72, "answers": {"q1": "yes"}})
    audits.add_audit(ws, "scan", {"members": 3})
    assert audits.get_audit(ws, first.id).payload == {"score": 72, "answers": {"q1": "yes"}}
    assert [a.kind for a in audits.list_audits(ws)] == ["checklist", "scan"]
    assert len(audits.list_audits(ws, "scan")) == 1
    audits.delete_audit(ws, first.id)
    with pytest.raises(NotFound):
        audits.get_audit(ws, first.id)
