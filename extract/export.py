"""Export every warehouse table to Parquet, CSV or JSON lines files."""
from __future__ import annotations

from pathlib import Path

from extract.warehouse import Warehouse

FORMATS = {"parquet": "(FORMAT PARQUET)", "csv": "(FORMAT CSV, HEADER)", "jsonl": "(FORMAT JSON)"}


def export_tables(db: str | Path, out: str | Path, fmt: str) -> list[tuple[Path, int]]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with Warehouse(db, read_only=True) as wh:
        tables = [r[0] for r in wh.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='main' AND table_type='BASE TABLE' ORDER BY 1"
        ).fetchall()]
        for table in tables:
            path = out / f"{table}.{fmt}"
            wh.con.execute(f"COPY \"{table}\" TO '{path.as_posix()}' {FORMATS[fmt]}")
            written.append((path, wh.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]))
    return written
