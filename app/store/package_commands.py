"""Headless commands of a case's package and its afterlife: ``case package``, ``case submit``,
``case outcome``, ``case due``; and the enterprise's standing documents: ``enterprise doc``.

Exit codes (docs/design.md): 0 done; 1 done with findings the user must see (an incomplete package,
a package not built because the statement has placeholders, something due); 2 bad input.
The PDF and image stack are imported inside the commands: ``--help`` starts without them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app.cliutil import InputError, check_output_path, pad, private_output
from app.i18n import Lang, system_lang
from app.labels import label, text
from app.store.errors import StoreError
from app.store.vault_commands import add_lang, lang_of, open_workspace, store_errors, unlock

CHANNELS = ("admin_console", "customer_service", "appeal_page")
REASONS = ("unclear_images", "information_mismatch", "letter_not_sealed",
           "copies_without_purpose", "other")
ENTERPRISE_KINDS = ("business_license", "legal_person_id_front", "legal_person_id_back",
                    "legal_person_holding_id", "seal_authorization_letter")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:  # argparse reports it before --lang is known: the system's
        raise argparse.ArgumentTypeError(label("err_not_date", system_lang(),
                                               value=repr(value))) from exc


def _issues(issues: list, lang: Lang) -> None:
    if not issues:
        return
    print(label("package_issues", lang), file=sys.stderr)
    for issue in issues:
        severity = ("severity_blocking" if issue.blocking else f"severity_{issue.severity}")
        print(label("package_issue", lang, severity=label(severity, lang),
                    message=issue.message(lang)), file=sys.stderr)


# case package ---------------------------------------------------------------------------------

@store_errors
def cmd_case_package(args: argparse.Namespace) -> int:
    from app.appeal.intake import IntakeError
    from app.store.cases import resolve_case_id
    from app.store.package import PackageIncomplete, build_case_package

    lang: Lang = lang_of(args)
    font = None
    if args.font:
        from app.pdf.fonts import FontNotFoundError, find_cjk_font

        try:
            font = find_cjk_font(args.font)
        except FontNotFoundError as exc:
            raise InputError(exc.message) from exc
    check_output_path(args.output)
    if args.kit:  # refused now, before the bundle is written
        from app.appeal.kit import check_kit_folder

        try:
            check_kit_folder(args.kit)
        except IntakeError as exc:
            raise InputError(exc.message) from exc
    with open_workspace() as ws:
        unlock(ws, lang)
        case_id = resolve_case_id(ws, args.id)
        try:
            with private_output(args.output) as out:  # owner-only; removed if anything fails
                built = build_case_package(ws, case_id, out, kit=args.kit,
                                           allow_placeholders=args.allow_placeholders,
                                           lang=args.lang, font=font)
        except PackageIncomplete as exc:
            print(label("package_blocked", lang, count=len(exc.blocking)), file=sys.stderr)
            _issues(exc.issues, lang)
            return 1
        except IntakeError as exc:
            raise InputError(exc.message) from exc
    result = built.result
    print(label("bundle_written", lang, path=args.output, pages=result.pages,
                kb=f"{result.size_bytes / 1024:.0f}"))
    for placed in result.documents:
        print(label("bundle_placed", lang, page=placed.first_page, title=placed.title))
    print(label("package_recorded", lang, sha=built.build.sha256))
    kit = built.kit
    if kit is not None:
        print(label("kit_and_zip", lang, folder=kit.folder, zip=kit.zip_path)
              if kit.zip_path else label("kit_written", lang, folder=kit.folder))
    for note in result.notes:
        print(label("note", lang, message=note.message(lang)), file=sys.stderr)
    _issues(built.issues, lang)
    over_cap = kit is not None and any(f.over_cap for f in kit.files)
    return 1 if built.issues or over_cap else 0


# case draft -----------------------------------------------------------------------------------

@store_errors
def cmd_case_draft(args: argparse.Namespace) -> int:
    """Show or change the case's package draft: a whole draft from JSON (``--set``), or the
    statement's parts (the administrator's own words, confirmed measures)."""
    from app.cliutil import read_json_model
    from app.store.cases import resolve_case_id
    from app.store.drafts import Measure, PackageDraft, load_draft, save_draft

    lang: Lang = lang_of(args)
    with open_workspace() as ws:
        unlock(ws, lang)
        case_id = resolve_case_id(ws, args.id)
        draft = read_json_model(args.set, PackageDraft) if args.set else load_draft(ws, case_id)
        st = draft.statement
        updates: dict[str, object] = {}
        if args.complied is not None:
            updates["complied"] = args.complied
        if args.what_happened is not None:
            updates["what_happened"] = args.what_happened
        if args.request is not None:
            updates["request"] = args.request
        if args.account:
            updates["accounts"] = [*st.accounts, *args.account]
        if args.done or args.measure:
            updates["measures"] = [*st.measures,
                                   *(Measure(text=t, done=True) for t in args.done or ()),
                                   *(Measure(text=t) for t in args.measure or ())]
        changed = bool(args.set or updates)
        if updates:
            draft = draft.model_copy(update={"statement": st.model_copy(update=updates)})
            draft = PackageDraft.model_validate(draft.model_dump())
        if changed:
            save_draft(ws, case_id, draft)
    print(draft.model_dump_json(indent=2))
    return 0


# case submit / outcome / due ------------------------------------------------------------------

@store_errors
def cmd_case_submit(args: argparse.Namespace) -> int:
    from app.store.cases import resolve_case_id
    from app.store.submissions import CHANNEL_TITLES, record_submission

    lang: Lang = lang_of(args)
    with open_workspace() as ws:
        case_id = resolve_case_id(ws, args.id)
        sub = record_submission(ws, case_id, channel=args.channel, submitted_on=args.date,
                                bundle_sha256=args.bundle, reference=args.ref,
                                follow_up_days=args.follow_up_days)
    ref = label("submission_ref", lang, ref=sub.reference) if sub.reference else ""
    print(label("submission_recorded", lang, id=case_id, date=sub.submitted_on,
                channel=CHANNEL_TITLES[sub.channel](lang), ref=ref,
                follow_up=sub.follow_up_on))
    print(label("submission_bundle", lang, sha=sub.bundle_sha256) if sub.bundle_sha256
          else label("submission_no_bundle", lang))
    return 0


@store_errors
def cmd_case_outcome(args: argparse.Namespace) -> int:
    from app.store.cases import get_case, resolve_case_id
    from app.store.submissions import OUTCOME_TITLES, record_outcome, rejection_checklist

    lang: Lang = lang_of(args)
    if args.outcome == "rejected" and args.reason is None:
        raise InputError(text("outcome_needs_reason", reasons=", ".join(REASONS)))
    fixes = None
    with open_workspace() as ws:
        case_id = resolve_case_id(ws, args.id)
        if args.note or args.outcome == "rejected":
            unlock(ws, lang)
        sub = record_outcome(ws, case_id, args.outcome, reason=args.reason, note=args.note,
                             on=args.date)
        status = get_case(ws, case_id).status
        if sub.outcome == "rejected" and sub.reason:
            from app.store.package import rejection_fixes

            try:  # the checklist, each item run through its check on the package as it is
                fixes = rejection_fixes(ws, case_id, sub.reason)
            except StoreError:  # no profile yet: the checklist without the checks' findings
                fixes = None
    print(label("outcome_recorded", lang, id=case_id, outcome=OUTCOME_TITLES[sub.outcome](lang),
                status=label(f"status_{status}", lang)))
    if sub.outcome == "rejected" and sub.reason:
        print(label("outcome_checklist", lang))
        if fixes is None:
            for item in rejection_checklist(sub.reason):
                print(label("outcome_check_item", lang, text=item.text(lang), check=item.check))
        for fix in fixes or []:
            item = fix.item
            print(label(f"outcome_fix_{fix.state}", lang, text=item.text(lang),
                        check=item.check))
            for detail in fix.details:
                print(f"      - {detail(lang)}")
    return 0


@store_errors
def cmd_case_due(args: argparse.Namespace) -> int:
    from pydantic import TypeAdapter

    from app.store.submissions import DueItem, what_is_due

    lang: Lang = lang_of(args)
    with open_workspace() as ws:
        due = what_is_due(ws)
    if args.json:
        print(TypeAdapter(list[DueItem]).dump_json(due, indent=2).decode())
        return 1 if due else 0
    if not due:
        print(label("due_none", lang))
        return 0
    for item in due:
        print(label("due_item", lang, due=item.due or label("due_now", lang),
                    message=item.message(lang)))
    return 1


# enterprise doc -------------------------------------------------------------------------------

@store_errors
def cmd_enterprise_doc_add(args: argparse.Namespace) -> int:
    from app.appeal.intake import IntakeError
    from app.store.enterprise import add_enterprise_document, enterprise_warnings, kind_title

    lang: Lang = lang_of(args)
    path = Path(args.file)
    if not path.exists():
        raise InputError(text("err_no_file", path=path))
    if path.is_dir():
        raise InputError(text("err_is_folder", path=path))
    with open_workspace() as ws:
        unlock(ws, lang)
        try:
            doc, notes = add_enterprise_document(ws, args.kind, path,
                                                 valid_until=args.valid_until)
        except IntakeError as exc:
            raise InputError(exc.message) from exc
        warnings = [w for w in enterprise_warnings(ws) if w.document_id == doc.id]
    until = (label("enterprise_valid_until", lang, date=doc.valid_until) if doc.valid_until
             else "")
    print(label("enterprise_doc_added", lang, kind=kind_title(doc.kind)(lang), id=doc.id[:12],
                media_type=doc.media_type, size=doc.size, until=until))
    for note in notes:
        print(label("note", lang, message=note(lang)), file=sys.stderr)
    for w in warnings:
        print(label("note", lang, message=w.message(lang)), file=sys.stderr)
    return 1 if warnings else 0


@store_errors
def cmd_enterprise_doc_list(args: argparse.Namespace) -> int:
    from pydantic import TypeAdapter

    from app.store.enterprise import (
        EnterpriseDocument,
        enterprise_warnings,
        kind_title,
        list_enterprise_documents,
    )

    lang: Lang = lang_of(args)
    with open_workspace() as ws:
        docs = list_enterprise_documents(ws)
        warnings = enterprise_warnings(ws, required=ENTERPRISE_KINDS)
    if args.json:
        print(TypeAdapter(list[EnterpriseDocument]).dump_json(docs, indent=2).decode())
        return 1 if warnings else 0
    if not docs:
        print(label("enterprise_none", lang))
    for doc in docs:
        until = doc.valid_until.isoformat() if doc.valid_until else label(
            "enterprise_long_term", lang)
        print(label("enterprise_row", lang, kind=pad(kind_title(doc.kind)(lang), 30),
                    id=doc.id[:12], until=until, added=doc.added[:10]))
    missing = [kind_title(w.kind)(lang) for w in warnings if w.state == "missing"]
    if missing and docs:
        print(label("enterprise_missing_kinds", lang,
                    kinds=("、" if lang == "zh_CN" else ", ").join(missing)))
    for w in warnings:
        if w.state != "missing":
            print(label("note", lang, message=w.message(lang)), file=sys.stderr)
    return 1 if any(w.state != "missing" for w in warnings) else 0


# registration ---------------------------------------------------------------------------------

def register_case(cs: argparse._SubParsersAction, lang: Lang) -> None:
    """The package and submission actions of ``wecom-appeal case``."""
    q = add_lang(cs.add_parser("package", help=label("clihelp_case_package", lang)), lang)
    q.add_argument("id")
    q.add_argument("-o", "--output", required=True, metavar="appeal.pdf")
    q.add_argument("--kit", metavar="DIR", help=label("clihelp_bundle_kit", lang))
    q.add_argument("--allow-placeholders", action="store_true",
                   help=label("clihelp_case_allow_placeholders", lang))
    q.add_argument("--font", metavar="FILE.ttf|.ttc", help=label("clihelp_font", lang))
    q.set_defaults(func=cmd_case_package)

    q = add_lang(cs.add_parser("draft", help=label("clihelp_case_draft", lang)), lang)
    q.add_argument("id")
    q.add_argument("--set", metavar="DRAFT.json", help=label("clihelp_case_draft_set", lang))
    q.add_argument("--complied", metavar="TEXT", help=label("clihelp_case_complied", lang))
    q.add_argument("--what-happened", metavar="TEXT",
                   help=label("clihelp_case_what_happened", lang))
    q.add_argument("--request", metavar="TEXT", help=label("clihelp_case_request", lang))
    q.add_argument("--account", action="append", metavar="ACCOUNT",
                   help=label("clihelp_case_account", lang))
    q.add_argument("--done", action="append", metavar="MEASURE",
                   help=label("clihelp_case_done", lang))
    q.add_argument("--measure", action="append", metavar="MEASURE",
                   help=label("clihelp_case_measure", lang))
    q.set_defaults(func=cmd_case_draft)

    q = add_lang(cs.add_parser("submit", help=label("clihelp_case_submit", lang)), lang)
    q.add_argument("id")
    q.add_argument("--channel", required=True, choices=CHANNELS,
                   help=label("clihelp_case_channel", lang))
    q.add_argument("--date", type=_date, help=label("clihelp_case_date_on", lang))
    q.add_argument("--ref", metavar="REFERENCE", help=label("clihelp_case_ref", lang))
    q.add_argument("--bundle", metavar="SHA256", help=label("clihelp_case_bundle", lang))
    q.add_argument("--follow-up-days", type=int, default=7, metavar="N",
                   help=label("clihelp_case_follow_up", lang))
    q.set_defaults(func=cmd_case_submit)

    q = add_lang(cs.add_parser("outcome", help=label("clihelp_case_outcome_cmd", lang)), lang)
    q.add_argument("id")
    q.add_argument("outcome", choices=("passed", "rejected", "withdrawn"))
    q.add_argument("--reason", choices=REASONS, help=label("clihelp_case_reason", lang))
    q.add_argument("--note", metavar="TEXT", help=label("clihelp_case_note", lang))
    q.add_argument("--date", type=_date, help=label("clihelp_case_date_on", lang))
    q.set_defaults(func=cmd_case_outcome)

    q = add_lang(cs.add_parser("due", help=label("clihelp_case_due", lang)), lang)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_case_due)


def register_enterprise(sub: argparse._SubParsersAction, lang: Lang) -> None:
    p = sub.add_parser("enterprise", help=label("clihelp_enterprise", lang))
    es = p.add_subparsers(dest="enterprise_command", metavar="ACTION", required=True)
    d = es.add_parser("doc", help=label("clihelp_enterprise_doc", lang))
    ds = d.add_subparsers(dest="enterprise_doc_command", metavar="ACTION", required=True)
    q = add_lang(ds.add_parser("add", help=label("clihelp_enterprise_doc_add", lang)), lang)
    q.add_argument("kind", metavar="KIND", choices=ENTERPRISE_KINDS,
                   help=label("clihelp_enterprise_doc_kind", lang,
                              kinds=", ".join(ENTERPRISE_KINDS)))
    q.add_argument("file", metavar="FILE")
    q.add_argument("--valid-until", type=_date, metavar="DATE",
                   help=label("clihelp_enterprise_valid_until", lang))
    q.set_defaults(func=cmd_enterprise_doc_add)
    q = add_lang(ds.add_parser("list", help=label("clihelp_enterprise_doc_list", lang)), lang)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_enterprise_doc_list)
