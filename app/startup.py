"""Work every process of the app would do for nothing, left undone (bench/startup).

``app/__init__.py`` calls ``prepare()`` before anything else of the app runs. Each step is
cheap here (nothing third-party is imported) and saves milliseconds later, measured on a bundle
built in a fresh process ("bundle, fixed part"). Most steps reach into a third-party module
when it is first imported, each in one function below; tests/test_startup.py fails when those
modules change what the steps rely on. One keeps work done between processes: the code that
dataclasses generate (GeneratedCode).
"""

from __future__ import annotations

import atexit
import gc
import sys
import types
from contextlib import contextmanager

from app.lazylog import LazyLogger

TYPE_CHECKING = False  # typing itself is not needed at run time here
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager
    from importlib.machinery import ModuleSpec
    from typing import Any

# reportlab.platypus.paragraph compiles this pattern at import. Case-insensitive over the range
# \xa1-\uffff, the compiler folds the case of every character of it five times: ~40 ms of a
# process that never needs it (only URI hyphenation reads it, which the app never turns on).
URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"
# reportlab.lib.textsplit's pattern for cjkwrap(), a recipe nothing in reportlab or the app
# calls: a character set over 53 000 code points, ~6 ms to compile.
CJKWRAP_PATTERN = "([\u2e80-\uffff])"
# reportlab.lib.rl_safe_eval's pattern of unsafe names, which nothing reads.
UNSAFE_NAMES_PATTERN_START = "\\b(?:"


# The garbage collector's first threshold while a process starts (the interpreter's is 700).
START_UP_GC_THRESHOLD = 100_000
_usual_gc_thresholds: tuple[int, ...] | None = None


def prepare() -> None:
    sys.meta_path.insert(0, _TweakedLoading())
    _collect_less_while_starting()
    for name in GENERATING_MODULES:
        if name in sys.modules:
            _compile_through_cache(name)
    atexit.register(_leave_objects_to_the_system)


def _collect_less_while_starting() -> None:
    """A process makes tens of thousands of objects while it imports its modules (a bundle
    ~70 000: functions, classes, tables), nearly all of them for good. At every 700 the
    collector runs and looks at the young ones again, ~70 times: ~20 ms of a bundle's start
    spent finding no garbage. Until start_up_done(), it runs every START_UP_GC_THRESHOLD
    objects instead; a process that never calls it keeps that, a bounded delay."""
    global _usual_gc_thresholds
    if _usual_gc_thresholds is None:
        _usual_gc_thresholds = gc.get_threshold()
        gc.set_threshold(START_UP_GC_THRESHOLD, *_usual_gc_thresholds[1:])


def start_up_done() -> None:
    """The process has what it imports to start: the collector runs as usual again, e.g. for
    the photos of a bundle (build_bundle, the intake's reading and decoding, and the window
    after its first paint call this). What start-up made is set aside for good first
    (gc.freeze), so the collector's next runs do not look through it; not in the window's
    process (see _leave_objects_to_the_system). Only the first call does anything."""
    global _usual_gc_thresholds
    if _usual_gc_thresholds is None:
        return
    if "PySide6" not in sys.modules:
        gc.freeze()
    gc.set_threshold(*_usual_gc_thresholds)
    _usual_gc_thresholds = None


def _no_pydantic_plugins(module: types.ModuleType) -> None:
    """The app uses no pydantic plugin. Looking for one, at the first model of a process,
    imports importlib.metadata (email, zipfile, csv...: ~25 ms) and reads the entry points of
    every installed distribution (~6 ms). pydantic calls only ``get_plugins()`` of its loader
    module; this stand-in says there are none (as PYDANTIC_DISABLE_PLUGINS=1 would, without the
    import)."""
    module.__doc__ = _no_pydantic_plugins.__doc__
    module.get_plugins = lambda: ()  # type: ignore[attr-defined]


class LazyPattern:
    """A regular expression compiled when first used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: Any = None

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            import re

            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


@contextmanager
def _compiled_later(*starts: str) -> Iterator[None]:
    """While a module runs: its patterns that begin with one of ``starts`` become
    LazyPatterns; every other pattern is compiled as usual."""
    import re

    compile_now = re.compile

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(starts):
            return LazyPattern(pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_later
    try:
        yield
    finally:
        re.compile = compile_now


def _uri_pattern_compiled_later() -> AbstractContextManager[None]:
    return _compiled_later(URI_PATTERN_START)


def _cjkwrap_pattern_compiled_later() -> AbstractContextManager[None]:
    return _compiled_later(CJKWRAP_PATTERN)


def _unsafe_names_pattern_compiled_later() -> AbstractContextManager[None]:
    return _compiled_later(UNSAFE_NAMES_PATTERN_START)


class ModuleOnFirstUse(types.ModuleType):
    """Stands in for a module that is imported when one of its attributes is first read."""

    def __getattr__(self, name: str) -> Any:
        import importlib

        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


@contextmanager
def _imported_on_first_use(*names: str) -> Iterator[None]:
    """While a module runs: its ``import`` statements of ``names`` get ModuleOnFirstUse
    stand-ins, which leave sys.modules again once it has run."""
    placed = [name for name in names if name not in sys.modules]
    for name in placed:
        sys.modules[name] = ModuleOnFirstUse(name)
    try:
        yield
    finally:
        for name in placed:
            if isinstance(sys.modules.get(name), ModuleOnFirstUse):
                del sys.modules[name]


def _ssl_and_pydoc_imported_on_first_use() -> AbstractContextManager[None]:
    """stdnum.util imports ssl (for its SOAP client), pydoc (for module descriptions) and
    pkgutil (to list its modules) at import, ~13 ms; the app uses none of them."""
    return _imported_on_first_use("ssl", "pydoc", "pkgutil")


class _LoggingOnFirstUse(ModuleOnFirstUse):
    """logging's stand-in: getLogger() gives a LazyLogger; anything else imports logging."""

    def getLogger(self, name: str | None = None) -> LazyLogger:
        if name is None:  # the root logger: nothing to gain
            return self.__getattr__("getLogger")()
        return LazyLogger(name)


