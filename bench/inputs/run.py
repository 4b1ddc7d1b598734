"""Memory and time of every command over issue 13's large-input corpus.

    .venv/bin/python bench/inputs/run.py [--only NAME] [--json results.json]

Each input runs through the real CLI in a fresh subprocess; its peak resident memory comes from
``os.wait4`` (that child alone) and its wall time from the parent. Goal (issue 13, item 9):
peak under 500 MB for every input the app accepts, a refusal within 2 s for every input it
does not. The corpus is generated once (generate.py) into $TMPDIR/wecom-appeal-bench/inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from generate import PASSPHRASE, make_corpus  # noqa: E402

GOAL_MB = 500
GOAL_REFUSAL_S = 2.0


@dataclass
class Probe:
    name: str
    args: list[str]
    expect: str  # "accept" or "refuse"


def probes(corpus: Path, out: Path, case_id: str) -> list[Probe]:
    c = corpus
    return [
        Probe("bundle + kit: 108 MP JPEG, 49 MP PNG, 200-page PDF",
              ["bundle", str(c / "case_large.json"), "-o", str(out / "b.pdf"),
               "--kit", str(out / "kit")], "accept"),
        Probe("doc add: 108 MP JPEG", ["doc", "add", case_id, "business_license",
                                       str(c / "photo_108mp.jpg")], "accept"),
        Probe("doc add: 49 MP 8-bit PNG", ["doc", "add", case_id, "evidence",
                                          str(c / "png_8bit_49mp.png")], "accept"),
        Probe("doc add: 200-page PDF", ["doc", "add", case_id, "evidence",
                                       str(c / "pdf_200_pages.pdf")], "accept"),
        Probe("export: the workspace (~250 MB of documents)",
              ["export", str(out / "all.wae")], "accept"),
        Probe("import: that export into a new workspace",
              ["import", str(out / "all.wae")], "accept"),
        Probe("doc add: 16-bit RGBA PNG 10 950² (956 KB)",
              ["doc", "add", case_id, "evidence", str(c / "png_16bit_rgba_10950.png")], "refuse"),
        Probe("doc add: JPEG claiming 65 500²",
              ["doc", "add", case_id, "evidence", str(c / "jpeg_claims_65500.jpg")], "refuse"),
        Probe("doc add: PDF page inflating to 1.5 GB",
              ["doc", "add", case_id, "evidence", str(c / "pdf_stream_1_5gb.pdf")], "refuse"),
        Probe("doc add: 5 000-page PDF",
              ["doc", "add", case_id, "evidence", str(c / "pdf_5000_pages.pdf")], "refuse"),
        Probe("doc add: 2 GB file", ["doc", "add", case_id, "evidence",
                                     str(c / "sparse_2gb.jpg")], "refuse"),
        Probe("import: entry inflating to 1.5 GB",
              ["import", str(c / "archive_entry_1_5gb.wae")], "refuse"),
        Probe("import: header scrypt n=2^20 r=16",
              ["import", str(c / "archive_kdf_n20_r16.wae")], "refuse"),
        Probe("diagnose: /dev/zero", ["diagnose", "/dev/zero"], "refuse"),
    ]


# The child reports its own VmHWM at exit: ru_maxrss of a child carries the parent's peak over
# the fork, which would hide small figures.
_WRAPPER = """
import atexit, os, sys
def _hwm():
    for line in open('/proc/self/status'):
        if line.startswith('VmHWM:'):
            open(os.environ['BENCH_HWM'], 'w').write(line.split()[1])
atexit.register(_hwm)
from app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run(args: list[str], env: dict[str, str]) -> tuple[int, float, float, str]:
    hwm = Path(env["WECOM_APPEAL_HOME"]).parent / "hwm"
    hwm.unlink(missing_ok=True)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, *args, "--lang", "en"],
                          env={**env, "BENCH_HWM": str(hwm)}, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, cwd=ROOT)
    elapsed = time.perf_counter() - started
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    peak = int(hwm.read_text()) / 1024 if hwm.exists() else float("nan")
    return proc.returncode, elapsed, peak, lines[-1] if lines else ""


def workspace(home: Path, env: dict[str, str], corpus: Path) -> str:
    """A workspace with one case and ~250 MB of documents (for export and import)."""
    from app.store import cases, documents
    from app.store.workspace import Workspace

    with Workspace.open(home) as ws:
        ws.create_vault(PASSPHRASE, scrypt_n=2**14)
        detail = cases.create_case(ws, json_report(corpus), diagnoser=cases.engine_diagnoser(
            "en"))
        for i in range(8):
            documents.add_document(ws, detail.id, "evidence", os.urandom(30 * 2**20),
                                   f"scan-{i}.pdf")
        return detail.id


def json_report(corpus: Path):  # type: ignore[no-untyped-def]
    from app.rules.contract import RestrictionReport

    return RestrictionReport.model_validate_json((corpus / "report.json").read_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the probes whose name contains this")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--setup", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.setup:  # in its own process, so that the runner stays small
        print(workspace(options.setup, dict(os.environ), make_corpus()))
        return 0
    corpus = make_corpus()
    work = corpus.parent / "run"
    shutil.rmtree(work, ignore_errors=True)
    (work / "out").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WECOM_APPEAL_")}
    env.update(WECOM_APPEAL_HOME=str(work / "home"), WECOM_APPEAL_PASSPHRASE=PASSPHRASE,
               WECOM_APPEAL_ARCHIVE_PASSPHRASE=PASSPHRASE,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               PYTHONPATH=str(ROOT))
    os.environ.update(env)
    made = subprocess.run([sys.executable, str(Path(__file__)), "--setup", str(work / "home")],
                          env=env, capture_output=True, text=True, check=True)
    case_id = made.stdout.strip()
    # Interpreter start-up and imports, which every command pays: on a shared, loaded machine
    # it alone can approach a second. Refusal times are judged on what comes after it.
    startup = sorted(run(["--version"], env)[1] for _ in range(3))[1]
    print(f"start-up (median of 3 × 'wecom-appeal --version'): {startup:.2f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    results = []
    print(f"{'input':52} {'expect':7} {'exit':>4} {'time s':>7} {'-start':>7} {'peak MB':>8}  "
          "verdict")
    for probe in probes(corpus, work / "out", case_id):
        if options.only and options.only not in probe.name:
            continue
        probe_env = dict(env)
        if probe.name.startswith("import: that export"):
            probe_env["WECOM_APPEAL_HOME"] = str(work / "home2")
        code, elapsed, peak, last = run(probe.args, probe_env)
        accepted = code in (0, 1)
        if probe.expect == "accept":
            ok = accepted and peak < GOAL_MB
        else:
            ok = code == 2 and elapsed - startup < GOAL_REFUSAL_S and peak < GOAL_MB
        verdict = "ok" if ok else "MISSES THE GOAL"
        print(f"{probe.name:52} {probe.expect:7} {code:>4} {elapsed:>7.2f} "
              f"{elapsed - startup:>7.2f} {peak:>8.0f}  "
              f"{verdict}" + ("" if accepted else f"  ({last[:90]})"))
        results.append({"input": probe.name, "expect": probe.expect, "exit": code,
                        "seconds": round(elapsed, 2), "startup_seconds": round(startup, 2),
                        "peak_mb": round(peak), "ok": ok,
                        "message": last})
    if options.json:
        options.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
