"""The statement's "what happened" from the guide: the restriction day and the notice, pre-filled
from what the administrator entered with the case, kept in the case's encrypted draft, and the
statement (and the core's package statement) regenerated with them."""

from __future__ import annotations

import datetime as dt

import pytest

from app.rules.contract import RestrictionReport
from app.store import drafts
from app.store.cases import create_case, engine_diagnoser
from app.store.package import case_statement

NOTICE = "你的企业账号因存在违规行为已被限制使用。"


@pytest.fixture
def case_id(store) -> str:
    """A case whose report carries the notice the administrator pasted when diagnosing."""
    store.ensure_vault(None)
    report = RestrictionReport(account="enterprise", scope="account", duration="unknown",
                               believes_wrongful=True, notice_text=NOTICE)
    return create_case(store.workspace(), report, diagnoser=engine_diagnoser("en"),
                       restricted_on=dt.date(2026, 11, 2)).id


def test_the_guide_prefills_and_stores_the_notice_and_the_day(page, store, case_id):
    page.package.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("zh_CN"))
    guide = page.guide
    assert guide.notice.toPlainText() == NOTICE, "pre-filled from the case's report"
    assert guide.restrictedOn.date().toPython() == dt.date(2026, 11, 2)
    text = page.ui.statementEdit.toPlainText()
    assert NOTICE.rstrip("。") in text and "2026年11月2日" in text
    assert "请填写：限制通知" not in text

    guide.notice.setPlainText("您的企业因涉嫌骚扰用户，已被限制使用对外功能")
    guide.restrictedOn.setDate(guide.restrictedOn.date().addDays(-1))
    guide.flush()
    text = page.ui.statementEdit.toPlainText()
    assert "您的企业因涉嫌骚扰用户，已被限制使用对外功能" in text, "regenerated with the notice"
    assert "2026年11月1日" in text and "2026年11月2日" not in text, "and with the day"
    assert not page.statement_editor.is_edited, "regeneration from the guide goes on"

    saved = drafts.load_draft(store.workspace(), case_id).statement
    assert saved.notice == "您的企业因涉嫌骚扰用户，已被限制使用对外功能"
    assert saved.restricted_on == dt.date(2026, 11, 1)
    from app.store.profile import save_profile

    from .helpers import sample_profile

    save_profile(store.workspace(), sample_profile())
    core = case_statement(store.workspace(), case_id, lang="zh_CN")
    assert "您的企业因涉嫌骚扰用户" in core and "2026年11月1日" in core, "the CLI's path too"


def test_a_case_without_a_notice_asks_for_it_until_the_guide_has_it(make_page, store,
                                                                   context, case_id):
    from .helpers import sample_profile

    plain = RestrictionReport(account="enterprise", scope="account", duration="unknown",
                              believes_wrongful=True)
    context.hub.set_current_case(create_case(store.workspace(), plain,
                                             diagnoser=engine_diagnoser("en")).id)
    page = make_page()
    page.set_profile(sample_profile())
    page.package.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("zh_CN"))
    assert page.guide.notice.toPlainText() == ""
    before = list(page.placeholders.items)
    assert any("通知" in p for p in before), before
    page.guide.notice.setPlainText("账号已被限制")
    page.guide.flush()
    assert len(page.placeholders.items) == len(before) - 1
    assert "账号已被限制" in page.ui.statementEdit.toPlainText()


def test_a_members_case_names_its_account_until_the_guide_says_otherwise(make_page, store,
                                                                        context, case_id):
    from app.store.ledger import add_past_violation

    from .helpers import sample_profile

    ws = store.workspace()
    add_past_violation(ws, "zhangsan", dt.date(2026, 5, 1), rule="R1", category="harassment",
                       step=1)
    member = RestrictionReport(account="member", scope="interop", duration="temporary")
    case = create_case(ws, member, userid="zhangsan", diagnoser=engine_diagnoser("en"),
                       restricted_on=dt.date(2026, 11, 2))
    context.hub.set_current_case(case.id)
    page = make_page()
    page.set_profile(sample_profile())
    page.package.ui.languageCombo.setCurrentIndex(page.ui.languageCombo.findData("zh_CN"))
    assert page.guide.accounts.text() == "zhangsan", "pre-filled from the case's member"
    text = page.ui.statementEdit.toPlainText()
    assert "zhangsan" in text and "请填写：受限账号" not in text
    page.guide.accounts.setText("zhangsan、lisi")
    page.guide.accounts.textEdited.emit("zhangsan、lisi")
    page.guide.flush()
    assert "zhangsan、lisi" in page.ui.statementEdit.toPlainText()
    assert drafts.load_draft(ws, case.id).statement.accounts == ["zhangsan", "lisi"]
