"""Writers attach their files to one DuckDB per process (extract/warehouse/attached.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from extract.warehouse.attached import BLOCK_SIZE
from extract.warehouse.store import ALL_MODELS, Warehouse, now
from schemas.provenance import SourceRow
from tests.conftest import ROOT


def _tables(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                          "WHERE table_type = 'BASE TABLE'").fetchall()}
    finally:
        con.close()


def test_two_files_open_at_once_each_get_every_table_of_their_own(tmp_path):
    # Both files are databases of the same DuckDB: the check for tables already there must look in its own file.
    first = Warehouse(tmp_path / "first.duckdb")
    try:
        second = Warehouse(tmp_path / "second.duckdb")
        second.close()
    finally:
        first.close()
    assert _tables(tmp_path / "second.duckdb") == {m.table for m in ALL_MODELS}


def test_a_closed_file_holds_its_rows_with_no_log_beside_it_and_the_process_lets_go_of_it(tmp_path):
    db = tmp_path / "w.duckdb"
    wh = Warehouse(db)
    wh.insert(SourceRow, [SourceRow(source_id="s1", path="a.pdf", file_name="a.pdf", status="ok", ingested_at=now())])
    wh.close()
    assert not Path(f"{db}.wal").exists()
    con = duckdb.connect(str(db))  # read-write: refused while any DuckDB of this process still holds the file
    try:
        assert con.execute("SELECT source_id, status FROM sources").fetchall() == [("s1", "ok")]
    finally:
        con.close()



def test_an_ingested_warehouse_has_small_blocks_so_its_empty_tables_take_little_room(tmp_path):
    # Some forty tables, most of them empty for any one ingest, each at least a block: with DuckDB's
    # 256 kB blocks the minutes' snapshot was 2.9 MB to checkpoint and sync; with 16 kB, 0.4 MB.
    from extract.pipeline import ingest
    from tests.conftest import SHARED

    minutes = sorted((SHARED / "corpus").glob("*/*minutes*.pdf"))[:1]
    assert minutes
    db = tmp_path / "w.duckdb"
    assert not ingest([], db, files=minutes).failures
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0] == BLOCK_SIZE
        assert con.execute("SELECT count(*) FROM meeting_attendance").fetchone()[0] > 0
    finally:
        con.close()
    assert db.stat().st_size < 1_000_000



def test_a_warehouse_file_of_duckdbs_default_block_size_is_still_opened_to_write(tmp_path):
    # Files made before the 16 kB blocks: DuckDB refuses a block size that is not the file's own.
    db = tmp_path / "older.duckdb"
    duckdb.connect(str(db)).close()
    wh = Warehouse(db)
    wh.insert(SourceRow, [SourceRow(source_id="s1", path="a.pdf", file_name="a.pdf", status="ok", ingested_at=now())])
    wh.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT block_size FROM pragma_database_size()").fetchone()[0] != BLOCK_SIZE
        assert con.execute("SELECT source_id FROM sources").fetchall() == [("s1",)]
    finally:
        con.close()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through /proc")
def test_writing_leaves_no_duckdb_thread_running_for_a_fork_to_copy(tmp_path):
    code = (
        "import os, sys\n"
        "from extract.warehouse.store import Warehouse\n"
        "threads = lambda: len(os.listdir('/proc/self/task'))\n"
        "before = threads(); wh = Warehouse(sys.argv[1]); while_open = threads(); wh.close()\n"
        "print(before, while_open, threads())\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "w.duckdb")], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    before, while_open, after = map(int, out.stdout.split())  # pyarrow's allocator runs threads of its own
    assert while_open == after == before, out.stdout
