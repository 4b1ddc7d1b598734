"""Line breaking for Chinese text in the PDF: no line starts with closing punctuation.

reportlab's CJK wrap (``wordWrap='CJK'``) lets one closing mark hang in the margin, but not two
in a row (“）。”), and in mixed Chinese and Latin text it may still start a line with "，". The
statement and the cover are therefore broken into lines here, with the usual rules (禁则):
a line never starts with closing punctuation (，。、；：？！）」』 and the like) and never ends with
opening punctuation (（「『“ …); Latin words and numbers are not split unless longer than a line.
The lines are then given to reportlab with explicit breaks, each one narrower than the frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A line may not start with these (closing marks, full and half width) ...
NO_LINE_START = frozenset("，。、；：？！）」』】〕〉》’”…‥·・ー々〆,.;:?!)]}%％‰℃")
# ... nor end with these (opening marks).
NO_LINE_END = frozenset("（「『【〔〈《‘“([{")
_UNIT = re.compile(r"[A-Za-z0-9@#&_+\-./:%]+|\s|.", re.S)

Measure = Callable[[str], float]


def _units(text: str) -> list[str]:
    """Breakable units: a Latin word or number stays whole; every other character is one."""
    return _UNIT.findall(text)


def break_lines(text: str, width: float, measure: Measure) -> list[str]:
    """``text`` (one paragraph line, no newlines) as lines no wider than ``width`` by
    ``measure``, none starting with closing or ending with opening punctuation. (Only where a
    line holds a single unit followed by closing marks do the marks hang past ``width``.)"""
    units: list[str] = []
    for unit in _units(text):  # a word longer than a line is split into its characters
        units += list(unit) if len(unit) > 1 and measure(unit) > width else [unit]
    lines: list[list[str]] = [[]]
    used = 0.0
    for unit in units:
        w = measure(unit)
        line = lines[-1]
        if unit.isspace() and not line:
            continue  # no space at the start of a line
        if used + w <= width or not line:
            line.append(unit)
            used += w
            continue
        if unit.isspace():
            lines.append([])
            used = 0.0
            continue
        # Break before ``unit``; pull units down from the end of this line while the new line
        # would start with closing punctuation or this one would end with an opening mark.
        carry = [unit]
        while line and (carry[0][0] in NO_LINE_START or line[-1][-1] in NO_LINE_END):
            if len(line) == 1:
                break
            carry.insert(0, line.pop())
        if carry[0][0] in NO_LINE_START:  # nothing left to pull down: hang the marks
            line.extend(carry)
            used += sum(measure(u) for u in carry)
            continue
        while line and line[-1].isspace():
            line.pop()
        lines.append(carry)
        used = sum(measure(u) for u in carry)
    return ["".join(line).rstrip() for line in lines if "".join(line).strip()]


def break_text(text: str, width: float, measure: Measure) -> list[str]:
    """Every line of ``text`` (split at newlines) broken to ``width``; empty lines kept."""
    out: list[str] = []
    for line in text.split("\n"):
        out += break_lines(line, width, measure) or [""]
    return out


def line_starts_ok(lines: list[str]) -> bool:
    """True when no line starts with closing punctuation (what the tests check)."""
    return not any(line[:1] in NO_LINE_START for line in lines if line)
