"""Provenance tables: one row per input file and per document found in it."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from pydantic import BaseModel


class SourceRow(BaseModel):
    table: ClassVar[str] = "sources"

    source_id: str
    path: str
    file_name: str
    pages: int | None = None
    status: str  # ok | partial | failed | needs_ocr (image pages left unread: no OCR engine)
    error: str | None = None
    ingested_at: datetime
    kind: str | None = None  # pdf | text
    bytes: int | None = None
    splitter_version: str | None = None  # the splitter that cut it into documents
    ocr_pages: int | None = None  # how many of its pages were read by OCR


class DocumentRow(BaseModel):
    table: ClassVar[str] = "documents"

    document_id: str
    source_id: str
    doc_type: str
    title: str | None = None
    page_start: int
    page_end: int
    line_start: int | None = None
    line_end: int | None = None
    local_authority: str | None = None
    document_date: date | None = None
    parser: str | None = None
    parser_version: str | None = None
    content_hash: str
    status: str = "ok"  # ok | failed (parser raised) | unparsed (no parser for this type)
    error: str | None = None
    warnings: list[str] = []
    # How the splitter typed it (extract/splitting/confidence.py): the cues it read, their score, and
    # `low` (one weak cue), `medium` or `high`.
    typing_cues: list[str] = []
    typing_score: int | None = None
    typing_confidence: str | None = None
    ocr_pages: list[int] = []  # its pages read by OCR (their records carry ocr_confidence)


class ParseWarning(BaseModel):
    """Not a contract table: why a field was left empty, per document."""

    table: ClassVar[str] = "parse_warnings"

    document_id: str
    message: str
