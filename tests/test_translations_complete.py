"""Every user-visible text outside the GUI exists in Simplified Chinese and English.

The GUI is checked by ``tools/i18n.py check``; here: the labels of the headless output
(``resources/text/*.toml``), the data catalogues (rules, audit checklist and columns), the
fixed texts of the PDF generators, the CLI's human output in Chinese, and the Chinese PDFs.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import importlib
import json
import os
import re
import string
import subprocess
import sys
import tomllib
import typing
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from pydantic import BaseModel

from app.i18n import LocalText
from app.labels import all_labels

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
LETTERS = re.compile(r"[A-Za-z]")
# English prose: two words of three letters or more.
WORDY = re.compile(r"[A-Za-z]{3,}[\s,;:'()-]+[A-Za-z]{2,}")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _literals(template: str) -> list[str]:
    return [literal for literal, _, _, _ in string.Formatter().parse(template)]


def _is_format_only(template: str) -> bool:
    """Nothing to translate: only placeholders, digits and punctuation."""
    return not LETTERS.search("".join(_literals(template)))


def _problems(where: str, text: LocalText) -> list[str]:
    found = []
    if not text.en.strip():
        found.append(f"{where}: no English text")
    if not text.zh_CN.strip():
        found.append(f"{where}: no Chinese text")
    elif not CJK.search(text.zh_CN) and not _is_format_only(text.zh_CN):
        found.append(f"{where}: the Chinese text has no Chinese in it: {text.zh_CN!r}")
    return found


# Labels of the headless output ------------------------------------------------------------

TEXT_FILES = sorted(p for p in (ROOT / "resources" / "text").iterdir() if p.suffix == ".toml")


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_every_label_has_both_languages(path: Path) -> None:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw.get("labels"), f"{path.name}: no [labels.KEY] tables"
    problems = []
    for key, value in raw["labels"].items():
        where = f"{path.name} [labels.{key}]"
        missing = {"en", "zh_CN"} - set(value)
        if missing:
            problems.append(f"{where}: missing {sorted(missing)}")
            continue
        text = LocalText.model_validate(value)
        problems += _problems(where, text)
        # The translation may add words, not drop what the English shows.
        dropped = _fields(text.en) - _fields(text.zh_CN)
        if dropped:
            problems.append(f"{where}: the Chinese leaves out {sorted(dropped)}")
    assert not problems, "\n".join(problems)


def test_labels_load_from_every_file() -> None:
    labels = all_labels()
    for path in TEXT_FILES:
        keys = tomllib.loads(path.read_text(encoding="utf-8"))["labels"]
        assert set(keys) <= set(labels), path.name


def _label_keys_used_in_code() -> dict[str, str]:
    """``label("key", …)`` and ``text("key", …)`` calls outside the GUI, key -> where."""
    used: dict[str, str] = {}
    for path in APP.rglob("*.py"):
        if path.is_relative_to(APP / "ui"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"label", "text", "local", "local_text"} and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                used[node.args[0].value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return used


def test_every_label_the_code_uses_exists() -> None:
    labels = all_labels()
    used = _label_keys_used_in_code()
    assert len(used) > 50
    assert {key: where for key, where in used.items() if key not in labels} == {}


def test_labels_named_from_values_exist() -> None:
    """Labels the commands pick by a value (``f"status_{status}"``): one per possible value."""
    from app.rules.contract import Account, Certainty, Duration, Scope
    from app.store.cases import CASE_STATUSES
    from app.store.deadlines import Deadline
    from app.store.transfer import ImportSummary, Manifest

    def values(annotation: object) -> tuple[str, ...]:
        return typing.get_args(annotation)

    expected = (
        [f"status_{s}" for s in CASE_STATUSES]
        + [f"account_{a}" for a in values(Account)]
        + [f"scope_{s}" for s in values(Scope)]
        + [f"duration_{d}" for d in values(Duration)]
        + [f"certainty_{c}" for c in values(Certainty)]
        + [f"deadline_{s}" for s in values(Deadline.model_fields["state"].annotation)]
        + [f"import_profile_{p}" for p in values(ImportSummary.model_fields["profile"].annotation)]
        + [f"export_kind_{k}" for k in values(Manifest.model_fields["kind"].annotation)]
        + ["severity_error", "severity_warning"]
        + [f"threshold_{group}_{key}" for group, values in
           _catalogues()["thresholds"].model_dump().items() for key in values]
        + [f"scan_col_{c}" for c in ("member", "risk", "applications", "accepted", "negative",
                                     "messages", "flags")]
    )
    assert [key for key in expected if key not in all_labels()] == []


def _store_nodes() -> Iterator[ast.AST]:
    for path in (APP / "store").glob("*.py"):
        yield from ast.walk(ast.parse(path.read_text(encoding="utf-8")))


def _template(node: ast.AST) -> str | None:
    """A string literal or f-string (or a sum of them and calls) with its placeholders and calls
    written as ``{}``; None for anything else."""
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp):
        left, right = _template(node.left), _template(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.Call):  # label(...) or ", ".join(...) inside a sum
        return "{}"
    return None


def _label_shape(english: str) -> str:
    """A label's English with its placeholders written as ``{}``."""
    return "".join(literal + ("{}" if name else "")
                   for literal, name, _, _ in string.Formatter().parse(english))


