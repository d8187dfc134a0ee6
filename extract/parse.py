"""The parse stage: split documents in, warehouse-shaped rows out.

Each document goes to its type's parser (pure: pages in, records out). A
parser that raises marks its document `failed` with the reason instead of
sinking the source; a type with no parser is kept as `unparsed`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.ocr_marks import mark_ocr
from extract.splitting import content_hash
from parsers.registry import parser_for
from schemas.document import Document
from schemas.provenance import DocumentRow, ParseWarning
from schemas.record import Record


@dataclass
class ParsedDocument:
    """One document's `documents` row, its records and the warnings its parser gave."""

    row: DocumentRow
    records: list[Record] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def parse_documents(documents: list[Document]) -> list[ParsedDocument]:
    return [parse_document(doc) for doc in documents]


def parse_document(doc: Document) -> ParsedDocument:
    """Run the document's parser and shape what it returns for the warehouse."""
    parser = parser_for(doc.doc_type)
    row = DocumentRow(
        document_id=doc.document_id,
        source_id=doc.source_id,
        doc_type=doc.doc_type,
        title=doc.title or None,
        page_start=doc.page_start,
        page_end=doc.page_end,
        line_start=doc.line_start if doc.source_kind == "text" else None,
        line_end=doc.line_end if doc.source_kind == "text" else None,
        local_authority=doc.local_authority,
        document_date=doc.document_date,
        parser=parser.name if parser else None,
        parser_version=parser.version if parser else None,
        content_hash=content_hash(doc.lines),
        status="ok" if parser else "unparsed",
        typing_cues=doc.typing_cues,
        typing_score=doc.typing_score,
        typing_confidence=doc.typing_confidence,
    )
    if parser is None:
        mark_ocr(doc, row, [])
        return ParsedDocument(row)
    try:
        result = parser.parse(doc)
    except Exception as exc:  # a parser bug must not sink the batch: record it on the document
        row.status = "failed"
        row.error = f"{parser.name} parser raised {type(exc).__name__}: {exc}".splitlines()[0][:500]
        return ParsedDocument(row, [], [ParseWarning(document_id=doc.document_id, message=row.error)])
    if result.title:
        row.title = result.title
    if result.local_authority:
        row.local_authority = result.local_authority
    if result.document_date:
        row.document_date = result.document_date
    row.warnings = list(result.warnings)
    warnings = [ParseWarning(document_id=doc.document_id, message=w) for w in result.warnings]
    records = list(result.records)
    mark_ocr(doc, row, records)  # records read from OCR'd pages carry the lowest confidence they used
    return ParsedDocument(row, records, warnings)
