"""What a bundle without photos loads (bench/startup, "bundle, fixed part"): the PDF stack and
pydantic, but not Pillow (nor the intake that reads files with it), pillow-heif, pypdf,
urllib/http (which ``xml.sax.saxutils`` would bring), the rule catalogue or Qt; nor
importlib.metadata (pydantic's plugin search), ssl, pydoc and pkgutil (stdnum's imports),
logging (reportlab's platypus takes its loggers at import), concurrent.futures (the photos'
threads) or tomllib (the labels' parse is kept in the cache), nor reportlab's URI and cjkwrap
patterns compiled (app/startup.py); nor the validators of the models it does not
validate (defer_build). Each of these cost milliseconds on every bundle before its first
photo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
from pathlib import Path
from app.appeal.bundle import BundleOptions, build_bundle
from app.appeal.profile import Profile
from app.pdf.fonts import find_cjk_font
profile = Profile.model_validate({
    "company_name": "深圳市示例科技有限公司", "credit_code": sys.argv[2],
    "corp_id": "ww0123456789abcdef",
    "legal_person": {"name": "张伟", "id_number": sys.argv[3]},
    "administrator": {"name": "李娜", "id_number": sys.argv[3], "phone": "13800138000"}})
build_bundle(profile, [], Path(sys.argv[1]), statement="申诉说明。", font=find_cjk_font())
unwanted = ("PIL.Image", "PIL.ImageDraw", "PIL.ImageFont", "app.appeal.intake", "pillow_heif",
            "pypdf", "pypdfium2", "urllib.request", "http.client", "xml.sax",
            "app.rules.catalogue", "app.appeal.images", "app.appeal.kit", "PySide6", "duckdb",
            "keyring", "importlib.metadata", "ssl", "socket", "pydoc", "pickle", "pkgutil",
            "logging", "concurrent.futures", "tomllib")
from reportlab.lib.textsplit import rx as cjkwrap_pattern
from reportlab.platypus.paragraph import uri_pat
from app.appeal import checks, documents, sources, statement
from app.rules import contract
unused = (contract.RestrictionReport, contract.Diagnosis, sources.SourceDocument, sources.Edits,
          documents.PackageDocument, statement.Measure, checks.Problem)  # defer_build
print(sorted(m for m in unwanted if m in sys.modules), uri_pat.compiled or cjkwrap_pattern.compiled,
      [m.__name__ for m in unused if m.__pydantic_complete__])
"""


def test_a_bundle_without_photos_loads_only_what_it_needs(tmp_path):
    from .samples import make_ric, make_uscc

    # The second process: the first fills the cache (the font's and the labels' parses).
    env = {**os.environ, "WECOM_APPEAL_CACHE": str(tmp_path / "cache")}
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "b.pdf"), make_uscc(),
                              make_ric()], capture_output=True, text=True, cwd=ROOT, timeout=120,
                             check=False, env=env)
        assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[] False []"
    assert (tmp_path / "b.pdf").stat().st_size > 10_000