def _store_message_templates() -> set[str]:
    """Every string app/store raises or builds, placeholders written as ``{}``."""
    return {t for node in _store_nodes()
            if isinstance(node, ast.JoinedStr | ast.Constant) and (t := _template(node))}


def test_translated_store_errors_still_match_the_store() -> None:
    """``storeerr_*`` labels translate the store's English messages word for word: when the
    store rewords one, the Chinese would silently fall back to the English."""
    templates = _store_message_templates()
    stale = []
    for key, text in all_labels().items():
        if (key.startswith(("storeerr_", "keyringwhy_"))
                and _label_shape(text.en) not in templates):
            stale.append(f"{key}: {text.en!r}")
    assert stale == []


# Raised only for an archive or vault that was tampered with or made by hand; they reach the
# user as "工作区错误：" with their English words, which is enough for a bug report.
_TAMPER_ONLY = {
    "archive entry {} has an absolute path", "archive entry {} is a symbolic link",
    "archive entry {} appears twice", "archive entry {} is larger than this app ever writes",
    "archive entry {} is damaged", "an archive entry has a damaged name",
    "archive entry {} comes after the documents' bytes",
    "archive entry {} belongs to no record of the archive",
    "the archive was altered or is damaged: data after its end; nothing was imported",
    "the archive's manifest does not match its header",
    "the archive's case files do not match its manifest",
    "a case file in the archive names another case",
    "a document in the archive belongs to no case of the archive",
    "an audit evidence file in the archive is misnamed or has no bytes",
    "an enterprise document in the archive has an unknown kind",
    "a build or submission in the archive belongs to no case of it",
    "{} in the archive is invalid: {} at {}", "{} in the archive is not a list",
    "a case's package or submissions in the archive are invalid: {}",
    "an enterprise document in the archive has no bytes",
    "the archive has no bytes for document {}", "invalid blob id {}",
    "{}: not a valid vault header (too large)", "{}: not a valid vault header ({} problems)",
    "{}: not a vault ciphertext",
}
_STORE_ERRORS = ("StoreError", "ArchiveError", "NotFound", "VaultError", "VaultLocked",
                 "WrongPassphrase", "VaultCorrupt", "InvalidTransition")


def _raised_store_messages() -> set[str]:
    """The English of every store error raised with a literal message, as ``{}`` shapes."""
    found = set()
    for node in _store_nodes():
        if (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                and getattr(node.exc.func, "id", "") in _STORE_ERRORS and node.exc.args):
            message = _template(node.exc.args[0])
            if message is not None:
                found.add(message)
    return found


def test_every_store_error_a_user_can_meet_has_its_chinese() -> None:
    labelled = {_label_shape(text.en) for key, text in all_labels().items()
                if key.startswith("storeerr_")}
    raised = _raised_store_messages()
    assert len(raised) > 60  # the scan still sees the store's raises
    assert sorted(raised - labelled - _TAMPER_ONLY) == []


def test_store_errors_are_translated() -> None:
    from app.store.errors import store_text as store_message

    message = store_message("no case 'abcd' (a case id is 12 hex digits; 4 are enough)")
    assert message.en.startswith("no case") and "'abcd'" in message.zh_CN
    assert CJK.search(message.zh_CN)
    keyring = store_message("no vault yet and no way to protect one: no system keyring is "
                            "available; set X to a passphrase (or run 'wecom-appeal vault init')")
    assert "没有可用的系统密钥环" in keyring.zh_CN and "keyring" not in keyring.zh_CN.split("'")[0]
    unknown = store_message("something new went wrong")
    assert unknown.en == "something new went wrong" and CJK.search(unknown.zh_CN)


