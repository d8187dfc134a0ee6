"""Performance scorecards and their commentary -> scorecard_values, scorecard_risks,
scorecard_commentary.

The type package's faces (see CONTRIBUTING.md): TYPE, VERSION, recognise, parse. It parses two
types: the scorecard itself and `scorecard_commentary`, the numbered paragraphs printed with it;
`recognise` tells which one a run of lines opens.

  parse        the entry points and the recogniser (`scorecard_kind`)

  columns      table headers -> period columns (`2016/17`, `Target 2016/17`, `Q3 (2014/15)`)
  rows         a row's anchor: its reporting basis and figures, its indicator, its comment
  text_layout  text extractions: rows and headers in reading order (headers printed after rows)
  text_columns layout-preserving texts whose header labels its columns: read as a PDF, x = character offset
  tables       which table, and so which columns, each row of a group belongs to
  pdf_layout   PDFs: words regrouped into lines, figures placed in columns by x-position
  header_cells PDFs: what each header cell holds (period, target, comparator, RAG, ref …) and its reach
  marks        a row's ref, polarity, RAG and direction of travel, as printed
  values       placed rows -> ScorecardValue records, comparators from comments
  risks        risk register rows and ratings quoted in prose
  risk_labels  the column labels over a register row's ratings (Inherent, Q1 … Target)
  commentary   numbered commentary paragraphs and the figures they quote

  KPI cards (one block per indicator), read into the same ScorecardValue model as table rows:
  card_labels  the labels a card prints beside its values (card_labels.json: Latest/Actual/Current …)
  card_rows    a page's card columns and rows; each row read as labelled values or text
  cards        rows -> cards: name, labelled values, commentary; cards broken over a page
  card_values  a card -> ScorecardValue records (latest, target, floor, previous, RAG and its source)
  rag_colours  a RAG shown only as a fill colour: hue -> Red / Amber / Green / Blue
  table_fills  table rows: RAG from a filled cell, period dates

Value tokens (`49.1 %`, `£2,786`, `?`) and their units are read by `parsers.common.figures`, which
the dedupe stage's commentary links also read.
"""
from __future__ import annotations

from parsers.result import ParseResult
from parsers.scorecard.parse import VERSION, parse_scorecard, parse_scorecard_commentary, scorecard_kind
from schemas.document import Document

TYPE = "scorecard"
SUBTYPES: tuple[str, ...] = ("scorecard_commentary",)
# A table row or card may show its RAG only as a fill colour (`rag_colours`, `table_fills`).
COLOUR_TYPES = ("scorecard",)
recognise = scorecard_kind


def parse(document: Document) -> ParseResult:
    if document.doc_type == "scorecard_commentary":
        return parse_scorecard_commentary(document)
    return parse_scorecard(document)


__all__ = ["TYPE", "SUBTYPES", "COLOUR_TYPES", "VERSION", "recognise", "parse", "parse_scorecard", "parse_scorecard_commentary",
           "scorecard_kind"]
