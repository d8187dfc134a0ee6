"""The warehouse: schema from the models, idempotent ingest, re-parse on a new parser version."""
from __future__ import annotations

import duckdb

from extract.pipeline import ingest
from extract.warehouse import Warehouse
from extract.warehouse.ddl import column_type, create_statement
from schemas import MODEL_BY_TABLE
from tests.conftest import MODERNGOV, seed

CONTRACT = {
    "sources": ["source_id", "path", "file_name", "pages", "status", "error", "ingested_at"],
    "documents": ["document_id", "source_id", "doc_type", "title", "page_start", "page_end", "local_authority",
                  "document_date", "parser", "parser_version", "content_hash"],
    "ofsted_inspections": ["document_id", "local_authority", "framework", "inspection_start", "inspection_end",
                           "published", "overall_effectiveness", "lead_inspector"],
    "ofsted_judgements": ["document_id", "area", "area_label", "grade", "grade_text"],
    "ofsted_recommendations": ["document_id", "seq", "text"],
    "monitoring_visits": ["document_id", "local_authority", "letter_date", "visit_start", "visit_end", "visit_number",
                          "inspectors", "addressee"],
    "monitoring_visit_areas": ["document_id", "seq", "text"],
    "meetings": ["document_id", "council", "committee", "meeting_date", "start_time", "end_time", "venue"],
    "meeting_attendance": ["document_id", "name", "title", "role", "present", "substitute_for", "position"],
    "declarations": ["document_id", "name", "interest", "item_number"],
    "minute_items": ["document_id", "item_number", "title", "text", "page"],
    "resolutions": ["document_id", "item_number", "text"],
    "scorecard_values": ["document_id", "section", "indicator", "reporting_basis", "period", "value", "value_text",
                         "unit", "is_target", "comment"],
    "scorecard_facts": ["indicator", "reporting_basis", "period", "is_target", "value", "unit", "occurrences",
                        "document_ids", "conflict"],
    "scorecard_risks": ["document_id", "risk", "score", "level"],
    "scorecard_commentary": ["document_id", "seq", "text"],
    "aip_priorities": ["document_id", "priority", "reporting_period_start", "reporting_period_end", "actions_status",
                       "impact_status", "rationale"],
    "aip_actions": ["document_id", "priority", "action", "owner", "impact", "timescale", "delivery_status", "rag"],
    "aip_metrics": ["document_id", "priority", "metric", "month", "target", "actual", "unit"],
}


def test_every_contract_table_and_column_exists(db):
    with Warehouse(db) as wh:
        cols = {}
        for table, column, dtype in wh.con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
        ).fetchall():
            cols.setdefault(table, {})[column] = dtype
    for table, columns in CONTRACT.items():
        assert table in cols, table
        missing = [c for c in columns if c not in cols[table]]
        assert not missing, (table, missing)
    assert cols["ofsted_inspections"]["inspection_start"] == "DATE"
    assert cols["meetings"]["start_time"] == "TIME"
    assert cols["scorecard_values"]["value"] == "DOUBLE"
    assert cols["monitoring_visits"]["inspectors"] == "VARCHAR[]"


def test_ddl_follows_the_models():
    assert column_type(int | None) == "BIGINT"
    assert column_type(list[str]) == "VARCHAR[]"
    assert '"grade_text" VARCHAR' in create_statement(MODEL_BY_TABLE["ofsted_judgements"])


def test_a_new_model_field_is_added_to_an_existing_warehouse(db, monkeypatch):
    Warehouse(db).close()
    con = duckdb.connect(str(db))
    con.execute('ALTER TABLE ofsted_judgements DROP COLUMN grade_text')
    con.close()
    with Warehouse(db) as wh:  # opening migrates
        cols = [r[0] for r in wh.con.execute("SELECT column_name FROM information_schema.columns WHERE table_name='ofsted_judgements'").fetchall()]
    assert "grade_text" in cols


