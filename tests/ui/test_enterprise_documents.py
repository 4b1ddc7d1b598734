"""The standing documents on the Enterprise page: kept once with their validity, warned about
before they expire and when the profile changes, and reused by every case's package."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from app.rules.contract import RestrictionReport
from app.store import enterprise
from app.store.cases import create_case, engine_diagnoser
from app.ui.pages.appeal import AppealPage
from app.ui.pages.profile import ProfilePage

from .appeal.helpers import make_picture


def test_standing_documents_are_kept_once_and_reused_by_cases(window, store, tmp_path, qtbot):
    page = window.show_page("profile")
    assert isinstance(page, ProfilePage)
    qtbot.waitUntil(lambda: store.is_unlocked, timeout=2000)  # first opening: vault set up
    box = page.documents
    assert box.isEnabled() and box.rows["business_license"].state.text() == "Not on file."
    front = make_picture(tmp_path / "id-front.jpg", (1600, 1000))
    assert box.add_file("legal_person_id_front", front)
    row = box.rows["legal_person_id_front"]
    assert row.doc is not None and row.add.text() == "Replace…"
    # The ID card's expiry, 10 days from now: warned (30 days ahead).
    soon = dt.date.today() + dt.timedelta(days=10)
    row.until.setChecked(True)
    row.date.setDate(QDate(soon))
    ws = store.workspace()
    assert enterprise.current_enterprise_documents(ws)["legal_person_id_front"].valid_until \
        == soon
    assert box.warnings.isVisible() and soon.isoformat() in box.warnings.text()

    # Two cases: both packages use the one licence photo of the enterprise.
    report = RestrictionReport(account="enterprise", scope="account", duration="unknown",
                               believes_wrongful=True)
    first = create_case(ws, report, diagnoser=engine_diagnoser("en"))
    second = create_case(ws, report, diagnoser=engine_diagnoser("en"))
    store.cases_changed.emit()
    appeal = window.show_page("appeal")
    assert isinstance(appeal, AppealPage)
    for case in (first, second):
        window.context.hub.set_current_case(case.id)
        assert appeal.target.case_id == case.id
        entries = appeal.documents.states["legal_person_id_front"].entries
        assert [e.stored.source for e in entries] == ["enterprise"]
        assert "legal_person_id_front" not in appeal.documents.missing()
    # Leaving it out of the second package does not delete it, nor touch the first.
    appeal.documents.remove("legal_person_id_front")
    assert "legal_person_id_front" in appeal.documents.missing()
    assert "legal_person_id_front" in enterprise.current_enterprise_documents(ws)
    window.context.hub.set_current_case(first.id)
    assert "legal_person_id_front" not in appeal.documents.missing()
