"""Headless commands of the self-audit: ``audit`` and ``scan``."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from app.cliutil import (
    MAX_TEXT_BYTES,
    InputError,
    check_input_file,
    check_output_path,
    pad,
    private_output,
    read_json_model,
    shown,
)
from app.i18n import LANGS, Lang, LocalText, system_lang
from app.labels import label, text

TABLE_ROWS = 30
# A behaviour export of 10 000 members over 180 days is ~75 MB; ten times that is refused.
MAX_DATA_BYTES = 1024 * 1024 * 1024


def register(sub: argparse._SubParsersAction, lang: Lang) -> None:
    audit = sub.add_parser("audit", help=label("clihelp_audit", lang),
                           description=label("clihelp_audit_desc", lang))
    audit.add_argument("answers", nargs="?", metavar="ANSWERS.json")
    audit.add_argument("-o", "--output", metavar="REPORT.pdf",
                       help=label("clihelp_output_pdf", lang))
    audit.add_argument("--csv", metavar="FILE", help=label("clihelp_audit_csv", lang))
    audit.add_argument("--json", action="store_true", help=label("clihelp_audit_json", lang))
    audit.add_argument("--lang", choices=LANGS, default=None)
    audit.add_argument("--previous", metavar="ANSWERS.json", action="append", default=[],
                       help=label("clihelp_audit_previous", lang))
    audit.add_argument("--checklist", metavar="CHECKLIST.toml",
                       help=label("clihelp_audit_checklist", lang))
    audit.add_argument("--schema", action="store_true",
                       help=label("clihelp_audit_schema", lang))
    audit.set_defaults(func=run_audit)

    scan = sub.add_parser("scan", help=label("clihelp_scan", lang),
                          description=label("clihelp_scan_desc", lang))
    scan.add_argument("data", metavar="DATA.csv|DATA.xlsx")
    scan.add_argument("--json", action="store_true", help=label("clihelp_scan_json", lang))
    scan.add_argument("--lang", choices=LANGS, default=None)
    scan.add_argument("--thresholds", metavar="FILE", help=label("clihelp_scan_thresholds", lang))
    scan.add_argument("-o", "--output", metavar="REPORT.pdf",
                      help=label("clihelp_output_pdf", lang))
    scan.add_argument("--csv", metavar="FILE", help=label("clihelp_scan_csv", lang))
    scan.set_defaults(func=run_scan)


def _message(exc: Exception) -> str | LocalText:
    """The exception's bilingual message when it has one (printed in the command's language)."""
    message = getattr(exc, "message", None)
    return message if isinstance(message, LocalText) else str(exc)


def _lang(args: argparse.Namespace) -> Lang:
    return args.lang or system_lang()


def run_audit(args: argparse.Namespace) -> int:
    from app.audit.scoring import AuditAnswers, AuditInputError, answers_json_schema, score_audit

    if args.schema:
        print(json.dumps(answers_json_schema(), ensure_ascii=False, indent=2))
        return 0
    if not args.answers:
        raise InputError(text("audit_needs_answers"))
    lang = _lang(args)
    for out in (args.output, args.csv):
        if out:
            check_output_path(out)
    checklist = _checklist(args.checklist)
    answers = read_json_model(args.answers, AuditAnswers)
    try:
        previous = [score_audit(read_json_model(p, AuditAnswers), checklist)
                    for p in args.previous]
        result = score_audit(answers, checklist, previous=previous)
    except AuditInputError as exc:
        raise InputError(LocalText(en=f"{args.answers}: {exc.message.en}",
                                   zh_CN=f"{args.answers}：{exc.message.zh_CN}")) from exc
    _write_audit_outputs(result, args, lang, checklist)
    if args.json:
        from app.audit.exports import audit_json

        print(json.dumps(audit_json(result, lang), ensure_ascii=False, indent=2))
    else:
        lines = result.explain(lang)
        # The level reads like a verdict: say at once whose assessment it is.
        print("\n".join([*lines[:1], label("audit_app_assessment", lang), *lines[1:]]))
        if result.unanswered:
            print("\n".join(_unanswered_lines(result.unanswered, checklist, lang)))
    return 1 if result.findings or result.unanswered else 0


def _unanswered_lines(unanswered: list[str], checklist: Any, lang: Lang) -> list[str]:
    """The questions still open, by their text under their category, in the checklist's order."""
    lines = [label("audit_unanswered", lang, count=len(unanswered))]
    open_ids = set(unanswered)
    for group in checklist.categories:
        questions = [q for q in checklist.questions_in(group.id) if q.id in open_ids]
        if questions:
            lines.append(label("audit_unanswered_category", lang, title=group.title(lang)))
            lines += [label("audit_unanswered_question", lang, text=q.text(lang),
                            sections=", ".join(q.citations)) for q in questions]
    return lines


