"""Dates as Ofsted prints them: single dates and inspection periods.

Periods come in many shapes: `27 February to 23 March 2017`, `15 to 26
November 2021`, `3 June 2014 - 25 June 2014`, `24 February – 18 March 2015`,
`19 November-11 December 2013 and 28 – 30 January 2014` (split fieldwork). One
rule reads them all: collect each day number with whatever month and year
follow it, then let a day borrow the month and year of the next day that has
them (`15 to 26 November 2021`: 15 borrows November 2021).
"""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for m in names
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_TOKEN = re.compile(rf"\b(\d{{4}})\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\b|\b({_MONTH_ALT})\b\.?", re.I)
_ONE_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_ALT})\.?,?\s+(\d{{4}})\b", re.I)


def parse_date(text: str) -> date | None:
    """The first full date (`13 June 2017`) in `text`."""
    m = _ONE_DATE.search(text)
    if not m:
        return None
    return _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))


def parse_periods(text: str) -> list[tuple[date, date]] | None:
    """The periods of an inspection-dates phrase, in order, or None if a day lacks month or year.

    `and` (or `;`) separates periods of split fieldwork; within a period the
    first and last days are its start and end.
    """
    days = _days(text)
    if not days:
        return None
    chunks = re.split(r"\band\b|;|,\s*(?=\d)", text)
    periods: list[tuple[date, date]] = []
    index = 0
    for chunk in chunks:
        n = len(_day_numbers(chunk))
        if n == 0:
            continue
        part = days[index : index + n]
        index += n
        periods.append((part[0], part[-1]))
    if index != len(days):
        return [(days[0], days[-1])]
    return periods


def is_complete_period(text: str) -> bool:
    """Whether every day of the phrase has a month and a year (else the phrase wraps on)."""
    return _days(text) is not None


def _day_numbers(text: str) -> list[int]:
    return [int(m.group(2)) for m in _TOKEN.finditer(text) if m.group(2)]


def _days(text: str) -> list[date] | None:
    items: list[list[int | None]] = []  # [day, month, year]
    for m in _TOKEN.finditer(text):
        year, day, month = m.group(1), m.group(2), m.group(3)
        if day:
            items.append([int(day), None, None])
        elif month and items:
            items[-1][1] = MONTHS[month.lower().rstrip(".")]
        elif year and items:
            for item in reversed(items):  # a year closes every day still without one
                if item[2] is not None:
                    break
                item[2] = int(year)
    if not items:
        return None
    month = year = None
    for item in reversed(items):
        month = item[1] = item[1] or month
        year = item[2] = item[2] or year
    out = []
    for d, mth, yr in items:
        if mth is None or yr is None:
            return None
        made = _safe_date(yr, mth, d)
        if made is None:
            return None
        out.append(made)
    return out


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
