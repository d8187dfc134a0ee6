"""A row's reference, polarity, RAG and direction of travel; texts cut by their header's character columns.

Layouts: tests/scorecard_layouts.py (other councils' performance reports). Without the role of
each header cell, ref / polarity / RAG / DoT were dropped; without the character columns, a text
row such as "CS01 Rate of referrals … Low 512.3 498.1 … Green Improving 476.0 544.5" was read as
a risk register row ("Low 22" out of "Low 22.4%") and its header was not recognised.
"""
from __future__ import annotations

import pytest

from parsers.scorecard import parse_scorecard
from parsers.scorecard.header_cells import DIRECTION, POLARITY, RAG, REF, SKIP, classify
from schemas.scorecards import ScorecardRisk
from tests.improvement_helpers import document_from_text
from tests.scorecard_layouts import QUARTERLY_TEXT, monthly_report, quarterly_report
from tests.test_scorecard_other_layouts import _parse, cells, row, values


def marks(vals) -> set[tuple]:
    return {(v.ref, v.polarity, v.rag, v.direction) for v in vals}


@pytest.fixture(scope="module")
def quarterly_pdf(tmp_path_factory):
    return _parse(quarterly_report(tmp_path_factory.mktemp("q") / "quarterly.pdf"))[0]


@pytest.fixture(scope="module")
def quarterly_text():
    return parse_scorecard(document_from_text(QUARTERLY_TEXT, "scorecard"))


@pytest.mark.parametrize("label, role", [
    ("Ref", REF), ("PI Ref", REF), ("Good is", POLARITY), ("GOOD PERF IS", POLARITY), ("Polarity", POLARITY),
    ("Lower is better", POLARITY), ("RAG", RAG), ("RAG (in month)", RAG), ("Status", RAG), ("DoT", DIRECTION),
    ("DOT (Month on Month)", DIRECTION), ("Direction of Travel", DIRECTION), ("Lead Officer", None),
])
def test_header_cells_name_their_role(label, role):
    cell = classify(label, 0, 10)
    assert (cell.kind, cell.role) == (SKIP, role)


def test_pdf_rows_keep_ref_polarity_rag_and_direction(quarterly_pdf):
    vals = values(quarterly_pdf)
    assert marks(row(vals, "Rate of referrals")) == {("CS01", "Low", "Green", "Improving")}
    assert marks(row(vals, "% of single assessments")) == {("CS04", "High", "G", "Improving")}
    assert marks(row(vals, "% of care leavers")) == {("CH09", "High", "A", "Same")}
    # Dashes are nothing printed.
    assert marks(row(vals, "Number of contacts")) == {("CS03", None, None, None)}


def test_polarity_in_words_and_rag_letters_without_a_direction_column(tmp_path):
    vals = values(_parse(monthly_report(tmp_path / "monthly.pdf"))[0])
    assert marks(row(vals, "Percentage of child protection plans")) == {(None, "Lower is better", "G", None)}
    assert marks(row(vals, "Average caseload")) == {(None, "Lower is better", "R", None)}
    assert marks(row(vals, "Number of children subject")) == {(None, "Lower is better", None, None)}


def test_performance_rows_are_not_risk_ratings(quarterly_pdf, quarterly_text):
    """"Low 22.4%" is a polarity beside a figure, not a risk rated Low 22."""
    for result in (quarterly_pdf, quarterly_text):
        assert not [r for r in result.records if isinstance(r, ScorecardRisk)]


def test_text_rows_are_cut_by_the_headers_character_columns(quarterly_text):
    vals = values(quarterly_text)
    referrals = row(vals, "Rate of referrals")
    assert {v.indicator for v in referrals} == {"Rate of referrals per 10,000 children aged 0-17"}
    assert cells(referrals) == [
        ("2021/22", False, None, "512.3"), ("2022/23", False, None, "498.1"), ("Q1 23/24", False, None, "121.4"),
        ("Q2 23/24", False, None, "240.2"), (None, True, None, "500.0"),
        (None, False, "Stat Neighbours", "476.0"), (None, False, "England", "544.5")]
    assert {v.comment for v in referrals} == {"Referrals fell after the front door review."}
    assert {v.line for v in referrals} == {7}
    # A blank cell is no figure: CH09 has no Q1, and its RAG (a colour only) is not read.
    leavers = row(vals, "% of care leavers")
    assert "Q1 23/24" not in {v.period for v in leavers} and [v.value for v in leavers if v.period == "Q2 23/24"] == [57.1]
    assert marks(leavers) == {("CH09", "High", None, "Same")}
    assert marks(row(vals, "% of referrals that were")) == {("CS02", "Low", "Amber", "Worsening")}


def test_text_reads_as_the_pdf_does(quarterly_pdf, quarterly_text):
    key = lambda v: (v.indicator, v.period, v.is_target, v.comparator, v.value_text, v.ref, v.polarity)  # noqa: E731
    front_door = {"CS01", "CS02", "CS03", "CS04"}
    pdf = sorted(map(repr, map(key, [v for v in values(quarterly_pdf) if v.ref in front_door])))
    text = sorted(map(repr, map(key, [v for v in values(quarterly_text) if v.ref in front_door])))
    assert text == pdf and len(text) == 28


def test_direction_arrows_are_words():
    text = """Ref    Measure                                 2022/23   2023/24   Target   DoT
PI1    Number of children in care                  610       598      580    ↓
PI2    Percentage of visits in time                81%       88%      90%    ↑
"""
    vals = values(parse_scorecard(document_from_text(text, "scorecard")))
    assert {(v.ref, v.direction) for v in vals} == {("PI1", "Down"), ("PI2", "Up")}
    assert {v.indicator for v in vals} == {"Number of children in care", "Percentage of visits in time"}


def test_a_text_row_whose_columns_cannot_be_cut_is_left_unread_not_given_a_junk_indicator():
    # Periods-only header printed after the rows (read in order), rows carrying RAG and DoT words.
    text = """Front Door
CS01 Rate of referrals Low 512.3 498.1 500 Green Improving 476.0 544.5

2021/22 2022/23 Target 2022/23 2023/24 Target
"""
    result = parse_scorecard(document_from_text(text, "scorecard"))
    vals = values(result)
    assert not [v for v in vals if any(ch.isdigit() for ch in v.indicator.replace("CS01", ""))]
    assert any("left unread" in w for w in result.warnings)


def test_a_header_printed_without_spacing_between_its_cells_is_reported():
    text = """Children's Services Performance Report
Ref Indicator Good is 2021/22 2022/23 Q1 23/24 Target RAG DoT England
CS01 Rate of referrals per 10,000 Low 512.3 498.1 121.4 500 Green Improving 544.5
CS02 % of re-referrals within 12 months Low 22.4% 24.1% 19.8% 20.0% Amber Worsening 21.5%
"""
    result = parse_scorecard(document_from_text(text, "scorecard"))
    assert not values(result) and not [r for r in result.records if isinstance(r, ScorecardRisk)]
    assert any(w.startswith("line 2: a table header whose cells are not spaced apart") for w in result.warnings)