# Data catalogues --------------------------------------------------------------------------

def _local_texts(value: object, where: str) -> Iterator[tuple[str, LocalText]]:
    """Every LocalText anywhere inside a loaded model (fields, lists, dicts, tuples)."""
    if isinstance(value, LocalText):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _local_texts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _local_texts(item, f"{where}[{key!r}]")
    elif isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(value):
            ident = getattr(item, "id", None) or getattr(item, "field", None) or i
            yield from _local_texts(item, f"{where}[{ident}]")


def _catalogues() -> dict[str, object]:
    from app.audit.checklist import load_checklist
    from app.audit.columns import load_columns
    from app.audit.risk import load_thresholds
    from app.rules.catalogue import load_catalogue

    return {"rules": load_catalogue(), "checklist": load_checklist(),
            "columns": load_columns(), "thresholds": load_thresholds()}


@pytest.mark.parametrize("name", ["rules", "checklist", "columns"])
def test_every_catalogue_text_has_both_languages(name: str) -> None:
    texts = list(_local_texts(_catalogues()[name], name))
    assert len(texts) > 5, f"{name}: the walk found no texts"
    problems = [p for where, text in texts for p in _problems(where, text)]
    # Copied, not translated: the same prose in both fields.
    problems += [f"{where}: zh_CN is the English text" for where, text in texts
                 if text.zh_CN == text.en and WORDY.search(text.en)]
    assert not problems, "\n".join(problems)


def test_thresholds_are_numbers_named_by_labels() -> None:
    """The thresholds hold numbers only; the scan report names them with the
    ``threshold_<table>_<key>`` labels (checked with the other labels named from values)."""
    thresholds = _catalogues()["thresholds"]
    assert list(_local_texts(thresholds, "thresholds")) == []
    assert all(isinstance(v, int | float) for values in thresholds.model_dump().values()
               for v in values.values())


