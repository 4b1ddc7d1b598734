"""The behaviour scan: import on a worker, the sortable table, flags, ledger, thresholds, API."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.pages.audit import SCAN, AuditPage
from app.ui.pages.audit_fetch import AuditFetchDialog
from app.ui.pages.audit_scan import THRESHOLDS_KEY
from app.ui.pages.scan_model import KEYS
from app.ui.workers import SynchronousRunner, ThreadPoolRunner

from .audit_fakes import (
    HARASSER,
    SPAMMER,
    ZH_TITLES,
    FakeWeComClient,
    LocalWeCom,
    behaviour_rows,
    write_behaviour_csv,
)


@pytest.fixture
def make_page(context, qtbot):
    pages = []

    def make(**kwargs) -> AuditPage:
        kwargs.setdefault("runner", SynchronousRunner())
        page = AuditPage(context, **kwargs)
        qtbot.addWidget(page)
        page.resize(1100, 720)
        page.show_tab(SCAN)
        with qtbot.waitExposed(page):
            page.show()
        pages.append(page)
        return page

    yield make


def column(name: str) -> int:
    return KEYS.index(name)


def shown_ids(scan) -> list[str]:
    return [scan.proxy.index(row, 0).data() for row in range(scan.proxy.rowCount())]


def test_chinese_headers_sorted_by_risk_put_the_spammer_first(make_page, tmp_path, qtbot):
    scan = make_page().scan
    scan.import_file(str(write_behaviour_csv(tmp_path / "成员行为.csv")))
    assert scan.proxy.rowCount() == 14
    assert "490 rows read" in scan.ui.summaryLabel.text()
    assert "2 flagged" in scan.ui.summaryLabel.text()

    header = scan.ui.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=_section_centre(header, column("userid")))
    assert scan.proxy.sorted_by[0] == column("userid")
    assert shown_ids(scan)[0] != SPAMMER
    scan.ui.table.sortByColumn(column("risk"), Qt.SortOrder.DescendingOrder)
    assert shown_ids(scan)[:2] == [SPAMMER, HARASSER]
    scan.ui.table.sortByColumn(column("per_day"), Qt.SortOrder.DescendingOrder)
    assert shown_ids(scan)[0] == SPAMMER  # numbers sort as numbers, not as text

    scan.select_member(HARASSER)
    flags = scan.ui.flagsView.toPlainText()
    assert "harassment" in flags and "section 2.1, 5.1" in flags
    assert "deleted or blocked" in flags
    assert scan.chart.userid == HARASSER and scan.chart.point_count() == 3 * 35


def _section_centre(header, logical: int):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    return QPoint(x, header.height() // 2)


def test_only_flagged_and_filter(make_page, tmp_path):
    scan = make_page().scan
    scan.import_file(str(write_behaviour_csv(tmp_path / "data.csv")))
    scan.ui.flaggedOnly.setChecked(True)
    assert sorted(shown_ids(scan)) == sorted([SPAMMER, HARASSER])
    scan.ui.flaggedOnly.setChecked(False)
    scan.ui.filterEdit.setText("normal000")
    assert len(shown_ids(scan)) == 10


def test_malformed_rows_are_listed_with_their_line_numbers(make_page, tmp_path):
    rows = behaviour_rows(members=2, days=5)
    rows[3][2] = "lots"  # line 5: not a number
    rows[6][1] = "yesterday"  # line 8: not a date
    scan = make_page().scan
    scan.import_file(str(write_behaviour_csv(tmp_path / "bad.csv", rows)))
    problems = [scan.ui.problemList.item(i).text() for i in range(scan.ui.problemList.count())]
    assert scan.ui.problemList.isVisible()
    assert [p.split(":")[0] for p in problems] == ["bad.csv, line 5", "bad.csv, line 8"]
    assert "2 rejected" in scan.ui.summaryLabel.text()
    assert scan.proxy.rowCount() == 4, "rows that are fine are kept"


def test_an_unknown_column_is_named(make_page, tmp_path):
    titles = [*ZH_TITLES[:-1], "投诉数"]
    scan = make_page().scan
    scan.import_file(str(write_behaviour_csv(tmp_path / "odd.csv", titles=titles)))
    assert scan.ui.problemList.count() == 1
    assert "投诉数" in scan.ui.problemList.item(0).text()
    assert scan.proxy.rowCount() == 0


def test_import_runs_on_a_worker_and_reports_progress(make_page, context, tmp_path, qtbot):
    threads = []
    real_scan = context.audit.scan

    def scan_elsewhere(*args, **kwargs):
        threads.append(threading.get_ident())
        return real_scan(*args, **kwargs)

    context.audit.scan = scan_elsewhere
    scan = make_page(runner=ThreadPoolRunner()).scan
    values = []
    scan.ui.progressBar.valueChanged.connect(values.append)
    lines: list[str] = []  # the core's stages, as the progress line shows them
    real_set_text = scan.ui.progressText.setText
    scan.ui.progressText.setText = lambda text: (lines.append(text), real_set_text(text))
    job = scan.import_file(str(write_behaviour_csv(tmp_path / "data.csv")))
    assert job is not None and scan.ui.progressRow.isVisible()
    assert not scan.ui.importButton.isEnabled(), "one import at a time"
    qtbot.waitUntil(lambda: scan.job is None, timeout=20000)
    assert threads and threads[0] != threading.get_ident()
    assert values and max(values) == 3, "the core's stages reach the progress bar"
    expected = {"en": "Reading and aggregating", "zh_CN": "正在读取并汇总"}[context.lang]
    assert expected in lines, "in the window's language"
    assert scan.proxy.rowCount() == 14
    assert not scan.ui.progressRow.isVisible() and scan.ui.importButton.isEnabled()
    qtbot.waitUntil(lambda: scan.chart.point_count() > 0, timeout=10000)


def test_cancel_stops_the_import(make_page, context, tmp_path, qtbot):
    from app.audit.behaviour import ScanCancelled

    started = threading.Event()

    def slow_scan(path, thresholds, progress, cancel):
        started.set()
        while not cancel():
            threading.Event().wait(0.01)
        raise ScanCancelled()

    context.audit.scan = slow_scan
    scan = make_page(runner=ThreadPoolRunner()).scan
    scan.import_file(str(tmp_path / "any.csv"))
    assert started.wait(5)
    QApplication.processEvents()
    qtbot.mouseClick(scan.ui.cancelButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scan.job is None, timeout=5000)
    assert scan.result is None and scan.ui.importButton.isEnabled()


def test_earlier_restrictions_from_the_ledger_beside_each_member(make_page, context, tmp_path):
    from app.store.ledger import add_past_violation

    ws = context.audit.archive.workspace
    add_past_violation(ws, SPAMMER, dt.date(2026, 3, 2), rule="R1", category="malicious_adding",
                       step=1)
    scan = make_page().scan
    scan.import_file(str(write_behaviour_csv(tmp_path / "data.csv")))
    row = shown_ids(scan).index(SPAMMER)
    assert scan.proxy.index(row, column("restrictions")).data() == "1 earlier"
    scan.select_member(SPAMMER)
    assert "2026-03-02 · rule 1, step 1 · unblocked" in scan.ui.ledgerLabel.text()
    scan.select_member(HARASSER)
    assert scan.ui.ledgerLabel.text() == "No earlier restrictions in the ledger."


def test_thresholds_are_adjustable_and_stored(make_page, context, tmp_path):
    def raise_daily(parent, thresholds, defaults):
        assert thresholds == defaults
        data = thresholds.model_dump()
        data["malicious_adding"]["daily_applications"] = 500
        data["malicious_adding"]["peak_applications"] = 500
        return type(thresholds).model_validate(data)

    scan = make_page(ask_thresholds=raise_daily).scan
    scan.import_file(str(write_behaviour_csv(tmp_path / "data.csv")))
    def criteria() -> set[str]:
        return {f.criterion for m in scan.result.members if m.userid == SPAMMER for f in m.flags}

    assert "many_applications_low_acceptance" in criteria()
    scan.edit_thresholds()
    assert "many_applications_low_acceptance" not in criteria()
    assert "rule 1, section 2.1" in scan.ui.flagsView.toPlainText()  # spikes are still flagged
    stored = json.loads(context.settings.value(THRESHOLDS_KEY))
    assert stored["malicious_adding"]["daily_applications"] == 500
    assert make_page().scan.thresholds().malicious_adding.daily_applications == 500


def test_fetch_keeps_the_secret_in_the_keyring_only(make_page, context, tmp_path, qtbot):
    dialog = AuditFetchDialog(context, today=dt.date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.ui.corpidEdit.setText("ww0123456789")
    dialog.ui.secretEdit.setText("s3cr3t-value")
    dialog.ui.membersEdit.setPlainText(f"{SPAMMER}, normal0001\n{HARASSER}")
    dialog.ui.baseUrlEdit.setText("http://127.0.0.1:9")
    dialog.accept()
    request = dialog.fetch_request
    assert request.members == [SPAMMER, "normal0001", HARASSER]
    assert "s3cr3t" not in repr(request)
    keyring = context.audit.credentials.backend
    assert keyring.items[("wecom-appeal-api", "secret")] == "s3cr3t-value"
    context.settings.sync()
    settings_text = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert "s3cr3t" not in settings_text and "ww0123456789" not in settings_text
    assert "127.0.0.1" in settings_text  # the base URL is not secret

    again = AuditFetchDialog(context, today=dt.date(2026, 11, 25))
    qtbot.addWidget(again)
    assert again.ui.secretEdit.text() == "s3cr3t-value"

    clients = []

    def make_client(corpid, secret, base_url):
        clients.append(FakeWeComClient(corpid, secret, base_url))
        return clients[-1]

    context.audit.make_client = make_client
    scan = make_page(ask_fetch=lambda parent, ctx: request).scan
    scan.fetch()
    assert clients[0].secret == "s3cr3t-value" and clients[0].base_url == "http://127.0.0.1:9"
    assert sorted(shown_ids(scan)) == sorted(request.members)
    assert shown_ids(scan)[0] == SPAMMER


def test_a_dropped_file_is_imported_and_the_scan_exported(make_page, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    out = tmp_path / "scan.json"
    scan = make_page(ask_save_path=lambda *_: str(out)).scan
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_behaviour_csv(tmp_path / "dropped.csv")))])
    scan.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    assert scan.proxy.rowCount() == 14
    scan.export("json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["members"][0]["userid"] == SPAMMER
    assert data["members"][0]["flags"][0]["citation"] == "2.1"


@pytest.fixture
def local_wecom():
    server = LocalWeCom()
    yield server
    server.close()


def test_fetch_runs_the_real_client_against_a_local_server(make_page, context, local_wecom):
    import urllib.request

    from app.audit.api import WeComClient
    from app.ui.pages.audit_fetch import FetchRequest

    context.audit.make_client = lambda corpid, secret, base_url: WeComClient(
        corpid, secret, base_url, sleep=lambda s: None,
        opener=urllib.request.build_opener(urllib.request.ProxyHandler({})))
    today = dt.date.today()
    server = local_wecom
    request = FetchRequest(corpid=server.corpid, secret=server.secret, base_url=server.base_url,
                           members=["spammer", "quiet.one"], start=today - dt.timedelta(days=40),
                           end=today - dt.timedelta(days=1))
    scan = make_page(ask_fetch=lambda parent, ctx: request).scan
    scan.fetch()
    assert len(server.calls) == 4, "one member per call, 30-day windows"
    assert shown_ids(scan) == ["spammer", "quiet.one"]
    assert "80 rows read" in scan.ui.summaryLabel.text()


def test_earlier_restrictions_read_in_the_chosen_language(ui_language, qapp):
    """The ledger's rule id and the count said as people say them (issue 10: "R1", "1 earlier"
    in the Chinese window)."""
    from types import SimpleNamespace

    from app.ui.pages.scan_model import ScanModel, restriction_text

    entry = SimpleNamespace(occurred="2026-03-02", rule="R1", step=1, outcome="unblocked")
    ui_language.install("zh_CN")
    try:
        text = restriction_text([entry])
        assert "R1" not in text and "规则一" in text, text
        model = ScanModel()
        model.ledger = {"a": [entry]}
        member = SimpleNamespace(userid="a", metrics=None, flags=[])
        assert model._display(member, "restrictions") == "既往 1 次"
    finally:
        ui_language.install("en")
    assert "rule 1" in restriction_text([entry])
