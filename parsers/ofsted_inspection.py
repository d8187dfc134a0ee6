"""Placeholder until the ofsted_inspection parser lands: records the document, extracts nothing."""
from __future__ import annotations

from parsers.result import ParseResult
from schemas.document import Document

VERSION = "0"


def parse_ofsted_inspection(doc: Document) -> ParseResult:
    return ParseResult(warnings=["ofsted_inspection parser not implemented yet"])
