"""``wecom-appeal``: no arguments opens the window; subcommands do headless work.

Nothing here imports Qt unless the GUI is asked for, and a command's module (with pydantic, the
store, keyring...) only when that command runs, so ``--help`` and the light commands start fast
(docs/design.md, "The command line").
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from app import __version__
from app.errors import UserError
from app.labels import label
from app.lang import LANGS, Lang, system_lang

# Every command, in the order --help lists them, and the module whose ``register(sub, lang)``
# adds its subparser (options, actions, ``func``). --help lists the commands from this table
# alone, with the label "clihelp_<name>" ("-" read as "_") as their one-line help; a module is
# imported only when one of its commands runs. To add a command: one line here, and its
# subparser in the module's ``register``. tests/test_cli_registry.py checks that the table and
# the modules agree.
COMMANDS: dict[str, str] = {
    "diagnose": "app.rules.commands",
    "rules": "app.rules.commands",
    "schema": "app.rules.commands",
    "profile": "app.store.commands",
    "case": "app.store.commands",
    "enterprise": "app.store.commands",
    "doc": "app.store.commands",
    "export": "app.store.commands",
    "import": "app.store.commands",
    "vault": "app.store.commands",
    "letter": "app.appeal.commands",
    "bundle": "app.appeal.commands",
    "audit": "app.audit.commands",
    "scan": "app.audit.commands",
    "check": "app.textcheck.commands",
    "check-plan": "app.textcheck.commands",
    "check-import": "app.textcheck.commands",
}


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter with the "usage: " heading in the help's language."""

    def __init__(self, prog: str, *, usage_prefix: str = "usage: ", **kwargs: Any) -> None:
        super().__init__(prog, **kwargs)
        self._usage_prefix = usage_prefix

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[override]
        super().add_usage(usage, actions, groups,
                          self._usage_prefix if prefix is None else prefix)


class LocalParser(argparse.ArgumentParser):
    """An ArgumentParser whose own texts (headings, -h, "error:") are in ``lang``; its
    subparsers are LocalParsers in the same language. Only this parser changes, not argparse."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        self.lang: Lang = lang
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", functools.partial(
            _Formatter, usage_prefix=label("clihelp_usage", lang)))
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = label("clihelp_positionals", lang)
        self._optionals.title = label("clihelp_options", lang)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help=label("clihelp_help", lang))

    def add_subparsers(self, **kwargs: Any) -> argparse._SubParsersAction:
        kwargs.setdefault("parser_class", functools.partial(type(self), lang=self.lang))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        message = translate_argparse_error(message, self.lang)
        self.exit(2, label("clihelp_error", self.lang, prog=self.prog, message=message) + "\n")


# argparse's own sentences, as Python 3.11-3.13 word them, and the label that says each in the
# chosen language; the captured parts (names, values) are kept as they are.
_ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "argparse_required"),
    (re.compile(r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from "
                r"(?P<choices>.+)\)"), "argparse_invalid_choice"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "argparse_unrecognized"),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), "argparse_expected_one"),
    (re.compile(r"argument (?P<arg>\S+): invalid (?P<type>\w+) value: (?P<value>.+)"),
     "argparse_invalid_value"),
)


def translate_argparse_error(message: str, lang: Lang) -> str:
    if lang == "en":
        return message
    for pattern, key in _ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            return label(key, lang, **match.groupdict())
    return message


def lang_in_argv(argv: Sequence[str]) -> Lang:
    """The language of the help and messages, before parsing: ``--lang X`` or ``--lang=X``
    anywhere on the command line (up to ``--``), else the system's."""
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value in LANGS:
            return value  # type: ignore[return-value]
    return system_lang()


def build_parser(lang: Lang | None = None,
                 commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The parser with every command; those in ``commands`` (all when None) complete with their
    options, the others by name and one-line help only, without importing their modules."""
    lang = lang or system_lang()
    parser = LocalParser(prog="wecom-appeal", lang=lang,
                         description=label("clihelp_main_desc", lang))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=label("clihelp_version", lang))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = set(COMMANDS) if commands is None else set(commands) & set(COMMANDS)
    modules = dict.fromkeys(COMMANDS[name] for name in COMMANDS if name in wanted)
    for name in COMMANDS:
        if COMMANDS[name] not in modules:
            sub.add_parser(name, help=label(f"clihelp_{name.replace('-', '_')}", lang),
                           add_help=False)
    for module in modules:
        importlib.import_module(module).register(sub, lang)
    return parser


def command_in_argv(argv: Sequence[str]) -> str | None:
    """The command of a command line: its first word that is not an option."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # the program itself (not a test calling main in its own process)
        # Everything the app creates holds personal data (bundles, kits, letters, CSV
        # exports, temporary images): owner-only, whatever umask the session has.
        os.umask(0o077)
    if not args_list:
        from app.ui.main import run_gui  # Qt only when the window is wanted

        return run_gui()
    from app.tempfiles import exit_on_signals, sweep_stale_tempdirs

    if argv is None:
        exit_on_signals()  # SIGTERM cleans up like an error does: no ID image left in /tmp
    sweep_stale_tempdirs()  # and what a killed run left behind goes now
    lang = lang_in_argv(args_list)
    command = command_in_argv(args_list)
    parser = build_parser(lang, commands=[command] if command else [])
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as exc:  # input, file, store errors: the message names what and where
        print(f"wecom-appeal: {exc.message(getattr(args, 'lang', None) or lang)}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `wecom-appeal scan … | head`: the reader left; say nothing more, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