def _raw_tables(value: object, where: str) -> Iterator[tuple[str, dict]]:
    if isinstance(value, dict):
        yield where, value
        for key, item in value.items():
            yield from _raw_tables(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _raw_tables(item, f"{where}[{i}]")


@pytest.mark.parametrize("folder", ["rules", "audit"])
def test_catalogue_files_give_both_languages_everywhere(folder: str) -> None:
    """In the TOML itself: any table with a text in ``en`` or ``zh_CN`` has the other one.

    (Lists under those keys are the notice classifier's phrases per language, not texts.)"""
    problems = []
    for entry in (resources.files("app.resources") / folder).iterdir():
        if not entry.name.endswith(".toml"):
            continue
        raw = tomllib.loads(entry.read_text(encoding="utf-8"))
        for where, table in _raw_tables(raw, entry.name):
            if isinstance(table.get("en"), str) or isinstance(table.get("zh_CN"), str):
                if not (isinstance(table.get("en"), str) and isinstance(table.get("zh_CN"), str)):
                    problems.append(f"{where}: needs both en and zh_CN")
                else:
                    problems += _problems(where, LocalText(en=table["en"], zh_CN=table["zh_CN"]))
    assert not problems, "\n".join(problems)


# Fixed texts of the PDF generators --------------------------------------------------------

PDF_MODULES = ["app.appeal.letter", "app.appeal.bundle", "app.appeal.statement",
               "app.appeal.kit", "app.appeal.documents", "app.pdf.page",
               "app.audit.report", "app.audit.pdfkit", "app.audit.scoring"]


@pytest.mark.parametrize("module", PDF_MODULES)
def test_pdf_text_tables_have_both_languages(module: str) -> None:
    """Module-level LocalText tables (``_TEXT``, ``_T``, ``SLOT_TITLES``, titles …)."""
    loaded = importlib.import_module(module)
    texts = [item for name, value in vars(loaded).items() if not name.startswith("__")
             for item in _local_texts(value, f"{module}.{name}")]
    problems = [p for where, text in texts for p in _problems(where, text)]
    assert not problems, "\n".join(problems)


def _constant_parts(node: ast.expr) -> str | None:
    """A string literal, or an f-string's literal parts; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _inline_pairs(path: Path) -> Iterator[tuple[int, str | None, str | None]]:
    """Inline bilingual pairs: ``LocalText(en=…, zh_CN=…)`` and ``_t(lang, en, zh)``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id == "LocalText":
            keywords = {k.arg: k.value for k in node.keywords}
            if "en" in keywords or "zh_CN" in keywords:
                en, zh = keywords.get("en"), keywords.get("zh_CN")
                yield (node.lineno, "" if en is None else _constant_parts(en),
                       "" if zh is None else _constant_parts(zh))
        elif node.func.id == "_t" and len(node.args) == 3:
            yield node.lineno, _constant_parts(node.args[1]), _constant_parts(node.args[2])


@pytest.mark.parametrize("module", PDF_MODULES)
def test_inline_pdf_texts_have_both_languages(module: str) -> None:
    path = ROOT / (module.replace(".", "/") + ".py")
    problems = []
    for line, en, zh in _inline_pairs(path):
        if en is None or zh is None:
            continue  # built from variables: checked where those come from
        if not en.strip() or not zh.strip():
            problems.append(f"{path.name}:{line}: one language is empty")
        elif LETTERS.search(zh) and not CJK.search(zh):
            problems.append(f"{path.name}:{line}: the Chinese text has no Chinese: {zh!r}")
        elif WORDY.search(en) and not CJK.search(zh):
            problems.append(f"{path.name}:{line}: no Chinese for {en!r}")
    assert not problems, "\n".join(problems)


def test_audit_report_has_no_english_only_paragraphs() -> None:
    """Paragraphs, tables and headings of the reports get their words through ``_t``."""
    path = APP / "audit" / "report.py"
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "p" and node.args:
            literal = _constant_parts(node.args[0])
            if literal is not None and WORDY.search(literal):
                problems.append(f"report.py:{node.lineno}: {literal!r}")
    assert not problems, "\n".join(problems)


# The CLI in Chinese -----------------------------------------------------------------------

COMMAND_MODULES = [APP / "cli.py", APP / "cliutil.py", APP / "store" / "commands.py",
                   APP / "store" / "vault_commands.py", APP / "rules" / "commands.py",
                   APP / "appeal" / "commands.py", APP / "audit" / "commands.py"]


@pytest.mark.parametrize("path", COMMAND_MODULES, ids=lambda p: str(p.relative_to(APP)))
def test_commands_print_no_english_literals(path: Path) -> None:
    """What the commands print or raise as InputError comes from the labels, not from English
    written into the code (``help=`` texts of argparse are not checked)."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in {"print", "InputError", "ArgumentTypeError"} and node.args):
            for part in ast.walk(node.args[0]):
                literal = _constant_parts(part) if isinstance(part, ast.expr) else None
                if literal is not None and WORDY.search(literal.replace("wecom-appeal", "")):
                    problems.append(f"{path.name}:{node.lineno}: {literal!r}")
    assert not problems, "\n".join(problems)


def _english_phrases() -> list[str]:
    """Literal English phrases of the labels (never the same in the Chinese labels)."""
    labels = all_labels()
    chinese = "\n".join(t.zh_CN for t in labels.values())
    phrases = {chunk.strip() for t in labels.values() for chunk in _literals(t.en)
               if WORDY.search(chunk) and len(chunk.strip()) >= 8}
    return sorted(p for p in phrases if p not in chinese)


MORE_ENGLISH = ["Deadline", "Timeline", "Vault set up", "Profile saved", "No cases",
                "Restricted on", "OVER THE CAP", "Overall score", "rows read", "note:",
                "error:", "warning:", " pages,", "Unanswered", "flagged"]

PROFILE = {"company_name": "北京示例科技有限公司", "credit_code": "91110000600037341L",
           "corp_id": "ww0123456789abcdef",
           "legal_person": {"name": "王小明", "id_number": "11010519491231002X"},
           "administrator": {"name": "李四", "id_number": "110105198003070020",
                             "phone": "13800138000"}}
R1 = {"account": "member", "scope": "interop", "duration": "temporary",
      "self_unblock_offered": True}
R2 = {"account": "member", "scope": "interop", "duration": "until_wechat_unblocked",
      "linked_wechat_banned": True}


def _has_cjk_font() -> bool:
    from app.pdf.fonts import FontNotFoundError, find_cjk_font

    try:
        find_cjk_font()
    except FontNotFoundError:
        return False
    return True


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _photo(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (600, 400), (200, 210, 220)).save(path, "JPEG")
    return path


def _behaviour_csv(path: Path) -> Path:
    """Ten days of one member adding far too many strangers, one normal member."""
    lines = ["userid,stat_time,new_apply_cnt,new_contact_cnt,chat_cnt,message_cnt,"
             "negative_feedback_cnt"]
    start = dt.date(2026, 11, 1)
    for day in range(10):
        date = (start + dt.timedelta(days=day)).isoformat()
        lines.append(f"spammer,{date},180,9,30,60,4")
        lines.append(f"normal,{date},5,4,10,40,0")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _answers(path: Path) -> Path:
    from app.audit.checklist import load_checklist

    questions = load_checklist().questions
    answers = [{"question": q.id, "answer": "no" if i % 4 == 0 else "yes"}
               for i, q in enumerate(questions)]
    return _write(path, {"date": "2026-11-20", "title": "自查", "answers": answers})


@pytest.fixture(scope="module")
def zh_cli_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Human output of the headless commands with ``--lang zh_CN``, by command."""
    tmp = tmp_path_factory.mktemp("zh_cli")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("WECOM_APPEAL_", "DBUS_", "PYTHON_KEYRING"))}
    env.update(WECOM_APPEAL_HOME=str(tmp / "home"), WECOM_APPEAL_PASSPHRASE="zh smoke pass 1",
               WECOM_APPEAL_ARCHIVE_PASSPHRASE="archive pass 123",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", PYTHONPATH=str(ROOT),
               LANG="C.UTF-8")
    outputs: dict[str, str] = {}

    def run(name: str, *args: str, codes: tuple[int, ...] = (0,)) -> str:
        result = subprocess.run([sys.executable, "-m", "app.cli", *args, "--lang", "zh_CN"],
                                env=env, text=True, capture_output=True, timeout=180,
                                stdin=subprocess.DEVNULL, cwd=tmp)
        assert result.returncode in codes, (args, result.stdout, result.stderr)
        outputs[name] = result.stdout + result.stderr
        return result.stdout

    profile = _write(tmp / "profile.json", PROFILE)
    run("profile show (none yet)", "profile", "show", codes=(2,))
    run("vault init", "vault", "init", "--passphrase-from-env")
    run("vault status", "vault", "status")
    run("profile set", "profile", "set", str(profile))
    run("profile show", "profile", "show")
    first = run("case new", "case", "new", str(_write(tmp / "r1.json", R1)), "--member",
                "alice").strip()
    second = run("case new (R2)", "case", "new", str(_write(tmp / "r2.json", R2)), "--member",
                 "bob").strip()
    run("case list", "case", "list")
    run("case show", "case", "show", first)
    run("case status", "case", "status", first, "unblock_requested")
    run("case status (refused)", "case", "status", first, "unblock_requested", codes=(2,))
    run("case wechat-unblocked", "case", "wechat-unblocked", second)
    run("case show (deadline)", "case", "show", second)
    run("case show (no such case)", "case", "show", "ffff", codes=(2,))
    run("doc add", "doc", "add", first, "business_license", str(_photo(tmp / "licence.jpg")))
    run("doc add (no such file)", "doc", "add", first, "evidence", str(tmp / "missing.png"),
        codes=(2,))
    run("case delete", "case", "delete", second)
    run("case restore", "case", "restore", second)
    run("export", "export", str(tmp / "backup.wecomappeal"))
    run("import", "import", str(tmp / "backup.wecomappeal"))
    run("import (not an archive)", "import", str(profile), codes=(2,))
    run("rules", "rules")
    run("diagnose", "diagnose", str(tmp / "r1.json"))
    run("diagnose (invalid input)", "diagnose",
        str(_write(tmp / "bad.json", {"account": "nobody", "prior_violations": -1})), codes=(2,))
    run("audit (unknown question)", "audit",
        str(_write(tmp / "bad_answers.json", {"date": "2026-11-20", "answers": [
            {"question": "no_such_question", "answer": "yes"}]})), codes=(2,))
    run("audit", "audit", str(_answers(tmp / "answers.json")), "-o", str(tmp / "audit.pdf"),
        codes=(1,))
    run("scan", "scan", str(_behaviour_csv(tmp / "behaviour.csv")), codes=(1,))
    if _has_cjk_font():
        run("letter", "letter", str(profile), "-o", str(tmp / "letter.pdf"), codes=(0, 1))
        case = {"profile": "profile.json", "report": R1, "restricted_on": "2026-11-20",
                "documents": [{"kind": "business_license", "path": "licence.jpg"}]}
        run("bundle", "bundle", str(_write(tmp / "case.json", case)), "-o",
            str(tmp / "appeal.pdf"), "--kit", str(tmp / "kit"), codes=(0, 1))
    return outputs


