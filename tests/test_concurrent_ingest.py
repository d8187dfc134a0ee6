"""Ingest beside open readers and beside another ingest: nobody blocks a reader, writers take turns."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from extract.pipeline import ingest
from extract.warehouse.lock import WriterLock
from tests.conftest import OFSTED, ROOT, seed
from tests.warehouse_rows import assert_same_rows

EXTRACT = [sys.executable, "-c", "import cli; cli.main()"]

# A notebook: opens the warehouse read-only, counts, waits for a line on stdin, counts again on the same connection.
READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("SELECT count(*) FROM documents").fetchone()[0]
print(count(), flush=True)
sys.stdin.readline()
print(count(), flush=True)
"""


def _documents(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def test_an_open_reader_keeps_its_view_and_a_new_connection_sees_the_new_rows(db):
    ingest([seed(3)], db)
    before = _documents(db)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, cwd=ROOT)
    try:
        assert int(reader.stdout.readline()) == before
        report = ingest([seed(0), seed(2)], db)
        assert [f.status for f in report.files] == ["ok", "ok"]
        out, _ = reader.communicate("go\n", timeout=60)
    finally:
        reader.kill()
    assert int(out.strip()) == before  # the reader's snapshot did not move under it
    assert _documents(db) > before  # a new connection sees the new generation


def test_an_ingest_waits_for_another_and_says_for_whom(tmp_path, db):
    first, second = seed(0), OFSTED / "bedford-2022-01-14.pdf"
    with WriterLock(tmp_path / "warehouse.parts"):  # another ingest is writing
        runs = [subprocess.Popen([*EXTRACT, "ingest", str(p), "--db", str(db)], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for p in (first, second)]
        said = [_first_words(r, deadline=time.monotonic() + 120) for r in runs]
        assert all(r.poll() is None for r in runs)  # both wait rather than fail
    results = [r.communicate(timeout=240) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], results
    for first_line, (_, stderr) in zip(said, results):
        assert first_line.startswith(f"waiting for pid {os.getpid()} ") and "Traceback" not in stderr
    both = tmp_path / "both.duckdb"
    ingest([first, second], both)
    assert_same_rows(both, db)


def _first_words(run: subprocess.Popen, deadline: float) -> str:
    """The first line a still-running ingest writes to stderr."""
    line = ""
    while not line.endswith("\n") and time.monotonic() < deadline:
        line += run.stderr.read(1)
    return line


def test_no_wait_stops_with_one_line_naming_the_writer(tmp_path, db):
    ingest([seed(3)], db)
    with WriterLock(tmp_path / "warehouse.parts"):
        run = subprocess.run([*EXTRACT, "ingest", str(seed(0)), "--db", str(db), "--no-wait"], cwd=ROOT, text=True,
                             capture_output=True, timeout=120)
    assert run.returncode == 3
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and f"pid {os.getpid()}" in lines[0] and "--no-wait" in lines[0], run.stderr
    assert _documents(db) == 1  # untouched
