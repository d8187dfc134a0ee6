"""Image-only pages through the whole ingest: read by OCR, parsed unchanged, marked as OCR.

The fixtures in corpus/fixtures/ocr/ are real pages rendered at 200 dpi
grayscale with no text layer (built by its build_ocr_fixtures.py): page 1 of
Bedford's 2022 Ofsted report, and the Assessment & Safeguarding page of the
scorecard fixture. The engine really runs, on these two pages only (a few
seconds each); everything else reuses its cached results.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pymupdf
import pytest

from extract.pipeline import ingest
from extract.scanned_copy import text_layer_copy
from tests.conftest import OFSTED, ROOT

OCR_FIXTURES = ROOT / "corpus" / "fixtures" / "ocr"
BEDFORD_SCAN = OCR_FIXTURES / "bedford-2022-01-14-p1-scan.pdf"
SCORECARD_SCAN = OCR_FIXTURES / "scorecard-assessment-page-scan.pdf"
SCORECARD = ROOT / "corpus" / "fixtures" / "scorecard" / "scorecard_q4_2016_17.pdf"
SCORECARD_PAGE = 3  # the page the scan fixture was rendered from


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _of_file(table: str, columns: str) -> str:
    return (f"SELECT {columns} FROM {table} t JOIN documents d USING (document_id) "
            "JOIN sources s USING (source_id) WHERE s.file_name = ?")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> tuple[Path, object]:
    """The two scans, the original Bedford report and the scorecard page's text-layer copy, in one ingest."""
    folder = tmp_path_factory.mktemp("ocr-pack")
    (folder / "bedford-original.pdf").write_bytes((OFSTED / "bedford-2022-01-14.pdf").read_bytes())
    (folder / "scorecard-text.pdf").write_bytes(text_layer_copy(SCORECARD.read_bytes(), [SCORECARD_PAGE]))
    for scan in (BEDFORD_SCAN, SCORECARD_SCAN):
        (folder / scan.name).write_bytes(scan.read_bytes())
    db = folder / "warehouse.duckdb"
    report = ingest([folder], db)
    return db, report


def test_the_fixtures_are_image_only():
    for scan in (BEDFORD_SCAN, SCORECARD_SCAN):
        with pymupdf.open(scan) as doc:
            assert all(not page.get_text("words") and page.get_images() for page in doc)


def test_an_image_only_ofsted_report_gives_the_same_judgements_as_the_original(warehouse):
    db, _ = warehouse
    original = set(_rows(db, _of_file("ofsted_judgements", "t.area, t.grade"), ["bedford-original.pdf"]))
    scanned = set(_rows(db, _of_file("ofsted_judgements", "t.area, t.grade"), [BEDFORD_SCAN.name]))
    assert len(original) == 4  # ILACS: leadership, help and protection, children in care, overall
    assert scanned == original


def test_an_image_only_ofsted_report_gives_the_same_front_page_fields(warehouse):
    db, _ = warehouse
    cols = "t.local_authority, t.framework, t.inspection_start, t.inspection_end, t.lead_inspector"
    (original,) = _rows(db, _of_file("ofsted_inspections", cols), ["bedford-original.pdf"])
    (scanned,) = _rows(db, _of_file("ofsted_inspections", cols), [BEDFORD_SCAN.name])
    assert original[0] == "Bedford" and original[4] == "Margaret Burke"
    assert scanned == original


def test_every_record_read_by_ocr_is_marked_and_text_layer_records_are_not(warehouse):
    db, _ = warehouse
    for table in ("ofsted_inspections", "ofsted_judgements", "scorecard_values"):
        for name in (BEDFORD_SCAN.name, SCORECARD_SCAN.name):
            marks = [m for (m,) in _rows(db, _of_file(table, "t.ocr_confidence"), [name])]
            assert all(m is not None and 0.0 < m <= 1.0 for m in marks), (table, name, marks)
        for name in ("bedford-original.pdf", "scorecard-text.pdf"):
            assert all(m is None for (m,) in _rows(db, _of_file(table, "t.ocr_confidence"), [name]))
    marked = _rows(db, _of_file("ofsted_judgements", "t.ocr_confidence"), [BEDFORD_SCAN.name])
    assert marked and len({m for (m,) in marked}) >= 2, "confidence follows the words each record used"


def test_an_image_only_scorecard_page_gives_its_values_marked_as_ocr(warehouse):
    db, _ = warehouse
    cols = "t.section, t.indicator, t.period, t.is_target, t.comparator, t.value, t.value_text"
    text_layer = set(_rows(db, _of_file("scorecard_values", cols), ["scorecard-text.pdf"]))
    scanned = set(_rows(db, _of_file("scorecard_values", cols), [SCORECARD_SCAN.name]))
    assert len(text_layer) >= 20
    assert scanned == text_layer


def test_pages_and_documents_say_they_were_ocrd(warehouse):
    db, report = warehouse
    by_name = {Path(f.path).name: f for f in report.files}
    assert by_name[BEDFORD_SCAN.name].ocr_pages == 1 and by_name["bedford-original.pdf"].ocr_pages == 0
    assert by_name[BEDFORD_SCAN.name].status == "ok"
    (pages,) = _rows(db, "SELECT ocr_pages FROM sources WHERE file_name = ?", [SCORECARD_SCAN.name])
    assert pages == (1,)
    docs = _rows(db, "SELECT d.ocr_pages FROM documents d JOIN sources s USING (source_id) WHERE s.file_name = ?",
                 [SCORECARD_SCAN.name])
    assert docs and all(list(p) == [1] for (p,) in docs)


def test_a_dedupled_fact_printed_only_in_a_scan_stays_marked(warehouse):
    db, _ = warehouse
    # The scan and the text-layer copy print the same figures: facts confirmed by a text layer are not OCR values.
    facts = _rows(db, "SELECT ocr_confidence, occurrences FROM scorecard_facts")
    assert facts and all(m is None for m, n in facts if n >= 2)


def _mixed_pack(path: Path) -> Path:
    """A text page followed by the scanned scorecard page, as a pack with a pasted-in picture."""
    out = pymupdf.open()
    out.insert_pdf(pymupdf.open(SCORECARD), from_page=1, to_page=1)
    out.insert_pdf(pymupdf.open(SCORECARD_SCAN))
    out.save(path)
    return path


def test_a_pack_with_an_image_page_and_no_engine_is_needs_ocr_then_read_once_one_is_there(
        warehouse, tmp_path, no_ocr_engine, monkeypatch):
    pack = _mixed_pack(tmp_path / "pack.pdf")
    db = tmp_path / "w.duckdb"
    with pytest.warns(UserWarning, match="not installed"):
        ingest([pack], db)
    ((status, error),) = _rows(db, "SELECT status, error FROM sources")
    assert status == "needs_ocr" and "pages 2" in error and "no OCR engine" in error
    assert _rows(db, "SELECT count(*) FROM scorecard_values")[0][0] > 0, "the text page is still read"
    assert _rows(db, "SELECT count(*) FROM scorecard_values WHERE ocr_confidence IS NOT NULL") == [(0,)]

    monkeypatch.undo()  # the engine is back (the module's ingest OCR'd this page image: a cache hit)
    report = ingest([pack], db)
    assert report.files[0].status == "ok" and report.files[0].ocr_pages == 1
    assert _rows(db, "SELECT count(*) FROM scorecard_values WHERE ocr_confidence IS NOT NULL")[0][0] >= 20
