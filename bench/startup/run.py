"""Start-up benchmark: the app's start against a bare interpreter and a bare Qt window.

    .venv/bin/python bench/startup/run.py [--repeat 15] [--only help,window,bundle]

Every probe is a fresh process, timed from spawn to exit by this script (wall clock); the probes
take turns so that load from other processes falls on all alike. For each, the median and the
best wall time and the median CPU time (user + system, all threads: the figure other load
disturbs least) are reported:

- **bare interpreter**: ``python -c pass``;
- **--help**: ``wecom-appeal --help`` (the console script of this interpreter's environment);
- **bare window**: PySide6 imported, a QApplication and an empty QWidget shown; the process
  leaves (``os._exit``) when the window is first exposed (mapped and ready to paint);
- **main window**: ``app.ui.main.run_gui`` with the same exit on the first expose of the main
  window, in a fresh settings and workspace folder;
- **bundle, fixed part**: the appeal bundle of no photos (cover, contents, statement, the CJK font)
  in a fresh interpreter: what every bundle costs before its first photo.

The windows use the platform given by QT_QPA_PLATFORM (``offscreen`` when unset).

``--instructions`` runs each probe once under valgrind's callgrind instead and reports the
instructions it executed: the same count on every run whatever else the machine is doing, so
two trees compare exactly on a loaded machine (about 50 times slower to run; needs valgrind).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The probe watches the one window it times: an event filter on the application would be called
# (in Python) for every event of every object, and PySide would then initialise the Python type of
# each object's class, with all its enums, when it first sees one (a QListWidget's internal
# objects alone cost ~38 ms that way); that is the probe's cost, not the app's. So the filter sits
# on the window's QWindow (made with ``create()`` just before ``show()`` would make it) for the
# first expose, or on the window itself for the first frame: a window paints itself, then its
# children, in one pass, and the probe leaves when that pass is over (a zero timer posted when the
# window's own Paint event arrives, before the app's own zero timer posted from its paintEvent).
_EXIT_AT = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer

PAINTED = sys.argv[-1] == "painted"

class ExitAtFirstFrame(QObject):
    def eventFilter(self, obj, event):
        if not PAINTED and event.type() == QEvent.Type.Expose:
            os._exit(0)
        if PAINTED and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False

watch = ExitAtFirstFrame()

def watch_and_show(widget, show):
    widget.create()
    (widget if PAINTED else widget.windowHandle()).installEventFilter(watch)
    show(widget)
"""

BARE_WINDOW = _EXIT_AT + """
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.resize(1100, 720)
watch_and_show(window, QWidget.show)
app.exec()
"""

MAIN_WINDOW = _EXIT_AT + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
_show = QMainWindow.show
QMainWindow.show = lambda self: watch_and_show(self, _show)  # the app's main window
from app.ui.main import run_gui
run_gui()
"""

BUNDLE_FIXED = """
import sys
from pathlib import Path
from app.appeal.bundle import BundleOptions, build_bundle
from app.appeal.profile import Profile
profile = Profile(company_name="深圳市示例科技有限公司", credit_code="91440300MA5DC12341",
                  corp_id="ww0123456789abcdef",
                  legal_person={"name": "张伟", "id_number": "110105198002141237"},
                  administrator={"name": "李娜", "id_number": "44030519900101123X",
                                 "phone": "13800138000"})
build_bundle(profile, [], Path(sys.argv[1]), statement="申诉说明。",
             options=BundleOptions(dpi=200))
"""


def console_script() -> list[str]:
    script = Path(sys.executable).with_name("wecom-appeal")
    return [str(script)] if script.exists() else [sys.executable, "-m", "app"]


def probes(only: set[str], scratch: Path) -> dict[str, list[str]]:
    python = sys.executable
    table = {
        "bare interpreter": (None, [python, "-c", "pass"]),
        "--help": ("help", [*console_script(), "--help"]),
        "bare window": ("window", [python, "-c", BARE_WINDOW, "exposed"]),
        "main window": ("window", [python, "-c", MAIN_WINDOW, "exposed"]),
        "bare window, painted": ("window", [python, "-c", BARE_WINDOW, "painted"]),
        "main window, painted": ("window", [python, "-c", MAIN_WINDOW, "painted"]),
        "bundle, fixed part": ("bundle", [python, "-c", BUNDLE_FIXED, str(scratch / "b.pdf")]),
    }
    return {name: argv for name, (group, argv) in table.items() if group is None or group in only}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, all threads) of one run."""
    cpu = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.run(argv, cwd=env["PYTHONPATH"], env=env, capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{argv[:3]} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return elapsed, _children_cpu() - cpu


def instructions(argv: list[str], env: dict[str, str]) -> int:
    """Instructions one run executes, counted by callgrind (hash seed fixed: the same count on
    every run)."""
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           *argv], cwd=env["PYTHONPATH"], env={**env, "PYTHONHASHSEED": "0"},
                          capture_output=True, text=True, check=False)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode or not found:
        raise SystemExit(f"{argv[:3]} failed under valgrind ({proc.returncode}):\n"
                         f"{proc.stderr[-3000:]}")
    return int(found.group(1))


