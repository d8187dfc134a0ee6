"""Warehouse files written through one DuckDB per process, attached to it rather than each opened alone.

`duckdb.connect(file)` starts a DuckDB of its own: 11-12 ms of CPU to build its
catalog of functions, and 2-4 ms at close to take it down again, at every
ingest. The first ran beside the reading worker and slowed it; the second
came after the last file was read, where nothing hides it. A file attached to
a DuckDB already running costs about a millisecond each way. Readers
(`read_only`) still connect on their own: an analyst's session is theirs.

The shared DuckDB is made on first use, with:
- one thread (`threads=1`): a writer's statements are small, and the core is
  the reading worker's;
- no I/O threads (`async_threads=0`, DuckDB 2.0's pool of eight): the reading
  worker is forked from this process, and a fork copies none of a process's
  threads, only what they held;
- no syncs (`fsync_mode=none`). DuckDB syncs its log at every commit and the
  file twice at every checkpoint, as a file in use needs. A file written here
  is in nobody's use until it is closed (a snapshot is swapped in only then),
  so `detach` syncs it once, whole, as a temporary file is synced before its
  rename.
A DuckDB older than 2.0 knows neither of the last two settings: it runs with
one thread and its own syncs, and `detach` syncs once more.

A file made here has blocks of 16 kB (`BLOCK_SIZE`), not DuckDB's 256 kB. A
table takes at least a block, and the warehouse has some forty: with 256 kB
blocks a snapshot of three sets of minutes was 2.9 MB, nearly all of it
empty blocks, which the checkpoint wrote and `detach` synced after the last
file was read (4.4 and 2.0 ms). With 16 kB blocks it is 0.4 MB (3.4 and
0.6 ms). The block size is a property of the file, kept by every copy of it
(the empty warehouse, `empty.py`, is one) and read by DuckDB 1.2 and later
(what `pyproject.toml` requires).
"""
from __future__ import annotations

import os
import threading
import uuid
from pathlib import Path

import duckdb

BLOCK_SIZE = 16_384  # bytes, for the files made here
_CONFIG = {"threads": 1, "async_threads": 0, "fsync_mode": "none", "checkpoint_on_detach": "disabled"}
_made = threading.Lock()
_shared: list[duckdb.DuckDBPyConnection] = []


def _duckdb() -> duckdb.DuckDBPyConnection:
    with _made:
        if not _shared:
            try:
                _shared.append(duckdb.connect(":memory:", config=_CONFIG))
            except duckdb.Error:  # a DuckDB that predates the I/O pool and these settings
                _shared.append(duckdb.connect(":memory:", config={"threads": 1}))
        return _shared[0]


def attach(path: Path) -> tuple[duckdb.DuckDBPyConnection, str]:
    """A connection whose default database is the file at `path` (made if missing), and its name there."""
    name = "w" + uuid.uuid4().hex
    con = _duckdb().cursor()  # a connection of its own: its transactions and default database are its own
    try:
        # Only a new file takes the option: DuckDB refuses it for a file of another block size (an older warehouse).
        options = "" if os.path.exists(path) else f" (BLOCK_SIZE {BLOCK_SIZE})"
        con.execute(f"ATTACH '{_quoted(path)}' AS {name}{options}")
        con.execute(f"USE {name}")
    except BaseException:
        con.close()
        raise
    return con, name


def detach(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> None:
    """Checkpoint the file, let go of it, and sync it to the disk. It is let go of even when the checkpoint
    fails (a full disk): the shared DuckDB does not checkpoint on detaching, so a file it cannot finish is
    not left attached, to be written again when the process ends."""
    try:
        con.execute("CHECKPOINT")
    finally:
        try:
            con.execute("USE memory")
            con.execute(f"DETACH {name}")
        finally:
            con.close()
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
