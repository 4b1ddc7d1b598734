"""A restart with a locked workspace: the window asks to unlock where the data is needed and
never reports locked data as missing (issue 9, item 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.rules.contract import RestrictionReport
from app.store.cases import create_case, engine_diagnoser
from app.store.profile import Profile as StoredProfile
from app.store.profile import save_profile
from app.ui.context import AppContext
from app.ui.main_window import PAGE_KEY

from .appeal.helpers import sample_profile
from .store_fakes import PASSPHRASE, Asked, make_store_service


@pytest.fixture
def locked_context(store, catalogue, settings, audit_service):
    """A workspace with a profile and a case, closed as the app is quit; reopened locked."""
    store.ensure_vault(None)
    ws = store.workspace()
    save_profile(ws, StoredProfile.model_validate(sample_profile().model_dump(
        exclude_none=True)))
    create_case(ws, RestrictionReport(account="enterprise", scope="account", duration="unknown",
                                      believes_wrongful=True),
                diagnoser=engine_diagnoser("en"), restricted_on=dt.date(2026, 11, 2))
    store.close()
    again = make_store_service(store.root, asked=Asked(passphrase=None))  # "not now"
    yield AppContext(catalogue=catalogue, settings=settings, lang="en", audit=audit_service,
                     store=again)
    again.close()


def items(page) -> list[str]:  # type: ignore[no-untyped-def]
    lst = page.ui.completenessList
    return [lst.item(i).text() for i in range(lst.count())]


def test_restart_with_a_locked_workspace_prompts_to_unlock(locked_context, make_window, qtbot):
    locked_context.settings.setValue(PAGE_KEY, "appeal")  # the page the user left open
    window = make_window(locked_context)
    store = locked_context.store
    qtbot.waitUntil(lambda: store.asked.unlock == 1, timeout=3000)
    appeal = window.page("appeal")
    assert window.current_key() == "appeal"
    assert appeal.locked.isVisible() and "locked" in appeal.locked.label.text()
    assert "深圳市示例科技有限公司" in appeal.ui.profileSummary.text(), "the masked profile"
    assert not any("Missing" in item for item in items(appeal)), items(appeal)
    assert any("locked" in item for item in items(appeal))

    # The other pages that need the data show the same Unlock, without asking again.
    for key in ("cases", "profile", "audit"):
        page = window.show_page(key)
        qtbot.wait(10)
        banner = page.locked if hasattr(page, "locked") else page.ui.lockedBanner
        assert banner.isVisible(), key
    assert store.asked.unlock == 1, "one “not now” is enough"

    store.asked.passphrase = PASSPHRASE
    window.show_page("appeal")
    appeal.locked.button.click()
    assert store.is_unlocked and not appeal.locked.isVisible()
    assert appeal.profile is not None and appeal.documents.store.persistent
    assert any("Missing: Business licence" in item for item in items(appeal))
    assert not window.page("cases").locked.isVisible()
