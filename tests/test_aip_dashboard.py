"""AIP dashboard parser: seed 002's May 2020 dashboard, its golden file, and small made-up dashboards."""
from __future__ import annotations

from datetime import date

import pytest

from parsers.aip_dashboard import parse_aip_dashboard
from parsers.common.plan_kind import improvement_kind
from parsers.common.plan_labels import match_label
from parsers.aip_dashboard.metric_table import read_metric_table
from parsers.aip_dashboard.months import month_dates, month_headings
from parsers.aip_dashboard.owners import find_owner
from parsers.aip_dashboard.status_boxes import read_status_boxes
from schemas.document import Line
from schemas.improvement import AipAction, AipMetric, AipMetricUnplaced, AipPriority
from tests.improvement_helpers import document_from_text, score_golden, seed_document


@pytest.fixture(scope="module")
def seed_result():
    doc = seed_document("aip_dashboard")
    return doc, parse_aip_dashboard(doc)


def _of(result, cls):
    return [r for r in result.records if isinstance(r, cls)]


# --- seed 002 ---------------------------------------------------------------

def test_every_priority_page_is_read_with_its_period_and_statuses(seed_result):
    doc, result = seed_result
    priorities = _of(result, AipPriority)
    assert len(priorities) == 7
    assert all(p.document_id == doc.document_id and p.line and p.page for p in priorities)
    assert {(p.reporting_period_start, p.reporting_period_end) for p in priorities} == {(date(2020, 5, 1), date(2020, 5, 31))}
    protect = next(p for p in priorities if p.priority.startswith("To protect children through timely decisions"))
    assert (protect.actions_status, protect.impact_status) == ("On target", "At risk")
    essentials = next(p for p in priorities if p.priority.startswith("Participation in Essential"))
    assert (essentials.actions_status, essentials.impact_status) == ("Compromised", "At risk")
    assert all(p.rationale and p.objectives and p.progress for p in priorities)


def test_summary_page_is_not_read_as_priorities(seed_result):
    _, result = seed_result
    # The summary page (before the detail pages) starts with a spaced-out "D A S H B O A R D".
    assert not any("D A S H" in p.priority or "Progress made" in p.priority for p in _of(result, AipPriority))


def test_metrics_months_targets_and_blanks(seed_result):
    _, result = seed_result
    metrics = _of(result, AipMetric)
    by = {(m.metric, m.month): m for m in metrics}
    sec17 = by[("Percentage of children seen within timescale following contact – Sec 17", date(2020, 5, 1))]
    assert (sec17.target, sec17.actual, sec17.unit) == (80.0, 93.0, "%")
    jan = by[("Percentage of children seen within timescale following contact – Sec 17", date(2020, 1, 1))]
    assert jan.actual == 89.0  # `Jan 20` starts 2020
    # A target printed as a range stays text, its number empty.
    inadequate = by[("% of cases judged as inadequate", date(2019, 4, 1))]
    assert (inadequate.target, inadequate.target_text, inadequate.actual) == (None, "12/10%", 36.0)
    # A month without a target keeps a null target; N/A is an empty actual with its text kept.
    red = [m for m in metrics if m.metric.startswith("% of contact to final decision")]
    assert len(red) == 14 and all(m.target is None for m in red)
    assert [m.actual_text for m in red if m.actual is None] == []
    good = by[("% of cases judged as good", date(2020, 5, 1))]
    assert (good.target, good.actual, good.actual_text) == (35.0, None, "N/A")


def test_wrapped_metric_labels_and_values_are_joined(seed_result):
    _, result = seed_result
    names = {m.metric for m in _of(result, AipMetric)}
    assert "Care leavers with an up-to-date Pathway Plan" in names
    s20 = [m for m in _of(result, AipMetric) if m.metric == "Children in Care Accommodated under a Section 20 Agreement"]
    assert [m.actual for m in s20][:3] == [33.3, 31.0, 30.3]  # `33.3` / `%` split over lines


