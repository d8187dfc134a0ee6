"""`extract query`: read-only SQL over the warehouse, as a table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from analyst_data import ingest_seeds, write_document
from cli import app
from extract.query import QueryError, as_csv, as_json, run_query
from extract.warehouse import Warehouse
from schemas.meetings import Attendance, Meeting

runner = CliRunner()


@pytest.fixture
def small_db(db):
    with Warehouse(db) as wh:
        write_document(wh, "minutes", "minutes", [
            Meeting(document_id="-", committee="Corporate Parenting Panel", meeting_date=date(2024, 10, 29)),
            Attendance(document_id="-", name="Ann Lee", title="Cllr", role="chair"),
            Attendance(document_id="-", name="Bo Tan", present=False),
        ], local_authority="Northshire")
    return db


def test_run_query_returns_columns_and_rows_and_sees_the_views(small_db):
    columns, rows = run_query(small_db, "SELECT name, present, meeting_date FROM member_attendance ORDER BY name")
    assert columns == ["name", "present", "meeting_date"]
    assert rows == [("Ann Lee", True, date(2024, 10, 29)), ("Bo Tan", False, date(2024, 10, 29))]


def test_run_query_cannot_change_the_warehouse(small_db):
    with pytest.raises(QueryError, match="read-only"):
        run_query(small_db, "DELETE FROM meeting_attendance")
    assert run_query(small_db, "SELECT count(*) FROM meeting_attendance")[1] == [(2,)]


def test_run_query_refuses_statements_that_write_files_or_other_databases(small_db, tmp_path):
    out = tmp_path / "copied.csv"
    for sql, kind in [(f"COPY (SELECT 1) TO '{out}'", "COPY"), (f"ATTACH '{tmp_path / 'other.db'}' AS other", "ATTACH"),
                      ("INSTALL httpfs", "LOAD"), ("SET threads = 1", "SET"),
                      (f"SELECT 1; COPY (SELECT 1) TO '{out}'", "COPY")]:
        with pytest.raises(QueryError, match=f"read-only: .* not {kind}"):
            run_query(small_db, sql)
    assert not out.exists() and not (tmp_path / "other.db").exists()
    # Reading a local file is allowed, as in DuckDB's own CLI (docs/views.md says so).
    (tmp_path / "in.csv").write_text("a\n7\n")
    assert run_query(small_db, f"SELECT a FROM read_csv('{tmp_path / 'in.csv'}')")[1] == [(7,)]


def test_run_query_reports_bad_sql_and_a_missing_file(small_db, tmp_path):
    with pytest.raises(QueryError, match="no_such_table"):
        run_query(small_db, "SELECT * FROM no_such_table")
    with pytest.raises(QueryError, match="no warehouse"):
        run_query(tmp_path / "absent.duckdb", "SELECT 1")
    assert not (tmp_path / "absent.duckdb").exists()


def test_csv_and_json_round_trip_dates_lists_and_nulls():
    columns = ["name", "day", "ids", "missing"]
    rows = [("Ann, Lee", date(2020, 5, 1), ["a", "b"], None)]
    parsed = list(csv.reader(io.StringIO(as_csv(columns, rows))))
    assert parsed == [columns, ["Ann, Lee", "2020-05-01", '["a", "b"]', ""]]
    assert json.loads(as_json(columns, rows)) == [{"name": "Ann, Lee", "day": "2020-05-01", "ids": ["a", "b"],
                                                   "missing": None}]


def test_cli_query_formats(small_db):
    sql = "SELECT name, present FROM member_attendance ORDER BY name"
    table = runner.invoke(app, ["query", sql, "--db", str(small_db)], terminal_width=200)
    assert table.exit_code == 0, table.output
    assert "Ann Lee" in table.output and "Bo Tan" in table.output and "2 rows" in table.output
    as_csv_out = runner.invoke(app, ["query", sql, "--format", "csv", "--db", str(small_db)])
    assert as_csv_out.output.splitlines() == ["name,present", "Ann Lee,True", "Bo Tan,False"]
    as_json_out = runner.invoke(app, ["query", sql, "--format", "json", "--db", str(small_db)])
    assert json.loads(as_json_out.output) == [{"name": "Ann Lee", "present": True}, {"name": "Bo Tan", "present": False}]
    bad = runner.invoke(app, ["query", "SELEC 1", "--db", str(small_db)])
    assert bad.exit_code == 1
    assert runner.invoke(app, ["query", sql, "--format", "xml", "--db", str(small_db)]).exit_code == 2


def test_cli_query_on_ingested_seeds(tmp_path):
    db = ingest_seeds(tmp_path / "seeds.duckdb")
    result = runner.invoke(app, ["query", "SELECT DISTINCT local_authority, framework FROM latest_ofsted_judgements",
                                 "--format", "json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(r["local_authority"] and r["framework"] for r in rows)
