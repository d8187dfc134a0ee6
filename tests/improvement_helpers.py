"""Helpers for the improvement-plan parser tests: documents from seed 002 and from small texts."""
from __future__ import annotations

from pathlib import Path

from extract.golden.compare import GoldenResult, compare_document, load_golden, select_document
from extract.reading import read_source
from extract.reading.text import read_text_pages
from extract.splitting import split_source
from extract.splitting.document import make_document
from parsers.registry import parser_for
from schemas.document import Document, Source

ROOT = Path(__file__).resolve().parents[1]
SEED_002 = next((ROOT / ".." / "shared" / "seeds").resolve().glob("002_*.txt"))
GOLDEN = ROOT / "corpus" / "golden" / "improvement"

_split_cache: dict[str, list[Document]] = {}


def seed_documents() -> list[Document]:
    if "002" not in _split_cache:
        _split_cache["002"] = split_source(read_source(SEED_002))
    return _split_cache["002"]


def seed_document(doc_type: str) -> Document:
    docs = [d for d in seed_documents() if d.doc_type == doc_type]
    assert len(docs) == 1, f"expected one {doc_type} in seed 002, the splitter gave {len(docs)}"
    return docs[0]


def document_from_text(text: str, doc_type: str) -> Document:
    """A document over a small pdftotext-style text (form feeds split pages)."""
    pages = read_text_pages(text.encode("utf-8"))
    source = Source(source_id="0" * 64, path="synthetic.txt", kind="text", pages=pages)
    return make_document(source, source.lines, doc_type)


def score_golden(name: str) -> GoldenResult:
    """Compare a golden file of this folder with the parsers' output on the splitter's documents."""
    path = GOLDEN / name
    golden = load_golden(path)
    produced, rows = [], {}
    for d in seed_documents():
        if d.doc_type not in {g["select"]["doc_type"] for g in golden["documents"]}:
            continue
        result = parser_for(d.doc_type).parse(d)
        produced.append({"doc_type": d.doc_type, "line_start": d.line_start, "line_end": d.line_end,
                         "page_start": d.page_start, "page_end": d.page_end, "document_id": d.document_id,
                         "title": result.title or d.title, "document_date": result.document_date})
        for rec in result.records:
            rows.setdefault(rec.table, []).append(rec.model_dump())
    score = GoldenResult(str(path))
    for gdoc in golden["documents"]:
        compare_document(gdoc, select_document(gdoc["select"], produced), rows, score)
    return score