def _checklist(path: str | None) -> Any:
    from app.audit.checklist import ChecklistError, load_checklist, parse_checklist
    from app.cliutil import read_text

    if path is None:
        return load_checklist()
    source, text = read_text(path)
    try:
        return parse_checklist(text, source)
    except ChecklistError as exc:
        raise InputError(exc.message) from exc


def _write_audit_outputs(result: Any, args: argparse.Namespace, lang: Lang,
                         checklist: Any) -> None:
    if args.output:
        from app.audit.report import audit_report_pdf
        from app.pdf.fonts import FontNotFoundError

        try:
            with private_output(args.output) as out:
                audit_report_pdf(result, out, lang, checklist)
        except FontNotFoundError as exc:
            raise InputError(_message(exc)) from exc
    if args.csv:
        from app.audit.exports import audit_csv

        with private_output(args.csv) as out:
            audit_csv(result, out, lang, checklist)


def run_scan(args: argparse.Namespace) -> int:
    from app.audit.behaviour import BehaviourFileError
    from app.audit.risk import ThresholdsError, load_thresholds, scan

    lang = _lang(args)
    check_input_file(args.data, limit=MAX_DATA_BYTES)  # before anything opens it
    if args.thresholds:
        check_input_file(args.thresholds, limit=MAX_TEXT_BYTES)
    for out in (args.output, args.csv):
        if out:
            check_output_path(out)
    try:
        thresholds = load_thresholds(args.thresholds)
        result = scan(args.data, thresholds)
    except (BehaviourFileError, ThresholdsError) as exc:
        raise InputError(_message(exc)) from exc
    except csv.Error as exc:  # a cell over the csv module's 128 KB, a NUL byte
        raise InputError(text("scan_csv_damaged", source=args.data, error=exc)) from exc
    try:
        if result.data.rows_kept == 0:
            rejected = result.data.rows_rejected[:3]
            first = LocalText(**{lg: "; ".join(label("scan_line", lg, line=r.line,
                                                     reason=r.reason(lg)) for r in rejected)
                                 for lg in ("en", "zh_CN")})
            message = text("scan_no_rows", source=args.data)
            if rejected:
                message = LocalText(en=f"{message.en} ({first.en})",
                                    zh_CN=f"{message.zh_CN}（{first.zh_CN}）")
            raise InputError(message)
        _write_scan_outputs(result, args, lang)
        if args.json:
            json.dump(result.as_json(lang), sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            _print_table(result, lang)
    finally:
        result.close()
    return 1 if result.flagged else 0


def _write_scan_outputs(result: Any, args: argparse.Namespace, lang: Lang) -> None:
    if args.output:
        from app.audit.report import scan_report_pdf
        from app.pdf.fonts import FontNotFoundError

        try:
            with private_output(args.output) as out:
                scan_report_pdf(result, out, lang)
        except FontNotFoundError as exc:
            raise InputError(_message(exc)) from exc
    if args.csv:
        from app.audit.exports import scan_csv

        with private_output(args.csv) as out:  # member ids and their figures
            scan_csv(result, out, lang)


def _print_table(result: Any, lang: Lang) -> None:
    from app.audit.checklist import load_checklist
    from app.audit.risk import percent

    data = result.data
    names = {sc.id: sc.title(lang) for sc in load_checklist().scenarios}
    print(label("scan_summary", lang, source=shown(data.source), read=data.rows_read,
                kept=data.rows_kept, rejected=data.rows_rejected_count,
                members=len(result.members), flagged=len(result.flagged)))
    for r in data.rows_rejected[:10]:
        print(label("scan_rejected_line", lang, line=r.line) + shown(r.reason(lang)))
    if data.rows_rejected_count > 10:
        print(label("scan_more_rejected", lang, count=data.rows_rejected_count - 10))
    print()
    h = [label(f"scan_col_{key}", lang) for key in
         ("member", "risk", "applications", "accepted", "negative", "messages", "flags")]
    print(f"{pad(h[0], 16)} {pad(h[1], 6, '>')} {pad(h[2], 9, '>')} {pad(h[3], 9, '>')} "
          f"{pad(h[4], 10, '>')} {pad(h[5], 9, '>')}  {h[6]}")
    for m in result.members[:max(TABLE_ROWS, len(result.flagged))]:
        x = m.metrics
        flags = label("scan_list_separator", lang).join(
            sorted({names.get(f.category, f.category) for f in m.flags})) or "-"
        print(f"{pad(m.userid, 16)} {m.risk_score:>6g} {x.applications_per_day:>9g} "
              f"{percent(x.acceptance_rate):>9} {percent(x.negative_feedback_rate):>10} "
              f"{'-' if x.messages_per_chat is None else x.messages_per_chat:>9}  {flags}")
    print()
    print(label("scan_app_thresholds", lang))
    if result.flagged:
        print()
        for m in result.flagged:
            for f in m.flags:
                print(label("scan_flag", lang, userid=shown(m.userid),
                            rule=label(f"scan_rule_{f.rule}", lang),
                            category=names.get(f.category, f.category), citation=f.citation,
                            reason=f.reason(lang)))
