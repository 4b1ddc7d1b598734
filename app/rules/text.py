"""Readable plain text of a diagnosis and of the catalogue, for the CLI, copy and save."""

from __future__ import annotations

from app.i18n import Lang
from app.labels import label
from app.rules.catalogue import Catalogue
from app.rules.contract import Diagnosis, Sentence


def _sep(lang: Lang) -> str:
    return "：" if lang == "zh_CN" else ": "


def _end(lang: Lang) -> str:
    return "：" if lang == "zh_CN" else ":"


def _paren(text: str, lang: Lang) -> str:
    """A parenthetical after a text: full-width and unspaced in Chinese."""
    return f"（{text}）" if lang == "zh_CN" else f" ({text})"


def _list(items: list[str], lang: Lang) -> str:
    return ("；" if lang == "zh_CN" else "; ").join(items)


def is_advice(sentence: Sentence, catalogue: Catalogue) -> bool:
    """The app's reading or advice: marked on the sentence, or (for a diagnosis saved before the
    mark existed) on the catalogue's statement of the same id."""
    if sentence.advice:
        return True
    try:
        return catalogue.statement(sentence.id).advice
    except KeyError:
        return False


def _cite(sentence: Sentence, lang: Lang, advice: bool) -> str:
    refs = ", ".join(label("section_ref", lang, section=c) for c in sentence.citations)
    tag = _paren(label("app_reading", lang), lang) if advice else ""
    return f"{sentence.text}{tag} [{refs}]"


def _bullets(sentences: list[Sentence], catalogue: Catalogue, lang: Lang) -> list[str]:
    return [f"  • {_cite(s, lang, is_advice(s, catalogue))}" for s in sentences]


def render_text(diagnosis: Diagnosis, catalogue: Catalogue, lang: Lang) -> str:
    rule = (catalogue.rule(diagnosis.rule).title(lang) if diagnosis.rule
            else label("rule_unknown", lang))
    category = (catalogue.violation(diagnosis.category).title(lang) if diagnosis.category
                else label("rule_unknown", lang))
    route = catalogue.route(diagnosis.appeal_route)
    route_title, how, advice = route.wording(diagnosis.route_variant)
    documents = [d.title(lang) for d in catalogue.documents if d.id in diagnosis.documents]

    lines = [label("diagnosis_title", lang), ""]
    lines.append(f"{label('rule', lang)}{_sep(lang)}{rule}")
    if diagnosis.step is not None:
        step = label("step_value", lang, step=diagnosis.step)
        lines.append(f"{label('step', lang)}{_sep(lang)}{step}")
    lines.append(f"{label('category', lang)}{_sep(lang)}{category}")
    lines.append(f"{label('route', lang)}{_sep(lang)}{route_title(lang)}")
    if diagnosis.alternative_routes:
        alternatives = ", ".join(catalogue.route(r).title(lang)
                                 for r in diagnosis.alternative_routes)
        lines.append(f"{label('alternatives', lang)}{_sep(lang)}{alternatives}")
    listed = _list(documents, lang) if documents else label("none", lang)
    # A diagnosis saved before documents_open existed: the catalogue route still knows (5.3).
    if documents and (diagnosis.documents_open or route.documents_open):
        listed += _paren(label("documents_open", lang), lang)
    lines.append(f"{label('documents', lang)}{_sep(lang)}{listed}")
    certainty = label("certainty_" + diagnosis.certainty, lang)
    lines.append(f"{label('certainty', lang)}{_sep(lang)}{certainty}")
    if diagnosis.aggravated:
        lines.append(label("aggravated", lang))
    sections = [
        ("why", diagnosis.explanation),
        ("timing", diagnosis.timing),
        ("undecided", diagnosis.undecided),
        ("next_violation", diagnosis.next_violation),
    ]
    for key, sentences in sections:
        if sentences:
            lines += ["", f"{label(key, lang)}{_end(lang)}",
                      *_bullets(list(sentences), catalogue, lang)]
    lines += ["", f"{route_title(lang)}{_end(lang)}", f"  {how(lang)}"]
    if advice:
        lines.append(f"  {label('route_advice', lang)}{_sep(lang)}{advice(lang)}")
    refs = ", ".join(label("section_ref", lang, section=c) for c in diagnosis.citations)
    lines += ["", f"{label('citations', lang)}{_sep(lang)}{refs}", _source_line(catalogue, lang)]
    return "\n".join(lines) + "\n"


def _source_line(catalogue: Catalogue, lang: Lang) -> str:
    meta = catalogue.meta
    return label("source", lang, title=meta.source_title, retrieved=meta.retrieved.isoformat(),
                 version=meta.version)


def render_catalogue(catalogue: Catalogue, lang: Lang) -> str:
    """The whole catalogue, section by section, as a reader would want it printed."""
    lines = [label("rules_title", lang), _source_line(catalogue, lang), ""]
    lines.append(f"1. {catalogue.section_title('1', lang)}")
    lines += [f"  - {p.text(lang)}" for p in catalogue.provisions_of("1")]
    lines.append("")
    for rule in catalogue.rules:
        lines.append(f"{rule.section}. {rule.title(lang)}")
        lines.append(f"  {rule.summary(lang)}")
        violations = [v for v in catalogue.violations if v.rule == rule.id]
        if violations:
            lines.append(f"  {label('violations', lang)} ({violations[0].section}){_end(lang)}")
            for v in violations:
                lines.append(f"    - [{v.id}] {v.title(lang)}{_sep(lang)}{v.description(lang)}")
            for p in catalogue.provisions_of(violations[0].section):
                lines.append(f"    {label('provisions_4_1', lang)}{_sep(lang)}{p.text(lang)}")
        if rule.ladder:
            lines.append(f"  {label('ladder', lang)} ({rule.ladder[0].section}){_end(lang)}")
            lines += [f"    {s.step}. {s.text(lang)}" for s in rule.ladder]
        lines.append(f"  {label('measures', lang)}{_end(lang)}")
        for m in rule.measures:
            suffix = _paren(label("aggravated_measure", lang), lang) if m.aggravated else ""
            lines.append(f"    - {m.text(lang)}{suffix} [{m.section}]")
        lines.append("")
    lines.append(f"{label('routes', lang)}{_end(lang)}")
    for route in catalogue.routes:
        docs = [d.title(lang) for d in catalogue.documents if d.id in route.documents]
        lines.append(f"  - [{route.id}] {route.title(lang)} [{', '.join(route.sections)}]")
        lines.append(f"      {route.how(lang)}")
        if route.advice:
            lines.append(f"      {label('route_advice', lang)}{_sep(lang)}{route.advice(lang)}")
        for variant in route.variants:
            lines.append(f"      {variant.title(lang)}{_sep(lang)}{variant.how(lang)}")
            if variant.advice:
                lines.append(f"      {label('route_advice', lang)}{_sep(lang)}"
                             f"{variant.advice(lang)}")
        if docs:
            listed = _list(docs, lang)
            if route.documents_open:
                listed += _paren(label("documents_open", lang), lang)
            lines.append(f"      {label('documents', lang)}{_sep(lang)}{listed}")
    lines += ["", f"{label('faq', lang)}{_end(lang)}"]
    for faq in catalogue.faq:
        lines.append(f"  {faq.section} {faq.question(lang)}")
        lines += [f"      {paragraph(lang)}" for paragraph in faq.answer]
    return "\n".join(lines) + "\n"