def test_rows_whose_cells_cannot_be_placed_are_warned_not_guessed(seed_result):
    _, result = seed_result
    names = {m.metric for m in _of(result, AipMetric)}
    assert "Number of Teams visited by Directors" not in names
    assert any("Number of Teams visited by Directors" in w and "cannot be placed" in w for w in result.warnings)
    # What was printed is still kept, in order, without months.
    unplaced = {u.metric: u for u in _of(result, AipMetricUnplaced)}
    teams = unplaced["Number of Teams visited by Directors"]
    assert teams.printed_values == "11 7 8 7 9 7 5 22 6 6 N/A N/A"
    assert teams.line == 3428 and "cells for 28 columns" in teams.reason
    assert set(unplaced).isdisjoint(names)


def test_progress_notes_in_the_timescale_column_stay_one_row(seed_result):
    _, result = seed_result
    actions = {a.action: a for a in _of(result, AipAction)}
    missing = actions["Actions to ensure attendance of practitioners missing 1 or 2 Modules."]
    assert missing.impact == "Increased overall completion of essential modules"
    assert missing.timescale.startswith("Delivery of the planned sessions completed at end of July.")
    assert missing.timescale.endswith("Business as usual from October 19")
    # The next action is its own row, not a third sentence of that timescale.
    assert actions["Revise Essentials Delivery Programme"].owner == "Quality Assurance Team"


def test_key_actions(seed_result):
    _, result = seed_result
    actions = {a.action: a for a in _of(result, AipAction)}
    first = actions["Identify teams and individuals to target"]
    assert first.owner == "Leadership Team"
    assert first.timescale == "Monthly based on Performance reports"
    assert first.impact.startswith("This will lead to focused interventions")
    assert actions["16+ Panel"].owner == "DCS / Integrated Commissioner"
    assert all(a.priority for a in actions.values())


def test_golden_file():
    score = score_golden("seed002_aip_dashboard_2020-05.json")
    pri, met, act = score.tables["aip_priorities"], score.tables["aip_metrics"], score.tables["aip_actions"]
    assert pri.paired_rows == pri.golden_rows == 7 and pri.extra_rows == 0
    assert all(f.matched == f.total for f in pri.fields.values()), pri.problems
    assert met.paired_rows == met.golden_rows
    assert met.fields["actual"].matched == met.fields["actual"].total, met.problems[:5]
    assert met.fields["target"].matched == met.fields["target"].total, met.problems[:5]
    assert act.paired_rows == act.golden_rows >= 15
    assert all(f.matched == f.total for f in act.fields.values()), act.problems[:5]
    unplaced = score.tables["aip_metric_unplaced"]
    assert unplaced.paired_rows == unplaced.golden_rows == 6 and unplaced.extra_rows == 0


# --- made-up dashboards: other wording, other years, other boxes ------------------

OTHER_DASHBOARD = """\
Improvement Plan Dashboard
Reporting period: 1st October 2021 to 31st October 2021

Reduce drift in care proceedings
Rationale: Too many children wait too long for permanence.

Actions status Impact status
☐ On target ☐ On target
☒ At risk ☐ At risk
☐ Compromised ☐ Compromised
☐ Completed ☒ Completed

Reporting period: 1st October 2021 to 31st October 2021
Objectives
Cut average proceedings to 26 weeks

Comments on overall status
Slower than planned.

Progress made this period:
Tracker launched.

Actions next period:
Weekly legal gateway.

Metrics
Aug Sept Oct Nov Dec Jan 22 Feb
Target Actual Target Actual Target Actual Target Actual Target Actual Target Actual Target Actual
Average weeks in
proceedings 26 41 26 39 26  26 38 26 37 26 35 26 33
"""


