"""Another council's performance report (PDF): refs, polarity, targets, RAG, DoT and comparators as columns.

The layouts (tests/scorecard_layouts.py) follow published reports our corpus
does not hold; each test would fail on the parser that knew only the
Gloucestershire scorecard (periods and `Target 2016/17` as the only columns).
"""
from __future__ import annotations

import pytest
from reportlab.pdfgen import canvas

from extract.reading import read_source
from extract.splitting import split_source
from extract.splitting.document import make_document
from parsers.scorecard import parse_scorecard, scorecard_kind
from parsers.scorecard.columns import columns_of
from schemas.scorecards import ScorecardValue
from tests.scorecard_layouts import PAGE_H, PAGE_W, Col, draw_table, heading, monthly_report, quarterly_report


def _parse(path):
    src = read_source(path)
    return parse_scorecard(make_document(src, src.lines, "scorecard")), src


def values(result) -> list[ScorecardValue]:
    return [r for r in result.records if isinstance(r, ScorecardValue)]


def row(vals, indicator_start: str) -> list[ScorecardValue]:
    return [v for v in vals if v.indicator.startswith(indicator_start)]


def cells(vals) -> list[tuple]:
    return [(v.period, v.is_target, v.comparator, v.value_text) for v in vals]


@pytest.fixture(scope="module")
def quarterly(tmp_path_factory):
    return _parse(quarterly_report(tmp_path_factory.mktemp("q") / "quarterly.pdf"))


@pytest.fixture(scope="module")
def monthly(tmp_path_factory):
    return _parse(monthly_report(tmp_path_factory.mktemp("m") / "monthly.pdf"))


def test_target_and_comparator_columns_are_not_periods(quarterly):
    referrals = row(values(quarterly[0]), "Rate of referrals per 10,000")
    assert cells(referrals) == [
        ("2021/22", False, None, "512.3"), ("2022/23", False, None, "498.1"), ("Q1 23/24", False, None, "121.4"),
        ("Q2 23/24", False, None, "240.2"), (None, True, None, "500.0"),
        (None, False, "Stat Neighbours", "476.0"), (None, False, "England", "544.5")]
    assert [v.is_comparator for v in referrals] == [False] * 5 + [True] * 2


def test_ref_polarity_rag_and_direction_stay_out_of_indicator_and_figures(quarterly):
    vals = values(quarterly[0])
    assert {v.indicator for v in vals} == {
        "Rate of referrals per 10,000 children aged 0-17",
        "% of referrals that were re-referrals within 12 months of a previous referral",
        "Number of contacts received", "% of single assessments completed within 45 working days",
        "The number of looked after children (rate per 10k population 0-17)",
        "% of care leavers aged 19-21 in education, employment or training"}
    assert not [v for v in vals if v.value_text in {"G", "A", "Green", "Amber", "Improving", "Low", "High"}]


def test_commentary_column_is_the_rows_comment(quarterly):
    vals = values(quarterly[0])
    assert {v.comment for v in row(vals, "Rate of referrals")} == {"Referrals fell after the front door review."}
    assert {v.comment for v in row(vals, "% of referrals that were re-referrals")} == {None}


def test_missing_marks_are_values_without_a_number_and_blank_cells_are_nothing(quarterly):
    vals = values(quarterly[0])
    single = {v.period: v for v in row(vals, "% of single assessments") if not v.is_target and not v.comparator}
    assert single["Q1 23/24"].value is None and single["Q1 23/24"].value_text == "*"
    contacts = {v.period: v for v in row(vals, "Number of contacts") if v.period}
    assert contacts["Q2 23/24"].value is None and contacts["Q2 23/24"].value_text == "n/a"
    leavers = row(vals, "% of care leavers")
    assert "Q1 23/24" not in {v.period for v in leavers}  # the cell is blank: no figure, no record
    assert [v.value for v in leavers if v.period == "Q2 23/24"] == [57.1]


def test_cells_centred_in_their_rows_read_the_same(quarterly, tmp_path):
    centred, _ = _parse(quarterly_report(tmp_path / "centred.pdf", centred=True))
    key = lambda v: (v.indicator, v.period, v.is_target, v.comparator, v.value_text, v.comment)  # noqa: E731
    assert sorted(map(repr, map(key, values(centred)))) == sorted(map(repr, map(key, values(quarterly[0]))))


def test_months_and_benchmarks_with_their_year(monthly):
    vals = values(monthly[0])
    plans = row(vals, "Percentage of child protection plans lasting 2 years")
    assert cells(plans) == [
        ("Apr-23", False, None, "2.1%"), ("May-23", False, None, "3.0%"), ("Jun-23", False, None, "2.8%"),
        ("Jul-23", False, None, "2.5%"), ("Aug-23", False, None, "2.2%"), ("Sep-23", False, None, "2.0%"),
        ("2023/24", True, None, "3.5%"), ("2022/23", False, "England", "3.9%"), ("2022/23", False, "SN", "3.4%")]
    caseload = row(vals, "Average caseload per qualified social worker")
    assert caseload and caseload[0].indicator == "Average caseload per qualified social worker"
    assert "Jun-23" not in {v.period for v in caseload}
    assert [v.value for v in caseload if v.period == "Jul-23"] == [19.4]


def test_reports_are_recognised_as_scorecards(quarterly, monthly):
    for _, src in (quarterly, monthly):
        assert scorecard_kind([l.text for l in src.lines][:30]) == "scorecard"
        assert [d.doc_type for d in split_source(src)] == ["scorecard"]


