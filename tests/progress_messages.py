"""The one progress contract (app/jobs.py): every message a core job reports is a
``ProgressText`` that renders, in both languages, to text with every value filled in."""

from __future__ import annotations

from collections.abc import Iterable

from app.jobs import ProgressText


def assert_progress_messages(messages: Iterable[object]) -> list[tuple[str, str]]:
    """Each message is a ProgressText and renders in English and in Chinese; returns the
    renderings. At least one differs between the two (a label, not a bare name)."""
    rendered = []
    for message in messages:
        assert type(message) is ProgressText, f"{message!r} is not a ProgressText"
        en, zh = message("en"), message("zh_CN")
        for text in (en, zh):
            assert text.strip() and "{" not in text and "}" not in text, (message, text)
        rendered.append((en, zh))
    assert rendered, "the job reported no progress"
    assert any(en != zh for en, zh in rendered), rendered
    return rendered
