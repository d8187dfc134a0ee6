"""The validate stage: what a parser returned, checked before anything is written.

Records are Pydantic models, validated when a parser builds them. This stage
checks what construction cannot: that each record is of a type the warehouse
has a table for and belongs to the document that produced it. A record that
fails is dropped with a warning on its document, never stored half-right. Column types are checked once more when
the load stage turns the rows into Arrow tables with the warehouse's schema.
"""
from __future__ import annotations

from extract.parse import ParsedDocument
from schemas import RECORD_MODELS
from schemas.provenance import ParseWarning

_TABLED = set(RECORD_MODELS)


def validate(parsed: list[ParsedDocument]) -> list[ParsedDocument]:
    for doc in parsed:
        kept = []
        for record in doc.records:
            problem = record_problem(record, doc.row.document_id)
            if problem is None:
                kept.append(record)
                continue
            message = f"record dropped: {problem}"
            doc.row.warnings.append(message)
            doc.warnings.append(ParseWarning(document_id=doc.row.document_id, message=message))
        doc.records = kept
    return parsed


def record_problem(record, document_id: str) -> str | None:
    if type(record) not in _TABLED:
        return f"{type(record).__name__} has no warehouse table"
    if record.document_id != document_id:
        return f"{record.table} row names document {record.document_id}, not the one it was read from"
    return None