@contextmanager
def _logging_on_first_use() -> Iterator[None]:
    """reportlab.platypus.frames and .doctemplate each take a logger at import, and log only
    when a frame or template is built with its debugging switch on."""
    if "logging" in sys.modules:
        yield
        return
    sys.modules["logging"] = _LoggingOnFirstUse("logging")
    try:
        yield
    finally:
        if isinstance(sys.modules.get("logging"), _LoggingOnFirstUse):
            del sys.modules["logging"]


def _pillow_and_pickle_imported_on_first_use() -> AbstractContextManager[None]:
    """reportlab.lib.utils imports Pillow (~14 ms) and pickle (~2 ms) at import; it uses Pillow
    only for images, which a bundle without photos has none of (the app's own image code imports
    Pillow itself), and pickle only in its debugging memo."""
    return _imported_on_first_use("PIL.Image", "pickle")


class _PlainDictType(type):
    """What a TypedDict of pydantic_core's schema module becomes: a class whose instances are
    plain dicts. The 79 TypedDicts there only describe the dicts its functions return (they are
    never checked at run time, and pydantic only calls CoreConfig() to make a dict); making each
    with typing's TypedDict checks and wraps every annotation of it: about 5 % of a bundle's
    start (bench/startup)."""

    def __new__(mcls, name: str, bases: tuple, namespace: dict, **_: Any) -> type:
        return super().__new__(mcls, name, (dict,), namespace)

    def __init__(cls, name: str, bases: tuple, namespace: dict, **_: Any) -> None:
        super().__init__(name, (dict,), namespace)

    def __call__(cls, *args: Any, **kwargs: Any) -> dict:
        return dict(*args, **kwargs)


class PlainTypedDict(metaclass=_PlainDictType):
    """Base of the schema module's TypedDicts while it runs (see _PlainDictType)."""


@contextmanager
def _schema_typed_dicts_plain() -> Iterator[None]:
    import typing

    import typing_extensions

    real = typing.TypedDict, typing_extensions.TypedDict
    typing.TypedDict = typing_extensions.TypedDict = PlainTypedDict  # type: ignore[misc]
    try:
        yield
    finally:
        typing.TypedDict, typing_extensions.TypedDict = real  # type: ignore[misc]


class GeneratedCode:
    """Code compiled from the source text that dataclasses and typing_inspection write at run
    time (an __init__, __repr__, __eq__... for every dataclass) and from the string annotations
    typing evaluates, kept on disk.

    Parsing and compiling those few hundred small functions was the largest single cost left
    in a bundle's start (~15 % of its instructions; bench/startup). The code depends only on
    the text and the interpreter, so the text is the key, and the table lives in a file per
    byte-code version (app/diskcache.py) beside the other parses the app keeps. The modules
    get the code object compile() would give and run it with the namespaces they pass, as
    before. The table is read at the first generated function and written at exit when the
    process compiled a text it did not hold. Not in the window's process: the few dozen
    functions it makes before its first paint cost less than reading the table would.
    The file holds code the app runs, so it is trusted as Python's own byte-code caches are:
    it lies in the user's own cache folder (app/diskcache.py makes it private)."""

    LIMIT = 5000  # texts kept; a process that makes more compiles the rest as before

    def __init__(self) -> None:
        self._table: dict[str, Any] | None = None
        self._added = False

    @staticmethod
    def _slot() -> str:
        from importlib.util import MAGIC_NUMBER

        # "2": the first table's code had this module's __future__ annotations.
        return f"generated code 2, byte-code {MAGIC_NUMBER.hex()}"

    def code(self, source: str, mode: str) -> Any:
        if self._table is None:
            if "PySide6" in sys.modules:
                return compile(source, "<string>", mode, dont_inherit=True)
            from app import diskcache

            stored = diskcache.load("code", self._slot(), self._slot())
            self._table = stored if type(stored) is dict else {}
        key = f"{mode}:{source}"
        code = self._table.get(key)
        if code is None:
            # dont_inherit: compiled as the module that wrote it would (none of them has a
            # __future__ import), not with this module's `annotations`, which would make the
            # generated functions' annotations strings.
            code = compile(source, "<string>", mode, dont_inherit=True)
            if len(self._table) < self.LIMIT:
                self._table[key] = code
                self._added = True
        return code

    def store(self) -> None:
        if self._added and self._table is not None:
            from app import diskcache

            diskcache.store("code", self._slot(), self._slot(), self._table, checked=True)
            self._added = False


