"""Dates as English council papers print them, read in one place for every parser.

Month names come in full, in three letters, or as `Sept`, any of them with a full stop
(`14 Sept. 2023`). A single date is printed day first (`12 March 2020`, `12th March 2020`,
`Thursday, 12 March 2020`, `12/03/2020`), now and then month first (`March 12, 2020`).
A range prints the month and year once, after its last day (`13–24 May 2019`, `Between 20 and
24 February 2017`, `9 October to 2 November 2017`): each day takes the first month and year
printed after it.
"""
from __future__ import annotations

import re
from datetime import date

_MONTH_NAMES = (
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"),
)
MONTHS: dict[str, int] = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}

# Any month name, for other modules' patterns to embed. Case-insensitive wherever it is embedded,
# and it ends at a word boundary, so `Mar` never matches inside `Marsh` nor `May` inside `Mayor`.
# No group and no full stop: embed as `({MONTH})\.?` where a stop may follow.
MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"
# A weekday before a date, with its comma: `Thursday,` in `Thursday, 12 March 2020`.
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?"
# The suffix some papers print after a day number: `12th`, `1st`.
ORDINAL = r"(?:st|nd|rd|th)?"

# Groups: day, month name, year.
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}){ORDINAL}\s+({MONTH})\.?,?\s+(\d{{4}})\b", re.I)
# Groups: month name, day, year.
MONTH_DAY_YEAR = re.compile(rf"\b({MONTH})\s+(\d{{1,2}}){ORDINAL},?\s+(\d{{4}})\b", re.I)
# `15/06/2017`, `15.06.2017`: day first, as in England; four-digit years only, since `5.3.20`
# is as likely a paragraph number as a date. Groups: day, month number, year.
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")

# The pieces of a range: a year, a day number, a month name.
_RANGE_TOKEN = re.compile(rf"\b(\d{{4}})\b|\b(\d{{1,2}}){ORDINAL}\b|\b({MONTH})", re.I)


def month_number(name: str) -> int | None:
    """`March`, `mar`, `Sept.` -> 3, 3, 9; None for anything else."""
    return MONTHS.get(name.lower().rstrip("."))


def two_digit_year(printed: str) -> int:
    """`20` -> 2020, `2020` -> 2020: papers that shorten a year (`Jan 20`) are all this century's."""
    return int(printed) + (2000 if len(printed) == 2 else 0)


def make_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """The date, or None when a part is missing or the day does not exist (31 February)."""
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_of(m: re.Match) -> date | None:
    """The date a DAY_MONTH_YEAR or NUMERIC_DATE match (groups day, month, year) prints."""
    day, month, year = m.group(1), m.group(2), m.group(3)
    return make_date(int(year), int(month) if month.isdigit() else month_number(month), int(day))


def parse_date(text: str) -> date | None:
    """The first date written day first in `text` (`Thursday, 12th March 2020`).

    None when there is none, or when the first one printed does not exist: the next
    date in the text may be about something else, so it is not taken instead.
    """
    m = DAY_MONTH_YEAR.search(text)
    return date_of(m) if m else None


def parse_numeric_date(text: str) -> date | None:
    """The first `12/03/2020`-style date in `text`, read day first; None as for parse_date."""
    m = NUMERIC_DATE.search(text)
    return date_of(m) if m else None


def find_dates(text: str) -> list[tuple[date, int]]:
    """Every full date in `text` with its offset, in order; dates that do not exist are skipped."""
    found = []
    for m in DAY_MONTH_YEAR.finditer(text):
        d = date_of(m)
        if d:
            found.append((d, m.start()))
    for m in MONTH_DAY_YEAR.finditer(text):
        d = make_date(int(m.group(3)), month_number(m.group(1)), int(m.group(2)))
        if d and all(abs(off - m.start()) > 3 for _, off in found):
            found.append((d, m.start()))
    return sorted(found, key=lambda x: x[1])


def first_date(text: str) -> date | None:
    found = find_dates(text)
    return found[0][0] if found else None


# ---------------------------------------------------------------------------
# Ranges
# ---------------------------------------------------------------------------

def read_days(text: str) -> list[list[int | None]]:
    """[day, month, year] for each day number in `text`, in order, with the month and year
    printed after it (None where none is).

    A month or a year closes every day before it that still lacks one: in `3 to 5 March 2020`
    both days are March 2020's, and in `30 November to 2 December 2021` the 30th keeps November.
    A later month never renames a day that has one (`on 4 and 5 October 2022, ... in December`).
    """
    days: list[list[int | None]] = []
    for m in _RANGE_TOKEN.finditer(text):
        year, day, month = m.group(1), m.group(2), m.group(3)
        if day:
            days.append([int(day), None, None])
            continue
        k, value = (1, month_number(month)) if month else (2, int(year))
        for item in reversed(days):
            if item[k] is not None:
                break
            item[k] = value
    return days


def range_days(text: str) -> list[date] | None:
    """The date of every day number printed in `text`, in order (`7 - 18 May 2012`: 7 and
    18 May 2012), or None if there is none or any day lacks a month or year or does not exist."""
    out = []
    for day, month, year in read_days(text):
        made = make_date(year, month, day)
        if made is None:
            return None
        out.append(made)
    return out or None
