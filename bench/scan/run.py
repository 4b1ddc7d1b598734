"""Scan benchmark: 10 000 members × 180 days (1.8 M rows, generated with a fixed seed),
imported and scored by the app's engine, side by side with DuckDB (and pandas) doing the same
aggregation on the same file. Each run is a fresh process; runs are interleaved and repeated,
and the medians are compared. Target: ours ≤ 2× the DuckDB reference.

    python bench/scan/run.py [--repeat 5] [--members 10000] [--days 180] [--no-pandas]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

TARGET_RATIO = 2.0


def one_run(engine: str, data: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE / "engines.py"), engine, str(data)],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    wall = time.perf_counter() - started
    info = json.loads(done.stdout.strip().splitlines()[-1])
    info["wall"] = round(wall, 3)
    return info


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=None,
                        help="behaviour CSV to use (generated when missing)")
    parser.add_argument("--no-pandas", action="store_true")
    args = parser.parse_args()

    data = args.data or HERE / "data" / f"behaviour-{args.members}x{args.days}.csv"
    if not data.exists():
        data.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {data} …", flush=True)
        generate(data, args.members, args.days)
    size_mb = data.stat().st_size / 1e6
    print(f"data: {data} ({size_mb:.0f} MB, {args.members * args.days:,} rows)")

    engines = ["ours", "duckdb"] + ([] if args.no_pandas else ["pandas"])
    one_run("duckdb", data)  # warm the page cache so the first timed run is not penalised
    runs: dict[str, list[dict]] = {e: [] for e in engines}
    for _ in range(args.repeat):
        for engine in engines:
            runs[engine].append(one_run(engine, data))

    summary = {}
    for engine, results in runs.items():
        summary[engine] = {
            "wall_median": statistics.median(r["wall"] for r in results),
            "wall_min": min(r["wall"] for r in results),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
            "members": results[0]["members"],
        }
        if engine == "ours":
            summary[engine]["flagged"] = results[0]["flagged"]
            summary[engine]["rows_rejected"] = results[0]["rejected"]
    ratio = summary["ours"]["wall_median"] / summary["duckdb"]["wall_median"]
    ratio_min = summary["ours"]["wall_min"] / summary["duckdb"]["wall_min"]

    print(f"{'engine':<8} {'median s':>9} {'min s':>7} {'peak RSS MB':>12} {'members':>8}")
    for engine, s in summary.items():
        print(f"{engine:<8} {s['wall_median']:>9.3f} {s['wall_min']:>7.3f} "
              f"{s['peak_rss_mb']:>12.1f} {s['members']:>8}")
    print(f"ratio ours/duckdb: {ratio:.2f}× median, {ratio_min:.2f}× best "
          f"(target ≤ {TARGET_RATIO:g}×); flagged members: {summary['ours']['flagged']}")
    if "pandas" in summary:
        versus_pandas = summary["ours"]["wall_median"] / summary["pandas"]["wall_median"]
        print(f"ratio ours/pandas: {versus_pandas:.2f}×")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
