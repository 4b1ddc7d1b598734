"""Fixtures of the Appeal page tests: a page with its dialogs answered by the test."""

from __future__ import annotations

import pytest

from app.ui.pages.appeal import AppealPage

from .helpers import Answers, sample_profile


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def make_page(qtbot, context, answers):
    def make(**overrides) -> AppealPage:  # type: ignore[no-untyped-def]
        page = AppealPage(context, None, **{**answers.kwargs(), **overrides})
        qtbot.addWidget(page)
        page.resize(1100, 760)
        page.show()
        return page
    return make


@pytest.fixture
def page(make_page) -> AppealPage:
    """A session-only page (no workspace yet) for an enterprise appeal, with a profile."""
    page = make_page()
    page.set_profile(sample_profile())
    return page
