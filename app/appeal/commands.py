"""Headless commands of the appeal package: ``letter`` and ``bundle``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.cliutil import (
    InputError,
    check_input_file,
    check_output_path,
    int_in_range,
    private_output,
    read_json_model,
    write_error,
)
from app.i18n import LANGS, Lang
from app.jobs import CancelToken
from app.labels import label, text

if TYPE_CHECKING:
    from app.appeal.checks import Problem

# The PDF and image stack is imported inside the commands: `--help` must start fast.


def register(sub: argparse._SubParsersAction, lang: Lang) -> None:
    letter = sub.add_parser("letter", help=label("clihelp_letter", lang),
                            description=label("clihelp_letter_desc", lang))
    letter.add_argument("profile", metavar="PROFILE.json")
    letter.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    letter.add_argument("--lang", choices=LANGS, default="zh_CN")
    letter.add_argument("--valid-days", type=int_in_range("--valid-days", 1, 3650), default=None,
                        metavar="N",
                        help=label("clihelp_letter_valid_days", lang))
    letter.add_argument("--font", metavar="FILE.ttf|.ttc", help=label("clihelp_font", lang))
    letter.set_defaults(func=run_letter)

    bundle = sub.add_parser("bundle", help=label("clihelp_bundle", lang),
                            description=label("clihelp_bundle_desc", lang))
    bundle.add_argument("case", metavar="CASE.json")
    bundle.add_argument("-o", "--output", required=True, metavar="appeal.pdf")
    bundle.add_argument("--kit", metavar="DIR", help=label("clihelp_bundle_kit", lang))
    bundle.add_argument("--dpi", type=int_in_range("--dpi", 72, 600), default=200,
                        help=label("clihelp_bundle_dpi", lang))
    bundle.add_argument("--lang", choices=LANGS, default="zh_CN")
    bundle.add_argument("--no-watermark", action="store_true",
                        help=label("clihelp_bundle_no_watermark", lang))
    bundle.add_argument("--watermark-text", metavar="TEXT",
                        help=label("clihelp_bundle_watermark_text", lang))
    bundle.add_argument("--watermark-all", action="store_true",
                        help=label("clihelp_bundle_watermark_all", lang))
    bundle.add_argument("--kit-cap-kb", type=int_in_range("--kit-cap-kb", 16, 100 * 1024),
                        default=2048, metavar="KB",
                        help=label("clihelp_bundle_kit_cap_kb", lang))
    bundle.add_argument("--kit-chars", type=int_in_range("--kit-chars", 50, 100_000),
                        default=800, metavar="N",
                        help=label("clihelp_bundle_kit_chars", lang))
    bundle.add_argument("--font", metavar="FILE.ttf|.ttc", help=label("clihelp_font", lang))
    bundle.add_argument("--allow-placeholders", action="store_true",
                        help=label("clihelp_case_allow_placeholders", lang))
    bundle.set_defaults(func=run_bundle)


def _font(path: str | None, lang: Lang):
    from app.pdf.fonts import FontNotFoundError, find_cjk_font

    if path is not None:
        check_input_file(path, limit=256 * 1024 * 1024)  # fonts: a CJK .ttc is ~20-60 MB
    try:
        return find_cjk_font(path)
    except FontNotFoundError as exc:
        raise InputError(exc.message) from exc


def _report_problems(problems: list[Problem], lang: Lang) -> bool:
    """Print profile problems on stderr; True when one of them is an error."""
    for problem in problems:
        print(label("problem_line", lang, severity=label(f"severity_{problem.severity}", lang),
                    field=problem.field, message=problem.message(lang)), file=sys.stderr)
    return any(p.severity == "error" for p in problems)


def run_letter(args: argparse.Namespace) -> int:
    from app.appeal.checks import check_profile
    from app.appeal.letter import build_letter
    from app.appeal.profile import Profile

    if args.valid_days is not None and args.valid_days < 1:
        raise InputError(text("letter_valid_days", days=args.valid_days))
    # Draft mode: the letter is written and its problems listed (exit 1), see app.appeal.case.
    profile = read_json_model(args.profile, Profile, {"mode": "draft"})
    check_output_path(args.output)
    font = _font(args.font, args.lang)
    validity = {"valid_days": args.valid_days} if args.valid_days else {}
    with private_output(args.output) as out:  # owner-only: it holds the ID number
        build_letter(profile, out, lang=args.lang, font=font, **validity)
    print(args.output)
    return 1 if _report_problems(check_profile(profile), args.lang) else 0


def run_bundle(args: argparse.Namespace) -> int:
    from app.appeal.bundle import BundleOptions, CoverFacts, build_bundle
    from app.appeal.case import load_case
    from app.appeal.checks import check_profile
    from app.appeal.documents import SLOT_TITLES, attachment_titles, order_documents
    from app.appeal.intake import IntakeError
    from app.appeal.statement import (
        build_statement,
        not_translated_note,
        placeholders,
        typeset_zh,
    )
    from app.appeal.watermark import WatermarkSpec

    lang: Lang = args.lang
    if not 72 <= args.dpi <= 600:
        raise InputError(text("bundle_dpi", dpi=args.dpi))
    case, profile = load_case(args.case)
    check_output_path(args.output)
    if args.kit:  # refused now, before the bundle is written
        from app.appeal.kit import check_kit_folder

        try:
            check_kit_folder(args.kit)
        except IntakeError as exc:
            raise InputError(exc.message) from exc
    diagnosis = case.diagnosis
    if diagnosis is None:
        from app.rules.catalogue import CatalogueError, load_catalogue
        from app.rules.engine import diagnose

        try:
            diagnosis = diagnose(case.report, load_catalogue(), lang)
        except CatalogueError as exc:
            raise InputError(text("err_catalogue", error=exc)) from exc
    documents = order_documents(case.documents)
    if case.statement:  # written whole by the administrator: only typeset, never reworded
        body = typeset_zh(case.statement) if lang == "zh_CN" else case.statement
        note = not_translated_note(case.statement, lang)
        statement = f"{note}\n\n{body}" if note else body
    else:
        statement = build_statement(
            profile, lang=lang, report=case.report, accounts=case.accounts,
            restricted_on=case.restricted_on, complied=case.complied,
            what_happened=case.what_happened, measures=case.measures,
            corrective_measures=case.corrective_measures, request=case.request,
            attachments=attachment_titles(documents, lang))
    gaps = placeholders(statement)
    if gaps and not args.allow_placeholders:
        # The completeness check blocks the export until filled in or explicitly allowed.
        print(label("package_blocked", lang, count=len(gaps)), file=sys.stderr)
        for gap in gaps:
            print(f"  - {gap}", file=sys.stderr)
        return 1
    font = _font(args.font, lang)
    watermark = None
    if not args.no_watermark:
        watermark = WatermarkSpec(text=args.watermark_text) if args.watermark_text \
            else WatermarkSpec()
    options = BundleOptions(lang=lang, dpi=args.dpi, watermark=watermark,
                            watermark_all=args.watermark_all)
    cancel = CancelToken()
    try:
        cover = CoverFacts(report=case.report, accounts=case.accounts,
                           restricted_on=case.restricted_on)
        with private_output(args.output) as out:  # owner-only; removed if anything fails
            result = build_bundle(profile, case.documents, out, statement=statement,
                                  diagnosis=diagnosis, options=options, font=font,
                                  cancel=cancel, cover=cover)
        kit = None
        if args.kit:
            from app.appeal.kit import build_kit

            try:
                kit = build_kit(case.documents, statement, args.kit, lang=lang,
                                size_cap=args.kit_cap_kb * 1024, char_limit=args.kit_chars,
                                watermark=watermark, watermark_all=args.watermark_all,
                                font=font)
            except OSError as exc:  # a full disk: said as such, not a traceback
                raise write_error(args.kit, exc) from exc
    except IntakeError as exc:
        raise InputError(exc.message) from exc

    print(label("bundle_written", lang, path=args.output, pages=result.pages,
                kb=f"{result.size_bytes / 1024:.0f}"))
    for placed in result.documents:
        print(label("bundle_placed", lang, page=placed.first_page, title=placed.title))
    for note in result.notes:
        print(label("note", lang, message=note.message(lang)), file=sys.stderr)
    if kit is not None:
        print(label("kit_and_zip", lang, folder=kit.folder, zip=kit.zip_path) if kit.zip_path
              else label("kit_written", lang, folder=kit.folder))
        for f in kit.files:
            print(label("kit_file", lang, name=f.name, before=f"{f.before_bytes / 1024:.0f}",
                        after=f"{f.after_bytes / 1024:.0f}",
                        flag=label("kit_over_cap", lang) if f.over_cap else ""))
        if kit.statement_shortened:
            shortened = label("kit_shortened", lang, chars=kit.statement_chars,
                              file=kit.statement_file)
            print(label("note", lang, message=shortened), file=sys.stderr)
    problems = _report_problems(check_profile(profile), lang)
    for gap in gaps:  # built anyway, on request: the gaps are still listed
        print(label("note", lang, message=gap), file=sys.stderr)
    if result.missing:
        print(label("bundle_missing", lang), file=sys.stderr)
        for slot in result.missing:
            print(f"  - {slot}: {SLOT_TITLES[slot](lang)}", file=sys.stderr)
    return 1 if (result.missing or problems or gaps
                 or (kit and any(f.over_cap for f in kit.files))) else 0

