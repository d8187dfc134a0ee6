"""Base class for every row the pipeline writes.

Each record type names its warehouse table in `table` and, optionally, the
columns that identify a row within a document in `key` (used by the golden
harness to pair expected and actual rows). The DuckDB schema is derived from
these models in one place: `extract/warehouse/ddl.py`.
"""
from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    table: ClassVar[str]
    key: ClassVar[tuple[str, ...]] = ()

    document_id: str
    page: int | None = None  # page of the source the fact was printed on
    line: int | None = None  # line of the source (text sources), or first line index (PDF)
    # Set only for a fact read from an OCR'd page: the lowest OCR confidence (0-1) among
    # the words it was read from, so OCR values can be filtered or reviewed.
    ocr_confidence: float | None = None
