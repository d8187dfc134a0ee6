"""The DuckDB handle: the one place that writes to a warehouse file.

Ingest never writes into the live file: `snapshot.py` fills a new file
through this class (`insert`, `load_parquet` from the parts, then the
derived tables) and swaps it in. `write_source` (one source's rows in one
transaction, replacing what was there) stays for building small warehouses
by hand, as the tests of the views do. Readers open it with `read_only=True`,
each with a DuckDB of their own; writers attach their files to one DuckDB the
process shares (`attached.py`).
"""
from __future__ import annotations

import contextlib
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from extract.warehouse.attached import attach, detach
from extract.warehouse.ddl import arrow_table, ensure_tables
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
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, schema_made: bool = False):
        """`schema_made`: the file holds today's tables and views already (a copy of the empty
        warehouse, `empty.py`): they are not checked or made again."""
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise NoWarehouse(f"no warehouse at {self.path}: run `extract ingest FILES --db {self.path}` first")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._attached: str | None = None  # a writer's name for its file in the shared DuckDB
        if read_only:
            self.con = duckdb.connect(str(self.path), read_only=True)
        else:
            self.con, self._attached = attach(self.path)  # `attached.py`: a DuckDB of its own would cost 15 ms
        if not (read_only or schema_made):
            # One transaction: DuckDB commits (and logs) each statement run on its own, which made
            # creating the tables and views 60 ms of every ingest.
            try:
                with self.transaction():
                    ensure_tables(self.con, ALL_MODELS)
                    create_views(self.con)
            except Exception:
                self.close()
                raise

    def close(self) -> None:
        if self._attached is None:
            self.con.close()
        else:
            name, self._attached = self._attached, None
            detach(self.con, name, self.path)

    def __enter__(self) -> "Warehouse":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self):
        """All the statements inside commit together, or none do."""
        self.con.begin()
        try:
            yield
            self.con.commit()
        except Exception:
            with contextlib.suppress(duckdb.Error):  # a failed commit has ended the transaction already
                self.con.rollback()
            raise

    def write_source(self, source: SourceRow, documents: list[DocumentRow], records: list[Record],
                     warnings: list[ParseWarning]) -> None:
        """Replace everything known about this source, atomically."""
        with self.transaction():
            self._delete_source(source.source_id)
            self.insert(SourceRow, [source])
            self.insert(DocumentRow, documents)
            by_model: dict[type, list[Record]] = defaultdict(list)
            for r in records:
                by_model[type(r)].append(r)
            for model, rows in by_model.items():
                self.insert(model, rows)
            self.insert(ParseWarning, warnings)

    def replace_table(self, model: type[Record], rows: list[Record]) -> None:
        with self.transaction():
            self.con.execute(f'DELETE FROM "{model.table}"')
            self.insert(model, rows)

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

    def insert(self, model: type, rows: list) -> None:
        if rows:
            self.load_arrow(model, arrow_table(model, rows))

    def load_arrow(self, model: type, rows: pa.Table) -> None:
        """Append an Arrow table of `model`'s rows (`BY NAME`: a column the table has and the rows lack is
        left null). DuckDB reads the table through the local variable the statement names: registering
        and unregistering it by name cost more than inserting a part's few rows."""
        incoming = rows  # noqa: F841 (read by name in the statement below)
        self.con.execute(f'INSERT INTO "{model.table}" BY NAME SELECT * FROM incoming')

    def load_parquet(self, model: type, files: list[str]) -> None:
        """Append the rows of Parquet parts; a column the parts predate is left null (`BY NAME`: no
        look at the files' columns first, which read every file's footer a second time)."""
        if not files:
            return
        scan = "read_parquet([" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "], union_by_name = true)"
        self.con.execute(f'INSERT INTO "{model.table}" BY NAME SELECT * FROM {scan}')


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


__all__ = ["Warehouse", "DEFAULT_DB", "MODEL_BY_TABLE", "now"]
