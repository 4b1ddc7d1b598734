"""Fixtures of the Appeal page tests: a page with its dialogs answered by the test."""

from __future__ import annotations

import datetime as dt

import pytest

from app.rules.contract import RestrictionReport
from app.store.cases import create_case, engine_diagnoser
from app.ui.pages.appeal import AppealPage

from .helpers import Answers, sample_profile

ENTERPRISE = RestrictionReport(account="enterprise", scope="account", duration="unknown",
                               believes_wrongful=True)


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def make_page(qtbot, context, answers, case_id):
    """Pages on the current case (``case_id`` unless a test makes another one current)."""
    if not context.hub.current_case:
        context.hub.set_current_case(case_id)

    def make(**overrides) -> AppealPage:  # type: ignore[no-untyped-def]
        page = AppealPage(context, None, **{**answers.kwargs(), **overrides})
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()
        return page
    return make


@pytest.fixture
def case_id(store) -> str:
    """An enterprise appeal recorded as a case, the vault set up and unlocked."""
    store.ensure_vault(None)
    return create_case(store.workspace(), ENTERPRISE, diagnoser=engine_diagnoser("en"),
                       restricted_on=dt.date(2026, 11, 2)).id


@pytest.fixture
def page(make_page) -> AppealPage:
    """The page on the current case (an enterprise appeal), with a profile."""
    page = make_page()
    page.set_profile(sample_profile())
    assert page.documents.store.persistent
    return page
