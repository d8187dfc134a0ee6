"""Placeholder until the improvement_grid parser lands: records the document, extracts nothing."""
from __future__ import annotations

from parsers.result import ParseResult
from schemas.document import Document

VERSION = "0"


def parse_improvement_grid(doc: Document) -> ParseResult:
    return ParseResult(warnings=["improvement_grid parser not implemented yet"])
