"""Boundaries docs/design.md makes firm: only app/ui imports Qt; no import cycles within app/;
headless commands start without Qt and the heavy stacks."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _module_name(path: Path) -> str:
    parts = path.relative_to(APP.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_imports(path: Path, modules: set[str]) -> set[str]:
    """The app modules ``path`` imports when it runs: top-level and inside functions alike, not
    the ones under ``if TYPE_CHECKING``. ``from a.b import c`` names the module a.b.c when c is a
    module, a.b otherwise; relative imports are resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")
                    parts = parts[:len(parts) - (child.level - 1)]
                    base = ".".join([*parts, base] if base else parts)
                for alias in child.names:
                    full = f"{base}.{alias.name}"
                    found.add(full if full in modules else base)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return {m for m in found if m in modules and m != name}


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return cycles


def test_cycle_finder_finds_a_cycle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_within_app():
    """A cycle means two modules are one concept split in two, or one leans the wrong way: move
    the shared types to their own module, or pass the dependency in where the app is assembled
    (docs/design.md, "Layers")."""
    paths = {_module_name(p): p for p in APP.rglob("*.py")}
    graph = {name: _runtime_imports(path, set(paths)) for name, path in paths.items()}
    assert import_cycles(graph) == []


_LOG_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}


def _drops_silently(handler: ast.ExceptHandler) -> bool:
    """A handler of Exception/BaseException (or a bare except) that neither re-raises nor logs."""
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    if handler.type is not None and not any(
            isinstance(k, ast.Name) and k.id in {"Exception", "BaseException"} for k in kinds):
        return False
    for node in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
        if isinstance(node, ast.Raise):
            return False
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in _LOG_CALLS and isinstance(node.func.value, ast.Name)
                and node.func.value.id in {"log", "logger", "logging"}):
            return False
    return True


def test_no_broad_except_drops_an_error_without_logging_it():
    """docs/design.md, "Errors the user sees": what a broad handler swallows is logged."""
    offenders = []
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "ui" / "forms"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        offenders += [f"{path.relative_to(APP.parent)}:{node.lineno}" for node in ast.walk(tree)
                      if isinstance(node, ast.ExceptHandler) and _drops_silently(node)]
    assert offenders == []


def test_the_silent_handler_check_catches_one():
    tree = ast.parse("try:\n    f()\nexcept Exception:\n    pass\n"
                     "try:\n    f()\nexcept Exception:\n    log.warning('x', exc_info=True)\n"
                     "try:\n    f()\nexcept ValueError:\n    pass\n")
    handlers = [n for n in ast.walk(tree) if isinstance(n, ast.ExceptHandler)]
    assert [_drops_silently(h) for h in handlers] == [True, False, False]


def test_only_app_ui_imports_qt():
    offenders = []
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "ui"):
            continue
        qt = {m for m in _imported_modules(path) if m.split(".")[0] in {"PySide6", "shiboken6"}}
        if qt:
            offenders.append(f"{path.relative_to(APP.parent)}: {sorted(qt)}")
    assert offenders == []


def test_headless_start_loads_neither_qt_nor_the_pdf_and_data_stacks():
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        "for argv in (['--help'], ['rules', '--lang', 'en'], ['schema']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('PySide6', 'shiboken6', 'reportlab', 'duckdb', 'PIL', 'pypdf', 'openpyxl')\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & set(heavy))\n"
        "print('HEAVY:' + ','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=APP.parent, check=True).stdout
    # Qt, the PDF stack and DuckDB load only in the commands that use them.
    assert out.strip().splitlines()[-1] == "HEAVY:"


def test_help_loads_no_command_module_nor_keyring_pydantic_or_the_store():
    """``wecom-appeal --help`` lists the commands from app.cli's table alone (docs/design.md,
    "The command line"): a command's module and what it imports load when that command runs."""
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        "try:\n"
        "    main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('PySide6', 'reportlab', 'duckdb', 'PIL', 'pypdf', 'keyring', 'pydantic',\n"
        "         'cryptography', 'sqlite3')\n"
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & set(heavy))\n"
        "loaded += sorted(m for m in sys.modules if m.startswith(('app.store', 'app.rules',\n"
        "                 'app.appeal', 'app.audit', 'app.ui', 'app.cliutil', 'app.i18n')))\n"
        "print('LOADED:' + ','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=APP.parent, check=True).stdout
    assert out.strip().splitlines()[-1] == "LOADED:"