def _snapshot(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (
            con.execute("SELECT source_id, ingested_at, status FROM sources ORDER BY 1").fetchall(),
            con.execute("SELECT document_id, doc_type, content_hash FROM documents ORDER BY 1").fetchall(),
        )
    finally:
        con.close()


def test_ingesting_the_same_bytes_again_changes_nothing(db):
    files = [seed(2), MODERNGOV / "kent-cabinet-2025-01-30-supplementary-pack.pdf"]
    first = ingest(files, db)
    before = _snapshot(db)
    assert len(before[1]) >= 10
    again = ingest(files, db)
    assert [f.status for f in again.files] == ["skipped", "skipped"]
    assert _snapshot(db) == before
    assert [f.status for f in first.files] == ["ok", "ok"]


def test_same_content_in_other_bytes_has_the_same_content_hash(tmp_path, db):
    original = seed(3)
    reprint = tmp_path / "reprinted-in-another-pack.txt"
    # Another extraction of the same page: Windows line ends and trailing spaces differ, the content does not.
    reprint.write_bytes(original.read_bytes().replace(b"\n", b"  \r\n"))
    ingest([original, reprint], db)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT DISTINCT source_id, content_hash FROM documents").fetchall()
    assert len({r[0] for r in rows}) == 2
    assert len({r[1] for r in rows}) == 1


def test_a_new_parser_version_reparses_and_replaces(db, monkeypatch):
    from parsers import registry

    ingest([seed(3)], db)
    old = registry.PARSERS["scorecard_commentary"]
    monkeypatch.setitem(registry.PARSERS, "scorecard_commentary", registry.Parser(old.name, old.version + "-next", old.parse))
    report = ingest([seed(3)], db)
    assert report.files[0].status == "ok"  # re-read, not skipped
    con = duckdb.connect(str(db), read_only=True)
    versions = con.execute("SELECT DISTINCT parser_version FROM documents").fetchall()
    assert versions == [(old.version + "-next",)]
    assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_a_new_splitter_version_resplits(db, monkeypatch):
    from extract import splitting

    ingest([seed(3)], db)
    assert ingest([seed(3)], db).files[0].status == "skipped"
    monkeypatch.setattr(splitting, "SPLITTER_VERSION", "next")
    assert ingest([seed(3)], db).files[0].status == "ok"  # re-split, not skipped
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT splitter_version FROM sources").fetchall() == [("next",)]


def test_every_record_traces_to_a_document_and_page(db):
    ingest([seed(2)], db)
    con = duckdb.connect(str(db), read_only=True)
    tables = [m for m in MODEL_BY_TABLE if m not in ("sources", "documents", "parse_warnings", "scorecard_facts")]
    total = 0
    for t in tables:
        total += con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        orphans = con.execute(
            f'SELECT count(*) FROM "{t}" r LEFT JOIN documents d USING (document_id) WHERE d.document_id IS NULL'
        ).fetchone()[0]
        assert orphans == 0, t
        no_page = con.execute(f'SELECT count(*) FROM "{t}" WHERE page IS NULL').fetchone()[0]
        assert no_page == 0, f"{t}: {no_page} rows without the page they came from"
    assert total > 0


def test_parallel_workers_write_the_same_rows_as_one_process(tmp_path):
    files = [seed(0), seed(2), seed(3), MODERNGOV / "kent-cabinet-2025-01-30-minutes.pdf"]
    serial, parallel = tmp_path / "serial.duckdb", tmp_path / "parallel.duckdb"
    ingest(files, serial)
    report = ingest(files, parallel, workers=2)
    assert sorted(f.status for f in report.files) == ["ok"] * 4
    a, b = _snapshot(serial), _snapshot(parallel)
    assert [r[0] for r in a[0]] == [r[0] for r in b[0]]
    assert a[1] == b[1] and len(a[1]) > 10
