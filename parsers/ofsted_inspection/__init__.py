"""Ofsted inspection reports (ILACS, SIF, older frameworks) and LSCB reviews -> inspections,
judgements, recommendations.

The type package's faces (see CONTRIBUTING.md): TYPE, VERSION, recognise, parse.

One idea a file:
  parse            the entry point: a Document in, a ParseResult out
  entries          a document's lines as the parts read them
  titles           report titles, their framework, and where a report starts (for `recognise`)
  header           title, authority, inspection and publication dates, lead inspector
  areas            printed judgement labels, normalised
  dates            inspection periods (`15 to 26 November 2021`, split fieldwork)
  judgements       the front-page judgement table or sentences, and the LSCB review's judgement
  body_judgements  the judgements 2009-2013 reports print in their body
  recommendations  numbered recommendations and `What needs to improve?` bullets
Shared with other readers, in `parsers.common`: line clean-up (`text`: footnote marks, quotes, page
numbers), Ofsted's grades (`ofsted_grades`) and its frameworks (`ofsted_frameworks`, read from
`ofsted_frameworks.csv`: overall grade or not, the judgements each prints), which `extract check` also reads.
"""
from __future__ import annotations

from parsers.ofsted_inspection.parse import VERSION, parse_ofsted_inspection
from parsers.ofsted_inspection.titles import is_report_start

TYPE = "ofsted_inspection"
SUBTYPES: tuple[str, ...] = ()


def recognise(lines: list[str]) -> str | None:
    """'ofsted_inspection' when a report's title and its dates line open these first lines."""
    return TYPE if is_report_start(lines) == TYPE else None


parse = parse_ofsted_inspection

__all__ = ["TYPE", "SUBTYPES", "VERSION", "recognise", "parse", "parse_ofsted_inspection"]
