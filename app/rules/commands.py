"""Headless commands over the rule catalogue: diagnose, rules, schema."""

from __future__ import annotations

import argparse
import json

from app.cliutil import InputError, read_json_model
from app.i18n import LANGS, Lang, system_lang
from app.labels import label, text
from app.rules.catalogue import CatalogueError, load_catalogue
from app.rules.contract import Diagnosis, RestrictionReport


def register(sub: argparse._SubParsersAction, lang: Lang) -> None:
    diagnose = sub.add_parser("diagnose", help=label("clihelp_diagnose", lang),
                              description=label("clihelp_diagnose_desc", lang))
    diagnose.add_argument("file", nargs="?", default="-", metavar="FILE|-",
                          help=label("clihelp_diagnose_file", lang))
    diagnose.add_argument("--json", action="store_true",
                          help=label("clihelp_diagnose_json", lang))
    _add_lang(diagnose, lang)
    diagnose.set_defaults(func=run_diagnose)

    rules = sub.add_parser("rules", help=label("clihelp_rules", lang))
    rules.add_argument("--json", action="store_true", help=label("clihelp_rules_json", lang))
    _add_lang(rules, lang)
    rules.set_defaults(func=run_rules)

    schema = sub.add_parser("schema", help=label("clihelp_schema", lang))
    schema.add_argument("which", nargs="?", choices=("input", "output", "both"), default="both")
    schema.set_defaults(func=run_schema)


def _add_lang(parser: argparse.ArgumentParser, lang: Lang) -> None:
    parser.add_argument("--lang", choices=LANGS, default=None,
                        help=label("clihelp_lang", lang))


def _catalogue():
    try:
        return load_catalogue()
    except CatalogueError as exc:
        raise InputError(text("err_catalogue", error=exc)) from exc


def run_diagnose(args: argparse.Namespace) -> int:
    from app.rules.engine import diagnose
    from app.rules.text import render_text

    report = read_json_model(args.file, RestrictionReport)
    catalogue = _catalogue()
    lang = args.lang or system_lang()
    diagnosis = diagnose(report, catalogue, lang)
    if args.json:
        print(diagnosis.model_dump_json(indent=2))
    else:
        print(render_text(diagnosis, catalogue, lang), end="")
    return 0


def run_rules(args: argparse.Namespace) -> int:
    from app.rules.text import render_catalogue

    catalogue = _catalogue()
    if args.json:
        print(catalogue.model_dump_json(indent=2))
    else:
        print(render_catalogue(catalogue, args.lang or system_lang()), end="")
    return 0


def run_schema(args: argparse.Namespace) -> int:
    schemas = {
        "input": RestrictionReport.model_json_schema(),
        "output": Diagnosis.model_json_schema(),
    }
    chosen = schemas if args.which == "both" else schemas[args.which]
    print(json.dumps(chosen, indent=2, ensure_ascii=False))
    return 0
