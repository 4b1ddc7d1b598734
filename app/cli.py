"""``wecom-appeal``: no arguments opens the window; subcommands do headless work.

Nothing here imports Qt unless the GUI is asked for, so headless commands start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.cliutil import InputError
from app.i18n import system_lang

# Each module registers its own subcommands; keeps this file a dispatcher.
COMMAND_MODULES = (
    "app.rules.commands",
    "app.store.commands",
    "app.appeal.commands",
    "app.audit.commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wecom-appeal",
        description="WeCom Appeal & Compliance Assistant. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # that area has no commands yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        from app.ui.main import run_gui  # Qt only when the window is wanted

        return run_gui()
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except InputError as exc:
        lang = getattr(args, "lang", None) or system_lang()
        print(f"wecom-appeal: {exc.message(lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `wecom-appeal scan … | head`: the reader left; say nothing more, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