# Commands whose whole output is an id or a path, for scripts.
MACHINE_OUTPUT = {"case new", "case new (R2)", "letter"}


def test_cli_human_output_is_chinese(zh_cli_outputs: dict[str, str]) -> None:
    from app.rules.catalogue import load_catalogue

    phrases = _english_phrases() + MORE_ENGLISH
    assert len(phrases) > 60
    # The title of the source text is cited as it was published, not translated.
    cited = load_catalogue().meta.source_title
    problems = []
    for name, output in zh_cli_outputs.items():
        output = output.replace(cited, "")
        if name not in MACHINE_OUTPUT and not CJK.search(output):
            problems.append(f"{name}: no Chinese in {output!r}")
        english = [p for p in phrases if p in output]
        if english:
            problems.append(f"{name}: English {english} in {output!r}")
    assert not problems, "\n".join(problems)


def test_cli_smoke_ran_every_command(zh_cli_outputs: dict[str, str]) -> None:
    commands = {name.split(" (")[0] for name in zh_cli_outputs}
    assert {"profile show", "vault init", "vault status", "case new", "case list", "case show",
            "case status", "doc add", "export", "import", "rules", "diagnose", "audit",
            "scan"} <= commands


# The command line's --help ----------------------------------------------------------------

def _squash(text: str) -> str:
    """Without whitespace: argparse wraps the help to the terminal's width."""
    return re.sub(r"\s+", "", text)


