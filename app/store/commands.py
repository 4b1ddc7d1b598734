"""Headless commands over the workspace: profile, case, doc, export, import, vault.

Every command opens the workspace (``WECOM_APPEAL_HOME`` or the platform folder); those that
touch identity data or documents unlock the vault (keyring, or ``WECOM_APPEAL_PASSPHRASE``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import sys
from pathlib import Path

from pydantic import TypeAdapter

from app.cliutil import InputError, pad, read_json_model, shown
from app.i18n import Lang, system_lang
from app.labels import label, text
from app.rules.catalogue import Catalogue, CatalogueError
from app.rules.contract import RestrictionReport
from app.store import cases, documents, package_commands
from app.store.cases import CASE_STATUSES
from app.store.documents import DOCUMENT_KINDS
from app.store.errors import StoreError
from app.store.profile import Profile, profile_view, save_profile
from app.store.vault_commands import (
    add_lang,
    lang_of,
    open_workspace,
    register_transfer_and_vault,
    store_errors,
    unlock,
)
from app.store.workspace import Workspace

log = logging.getLogger(__name__)

# Dates a restriction or a status change can have: WeCom restrictions began long after 2000;
# 0001-01-01 or 9999-12-31 only overflow the time-zone arithmetic.
_FIRST_YEAR, _LAST_YEAR = 2000, 2100


def _in_range(value: str, year: int) -> None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise argparse.ArgumentTypeError(label("err_date_range", system_lang(),
                                               value=value[:40], first=_FIRST_YEAR,
                                               last=_LAST_YEAR))


def _parse_time(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as exc:  # argparse reports it before --lang is known: the system's
        raise argparse.ArgumentTypeError(label("err_not_datetime", system_lang(),
                                               value=repr(value))) from exc
    _in_range(value, parsed.year)
    return parsed


def _parse_date(value: str) -> dt.date:
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(label("err_not_date", system_lang(),
                                               value=repr(value))) from exc
    _in_range(value, parsed.year)
    return parsed


def _parse_member(value: str) -> str:
    """A member id (app.store.ledger's one definition), checked where it enters."""
    from app.store.ledger import userid_problem

    problem = userid_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(
            label("storeerr_member_id", system_lang(), problem=problem) + f": {shown(value)}")
    return value


def _catalogue() -> Catalogue | None:
    """The rule catalogue for titles; without it the ids are shown."""
    from app.rules.catalogue import load_catalogue

    try:
        return load_catalogue()
    except CatalogueError:
        return None


def _field(key: str, value: object, lang: Lang) -> str:
    """'Company:        value', the values lined up (wide characters count twice)."""
    colon = "：" if lang == "zh_CN" else ":"
    return pad(label(key, lang) + colon, 16 if lang == "en" else 20) + shown(value)


def _status(status: str, lang: Lang) -> str:
    return label("status_shown", lang, id=status, name=label(f"status_{status}", lang))


def _print_json(value: object, adapter: TypeAdapter | None = None) -> None:
    if adapter is not None:
        print(adapter.dump_json(value, indent=2).decode())
    else:
        print(value.model_dump_json(indent=2))  # type: ignore[attr-defined]


# profile ------------------------------------------------------------------------------------

@store_errors
def cmd_profile_set(args: argparse.Namespace) -> int:
    profile = read_json_model(args.file, Profile)
    lang = lang_of(args)
    with open_workspace() as ws:
        unlock(ws, lang)
        view = save_profile(ws, profile)
    print(label("profile_saved", lang, company=view.company_name, code=view.credit_code))
    return 0


@store_errors
def cmd_profile_show(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        view = profile_view(ws)
    if view is None:
        raise InputError(text("profile_none"))
    if args.json:
        _print_json(view)
        return 0
    lang = lang_of(args)
    print(_field("profile_company", view.company_name, lang))
    print(_field("profile_credit_code", view.credit_code, lang))
    print(_field("profile_corp_id", view.corp_id, lang))
    print(_field("profile_legal_person",
                 f"{view.legal_person.name}  {view.legal_person.id_number}", lang))
    if view.administrator:
        a = view.administrator
        print(_field("profile_administrator", f"{a.name}  {a.id_number}  {a.phone}", lang))
    print(_field("profile_updated", view.updated, lang))
    return 0


# case ---------------------------------------------------------------------------------------

@store_errors
def cmd_case_new(args: argparse.Namespace) -> int:
    report = read_json_model(args.file, RestrictionReport)
    lang = lang_of(args)
    with open_workspace() as ws:
        if report.notice_text:  # the only part of a case that is encrypted
            unlock(ws, lang)
        try:
            diagnoser = cases.engine_diagnoser(lang)
        except CatalogueError as exc:
            raise InputError(text("err_catalogue", error=exc)) from exc
        detail = cases.create_case(ws, report, diagnoser=diagnoser, userid=args.member,
                                   restricted_on=args.date)
    print(detail.id)
    if detail.ladder is not None:  # which earlier-restriction count was used, and why
        print(detail.ladder.message(lang_of(args)), file=sys.stderr)
    return 0


@store_errors
def cmd_case_list(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        found = cases.list_cases(ws, status=args.status, userid=args.member, rule=args.rule,
                                 include_trashed=args.trash)
    if args.json:
        _print_json(found, TypeAdapter(list[cases.CaseSummary]))
        return 0
    lang = lang_of(args)
    catalogue = _catalogue()
    routes = {r.id: r.title(lang) for r in catalogue.routes} if catalogue else {}
    if not found:
        print(label("case_none", lang))
    for c in found:
        rule = f"{c.rule or '?'}" + (label("case_step", lang, step=c.step) if c.step else "")
        trash = label("case_in_trash", lang) if c.in_trash else ""
        status = c.status if lang == "en" else label(f"status_{c.status}", lang)
        who = c.userid or label(f"account_{c.account}", lang)
        print(f"{c.id}  {c.restricted_on}  {pad(status, 17)} {pad(who, 16)} "
              f"{pad(rule, 10)} {routes.get(c.appeal_route, c.appeal_route)}{trash}")
    return 0


def _resolve(ws: Workspace, prefix: str, include_trashed: bool = False) -> str:
    return cases.resolve_case_id(ws, prefix, include_trashed=include_trashed)


@store_errors
def cmd_case_show(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        if ws.has_vault:
            with contextlib.suppress(StoreError):  # shown without the notice text
                ws.unlock()
        detail = cases.get_case(ws, _resolve(ws, args.id, include_trashed=True))
        if args.json:
            _print_json(detail)
            return 0
        _print_case(detail, lang_of(args))
        _print_package_history(ws, detail.id, lang_of(args))
    return 0


def _titled(title: str | None, item_id: str) -> str:
    """What a person reads: the catalogue's title; the id only when the catalogue has none."""
    return title or item_id


def _explanation(d: cases.CaseDetail, catalogue: Catalogue | None, lang: Lang) -> list:
    """The reasons in ``lang``: the stored ones, or the same diagnosis made again in ``lang``."""
    dg = d.diagnosis
    if dg.lang == lang or catalogue is None or d.notice_locked:
        return list(dg.explanation)
    from app.rules.engine import diagnose

    try:
        again = diagnose(d.report, catalogue, lang)
    except Exception:  # the stored reasons are still right, only in the other language
        log.warning("the diagnosis cannot be redone in the other language", exc_info=True)
        return list(dg.explanation)
    same = (again.rule, again.step, again.category, again.appeal_route) == (
        dg.rule, dg.step, dg.category, dg.appeal_route)
    return list(again.explanation if same else dg.explanation)


def _print_case(d: cases.CaseDetail, lang: Lang) -> None:
    dg = d.diagnosis
    catalogue = _catalogue()

    def title(kind: str, item_id: str) -> str:
        try:
            found = getattr(catalogue, kind)(item_id) if catalogue else None
        except (KeyError, StopIteration, ValueError):
            found = None
        return _titled(found.title(lang) if found else None, item_id)

    in_trash = label("case_in_trash", lang) if d.in_trash else ""
    print(label("case_heading", lang, id=d.id, status=_status(d.status, lang)) + in_trash)
    print(label("case_restricted", lang, date=d.restricted_on,
                account=label(f"account_{d.report.account}", lang),
                scope=label(f"scope_{d.report.scope}", lang),
                duration=label(f"duration_{d.report.duration}", lang))
          + (label("case_member", lang, userid=shown(d.userid)) if d.userid else ""))
    colon = "：" if lang == "zh_CN" else ": "
    print(f"  {label('rule', lang)}{colon}"
          + (title("rule", dg.rule) if dg.rule else label("rule_unknown", lang)))
    if dg.step:
        print(f"  {label('step', lang)}{colon}{label('step_value', lang, step=dg.step)}")
    if dg.category:
        print(f"  {label('category', lang)}{colon}{title('violation', dg.category)}")
    print(f"  {label('route', lang)}{colon}{title('route', dg.appeal_route)}")
    print(f"  {label('certainty', lang)}{colon}{label('certainty_' + dg.certainty, lang)}")
    if dg.documents:
        names = {doc.id: doc.title(lang) for doc in catalogue.documents} if catalogue else {}
        print(f"  {label('documents', lang)}{colon}"
              + "; ".join(_titled(names.get(kind), kind) for kind in dg.documents))
    for s in _explanation(d, catalogue, lang):
        print(f"  - {s.text} [{', '.join(s.citations)}]")
    if d.ladder is not None:
        print(label("case_ladder", lang, message=d.ladder.message(lang)))
    if d.notice_locked:
        print(label("case_notice_locked", lang))
    print(label("case_timeline", lang))
    for e in d.timeline:
        what = (_status(e.value, lang) if e.kind == "status" and e.value
                else label("case_wait_until_event", lang, date=e.value or "")
                if e.kind == "wait_until"
                else label("case_wechat_unblocked_event", lang))
        print(f"    {e.at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC  {what}")
    for dl in d.deadlines:
        print(label("case_deadline", lang, state=label(f"deadline_{dl.state}", lang),
                    text=dl.text(lang), citations=", ".join(dl.citations)))
    if d.documents:
        names = {doc.id: doc.title(lang) for doc in catalogue.documents} if catalogue else {}
        print(label("case_documents", lang))
        for doc in d.documents:
            kind = names.get(doc.kind, doc.kind)
            print(f"    {doc.id[:12]}  {pad(kind, 26)} {pad(doc.media_type, 16)} "
                  + label("case_size", lang, size=doc.size))


def _print_package_history(ws: Workspace, case_id: str, lang: Lang) -> None:
    """The case's builds and submissions (with their outcomes), if any."""
    from app.store.submissions import CHANNEL_TITLES, OUTCOME_TITLES, list_submissions

    builds = ws.conn.execute("SELECT built, pages, lang, sha256 FROM case_builds "
                             "WHERE case_id = ? ORDER BY built, rowid", (case_id,)).fetchall()
    if builds:
        print(label("case_builds", lang))
        for b in builds:
            print(label("case_build_row", lang, when=b["built"][:16].replace("T", " "),
                        pages=b["pages"], package_lang=b["lang"], sha=b["sha256"][:16]))
    subs = list_submissions(ws, case_id)
    if subs:
        print(label("case_submissions", lang))
        for s in subs:
            reason = f" ({label('reason_' + s.reason, lang)})" if s.reason else ""
            ref = f"  #{s.reference}" if s.reference else ""
            print(label("case_submission_row", lang, date=s.submitted_on,
                        channel=CHANNEL_TITLES[s.channel](lang),
                        outcome=OUTCOME_TITLES[s.outcome](lang), reason=reason, ref=ref,
                        follow_up=s.follow_up_on))


@store_errors
def cmd_case_status(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        detail = cases.set_status(ws, _resolve(ws, args.id), args.status, at=args.at,
                                  outcome=args.outcome)
    lang = lang_of(args)
    print(label("case_heading", lang, id=detail.id, status=_status(detail.status, lang)))
    return 0


@store_errors
def cmd_case_wechat_unblocked(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        detail = cases.record_wechat_unblocked(ws, _resolve(ws, args.id), at=args.at)
    lang = lang_of(args)
    for dl in detail.deadlines:
        print(f"{dl.text(lang)} [{', '.join(dl.citations)}]")
    if not detail.deadlines:
        print(label("case_status_recorded", lang, id=detail.id))
    return 0


@store_errors
def cmd_case_delete(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        case_id = _resolve(ws, args.id)
        cases.trash_case(ws, case_id)
    print(label("case_trashed", lang_of(args), id=case_id))
    return 0


@store_errors
def cmd_case_restore(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        case_id = _resolve(ws, args.id, include_trashed=True)
        cases.restore_case(ws, case_id)
    print(label("case_restored", lang_of(args), id=case_id))
    return 0


# doc ----------------------------------------------------------------------------------------

@store_errors
def cmd_doc_add(args: argparse.Namespace) -> int:
    from app.appeal.intake import IntakeError, read_checked

    path = Path(args.file)
    try:  # the Appeal page's intake: type from the bytes, sizes first, a full decode
        _, data = read_checked(path)
    except IntakeError as exc:
        raise InputError(exc.message) from exc
    lang = lang_of(args)
    from app.appeal.intake import IntakeError
    from app.store.documents import check_file

    try:  # the Appeal page's intake: a file the package cannot use is refused now
        notes = check_file(path)
    except IntakeError as exc:
        raise InputError(exc.message) from exc
    with open_workspace() as ws:
        unlock(ws, lang)
        info = documents.add_document(ws, _resolve(ws, args.case_id), args.kind, data,
                                      path.name)
    for note in notes:
        print(label("note", lang, message=note(lang)), file=sys.stderr)
    catalogue = _catalogue()
    names = {doc.id: doc.title(lang) for doc in catalogue.documents} if catalogue else {}
    print(label("doc_added", lang, id=info.id, kind=names.get(info.kind, info.kind),
                media_type=info.media_type, size=info.size))
    return 0


def register(sub: argparse._SubParsersAction, lang: Lang) -> None:
    p = sub.add_parser("profile", help=label("clihelp_profile", lang))
    ps = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    q = add_lang(ps.add_parser("set", help=label("clihelp_profile_set", lang)), lang)
    q.add_argument("file", metavar="PROFILE.json")
    q.set_defaults(func=cmd_profile_set)
    q = add_lang(ps.add_parser("show", help=label("clihelp_profile_show", lang)), lang)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_profile_show)

    p = sub.add_parser("case", help=label("clihelp_case", lang))
    cs = p.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    q = add_lang(cs.add_parser("new", help=label("clihelp_case_new", lang)), lang)
    q.add_argument("file", metavar="REPORT.json")
    q.add_argument("--member", metavar="USERID", type=_parse_member,
                   help=label("clihelp_case_member", lang))
    q.add_argument("--date", type=_parse_date, help=label("clihelp_case_date", lang))
    q.set_defaults(func=cmd_case_new)
    q = add_lang(cs.add_parser("list", help=label("clihelp_case_list", lang)), lang)
    q.add_argument("--json", action="store_true")
    q.add_argument("--status", choices=CASE_STATUSES)
    q.add_argument("--member", metavar="USERID")
    q.add_argument("--rule", choices=("R1", "R2", "R3"))
    q.add_argument("--trash", action="store_true", help=label("clihelp_case_trash", lang))
    q.set_defaults(func=cmd_case_list)
    q = add_lang(cs.add_parser("show", help=label("clihelp_case_show", lang)), lang)
    q.add_argument("id")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_case_show)
    q = add_lang(cs.add_parser("status", help=label("clihelp_case_status", lang)), lang)
    q.add_argument("id")
    q.add_argument("status", choices=CASE_STATUSES)
    q.add_argument("--at", type=_parse_time, help=label("clihelp_case_at", lang))
    q.add_argument("--outcome", choices=("unblocked", "upheld"),
                   help=label("clihelp_case_outcome", lang))
    q.set_defaults(func=cmd_case_status)
    q = add_lang(cs.add_parser("wechat-unblocked",
                               help=label("clihelp_case_wechat_unblocked", lang)), lang)
    q.add_argument("id")
    q.add_argument("--at", type=_parse_time, help=label("clihelp_case_at", lang))
    q.set_defaults(func=cmd_case_wechat_unblocked)
    q = add_lang(cs.add_parser("delete", help=label("clihelp_case_delete", lang)), lang)
    q.add_argument("id")
    q.set_defaults(func=cmd_case_delete)
    q = add_lang(cs.add_parser("restore", help=label("clihelp_case_restore", lang)), lang)
    q.add_argument("id")
    q.set_defaults(func=cmd_case_restore)
    package_commands.register_case(cs, lang)
    package_commands.register_enterprise(sub, lang)

    p = sub.add_parser("doc", help=label("clihelp_doc", lang))
    ds = p.add_subparsers(dest="doc_command", metavar="ACTION", required=True)
    q = add_lang(ds.add_parser("add", help=label("clihelp_doc_add", lang)), lang)
    q.add_argument("case_id", metavar="CASE_ID")
    q.add_argument("kind", metavar="KIND", choices=DOCUMENT_KINDS,
                   help=label("clihelp_doc_kind", lang, kinds=", ".join(DOCUMENT_KINDS)))
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_doc_add)
    register_transfer_and_vault(sub, lang)
