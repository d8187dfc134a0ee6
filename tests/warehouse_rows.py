"""Every row of every table of a warehouse, for comparing two ingests (order and ingest time aside)."""
from __future__ import annotations

from pathlib import Path

import duckdb

_VARYING = {"ingested_at"}  # when a source was parsed: differs between any two runs


def all_rows(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        rows = {}
        for table in tables:
            cols = [r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall() if r[0] not in _VARYING]
            picked = ", ".join(f'"{c}"' for c in cols)
            rows[table] = sorted(map(repr, con.execute(f'SELECT {picked} FROM "{table}"').fetchall()))
        return rows
    finally:
        con.close()


def assert_same_rows(a: Path, b: Path) -> None:
    left, right = all_rows(a), all_rows(b)
    assert left.keys() == right.keys()
    for table in left:
        assert left[table] == right[table], f"{table}: {len(left[table])} rows vs {len(right[table])}"
