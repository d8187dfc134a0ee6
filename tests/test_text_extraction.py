"""A pdftotext-style text extraction (pages split by form feeds) reads as its PDF does.

The text copies here are made from the shared PDFs the way pdftotext lays them out: each page's text,
pages joined by a form feed. A page that opens with blank lines then prints its form feed alone on a
line, and every page after the first opens with the report's running header.
"""
from __future__ import annotations

from pathlib import Path

import pymupdf

from extract.parse import parse_documents
from extract.reading import read_source
from extract.reading.text import read_text_pages
from extract.splitting import split_source
from tests.conftest import SHARED

HALTON = SHARED / "corpus" / "ofsted-national" / "halton-2024-07-12.pdf"


def _as_text(pdf: Path, folder: Path) -> Path:
    with pymupdf.open(pdf) as doc:
        text = "\f".join(page.get_text() for page in doc)
    out = folder / (pdf.stem + ".txt")
    out.write_text(text, encoding="utf-8")
    return out


def _records(path: Path, model: str) -> list[dict]:
    docs = parse_documents(split_source(read_source(path)))
    return [r.model_dump(exclude={"document_id", "page", "line"}) for d in docs for r in d.records
            if type(r).__name__ == model]


def test_a_form_feed_alone_on_its_line_still_starts_a_page():
    # "\f" then a newline: the page opened with a blank line. Cleaning a line strips its trailing white
    # space, and took the form feed with it: the three pages read as one.
    pages = read_text_pages(b"first page\n\f\n \nsecond page\n\f third page\n\f\f\nlast\n")
    assert [[l.text for l in p.lines if l.text.strip()] for p in pages] == [
        ["first page"], ["second page"], [" third page"], [], ["last"]]


def test_a_text_extraction_of_an_ofsted_report_has_its_pdfs_pages_without_the_running_header(tmp_path):
    text = read_source(_as_text(HALTON, tmp_path))
    with pymupdf.open(HALTON) as doc:
        assert len(text.pages) == doc.page_count == 13
    # p3 of the PDF opens "Inspection of Halton local authority children's services / 13 to 24 May 2024 / 3"
    # (read from the PDF's text layer); every page after the first does.
    openings = [[l.text.strip() for l in p.lines if l.text.strip()][:1] for p in text.pages[1:]]
    assert all(o and not o[0].startswith("Inspection of Halton") for o in openings), openings[:3]
    assert text.pages[2].label == "3"  # the bare page number under the header is taken off as the label
    first = [l.text.strip() for l in text.pages[0].lines if l.text.strip()]
    assert first[:2] == ["Inspection of Halton local authority", "children’s services"]  # p1: the title stays


def test_a_recommendation_list_that_runs_over_a_page_break_reads_whole_from_text(tmp_path):
    # Halton 2024, "What needs to improve?": ten points on p2 and two more on p3, after the running header.
    from_pdf = _records(HALTON, "OfstedRecommendation")
    from_text = _records(_as_text(HALTON, tmp_path), "OfstedRecommendation")
    assert len(from_pdf) == 12
    assert from_text == from_pdf
    assert from_text[-1]["text"].startswith("The quality of supervision and oversight of frontline practitioners")


def test_a_line_repeated_at_page_tops_but_at_different_ranks_is_content():
    # ModernGov minutes print "(Item 3)" near many page tops, at different places: content, not a header.
    pages = read_text_pages("\f".join(
        f"Kent County Council minutes\n{'x ' * k}\n(Item {k})\nbody {k}\n" if k % 2 else
        f"Kent County Council minutes\n(Item {k})\nbody {k}\n" for k in range(1, 6)).encode())
    kept = [[l.text for l in p.lines if l.text.strip()] for p in pages]
    assert all("Kent County Council minutes" not in p for p in kept[1:])  # rank 0 on every page: a header
    assert [t for p in kept for t in p if t.startswith("(Item")] == [f"(Item {k})" for k in range(1, 6)]
