"""Headless commands of the check before sending: check, check-plan, check-import."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cliutil import InputError
from app.i18n import LANGS, Lang, system_lang
from app.labels import label, text
from app.rules.catalogue import CatalogueError, load_catalogue
from app.textcheck.checks import (
    SEVERITIES,
    ChecksError,
    import_word_list,
    parse_word_list,
)
from app.textcheck.engine import (
    Finding,
    RowFindings,
    TableFindings,
    TextChecker,
    TextFindings,
    enterprise_file,
    load_checker,
)
from app.textcheck.inputs import TextsFileError, decode, lines_as_rows, read_texts_file
from app.textcheck.plans import SendPlan, check_plan


def register(sub: argparse._SubParsersAction, lang: Lang) -> None:
    check = sub.add_parser("check", help=label("clihelp_check", lang),
                           description=label("clihelp_check_desc", lang))
    check.add_argument("file", metavar="FILE|-", help=label("clihelp_check_file", lang))
    check.add_argument("--json", action="store_true", help=label("clihelp_check_json", lang))
    check.add_argument("--rows", action="store_true", help=label("clihelp_check_rows", lang))
    check.add_argument("--severity", choices=SEVERITIES, default="info",
                       help=label("clihelp_check_severity", lang))
    check.add_argument("--terms", action="append", default=[], metavar="TERMS.toml",
                       type=Path, help=label("clihelp_check_terms", lang))
    check.add_argument("--lang", choices=LANGS, default=None, help=label("clihelp_lang", lang))
    check.set_defaults(func=run_check)

    plan = sub.add_parser("check-plan", help=label("clihelp_check_plan", lang),
                          description=label("clihelp_check_plan_desc", lang))
    plan.add_argument("--audience", type=int, required=True, metavar="N",
                      help=label("clihelp_check_plan_audience", lang))
    plan.add_argument("--messages", type=int, required=True, metavar="M",
                      help=label("clihelp_check_plan_messages", lang))
    plan.add_argument("--per-days", type=int, default=1, metavar="D",
                      help=label("clihelp_check_plan_days", lang))
    plan.add_argument("--json", action="store_true", help=label("clihelp_check_json", lang))
    plan.add_argument("--lang", choices=LANGS, default=None, help=label("clihelp_lang", lang))
    plan.set_defaults(func=run_check_plan)

    imp = sub.add_parser("check-import", help=label("clihelp_check_import", lang),
                         description=label("clihelp_check_import_desc", lang))
    imp.add_argument("file", metavar="WORDS.txt", help=label("clihelp_check_import_file", lang))
    imp.add_argument("--severity", choices=SEVERITIES, default=None,
                     help=label("clihelp_check_import_severity", lang))
    imp.add_argument("--into", type=Path, default=None, metavar="TERMS.toml",
                     help=label("clihelp_check_import_into", lang))
    imp.add_argument("--lang", choices=LANGS, default=None, help=label("clihelp_lang", lang))
    imp.set_defaults(func=run_check_import)


def _checker(terms: list[Path]) -> TextChecker:
    try:
        return load_checker(load_catalogue(), terms)
    except (ChecksError, CatalogueError) as exc:
        raise InputError(text("check_err_checks", error=exc.local())) from exc


def run_check(args: argparse.Namespace) -> int:
    lang: Lang = args.lang or system_lang()
    checker = _checker(args.terms)
    try:
        if args.file == "-":
            data = decode(sys.stdin.buffer.read(), "<stdin>")
            rows, table = (lines_as_rows(data), True) if args.rows else ([(1, data)], False)
        else:
            rows, table = read_texts_file(Path(args.file), txt_rows=args.rows)
    except TextsFileError as exc:
        raise InputError(exc.message) from exc
    keep = SEVERITIES[: SEVERITIES.index(args.severity) + 1]
    items = [RowFindings(row=row, text=t, findings=[f for f in checker.check(t, lang)
                                                    if f.severity in keep])
             for row, t in rows]
    any_found = any(item.findings for item in items)
    if args.json:
        doc = (TableFindings(items=items) if table
               else TextFindings(findings=items[0].findings if items else []))
        print(json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        print(render_findings(items, table, lang), end="")
    return 1 if any_found else 0


def render_findings(items: list[RowFindings], table: bool, lang: Lang) -> str:
    lines: list[str] = []
    for item in items:
        if not item.findings:
            continue
        if table:
            lines.append(label("check_row", lang, row=item.row, text=_short(item.text)))
        lines += [_finding_line(f, lang) for f in item.findings]
    total = sum(len(i.findings) for i in items)
    if total:
        lines.append(label("check_summary", lang, findings=total,
                           texts=sum(1 for i in items if i.findings), of=len(items)))
    else:
        lines.append(label("check_clean", lang, texts=len(items)))
    return "\n".join(lines) + "\n"


def _short(value: str, limit: int = 40) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _finding_line(f: Finding, lang: Lang) -> str:
    where = (label("check_cites", lang, rule=f.rule[1:], section=f.section) if f.rule
             else label("check_not_a_rule", lang))
    return (f"  [{label('check_severity_' + f.severity, lang)}] {f.title}"
            f"{label('check_paren', lang, text=where)} "
            f"{f.start}–{f.end} «{f.matched}»\n"
            f"      {f.reason}\n      {label('check_hint', lang)}{f.hint}")


def run_check_plan(args: argparse.Namespace) -> int:
    lang: Lang = args.lang or system_lang()
    try:
        plan = SendPlan(audience=args.audience, messages=args.messages, per_days=args.per_days)
    except ValueError as exc:
        raise InputError(text("check_err_plan", error=str(exc).splitlines()[-1])) from exc
    found = check_plan(plan, lang)
    if args.json:
        print(json.dumps({"findings": [f.model_dump(mode="json") for f in found]},
                         ensure_ascii=False, indent=2))
    else:
        for f in found:
            line = f"  [{label('check_severity_' + f.severity, lang)}] {f.reason}"
            if f.source:
                line += f"\n      {f.source}"
            print(f"{line}\n      {label('check_hint', lang)}{f.hint}")
        if not found:
            print(label("check_plan_clean", lang))
    return 1 if found else 0


def run_check_import(args: argparse.Namespace) -> int:
    lang: Lang = args.lang or system_lang()
    target: Path = args.into or enterprise_file()
    try:
        rows, _ = read_texts_file(Path(args.file), txt_rows=False)
    except TextsFileError as exc:
        raise InputError(exc.message) from exc
    words = parse_word_list(rows[0][1] if rows else "")
    if not words:
        raise InputError(text("check_err_no_words", path=args.file))
    try:
        done = import_word_list(words, target, args.severity,
                                text("check_import_source", name=Path(args.file).name))
    except ChecksError as exc:
        raise InputError(text("check_err_checks", error=exc.local())) from exc
    print(label("check_imported", lang, count=done.read, added=done.added, total=done.total,
                path=target))
    return 0
