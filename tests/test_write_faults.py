"""A full disk at each write point of an ingest, simulated in-process: `OSError(ENOSPC)` raised after
half the bytes are written, as a real full disk does.

The write points: a part's Parquet file, the manifest, the snapshot's new
file (made in a thread while the sources are read), the snapshot while it is
filled, and the snapshot's swap over the live file. At each: one clear
line (or, for a part, the source failed with the reason), the exit code, the
previous warehouse whole, nothing half-written left, and a re-run with room
that ends as a clean run of every input. The same faults through the real
command in a subprocess (a file-size limit, a full tmpfs) are in
`test_faults.py`.
"""
from __future__ import annotations

import errno
import os
import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from cli import app
from extract.pipeline import default_parts_root, ingest
from extract.warehouse.manifest import FILE as MANIFEST, Manifest
from extract.warehouse.parts import TMP
from extract.warehouse.publish import stale_marker
from extract.warehouse.store import Warehouse
from tests.fault_helpers import FILES, MORE, half_written, last_line
from tests.warehouse_dump import dump

runner = CliRunner()
FULL = os.strerror(errno.ENOSPC)


def _full_disk(path) -> OSError:
    return OSError(errno.ENOSPC, FULL, str(path))


def _fail_parquet_writes(monkeypatch, fails) -> None:
    """`pq.write_table` to a path `fails` picks writes half the file, then finds the disk full."""
    real = pq.write_table

    def write_table(table, where, *args, **kwargs):
        real(table, where, *args, **kwargs)
        if not fails(Path(where)):
            return
        with open(where, "r+b") as half:
            half.truncate(os.path.getsize(where) // 2)
        raise _full_disk(where)

    monkeypatch.setattr(pq, "write_table", write_table)


def _fail_part_writes(monkeypatch, db: Path) -> None:
    _fail_parquet_writes(monkeypatch, lambda p: p.parent.parent.name == TMP)


def _fail_manifest_save(monkeypatch, db: Path) -> None:
    _fail_parquet_writes(monkeypatch, lambda p: p.name.startswith(MANIFEST))


def _fail_making_the_snapshot(monkeypatch, db: Path) -> None:
    """Creating the new snapshot's tables finds the disk full (in the thread that makes it ahead)."""
    real = Warehouse.__init__

    def init(self, path=None, *args, **kwargs):
        if ".next-" in Path(path).name:
            raise _full_disk(path)
        real(self, path, *args, **kwargs)

    monkeypatch.setattr(Warehouse, "__init__", init)


def _fail_filling_the_snapshot(monkeypatch, db: Path) -> None:
    """The second table loaded into the new snapshot finds the disk full (the first is in it)."""
    real, calls = Warehouse.load_parquet, Counter()

    def load_parquet(self, model, files):
        real(self, model, files)
        calls["tables"] += bool(files)
        if calls["tables"] == 2:
            raise _full_disk(self.path)

    monkeypatch.setattr(Warehouse, "load_parquet", load_parquet)


def _fail_swapping_the_snapshot(monkeypatch, db: Path) -> None:
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(dst) == db:
            raise _full_disk(dst)
        real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """A warehouse of FILES, with its parts: each test works on its own copy."""
    db = tmp_path_factory.mktemp("previous") / "warehouse.duckdb"
    assert not ingest(FILES, db).failures
    return db


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "warehouse.duckdb"
    report = ingest(FILES + MORE, db)
    assert [f.path for f in report.failures] == [str(MORE[0])]  # the HTML page saved as .pdf
    return dump(db)


def _copy(previous: Path, tmp_path: Path) -> Path:
    db = tmp_path / previous.name
    shutil.copy2(previous, db)
    shutil.copytree(default_parts_root(previous), default_parts_root(db))
    return db


def _ingest(db: Path, files: list[Path], *options: str):
    return runner.invoke(app, ["ingest", *map(str, files), "--db", str(db), *options], terminal_width=400)


def _unwrapped(text: str) -> str:
    """The summary is wrapped to the terminal's width: compare it with its white space taken out."""
    return "".join(text.split())


def _ingest_on_a_full_disk(fault, previous: Path, tmp_path: Path, monkeypatch, files: list[Path], *options: str):
    """A copy of the previous warehouse, its rows, and an ingest into it while `fault` fills the disk."""
    db = _copy(previous, tmp_path)
    before = dump(db)
    fault(monkeypatch, db)
    result = _ingest(db, files, *options)
    monkeypatch.undo()
    return db, before, result


def _rerun_with_room_equals_a_clean_run(db: Path, clean_run: dict) -> None:
    again = _ingest(db, MORE)
    assert again.exit_code == 1, again.output  # the HTML page, failed as bad input, as in the clean run
    assert dump(db) == clean_run
    assert half_written(db) == [] and not stale_marker(db).exists()


@pytest.mark.parametrize("fault", [_fail_manifest_save, _fail_making_the_snapshot, _fail_filling_the_snapshot,
                                   _fail_swapping_the_snapshot],
                         ids=["manifest", "snapshot-make", "snapshot-fill", "snapshot-swap"])
def test_a_full_disk_at_a_warehouse_write_fails_in_one_line_and_keeps_the_previous_warehouse(
        fault, previous, clean_run, tmp_path, monkeypatch):
    db, before, full = _ingest_on_a_full_disk(fault, previous, tmp_path, monkeypatch, MORE)
    assert full.exit_code == 2, full.output
    assert full.exception is None or isinstance(full.exception, SystemExit)  # no traceback
    message = last_line(full.stderr)
    assert message.startswith(f"cannot write the warehouse {db}: [Errno {errno.ENOSPC}] {FULL}"), message
    assert dump(db) == before
    assert half_written(db) == []
    _rerun_with_room_equals_a_clean_run(db, clean_run)


def test_a_part_that_cannot_be_written_fails_its_source_only_and_is_parsed_again_next_time(
        previous, clean_run, tmp_path, monkeypatch):
    db, before, full = _ingest_on_a_full_disk(_fail_part_writes, previous, tmp_path, monkeypatch, MORE)
    assert full.exit_code == 1, full.output
    said = f"{MORE[1]}: could not be stored: OSError: [Errno {errno.ENOSPC}] {FULL}"
    assert _unwrapped(said) in _unwrapped(full.stdout)
    after = dump(db)
    for table, rows in before.items():  # the previous rows stand, none lost or doubled
        assert not Counter(rows) - Counter(after[table]), table
    with Warehouse(db, read_only=True) as wh:
        status, error = wh.con.execute("SELECT status, error FROM sources WHERE path = ?", [str(MORE[1])]).fetchone()
    assert status == "failed" and error.startswith("could not be stored: ") and FULL in error
    assert half_written(db) == []
    _rerun_with_room_equals_a_clean_run(db, clean_run)


def test_a_part_that_cannot_be_rewritten_leaves_what_was_stored_before(previous, tmp_path, monkeypatch):
    # Every source parsed again, and none can be stored.
    db, before, forced = _ingest_on_a_full_disk(_fail_part_writes, previous, tmp_path, monkeypatch, FILES, "--force")
    assert forced.exit_code == 1, forced.output
    assert _unwrapped(forced.stdout).count(_unwrapped("could not be stored: ")) == len(FILES)
    assert dump(db) == before
    assert half_written(db) == []
    assert _ingest(db, FILES).exit_code == 0  # stored before, so skipped: the failed store was not its outcome
    assert dump(db) == before


def test_a_manifest_from_before_retry_was_recorded_reads_as_nothing_to_retry(previous, tmp_path):
    db = _copy(previous, tmp_path)
    manifest_file = default_parts_root(db) / MANIFEST
    pq.write_table(pq.read_table(manifest_file).drop_columns(["retry"]), manifest_file)
    entries = Manifest(default_parts_root(db)).entries.values()
    assert len(entries) == len(FILES) and not any(e.retry for e in entries)
    assert [f.status for f in ingest(FILES, db).files] == ["skipped"] * len(FILES)  # stored, so not parsed again
