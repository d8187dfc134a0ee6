"""What the parsers know about how their documents look, offered to the splitter.

The cue table (`cues.py`) finds most starts. A run of lines that no cue
opened is shown to these recognisers, each written beside the parser that
knows the layout, before the generic fallbacks. Each takes the first
non-empty lines as strings and answers a document type or None.
"""
from __future__ import annotations

from typing import Callable

from parsers.improvement.kind import improvement_kind
from parsers.minutes import minutes_kind
from parsers.ofsted import is_report_start
from parsers.scorecard import scorecard_kind

RECOGNISERS: list[Callable[[list[str]], str | None]] = [is_report_start, improvement_kind, scorecard_kind, minutes_kind]


def recognise(lines: list[str]) -> str | None:
    for recogniser in RECOGNISERS:
        kind = recogniser(lines)
        if kind:
            return kind
    return None
