"""What a finished ingest left in the warehouse, file by file, and anything left half-written.

Storage-neutral: it reads the tables through SQL only, so it holds whatever
sits under them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

# Reasons that mean our code broke on the file, though the batch survived it.
CONTAINED_CRASHES = ("internal error", "the reading process died")


@dataclass
class Audit:
    # source_id (the bytes' hash: copies of one file share it) -> (status, error)
    statuses: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    parser_raised: dict[str, str] = field(default_factory=dict)  # source_id -> error, per document whose parser raised
    half_written: list[str] = field(default_factory=list)  # what breaks "nothing half-written"

    def reasons(self) -> Counter:
        """Failures by the reason's first words (before the first colon)."""
        return Counter((error or "?").split(":")[0] for status, error in self.statuses.values() if status == "failed")


def audit_warehouse(db: str | Path) -> Audit:
    con = duckdb.connect(str(db), read_only=True)
    try:
        audit = Audit()
        for sid, status, error in con.execute("SELECT source_id, status, error FROM sources").fetchall():
            audit.statuses[sid] = (status, error)
        audit.parser_raised = dict(con.execute(
            "SELECT source_id, error FROM documents WHERE status = 'failed'").fetchall())
        audit.half_written = _half_written(con)
        return audit
    finally:
        con.close()


def _half_written(con: duckdb.DuckDBPyConnection) -> list[str]:
    problems = []
    for (name,) in con.execute(
        "SELECT s.file_name FROM sources s WHERE s.status = 'failed' "
        "AND EXISTS (SELECT 1 FROM documents d WHERE d.source_id = s.source_id)").fetchall():
        problems.append(f"{name}: failed, yet its documents were written")
    for (name,) in con.execute(
        "SELECT s.file_name FROM sources s WHERE s.status IN ('ok', 'partial') "
        "AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.source_id = s.source_id)").fetchall():
        problems.append(f"{name}: read, yet no document of it was written")
    tables = [t for (t,) in con.execute(
        "SELECT table_name FROM information_schema.columns WHERE column_name = 'document_id' "
        "AND table_name <> 'documents' AND table_name IN (SELECT table_name FROM information_schema.tables "
        "WHERE table_type = 'BASE TABLE')").fetchall()]
    for table in tables:
        orphans = con.execute(
            f'SELECT count(*) FROM "{table}" WHERE document_id NOT IN (SELECT document_id FROM documents)').fetchone()[0]
        if orphans:
            problems.append(f"{table}: {orphans} rows of no document")
    return problems