def test_a_dashboard_from_another_year_with_glyph_boxes():
    doc = document_from_text(OTHER_DASHBOARD, "aip_dashboard")
    result = parse_aip_dashboard(doc)
    [priority] = _of(result, AipPriority)
    assert priority.priority == "Reduce drift in care proceedings"
    assert (priority.actions_status, priority.impact_status) == ("At risk", "Completed")
    assert (priority.reporting_period_start, priority.reporting_period_end) == (date(2021, 10, 1), date(2021, 10, 31))
    assert priority.status_comments == "Slower than planned."
    metrics = {m.month: m for m in _of(result, AipMetric)}
    assert sorted(metrics)[0] == date(2021, 8, 1) and sorted(metrics)[-1] == date(2022, 2, 1)
    assert (metrics[date(2021, 10, 1)].target, metrics[date(2021, 10, 1)].actual) == (26.0, None)  # blank cell
    assert metrics[date(2022, 2, 1)].actual == 33.0
    assert metrics[date(2021, 8, 1)].metric == "Average weeks in proceedings"


def test_unticked_boxes_leave_status_empty_with_a_warning():
    text = OTHER_DASHBOARD.replace("☒", "☐")
    result = parse_aip_dashboard(document_from_text(text, "aip_dashboard"))
    [priority] = _of(result, AipPriority)
    assert priority.actions_status is None and priority.impact_status is None
    assert any("no box ticked" in w for w in result.warnings)


def test_no_priority_pages_gives_a_warning_and_no_records():
    result = parse_aip_dashboard(document_from_text("Accelerated Improvement Plan\nNothing here.\n", "aip_dashboard"))
    assert result.records == [] and result.warnings


# --- the pieces ----------------------------------------------------------------

def test_status_boxes_columns_by_occurrence():
    statuses, warnings = read_status_boxes(" On target   On target\n At risk X  At risk\nCompromised\n  Compromised X\n")
    assert statuses == ["At risk", "Compromised"] and warnings == []
    statuses, warnings = read_status_boxes("On target X On target X At risk X At risk")
    assert statuses[0] is None and statuses[1] == "On target" and "2 boxes" in warnings[0]


def test_months_are_dated_from_an_anchor():
    assert month_dates(month_headings("Nov December Jan 21 Feb")) == [date(2020, 11, 1), date(2020, 12, 1), date(2021, 1, 1), date(2021, 2, 1)]
    assert month_dates(month_headings("Oct Nov Dec"), last_month=date(2019, 12, 1))[0] == date(2019, 10, 1)
    assert month_dates(month_headings("Oct Nov Dec"), last_month=date(2019, 11, 1)) is None  # names disagree
    assert month_dates(month_headings("Oct Dec")) is None  # not consecutive


def test_metric_table_spacing_and_overflow():
    lines = [Line(t, 1, n) for n, t in enumerate([
        "April May June",
        "Target Actual Target Actual Target Actual",
        "Rate of",
        "re-referrals  20%  22% 25% 19%",
        "Count of things 1 2 3 4 5 6 7 8 9",
    ], start=1)]
    table = read_metric_table(lines, date(2020, 6, 1))
    rate, count = table.rows
    assert rate.label == "Rate of re-referrals" and rate.cells == ["", "20%", "", "22%", "25%", "19%"]
    assert count.cells_unplaceable and any("Count of things" in w for w in table.warnings)


def test_labels_wrapped_over_lines():
    import re
    labels = {"comments": re.compile(r"comments\s+about\s+overall\s+status\b", re.I)}
    lines = [Line(t, 1, n) for n, t in enumerate(["Comments", "about overall", "status", "Fine."], start=1)]
    hit = match_label(lines, 0, labels)
    assert hit and hit.next == 3 and hit.rest == ""
    assert match_label([Line("comments about overall status", 1, 1)], 0, labels) is None  # not a printed label


def test_owner_phrases():
    text = "Review Health Passport HOS Stroud & Gloucester Every CIC has a passport"
    span = find_owner(text, allow_at_start=False)
    assert text[span.start:span.end] == "HOS Stroud & Gloucester"
    text = "Revise Essentials Delivery Programme Quality Assurance Team"
    span = find_owner(text, allow_at_start=False)
    assert text[span.start:span.end] == "Quality Assurance Team"
    assert find_owner("Identify teams and individuals to target", allow_at_start=False) is None


