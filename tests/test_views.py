"""The analyst views: right on an empty warehouse, on made-up edge cases, and on the ingested seeds."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analyst_data import ingest_seeds, write_document
from extract.warehouse import Warehouse
from extract.warehouse.views import VIEWS, create_views
from schemas.improvement import AipMetric
from schemas.meetings import Attendance, Declaration, Meeting
from schemas.ofsted import OfstedInspection, OfstedJudgement
from schemas.scorecards import ScorecardFact

EXPECTED_COLUMNS = {
    "latest_ofsted_judgements": {"local_authority", "framework", "inspection_end", "area", "grade", "grade_rank",
                                 "document_id"},
    "scorecard_series": {"local_authority", "indicator", "reporting_basis", "period", "period_start", "value",
                         "target", "unit", "document_ids"},
    "member_attendance": {"name", "title", "role", "present", "local_authority", "committee", "meeting_date",
                          "document_id"},
    "member_declarations": {"name", "interest", "item_number", "local_authority", "committee", "meeting_date"},
    "aip_metric_series": {"priority", "metric", "month", "target", "actual", "unit", "printings", "document_id"},
    "document_typing": {"document_id", "file_name", "doc_type", "typing_confidence", "typing_score", "typing_cues"},
}


def _rows(con, sql: str, params: list | None = None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


@pytest.fixture
def wh(db: Path):
    with Warehouse(db) as wh:
        create_views(wh.con)
        yield wh


def test_every_view_exists_and_is_empty_on_an_empty_warehouse(wh):
    for view, columns in EXPECTED_COLUMNS.items():
        cur = wh.con.execute(f'SELECT * FROM "{view}"')
        assert columns <= {d[0] for d in cur.description}, view
        assert cur.fetchall() == [], view
    assert set(EXPECTED_COLUMNS) <= set(VIEWS)


def _inspection(authority: str, end: date, grades: dict[str, str]) -> list:
    return [OfstedInspection(document_id="-", local_authority=authority, framework="SIF", inspection_end=end,
                             report_kind="inspection")] + [
        OfstedJudgement(document_id="-", area=area, area_label=area, grade=grade, grade_text=grade)
        for area, grade in grades.items()]


def test_latest_judgements_take_the_newest_inspection_once_however_often_printed(wh):
    old = _inspection("Northshire", date(2015, 3, 1), {"overall": "Inadequate", "leadership": "Inadequate"})
    new = _inspection("Northshire", date(2019, 6, 28), {"overall": "Good", "leadership": "Outstanding",
                                                         "help_and_protection": "Good"})
    write_document(wh, "north-2015", "ofsted_inspection", old)
    write_document(wh, "north-2019-a", "ofsted_inspection", new)
    write_document(wh, "north-2019-b", "ofsted_inspection", new)  # the same report reprinted in another pack
    write_document(wh, "south-2014", "ofsted_inspection",
                   _inspection("Southshire", date(2014, 1, 10), {"overall": "Requires improvement"}))

    latest = _rows(wh.con, "SELECT * FROM latest_ofsted_judgements ORDER BY local_authority, area")
    north = [r for r in latest if r["local_authority"] == "Northshire"]
    assert sorted((r["area"], r["grade"], r["grade_rank"]) for r in north) == [
        ("help_and_protection", "Good", 3), ("leadership", "Outstanding", 4), ("overall", "Good", 3)]
    assert len({r["document_id"] for r in north}) == 1
    assert [(r["area"], r["grade_rank"]) for r in latest if r["local_authority"] == "Southshire"] == [("overall", 2)]
    history = _rows(wh.con, "SELECT * FROM ofsted_judgement_history WHERE local_authority = 'Northshire'")
    assert len(history) == 2 + 3  # the reprint is not counted twice


def test_scorecard_series_puts_the_target_beside_its_period_and_orders_periods(wh):
    doc = write_document(wh, "scorecard-q4", "scorecard", [], local_authority="Northshire")
    fact = dict(document_id=doc, indicator="% re-referrals within 12 months", reporting_basis="Rolling Year",
                unit="%", document_ids=[doc])
    wh.replace_table(ScorecardFact, [
        ScorecardFact(**fact, period="2016/17", value=24.9),
        ScorecardFact(**fact, period="2016/17", value=22.0, is_target=True),
        ScorecardFact(**fact, period="2014/15", value=24.0),
        ScorecardFact(**fact, period="Q3 (2015/16)", value=25.1),
        ScorecardFact(**fact, period=None, value=21.0, is_comparator=True, comparator="National"),
    ])
    series = _rows(wh.con, "SELECT * FROM scorecard_series ORDER BY period_start")
    assert [(r["period"], r["value"], r["target"]) for r in series] == [
        ("2014/15", 24.0, None), ("Q3 (2015/16)", 25.1, None), ("2016/17", 24.9, 22.0)]
    assert [r["period_start"] for r in series] == [date(2014, 4, 1), date(2015, 10, 1), date(2016, 4, 1)]
    assert {r["local_authority"] for r in series} == {"Northshire"}


def test_minutes_printed_twice_count_once_for_attendance_and_declarations(wh):
    meeting = Meeting(document_id="-", committee="Children's Scrutiny", meeting_date=date(2018, 5, 3))
    people = [Attendance(document_id="-", name="Ann Lee", title="Cllr", role="chair"),
              Attendance(document_id="-", name="Bo Tan", title="Cllr", present=False)]
    declared = [Declaration(document_id="-", name="Ann Lee", interest="a personal interest as a governor")]
    for name in ("draft", "approved"):
        write_document(wh, f"minutes-{name}", "minutes", [meeting, *people, *declared], local_authority="Northshire")
    write_document(wh, "minutes-next", "minutes",
                   [meeting.model_copy(update={"meeting_date": date(2018, 7, 5)}), people[0]],
                   local_authority="Northshire")

    attendance = _rows(wh.con, "SELECT name, present, count(*) AS n FROM member_attendance GROUP BY ALL ORDER BY 1")
    assert attendance == [{"name": "Ann Lee", "present": True, "n": 2}, {"name": "Bo Tan", "present": False, "n": 1}]
    declarations = _rows(wh.con, "SELECT * FROM member_declarations")
    assert [(d["name"], d["meeting_date"], d["local_authority"]) for d in declarations] == [
        ("Ann Lee", date(2018, 5, 3), "Northshire")]


def test_aip_series_reads_each_month_from_the_latest_dashboard(wh):
    metric = "Children seen within timescale"
    april = [AipMetric(document_id="-", metric=metric, month=date(2020, 4, 1), target=95, actual=84, unit="%")]
    may = [AipMetric(document_id="-", metric=metric, month=date(2020, 4, 1), target=95, actual=85, unit="%"),
           AipMetric(document_id="-", metric=metric, month=date(2020, 5, 1), target=95, actual=89, unit="%")]
    write_document(wh, "aip-april", "aip_dashboard", april, local_authority="Northshire",
                   document_date=date(2020, 4, 30))
    may_id = write_document(wh, "aip-may", "aip_dashboard", may, local_authority="Northshire",
                            document_date=date(2020, 5, 31))
    series = _rows(wh.con, "SELECT * FROM aip_metric_series ORDER BY month")
    assert [(r["month"], r["actual"], r["printings"], r["document_id"]) for r in series] == [
        (date(2020, 4, 1), 85.0, 2, may_id), (date(2020, 5, 1), 89.0, 1, may_id)]
    assert series[1]["actual_minus_target"] == -6.0


@pytest.fixture(scope="module")
def seeds_wh(tmp_path_factory):
    db = ingest_seeds(tmp_path_factory.mktemp("seeds") / "seeds.duckdb")
    with Warehouse(db) as wh:
        create_views(wh.con)
        yield wh


def test_seeds_latest_ofsted_keeps_one_copy_of_a_reprinted_report(seeds_wh):
    printed = seeds_wh.con.execute(
        "SELECT count(*) FROM ofsted_inspections WHERE local_authority = 'Gloucestershire'").fetchone()[0]
    latest = _rows(seeds_wh.con, "SELECT * FROM latest_ofsted_judgements WHERE local_authority = 'Gloucestershire'")
    assert printed >= 2  # the seeds carry the 2017 report more than once
    assert len({r["document_id"] for r in latest}) == 1
    assert len({r["area"] for r in latest}) == len(latest) >= 4
    assert all(r["grade_rank"] in (1, 2, 3, 4) for r in latest)


def test_seeds_series_views_have_rows_with_targets_and_dated_periods(seeds_wh):
    series = _rows(seeds_wh.con, "SELECT * FROM scorecard_series")
    assert series and any(r["target"] is not None for r in series)
    dated = [r for r in series if r["period_start"] is not None]
    assert len(dated) >= len(series) * 0.9
    aip = _rows(seeds_wh.con, "SELECT * FROM aip_metric_series")
    raw = seeds_wh.con.execute("SELECT count(*) FROM aip_metrics").fetchone()[0]
    assert aip and len(aip) <= raw
    attendance = _rows(seeds_wh.con, "SELECT * FROM member_attendance")
    assert attendance and all(r["meeting_date"] is not None for r in attendance)


def test_every_example_query_in_docs_views_md_answers_on_the_seeds(seeds_wh):
    import re

    md = (Path(__file__).resolve().parents[1] / "docs" / "views.md").read_text(encoding="utf-8")
    examples = re.findall(r"```sql\n(.*?)```", md, re.S)
    assert len(examples) >= len(EXPECTED_COLUMNS)
    for sql in examples:
        assert seeds_wh.con.execute(sql).fetchall(), sql
