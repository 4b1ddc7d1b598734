"""The appeal statement: the enterprise's letter, from facts; placeholders for the rest."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.appeal.linebreak import NO_LINE_START, break_lines, line_starts_ok
from app.appeal.statement import (
    Measure,
    build_statement,
    complied_prompts,
    not_translated_note,
    placeholders,
    typeset_zh,
)
from app.rules.contract import RestrictionReport

REPORT = RestrictionReport.model_validate({
    "account": "enterprise", "scope": "account", "duration": "permanent",
    "notice_text": "你的企业因涉嫌违反《企业微信使用规范》，已被限制使用"})


def test_no_audit_no_done_measure_and_visible_placeholders(profile, diagnosis):
    text = build_statement(profile, diagnosis, report=REPORT, restricted_on=dt.date(2026, 11, 28),
                           today=dt.date(2026, 12, 2))
    # Nothing is stated as done and nothing of the diagnosis' reasoning is copied.
    assert "（1）已" not in text and not re.search(r"^（\d）已", text, re.M)
    assert all(s.text not in text for s in diagnosis.explanation)
    assert not re.search(r"第\s*\d\.\d\s*条|处理方式|规则第|2\.2|3\.2|4\.2", text)
    found = placeholders(text)
    assert len(found) == 2 and any("理由" in p for p in found) and any("措施" in p for p in found)
    assert "【请填写：" in text
    # What happened: the date, the notice quoted; the request names what is appealed.
    assert "2026年11月28日" in text and "“你的企业因涉嫌违反《企业微信使用规范》" in text
    assert "企业账号封禁" in text
    assert text.index("一、") < text.index("二、") < text.index("三、") < text.index("四、") \
        < text.index("五、") < text.index("六、附件清单")


def test_only_confirmed_measures_read_as_done(profile):
    text = build_statement(profile, report=REPORT, measures=[
        Measure(text="组织对外服务成员重新学习企业微信使用规范", done=True, source="administrator"),
        Measure(text="停用第三方群发工具", done=False)],
        corrective_measures=["限制每日添加客户数量"], complied="账号均由本单位员工使用。")
    assert "（1）已完成：组织对外服务成员重新学习企业微信使用规范。" in text
    assert "（2）【请填写：“停用第三方群发工具”是否已完成及完成情况】" in text
    assert "（3）【请填写：“限制每日添加客户数量”是否已完成及完成情况】" in text
    assert "账号均由本单位员工使用。" in text
    assert not any("理由" in p for p in placeholders(text))


def test_missing_facts_are_placeholders_and_english_follows_the_package(profile):
    member = RestrictionReport.model_validate({"account": "member", "scope": "interop",
                                               "duration": "temporary"})
    en = build_statement(profile, report=member, lang="en", complied="员工本人使用。")
    assert "[Please fill in: the date of the restriction]" in en
    assert "[Please fill in: the account(s) restricted" in en
    assert "[Please fill in: the restriction notice" in en
    assert "not translated" in en and "员工本人使用。" in en
    assert "【" not in en
    assert len(placeholders(en)) == 4  # date, accounts, notice, measures (complied given)
    assert not_translated_note("我单位的申诉说明全文。", "en")
    assert not_translated_note("Our statement, written in English.", "en") is None
    assert len(complied_prompts("zh_CN")) == 5


def test_chinese_typesetting():
    assert typeset_zh("我单位 为 示例公司, 账号 (成员) 被限制.") == (
        "我单位为示例公司，账号（成员）被限制。")
    assert typeset_zh("企业ID: ww01, 版本 5.3") == "企业ID：ww01，版本5.3"
    assert typeset_zh("Hello world, 5.3 stays") == "Hello world, 5.3 stays"
    assert typeset_zh("到店登记过的客户(有登记表). 其他 , 说明") == (
        "到店登记过的客户（有登记表）。其他，说明")


@pytest.mark.parametrize("width", [60.0, 77.0, 110.0, 143.0])
def test_line_breaking_never_starts_a_line_with_closing_punctuation(width):
    text = ("我单位为深圳市示例科技有限公司（统一社会信用代码：91440300MA5DC12341），"
            "企业ID为ww0123456789abcdef。账号由员工使用，服务主动咨询的客户；未使用外挂。"
            "限制通知原文为：“你的企业已被限制使用”。")
    lines = break_lines(text, width, lambda s: 11.0 * len(s))
    assert "".join(lines) == text
    assert line_starts_ok(lines), lines
    assert all(line[-1] not in "（“" for line in lines)


def test_a_line_fits_unless_a_word_is_longer():
    lines = break_lines("abc，defghijk", 40.0, lambda s: 10.0 * len(s))
    assert lines[0] == "abc，" and all(line[:1] not in NO_LINE_START for line in lines)
