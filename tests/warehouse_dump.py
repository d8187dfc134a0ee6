"""A warehouse's contents as plain data, to compare two warehouses whatever storage sits under the tables."""
from __future__ import annotations

from pathlib import Path

import duckdb

# When a row was written differs between two runs of the same input; nothing else may.
VOLATILE = {"ingested_at"}


def dump(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        out = {}
        for table in tables:
            cur = con.execute(f'SELECT * FROM "{table}"')
            keep = [i for i, d in enumerate(cur.description) if d[0] not in VOLATILE]
            out[table] = sorted((tuple(repr(row[i]) for i in keep) for row in cur.fetchall()))
        return out
    finally:
        con.close()
