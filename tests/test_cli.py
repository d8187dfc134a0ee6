"""The command line mirrors the library: ingest, docs, stats, export, golden."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from cli import app
from tests.conftest import MODERNGOV, OFSTED, seed

runner = CliRunner()


def test_ingest_exit_status_says_whether_anything_failed(db):
    ok = runner.invoke(app, ["ingest", str(seed(3)), "--db", str(db)])
    assert ok.exit_code == 0, ok.output
    assert "scorecard_commentary" in ok.output
    bad = runner.invoke(app, ["ingest", str(OFSTED / "bromley-2012-08-17.pdf"), "--db", str(db)])
    assert bad.exit_code == 1
    assert "not a PDF" in bad.output


def test_docs_prints_the_split(tmp_path):
    result = runner.invoke(app, ["docs", str(MODERNGOV / "kent-cabinet-2025-01-30-supplementary-pack.pdf")], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert result.output.count("report") >= 2 and "agenda" in result.output
    assert "13-21" in result.output


def test_stats_and_export(tmp_path, db):
    runner.invoke(app, ["ingest", str(seed(3)), "--db", str(db)])
    stats = runner.invoke(app, ["stats", "--db", str(db)], terminal_width=200)
    assert stats.exit_code == 0 and "documents" in stats.output
    for fmt in ("parquet", "csv", "jsonl"):
        out = tmp_path / fmt
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", str(db)])
        assert result.exit_code == 0, result.output
        assert (out / f"documents.{fmt}").stat().st_size > 0
    line = (tmp_path / "jsonl" / "documents.jsonl").read_text().splitlines()[0]
    assert json.loads(line)["doc_type"] == "scorecard_commentary"
    wrong = runner.invoke(app, ["export", "--format", "xlsx", "--out", str(tmp_path / "x"), "--db", str(db)])
    assert wrong.exit_code == 2


def test_compare_third_party_lists_disagreements(db, tmp_path):
    runner.invoke(app, ["ingest", str(OFSTED / "rochdale-2018-03-12.pdf"), str(OFSTED / "bedford-2022-01-14.pdf"), "--db", str(db)])
    result = runner.invoke(app, ["compare-third-party", str(OFSTED / "third_party_extraction.csv"), "--db", str(db)],
                           terminal_width=250)
    assert result.exit_code == 0, result.output
    # Rochdale p1: lead inspector 'Paula Thomson-Jones', children in care 'Good'; the CSV has both wrong.
    rochdale = [l for l in result.output.splitlines() if "rochdale" in l and "conflict" in l]
    assert len(rochdale) == 2, result.output
    assert "no_report" in result.output  # the CSV's rows for files not ingested here


def test_reading_a_missing_warehouse_is_one_line_not_a_traceback(tmp_path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    missing = tmp_path / "none.duckdb"
    for command in (["stats"], ["compare-third-party"], ["export", "--out", str(tmp_path / "out")]):
        done = subprocess.run([sys.executable, "cli.py", *command, "--db", str(missing)], cwd=ROOT,
                              capture_output=True, text=True)
        assert done.returncode == 2, (command, done.stderr)
        assert done.stderr.strip().splitlines() == [f"no warehouse at {missing}: run `extract ingest FILES --db {missing}` first"]
        assert "Traceback" not in done.stderr and not missing.exists()
