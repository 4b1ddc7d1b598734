"""The rule catalogue shipped in resources/rules: complete, bilingual, and loud when broken."""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path
from typing import get_args

import pytest
from pydantic import BaseModel

from app.i18n import LocalText
from app.rules.catalogue import (
    CATALOGUE_FILES,
    Catalogue,
    CatalogueError,
    DocumentKind,
    RouteId,
    load_catalogue,
    load_catalogue_from,
)

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

# The violation categories of the diagnosis contract (docs/design.md, "Contracts") and where the
# source lists them.
CONTRACT_CATEGORIES = {
    "harassment": ("R1", "2.1"),
    "inducing_sharing": ("R1", "2.1"),
    "malicious_adding": ("R1", "2.1"),
    "linked_wechat": ("R2", "3.1"),
    "plugin": ("R3", "4.1"),
    "malicious_registration": ("R3", "4.1"),
    "account_info": ("R3", "4.1"),
    "order_brushing": ("R3", "4.1"),
    "security_threat": ("R3", "4.1"),
    "infringement": ("R3", "4.1"),
    "pornography": ("R3", "4.1"),
    "violence": ("R3", "4.1"),
    "gambling": ("R3", "4.1"),
    "gang_terror": ("R3", "4.1"),
    "illegal_goods": ("R3", "4.1"),
    "fraud": ("R3", "4.1"),
    "false_information": ("R3", "4.1"),
    "other_illegal": ("R3", "4.1"),
}
SOURCE_SECTIONS = ["1", "2", "2.1", "2.2", "3", "3.1", "3.2", "4", "4.1", "4.2",
                   "5", "5.1", "5.2", "5.3"]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def test_shipped_catalogue_loads_with_its_version(catalogue):
    assert catalogue.meta.source_title == "WeCom – Violation scenarios and penalty rules"
    assert catalogue.meta.source_file == "wecom-violation-penalty-rules.en.txt"
    assert catalogue.meta.retrieved.isoformat() == "2026-11-24"
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", catalogue.meta.version)


def test_every_numbered_section_of_the_source_is_listed(catalogue):
    assert [s.id for s in catalogue.sections] == SOURCE_SECTIONS


def test_every_contract_category_exists_with_its_rule_and_section(catalogue):
    found = {v.id: (v.rule, v.section) for v in catalogue.violations}
    assert found == CONTRACT_CATEGORIES


def test_rule_one_ladder_follows_2_2(catalogue):
    rule = catalogue.rule("R1")
    assert rule.section == "2"
    steps = [(s.step, s.section, s.scope, s.duration, s.self_unblock) for s in rule.ladder]
    assert steps == [
        (1, "2.2", "interop", "temporary", True),   # 2.2: first violation, admin may apply
        (2, "2.2", "interop", "temporary", False),  # 2.2: again, no unblocking
        (3, "2.2", "interop", "permanent", False),  # 2.2: third, permanent
    ]
    aggravated = [m for m in rule.measures if m.aggravated]
    assert len(aggravated) == 1
    assert set(aggravated[0].accounts) == {"member", "admin", "enterprise"}


def test_rule_two_and_three_measures(catalogue):
    r2, r3 = catalogue.rule("R2"), catalogue.rule("R3")
    assert (r2.section, r3.section) == ("3", "4")
    assert not r2.ladder and not r3.ladder
    assert {m.section for m in r2.measures} == {"3.2"}
    assert {m.section for m in r3.measures} == {"4.2"}
    assert "24" in next(m for m in r2.measures if not m.aggravated).text("en")
    assert "24" in next(m for m in r2.measures if not m.aggravated).text("zh_CN")
    r3_aggravated = next(m for m in r3.measures if m.aggravated)
    assert set(r3_aggravated.accounts) == {"admin", "enterprise"}
    assert next(m for m in r3.measures if not m.aggravated).accounts == ["member"]


def test_every_route_of_the_contract_exists_and_cites_its_section(catalogue):
    routes = {r.id: r for r in catalogue.routes}
    assert set(routes) == set(get_args(RouteId))
    assert routes["admin_unblock_request"].sections == ["2.2"]
    assert routes["wait_for_expiry"].sections == ["2.2"]
    assert routes["wait_for_wechat_unblock"].sections == ["3.2"]
    for route in ("page_appeal", "enterprise_appeal", "none"):
        assert routes[route].sections == ["5.3"]
    assert routes["enterprise_appeal"].documents == list(get_args(DocumentKind))
    assert all(not r.documents for r in routes.values() if r.id != "enterprise_appeal")


def test_every_document_kind_is_described(catalogue):
    assert [d.id for d in catalogue.documents] == list(get_args(DocumentKind))
    assert {d.section for d in catalogue.documents} == {"5.3"}


def test_faq_covers_section_5(catalogue):
    assert [f.section for f in catalogue.faq] == ["5.1", "5.2", "5.3"]
    daily, _, mistake = catalogue.faq
    assert len(daily.answer) >= 8  # two paragraphs, four factors, a conclusion, two tips
    assert len(mistake.answer) == 3


