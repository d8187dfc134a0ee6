"""What every parser returns: records, warnings, and what it learnt about the document."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from schemas.record import Record


@dataclass
class ParseResult:
    records: list[Record] = field(default_factory=list)
    # A field the parser could not read is left empty and named here, never guessed.
    warnings: list[str] = field(default_factory=list)
    # Better metadata than the splitter's first guess (e.g. the minutes' meeting date).
    title: str | None = None
    local_authority: str | None = None
    document_date: date | None = None
