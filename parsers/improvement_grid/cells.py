"""What a grid is made of: its title, AFI and field lines, who/when anchors, and the blocks, areas
and rows read from them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.common.dates import MONTH, ORDINAL
from parsers.common.plan_labels import join_wrapped, squash
from schemas.document import Line

TITLE = re.compile(r"^\s*(?:appendix\s+\w+\s*[–-]\s*)?improvement\s+activity\s+grid\s*$", re.I)
GRID_DATE = re.compile(rf"\bgrid\b.*?(\d{{1,2}}){ORDINAL}\s+({MONTH})\s+(\d{{4}})", re.I)
AFI = re.compile(
    r"^\s*(?:AFI|area\s+for\s+improvement)\s*(?P<number>\d+)?\s*:?\s*(?P<name>.*?)\s*"
    r"(?:priority\s+level\s*:?\s*(?P<levels>.*))?$",
    re.I,
)
FIELD = re.compile(r"^\s*(?P<label>issues|evidence|services)\b\s*:?\s*(?P<rest>.*)$", re.I)
COLUMN_HEADINGS = re.compile(r"\bwho\?.*\bwhen\?", re.I)
HEADING_WORDS = re.compile(r"^\s*(?:(?:improvement|outline|action|actions|status|rag|impact|delivery|who\??|when\??)\s*)+$", re.I)
# The ticked level: a mark after it (`H X M L`) or a checked box before it.
LEVELS = re.compile(r"\b(high|medium|low|H|M|L)\b(?=\s*(?:\bX\b|[☒☑✓✔]))|[☒☑✓✔]\s*\b(high|medium|low|H|M|L)\b", re.I)

_WHEN = (
    rf"(?:(?:from|by|end|mid|early|late)\s+)?(?:\d{{1,2}}\s+)?{MONTH}\.?(?:\s*[-–/]\s*{MONTH}\.?)?(?:\s+\d{{4}}|\s+\d{{2}}\b)?"
    r"(?:\s*[-–]\s*" + MONTH + r"\.?)?"
    r"|continuing|rolling|ongoing|on-going|immediate(?:ly)?|\d{4}"
)
_INITIALS = r"[A-Z]{2,3}"
# Words that open a when cell, never part of a name.
_NOT_NAME = rf"(?!(?i:from|by|end|mid|early|late|continuing|rolling|ongoing|{MONTH})\b)"
_WORD = rf"{_NOT_NAME}[A-Z][a-z]+"
_FULL_NAME = rf"{_WORD}\s+{_WORD}"  # a person: first and last name
# Owners as printed: initials or full names, listed with / , & and; after a
# separator a single word may follow (`RT/Academy`).
_WHO = rf"(?:{_INITIALS}|{_FULL_NAME})(?:\s*(?:/|,|&|\band\b)\s*(?:{_INITIALS}|{_FULL_NAME}|{_WORD}))*"
# A who/when cell opening a line: `KJ/TL June/July 2020 Planning and`.
ANCHOR = re.compile(rf"^(?P<who>{_WHO})\s+(?P<when>(?i:{_WHEN}))(?=\s|$)(?P<status>.*)$")
# The same inside a line, after the outline and action cells it shares a line with.
ANCHOR_INSIDE = re.compile(rf"\s(?P<who>{_INITIALS}(?:\s*(?:/|,)\s*{_INITIALS})*)\s+(?P<when>(?i:{_WHEN}))(?=\s|$)(?P<status>.*)$")
WHO_ONLY = re.compile(rf"^(?:{_WHO})(?:\s+with)?$")
NAME_WORD = re.compile(rf"^{_WORD}$")
WHEN_START = re.compile(rf"^(?P<when>(?i:{_WHEN}))(?=\s|$)(?P<status>.*)$")
RAG_WORD = re.compile(r"\s+(red|amber|green|blue|red/amber|amber/green)\s*$", re.I)
_NARROW = 24  # longest line of a narrow (outline) column block, in characters


@dataclass
class Block:
    lines: list[Line]
    after_page_break: bool = False

    @property
    def texts(self) -> list[str]:
        return [squash(l.text) for l in self.lines]

    @property
    def text(self) -> str:
        out = ""
        for t in self.texts:
            out = join_wrapped(out, t)
        return out

    @property
    def narrow(self) -> bool:
        return max(len(t) for t in self.texts) <= _NARROW


@dataclass
class Area:
    name: str
    number: str | None
    level: str | None
    fields: dict[str, list[str]] = field(default_factory=dict)
    line: Line | None = None
    # PDF only: left edge of each column, from the heading words' positions.
    columns: dict[str, float] = field(default_factory=dict)

    def column_of(self, block: "Block") -> str | None:
        x0 = block.lines[0].x0
        if x0 is None or not self.columns:
            return None
        left = [(edge, name) for name, edge in self.columns.items() if edge <= x0 + 3]
        return max(left)[1] if left else None


@dataclass
class Row:
    area: Area
    line: Line
    outline: str | None
    action: str
    who: str | None = None
    when: str | None = None
    status: list[str] = field(default_factory=list)
    impact: list[str] = field(default_factory=list)
    broken: bool = False  # a page break fell after its who/when cell

    def add_status(self, text: str) -> None:
        if text:
            self.status.append(text)

    def joined(self, parts: list[str]) -> str | None:
        out = ""
        for p in parts:
            out = join_wrapped(out, p)
        return squash(out) or None
