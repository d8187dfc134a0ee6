"""Placeholder until the monitoring_letter parser lands: records the document, extracts nothing."""
from __future__ import annotations

from parsers.result import ParseResult
from schemas.document import Document

VERSION = "0"


def parse_monitoring_letter(doc: Document) -> ParseResult:
    return ParseResult(warnings=["monitoring_letter parser not implemented yet"])
