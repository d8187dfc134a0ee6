"""Bad input: one clear line, a `sources` row with its status, no partial rows, the batch goes on."""
from __future__ import annotations

import pytest
import os
from pathlib import Path

import duckdb

from extract.pipeline import ingest
from tests.conftest import OFSTED, seed
from tests.pdf_factory import encrypted_pdf, image_only_pdf, text_pdf

GOOD_REPORT = OFSTED / "bedford-2022-01-14.pdf"


def _sources(db: Path) -> dict[str, tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {name: (status, error) for name, status, error in con.execute("SELECT file_name, status, error FROM sources").fetchall()}
    finally:
        con.close()


def _documents_of(db: Path, file_name: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT count(*) FROM documents d JOIN sources s USING (source_id) WHERE s.file_name = ?", [file_name]
        ).fetchone()[0]
    finally:
        con.close()


def _check_failed(db: Path, path: Path, words: str) -> None:
    status, error = _sources(db)[path.name]
    assert status == "failed"
    assert words in error.lower(), error
    assert "\n" not in error and "Traceback" not in error
    assert _documents_of(db, path.name) == 0


def _ingest_with_good(tmp_path: Path, bad: Path, db: Path):
    report = ingest([bad, GOOD_REPORT], db)
    assert _sources(db)[GOOD_REPORT.name][0] == "ok"  # the batch carried on
    assert _documents_of(db, GOOD_REPORT.name) == 1
    return report


def test_zero_byte_file(tmp_path, db):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    report = _ingest_with_good(tmp_path, bad, db)
    _check_failed(db, bad, "empty file")
    assert [f.status for f in report.files] == ["failed", "ok"]


@pytest.mark.parametrize("name, data", [("blank.pdf", b"\n \r\n\t "), ("blank.txt", b"\n\n   \n\x0c\n")])
def test_a_file_of_white_space_only_is_empty(tmp_path, db, name, data):
    bad = tmp_path / name
    bad.write_bytes(data)
    report = _ingest_with_good(tmp_path, bad, db)
    _check_failed(db, bad, "empty file (only white space)")
    assert [f.status for f in report.files] == ["failed", "ok"]


def test_truncated_pdf(tmp_path, db):
    bad = tmp_path / "truncated.pdf"
    data = GOOD_REPORT.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    _ingest_with_good(tmp_path, bad, db)
    _check_failed(db, bad, "truncated pdf")


def test_corrupt_pdf(tmp_path, db):
    bad = tmp_path / "corrupt.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    _ingest_with_good(tmp_path, bad, db)
    status, error = _sources(db)[bad.name]
    assert status == "failed" and ("corrupt pdf" in error.lower() or "truncated pdf" in error.lower())


def test_encrypted_pdf_needing_a_password(tmp_path, db):
    bad = encrypted_pdf(tmp_path / "locked.pdf", user_password="secret")
    _ingest_with_good(tmp_path, bad, db)
    _check_failed(db, bad, "encrypted (password needed)")


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path, db):
    pdf = encrypted_pdf(tmp_path / "owner-only.pdf", user_password="")
    ingest([pdf], db)
    status, error = _sources(db)[pdf.name]
    assert status == "ok", error
    assert _documents_of(db, pdf.name) == 1


def test_html_saved_as_pdf(tmp_path, db):
    real = OFSTED / "bromley-2012-08-17.pdf"  # the corpus's own failed download
    _ingest_with_good(tmp_path, real, db)
    _check_failed(db, real, "not a pdf")


def test_non_pdf_named_pdf(tmp_path, db):
    bad = tmp_path / "notes.pdf"
    bad.write_text("just some notes, not a PDF at all")
    _ingest_with_good(tmp_path, bad, db)
    _check_failed(db, bad, "not a pdf")


def test_image_only_scan_with_nothing_to_read_fails_after_ocr(tmp_path, db):
    bad = image_only_pdf(tmp_path / "scan.pdf")  # a blank grey picture: OCR runs and finds no text
    _ingest_with_good(tmp_path, bad, db)
    _check_failed(db, bad, "ocr found no text")


def test_image_only_scan_without_an_ocr_engine_needs_ocr(tmp_path, db, no_ocr_engine):
    bad = image_only_pdf(tmp_path / "scan.pdf")
    with pytest.warns(UserWarning, match="needs_ocr"):
        report = _ingest_with_good(tmp_path, bad, db)
    status, error = _sources(db)[bad.name]
    assert status == "needs_ocr"
    assert "needs OCR" in error and "no OCR engine" in error and "\n" not in error
    assert _documents_of(db, bad.name) == 0
    assert bad.name in {Path(f.path).name for f in report.failures}


def test_folder_with_unreadable_and_unsupported_files(tmp_path, db):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "good.txt").write_bytes(seed(3).read_bytes())
    (folder / "dangling.pdf").symlink_to(tmp_path / "missing.pdf")  # unreadable even as root
    locked = folder / "locked.pdf"
    locked.write_bytes(GOOD_REPORT.read_bytes())
    locked.chmod(0)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")  # not a paper: not picked up
    report = ingest([folder], db)
    statuses = _sources(db)
    assert statuses["good.txt"][0] == "ok"
    assert statuses["dangling.pdf"][0] == "failed" and "cannot read" in statuses["dangling.pdf"][1]
    if os.geteuid() != 0:  # root reads a chmod-0 file anyway
        assert statuses["locked.pdf"][0] == "failed"
    assert "picture.png" not in statuses
    assert any(f.status == "failed" for f in report.files)


def test_missing_path_is_recorded_not_raised(tmp_path, db):
    report = ingest([tmp_path / "nowhere.pdf"], db)
    assert report.files[0].status == "failed" and "no such file" in report.files[0].error


def test_parser_crash_keeps_the_document_and_marks_the_source_partial(tmp_path, db, monkeypatch):
    from parsers import registry

    def explode(doc):
        raise RuntimeError("boom")

    broken = registry.Parser("ofsted_inspection", "crash-test", explode)
    monkeypatch.setitem(registry.PARSERS, "ofsted_inspection", broken)
    ingest([GOOD_REPORT], db)
    status, error = _sources(db)[GOOD_REPORT.name]
    assert status == "partial" and "boom" in error
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT status FROM documents").fetchall() == [("failed",)]
    assert con.execute("SELECT count(*) FROM ofsted_judgements").fetchone()[0] == 0


def test_a_failed_write_leaves_no_half_of_the_source(tmp_path, db, monkeypatch):
    """If writing a source's part fails midway, nothing of the file stays but its failed status."""
    from extract.warehouse import parts

    ingest([seed(3)], db)  # something already there, that must survive untouched
    original = parts.write_parquet
    calls = {"n": 0}

    def flaky(table, where):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("disk full")
        return original(table, where)

    monkeypatch.setattr(parts, "write_parquet", flaky)
    pdf = text_pdf(tmp_path / "pack.pdf", ["Report title: A\n\nPurpose of the report\nText of the report here."])
    ingest([pdf], db)
    monkeypatch.setattr(parts, "write_parquet", original)
    assert calls["n"] == 1  # the part folder was made, its first table failed
    status, error = _sources(db)[pdf.name]
    assert status == "failed" and "disk full" in error
    assert _documents_of(db, pdf.name) == 0
    assert _sources(db)[seed(3).name][0] == "ok" and _documents_of(db, seed(3).name) == 1
    assert not list((tmp_path / "warehouse.parts" / ".tmp").iterdir())  # the half-written part was thrown away