generated_code = GeneratedCode()


def _exec_cached(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    if globals is None:  # exec's own default: the caller's namespaces
        frame = sys._getframe(1)
        return exec(source, frame.f_globals, frame.f_locals if locals is None else locals)
    if type(source) is str:
        source = generated_code.code(source, "exec")
    return exec(source, globals, locals)


def _compile_cached(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
    if type(source) is str and filename == "<string>" and not args and not kwargs:
        return generated_code.code(source, mode)
    return compile(source, filename, mode, *args, **kwargs)


# Modules that write code as text and compile it, and the builtin they call for it (a name a
# module looks up in its own globals before the builtins). typing compiles the text of every
# forward reference (a string annotation: each field of a module with `from __future__ import
# annotations` that pydantic resolves; ~170 in a bundle).
# Not collections' namedtuple: logging's imports make one, before the cache could be read.
GENERATING_MODULES = {
    "dataclasses": "exec",
    "typing_inspection.typing_objects": "exec",
    "typing": "compile",
}
_THROUGH_CACHE = {"exec": _exec_cached, "compile": _compile_cached}


def _compile_through_cache(name: str) -> None:
    builtin = GENERATING_MODULES[name]
    setattr(sys.modules[name], builtin, _THROUGH_CACHE[builtin])


def _generated_code_cached(name: str) -> Callable[[], AbstractContextManager[None]]:
    @contextmanager
    def then_cached() -> Iterator[None]:
        yield
        _compile_through_cache(name)

    return then_cached


# Third-party modules run inside a context of their own when first imported.
TWEAKS: dict[str, Callable[[], AbstractContextManager[None]]] = {
    "reportlab.platypus.paragraph": _uri_pattern_compiled_later,
    "reportlab.lib.textsplit": _cjkwrap_pattern_compiled_later,
    "reportlab.lib.rl_safe_eval": _unsafe_names_pattern_compiled_later,
    "stdnum.util": _ssl_and_pydoc_imported_on_first_use,
    "reportlab.lib.utils": _pillow_and_pickle_imported_on_first_use,
    "reportlab.platypus.frames": _logging_on_first_use,
    "reportlab.platypus.doctemplate": _logging_on_first_use,
    "pydantic_core.core_schema": _schema_typed_dicts_plain,
    **{name: _generated_code_cached(name) for name in GENERATING_MODULES},
}
# Third-party modules replaced by a stand-in, made by the function.
STAND_INS: dict[str, Callable[[types.ModuleType], None]] = {
    "pydantic.plugin._loader": _no_pydantic_plugins,
}


class _TweakedLoading:
    """Loads the modules of STAND_INS as their stand-ins; finds the modules of TWEAKS with the
    other finders (the frozen build's among them) and runs each inside its context. Leaves the
    import system once all of them are loaded."""

    def __init__(self) -> None:
        tweaks = {**TWEAKS, **STAND_INS}
        self._pending: dict[str, Any] = {name: tweak for name, tweak in tweaks.items()
                                         if name not in sys.modules}

    def find_spec(self, name: str, path: Any, target: Any = None) -> ModuleSpec | None:
        tweak = self._pending.pop(name, None)
        if tweak is None:
            return None
        if not self._pending:
            sys.meta_path.remove(self)
        if name in STAND_INS:
            from importlib.machinery import ModuleSpec

            return ModuleSpec(name, _StandIn(tweak))
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find is not None and finder is not self else None
            if spec is not None:
                spec.loader = _LoaderWithin(spec.loader, tweak)
                return spec
        return None


class _LoaderWithin:
    def __init__(self, loader: Any, context: Callable[[], AbstractContextManager[None]]) -> None:
        self._loader, self._context = loader, context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec) -> types.ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        with self._context():
            self._loader.exec_module(module)


class _StandIn:
    def __init__(self, fill: Callable[[types.ModuleType], None]) -> None:
        self._fill = fill

    def create_module(self, spec: ModuleSpec) -> None:
        return None  # the default module

    def exec_module(self, module: types.ModuleType) -> None:
        self._fill(module)


def _leave_objects_to_the_system() -> None:
    """At exit, the interpreter frees every object one by one (modules, the font's tables,
    reportlab's and pydantic's caches: 50-70 ms after a bundle) for an operating system that
    reclaims the memory at once. Freezing them takes them out of the garbage collector's sight,
    so the last collection leaves them be. The other exit handlers (logging's flush, the
    temporary folders' clean-up) still run, and the app closes its files itself. Not in the
    window's process: Qt's objects are torn down in the order PySide expects. First the code
    this process compiled for generated functions is kept (GeneratedCode)."""
    generated_code.store()
    if "PySide6" not in sys.modules:
        gc.freeze()
