"""What app/pdf/_ttf.py (the bulk TrueType parse) saves on a whole bundle.

    python bench/bundle/ttf_gain.py [--photos 8] [--repeat 5]

Builds the same bundle of synthetic phone photos in fresh interpreters, alternately with the
bulk parse and with reportlab's own parser (``WECOM_APPEAL_TTF_PARSER=reportlab``), and reports
the median wall time of the build call (the font is parsed once per process, inside it) and of
the font parse alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from photos import make_photos  # noqa: E402

SIDE = """
import json, sys, time
from pathlib import Path
parser = sys.argv[1]
out = Path(sys.argv[2])
paths = [Path(p) for p in sys.argv[3:]]
from app.appeal.bundle import BundleOptions, build_bundle
from app.appeal.documents import PackageDocument
from app.appeal.profile import Profile
from app.pdf import fonts
from reportlab.pdfbase.ttfonts import TTFont
font = fonts.find_cjk_font()
if parser == "reportlab":
    fonts._load_ttfont = lambda name, f: TTFont(name, str(f.path), subfontIndex=f.subfont_index)
started = time.perf_counter()
fonts.register_pdf_font(font)
parsed = time.perf_counter() - started
profile = Profile(company_name="深圳市示例科技有限公司", credit_code="91440300MA5DC12341",
                  corp_id="ww0123456789abcdef",
                  legal_person={"name": "张伟", "id_number": "11010519800214123X"},
                  administrator={"name": "李娜", "id_number": "44030519900101123X",
                                 "phone": "13800138000"})
docs = [PackageDocument(kind="evidence", path=p) for p in paths]
build_bundle(profile, docs, out, statement="申诉说明。", font=font)
total = time.perf_counter() - started
print(json.dumps({"parse": parsed, "build": total}))
"""


def run(parser: str, out: Path, photos: list[Path]) -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-c", SIDE, parser, str(out), *map(str, photos)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--photos", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workdir", type=Path,
                    default=Path(tempfile.gettempdir()) / "wecom-appeal-bench")
    args = ap.parse_args()
    photos = make_photos(args.workdir / "photos", args.photos)
    runs: dict[str, list[dict[str, float]]] = {"bulk": [], "reportlab": []}
    for _ in range(args.repeat):
        for parser in runs:
            runs[parser].append(run(parser, args.workdir / f"ttf-{parser}.pdf", photos))
    summary = {p: {k: statistics.median(r[k] for r in rs) for k in ("parse", "build")}
               for p, rs in runs.items()}
    saved = summary["reportlab"]["build"] - summary["bulk"]["build"]
    for parser, row in summary.items():
        print(f"{parser:10s} parse {row['parse'] * 1000:6.0f} ms   bundle {row['build']:.3f} s")
    print(f"saved {saved * 1000:.0f} ms = {100 * saved / summary['reportlab']['build']:.1f} % "
          "of the bundle built with reportlab's parser")


if __name__ == "__main__":
    main()
