"""The case as the unit (issue: one case, one path): the ladder remembers, standing documents,
the package draft, builds, submissions and outcomes, what is due, and the archive keeps it all."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import pytest
from PIL import Image

from app.appeal.intake import Edits, IntakeError
from app.appeal.statement import Measure
from app.rules.contract import RestrictionReport
from app.store import cases, drafts, enterprise, ledger, submissions, transfer
from app.store.errors import InvalidTransition, StoreError
from app.store.profile import Profile, save_profile
from app.store.workspace import Workspace

from .conftest import FAST_SCRYPT_N
from .fakes import PASSPHRASE, fake_diagnosis, profile_dict

MEMBER = {"account": "member", "scope": "interop", "duration": "temporary",
          "self_unblock_offered": True}
ENTERPRISE = {"account": "enterprise", "scope": "account", "duration": "permanent",
              "believes_wrongful": True}


def _engine(report: RestrictionReport):
    return cases.engine_diagnoser("zh_CN")(report)


def _photo(path: Path, size: tuple[int, int] = (1400, 900)) -> Path:
    Image.new("RGB", size, (200, 180, 160)).save(path, "JPEG", quality=80)
    return path


# The ladder remembers -------------------------------------------------------------------------

def test_the_ladder_sequence_of_the_issue(ws: Workspace) -> None:
    """One earlier restriction entered by hand (prior = 1) → the case is step 2; the next
    diagnosis of the same member counts recorded + entered = 2: the third violation, a
    permanent block (2.2)."""
    first = cases.create_case(ws, RestrictionReport.model_validate({**MEMBER,
                                                                    "prior_violations": 1}),
                              diagnoser=_engine, userid="alice",
                              restricted_on=dt.date(2026, 11, 1))
    assert (first.rule, first.step) == ("R1", 2)
    assert first.ladder is not None and (first.ladder.report, first.ladder.ledger,
                                         first.ladder.used, first.ladder.entered) == (1, 0, 1, 1)
    entries = ledger.member_ledger(ws, "alice")
    assert [(e.entered_by_hand, e.date_known) for e in entries] == [(True, False),
                                                                     (False, True)]
    count = ledger.ledger_count(ws, "alice")
    assert (count.recorded, count.entered, count.total) == (1, 1, 2)
    assert ledger.prior_rule1_count(ws, "alice") == 2  # what the next diagnosis is pre-filled with

    # The report leaves the count out: the ledger's is used, and the case says so.
    nxt = cases.create_case(ws, RestrictionReport.model_validate(MEMBER), diagnoser=_engine,
                            userid="alice", restricted_on=dt.date(2026, 12, 1))
    assert (nxt.rule, nxt.step) == ("R1", 3)
    assert "2.2" in nxt.diagnosis.citations
    assert nxt.ladder is not None and nxt.ladder.report is None and nxt.ladder.used == 2
    assert "取自该成员的违规记录" in nxt.ladder.message.zh_CN
    assert "from the member's ledger" in nxt.ladder.message.en


def test_a_report_that_says_fewer_is_overruled_and_says_why(ws: Workspace) -> None:
    ledger.add_past_violation(ws, "bob", dt.date(2025, 5, 1), rule="R1")
    ledger.add_past_violation(ws, "bob", None, rule="R1")
    case = cases.create_case(ws, RestrictionReport.model_validate({**MEMBER,
                                                                   "prior_violations": 0}),
                             diagnoser=fake_diagnosis, userid="bob")
    assert case.step == 3 and case.ladder is not None
    assert (case.ladder.report, case.ladder.ledger, case.ladder.used) == (0, 2, 2)
    assert "report said 0" in case.ladder.message.en and "以违规记录为准" in \
        case.ladder.message.zh_CN
    same = cases.create_case(ws, RestrictionReport.model_validate({**MEMBER,
                                                                   "prior_violations": 3}),
                             diagnoser=fake_diagnosis, userid="bob")
    assert same.ladder is not None and same.ladder.entered == 0 and same.ladder.used == 3
    assert "agree" in same.ladder.message.en


# The profile: one model, expiry saved and checked ---------------------------------------------

def test_profile_strict_at_the_boundary_draft_mode_reports(ws: Workspace) -> None:
    data = profile_dict()
    data["legal_person"]["id_number"] = data["legal_person"]["id_number"][:-1] + "0"
    with pytest.raises(ValueError, match="resident identity number"):
        Profile.model_validate(data)
    draft = Profile.draft(data)
    assert [p.field for p in draft.problems() if p.severity == "error"] == [
        "legal_person.id_number"]
    good = profile_dict()
    good["legal_person"]["id_valid_until"] = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    save_profile(ws, Profile.model_validate(good))
    from app.store.profile import load_profile, profile_problems

    assert load_profile(ws).legal_person.id_valid_until is not None
    assert [p.severity for p in profile_problems(ws)] == ["warning"]
    assert profile_problems(ws, today=dt.date.today() + dt.timedelta(days=11))[0].severity == \
        "error"


# Standing documents ---------------------------------------------------------------------------

def test_enterprise_documents_kept_once_with_validity_and_staleness(ws: Workspace,
                                                                     tmp_path: Path) -> None:
    save_profile(ws, Profile.model_validate(profile_dict()))
    today = dt.date(2026, 12, 1)
    licence, notes = enterprise.add_enterprise_document(
        ws, "business_license", _photo(tmp_path / "licence.jpg"), valid_until=dt.date(2040, 1, 1))
    assert notes == []
    front, _ = enterprise.add_enterprise_document(ws, "legal_person_id_front",
                                                  _photo(tmp_path / "front.jpg"),
                                                  valid_until=dt.date(2026, 12, 20))
    letter, _ = enterprise.add_enterprise_document(ws, "seal_authorization_letter",
                                                   _photo(tmp_path / "letter.jpg"),
                                                   valid_until=dt.date(2026, 11, 30))
    states = {(w.kind, w.state) for w in enterprise.enterprise_warnings(ws, today=today)}
    assert states == {("legal_person_id_front", "expiring"),
                      ("seal_authorization_letter", "expired")}
    assert enterprise.EXPIRY_LEAD_DAYS == 30
    # The same intake as the Appeal page: a file the package cannot use is refused.
    bad = tmp_path / "notes.txt"
    bad.write_text("not a picture")
    with pytest.raises(IntakeError):
        enterprise.add_enterprise_document(ws, "business_license", bad)
    # A new one replaces the old (which stays restorable in the trash).
    newer, _ = enterprise.add_enterprise_document(ws, "seal_authorization_letter",
                                                  _photo(tmp_path / "letter2.jpg"))
    current = enterprise.current_enterprise_documents(ws)
    assert current["seal_authorization_letter"].id == newer.id
    assert enterprise.read_enterprise_document(ws, licence.id)[1] == "licence.jpg"
    # A new legal person makes the ID pictures and the letter stale; the licence is not.
    import time

    time.sleep(1.1)  # the stamps have a one-second resolution
    changed = profile_dict()
    changed["legal_person"] = {"name": "王五", "id_number": "11010519800214123X"}
    from stdnum.cn import ric

    changed["legal_person"]["id_number"] = "11010519800214123" + ric.calc_check_digit(
        "11010519800214123")
    save_profile(ws, Profile.model_validate(changed))
    stale = {w.kind for w in enterprise.enterprise_warnings(ws, today=today)
             if w.state == "stale_legal_person"}
    assert stale == {"legal_person_id_front", "seal_authorization_letter"}
    assert front.id and letter.id


# The package draft and the legacy settings ----------------------------------------------------

def test_draft_round_trip_and_legacy_settings_moved_once(ws: Workspace) -> None:
    case = cases.create_case(ws, RestrictionReport.model_validate(ENTERPRISE),
                             diagnoser=fake_diagnosis)
    assert not drafts.has_draft(ws, case.id)
    prefix = f"appeal/cases/{case.id}/"
    sealed = ws.vault.encrypt_text("我单位的申诉说明（旧版本保存）。", prefix + "statement")
    values = {
        prefix + "statement": base64.b64encode(sealed).decode("ascii"),
        prefix + "edits/" + "ab" * 16: Edits(rotate=90).model_dump_json(),
        prefix + "edits/" + "cd" * 16: "{not json",
        "appeal/dpi": 150, "appeal/watermark_on": "false", "appeal/package_lang": "en",
        "appeal/cases/ffffffffffff/statement": "elsewhere",
        "ui/language": "en",
    }
    moved = drafts.import_legacy_settings(ws, case.id, values)
    assert moved.moved == sorted([prefix + "statement", prefix + "edits/" + "ab" * 16])
    assert moved.skipped == [prefix + "edits/" + "cd" * 16]
    draft = drafts.load_draft(ws, case.id)
    assert draft.statement.text == "我单位的申诉说明（旧版本保存）。"
    assert draft.edits["ab" * 16].rotate == 90
    assert (draft.dpi, draft.watermark, draft.lang) == (150, None, "en")
    # The draft is vault ciphertext.
    row = ws.conn.execute("SELECT draft_enc FROM case_drafts").fetchone()
    assert "申诉说明".encode() not in bytes(row[0])
    # Twice is harmless: what the draft holds wins.
    again = drafts.import_legacy_settings(ws, case.id, {prefix + "statement": values[
        prefix + "statement"], "appeal/dpi": 300})
    assert again.draft.dpi == 150 and again.draft.statement.text == draft.statement.text


# Submissions, outcomes, what is due -----------------------------------------------------------

def test_submissions_outcomes_follow_up_and_checklist(ws: Workspace, tmp_path: Path) -> None:
    case = cases.create_case(ws, RestrictionReport.model_validate(ENTERPRISE),
                             diagnoser=fake_diagnosis)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 one")
    build = drafts.record_build(ws, case.id, pdf, pages=9, lang="zh_CN")
    with pytest.raises(InvalidTransition):
        submissions.record_outcome(ws, case.id, "passed")
    sub = submissions.record_submission(ws, case.id, channel="customer_service",
                                        submitted_on=dt.date(2026, 12, 4), reference="A-17")
    assert sub.bundle_sha256 == build.sha256 and sub.follow_up_on == dt.date(2026, 12, 15)
    assert cases.get_case(ws, case.id).status == "appeal_submitted"
    assert submissions.what_is_due(ws, today=dt.date(2026, 12, 14)) == []
    [due] = submissions.what_is_due(ws, today=dt.date(2026, 12, 15))
    assert due.kind == "follow_up" and "A-17" in due.message.en and "跟进" in due.message.zh_CN
    submissions.set_follow_up(ws, sub.id, dt.date(2026, 12, 20))
    assert submissions.what_is_due(ws, today=dt.date(2026, 12, 15)) == []
    with pytest.raises(StoreError, match="reason"):
        submissions.record_outcome(ws, case.id, "rejected")
    rejected = submissions.record_outcome(ws, case.id, "rejected", reason="letter_not_sealed",
                                          note="委托书未加盖公章", on=dt.date(2026, 12, 9))
    assert rejected.outcome == "rejected" and rejected.note == "委托书未加盖公章"
    assert cases.get_case(ws, case.id).status == "restricted"
    checks = [i.check for i in submissions.rejection_checklist("letter_not_sealed")]
    assert checks == ["letter.seal", "enterprise.documents"]
    assert all(submissions.rejection_checklist(r) for r in submissions.REJECTION_REASONS)
    assert [d.kind for d in submissions.what_is_due(ws, today=dt.date(2026, 12, 10))] == [
        "fix_rejection"]
    with pytest.raises(StoreError, match="no bundle"):
        submissions.record_submission(ws, case.id, channel="appeal_page",
                                      bundle_sha256="0" * 64)
    second = submissions.record_submission(ws, case.id, channel="appeal_page",
                                           submitted_on=dt.date(2026, 12, 11))
    submissions.record_outcome(ws, case.id, "passed")
    assert cases.get_case(ws, case.id).status == "resolved"
    assert [s.outcome for s in submissions.list_submissions(ws, case.id)] == ["rejected",
                                                                              "passed"]
    assert second.follow_up_on > second.submitted_on


# Export and import keep it all ----------------------------------------------------------------

def test_export_import_keeps_drafts_builds_submissions_and_standing_documents(
        ws: Workspace, tmp_path: Path, keyring_store) -> None:
    save_profile(ws, Profile.model_validate(profile_dict()))
    case = cases.create_case(ws, RestrictionReport.model_validate({**MEMBER,
                                                                   "prior_violations": 1}),
                             diagnoser=fake_diagnosis, userid="carol")
    draft = drafts.PackageDraft(statement=drafts.StatementDraft(
        complied="账号由员工本人使用。", measures=[Measure(text="重新培训", done=True)]),
        edits={"ab" * 16: Edits(rotate=180)}, dpi=180)
    drafts.save_draft(ws, case.id, draft)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 two")
    drafts.record_build(ws, case.id, pdf, pages=4, lang="zh_CN")
    submissions.record_submission(ws, case.id, channel="admin_console", reference="R-1")
    rejected = submissions.record_outcome(ws, case.id, "rejected", reason="other",
                                          note="需补充说明")
    submissions.set_fixes_done(ws, rejected.id, [0])  # a tick on the rejection's checklist
    doc, _ = enterprise.add_enterprise_document(ws, "business_license",
                                                _photo(tmp_path / "licence.jpg"),
                                                valid_until=dt.date(2030, 1, 1))
    out = tmp_path / "backup.wecom"
    transfer.export_archive(ws, out, "archive passphrase", scrypt_n=FAST_SCRYPT_N)

    other = Workspace.open(tmp_path / "other", keyring_store=keyring_store)
    other.create_vault(PASSPHRASE, scrypt_n=FAST_SCRYPT_N)
    summary = transfer.import_archive(other, out, "archive passphrase")
    assert summary.cases_added == [case.id] and summary.enterprise_documents_added == 1
    assert drafts.load_draft(other, case.id) == draft
    assert [b.pages for b in drafts.list_builds(other, case.id)] == [4]
    [sub] = submissions.list_submissions(other, case.id)
    assert (sub.reference, sub.outcome, sub.reason, sub.note) == ("R-1", "rejected", "other",
                                                                   "需补充说明")
    assert sub.fixes_done == [0], "the ticks come along"
    assert cases.get_case(other, case.id).ladder == cases.get_case(ws, case.id).ladder
    assert ledger.ledger_count(other, "carol").total == 2  # the entered one came along
    moved = enterprise.current_enterprise_documents(other)["business_license"]
    assert moved.valid_until == dt.date(2030, 1, 1)
    assert enterprise.read_enterprise_document(other, doc.id)[2] == \
        enterprise.read_enterprise_document(ws, doc.id)[2]
    other.close()


def test_package_built_from_the_workspace_case(ws: Workspace, tmp_path: Path) -> None:
    """The draft's words and confirmed measures, the standing documents and the case's own
    files make the package; no placeholder left, so it builds; the build is recorded."""
    from pypdf import PdfReader

    from app.pdf.fonts import FontNotFoundError, find_cjk_font
    from app.store import package
    from app.store.documents import add_document_file

    try:
        font = find_cjk_font()
    except FontNotFoundError:
        pytest.fail("a CJK TrueType font (fonts-wqy-microhei) is needed")
    save_profile(ws, Profile.model_validate(profile_dict()))
    for kind in enterprise.ENTERPRISE_KINDS:
        enterprise.add_enterprise_document(ws, kind, _photo(tmp_path / f"{kind}.jpg"))
    report = RestrictionReport.model_validate({**ENTERPRISE,
                                               "notice_text": "你的企业已被封禁。"})
    case = cases.create_case(ws, report, diagnoser=fake_diagnosis,
                             restricted_on=dt.date(2026, 11, 28))
    shot, notes = add_document_file(ws, case.id, "notice_screenshot",
                                    _photo(tmp_path / "notice.jpg"))
    assert notes == []
    blocked = package.check_case_package(ws, case.id)
    assert [i.kind for i in blocked if i.blocking] == ["placeholder", "placeholder"]
    with pytest.raises(package.PackageIncomplete):
        package.build_case_package(ws, case.id, tmp_path / "refused.pdf", font=font)
    assert not (tmp_path / "refused.pdf").exists()
    drafts.save_draft(ws, case.id, drafts.PackageDraft(
        statement=drafts.StatementDraft(complied="账号均由本单位员工使用。", measures=[
            Measure(text="组织成员重新学习使用规范", done=True)]),
        edits={shot.id: Edits(rotate=90)}))
    out = tmp_path / "appeal.pdf"
    built = package.build_case_package(ws, case.id, out, font=font,
                                       today=dt.date(2026, 12, 2))
    assert [i for i in built.issues if i.blocking] == []
    assert drafts.list_builds(ws, case.id)[0].sha256 == drafts.sha256_of(out)
    reader = PdfReader(out)
    assert "申请复核：企业账号封禁" in reader.pages[0].extract_text()
    statement = reader.pages[2].extract_text()
    assert "已完成：组织成员重新学习使用规范" in statement and "【请填写" not in statement
    assert "限制通知截图" in statement  # the attachment list names the case's own file too

    # A rejection's checklist, each item run through its check on the package as it is.
    fixes = package.rejection_fixes(ws, case.id, "unclear_images")
    assert [(f.item.check, f.state) for f in fixes] == [("intake.resolution", "ok"),
                                                        ("watermark.purpose", "ok")]
    enterprise.add_enterprise_document(ws, "business_license",
                                       _photo(tmp_path / "small.jpg", (600, 400)))
    drafts.save_draft(ws, case.id, drafts.load_draft(ws, case.id).model_copy(
        update={"watermark": None}))
    fixes = package.rejection_fixes(ws, case.id, "unclear_images")
    assert [f.state for f in fixes] == ["to_fix", "to_fix"]
    assert "small.jpg" in fixes[0].details[0].en
    sealed = package.rejection_fixes(ws, case.id, "letter_not_sealed")
    assert [f.state for f in sealed] == ["by_hand", "ok"]


def test_draft_problems_use_the_same_checks() -> None:
    from app.appeal.profile import draft_problems

    fields = {"credit_code": "91110000600037341X", "legal_person.id_valid_until": "2020-01-01",
              "administrator.phone": "call me"}
    found = {p.field for p in draft_problems(fields, today=dt.date(2026, 1, 1))}
    assert {"credit_code", "legal_person.id_valid_until", "administrator.phone",
            "company_name", "legal_person.id_number"} <= found
    data = profile_dict()
    complete = {
        "company_name": data["company_name"], "credit_code": data["credit_code"],
        "corp_id": data["corp_id"], "legal_person.name": "张三",
        "legal_person.id_number": data["legal_person"]["id_number"],
        "administrator.name": "李四", "administrator.id_number": data["administrator"]["id_number"],
        "administrator.phone": "13800138000"}
    assert draft_problems(complete) == []


def test_case_statement_preview_without_documents(ws: Workspace) -> None:
    from app.store.package import case_statement

    save_profile(ws, Profile.model_validate(profile_dict()))
    case = cases.create_case(ws, RestrictionReport.model_validate(ENTERPRISE),
                             diagnoser=fake_diagnosis, restricted_on=dt.date(2026, 11, 28))
    zh = case_statement(ws, case.id)
    assert "2026年11月28日" in zh and "【请填写：" in zh and "（1）已" not in zh
    drafts.save_draft(ws, case.id, drafts.PackageDraft(lang="en", statement=drafts.StatementDraft(
        text="我们的申诉说明全文 , 由管理员撰写。")))
    en = case_statement(ws, case.id)
    assert en.startswith("(This statement was written in Chinese and was not translated.)")
    assert case_statement(ws, case.id, lang="zh_CN") == "我们的申诉说明全文，由管理员撰写。"


def test_a_chosen_standing_document_replaced_later_is_followed(ws: Workspace,
                                                                tmp_path: Path) -> None:
    from app.store.package import _chosen

    case = cases.create_case(ws, RestrictionReport.model_validate(ENTERPRISE),
                             diagnoser=fake_diagnosis)
    old, _ = enterprise.add_enterprise_document(ws, "business_license",
                                                _photo(tmp_path / "old.jpg"))
    draft = drafts.PackageDraft(documents=[drafts.DocumentChoice(source="enterprise",
                                                                 id=old.id)])
    assert _chosen(ws, cases.get_case(ws, case.id), draft) == [
        ("enterprise", old.id, "business_license")]
    new, _ = enterprise.add_enterprise_document(ws, "business_license",
                                                _photo(tmp_path / "new.jpg"))
    assert _chosen(ws, cases.get_case(ws, case.id), draft) == [
        ("enterprise", new.id, "business_license")]
