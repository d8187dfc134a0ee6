"""Placeholder until the aip_dashboard parser lands: records the document, extracts nothing."""
from __future__ import annotations

from parsers.result import ParseResult
from schemas.document import Document

VERSION = "0"


def parse_aip_dashboard(doc: Document) -> ParseResult:
    return ParseResult(warnings=["aip_dashboard parser not implemented yet"])
