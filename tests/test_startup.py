"""What app/startup.py leaves undone, and what it relies on in pydantic, reportlab and stdnum:
these tests fail when a new version of one of them changes it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pydantic

from app import startup

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         timeout=120, check=False)
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