def _texts(item: object, where: str = "catalogue"):
    if isinstance(item, LocalText):
        yield where, item
    elif isinstance(item, BaseModel):
        for name in type(item).model_fields:
            yield from _texts(getattr(item, name), f"{where}.{name}")
    elif isinstance(item, list):
        for i, value in enumerate(item):
            yield from _texts(value, f"{where}[{i}]")


def test_every_text_is_there_in_both_languages(catalogue):
    texts = list(_texts(catalogue))
    assert len(texts) > 100
    for where, text in texts:
        assert text.en.strip(), f"{where}: English is empty"
        assert text.zh_CN.strip(), f"{where}: Chinese is empty"
        assert HAN.search(text.zh_CN), f"{where}: the Chinese text has no Chinese in it"
        assert not HAN.search(text.en), f"{where}: the English text has Chinese in it"


def test_every_category_and_signal_has_phrases_in_both_languages(catalogue):
    categories = {p.category for p in catalogue.category_phrases}
    assert categories == set(CONTRACT_CATEGORIES)
    signals = {p.signal for p in catalogue.signal_phrases}
    assert signals == set(get_args(type(catalogue.signal_phrases[0]).model_fields["signal"]
                                   .annotation))
    for group in [*catalogue.category_phrases, *catalogue.signal_phrases]:
        assert all(HAN.search(p) for p in group.zh_CN), group
        assert all(p.strip() == p and p for p in [*group.zh_CN, *group.en]), group


def test_no_phrase_is_the_bare_word_violation(catalogue):
    everything = [p.casefold() for g in catalogue.category_phrases for p in (*g.zh_CN, *g.en)]
    for bare in ("违规", "违法", "违反", "violation", "violat*", "illegal", "banned", "blocked"):
        assert bare not in everything


# A malformed catalogue ------------------------------------------------------------------------

@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    with resources.as_file(resources.files("app.resources") / "rules") as shipped:
        shutil.copytree(shipped, folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_copy_loads_before_it_is_broken(broken_copy):
    assert load_catalogue_from(broken_copy) == load_catalogue()


@pytest.mark.parametrize(("name", "old", "new", "field"), [
    ("violations.toml", 'rule = "R1"', 'rule = "R4"', "violations[0].rule"),
    ("violations.toml", 'section = "2.1"', 'section = "9.9"', "violations[0].section"),
    ("violations.toml", 'title.zh_CN = "发送骚扰内容"\n', "", "violations[0].title.zh_CN"),
    ("catalogue.toml", "retrieved = 2026-11-24", 'retrieved = "last week"', "meta.retrieved"),
    ("catalogue.toml", 'id = "2.1"', 'id = "two"', "sections[2].id"),
    ("penalties.toml", "step = 1", "step = 0", "rules[0].ladder[0].step"),
    ("penalties.toml", 'scope = "interop"', 'scope = "everything"', "rules[0].ladder[0].scope"),
    ("penalties.toml", 'section = "2.2"', 'section = "2.3"', "rules[0].ladder[0].section"),
    ("routes.toml", 'sections = ["3.2"]', 'sections = ["3.3"]', "routes[2].sections[0]"),
    ("routes.toml", 'documents = ["business_license"', 'documents = ["passport"',
     "routes[4].documents[0]"),
    ("documents.toml", 'id = "business_license"', 'id = "passport"', "documents[0].id"),
    ("faq.toml", 'section = "5.1"', 'section = "6.1"', "faq[0].section"),
    ("notice_phrases.toml", 'category = "harassment"', 'category = "spam"',
     "category_phrases[0].category"),
    ("notice_phrases.toml", 'signal = "scope_interop"', 'signal = "scope_everything"',
     "signal_phrases[0].signal"),
    ("notice_phrases.toml", "weight = 0.6", "weight = -1", "category_phrases[1].weight"),
])
def test_a_broken_field_names_its_file_and_field(broken_copy, name, old, new, field):
    _edit(broken_copy, name, old, new)
    with pytest.raises(CatalogueError) as error:
        load_catalogue_from(broken_copy)
    message = str(error.value)
    assert message.startswith(f"{name}: ")
    assert field in message


def test_a_duplicate_id_names_its_file(broken_copy):
    _edit(broken_copy, "routes.toml", 'id = "wait_for_expiry"', 'id = "admin_unblock_request"')
    with pytest.raises(CatalogueError, match=r"^routes\.toml: .*routes\[1\]\.id.*duplicate"):
        load_catalogue_from(broken_copy)


def test_broken_toml_syntax_names_the_file(broken_copy):
    (broken_copy / "faq.toml").write_text("[[faq]\nid = 'x'\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"^faq\.toml: not valid TOML"):
        load_catalogue_from(broken_copy)


def test_an_unexpected_key_names_the_file(broken_copy):
    with (broken_copy / "documents.toml").open("a", encoding="utf-8") as file:
        file.write("\n[[documnets]]\nid = 'typo'\n")
    with pytest.raises(CatalogueError, match=r"^documents\.toml: unexpected .*documnets"):
        load_catalogue_from(broken_copy)


@pytest.mark.parametrize("name", CATALOGUE_FILES)
def test_a_missing_file_is_named(broken_copy, name):
    (broken_copy / name).unlink()
    with pytest.raises(CatalogueError, match=rf"^{re.escape(name)}: file is missing"):
        load_catalogue_from(broken_copy)
