"""Ofsted monitoring, focused and assurance visit letters and JTAI letters -> monitoring_visits,
their areas and findings.

The type package's faces (see CONTRIBUTING.md): TYPE, VERSION, recognise, parse.

  parse    the entry point: the letter cut along its shape, each field read by one phrase rule
  blocks   a letter's lines as paragraph blocks; headings
  fields   one reader a field: dates, visit number, inspectors, authority, listed areas
  phrases  the phrases those readers look for
Where a letter starts and ends (also asked by the splitter and the report recogniser) is
shared: `parsers.common.ofsted_letters`.
"""
from __future__ import annotations

from parsers.common.ofsted_letters import is_ofsted_letter_start, is_ofsted_sender
from parsers.common.text import clean_line, is_bare_number
from parsers.monitoring_letter.parse import VERSION, parse_monitoring_letter

TYPE = "monitoring_letter"
SUBTYPES: tuple[str, ...] = ()


def recognise(lines: list[str]) -> str | None:
    """'monitoring_letter' when an Ofsted letter opens in these first lines: a visit letter's shape,
    and Ofsted as its sender (letterhead, name or inspectors), never the shape alone."""
    texts = [t for t in (clean_line(l) for l in lines) if t and not is_bare_number(t)]
    return TYPE if is_ofsted_letter_start(texts) and is_ofsted_sender(texts) else None


parse = parse_monitoring_letter

__all__ = ["TYPE", "SUBTYPES", "VERSION", "recognise", "parse", "parse_monitoring_letter"]
