"""Reporting periods as performance reports print them, as the dates they cover.

`period_dates(text)` -> (first day, last day) or None:
  `Dec 24`, `December 2024`, `Dec-24`               the month
  `Q3 2024/25`, `Quarter 3 2024-25`, `Q3 24/25`      a quarter of the financial year (Q1 = April to June)
  `2024/25`, `2024-25`                               the financial year, 1 April to 31 March
  `Rolling 12 months to Dec 24`, `12 months to …`    the months ending with the month printed
  `Year to date Dec 24`, `YTD to Dec 24`             1 April of that financial year to the month's end
  `2024`                                             the calendar year
  `as at 31 Dec 2024`, `31/12/2024`                  that day
The first period the text prints is read; None when it prints none. Nothing is guessed: a quarter
with no year, or a month with no year, is None.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from parsers.common.dates import MONTH, month_number, parse_date, parse_numeric_date, two_digit_year

_YEAR = r"(?:19|20)?\d{2}"
_FY = re.compile(r"\b((?:19|20)\d{2}|\d{2})\s?[/-]\s?(\d{2}|(?:19|20)\d{2})\b")
_QUARTER = re.compile(r"\b(?:Q|Qtr\.?\s?|Quarter\s+)([1-4])\b[\s,(]*(?:of\s+)?(?:(?:19|20)\d{2}|\d{2})\s?[/-]", re.I)
_MONTH_YEAR = re.compile(rf"\b({MONTH})\.?[\s'’-]{{0,2}}({_YEAR})\b(?![/-]\d)", re.I)
_ROLLING = re.compile(rf"\b(\d{{1,2}})\s+months?\s+(?:to|ending)\s+(?:end\s+(?:of\s+)?)?({MONTH})\.?[\s'’-]{{0,2}}({_YEAR})\b", re.I)
_YEAR_TO_DATE = re.compile(rf"\b(?:year\s+to\s+date|YTD)\b\D{{0,12}}?({MONTH})\.?[\s'’-]{{0,2}}({_YEAR})\b", re.I)
_CALENDAR_YEAR = re.compile(r"^\s*(?:calendar\s+year\s+)?((?:19|20)\d{2})\s*$", re.I)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _financial_year(first: str, second: str) -> int | None:
    """The year a financial year starts in (`2024/25` -> 2024), if the two years follow each other."""
    start = two_digit_year(first) if len(first) == 2 else int(first)
    end = int(second[-2:])
    return start if (start + 1) % 100 == end else None


def period_dates(text: str | None) -> tuple[date, date] | None:
    if not text:
        return None
    if m := _ROLLING.search(text):
        months, month, year = int(m.group(1)), month_number(m.group(2)), two_digit_year(m.group(3))
        if month and 1 <= months <= 60:
            first_month = year * 12 + month - months  # months counted from year 0
            return date(first_month // 12, first_month % 12 + 1, 1), _month_end(year, month)
    if m := _YEAR_TO_DATE.search(text):
        month, year = month_number(m.group(1)), two_digit_year(m.group(2))
        if month:
            start_year = year if month >= 4 else year - 1
            return date(start_year, 4, 1), _month_end(year, month)
    if m := _QUARTER.search(text):
        fy = _FY.search(text, m.start())
        start = _financial_year(fy.group(1), fy.group(2)) if fy else None
        if start is not None:
            quarter = int(m.group(1))
            first_month = 4 + 3 * (quarter - 1)
            year = start + (first_month - 1) // 12
            first_month = (first_month - 1) % 12 + 1
            return date(year, first_month, 1), _month_end(year, first_month + 2)
    if m := _MONTH_YEAR.search(text):
        month = month_number(m.group(1))
        day = parse_date(text)
        if day:
            return day, day
        if month:
            year = two_digit_year(m.group(2))
            return date(year, month, 1), _month_end(year, month)
    if day := parse_numeric_date(text):
        return day, day
    if m := _FY.search(text):
        start = _financial_year(m.group(1), m.group(2))
        if start is not None:
            return date(start, 4, 1), date(start + 1, 3, 31)
    if m := _CALENDAR_YEAR.match(text):
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31)
    return None
