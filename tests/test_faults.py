"""Faults, driven through the real command in a subprocess: kill -9 at random points, and a full disk.

Each compares table contents (order aside) with a clean run, so it holds
whatever storage sits under the warehouse.
"""
from __future__ import annotations

import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import OFSTED, ROOT, seed
from tests.warehouse_dump import dump

FILES = [seed(3), seed(1), OFSTED / "bedford-2022-01-14.pdf",
         ROOT / "corpus" / "fixtures" / "scorecard" / "scorecard_q4_2016_17.pdf"]
MORE = [OFSTED / "bromley-2012-08-17.pdf", seed(4)]


def _command(db: Path, files: list[Path]) -> list[str]:
    return [sys.executable, "-m", "cli", "ingest", *map(str, files), "--db", str(db)]


def _ingest(db: Path, files: list[Path], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(_command(db, files), cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          **kwargs)


def test_kill_9_at_ten_random_points_then_a_rerun_equals_a_clean_run(tmp_path):
    started = time.monotonic()
    clean = _ingest(tmp_path / "clean.duckdb", FILES)
    took = time.monotonic() - started
    assert clean.returncode == 0, clean.stderr
    expected = dump(tmp_path / "clean.duckdb")
    assert len(expected["sources"]) == len(FILES) and expected["documents"]
    rng = random.Random(17)
    killed_midway = 0
    for n in range(10):
        db = tmp_path / f"killed-{n}.duckdb"
        proc = subprocess.Popen(_command(db, FILES), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.6) * took)  # the first, cold run is the slowest: kill well inside it
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_midway += 1
        proc.wait()
        rerun = _ingest(db, FILES)
        assert rerun.returncode == 0, rerun.stderr
        assert dump(db) == expected, f"kill point {n}"
    assert killed_midway >= 6  # most kills landed while the ingest was running (timing varies with load)


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _fill_the_disk(tmp_path: Path) -> tuple[Path, dict, subprocess.CompletedProcess]:
    """A warehouse of FILES, then an ingest of MORE whose writes fail past 16 kB (EFBIG, as on a full disk)."""
    db = tmp_path / "warehouse.duckdb"
    assert _ingest(db, FILES).returncode == 0
    before = dump(db)
    return db, before, _ingest(db, MORE, preexec_fn=_limit_file_size(16 * 1024))


def test_a_failed_write_says_so_in_one_line(tmp_path):
    db, _, full = _fill_the_disk(tmp_path)
    assert full.returncode == 2, full.stdout + full.stderr
    assert "Traceback" not in full.stderr + full.stdout
    message = full.stderr.strip().splitlines()[-1]  # after the progress bar
    assert message.startswith(f"cannot write the warehouse {db}: ") and "File too large" in message, message


@pytest.mark.xfail(reason="the previous warehouse now stays intact (the snapshot of issue #16), but the re-run "
                          "after room is freed does not yet complete both inputs", strict=False)
def test_after_a_failed_write_the_previous_warehouse_is_intact(tmp_path):
    db, before, full = _fill_the_disk(tmp_path)
    assert full.returncode == 2
    assert dump(db) == before
    # And once there is room again, the same command completes.
    again = _ingest(db, MORE)
    assert again.returncode == 1 and len(dump(db)["sources"]) == len(FILES) + len(MORE)
