from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric

from app.appeal.checks import (
    check_credit_code,
    check_id_expiry,
    check_names_agree,
    check_phone,
    check_profile,
    check_resident_id,
    mask_id,
)

from .samples import make_ric, make_uscc

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize("base", ["91440300MA5DC1234", "91110000600037341", "12100000400000016"])
def test_valid_credit_codes_pass(base):
    assert check_credit_code(make_uscc(base)) == []


def test_credit_code_with_a_mistyped_character_fails_its_check():
    code = make_uscc()
    wrong = code[:-1] + ("1" if code[-1] != "1" else "2")
    [problem] = check_credit_code(wrong)
    assert problem.field == "credit_code"
    assert "check" in problem.message.en and "校验" in problem.message.zh_CN
    # The credit code is public: shown whole (not masked) so the mistyped character can be found.
    assert wrong in problem.message.en and wrong in problem.message.zh_CN
    assert "*" not in problem.message.en


@pytest.mark.parametrize("code,word", [("9144030", "18 characters"),
                                       ("91440300MA5DC1234I", "not allowed")])
def test_credit_code_length_and_alphabet(code, word):
    [problem] = check_credit_code(code)
    assert word in problem.message.en


@pytest.mark.parametrize("region,birth", [("110105", "19491231"), ("440305", "20000229"),
                                          ("310101", "19800101")])
def test_valid_resident_ids_pass(region, birth):
    assert check_resident_id(make_ric(region, birth), "legal_person.id_number", TODAY) == []


def test_lowercase_x_check_digit_is_accepted():
    number = next(n for n in (make_ric(seq=f"{s:03d}") for s in range(200)) if n.endswith("X"))
    assert check_resident_id(number.lower(), "f", TODAY) == []


def test_resident_id_checksum_and_date_and_length():
    good = make_ric()
    bad_digit = good[:-1] + ("0" if good[-1] != "0" else "1")
    [checksum] = check_resident_id(bad_digit, "legal_person.id_number", TODAY)
    assert "check digit" in checksum.message.en
    assert good not in checksum.message.en  # shown masked only
    base = "110105" + "19800231" + "123"  # 31 February, with a correct check digit
    [date_problem] = check_resident_id(base + ric.calc_check_digit(base + "0"), "f", TODAY)
    assert "birth date" in date_problem.message.en
    [short] = check_resident_id("11010519", "f", TODAY)
    assert "18 characters" in short.message.en


def test_future_birth_and_minor():
    future = make_ric(birth="20300101")
    assert check_resident_id(future, "f", TODAY)[0].severity == "error"
    minor = make_ric(birth="20150101")
    assert check_resident_id(minor, "f", TODAY)[0].severity == "warning"


def test_id_expiry():
    assert check_id_expiry(None, "f", TODAY) == []
    assert check_id_expiry(dt.date(2030, 1, 1), "f", TODAY) == []
    assert check_id_expiry(dt.date(2026, 1, 1), "f", TODAY)[0].severity == "error"
    assert check_id_expiry(dt.date(2026, 12, 10), "f", TODAY)[0].severity == "warning"


@pytest.mark.parametrize("phone,ok", [("13800138000", True), ("+86 138-0013-8000", True),
                                      ("008613800138000", True), ("12800138000", False),
                                      ("0755-8888888", False), ("1380013800", False)])
def test_phone(phone, ok):
    assert (check_phone(phone) == []) is ok


def test_names_agree_ignoring_spaces_width_and_middle_dot():
    assert check_names_agree("f", [("profile", "张伟"), ("ID card", " 张 伟")]) == []
    assert check_names_agree("f", [("profile", "买买提·艾力"), ("licence", "买买提艾力")]) == []
    [problem] = check_names_agree("legal_person.name", [("profile", "张伟"),
                                                        ("licence", "张玮")])
    assert "licence: 张玮" in problem.message.en


def test_mask_id():
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_id("123") == "***"


def test_profile_checks(profile):
    assert check_profile(profile, TODAY) == []
    broken = profile.model_copy(update={"corp_id": "not-a-corp-id",
                                        "credit_code": profile.credit_code[:-1] + "Z"})
    fields = {p.field: p.severity for p in check_profile(broken, TODAY, names_on_documents={
        "legal_person.name": [("ID card", "张玮")]})}
    assert fields == {"credit_code": "error", "corp_id": "warning",
                      "legal_person.name": "error"}
