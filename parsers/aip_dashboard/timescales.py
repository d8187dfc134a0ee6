"""Recognise when-text (`Completed by 30th June`, `Monthly from 15th May`, `June 2020`).

Used to find the timescale cell of an action table row where a text
extraction ran it together with the cell before it.
"""
from __future__ import annotations

import re

from parsers.common.dates import MONTH, ORDINAL
_STARTERS = (
    r"completed?|launched|started|took\s+place|scheduled|monthly|weekly|fortnightly|daily|quarterly|annually|"
    r"bi-?monthly|each\s+(?:month|week|quarter)|every\s+(?:month|week|quarter)|on-?going|from\s+(?:\d|" + MONTH + r")|"
    r"by\s+(?:the\s+)?(?:end|\d|" + MONTH + r")|marked\s+improvement|immediate(?:ly)?|throughout|until|rolling|continuing"
)
_DATE_LIKE = rf"(?:\d{{1,2}}{ORDINAL}\s+)?{MONTH}\.?(?:\s*[-–/]\s*{MONTH}\.?)?\s*(?:\d{{2}}|\d{{4}})\b|(?:spring|summer|autumn|winter)\s+\d{{4}}|Q[1-4]\b"
# A timescale opening a line (the whole line is the cell).
TIMESCALE_START = re.compile(rf"^\s*(?:{_STARTERS})\b|^\s*(?:{_DATE_LIKE})", re.I)
# A timescale closing a line after other text: it must start with a capital or digit.
_TAIL = re.compile(rf"(?:^|\s)(?=[A-Z0-9])(?=(?i:{_STARTERS})\b|(?i:{_DATE_LIKE}))")
# `… key messages completed`, but not `… need to be completed`.
_FINAL_WORD = re.compile(r"(?<!\bbe)(?<!\bbeen)(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bhave)(?<!\bhas)\s(completed|complete|on-?going|ongoing)\s*$", re.I)


def starts_with_timescale(text: str) -> bool:
    return bool(TIMESCALE_START.match(text))


def split_trailing_timescale(text: str) -> tuple[str, str | None]:
    """(text before, timescale) when the text ends with a timescale cell; else (text, None)."""
    for m in _TAIL.finditer(text):
        if m.end() == 0:
            continue  # a timescale at the very start is the caller's business
        head = text[: m.start()].strip()
        if head:
            return head, text[m.end() :].strip()
    m = _FINAL_WORD.search(text)
    if m and text[: m.start()].strip():
        return text[: m.start()].strip(), m.group(1)
    return text, None
