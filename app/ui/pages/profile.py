"""The Enterprise workspace: the profile the appeal letters and package use, checked as you type
(Unified Social Credit Code, resident ID numbers with their check digit and birth date, phone),
identity numbers masked unless edited, saved automatically into the store (identity data only
as vault ciphertext), with the ID cards' expiry dates (optional: "long term / not entered"
leaves them empty). Until the profile is complete and correct, every edit is kept as an
encrypted draft, so a half-filled form survives closing the app."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import ValidationError
from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLabel, QLineEdit, QWidget

from app.appeal import checks
from app.i18n import LocalText
from app.store import profile as profile_store
from app.store.errors import StoreError
from app.ui import theme
from app.ui.context import AppContext
from app.ui.forms.ui_profile import Ui_ProfilePage
from app.ui.pages.profile_documents import EnterpriseDocumentsBox
from app.ui.widgets.masked_id import MaskedIdField

SAVE_DELAY_MS = 800
PAGE_STYLE = ('QLabel[hint="true"] { color: @hint; } '
              'QLabel[error="true"] { color: @error; } '
              'QLabel[warning="true"] { color: @warning; }')
CORP_ID = re.compile(r"^[A-Za-z0-9]{4,64}$")  # what the store accepts
WECOM_CORP_ID = re.compile(r"^ww[0-9a-f]{16}$")  # what WeCom issues
FIELDS = profile_store.DRAFT_FIELDS  # required
DATE_FIELDS = profile_store.OPTIONAL_DRAFT_FIELDS  # the ID cards' expiry, "" for none
EARLIEST_DATE = QDate(1990, 1, 1)


class DateField:
    """An optional date: a date edit and a "long term / not entered" checkbox; "" when checked,
    the date as YYYY-MM-DD otherwise."""

    def __init__(self, edit: QDateEdit, none: QCheckBox) -> None:
        self.edit, self.none = edit, none
        edit.setMinimumDate(EARLIEST_DATE)
        edit.setMaximumDate(QDate(2099, 12, 31))
        none.toggled.connect(lambda checked: edit.setEnabled(not checked))
        edit.setDate(QDate.currentDate())  # where unchecking "long term" starts
        self.set_value("")

    def value(self) -> str:
        return "" if self.none.isChecked() else self.edit.date().toString("yyyy-MM-dd")

    def set_value(self, text: str) -> None:
        try:
            day = dt.date.fromisoformat(text) if text else None
        except ValueError:
            day = None
        self.none.setChecked(day is None)
        self.edit.setEnabled(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))


class ProfilePage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.ui = ui = Ui_ProfilePage()
        ui.setupUi(self)
        theme.style(self, PAGE_STYLE)
        font = QFont(ui.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        ui.title.setFont(font)
        self.legal_id = MaskedIdField(ui.legalIdEdit, ui.legalIdReveal)
        self.admin_id = MaskedIdField(ui.adminIdEdit, ui.adminIdReveal)
        # The phone number is personal too: masked like the ID numbers (138****8000).
        self.admin_phone = MaskedIdField(ui.adminPhoneEdit, ui.adminPhoneReveal,
                                         keep_start=3, keep_end=4)
        self.masked: dict[str, MaskedIdField] = {
            "legal_person.id_number": self.legal_id, "administrator.id_number": self.admin_id,
            "administrator.phone": self.admin_phone}
        self.edits: dict[str, QLineEdit] = {
            "company_name": ui.companyNameEdit, "credit_code": ui.creditCodeEdit,
            "corp_id": ui.corpIdEdit, "legal_person.name": ui.legalNameEdit,
            "legal_person.id_number": ui.legalIdEdit, "administrator.name": ui.adminNameEdit,
            "administrator.id_number": ui.adminIdEdit, "administrator.phone": ui.adminPhoneEdit}
        self.dates: dict[str, DateField] = {
            "legal_person.id_valid_until": DateField(ui.legalValidEdit, ui.legalLongTerm),
            "administrator.id_valid_until": DateField(ui.adminValidEdit, ui.adminLongTerm)}
        self.errors: dict[str, QLabel] = {
            "credit_code": ui.creditCodeError, "corp_id": ui.corpIdError,
            "legal_person.id_number": ui.legalIdError,
            "legal_person.id_valid_until": ui.legalValidError,
            "administrator.id_number": ui.adminIdError,
            "administrator.id_valid_until": ui.adminValidError,
            "administrator.phone": ui.adminPhoneError}
        self._loading = False
        self._saved: dict[str, str] | None = None
        self._has_draft = False  # the form shows a draft kept in the store
        self._first_show = True
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save)
        for key, edit in self.edits.items():
            if key in self.masked:
                continue
            edit.textEdited.connect(lambda _text, key=key: self._edited(key))
            edit.editingFinished.connect(lambda key=key: self.check(key, final=True))
        for key, field in self.masked.items():
            field.edited.connect(lambda _text, key=key: self._edited(key))
            field.edit.editingFinished.connect(lambda key=key: self.check(key, final=True))
        for key, date in self.dates.items():
            date.edit.dateChanged.connect(lambda _date, key=key: self._edited(key))
            date.none.toggled.connect(lambda _checked, key=key: self._edited(key))
        ui.unlockButton.clicked.connect(self.unlock)
        self._align_labels()
        self.store.vault_changed.connect(self.load)
        # The standing documents (licence, ID card, letter), below the profile they belong to.
        self.documents = EnterpriseDocumentsBox(self.store, lambda: self.context.lang,
                                                ui.content)
        ui.contentLayout.insertWidget(ui.contentLayout.count() - 1, self.documents)
        self.documents.status.connect(context.hub.status_message)
        self.documents.changed.connect(self.store.profile_changed.emit)  # cases' packages too
        for signal in (self.store.vault_changed, self.store.profile_changed):
            signal.connect(self.documents.load)
        self.documents.load()
        context.hub.language_changed.connect(self.retranslate)
        self.load()

    # Values and checks --------------------------------------------------------------------

    def value(self, key: str) -> str:
        if key in self.dates:
            return self.dates[key].value()
        if key in self.masked:
            return self.masked[key].value().strip()
        return self.edits[key].text().strip()

    def values(self) -> dict[str, str]:
        """Every field of the form: the required ones, then the optional expiry dates."""
        return {key: self.value(key) for key in (*FIELDS, *DATE_FIELDS)}

    def problems(self, key: str) -> list[checks.Problem]:
        value = self.value(key)
        if not value:
            return []
        if key == "credit_code":
            return checks.check_credit_code(value)
        if key.endswith("id_number"):
            return checks.check_resident_id(value, key)
        if key == "administrator.phone":
            return checks.check_phone(value)
        if key in self.dates:
            return checks.check_id_expiry(dt.date.fromisoformat(value), key)
        if key == "corp_id":
            if not CORP_ID.match(value):
                return [checks.Problem(field=key, message=LocalText(
                    en="A CorpID has 4 to 64 letters and digits, e.g. ww0123456789abcdef.",
                    zh_CN="企业ID 应为 4 到 64 位字母或数字，例如 ww0123456789abcdef。"))]
            if not WECOM_CORP_ID.match(value):
                return [checks.Problem(field=key, severity="warning", message=LocalText(
                    en="A WeCom CorpID usually is 'ww' and 16 hexadecimal characters; copy it "
                       "from the admin console (My Enterprise).",
                    zh_CN="企业ID 通常为 ww 加 16 位十六进制字符，请从管理后台“我的企业”复制。"))]
        return []

    def check(self, key: str, *, final: bool = False) -> bool:
        """Show the field's problem next to it; True when it has no error."""
        label = self.errors.get(key)
        if label is None:
            return True
        found = self.problems(key)
        value = self.value(key)
        full = len(value) >= 18 or key in ("corp_id", "administrator.phone")
        # While typing, "too short" is not an error yet: wait for 18 characters or leaving.
        typing = (not final and not full and key in self.edits
                  and self.edits[key].hasFocus())
        shown = [] if typing else found
        errors = [p for p in shown if p.severity == "error"]
        label.setText("\n".join(p.message(self.context.lang) for p in shown))
        label.setProperty("error", bool(errors))
        label.setProperty("warning", bool(shown) and not errors)
        label.setStyle(label.style())  # re-apply the stylesheet for the new property
        label.setVisible(bool(shown))
        return not any(p.severity == "error" for p in found)

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.check(key)
        self.save_timer.start()
        self._set_state(self.tr("Editing…"))

    # Loading and saving -------------------------------------------------------------------

    def load(self) -> None:
        """Fill the form from the store: in full when the vault is unlocked, masked otherwise."""
        self._loading = True
        try:
            ws = self.store.workspace()
            unlocked = self.store.is_unlocked
            full = profile_store.load_profile(ws) if unlocked else None
            # What was typed last, when it is newer than the saved profile.
            draft = profile_store.current_draft(ws) if unlocked else None
            view = None if unlocked else profile_store.profile_view(ws)
        except StoreError as exc:
            self._set_state(self.tr("The workspace cannot be opened: {error}").format(error=exc))
            self._loading = False
            return
        self._has_draft = draft is not None
        if full is not None:
            self._fill(profile_store.profile_fields(full, optional=True), masked=False)
            self._saved = self.values()
        if draft is not None:
            base = (self._saved if self._saved is not None
                    else dict.fromkeys((*FIELDS, *DATE_FIELDS), ""))
            self._fill({**base, **draft.fields}, masked=False)
        elif full is None and view is not None:
            admin = view.administrator
            self._fill({"company_name": view.company_name, "credit_code": view.credit_code,
                        "corp_id": view.corp_id, "legal_person.name": view.legal_person.name,
                        "legal_person.id_number": view.legal_person.id_number,
                        "administrator.name": admin.name if admin else "",
                        "administrator.id_number": admin.id_number if admin else "",
                        "administrator.phone": admin.phone if admin else "",
                        "legal_person.id_valid_until": _day(view.legal_person.id_valid_until),
                        "administrator.id_valid_until":
                            _day(admin.id_valid_until) if admin else ""}, masked=True)
        self._loading = False
        for key in self.errors:
            self.check(key, final=True)
        self._update_lock(unlocked, has_profile=full is not None or view is not None)

    def _fill(self, values: dict[str, str], *, masked: bool) -> None:
        for key, text in values.items():
            field = self.masked.get(key)
            if key in self.dates:
                self.dates[key].set_value(text)
            elif field is None:
                self.edits[key].setText(text)
            elif masked:
                field.set_masked_only(text)
            else:
                field.set_value(text)

    def _update_lock(self, unlocked: bool, *, has_profile: bool) -> None:
        ui = self.ui
        for group in (ui.enterpriseGroup, ui.legalPersonGroup, ui.adminGroup):
            group.setEnabled(unlocked)
        ui.lockedBanner.setVisible(not unlocked)
        has_vault = self.store.workspace().has_vault
        ui.lockedLabel.setText(
            self.tr("The workspace vault is locked: unlock it to see and edit the profile. "
                    "Identity data is shown masked.") if has_vault else
            self.tr("Set up the workspace vault first: the profile's identity numbers are kept "
                    "only encrypted."))
        ui.unlockButton.setText(self.tr("&Unlock…") if has_vault else self.tr("&Set up…"))
        if unlocked and self._has_draft:
            self._set_state(self._draft_text())
        elif unlocked:
            self._set_state(self.tr("Saved automatically. Last saved {time}.").format(
                time=self._saved_time()) if has_profile else self.tr(
                "Fill in every field: the profile is saved automatically once it is complete "
                "and correct."))

    def _saved_time(self) -> str:
        view = profile_store.profile_view(self.store.workspace())
        if view is None:
            return ""
        at = dt.datetime.fromisoformat(view.updated).astimezone()
        return at.strftime("%Y-%m-%d %H:%M")

    def _set_state(self, text: str) -> None:
        self.ui.saveState.setText(text)

    def field_name(self, key: str) -> str:
        """The field as its label names it ("Mobile phone"), for messages."""
        label = {"company_name": self.ui.companyNameLabel,
                 "credit_code": self.ui.creditCodeLabel, "corp_id": self.ui.corpIdLabel,
                 "legal_person.name": self.ui.legalNameLabel,
                 "legal_person.id_number": self.ui.legalIdLabel,
                 "administrator.name": self.ui.adminNameLabel,
                 "administrator.id_number": self.ui.adminIdLabel,
                 "administrator.phone": self.ui.adminPhoneLabel}[key]
        text = re.sub(r"\(&\w\)", "", label.text()).replace("&", "")
        group = {"legal_person": self.ui.legalPersonGroup,
                 "administrator": self.ui.adminGroup}.get(key.split(".")[0])
        text = text.rstrip(":： ")
        if group is not None:  # two "Name" fields: say whose
            text = self.tr("{group}: {field}").format(group=group.title(), field=text)
        return text

    def missing_fields(self) -> list[str]:
        values = self.values()
        return [self.field_name(key) for key in FIELDS if not values[key]]

    def _draft_text(self) -> str:
        """One statement of where the form stands: kept as a draft, and what is still needed."""
        missing = self.missing_fields()
        if missing:
            return self.tr("Kept as an encrypted draft, not yet used in letters. Still empty: "
                           "{fields}.").format(fields=self.tr(", ").join(missing))
        if any(p.severity == "error" for key in self.errors if key not in self.dates
               for p in self.problems(key)):
            return self.tr("Kept as an encrypted draft, not yet used in letters: correct the "
                           "fields marked in red.")
        return self.tr("Kept as an encrypted draft, not yet used in letters.")

    def unlock(self) -> None:
        if self.store.ensure_vault(self):
            self.load()

    def save(self) -> bool:
        """Save when every field is filled in and correct; say why not otherwise."""
        self.save_timer.stop()
        values = self.values()
        if values == self._saved or (self._saved is None and not any(values.values())):
            # Back to what is saved (or to nothing): no draft to keep.
            if self._has_draft and self._clear_draft():
                self._update_lock(True, has_profile=self._saved is not None)
            return self._saved is not None
        # An expired ID card is shown in red but does not stop saving: the date is a fact the
        # profile keeps, and the saved profile reports it wherever it is used.
        checked = [self.check(key, final=True) for key in self.errors]
        if not all(values[key] for key in FIELDS) or not all(
                ok for key, ok in zip(self.errors, checked, strict=True)
                if key not in self.dates):
            self.save_draft(values)
            return False
        if not self.store.ensure_vault(self):
            self._set_state(self.tr("Not saved: the workspace vault is locked."))
            return False
        try:
            values = self._keep_stored_dates(values)
            profile = profile_store.Profile.model_validate({
                "company_name": values["company_name"], "credit_code": values["credit_code"],
                "corp_id": values["corp_id"],
                "legal_person": {"name": values["legal_person.name"],
                                 "id_number": values["legal_person.id_number"],
                                 "id_valid_until":
                                     values["legal_person.id_valid_until"] or None},
                "administrator": {"name": values["administrator.name"],
                                  "id_number": values["administrator.id_number"],
                                  "phone": values["administrator.phone"],
                                  "id_valid_until":
                                      values["administrator.id_valid_until"] or None}})
            profile_store.save_profile(self.store.workspace(), profile)
        except ValidationError as exc:
            if self.save_draft(values):
                self._set_state(self._draft_text() + "\n" + self.tr("Still to correct: {error}")
                                .format(error="; ".join(e["msg"] for e in exc.errors())))
            return False
        except StoreError as exc:
            self._set_state(self.tr("Not saved: {error}").format(error=exc))
            return False
        self._saved = values
        self._has_draft = False  # save_profile dropped it
        self._set_state(self.tr("Saved {time}. Identity numbers are kept encrypted.").format(
            time=dt.datetime.now().strftime("%H:%M:%S")))
        self.store.profile_changed.emit()
        return True

    def _keep_stored_dates(self, values: dict[str, str]) -> dict[str, str]:
        """The form's values, with each expiry date the user did not change here taken from the
        store: a date set meanwhile elsewhere (``wecom-appeal profile set``) is not cleared."""
        if self._saved is None:
            return values
        stored = profile_store.load_profile(self.store.workspace())
        if stored is None:
            return values
        current = profile_store.profile_fields(stored, optional=True)
        kept = dict(values)
        self._loading = True
        try:
            for key in DATE_FIELDS:
                if values[key] == self._saved.get(key) and current[key] != values[key]:
                    kept[key] = current[key]
                    self.dates[key].set_value(current[key])
                    self.check(key, final=True)
        finally:
            self._loading = False
        return kept

    def save_draft(self, values: dict[str, str]) -> bool:
        """Keep the incomplete or invalid form as the store's encrypted draft."""
        if not self.store.ensure_vault(self):
            self._set_state(self.tr("Not saved: the workspace vault is locked."))
            return False
        try:
            profile_store.save_profile_draft(self.store.workspace(), values)
        except StoreError as exc:
            self._set_state(self.tr("Not saved: {error}").format(error=exc))
            return False
        self._has_draft = True
        self._set_state(self._draft_text())
        return True

    def _clear_draft(self) -> bool:
        try:
            profile_store.clear_profile_draft(self.store.workspace())
        except StoreError as exc:
            self._set_state(self.tr("Not saved: {error}").format(error=exc))
            return False
        self._has_draft = False
        return True

    def flush(self) -> None:
        if self.save_timer.isActive():
            self.save()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_show:
            # First opening: set up the vault (first run) or unlock it, once the page shows;
            # vault_changed then loads the profile in full.
            self._first_show = False
            QTimer.singleShot(0, lambda: self.store.offer_unlock(self, setup=True))

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()  # leaving the page saves what is pending
        super().hideEvent(event)

    # Language -----------------------------------------------------------------------------

    def _align_labels(self) -> None:
        """One label column for the three groups, as wide as the widest label."""
        ui = self.ui
        labels = [ui.companyNameLabel, ui.creditCodeLabel, ui.corpIdLabel, ui.legalNameLabel,
                  ui.legalIdLabel, ui.legalValidLabel, ui.adminNameLabel, ui.adminIdLabel,
                  ui.adminValidLabel, ui.adminPhoneLabel]
        for label in labels:
            label.setMinimumWidth(0)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._align_labels()
        self.documents.retranslate()
        for field in self.masked.values():
            field.retranslate()
        for key in self.errors:
            self.check(key, final=True)
        self._update_lock(self.store.is_unlocked, has_profile=self._saved is not None)



def _day(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