def test_text_header_line_with_column_labels_is_a_scorecard():
    lines = ["Children's Services Performance Report", "Ref Indicator Good is 2021/22 2022/23 Q1 23/24 Target RAG DoT England",
             "CS01 Rate of referrals per 10,000 Low 512.3 498.1 121.4 500 Green Improving 544.5"]
    assert scorecard_kind(lines) == "scorecard"
    # A commentary page still reads as commentary.
    assert scorecard_kind(["Scorecard Commentary", "1. Performance against target improved this quarter to 91%."]) == \
        "scorecard_commentary"


def test_quarter_labels_stacked_over_their_year(tmp_path):
    """`Q1` printed above `23/24`: the header starts on the line above the one naming periods."""
    path = tmp_path / "stacked.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    y = heading(c, PAGE_H - 40, "Early Help Performance Summary", 14)
    cols = [Col("Measure", 30, 220), Col("Q1\n23/24", 250, 50, "right"), Col("Q2\n23/24", 300, 50, "right"),
            Col("Q3\n23/24", 350, 50, "right"), Col("Numerator", 400, 60, "right")]
    draw_table(c, y, cols, [["Number of early help assessments completed", "410", "388", "452", "1,250"]])
    c.showPage()
    c.save()
    result, _ = _parse(path)
    vals = values(result)
    assert cells(vals)[:3] == [("Q1 23/24", False, None, "410"), ("Q2 23/24", False, None, "388"),
                               ("Q3 23/24", False, None, "452")]
    # A figure under a column that names no period, target or comparator: kept, period empty, and said so.
    assert cells(vals)[3] == (None, False, None, "1,250")
    assert any("'Numerator'" in w and "period is left empty" in w for w in result.warnings)


@pytest.mark.parametrize("label, period, is_target", [
    ("Q1 2023/24", "Q1 2023/24", False), ("2019/20 Q4", "2019/20 Q4", False), ("23/24", "23/24", False),
    ("Qtr 2 23/24", "Qtr 2 23/24", False), ("Target 23/24", "23/24", True), ("2022/2023", "2022/2023", False),
])
def test_period_labels_of_other_councils(label, period, is_target):
    found = columns_of(label)
    assert [(c.period, c.is_target) for c in found] == [(period, is_target)]


def test_relative_periods_labels_after_the_year_and_band_rows(tmp_path):
    """`Previous Quarter | Latest | 2023-24 Target | England 2022/23`, and a band row naming the rows below it."""
    path = tmp_path / "relative.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    y = heading(c, PAGE_H - 40, "Performance Dashboard - Quarter 3", 14)
    cols = [Col("Indicator", 30, 230), Col("Previous\nQuarter", 260, 50, "right"), Col("Latest", 310, 50, "right"),
            Col("2023-24\nTarget", 360, 50, "right"), Col("England\n2022/23", 410, 50, "right"),
            Col("RAG", 460, 30, "centre")]
    draw_table(c, y, cols, [
        ["Children Looked After", "", "", "", "", ""],
        ["Number of children looked after", "612", "598", "580", "-", "A"],
        ["Care Leavers", "", "", "", "", ""],
        ["% of care leavers in suitable accommodation", "88.0%", "91.2%", "90%", "88%", "G"],
    ])
    c.showPage()
    c.save()
    vals = values(_parse(path)[0])
    cla = row(vals, "Number of children looked after")
    assert [(v.section, v.period, v.is_target, v.comparator, v.value_text) for v in cla] == [
        ("Children Looked After", "Previous Quarter", False, None, "612"),
        ("Children Looked After", "Latest", False, None, "598"),
        ("Children Looked After", "2023-24", True, None, "580"),
        ("Children Looked After", "2022/23", False, "England", "-")]
    leavers = row(vals, "% of care leavers")
    assert {v.section for v in leavers} == {"Care Leavers"} and len(leavers) == 4
    assert not row(vals, "Children Looked After") and not row(vals, "Care Leavers")


def test_years_printed_above_their_quarters(tmp_path):
    """A year spanning its quarters on the line above: `Q1` under `2022/23` is Q1 of 2022/23."""
    path = tmp_path / "years.pdf"
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    y = heading(c, PAGE_H - 40, "Children's Social Care Performance - Quarter 2 2023/24", 14)
    c.setFont("Helvetica-Bold", 7.5)
    c.drawCentredString(300 + 40, y, "2022/23")  # over Q1-Q2 of 2022/23 (x 300-380)
    c.drawCentredString(380 + 40, y, "2023/24")  # over Q1-Q2 of 2023/24 (x 380-460)
    cols = [Col("Measure", 30, 270), Col("Q1", 300, 40, "right"), Col("Q2", 340, 40, "right"),
            Col("Q1", 380, 40, "right"), Col("Q2", 420, 40, "right"), Col("Target", 460, 40, "right")]
    draw_table(c, y - 10, cols, [["Number of children subject to a child protection plan", "401", "412", "398", "",
                                  "380"]])
    c.showPage()
    c.save()
    vals = values(_parse(path)[0])
    assert cells(vals) == [("Q1 2022/23", False, None, "401"), ("Q2 2022/23", False, None, "412"),
                           ("Q1 2023/24", False, None, "398"), (None, True, None, "380")]


def test_a_performance_reports_cover_is_a_scorecard_a_covering_report_is_not():
    cover = ["Children's Services Performance Report", "Quarter 2 2023/24", "Produced by Performance and Intelligence",
             "Contents", "Front Door 2", "Children in Care 4"]
    assert scorecard_kind(cover) == "scorecard"
    covering = ["Quarter 2 Performance Report 2023/24", "1. Purpose of the report",
                "1.1 This report presents the quarter 2 performance of children's services.",
                "2. Recommendations", "2.1 That the committee notes the report."]
    assert scorecard_kind(covering) is None
