"""Faults, driven through the real command in a subprocess: kill -9 at random points, and a full disk
(a file-size limit, and a size-limited tmpfs where this machine lets a test mount one).

Each compares table contents (order aside) with a clean run, so it holds
whatever storage sits under the warehouse. The same faults raised in-process
at each write point are in `test_write_faults.py`.
"""
from __future__ import annotations

import errno
import os
import random
import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest

from extract.warehouse.publish import stale_marker
from tests.conftest import ROOT
from tests.fault_helpers import FILES, MORE, command, half_written, ingest, last_line
from tests.warehouse_dump import dump


def test_kill_9_at_ten_random_points_then_a_rerun_equals_a_clean_run(tmp_path):
    clean = ingest(tmp_path / "clean.duckdb", FILES)
    assert clean.returncode == 0, clean.stderr
    expected = dump(tmp_path / "clean.duckdb")
    started = time.monotonic()  # a second clean run, warm like the killed ones, times where kills can land
    assert ingest(tmp_path / "timing.duckdb", FILES).returncode == 0
    took = time.monotonic() - started
    assert len(expected["sources"]) == len(FILES) and expected["documents"]
    rng = random.Random(17)
    killed_midway = 0
    for n in range(10):
        db = tmp_path / f"killed-{n}.duckdb"
        proc = subprocess.Popen(command(db, FILES), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.8) * took)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_midway += 1
        proc.wait()
        rerun = ingest(db, FILES)
        assert rerun.returncode == 0, rerun.stderr
        assert dump(db) == expected, f"kill point {n}"
    assert killed_midway >= 6  # most kills landed while the ingest was running (timing varies with load)


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> dict:
    """The rows of one ingest of every input into an empty warehouse, on a disk with room."""
    db = tmp_path_factory.mktemp("clean") / "warehouse.duckdb"
    done = ingest(db, FILES + MORE)
    assert done.returncode == 1, done.stderr  # the HTML page fails as bad input; the rest is stored
    rows = dump(db)
    assert len(rows["sources"]) == len(FILES) + len(MORE) and rows["documents"]
    return rows


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _check_the_failed_run_then_rerun(db: Path, before: dict, full: subprocess.CompletedProcess, reason: str,
                                     clean_run: dict) -> None:
    """One line naming the warehouse and the reason, exit 2, the previous warehouse whole, nothing
    half-written; then the same command, with room again, ends as a clean run of every input."""
    assert full.returncode == 2, full.stdout + full.stderr
    assert "Traceback" not in full.stderr + full.stdout
    message = last_line(full.stderr)
    assert message.startswith(f"cannot write the warehouse {db}: ") and reason in message, message
    assert dump(db) == before
    assert half_written(db) == []
    again = ingest(db, MORE)
    assert again.returncode == 1, again.stderr  # the HTML page, failed as bad input, as in the clean run
    assert dump(db) == clean_run
    assert not stale_marker(db).exists() and half_written(db) == []


def test_a_file_size_limit_fails_in_one_line_and_a_rerun_with_room_equals_a_clean_run(tmp_path, clean_run):
    db = tmp_path / "warehouse.duckdb"
    assert ingest(db, FILES).returncode == 0
    before = dump(db)
    # Writes past 16 kB fail with EFBIG: the small manifest is saved, the part of the text pack and the
    # snapshot are not.
    full = ingest(db, MORE, preexec_fn=_limit_file_size(16 * 1024))
    _check_the_failed_run_then_rerun(db, before, full, os.strerror(errno.EFBIG), clean_run)


@pytest.fixture
def small_disk(tmp_path):
    """A 24 MB tmpfs mounted for this test, or a skip saying why this machine does not allow one."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a size-limited tmpfs needs root; test_write_faults.py simulates ENOSPC instead")
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(disk)],
                                 capture_output=True, text=True)
        refused = (last_line(mounted.stderr) or f"exit {mounted.returncode}") if mounted.returncode else ""
    except OSError as exc:  # no mount command at all
        refused = str(exc)
    if refused:
        pytest.skip(f"this machine refuses to mount a tmpfs ({refused}); test_write_faults.py simulates ENOSPC instead")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=False)


def _fill(disk: Path) -> Path:
    """Write zeros until the filesystem says it is full; returns the filler file."""
    filler = disk / "filler"
    block = bytes(64 * 1024)
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    return filler


def test_a_full_tmpfs_fails_in_one_line_and_a_rerun_with_room_equals_a_clean_run(small_disk, clean_run):
    db = small_disk / "warehouse.duckdb"
    assert ingest(db, FILES).returncode == 0
    before = dump(db)
    filler = _fill(small_disk)
    unchanged = ingest(db, FILES)  # nothing to write, so a full disk does not stop it
    assert unchanged.returncode == 0, unchanged.stderr
    full = ingest(db, MORE)
    filler.unlink()
    _check_the_failed_run_then_rerun(db, before, full, os.strerror(errno.ENOSPC), clean_run)
