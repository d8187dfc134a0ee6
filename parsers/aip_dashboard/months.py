"""Month column headings of improvement-plan metric tables, as dates.

Metric tables head their columns with month names, mostly without a year
(`April May … December Jan 20 February …`): one heading carrying a year
(`Jan 20`, `Jan 2020`) anchors the whole run, and the run is taken to be
consecutive months, so every other heading's year follows from its place.
Without any year in the run, the caller supplies one anchor (the reporting
period's end month: the last column is taken to be that month).
"""
from __future__ import annotations

import re
from datetime import date

from parsers.common.dates import MONTH, month_number, two_digit_year

# A heading: a month name, optionally a year (`Jan 20`, `Jan-2020`, `Jan '20`).
_HEADING = re.compile(rf"\b({MONTH})\.?(?:[\s\-']+(\d{{4}}|\d{{2}})\b)?", re.I)
_FULL_LINE_OF_MONTHS = re.compile(rf"^\s*(?:{MONTH}\.?(?:[\s\-']+(?:\d{{4}}|\d{{2}})\b)?\s*){{3,}}$", re.I)


def is_month_heading_line(text: str) -> bool:
    """True for a line made only of three or more month headings."""
    return bool(_FULL_LINE_OF_MONTHS.match(text))


def month_headings(text: str) -> list[tuple[int, int | None]]:
    """(month number, year or None) for each heading on a line, in order."""
    out = []
    for m in _HEADING.finditer(text):
        year = two_digit_year(m.group(2)) if m.group(2) else None
        out.append((month_number(m.group(1)), year))
    return out


def _shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def month_dates(headings: list[tuple[int, int | None]], last_month: date | None = None) -> list[date] | None:
    """First-of-month dates for consecutive headings, or None if they cannot be dated.

    Anchored on the first heading that prints a year; failing that, on
    `last_month` as the date of the final heading (only if the month names agree).
    Returns None when the headings are not consecutive months.
    """
    if not headings:
        return None
    anchor = next(((i, m, y) for i, (m, y) in enumerate(headings) if y is not None), None)
    if anchor is None:
        if last_month is None or headings[-1][0] != last_month.month:
            return None
        anchor = (len(headings) - 1, last_month.month, last_month.year)
    i0, m0, y0 = anchor
    dates = []
    for i, (month, _) in enumerate(headings):
        y, m = _shift(y0, m0, i - i0)
        if m != month:
            return None
        dates.append(date(y, m, 1))
    return dates
