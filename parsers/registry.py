"""The parser registry: which pure function parses which document type.

A parser takes a `schemas.document.Document` and returns a `ParseResult`. It
never touches files or the database. Bump a parser's VERSION when its output
changes: ingest re-parses documents whose stored parser_version differs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from parsers import aip_dashboard, improvement_grid, minutes, monitoring_letter, ofsted_inspection, scorecard
from parsers.result import ParseResult
from schemas.document import Document


@dataclass(frozen=True)
class Parser:
    name: str
    version: str
    parse: Callable[[Document], ParseResult]


PARSERS: dict[str, Parser] = {
    "ofsted_inspection": Parser("ofsted_inspection", ofsted_inspection.VERSION, ofsted_inspection.parse_ofsted_inspection),
    "monitoring_letter": Parser("monitoring_letter", monitoring_letter.VERSION, monitoring_letter.parse_monitoring_letter),
    "minutes": Parser("minutes", minutes.VERSION, minutes.parse_minutes),
    "scorecard": Parser("scorecard", scorecard.VERSION, scorecard.parse_scorecard),
    "scorecard_commentary": Parser("scorecard_commentary", scorecard.VERSION, scorecard.parse_scorecard_commentary),
    "aip_dashboard": Parser("aip_dashboard", aip_dashboard.VERSION, aip_dashboard.parse_aip_dashboard),
    "improvement_grid": Parser("improvement_grid", improvement_grid.VERSION, improvement_grid.parse_improvement_grid),
}


def parser_for(doc_type: str) -> Parser | None:
    return PARSERS.get(doc_type)