def _commands(parser: argparse.ArgumentParser, path: str = "") -> Iterator[
        tuple[str, argparse.ArgumentParser, argparse.ArgumentParser, str | None]]:
    """Every (sub)command under ``parser``: its path, parser, parent, help in the parent's list."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            listed = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                where = f"{path} {name}".strip()
                yield where, sub, parser, listed.get(name)
                yield from _commands(sub, where)


def test_every_command_help_is_chinese() -> None:
    """``wecom-appeal … --help --lang zh_CN``: the line in the parent's list, the description
    and every option's help are Chinese, under argparse's headings in Chinese."""
    from app.cli import build_parser

    parser = build_parser("zh_CN")
    commands = list(_commands(parser))
    assert len(commands) > 25 and "case new" in {path for path, *_ in commands}
    problems = []
    for path, sub, parent, listed in [("", parser, None, None), *commands]:
        where = f"wecom-appeal {path}".strip()
        shown = sub.format_help()
        flat = _squash(shown)
        if parent is not None:
            if not (listed and CJK.search(listed)):
                problems.append(f"{where}: its line in the parent's help is {listed!r}")
            elif _squash(listed) not in _squash(parent.format_help()):
                problems.append(f"{where}: the parent's help does not show {listed!r}")
        if sub.description and not (CJK.search(sub.description)
                                    and _squash(sub.description) in flat):
            problems.append(f"{where}: description {sub.description!r}")
        if path in {"", "diagnose", "letter", "bundle", "audit", "scan"} and not sub.description:
            problems.append(f"{where}: lost its description")
        if not shown.startswith("用法："):
            problems.append(f"{where}: usage heading in {shown[:20]!r}")
        headings = {line.rstrip(":：") for line in shown.splitlines() if line.endswith((":", "："))}
        english = headings & {"positional arguments", "options", "optional arguments"}
        if english or "选项" not in headings:
            problems.append(f"{where}: headings {sorted(headings)}")
        for action in sub._actions:
            if action.help in (None, argparse.SUPPRESS) or isinstance(
                    action, argparse._SubParsersAction):
                continue
            name = "/".join(action.option_strings) or action.dest
            if not CJK.search(action.help):
                problems.append(f"{where} {name}: help {action.help!r}")
            elif _squash(action.help) not in flat:
                problems.append(f"{where} {name}: help not shown: {action.help!r}")
    assert not problems, "\n".join(problems)


def _help_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    from app.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("argv", [["case", "list", "--lang", "zh_CN", "--help"],
                                  ["case", "list", "--help", "--lang=zh_CN"]])
def test_help_language_comes_from_lang_anywhere(argv: list[str], monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    shown = _help_of(argv, capsys)
    assert shown.startswith("用法：wecom-appeal case list")
    assert "显示此帮助并退出" in shown and "包括回收站中的案件" in shown
    assert "show this help" not in shown and "include cases in the trash" not in shown


def test_help_language_defaults_to_the_systems(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import lang_in_argv

    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert lang_in_argv(["rules"]) == "zh_CN"
    assert lang_in_argv(["rules", "--lang", "en"]) == "en"
    assert lang_in_argv(["rules", "--lang=nl"]) == "zh_CN"  # argparse then refuses it
    assert lang_in_argv(["diagnose", "--", "--lang=en"]) == "zh_CN"
    shown = _help_of(["--help"], capsys)
    assert "企业微信申诉与合规助手" in shown and "显示版本号并退出" in shown
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert lang_in_argv(["rules"]) == "en"


def test_english_help_is_unchanged(monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    top = _squash(_help_of(["--help"], capsys))
    for phrase in ["usage: wecom-appeal [-h] [--version] COMMAND ...",
                   "WeCom Appeal & Compliance Assistant. Without a command, opens the window.",
                   "positional arguments:", "options:", "show this help message and exit",
                   "show program's version number and exit",
                   "diagnose a restriction report (JSON)"]:
        assert _squash(phrase) in top, phrase
    diagnose = _squash(_help_of(["diagnose", "--help"], capsys))
    for phrase in ["usage: wecom-appeal diagnose",
                   "Read a restriction report (JSON) and print the diagnosis: rule, step, "
                   "route, documents and the reasons.",
                   "the report; '-' or nothing reads standard input",
                   "language of the text (default: the system's)"]:
        assert _squash(phrase) in diagnose, phrase
    vault = _squash(_help_of(["vault", "init", "--lang", "en", "--help"], capsys))
    assert _squash("protect the key with the passphrase in WECOM_APPEAL_PASSPHRASE") in vault
    assert not CJK.search(top + diagnose + vault)


def test_usage_errors_follow_the_help_language(capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["case", "new", "--lang", "zh_CN"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：wecom-appeal case new") and "wecom-appeal case new：错误：" in err


def test_every_help_label_is_used() -> None:
    used = _label_keys_used_in_code()
    assert [key for key in all_labels() if key.startswith("clihelp_") and key not in used] == []


# The PDFs in Chinese ----------------------------------------------------------------------

def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _english_of(pairs: Iterator[tuple[int, str | None, str | None]] | list) -> list[str]:
    """The English phrases of inline pairs and LocalText tables, placeholders removed."""
    phrases = set()
    for _, en, _ in pairs:
        for chunk in re.split(r"\{[^}]*\}", en or ""):
            chunk = chunk.strip(" .,:;()—-'“”")
            if WORDY.search(chunk) and len(chunk) >= 8:
                phrases.add(chunk)
    return sorted(phrases)


def _table_pairs(module: str) -> list[tuple[int, str, str]]:
    loaded = importlib.import_module(module)
    return [(0, text.en, text.zh_CN) for name, value in vars(loaded).items()
            if not name.startswith("__") for _, text in _local_texts(value, name)]


def _absent(text: str, phrases: list[str]) -> list[str]:
    flat = re.sub(r"\s+", " ", text)
    return [p for p in phrases if re.sub(r"\s+", " ", p) in flat]


@pytest.fixture(scope="module")
def font_or_skip() -> None:
    if not _has_cjk_font():
        if os.environ.get("CI") == "true":  # .ci/run installs fonts-wqy-microhei
            pytest.fail("no CJK TrueType font in CI (fonts-wqy-microhei)")
        pytest.skip("needs a CJK TrueType font (fonts-wqy-microhei)")


def test_letter_in_chinese_has_no_english_boilerplate(tmp_path: Path, font_or_skip: None) -> None:
    from app.appeal.letter import build_letter
    from app.appeal.profile import Profile

    profile = Profile.model_validate(PROFILE)
    phrases = _english_of(_table_pairs("app.appeal.letter") + _table_pairs("app.pdf.page"))
    assert len(phrases) >= 8
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    build_letter(profile, zh, lang="zh_CN")
    build_letter(profile, en, lang="en")
    zh_text, en_text = _pdf_text(zh), _pdf_text(en)
    assert "授权委托书" in zh_text and "被授权人" in zh_text
    assert _absent(zh_text, phrases) == []
    assert "Letter of Authorisation" in en_text  # the check can see English when it is there


def test_bundle_in_chinese_has_no_english_boilerplate(tmp_path: Path, font_or_skip: None) -> None:
    from app.appeal.bundle import BundleOptions, build_bundle
    from app.appeal.documents import PackageDocument
    from app.appeal.profile import Profile
    from app.appeal.statement import build_statement
    from app.rules.catalogue import load_catalogue
    from app.rules.contract import RestrictionReport
    from app.rules.engine import diagnose

    profile = Profile.model_validate(PROFILE)
    diagnosis = diagnose(RestrictionReport.model_validate(R1), load_catalogue(), "zh_CN")
    statement = build_statement(profile, diagnosis, lang="zh_CN")
    documents = [PackageDocument(kind="business_license", path=_photo(tmp_path / "l.jpg"))]
    out = tmp_path / "appeal.pdf"
    build_bundle(profile, documents, out, statement=statement, diagnosis=diagnosis,
                 options=BundleOptions(lang="zh_CN", workers=1))
    phrases = _english_of(_table_pairs("app.appeal.bundle") + _table_pairs("app.appeal.statement")
                          + _table_pairs("app.appeal.documents")
                          + _table_pairs("app.pdf.page"))
    text = _pdf_text(out)
    assert "企业微信账号申诉材料" in text and "申诉说明" in text
    assert _absent(text, phrases) == []


def test_audit_report_in_chinese_has_no_english_boilerplate(tmp_path: Path,
                                                            font_or_skip: None) -> None:
    from app.audit.checklist import load_checklist
    from app.audit.report import audit_report_pdf
    from app.audit.scoring import AuditAnswers, score_audit

    checklist = load_checklist()
    answers = AuditAnswers.model_validate(json.loads(_answers(tmp_path / "a.json").read_text()))
    result = score_audit(answers, checklist)
    phrases = _english_of(list(_inline_pairs(APP / "audit" / "report.py"))
                          + _table_pairs("app.audit.scoring"))
    phrases += [text.en for _, text in _local_texts(checklist, "checklist")
                if WORDY.search(text.en) and len(text.en) < 60]
    assert len(phrases) >= 20
    zh, en = tmp_path / "zh.pdf", tmp_path / "en.pdf"
    audit_report_pdf(result, zh, "zh_CN", checklist)
    audit_report_pdf(result, en, "en", checklist)
    zh_text = _pdf_text(zh)
    assert "企业微信合规自查报告" in zh_text and "整改计划" in zh_text
    assert _absent(zh_text, phrases) == []
    assert _absent(_pdf_text(en), phrases)  # the check can see English when it is there


def test_scan_report_in_chinese_has_no_english_boilerplate(tmp_path: Path,
                                                           font_or_skip: None) -> None:
    from app.audit.report import scan_report_pdf
    from app.audit.risk import scan

    result = scan(_behaviour_csv(tmp_path / "b.csv"))
    try:
        out = scan_report_pdf(result, tmp_path / "scan.pdf", "zh_CN")
    finally:
        result.close()
    phrases = _english_of(list(_inline_pairs(APP / "audit" / "report.py")))
    phrases += [text.en for key, text in all_labels().items() if key.startswith("threshold_")]
    text = _pdf_text(out)
    assert "成员行为数据扫描报告" in text
    assert _absent(text, phrases) == []


@pytest.mark.parametrize("argv, expected", [
    (["letter", "--lang", "zh_CN"], "缺少以下必需参数"),
    (["diagnose", "--lang", "zh_CN", "--bogus"], "无法识别的参数"),
    (["diagnose", "--lang", "xx"], "无效的选项"),
    (["bundle", "case.json", "-o", "x.pdf", "--dpi", "abc", "--lang", "zh_CN"], "无效的 int 值"),
])
def test_argparse_own_error_sentences_are_translated(argv, expected, capsys):
    from app.cli import main

    if "xx" in argv:  # the language itself is wrong: the system's decides; force Chinese
        argv = [*argv, "--lang=zh_CN"]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "required" not in err and "invalid" not in err
