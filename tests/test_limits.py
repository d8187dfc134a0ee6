"""Bounds on one file: a time limit, a page count and a decompressed size, each failing that file alone."""
from __future__ import annotations

import faulthandler
import os
import signal
import time

import duckdb

from extract.pipeline import ingest
from extract.reading import Limits
from tests.conftest import OFSTED, seed
from tests.pdf_factory import bomb_pdf, text_pdf

GOOD = OFSTED / "bedford-2022-01-14.pdf"


def _sources(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {n: (s, e) for n, s, e in con.execute("SELECT file_name, status, error FROM sources").fetchall()}
    finally:
        con.close()


def _break_parser(monkeypatch, doc_type: str, behaviour) -> None:
    from parsers import registry

    monkeypatch.setitem(registry.PARSERS, doc_type, registry.Parser(doc_type, "fault-test", behaviour))


def test_a_file_that_hangs_times_out_and_the_batch_goes_on(monkeypatch, db):
    _break_parser(monkeypatch, "scorecard_commentary", lambda doc: time.sleep(60))
    started = time.monotonic()
    report = ingest([seed(3), GOOD], db, limits=Limits(seconds=2))
    assert time.monotonic() - started < 30
    sources = _sources(db)
    assert sources[seed(3).name] == ("failed", "timed out after 2 s")
    assert sources[GOOD.name][0] == "ok"
    assert [f.status for f in report.files] == ["failed", "ok"]


def test_a_reader_that_dies_fails_its_file_alone(monkeypatch, db):
    def segfault(doc):
        faulthandler.disable()  # pytest's handler would print the child's stack: the death itself is the test
        os.kill(os.getpid(), signal.SIGSEGV)

    _break_parser(monkeypatch, "scorecard_commentary", segfault)
    ingest([seed(3), GOOD], db)
    sources = _sources(db)
    assert sources[seed(3).name] == ("failed", "the reading process died (killed by SIGSEGV)")
    assert sources[GOOD.name][0] == "ok"


def test_an_unexpected_error_while_splitting_is_one_line_of_reason(monkeypatch, db):
    from extract import splitting

    def broken(source):
        raise KeyError("no such cue\nsecond line")

    monkeypatch.setattr(splitting, "split_source", broken)
    for seconds in (120, 0):  # in a child, and in this process with the limit off
        ingest([seed(3)], db, force=True, limits=Limits(seconds=seconds))
        status, error = _sources(db)[seed(3).name]
        assert status == "failed" and error.startswith("internal error: KeyError"), error
        assert "\n" not in error


def test_too_many_pages_is_refused_with_the_count(tmp_path, db):
    long = text_pdf(tmp_path / "long.pdf", [f"{n} " + "word " * n * 3 for n in range(6)])
    short = text_pdf(tmp_path / "short.pdf", [f"{n} " + "word " * n * 3 for n in range(5)])
    ingest([long, short], db, limits=Limits(max_pages=5))
    status, error = _sources(db)[long.name]
    assert status == "failed" and error.startswith("too many pages: 6 (the limit is 5"), error
    assert _sources(db)[short.name][0] == "ok"


def test_a_decompression_bomb_is_refused_and_a_smaller_one_is_read(tmp_path, db):
    bomb = bomb_pdf(tmp_path / "bomb.pdf", inflated_mb=40)
    assert bomb.stat().st_size < 200_000  # a few kB on disk
    mild = bomb_pdf(tmp_path / "mild.pdf", inflated_mb=4)
    ingest([bomb, mild], db, limits=Limits(max_stream_mb=16))
    status, error = _sources(db)[bomb.name]
    assert status == "failed" and error.startswith("streams too large: over 16 MB decompressed"), error
    assert _sources(db)[mild.name][0] == "ok"


def test_no_shared_pdf_inflates_past_the_deflate_ceiling_the_reader_trusts():
    """The reader skips counting inflated streams where the file is too small to pass the budget
    (1,032 times its size): on every real PDF the full count stays under that ceiling, and a bomb
    is always counted in full."""
    import pymupdf

    from extract.reading.limits import DEFLATE_MAX_RATIO, _stream_size, _stream_xrefs
    from tests.conftest import SHARED

    checked = 0
    for path in sorted(SHARED.glob("corpus/*/*.pdf")):
        if path.name == "bromley-2012-08-17.pdf":  # an HTML page
            continue
        with pymupdf.open(path) as doc:
            inflated = sum(_stream_size(doc, xref, 1 << 40) for xref in _stream_xrefs(doc))
        assert 0 < inflated <= DEFLATE_MAX_RATIO * path.stat().st_size, path.name
        checked += 1
    assert checked > 100
