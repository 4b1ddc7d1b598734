"""The "Fetch from WeCom" dialog: credentials from and to the keyring, members, date window.

The CorpID and secret go to the system keyring (service ``wecom-appeal-api``) and nowhere
else: not QSettings, not a file, not the log. The base URL and member list are not secret and
are remembered in the settings.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from app.ui import accessibility, theme
from app.ui import settings as prefs
from app.ui.context import AppContext
from app.ui.forms.ui_audit_fetch import Ui_AuditFetchDialog

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = prefs.WECOM_API_BASE_URL.default_value()
HISTORY_DAYS = 180
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class FetchRequest:
    corpid: str
    secret: str = field(repr=False)
    base_url: str
    members: list[str]
    start: dt.date
    end: dt.date


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def parse_members(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for userid in re.split(r"[\s,;，；、]+", text):
        if userid:
            seen.setdefault(userid, None)
    return list(seen)


class AuditFetchDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, *,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.credentials = context.audit.credentials
        self.today = today or dt.date.today()
        self.ui = Ui_AuditFetchDialog()
        self.ui.setupUi(self)
        ui = self.ui
        settings = context.settings
        ui.baseUrlEdit.setText(prefs.WECOM_API_BASE_URL.read(settings))
        ui.membersEdit.setPlainText(prefs.WECOM_API_MEMBERS.read(settings))
        earliest = self.today - dt.timedelta(days=HISTORY_DAYS)
        for edit in (ui.fromEdit, ui.toEdit):
            edit.setDateRange(_qdate(earliest), _qdate(self.today))
        ui.fromEdit.setDate(_qdate(self.today - dt.timedelta(days=DEFAULT_DAYS)))
        ui.toEdit.setDate(_qdate(self.today - dt.timedelta(days=1)))

        self.keyring_problem = self.credentials.problem()
        saved = self.credentials.load() if self.keyring_problem is None else None
        if saved:
            ui.corpidEdit.setText(saved[0])
            ui.secretEdit.setText(saved[1])
        if self.keyring_problem is None:
            ui.keyringStatus.setText(self.tr("Kept in the system keyring: {where}").format(
                where=self.credentials.where()))
        else:
            ui.rememberCheck.setChecked(False)
            ui.rememberCheck.setEnabled(False)
            ui.keyringStatus.setText(self.tr("Not remembered: no usable system keyring was found "
                                             "({reason}). The secret is used for this fetch "
                                             "only and never written to a file.")
                                     .format(reason=self.keyring_problem))
        ui.keyringStatus.setProperty("hint", True)
        theme.style(ui.problem, "QLabel { color: @error; }")
        ui.buttons.accepted.connect(self.accept)
        ui.buttons.rejected.connect(self.reject)
        self.resize(560, 480)
        accessibility.watch(self)

    def request(self) -> FetchRequest | None:
        """What to fetch, or None with the problem shown in the dialog."""
        ui = self.ui
        corpid, secret = ui.corpidEdit.text().strip(), ui.secretEdit.text().strip()
        members = parse_members(ui.membersEdit.toPlainText())
        base_url = ui.baseUrlEdit.text().strip() or DEFAULT_BASE_URL
        start, end = ui.fromEdit.date().toPython(), ui.toEdit.date().toPython()
        problem = ""
        if not corpid or not secret:
            problem = self.tr("Enter the CorpID and the secret.")
        elif not members:
            problem = self.tr("Enter at least one member userid.")
        elif not re.match(r"^https?://[^/\s]+", base_url):
            problem = self.tr("The base URL must start with http:// or https://.")
        elif start > end:
            problem = self.tr("The first day is after the last day.")
        ui.problem.setText(problem)
        if problem:
            return None
        return FetchRequest(corpid=corpid, secret=secret, base_url=base_url, members=members,
                            start=start, end=end)

    def accept(self) -> None:
        request = self.request()
        if request is None:
            return
        settings = self.context.settings
        prefs.WECOM_API_BASE_URL.write(settings, request.base_url)
        prefs.WECOM_API_MEMBERS.write(settings, "\n".join(request.members))
        if self.keyring_problem is None:
            try:
                if self.ui.rememberCheck.isChecked():
                    self.credentials.save(request.corpid, request.secret)
                else:
                    self.credentials.forget()
            except Exception as exc:  # never log the secret; the backend's error is enough
                log.warning("the keyring did not keep the API credentials: %s",
                            type(exc).__name__)
        self.fetch_request = request
        super().accept()


def ask_fetch(parent: QWidget, context: AppContext) -> FetchRequest | None:
    dialog = AuditFetchDialog(context, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.fetch_request
    finally:
        dialog.deleteLater()
