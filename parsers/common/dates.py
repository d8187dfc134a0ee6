"""Dates as English council papers print them: `Thursday 15 June 2017`, `13th July 2017`, `5.3.20`."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _make(year: int, month: int | None, day: int) -> date | None:
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[date, int]]:
    """Every full date in `text` with its offset, in order."""
    found = []
    for m in DAY_MONTH_YEAR.finditer(text):
        d = _make(int(m.group(3)), month_number(m.group(2)), int(m.group(1)))
        if d:
            found.append((d, m.start()))
    for m in MONTH_DAY_YEAR.finditer(text):
        d = _make(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
        if d and all(abs(off - m.start()) > 3 for _, off in found):
            found.append((d, m.start()))
    return sorted(found, key=lambda x: x[1])


def first_date(text: str) -> date | None:
    found = find_dates(text)
    return found[0][0] if found else None
