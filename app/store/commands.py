"""Headless commands over the workspace: profile, case, doc, export, import, vault.

Every command opens the workspace (``WECOM_APPEAL_HOME`` or the platform folder); those that
touch identity data or documents unlock the vault (keyring, or ``WECOM_APPEAL_PASSPHRASE``).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from pathlib import Path

from pydantic import TypeAdapter

from app.cliutil import InputError, read_json_model
from app.i18n import LANGS, Lang, system_lang
from app.rules.catalogue import CatalogueError
from app.rules.contract import RestrictionReport
from app.store import cases, documents
from app.store.cases import CASE_STATUSES
from app.store.documents import DOCUMENT_KINDS
from app.store.errors import StoreError
from app.store.profile import Profile, profile_view, save_profile
from app.store.vault_commands import (
    open_workspace,
    register_transfer_and_vault,
    store_errors,
    unlock,
)
from app.store.workspace import Workspace


def _parse_time(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date and time: {value!r} "
                                         "(e.g. 2026-11-25T09:30)") from exc


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r} (e.g. 2026-11-25)") from exc


def _print_json(value: object, adapter: TypeAdapter | None = None) -> None:
    if adapter is not None:
        print(adapter.dump_json(value, indent=2).decode())
    else:
        print(value.model_dump_json(indent=2))  # type: ignore[attr-defined]


# profile ------------------------------------------------------------------------------------

@store_errors
def cmd_profile_set(args: argparse.Namespace) -> int:
    profile = read_json_model(args.file, Profile)
    with open_workspace() as ws:
        unlock(ws)
        view = save_profile(ws, profile)
    print(f"Profile saved: {view.company_name} ({view.credit_code}); identity numbers are "
          "encrypted.")
    return 0


@store_errors
def cmd_profile_show(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        view = profile_view(ws)
    if view is None:
        raise InputError("no profile yet: run 'wecom-appeal profile set PROFILE.json'")
    if args.json:
        _print_json(view)
        return 0
    print(f"Company:        {view.company_name}")
    print(f"Credit code:    {view.credit_code}")
    print(f"CorpID:         {view.corp_id}")
    print(f"Legal person:   {view.legal_person.name}  {view.legal_person.id_number}")
    if view.administrator:
        a = view.administrator
        print(f"Administrator:  {a.name}  {a.id_number}  {a.phone}")
    print(f"Updated:        {view.updated}")
    return 0


# case ---------------------------------------------------------------------------------------

@store_errors
def cmd_case_new(args: argparse.Namespace) -> int:
    report = read_json_model(args.file, RestrictionReport)
    lang: Lang = args.lang or system_lang()
    with open_workspace() as ws:
        if report.notice_text:  # the only part of a case that is encrypted
            unlock(ws)
        try:
            diagnoser = cases.engine_diagnoser(lang)
        except CatalogueError as exc:
            raise InputError(f"rule catalogue is damaged: {exc}") from exc
        detail = cases.create_case(ws, report, diagnoser=diagnoser, userid=args.member,
                                   restricted_on=args.date)
    print(detail.id)
    return 0


@store_errors
def cmd_case_list(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        found = cases.list_cases(ws, status=args.status, userid=args.member, rule=args.rule,
                                 include_trashed=args.trash)
    if args.json:
        _print_json(found, TypeAdapter(list[cases.CaseSummary]))
        return 0
    if not found:
        print("No cases.")
    for c in found:
        rule = f"{c.rule or '?'}" + (f" step {c.step}" if c.step else "")
        trash = "  (in trash)" if c.in_trash else ""
        print(f"{c.id}  {c.restricted_on}  {c.status:<17} {c.userid or c.account:<16} "
              f"{rule:<10} {c.appeal_route}{trash}")
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
    _print_case(detail)
    return 0


def _print_case(d: cases.CaseDetail) -> None:
    lang = d.diagnosis.lang
    dg = d.diagnosis
    print(f"Case {d.id}: {d.status}" + ("  (in trash)" if d.in_trash else ""))
    print(f"  Restricted on {d.restricted_on}; {d.report.account} account, scope "
          f"{d.report.scope}, duration {d.report.duration}"
          + (f"; member {d.userid}" if d.userid else ""))
    rule = dg.rule or "undecided"
    print(f"  Rule {rule}" + (f", step {dg.step}" if dg.step else "")
          + (f", category {dg.category}" if dg.category else "")
          + f"; route {dg.appeal_route}; certainty {dg.certainty}")
    if dg.documents:
        print(f"  Documents the route needs: {', '.join(dg.documents)}")
    for s in dg.explanation:
        print(f"  - {s.text} [{', '.join(s.citations)}]")
    if d.notice_locked:
        print("  Notice text: (encrypted; unlock the vault to see it)")
    print("  Timeline:")
    for e in d.timeline:
        what = e.value if e.kind == "status" else "WeChat account unblocked"
        print(f"    {e.at.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC  {what}")
    for dl in d.deadlines:
        print(f"  Deadline ({dl.state}): {dl.text(lang)} [{', '.join(dl.citations)}]")
    if d.documents:
        print("  Documents:")
        for doc in d.documents:
            print(f"    {doc.id[:12]}  {doc.kind:<26} {doc.media_type:<16} {doc.size} bytes")


@store_errors
def cmd_case_status(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        detail = cases.set_status(ws, _resolve(ws, args.id), args.status, at=args.at,
                                  outcome=args.outcome)
    print(f"Case {detail.id}: {detail.status}")
    return 0


@store_errors
def cmd_case_wechat_unblocked(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        detail = cases.record_wechat_unblocked(ws, _resolve(ws, args.id), at=args.at)
    lang = detail.diagnosis.lang
    for dl in detail.deadlines:
        print(f"{dl.text(lang)} [{', '.join(dl.citations)}]")
    if not detail.deadlines:
        print(f"Case {detail.id}: recorded (this case does not wait for the WeChat account).")
    return 0


@store_errors
def cmd_case_delete(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        case_id = _resolve(ws, args.id)
        cases.trash_case(ws, case_id)
    print(f"Case {case_id} moved to the trash; 'wecom-appeal case restore {case_id}' undoes it.")
    return 0


@store_errors
def cmd_case_restore(args: argparse.Namespace) -> int:
    with open_workspace() as ws:
        case_id = _resolve(ws, args.id, include_trashed=True)
        cases.restore_case(ws, case_id)
    print(f"Case {case_id} restored.")
    return 0


# doc ----------------------------------------------------------------------------------------

@store_errors
def cmd_doc_add(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a folder, not a file") from exc
    with open_workspace() as ws:
        unlock(ws)
        info = documents.add_document(ws, _resolve(ws, args.case_id), args.kind, data,
                                      path.name)
    print(f"{info.id}  {info.kind}  {info.media_type}  {info.size} bytes (encrypted)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("profile", help="the enterprise profile")
    ps = p.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    q = ps.add_parser("set", help="save the profile from PROFILE.json (identity data encrypted)")
    q.add_argument("file", metavar="PROFILE.json")
    q.set_defaults(func=cmd_profile_set)
    q = ps.add_parser("show", help="show the profile, identity data masked")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_profile_show)

    p = sub.add_parser("case", help="restriction cases: new, list, show, status")
    cs = p.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    q = cs.add_parser("new", help="diagnose REPORT.json and record the case; prints its id")
    q.add_argument("file", metavar="REPORT.json")
    q.add_argument("--member", metavar="USERID", help="the restricted member's WeCom userid")
    q.add_argument("--date", type=_parse_date, help="day of the restriction (default today)")
    q.add_argument("--lang", choices=LANGS)
    q.set_defaults(func=cmd_case_new)
    q = cs.add_parser("list", help="list cases, newest first")
    q.add_argument("--json", action="store_true")
    q.add_argument("--status", choices=CASE_STATUSES)
    q.add_argument("--member", metavar="USERID")
    q.add_argument("--rule", choices=("R1", "R2", "R3"))
    q.add_argument("--trash", action="store_true", help="include cases in the trash")
    q.set_defaults(func=cmd_case_list)
    q = cs.add_parser("show", help="a case with its diagnosis, timeline and deadlines")
    q.add_argument("id")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_case_show)
    q = cs.add_parser("status", help="move a case along its timeline")
    q.add_argument("id")
    q.add_argument("status", choices=CASE_STATUSES)
    q.add_argument("--at", type=_parse_time, help="when (default now; local time if no zone)")
    q.add_argument("--outcome", choices=("unblocked", "upheld"),
                   help="with 'resolved': lifted, or the restriction stands")
    q.set_defaults(func=cmd_case_status)
    q = cs.add_parser("wechat-unblocked", help="the linked WeChat account was unblocked (3.2)")
    q.add_argument("id")
    q.add_argument("--at", type=_parse_time, help="when (default now; local time if no zone)")
    q.set_defaults(func=cmd_case_wechat_unblocked)
    q = cs.add_parser("delete", help="move a case to the trash (undo with 'case restore')")
    q.add_argument("id")
    q.set_defaults(func=cmd_case_delete)
    q = cs.add_parser("restore", help="take a case back out of the trash")
    q.add_argument("id")
    q.set_defaults(func=cmd_case_restore)

    p = sub.add_parser("doc", help="case documents, encrypted in the vault")
    ds = p.add_subparsers(dest="doc_command", metavar="ACTION", required=True)
    q = ds.add_parser("add", help="encrypt FILE into the vault as a document of the case")
    q.add_argument("case_id", metavar="CASE_ID")
    q.add_argument("kind", metavar="KIND", choices=DOCUMENT_KINDS,
                   help=f"one of: {', '.join(DOCUMENT_KINDS)}")
    q.add_argument("file", metavar="FILE")
    q.set_defaults(func=cmd_doc_add)
    register_transfer_and_vault(sub)
