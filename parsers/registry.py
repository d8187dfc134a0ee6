"""The registry: the one list of document types the pipeline parses.

Each entry is a type package (`parsers/<type>/`) with the same faces:
  TYPE       the document type it parses (`documents.doc_type`)
  SUBTYPES   further types the same package parses (the scorecard's commentary), often none
  VERSION    bump when its output changes: ingest re-parses documents of an older version
  recognise  lines -> a type or None: asked by the splitter, in this list's order, for a run of
             lines that no cue opened (and to confirm a weak cue)
  parse      Document -> ParseResult: pure, pages in, records out; no file or database access
  COLOUR_TYPES (optional) the types among TYPE and SUBTYPES whose parser reads the pages' status
             colours (`Page.fills`): the reader reads them for those documents' pages only

Adding a type is one package and one line in TYPE_PACKAGES (see CONTRIBUTING.md). Nothing else
imports a parser by name.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from parsers import aip_dashboard, improvement_grid, minutes, monitoring_letter, ofsted_inspection, scorecard
from parsers.result import ParseResult
from schemas.document import Document

# Order matters for `recognise`: an Ofsted letter before a report (a report never opens with
# 'Dear'), the plans' titles before a scorecard's periods, minutes last (their cues are the loosest).
TYPE_PACKAGES: tuple[ModuleType, ...] = (
    monitoring_letter,
    ofsted_inspection,
    improvement_grid,
    aip_dashboard,
    scorecard,
    minutes,
)


@dataclass(frozen=True)
class Parser:
    name: str
    version: str
    parse: Callable[[Document], ParseResult]
    reads_colours: bool = False  # reads `Page.fills` (extract/reading/colours.py)


PARSERS: dict[str, Parser] = {
    name: Parser(name, package.VERSION, package.parse, name in getattr(package, "COLOUR_TYPES", ()))
    for package in TYPE_PACKAGES
    for name in (package.TYPE, *package.SUBTYPES)
}


def parser_for(doc_type: str) -> Parser | None:
    return PARSERS.get(doc_type)


def recognise(lines: list[str]) -> str | None:
    """The first type package that recognises these opening lines, in TYPE_PACKAGES order."""
    for package in TYPE_PACKAGES:
        kind = package.recognise(lines)
        if kind:
            return kind
    return None
