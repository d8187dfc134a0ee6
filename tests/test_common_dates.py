"""The one date reader every parser shares (parsers/common/dates.py)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from parsers.common.dates import (
    MONTH,
    find_dates,
    month_number,
    parse_date,
    parse_numeric_date,
    range_days,
    read_days,
    two_digit_year,
)
from parsers.aip_dashboard.months import month_headings
from parsers.minutes.header import DATE as MINUTES_DATE
from parsers.monitoring_letter.fields import read_letter_date, read_visit_dates
from parsers.ofsted_inspection.dates import parse_periods


@pytest.mark.parametrize("printed, number", [
    ("January", 1), ("jan", 1), ("FEB", 2), ("Mar.", 3), ("May", 5), ("June", 6), ("Jul", 7),
    ("Sep", 9), ("Sept", 9), ("Sept.", 9), ("september", 9), ("Dec", 12),
])
def test_month_names_full_short_and_sept(printed, number):
    assert month_number(printed) == number


@pytest.mark.parametrize("word", ["Mayor", "Marsh", "Junior", "Augmented", "Decem", "Sepember", "Ma"])
def test_words_that_start_like_a_month_are_not_months(word):
    assert month_number(word) is None
    assert re.search(rf"\b{MONTH}", word) is None


def test_month_pattern_is_case_insensitive_wherever_it_is_embedded():
    # Compiled without re.I: the pattern carries its own flag.
    assert re.fullmatch(rf"{MONTH}\.?", "SEPT.") is not None
    assert re.fullmatch(MONTH, "march") is not None


@pytest.mark.parametrize("text, expected", [
    ("12 March 2020", date(2020, 3, 12)),
    ("12th March 2020", date(2020, 3, 12)),
    ("Thursday, 12 March 2020", date(2020, 3, 12)),
    ("Date: 1st Feb. 2021", date(2021, 2, 1)),
    ("5 Mar 2020", date(2020, 3, 5)),
    ("held on 14 Sept. 2023 at 10am", date(2023, 9, 14)),
    ("29 February 2020", date(2020, 2, 29)),  # a leap year
])
def test_parse_date_reads_day_first_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "31 February 2020",
    "29 February 2019",  # not a leap year
    "31 April 2020",
    "12 March 20",  # a two-digit year is not read in running text
    "March 2020",
    "Q1 April 2019",  # `1` glued to `Q` is no day
    "12/03/2020 December 2020",  # nor is the `20` ending a year
])
def test_parse_date_leaves_what_is_not_a_date_empty(text):
    assert parse_date(text) is None


def test_parse_date_does_not_skip_an_impossible_first_date_for_a_later_one():
    assert parse_date("31 February 2020, revised 3 March 2020") is None


@pytest.mark.parametrize("text, expected", [
    ("12/03/2020", date(2020, 3, 12)),  # day first, as in England
    ("on 15.06.2017", date(2017, 6, 15)),
    ("31/02/2020", None),
    ("13/13/2020", None),
    ("5.3.20", None),  # as likely a paragraph number as a date
])
def test_parse_numeric_date(text, expected):
    assert parse_numeric_date(text) == expected


def test_two_digit_years_are_this_century():
    assert two_digit_year("20") == 2020
    assert two_digit_year("09") == 2009
    assert two_digit_year("2019") == 2019
    assert month_headings("Dec 19 Jan 20 Feb") == [(12, 2019), (1, 2020), (2, None)]


def test_find_dates_reads_both_orders_skips_impossible_days_and_keeps_offsets():
    text = "Meeting 31 February 2020; moved to March 12, 2020 then 2nd April 2020."
    assert find_dates(text) == [(date(2020, 3, 12), text.index("March")), (date(2020, 4, 2), text.index("2nd"))]


def test_find_dates_does_not_count_one_date_twice():
    assert [d for d, _ in find_dates("Tuesday 12 May 2020")] == [date(2020, 5, 12)]


@pytest.mark.parametrize("text, start, end", [
    ("9 October to 2 November 2017", date(2017, 10, 9), date(2017, 11, 2)),
    ("13–24 May 2019", date(2019, 5, 13), date(2019, 5, 24)),
    ("7 - 18 May 2012", date(2012, 5, 7), date(2012, 5, 18)),
    ("Between 20 and 24 February 2017", date(2017, 2, 20), date(2017, 2, 24)),
    ("13th–24th May 2019", date(2019, 5, 13), date(2019, 5, 24)),
    ("31 December 2019 to 2 January 2020", date(2019, 12, 31), date(2020, 1, 2)),
    ("Tuesday 30 November to Thursday 2 December 2021", date(2021, 11, 30), date(2021, 12, 2)),
    ("3 June 2014 - 25 June 2014", date(2014, 6, 3), date(2014, 6, 25)),
    ("26 Sept – 7 Oct 2022", date(2022, 9, 26), date(2022, 10, 7)),
    ("12 March 2020", date(2020, 3, 12), date(2020, 3, 12)),
])
def test_range_days(text, start, end):
    days = range_days(text)
    assert days is not None and (days[0], days[-1]) == (start, end)


@pytest.mark.parametrize("text", [
    "20 to 24 February",  # no year: the caller must supply one
    "30 to 31 February 2020",  # a day that does not exist
    "from April to June 2020",  # no day at all
])
def test_range_days_leaves_undatable_ranges_empty(text):
    assert range_days(text) is None


def test_a_month_closes_every_day_before_it_that_lacks_one_but_no_other():
    assert read_days("18 and 19 February 2020") == [[18, 2, 2020], [19, 2, 2020]]
    assert read_days("30 November to 2 December 2021") == [[30, 11, 2021], [2, 12, 2021]]
    # A later month names something else; it does not rename the visit's month.
    assert read_days("4 and 5 October 2022, judged inadequate in December 2021") == [[4, 10, 2022], [5, 10, 2022]]
    assert read_days("3 to 5 March") == [[3, 3, None], [5, 3, None]]
    assert read_days("on 30 November and 2") == [[30, 11, None], [2, None, None]]


@pytest.mark.parametrize("spelling", ["September", "Sept", "Sep"])
def test_every_parser_reads_the_same_month_names(spelling):
    """One table: a spelling one parser reads, all read."""
    assert read_letter_date(f"14 {spelling} 2023") == date(2023, 9, 14)
    m = MINUTES_DATE.search(f"held on Thursday 14 {spelling} 2023 at 2pm")
    assert m is not None and parse_date(m.group(0)) == date(2023, 9, 14)
    assert parse_periods(f"11 – 14 {spelling} 2023") == [(date(2023, 9, 11), date(2023, 9, 14))]
    assert month_headings(f"Aug {spelling} Oct") == [(8, None), (9, None), (10, None)]
    start, end, _ = read_visit_dates(f"the monitoring visit on 13 and 14 {spelling} 2023", None)
    assert (start, end) == (date(2023, 9, 13), date(2023, 9, 14))
