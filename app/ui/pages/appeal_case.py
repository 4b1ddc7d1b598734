"""What the package is for (a saved case, its route) and who it is from (the enterprise
profile, checked, identity numbers masked)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.appeal.checks import Problem, check_profile, mask_id
from app.appeal.profile import Profile
from app.i18n import Lang
from app.rules.catalogue import Catalogue
from app.rules.contract import Diagnosis, RestrictionReport
from app.ui import theme

log = logging.getLogger(__name__)

ENTERPRISE = QT_TRANSLATE_NOOP("AppealPage", "enterprise")
CASE_LABEL = QT_TRANSLATE_NOOP("AppealPage", "Case {id} · {date} · {who} · {route}")
NO_PROFILE = QT_TRANSLATE_NOOP("AppealPage", "No enterprise profile yet. Enter it on the "
                               "profile page, or load a profile JSON file.")
LEGAL_PERSON = QT_TRANSLATE_NOOP("AppealPage", "Legal person {name} ({id})")
ADMINISTRATOR = QT_TRANSLATE_NOOP("AppealPage", "Administrator {name} ({id}, phone {phone})")
CODES = QT_TRANSLATE_NOOP("AppealPage", "Credit code {code} · CorpID {corp}")


def _t(text: str) -> str:
    return QCoreApplication.translate("AppealPage", text)


@dataclass
class PackageTarget:
    """The diagnosis the package answers, and where it came from."""

    source: str  # "case", "diagnose" or "manual"
    diagnosis: Diagnosis
    report: RestrictionReport | None = None
    case_id: str | None = None
    restricted_on: dt.date | None = None
    userid: str | None = None  # the member the case was recorded for


def with_route(catalogue: Catalogue, diagnosis: Diagnosis, route_id: str) -> Diagnosis:
    """The diagnosis with another route (the administrator's choice): that route's documents."""
    route = catalogue.route(route_id)
    return diagnosis.model_copy(update={"appeal_route": route.id,
                                        "documents": list(route.documents)})


def case_label(case: Any, catalogue: Catalogue, lang: Lang) -> str:
    try:
        route = catalogue.route(case.appeal_route).title(lang)
    except StopIteration:
        route = case.appeal_route
    who = case.userid or _t(ENTERPRISE)
    return _t(CASE_LABEL).format(
        id=case.id[:6], date=case.restricted_on.isoformat(), who=who, route=route)


def load_profile(ws: Any) -> tuple[Profile | None, Any]:
    """(the full profile when the vault is open, the masked view) from the workspace."""
    if ws is None:
        return None, None
    from app.store import profile as store_profile

    try:
        view = store_profile.profile_view(ws)
        full = store_profile.load_profile(ws) if ws.is_unlocked else None
    except Exception as exc:
        log.warning("the profile cannot be read: %s", exc)
        return None, None
    if full is None:
        return None, view
    return full, view  # one Profile model: the stored one as it is (draft mode, no re-check)


def profile_summary(profile: Profile | None, view: Any) -> str:
    """Rich text: company, credit code, CorpID, people with masked ID numbers."""
    if profile is not None:
        lp, admin = profile.legal_person, profile.administrator
        company, code, corp = profile.company_name, profile.credit_code, profile.corp_id
        legal = (lp.name, mask_id(lp.id_number))
        admin_text = (admin.name, mask_id(admin.id_number), mask_id(admin.phone, 3, 4))
    elif view is not None:
        company, code, corp = view.company_name, view.credit_code, view.corp_id
        legal = (view.legal_person.name, view.legal_person.id_number)
        a = view.administrator
        admin_text = (a.name, a.id_number, a.phone) if a else ("—", "—", "—")
    else:
        return _t(NO_PROFILE)
    people = (_t(LEGAL_PERSON).format(name=legal[0], id=legal[1]),
              _t(ADMINISTRATOR).format(
                  name=admin_text[0], id=admin_text[1], phone=admin_text[2]))
    return "<br>".join([f"<b>{escape(company)}</b>",
                        escape(_t(CODES).format(code=code, corp=corp)),
                        *(escape(p) for p in people)])


def problems_html(problems: list[Problem], lang: Lang) -> str:
    lines = []
    for problem in problems:
        colour = theme.tokens()["error" if problem.severity == "error" else "warning"]
        mark = "✖" if problem.severity == "error" else "⚠"
        lines.append(f'<span style="color:{colour}">{mark} {escape(problem.message(lang))}</span>')
    return "<br>".join(lines)


def profile_problems(profile: Profile | None) -> list[Problem]:
    return check_profile(profile) if profile is not None else []
