"""The warehouse: the one place that writes to DuckDB.

Each source is written in one transaction: its `sources` row, its
`documents` rows and every record of every document, after deleting what an
earlier ingest of the same source left. A failure rolls the whole source
back, then records the source as failed: never half a file.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from extract.warehouse.ddl import columns_of, ensure_tables
from extract.warehouse.views import create_views
from schemas import DERIVED_MODELS, MODEL_BY_TABLE, PROVENANCE_MODELS, RECORD_MODELS
from schemas.provenance import DocumentRow, ParseWarning, SourceRow
from schemas.record import Record

DEFAULT_DB = Path("outputs/warehouse.duckdb")
ALL_MODELS = PROVENANCE_MODELS + RECORD_MODELS + DERIVED_MODELS
DOCUMENT_TABLES = [m.table for m in RECORD_MODELS + [ParseWarning]]


class NoWarehouse(FileNotFoundError):
    """Reading a warehouse file that is not there."""


class Warehouse:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise NoWarehouse(f"no warehouse at {self.path}: run `extract ingest FILES --db {self.path}` first")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            ensure_tables(self.con, ALL_MODELS)
            create_views(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Warehouse":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- reading what is there -------------------------------------------------------------

    def source_status(self, source_id: str) -> str | None:
        row = self.con.execute("SELECT status FROM sources WHERE source_id = ?", [source_id]).fetchone()
        return row[0] if row else None

    def source_status_and_error(self, source_id: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT status, error FROM sources WHERE source_id = ?", [source_id]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def splitter_version(self, source_id: str) -> str | None:
        row = self.con.execute("SELECT splitter_version FROM sources WHERE source_id = ?", [source_id]).fetchone()
        return row[0] if row else None

    def parser_versions(self, source_id: str) -> dict[str, tuple[str | None, str | None]]:
        rows = self.con.execute(
            "SELECT document_id, parser, parser_version FROM documents WHERE source_id = ?", [source_id]
        ).fetchall()
        return {doc_id: (parser, version) for doc_id, parser, version in rows}

    def note_path(self, source_id: str, path: str) -> None:
        """Same bytes seen again: only remember where they were last seen."""
        self.con.execute(
            "UPDATE sources SET path = ?, file_name = ? WHERE source_id = ? AND path <> ?",
            [path, Path(path).name, source_id, path],
        )

    # --- writing ---------------------------------------------------------------------------

    def write_source(self, source: SourceRow, documents: list[DocumentRow], records: list[Record],
                     warnings: list[ParseWarning]) -> None:
        """Replace everything known about this source, atomically."""
        self.con.begin()
        try:
            self._delete_source(source.source_id)
            self._insert(SourceRow, [source])
            self._insert(DocumentRow, documents)
            by_model: dict[type, list[Record]] = defaultdict(list)
            for r in records:
                by_model[type(r)].append(r)
            for model, rows in by_model.items():
                self._insert(model, rows)
            self._insert(ParseWarning, warnings)
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise

    def write_failed_source(self, source: SourceRow) -> None:
        self.write_source(source, [], [], [])

    def replace_table(self, model: type[Record], rows: list[Record]) -> None:
        self.con.begin()
        try:
            self.con.execute(f'DELETE FROM "{model.table}"')
            self._insert(model, rows)
            self.con.commit()
        except Exception:
            self.con.rollback()
            raise

    def rows(self, table: str, where: str = "", params: list | None = None) -> list[dict]:
        cur = self.con.execute(f'SELECT * FROM "{table}" {where}', params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def records(self, model: type[Record]) -> list[Record]:
        names = set(model.model_fields)
        return [model.model_validate({k: v for k, v in r.items() if k in names}) for r in self.rows(model.table)]

    def _delete_source(self, source_id: str) -> None:
        # A file seen for the first time has nothing to delete: one look saves a DELETE per table.
        if self.con.execute("SELECT count(*) FROM documents WHERE source_id = ?", [source_id]).fetchone()[0] == 0:
            self.con.execute("DELETE FROM sources WHERE source_id = ?", [source_id])
            return
        for table in DOCUMENT_TABLES:
            self.con.execute(
                f'DELETE FROM "{table}" WHERE document_id IN (SELECT document_id FROM documents WHERE source_id = ?)',
                [source_id],
            )
        self.con.execute("DELETE FROM documents WHERE source_id = ?", [source_id])
        self.con.execute("DELETE FROM sources WHERE source_id = ?", [source_id])

    def _insert(self, model: type, rows: list) -> None:
        if not rows:
            return
        cols = [name for name, _ in columns_of(model)]
        data = {c: [getattr(r, c) for r in rows] for c in cols}
        arrow = pa.table({c: pa.array(v) for c, v in data.items()})
        self.con.register("_incoming", arrow)
        try:
            names = ", ".join(f'"{c}"' for c in cols)
            self.con.execute(f'INSERT INTO "{model.table}" ({names}) SELECT {names} FROM _incoming')
        finally:
            self.con.unregister("_incoming")


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


__all__ = ["Warehouse", "DEFAULT_DB", "MODEL_BY_TABLE", "now"]