def window_pairs(measured: dict) -> list[tuple[str, str]]:
    """(main window, bare window) probe names, exposed and painted, of those measured."""
    return [(f"main window{suffix}", f"bare window{suffix}") for suffix in ("", ", painted")
            if f"main window{suffix}" in measured]


def report_instructions(table: dict[str, list[str]], env: dict[str, str], tree: Path) -> None:
    counts = {name: instructions(argv, env) for name, argv in table.items()}
    print(f"tree: {tree}")
    print(f"{'millions of instructions':26} {'run':>8} {'over bare interpreter':>22}")
    bare = counts["bare interpreter"]
    for name, count in counts.items():
        print(f"{name:26} {count / 1e6:8.0f} {(count - bare) / 1e6:22.0f}")
    for main_window, bare_window in window_pairs(counts):
        print(f"{main_window} / {bare_window}: "
              f"{counts[main_window] / counts[bare_window]:.2f}× (target ≤ 1.5×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", default="help,window,bundle",
                        help="comma-separated groups: help, window, bundle")
    parser.add_argument("--instructions", action="store_true",
                        help="count each probe's instructions once under callgrind instead of "
                             "timing it")
    parser.add_argument("--tree", type=Path, default=ROOT,
                        help="another checkout to measure (e.g. a worktree of an older commit), "
                             "run with this environment's interpreter and packages")
    args = parser.parse_args()
    tree = args.tree.resolve()
    with tempfile.TemporaryDirectory(prefix="wecom-appeal-startup-") as tmp:
        scratch = Path(tmp)
        env = {**os.environ, "HOME": str(scratch / "home"),
               "XDG_CONFIG_HOME": str(scratch / "config"),
               "XDG_DATA_HOME": str(scratch / "data"),
               "WECOM_APPEAL_HOME": str(scratch / "workspace"), "LANG": "en_US.UTF-8",
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
               "PYTHONPATH": str(tree)}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # An installed app runs from byte-code (pip compiles it, the frozen build ships it):
        # let the warm-up run write it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        table = probes(set(args.only.split(",")), scratch)
        for argv in table.values():  # warm the page cache and the byte-code
            run_once(argv, env)
        if args.instructions:
            report_instructions(table, env, tree)
            return
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in table}
        load_before = os.getloadavg()[0]
        for _ in range(args.repeat):
            for name, argv in table.items():
                runs[name].append(run_once(argv, env))
        load_after = os.getloadavg()[0]
    print(f"tree: {tree}")
    print(f"{args.repeat} runs each, load average {load_before:.1f} before, "
          f"{load_after:.1f} after; QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}")
    print(f"{'seconds':22} {'wall median':>12} {'wall best':>10} {'CPU median':>11}")
    wall = {name: statistics.median(w for w, _ in times) for name, times in runs.items()}
    best = {name: min(w for w, _ in times) for name, times in runs.items()}
    cpu = {name: statistics.median(c for _, c in times) for name, times in runs.items()}
    for name in runs:
        print(f"{name:22} {wall[name]:12.3f} {best[name]:10.3f} {cpu[name]:11.3f}")
    if "--help" in runs:
        print(f"--help − bare interpreter: {wall['--help'] - wall['bare interpreter']:.3f} s wall "
              f"median, {best['--help'] - best['bare interpreter']:.3f} s best, "
              f"{cpu['--help'] - cpu['bare interpreter']:.3f} s CPU (target ≤ 0.150)")
    for main_window, bare_window in window_pairs(runs):
        print(f"{main_window} / {bare_window}: "
              f"{wall[main_window] / wall[bare_window]:.2f}× wall median, "
              f"{best[main_window] / best[bare_window]:.2f}× best, "
              f"{cpu[main_window] / cpu[bare_window]:.2f}× CPU (target ≤ 1.5×)")
    if "bundle, fixed part" in runs:
        print(f"bundle fixed part: {wall['bundle, fixed part']:.3f} s wall median, "
              f"{best['bundle, fixed part']:.3f} s best, {cpu['bundle, fixed part']:.3f} s CPU "
              "(target ≤ 0.25)")

if __name__ == "__main__":
    main()
