"""Ask the warehouse a question in SQL: the library behind `extract query`.

The connection is read-only, so a query can never change the warehouse (a
stray DELETE fails with DuckDB's own error instead of deleting). The analyst
views (extract/warehouse/views.py) are created on the connection, so they can
be queried even in a warehouse written before they existed.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from extract.warehouse.views import create_views


class QueryError(Exception):
    """The warehouse is missing or the SQL failed; the message says which."""


def run_query(db: str | Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run one SQL statement against the warehouse file, read-only: (column names, rows)."""
    path = Path(db)
    if not path.exists():
        raise QueryError(f"no warehouse at {path}: run `extract ingest ... --db {path}` first")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise QueryError(f"cannot open {path}: {exc}") from exc
    try:
        _refuse_writes(con, sql)
        create_views(con, temporary=True)
        cur = con.execute(sql)
        if cur.description is None:  # a statement with no result set
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()
    except duckdb.Error as exc:
        raise QueryError(str(exc).splitlines()[0]) from exc
    finally:
        con.close()


# A read-only connection still lets COPY ... TO write a file, ATTACH open another database for
# writing, and INSTALL fetch an extension: only statements that read are let through.
_READING = {"SELECT", "EXPLAIN"}


def _refuse_writes(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    for statement in con.extract_statements(sql):
        kind = statement.type.name
        if kind not in _READING:
            raise QueryError(f"read-only: only SELECT (with WITH, SHOW, DESCRIBE, SUMMARIZE) and EXPLAIN run here, "
                             f"not {kind}")


def _plain(value: Any) -> Any:
    """A value JSON can carry: dates and times as ISO text, decimals as floats."""
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def as_json(columns: list[str], rows: list[tuple]) -> str:
    """One JSON object per row, in a list."""
    return json.dumps([{c: _plain(v) for c, v in zip(columns, row)} for row in rows], ensure_ascii=False, indent=1)


def as_csv(columns: list[str], rows: list[tuple]) -> str:
    """CSV with a header row; lists are written as JSON text so they survive a round trip."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([
            "" if v is None else json.dumps(_plain(v), ensure_ascii=False) if isinstance(v, (list, dict))
            else _plain(v)
            for v in row
        ])
    return buf.getvalue()
