"""The empty warehouse a snapshot starts from: made once per schema, then copied.

Every snapshot starts as the same empty file: the tables of the record
models and the analyst views. Making them costs DuckDB 20-30 ms of CPU at
every ingest, in the thread that runs beside the reading worker, where on a
machine of two cores it slowed the reading. Writing out a copy of an empty
file costs well under a millisecond.

So the first snapshot made the long way is checkpointed while still empty
(2 ms) and its bytes kept: in memory, for the process's later snapshots (a
notebook, a service, the tests), and beside the parts (`<parts>/.empty/`),
for later ingests into the same warehouse. They are named by a hash of
DuckDB's version, the block size (`attached.py`) and every statement that
makes the schema: a new model field, a changed view, another block size or
another DuckDB makes a new one, and an old one is never taken for current. Where a copy cannot be kept or written (a full or
read-only disk, a damaged file), the file is made the long way, which
reports the same errors it always did.
"""
from __future__ import annotations

import hashlib
import os
import uuid
from functools import lru_cache
from pathlib import Path

import duckdb

from extract.warehouse.attached import BLOCK_SIZE
from extract.warehouse.ddl import create_statement
from extract.warehouse.store import ALL_MODELS, Warehouse
from extract.warehouse.views import VIEWS

FOLDER = ".empty"
_kept: dict[str, bytes] = {}  # schema key -> the empty file's bytes, for this process


@lru_cache(maxsize=1)
def schema_key() -> str:
    statements = [duckdb.__version__, f"block size {BLOCK_SIZE}",
                  *(create_statement(model) for model in ALL_MODELS),
                  *(f"{name}\n{sql}" for name, sql in sorted(VIEWS.items()))]
    return hashlib.sha256("\n\n".join(statements).encode()).hexdigest()[:16]


def new_warehouse(path: Path, keep_in: Path | None = None) -> Warehouse:
    """A new warehouse file at `path` (not there yet) with today's empty tables and views, open to write.
    `keep_in`: the folder to keep the empty file in between processes (the parts root)."""
    key = schema_key()
    on_disk = keep_in / FOLDER / f"warehouse-{key}.duckdb" if keep_in is not None else None
    empty = _kept.get(key) or _read(on_disk)
    if empty is not None:
        try:
            Path(path).write_bytes(empty)
            wh = Warehouse(path, schema_made=True)
            _kept[key] = empty
            return wh
        except (OSError, duckdb.Error):  # no room, or a damaged copy: made the long way below, and kept afresh
            Path(path).unlink(missing_ok=True)
            _kept.pop(key, None)
            if on_disk is not None:
                on_disk.unlink(missing_ok=True)
    wh = Warehouse(path)
    _keep(wh, key, on_disk)
    return wh


def _read(file: Path | None) -> bytes | None:
    try:
        return file.read_bytes() if file is not None else None
    except OSError:
        return None


def _keep(wh: Warehouse, key: str, on_disk: Path | None) -> None:
    """Keep the bytes of a file just made, while it is still empty; a copy that cannot be kept costs
    only the time saved."""
    try:
        wh.con.execute("CHECKPOINT")  # everything in the file, nothing in its log
        _kept[key] = wh.path.read_bytes()
        if on_disk is not None and not on_disk.exists():
            on_disk.parent.mkdir(parents=True, exist_ok=True)
            making = on_disk.with_name(f"{on_disk.name}.{uuid.uuid4().hex[:8]}.tmp")
            try:
                making.write_bytes(_kept[key])
                os.replace(making, on_disk)
            finally:
                making.unlink(missing_ok=True)
            for old in on_disk.parent.glob("warehouse-*.duckdb"):  # other schemas' files
                if old != on_disk:
                    old.unlink(missing_ok=True)
    except (OSError, duckdb.Error):
        pass