def test_improvement_kind_needs_title_and_structure():
    assert improvement_kind(["Accelerated Improvement Plan Refresh May 2020", "Aim of the plan To deliver"]) == "aip_dashboard"
    assert improvement_kind(["Improvement Plan Dashboard", "Reporting period: 1st May 2021 to 31st May 2021"]) == "aip_dashboard"
    # An agenda item naming the dashboard is not the dashboard.
    assert improvement_kind(["Accelerated Improvement Plan Dashboard", "7. Performance report", "8. Any other business"]) is None
    assert improvement_kind(["The AIP has been refreshed and the Accelerated Improvement Plan will be reported", "Reporting period"]) is None
    assert improvement_kind([]) is None


# --- a PDF: cells placed by word positions ----------------------------------------

def _dashboard_pdf(path):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)

    def put(x, y, text, size=9):
        page.insert_text((x, y), text, fontsize=size)

    put(40, 40, "Reduce drift in care proceedings", 12)
    put(40, 60, "Rationale")
    put(120, 60, "Too many children wait too long for permanence.")
    put(40, 80, "Actions status")
    put(200, 80, "Impact status")
    for k, (a, b) in enumerate([("On target", "On target X"), ("At risk X", "At risk"), ("Compromised", "Compromised"), ("Completed", "Completed")]):
        put(40, 92 + 11 * k, a)
        put(200, 92 + 11 * k, b)
    put(400, 92, "Reporting period: 1st October 2021 to 31st October 2021")
    put(40, 150, "Objectives")
    put(120, 150, "Cut average proceedings to 26 weeks")
    put(40, 230, "Metrics")
    for m, name in enumerate(["Aug", "Sept", "Oct", "Nov", "Dec", "Jan 22", "Feb"]):
        put(190 + 70 * m, 250, name)
        put(180 + 70 * m, 262, "Target")
        put(212 + 70 * m, 262, "Actual")
    put(40, 285, "Average weeks in")
    put(40, 296, "proceedings")  # the label wraps; its values sit between its lines
    for m, (t, a) in enumerate([("26", "41"), ("26", "39"), ("26", None), ("26", "38"), ("26", "37"), (None, "35"), ("26", "33")]):
        if t:
            put(185 + 70 * m, 291, t)
        if a:
            put(217 + 70 * m, 291, a)
    put(40, 320, "Cases over 26 weeks")
    put(40, 331, "(percentage)")
    put(183, 320, "12/")
    put(183, 331, "10%")
    put(215, 326, "36%")
    put(635, 326, "N/A")
    doc.save(path)
    return path


def test_a_pdf_dashboard_places_cells_by_position(tmp_path):
    from extract.reading import read_source
    from extract.splitting.document import make_document

    source = read_source(_dashboard_pdf(tmp_path / "aip.pdf"))
    result = parse_aip_dashboard(make_document(source, source.lines, "aip_dashboard"))
    [priority] = _of(result, AipPriority)
    assert (priority.actions_status, priority.impact_status) == ("At risk", "On target")
    by = {(m.metric, m.month): m for m in _of(result, AipMetric)}
    weeks = "Average weeks in proceedings"
    assert (by[(weeks, date(2021, 8, 1))].target, by[(weeks, date(2021, 8, 1))].actual) == (26.0, 41.0)
    assert (by[(weeks, date(2021, 10, 1))].target, by[(weeks, date(2021, 10, 1))].actual) == (26.0, None)
    assert (by[(weeks, date(2022, 1, 1))].target, by[(weeks, date(2022, 1, 1))].actual) == (None, 35.0)
    cases = "Cases over 26 weeks (percentage)"
    assert (by[(cases, date(2021, 8, 1))].target_text, by[(cases, date(2021, 8, 1))].actual) == ("12/10%", 36.0)
    assert by[(cases, date(2022, 2, 1))].actual_text == "N/A"
    assert by[(cases, date(2021, 9, 1))].actual_text is None
