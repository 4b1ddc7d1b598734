"""What app/startup.py leaves undone, and what it relies on in pydantic, reportlab and stdnum:
these tests fail when a new version of one of them changes it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pydantic

from app import startup

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, **env: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         timeout=120, check=False, env={**os.environ, **env} if env else None)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip()


def test_pydantic_asks_its_plugin_loader_only_for_get_plugins():
    """The stand-in loader has get_plugins() only: no other module of pydantic may use the
    loader module for anything else."""
    package = Path(pydantic.__file__).parent
    uses = {str(path.relative_to(package)): re.findall(r"from \._loader import (.+)", text)
            for path in package.rglob("*.py")
            if "_loader" in (text := path.read_text(encoding="utf-8"))
            and path.name != "_loader.py"}
    assert uses == {"plugin/_schema_validator.py": ["get_plugins"]}
    real = (package / "plugin" / "_loader.py").read_text(encoding="utf-8")
    assert "def get_plugins() -> Iterable[PydanticPluginProtocol]:" in real


def test_the_uri_pattern_is_compiled_only_when_a_uri_is_hyphenated():
    out = _run(
        "import app\n"
        "from reportlab.platypus import paragraph\n"
        "from app.startup import LazyPattern\n"
        "lazy = paragraph.uri_pat\n"
        "print(type(lazy) is LazyPattern, lazy.compiled)\n"
        "print(paragraph._uri_split_pairs('https://example.com/a/b'))\n"
        "print(lazy.compiled)\n")
    assert out.splitlines() == [
        "True False",
        "[('https://example.com/a/', 'b'), ('https://example.com/', 'a/b'), "
        "('https://', 'example.com/a/b')]",
        "True"]


def test_the_cjkwrap_pattern_is_compiled_only_when_used():
    out = _run(
        "import app\n"
        "from reportlab.lib import textsplit\n"
        "from app.startup import CJKWRAP_PATTERN, LazyPattern\n"
        "print(type(textsplit.rx) is LazyPattern, textsplit.rx.compiled)\n"
        "print(textsplit.rx.sub(r'\\1|', '中文ab，'), textsplit.rx.pattern == CJKWRAP_PATTERN)\n")
    assert out.splitlines() == ["True False", "中|文|ab，| True"]


def test_the_lazy_uri_pattern_matches_as_reportlabs_own():
    import reportlab
    from reportlab.platypus import paragraph

    source = (Path(reportlab.__file__).parent / "platypus" / "paragraph.py").read_text(
        encoding="utf-8")
    assert f"uri_pat = re.compile('{startup.URI_PATTERN_START}" in source.replace("\\\\", "\\")
    pattern = paragraph.uri_pat.pattern
    lazy, own = startup.LazyPattern(pattern, re.I), re.compile(pattern, re.I)
    for uri in ("https://example.com/a/b", "ftp://[::1]:21/x", "例子.中国/a", "no uri",
                "HTTP://WWW.EXAMPLE.COM", "mailto:x@y.z", "http://192.168.1.1/a?b#c"):
        got, want = lazy.match(uri), own.match(uri)
        assert (got and got.groups()) == (want and want.groups()), uri


def test_stdnum_gets_ssl_and_pydoc_when_it_uses_them():
    out = _run(
        "import sys, app, stdnum.util, stdnum.cn.ric\n"
        "from app.startup import ModuleOnFirstUse\n"
        "print(type(stdnum.util.ssl) is ModuleOnFirstUse, type(stdnum.util.pydoc) is "
        "ModuleOnFirstUse, 'ssl' in sys.modules, 'pydoc' in sys.modules)\n"
        "print(stdnum.cn.ric.is_valid('11010519491231002X'))\n"
        "print(stdnum.util.get_module_name(stdnum.cn.ric))\n"
        "print(stdnum.util.ssl.PROTOCOL_TLS_CLIENT is __import__('ssl').PROTOCOL_TLS_CLIENT)\n")
    assert out.splitlines() == ["True True False False", "True",
                                "RIC No. (Chinese Resident Identity Card Number)", "True"]


def test_a_process_leaves_its_objects_at_exit_unless_qt_is_loaded():
    # The probe's own handler is registered first, so it runs after the app's.
    probe = ("import atexit, gc\n"
             "atexit.register(lambda: print(gc.get_freeze_count() > 0))\n"
             "import app\n")
    assert _run(probe) == "True"
    assert _run(probe + "import PySide6\n") == "False"


def test_reportlab_gets_pillow_and_pickle_when_it_uses_them():
    out = _run(
        "import io, sys, app, reportlab.lib.utils as utils\n"
        "from app.startup import ModuleOnFirstUse\n"
        "print(type(utils.Image) is ModuleOnFirstUse, type(utils.pickle) is ModuleOnFirstUse,\n"
        "      utils.haveImages, 'PIL.Image' in sys.modules, 'pickle' in sys.modules)\n"
        "from PIL import Image\n"
        "picture = Image.new('RGB', (3, 2))\n"
        "print(utils._isPILImage(picture), utils.ImageReader(picture).getSize())\n"
        "print(utils.pickle.loads(utils.pickle.dumps({'a': 1})))\n")
    assert out.splitlines() == ["True True True False False", "True (3, 2)", "{'a': 1}"]


def test_the_collector_runs_less_until_start_up_is_done():
    probe = ("import gc\n"
             "usual = gc.get_threshold()\n"
             "import app\n"
             "from app import startup\n"
             "print(gc.get_threshold()[0] == startup.START_UP_GC_THRESHOLD)\n"
             "startup.start_up_done()\n"
             "frozen = gc.get_freeze_count()\n"
             "startup.start_up_done()\n"
             "print(gc.get_threshold() == usual, frozen > 1000,\n"
             "      gc.get_freeze_count() == frozen)\n")
    assert _run(probe).splitlines() == ["True", "True True True"]
    # In the window's process nothing is frozen (see the exit handler).
    qt = _run(probe.replace("import app\n", "import app, PySide6\n"))
    assert qt.splitlines() == ["True", "True False True"]


def test_pydantic_core_schema_typed_dicts_are_plain_dict_classes():
    """Its TypedDicts are made cheaply (they only describe dicts); pydantic still works, and
    CoreConfig() still makes a plain dict. Fails when pydantic_core stops taking TypedDict from
    typing or typing_extensions (the tweak would then do nothing)."""
    out = _run(
        "import typing, typing_extensions, app\n"
        "from pydantic_core import core_schema\n"
        "from app.startup import PlainTypedDict\n"
        "print(issubclass(core_schema.CoreConfig, PlainTypedDict) or\n"
        "      type(core_schema.CoreConfig) is type(PlainTypedDict),\n"
        "      type(core_schema.CoreConfig(title='x')) is dict,\n"
        "      typing.TypedDict is not PlainTypedDict,\n"
        "      typing_extensions.TypedDict is not PlainTypedDict)\n"
        "import pydantic\n"
        "class M(pydantic.BaseModel):\n"
        "    model_config = pydantic.ConfigDict(title='T', extra='forbid')\n"
        "    a: int = pydantic.Field(ge=0)\n"
        "print(M(a=1).a, M.model_json_schema()['title'])\n"
        "try:\n"
        "    M(a=-1)\n"
        "except pydantic.ValidationError as exc:\n"
        "    print(exc.errors()[0]['type'])\n")
    assert out.splitlines() == ["True True True True", "1 T", "greater_than_equal"]


def test_generated_dataclass_code_is_kept_and_used_again(tmp_path):
    """A dataclass's generated methods are compiled once, kept in the cache folder, and the
    next process runs the same code without compiling; the methods behave as before."""
    probe = (
        "import dataclasses, app\n"
        "from app import startup\n"
        "@dataclasses.dataclass(frozen=True, order=True)\n"
        "class Point:\n"
        "    x: int\n"
        "    y: int = 2\n"
        "    tags: list = dataclasses.field(default_factory=list)\n"
        "p = Point(1)\n"
        "print(dataclasses.exec is startup._exec_cached, startup.generated_code._added)\n"
        "print(p, p == Point(1), Point(0) < p, hash(Point(1, 2, ())) == hash(Point(1, 2, ())))\n"
        "try:\n"
        "    p.x = 3\n"
        "except dataclasses.FrozenInstanceError:\n"
        "    print('frozen')\n")
    first = _run(probe, WECOM_APPEAL_CACHE=str(tmp_path)).splitlines()
    assert first == ["True True", "Point(x=1, y=2, tags=[]) True True True", "frozen"]
    assert list(tmp_path.joinpath("code").iterdir())
    again = _run(probe, WECOM_APPEAL_CACHE=str(tmp_path)).splitlines()
    assert again == ["True False", *first[1:]]
    off = _run(probe, WECOM_APPEAL_CACHE="off").splitlines()
    assert off == first


def test_exec_through_the_cache_keeps_execs_own_namespaces():
    out = _run(
        "import app\n"
        "from app.startup import _exec_cached\n"
        "def f():\n"
        "    here = 1\n"
        "    _exec_cached('print(here + 1)')\n"
        "f()\n"
        "g = {}\n"
        "_exec_cached('x = 5', g)\n"
        "loc = {}\n"
        "_exec_cached('y = 6', g, loc)\n"
        "print(g['x'], 'y' in g, loc)\n")
    assert out.splitlines() == ["2", "5 False {'y': 6}"]


def test_generated_functions_keep_their_annotations(tmp_path):
    """The cached code is compiled as dataclasses would compile it, not with app/startup.py's
    own ``from __future__ import annotations`` (which made the annotations strings)."""
    probe = ("import dataclasses\n"
             "{imports}\n"
             "@dataclasses.dataclass\n"
             "class Point:\n"
             "    x: int\n"
             "print(Point.__init__.__annotations__)\n")
    plain = _run(probe.format(imports=""))
    assert plain == "{'x': <class 'int'>, 'return': None}"
    for _ in range(2):  # compiled, then from the cache
        assert _run(probe.format(imports="import app"), WECOM_APPEAL_CACHE=str(tmp_path)) == plain


def test_forward_references_compile_through_the_cache(tmp_path):
    probe = ("import typing, app\n"
             "from app import startup\n"
             "print(typing.compile is startup._compile_cached)\n"
             "ref = typing.ForwardRef('list[int]')\n"
             "print(ref.__forward_code__ == compile('list[int]', '<string>', 'eval'),\n"
             "      typing._eval_type(ref, {}, {}))\n"
             "try:\n"
             "    typing.ForwardRef('not an expression')\n"
             "except SyntaxError as exc:\n"
             "    print(exc)\n")
    first = _run(probe, WECOM_APPEAL_CACHE=str(tmp_path)).splitlines()
    assert first == ["True", "True list[int]",
                     "Forward reference must be an expression -- got 'not an expression'"]
    assert _run(probe, WECOM_APPEAL_CACHE=str(tmp_path)).splitlines() == first


def test_reportlabs_unsafe_names_pattern_is_compiled_only_when_read():
    out = _run("import app.appeal.bundle, app.appeal.profile\n"
               "from app import startup\n"
               "from reportlab.lib import rl_safe_eval\n"
               "print(type(rl_safe_eval.__rl_unsafe_re__) is startup.LazyPattern)\n")
    assert out == "True"


def test_reportlabs_unsafe_names_pattern_is_read_nowhere():
    import reportlab

    package = Path(reportlab.__file__).parent
    readers = [str(path.relative_to(package)) for path in package.rglob("*.py")
               if "__rl_unsafe_re__" in path.read_text(encoding="utf-8", errors="replace")]
    assert readers == ["lib/rl_safe_eval.py"]
    source = (package / "lib" / "rl_safe_eval.py").read_text(encoding="utf-8")
    assert source.count("__rl_unsafe_re__") == 1
    assert "__rl_unsafe_re__ = re.compile(r'\\b(?:%s)'" in source


def test_reportlab_platypus_gets_logging_when_it_logs():
    out = _run(
        "import sys, app\n"
        "from reportlab.platypus import doctemplate, frames\n"
        "from app.lazylog import LazyLogger\n"
        "print(type(frames.logger) is LazyLogger, type(doctemplate.logger) is LazyLogger,\n"
        "      'logging' in sys.modules)\n"
        "import logging\n"
        "logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,\n"
        "                    format='%(name)s %(message)s')\n"
        "frames.logger.debug('drew %s', 'x')\n"
        "print(frames.logging.Logger is logging.Logger)\n")
    assert out.splitlines() == ["True True False", "reportlab.platypus drew x", "True"]
