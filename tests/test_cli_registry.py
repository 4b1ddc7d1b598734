"""The command table of app/cli.py and the modules' ``register`` functions agree: --help lists
exactly the commands that exist, and running one loads only its own module."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli

ROOT = Path(__file__).resolve().parents[1]


def subcommands(parser) -> list[str]:
    (action,) = [a for a in parser._actions if a.dest == "command"]
    return list(action.choices)


def test_the_table_lists_every_registered_command_in_order():
    assert subcommands(cli.build_parser("en")) == list(cli.COMMANDS)


@pytest.mark.parametrize("module", sorted(set(cli.COMMANDS.values())))
def test_each_module_registers_exactly_its_commands(module: str):
    import argparse

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    importlib.import_module(module).register(sub, "en")
    assert sorted(sub.choices) == sorted(n for n, m in cli.COMMANDS.items() if m == module)


def test_help_alone_lists_every_command_with_its_help():
    help_text = cli.build_parser("en", commands=[]).format_help()
    full_text = cli.build_parser("en").format_help()
    assert help_text == full_text


def test_a_command_runs_with_only_its_module_loaded():
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        "main(['schema', 'input'])\n"
        "print('MODULES:' + ','.join(sorted(m for m in sys.modules if m.endswith('.commands'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    assert out.strip().splitlines()[-1] == "MODULES:app.rules.commands"


def test_command_in_argv_is_the_first_word_that_is_not_an_option():
    assert cli.command_in_argv(["--version"]) is None
    assert cli.command_in_argv(["-h"]) is None
    assert cli.command_in_argv(["case", "new", "x.json"]) == "case"
