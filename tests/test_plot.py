"""`extract plot`: PNG charts that draw exactly the warehouse's points."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyst_data import ingest_seeds, write_document
from cli import app
from extract.plot import NothingToPlot, plot_aip_metric, plot_indicator, plot_ofsted_history
from extract.warehouse import Warehouse
from schemas.improvement import AipMetric
from schemas.ofsted import OfstedInspection, OfstedJudgement
from schemas.scorecards import ScorecardFact

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert len(data) > 10_000  # axes, a line and labels: not an empty canvas


@pytest.fixture
def made_db(db: Path) -> Path:
    with Warehouse(db) as wh:
        doc = write_document(wh, "scorecard", "scorecard", [], local_authority="Northshire")
        fact = dict(document_id=doc, indicator="Rate of referrals per 10,000", reporting_basis="Rolling Year",
                    unit="rate", document_ids=[doc])
        wh.replace_table(ScorecardFact, [
            ScorecardFact(**fact, period="2015/16", value=438.1),
            ScorecardFact(**fact, period="2013/14", value=426.0),
            ScorecardFact(**fact, period="2014/15", value=492.5),
            ScorecardFact(**fact, period="2015/16", value=450.0, is_target=True),
            ScorecardFact(**fact, period=None, value=532.2, is_comparator=True, comparator="National"),
            ScorecardFact(**fact, period=None, value=429.6, is_comparator=True, comparator="Peer group"),
            ScorecardFact(**{**fact, "indicator": "Rate of referrals per 10,000 (repeat)"}, period="2015/16", value=1.0),
        ])
        write_document(wh, "aip", "aip_dashboard", [
            AipMetric(document_id="-", metric="Visits in timescale", month=date(2020, m, 1), target=95.0,
                      actual=None if m == 3 else 90.0 + m, unit="%") for m in range(1, 6)
        ], local_authority="Northshire", document_date=date(2020, 5, 31))
        for year, grade in ((2014, "Inadequate"), (2018, "Requires improvement to be good"), (2023, "Good")):
            write_document(wh, f"ofsted-{year}", "ofsted_inspection", [
                OfstedInspection(document_id="-", local_authority="Northshire", framework="ILACS",
                                 inspection_end=date(year, 3, 1)),
                OfstedJudgement(document_id="-", area="overall", area_label="Overall", grade=grade, grade_text=grade),
                OfstedJudgement(document_id="-", area="leadership", area_label="Leaders", grade=grade, grade_text=grade),
            ])
    return db


def test_indicator_chart_draws_values_in_period_order_with_target_and_comparators(made_db, tmp_path):
    chart = plot_indicator(made_db, "rate of referrals per 10,000", tmp_path / "ind.png")
    assert_png(tmp_path / "ind.png")
    assert chart.series["value"] == [("2013/14", 426.0), ("2014/15", 492.5), ("2015/16", 438.1)]
    assert chart.series["target"] == [("2015/16", 450.0)]
    assert chart.reference_lines == {"National": 532.2, "Peer group": 429.6}


def test_ambiguous_or_unknown_names_are_refused_with_the_candidates(made_db, tmp_path):
    with pytest.raises(NothingToPlot, match="2 indicators match"):
        plot_indicator(made_db, "referrals", tmp_path / "x.png")
    with pytest.raises(NothingToPlot, match="no metric"):
        plot_aip_metric(made_db, "no such metric", tmp_path / "x.png")
    assert not (tmp_path / "x.png").exists()


def test_aip_chart_draws_monthly_target_and_actual_skipping_unprinted_months(made_db, tmp_path):
    chart = plot_aip_metric(made_db, "visits", tmp_path / "aip.png")
    assert_png(tmp_path / "aip.png")
    assert [m.month for m, _ in chart.series["actual"]] == [1, 2, 4, 5]
    assert [v for _, v in chart.series["actual"]] == [91.0, 92.0, 94.0, 95.0]
    assert len(chart.series["target"]) == 5


def test_ofsted_chart_puts_grades_on_an_ordinal_scale(made_db, tmp_path):
    chart = plot_ofsted_history(made_db, "northshire", tmp_path / "ofsted.png")
    assert_png(tmp_path / "ofsted.png")
    assert chart.series["overall"] == [(date(2014, 3, 1), 1.0), (date(2018, 3, 1), 2.0), (date(2023, 3, 1), 3.0)]
    assert set(chart.series) == {"overall", "leadership"}


def test_cli_plot(made_db, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cli.png"
    result = runner.invoke(app, ["plot", "aip", "visits", "--out", str(out), "--db", str(made_db)])
    assert result.exit_code == 0, result.output
    assert_png(out)
    assert runner.invoke(app, ["plot", "pie", "x", "--out", str(out), "--db", str(made_db)]).exit_code == 2
    assert runner.invoke(app, ["plot", "ofsted", "Nowhere", "--out", str(out), "--db", str(made_db)]).exit_code == 1


def test_charts_from_the_ingested_seeds(tmp_path):
    db = ingest_seeds(tmp_path / "seeds.duckdb")
    ofsted = plot_ofsted_history(db, "Gloucestershire", tmp_path / "glos.png")
    assert_png(tmp_path / "glos.png")
    # The 2017 report is printed in more than one seed; each area still has one point for that inspection.
    for points in ofsted.series.values():
        assert len({d for d, _ in points}) == len(points)
    assert all(1 <= rank <= 4 for points in ofsted.series.values() for _, rank in points)
    indicator = plot_indicator(db, "rereferrals within 12 months", tmp_path / "reref.png")
    assert_png(tmp_path / "reref.png")
    assert len(indicator.series["value"]) >= 2 and "target" in indicator.series
    periods = [p for p, _ in indicator.series["value"]]
    assert periods == sorted(periods)  # financial years print in order
