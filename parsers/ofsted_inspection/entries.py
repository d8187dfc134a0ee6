"""A document's lines as the Ofsted helpers read them: cleaned, non-empty, no page numbers."""
from __future__ import annotations

from dataclasses import dataclass

from parsers.common.text import clean_line, is_bare_number
from schemas.document import Line


@dataclass(slots=True)
class Entry:
    text: str  # cleaned text
    line: Line  # where it was printed (page, line number)


def entries_of(lines: list[Line]) -> list[Entry]:
    out = []
    for line in lines:
        text = clean_line(line.text)
        if text and not is_bare_number(text):
            out.append(Entry(text, line))
    return out
