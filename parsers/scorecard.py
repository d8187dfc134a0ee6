"""Placeholder until the scorecard parser lands: records the document, extracts nothing."""
from __future__ import annotations

from parsers.result import ParseResult
from schemas.document import Document

VERSION = "0"


def parse_scorecard(doc: Document) -> ParseResult:
    return ParseResult(warnings=["scorecard parser not implemented yet"])


def parse_scorecard_commentary(doc: Document) -> ParseResult:
    return ParseResult(warnings=["scorecard commentary parser not implemented yet"])
