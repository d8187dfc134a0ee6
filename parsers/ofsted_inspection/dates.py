"""Inspection periods as Ofsted prints them (single dates: parsers.common.dates).

Periods come in many shapes: `27 February to 23 March 2017`, `15 to 26
November 2021`, `3 June 2014 - 25 June 2014`, `24 February – 18 March 2015`,
`19 November-11 December 2013 and 28 – 30 January 2014` (split fieldwork). One
rule reads them all, the shared range reading of parsers.common.dates: each day
number takes the first month and year printed after it (`15 to 26 November
2021`: 15 is November 2021's too). What is Ofsted's own is the split into periods.
"""
from __future__ import annotations

import re
from datetime import date

from parsers.common.dates import range_days, read_days


def parse_periods(text: str) -> list[tuple[date, date]] | None:
    """The periods of an inspection-dates phrase, in order, or None if a day lacks month or year.

    `and` (or `;`) separates periods of split fieldwork; within a period the
    first and last days are its start and end.
    """
    days = range_days(text)
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
    return range_days(text) is not None


def _day_numbers(text: str) -> list[int]:
    return [day for day, _, _ in read_days(text)]

