"""The Enterprise page: checks as you type, masked identity numbers, automatic saving into the
store (identity data only as vault ciphertext), and the saved values after a restart."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from app.store.profile import has_profile_draft, load_profile, profile_view
from app.store.workspace import Workspace
from app.ui.context import AppContext
from app.ui.pages.profile import ProfilePage

from .store_fakes import (
    ADMIN_ID_NUMBER,
    CREDIT_CODE,
    ID_NUMBER,
    PASSPHRASE,
    Asked,
    make_store_service,
)

VALUES = {
    "company_name": "北京示例科技有限公司",
    "credit_code": CREDIT_CODE,
    "corp_id": "ww0123456789abcdef",
    "legal_person.name": "王小明",
    "legal_person.id_number": ID_NUMBER,
    "administrator.name": "李四",
    "administrator.id_number": ADMIN_ID_NUMBER,
    "administrator.phone": "13800138000",
}


@pytest.fixture
def page(window, store, qtbot) -> ProfilePage:
    page = window.show_page("profile")
    assert isinstance(page, ProfilePage)
    qtbot.waitUntil(lambda: page.ui.enterpriseGroup.isEnabled(), timeout=2000)  # vault set up
    return page


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Focus the field and type, as a user does (Chinese is pasted: QTest types Latin only)."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=1000)
    edit.selectAll()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)
        edit.textEdited.emit(edit.text())


def fill(page: ProfilePage, qtbot, values: dict[str, str]) -> None:
    for key, text in values.items():
        type_into(qtbot, page.edits[key], text)
    page.ui.companyNameEdit.setFocus()  # leave the last field


def test_first_opening_sets_up_the_vault_and_says_what_is_missing(page, store):
    assert store.asked.setup == 1 and store.is_unlocked
    assert page.ui.enterpriseGroup.isEnabled() and not page.ui.lockedBanner.isVisible()
    assert "Fill in every field" in page.ui.saveState.text()


def test_invalid_credit_code_is_shown_next_to_the_field(page, qtbot):
    type_into(qtbot, page.ui.creditCodeEdit, "91110000600037341A")
    assert page.ui.creditCodeError.isVisible()
    assert "fails its check character" in page.ui.creditCodeError.text()
    assert page.ui.creditCodeError.property("error") is True
    type_into(qtbot, page.ui.creditCodeEdit, "9111000060003")  # still typing: not an error yet
    assert not page.ui.creditCodeError.isVisible()
    page.ui.corpIdEdit.setFocus()
    qtbot.waitUntil(lambda: page.ui.creditCodeError.isVisible(), timeout=1000)
    assert "must have 18 characters" in page.ui.creditCodeError.text()
    type_into(qtbot, page.ui.creditCodeEdit, CREDIT_CODE)
    assert not page.ui.creditCodeError.isVisible()


@pytest.mark.parametrize(("number", "message"), [
    ("110105194912310021", "fails its check digit"),
    ("110105194913310021", "impossible birth date"),
])
def test_invalid_id_number_is_shown_next_to_the_field(page, qtbot, number, message):
    type_into(qtbot, page.ui.legalIdEdit, number)
    assert page.ui.legalIdError.isVisible()
    assert message in page.ui.legalIdError.text()
    assert number not in page.ui.legalIdError.text()  # messages show numbers masked only


def test_invalid_fields_are_not_saved(page, qtbot, store):
    fill(page, qtbot, {**VALUES, "legal_person.id_number": "110105194912310021"})
    page.flush()
    assert "correct the fields marked in red" in page.ui.saveState.text()
    assert profile_view(store.workspace()) is None


def test_valid_profile_is_saved_automatically_and_ids_only_encrypted(page, qtbot, store):
    fill(page, qtbot, VALUES)
    qtbot.waitUntil(lambda: "Saved" in page.ui.saveState.text(), timeout=3000)
    with Workspace.open(store.root, keyring_store=store.keyring_store) as ws:
        ws.unlock(PASSPHRASE)
        saved = load_profile(ws)
    assert saved is not None
    assert saved.credit_code == CREDIT_CODE
    assert saved.legal_person.id_number == ID_NUMBER
    assert saved.administrator.phone == "13800138000"
    for path in store.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert ID_NUMBER.encode() not in data and ADMIN_ID_NUMBER.encode() not in data


def test_id_numbers_are_masked_unless_edited_or_revealed(page, qtbot):
    type_into(qtbot, page.ui.legalIdEdit, ID_NUMBER)
    assert page.ui.legalIdEdit.text() == ID_NUMBER  # being edited
    page.ui.companyNameEdit.setFocus()
    qtbot.waitUntil(lambda: not page.ui.legalIdEdit.hasFocus(), timeout=1000)
    assert page.ui.legalIdEdit.text() == "110105********002X"
    assert page.ui.legalIdEdit.isReadOnly()
    qtbot.mouseClick(page.ui.legalIdReveal, Qt.MouseButton.LeftButton)
    assert page.ui.legalIdEdit.text() == ID_NUMBER
    assert page.ui.legalIdReveal.text() == "Hide"
    qtbot.mouseClick(page.ui.legalIdReveal, Qt.MouseButton.LeftButton)
    assert page.ui.legalIdEdit.text() == "110105********002X"
    assert page.value("legal_person.id_number") == ID_NUMBER


def test_reopening_shows_the_saved_values(page, qtbot, store, catalogue, settings, tmp_path):
    fill(page, qtbot, VALUES)
    assert page.save()
    store.close()

    again = make_store_service(store.root, store.keyring_store.backend)
    again.keyring_store = store.keyring_store
    reopened = ProfilePage(AppContext(catalogue=catalogue, settings=settings, store=again))
    qtbot.addWidget(reopened)
    reopened.show()
    # A passphrase vault: the unlock dialog was asked for.
    qtbot.waitUntil(lambda: again.asked.unlock == 1, timeout=2000)
    for key in ("company_name", "credit_code", "corp_id", "legal_person.name",
                "administrator.name"):
        assert reopened.edits[key].text() == VALUES[key]
    assert reopened.ui.adminPhoneEdit.text() == "138****8000"  # personal: masked
    assert reopened.value("administrator.phone") == VALUES["administrator.phone"]
    assert reopened.ui.legalIdEdit.text() == "110105********002X"
    assert reopened.ui.adminIdEdit.text() == "110105********0020"
    assert reopened.value("administrator.id_number") == ADMIN_ID_NUMBER
    again.close()


def test_locked_vault_shows_masked_values_read_only(page, qtbot, store, catalogue, settings):
    fill(page, qtbot, VALUES)
    assert page.save()
    store.close()
    locked = make_store_service(store.root, asked=Asked(passphrase=None))
    view = ProfilePage(AppContext(catalogue=catalogue, settings=settings, store=locked))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: locked.asked.unlock == 1, timeout=2000)  # asked, and refused
    assert view.ui.lockedBanner.isVisible()
    assert not view.ui.legalPersonGroup.isEnabled()
    assert view.ui.legalIdEdit.text() == "1101**********002X"
    assert view.ui.legalNameEdit.text() == "王**"
    locked.close()


def _reopen(store, catalogue, settings, qtbot):
    """A fresh page over a fresh connection to the same workspace (unlocked by passphrase)."""
    again = make_store_service(store.root, store.keyring_store.backend)
    again.keyring_store = store.keyring_store
    reopened = ProfilePage(AppContext(catalogue=catalogue, settings=settings, store=again))
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitUntil(lambda: again.asked.unlock == 1, timeout=2000)
    qtbot.waitUntil(lambda: reopened.ui.enterpriseGroup.isEnabled(), timeout=2000)
    return again, reopened


def test_a_partial_invalid_profile_is_kept_as_an_encrypted_draft(page, qtbot, store, catalogue,
                                                                  settings):
    partial = {"company_name": VALUES["company_name"],
               "credit_code": "91110000600037341A",  # wrong check character
               "legal_person.name": VALUES["legal_person.name"],
               "legal_person.id_number": ID_NUMBER}
    fill(page, qtbot, partial)
    # Debounced autosave, no Save button: the draft is kept though the profile is not valid.
    qtbot.waitUntil(lambda: "encrypted draft" in page.ui.saveState.text(), timeout=3000)
    assert "not yet used in letters" in page.ui.saveState.text()
    assert "Administrator: Name" in page.ui.saveState.text()  # what is still empty
    assert profile_view(store.workspace()) is None  # letters never see a half profile
    type_into(qtbot, page.ui.corpIdEdit, "ww0123")
    assert page.save_timer.isActive()
    page.close()  # leaving the page keeps the edit still waiting for the timer
    assert not page.save_timer.isActive()
    for path in store.root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert ID_NUMBER.encode() not in data
            assert VALUES["legal_person.name"].encode() not in data
    store.close()

    again, reopened = _reopen(store, catalogue, settings, qtbot)
    for key, value in {**partial, "corp_id": "ww0123"}.items():
        assert reopened.value(key) == value, key
    assert reopened.value("administrator.name") == ""
    assert reopened.ui.legalIdEdit.text() == "110105********002X"  # shown masked
    assert reopened.ui.creditCodeError.isVisible()  # still marked, not lost
    assert "encrypted draft" in reopened.ui.saveState.text()

    # Completing the profile saves it and drops the draft.
    fill(reopened, qtbot, VALUES)
    assert reopened.save()
    assert not has_profile_draft(again.workspace())
    assert "encrypted draft" not in reopened.ui.saveState.text()
    again.close()


def test_a_draft_newer_than_the_saved_profile_is_shown(page, qtbot, store, catalogue, settings):
    fill(page, qtbot, VALUES)
    assert page.save()
    type_into(qtbot, page.ui.adminPhoneEdit, "138")  # an edit that breaks the saved profile
    page.ui.companyNameEdit.setFocus()
    assert not page.save()
    assert "encrypted draft" in page.ui.saveState.text()
    store.close()

    again, reopened = _reopen(store, catalogue, settings, qtbot)
    assert reopened.value("administrator.phone") == "138"
    assert reopened.value("legal_person.id_number") == ID_NUMBER
    assert load_profile(again.workspace()).administrator.phone == "13800138000"  # letters
    # Typing the saved value back: nothing to keep as a draft any more.
    type_into(qtbot, reopened.ui.adminPhoneEdit, "13800138000")
    reopened.ui.companyNameEdit.setFocus()
    assert reopened.save()
    assert not has_profile_draft(again.workspace())
    assert "Saved automatically" in reopened.ui.saveState.text()
    again.close()


def test_the_footer_names_the_missing_fields_without_contradicting_itself(page, qtbot):
    values = {k: v for k, v in VALUES.items() if k != "administrator.phone"}
    fill(page, qtbot, values)
    assert not page.save()
    state = page.ui.saveState.text()
    # One statement: kept as a draft, and which field is still empty — not "saved" and
    # "not saved" at once, not a bare count.
    assert "draft" in state and "Mobile phone" in state
    assert "Not saved" not in state and "field(s)" not in state
    type_into(qtbot, page.ui.adminPhoneEdit, "13800138000")
    type_into(qtbot, page.ui.adminNameEdit, "x")
    qtbot.keyClick(page.ui.adminNameEdit, Qt.Key.Key_Backspace)
    page.ui.companyNameEdit.setFocus()
    assert not page.save()
    assert "Administrator: Name" in page.ui.saveState.text()  # whose name: said


def test_the_footer_in_chinese_names_the_field(page, qtbot, window):
    window.set_language("zh_CN")
    values = {k: v for k, v in VALUES.items() if k != "corp_id"}
    fill(page, qtbot, values)
    assert not page.save()
    state = page.ui.saveState.text()
    assert "草稿" in state and "企业ID" in state and "尚未保存" not in state
    assert "&" not in state


def test_the_page_says_where_the_corp_id_is_found(page, window):
    assert page.ui.corpIdHint.isVisible()
    assert "My Enterprise" in page.ui.corpIdHint.text()
    window.set_language("zh_CN")
    assert "我的企业" in page.ui.corpIdHint.text()


def test_the_phone_is_masked_and_the_credit_code_is_not(page, qtbot):
    fill(page, qtbot, VALUES)
    page.ui.companyNameEdit.setFocus()
    qtbot.waitUntil(lambda: not page.ui.adminPhoneEdit.hasFocus(), timeout=1000)
    assert page.ui.adminPhoneEdit.text() == "138****8000"
    assert page.ui.adminPhoneEdit.isReadOnly()
    page.ui.adminPhoneReveal.setChecked(True)
    assert page.ui.adminPhoneEdit.text() == "13800138000"
    page.ui.adminPhoneReveal.setChecked(False)
    assert page.ui.creditCodeEdit.text() == CREDIT_CODE  # public: never masked
    wrong = CREDIT_CODE[:-1] + ("1" if CREDIT_CODE[-1] != "1" else "2")
    type_into(qtbot, page.ui.creditCodeEdit, wrong)
    assert wrong in page.ui.creditCodeError.text()  # the error shows it whole, too


# The ID cards' expiry dates ---------------------------------------------------------------

def _save_with_expiry(store, legal: str | None, admin: str | None) -> None:
    """Save the profile as the CLI does (core model, store), expiry dates included."""
    from app.store.profile import Profile, save_profile

    profile = Profile.model_validate({
        "company_name": VALUES["company_name"], "credit_code": CREDIT_CODE,
        "corp_id": VALUES["corp_id"],
        "legal_person": {"name": "王小明", "id_number": ID_NUMBER, "id_valid_until": legal},
        "administrator": {"name": "李四", "id_number": ADMIN_ID_NUMBER, "phone": "13800138000",
                          "id_valid_until": admin}})
    save_profile(store.workspace(), profile)


def _future(days: int = 3650) -> dt.date:
    return dt.date.today() + dt.timedelta(days=days)


def test_an_expiry_saved_by_the_cli_is_shown_and_kept_when_the_page_saves(
        page, qtbot, store):
    until = _future()
    _save_with_expiry(store, until.isoformat(), None)
    page.load()
    legal = page.dates["legal_person.id_valid_until"]
    assert not legal.none.isChecked() and legal.edit.isEnabled()
    assert legal.edit.date().toString("yyyy-MM-dd") == until.isoformat()
    assert page.dates["administrator.id_valid_until"].none.isChecked()  # long term
    type_into(qtbot, page.ui.adminNameEdit, "Li Si")  # an unrelated edit is saved
    assert page.save()
    saved = load_profile(store.workspace())
    assert saved.administrator.name == "Li Si"
    assert saved.legal_person.id_valid_until == until
    assert saved.administrator.id_valid_until is None


def test_a_date_set_elsewhere_meanwhile_is_not_cleared_by_the_page(page, qtbot, store):
    _save_with_expiry(store, None, None)
    page.load()
    until = _future(400)
    _save_with_expiry(store, None, until.isoformat())  # the CLI, while the window is open
    type_into(qtbot, page.ui.legalNameEdit, "Wang")
    assert page.save()
    saved = load_profile(store.workspace())
    assert saved.legal_person.name == "Wang"
    assert saved.administrator.id_valid_until == until
    admin = page.dates["administrator.id_valid_until"]
    assert admin.edit.date().toString("yyyy-MM-dd") == until.isoformat()


def test_setting_and_clearing_an_expiry_date(page, qtbot, store):
    _save_with_expiry(store, None, None)
    page.load()
    admin = page.dates["administrator.id_valid_until"]
    until = _future(1000)
    admin.none.setChecked(False)
    admin.edit.setDate(QDate(until.year, until.month, until.day))
    assert page.save_timer.isActive()  # an edit like any other: saved automatically
    assert page.save()
    assert load_profile(store.workspace()).administrator.id_valid_until == until
    admin.none.setChecked(True)
    assert not admin.edit.isEnabled()
    assert page.save()
    assert load_profile(store.workspace()).administrator.id_valid_until is None


def test_an_expired_id_card_is_shown_in_both_languages(page, qtbot, store, window):
    _save_with_expiry(store, "2020-05-01", None)
    page.load()
    error = page.ui.legalValidError
    assert error.isVisible() and error.property("error") is True
    assert "expired on 2020-05-01" in error.text()
    window.set_language("zh_CN")
    assert "2020-05-01 过期" in error.text()
    window.set_language("en")
    legal = page.dates["legal_person.id_valid_until"]
    later = _future()
    legal.edit.setDate(QDate(later.year, later.month, later.day))  # a renewed card
    assert not error.isVisible()
    assert page.save()
    assert load_profile(store.workspace()).legal_person.id_valid_until == later


def test_an_expired_card_does_not_stop_saving_the_profile(page, qtbot, store):
    fill(page, qtbot, VALUES)
    legal = page.dates["legal_person.id_valid_until"]
    legal.none.setChecked(False)
    legal.edit.setDate(QDate(2021, 3, 4))
    assert page.ui.legalValidError.isVisible()
    assert page.save()
    saved = load_profile(store.workspace())
    assert saved.legal_person.id_valid_until == dt.date(2021, 3, 4)
    assert any(p.field == "legal_person.id_valid_until" for p in saved.problems())


def test_a_draft_keeps_the_expiry_dates(page, qtbot, store, catalogue, settings):
    fill(page, qtbot, {"company_name": VALUES["company_name"]})
    admin = page.dates["administrator.id_valid_until"]
    until = _future(800)
    admin.none.setChecked(False)
    admin.edit.setDate(QDate(until.year, until.month, until.day))
    assert not page.save()  # incomplete: a draft
    store.close()
    again, reopened = _reopen(store, catalogue, settings, qtbot)
    shown = reopened.dates["administrator.id_valid_until"]
    assert not shown.none.isChecked()
    assert shown.edit.date().toString("yyyy-MM-dd") == until.isoformat()
    assert reopened.dates["legal_person.id_valid_until"].none.isChecked()
    again.close()


def test_the_locked_view_shows_the_saved_expiry_dates(page, qtbot, store, catalogue, settings):
    until = _future(500)
    _save_with_expiry(store, until.isoformat(), None)
    store.close()
    locked = make_store_service(store.root, asked=Asked(passphrase=None))
    view = ProfilePage(AppContext(catalogue=catalogue, settings=settings, store=locked))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: locked.asked.unlock == 1, timeout=2000)
    legal = view.dates["legal_person.id_valid_until"]
    assert not legal.none.isChecked()
    assert legal.edit.date().toString("yyyy-MM-dd") == until.isoformat()
    assert view.dates["administrator.id_valid_until"].none.isChecked()
    assert not view.ui.legalPersonGroup.isEnabled()
    locked.close()
