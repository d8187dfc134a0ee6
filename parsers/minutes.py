"""Placeholder until the minutes parser lands: records the document, extracts nothing."""
from __future__ import annotations

from parsers.result import ParseResult
from schemas.document import Document

VERSION = "0"


def parse_minutes(doc: Document) -> ParseResult:
    return ParseResult(warnings=["minutes parser not implemented yet"])
