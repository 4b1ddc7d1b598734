"""Generate the benchmark's behaviour file: members × days of WeCom behaviour statistics.

Deterministic (fixed seed). Most members behave normally; a few are planted spammers (many
applications, low acceptance) and harassers (many deletions and blocks), so the scan has
something to find.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

HEADER = ("userid,stat_time,new_apply_cnt,new_contact_cnt,chat_cnt,message_cnt,"
          "reply_percentage,avg_reply_time,negative_feedback_cnt\n")
FIRST_DAY = dt.date(2026, 5, 1)


def generate(path: Path, members: int = 10_000, days: int = 180, seed: int = 20261125) -> Path:
    rng = random.Random(seed)
    dates = [(FIRST_DAY + dt.timedelta(days=d)).isoformat() for d in range(days)]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for m in range(members):
            userid = f"m{m:05d}"
            kind = "spammer" if m % 997 == 13 else "harasser" if m % 991 == 7 else "normal"
            base = rng.randint(0, 12)
            lines = []
            for date in dates:
                if kind == "spammer":
                    apply = rng.randint(150, 250)
                    contact = apply // 10
                    negative = rng.randint(0, 2)
                else:
                    apply = max(0, base + rng.randint(-3, 3))
                    contact = apply - rng.randint(0, apply // 3 + 1) if apply else rng.randint(0, 2)
                    contact = max(contact, 0)
                    negative = (rng.randint(0, max(1, contact // 2)) if kind == "harasser"
                                else int(rng.random() < 0.03))
                chat = rng.randint(0, 15)
                message = chat * rng.randint(1, 6)
                reply = f"{rng.uniform(40, 100):.2f}" if chat else ""
                avg_reply = str(rng.randint(1, 60)) if chat else ""
                lines.append(f"{userid},{date},{apply},{contact},{chat},{message},"
                             f"{reply},{avg_reply},{negative}\n")
            out.write("".join(lines))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()
    generate(args.output, args.members, args.days, args.seed)


if __name__ == "__main__":
    main()
