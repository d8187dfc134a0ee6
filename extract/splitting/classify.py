"""The type of a run of lines that no start cue opened, and of an outline entry's title.

A parsed type needs its evidence: a cue that fires in full (anchor, confirmation and no negative
evidence), or a parser's recogniser. Whatever no parser claims is a plain `report`, `letter` or
`agenda`, never the nearest parsed type (`fallback_type`).
"""
from __future__ import annotations

import re

from extract.splitting.cues import START_CUES, VALEDICTION
from extract.splitting.evidence import Typing, cue_typing
from extract.splitting.recognisers import recognise
from parsers.common.commentary_evidence import cites_indicators
from schemas.document import Line

_TITLE_TYPES = [
    ("minutes", re.compile(r"\bminutes\b", re.I)),
    ("agenda", re.compile(r"^\s*agenda\b|\bagenda\s*(?:front\s*sheet|pack)\b", re.I)),
    ("scorecard", re.compile(r"\bscorecard\b", re.I)),
    ("monitoring_letter", re.compile(r"\b(?:(?:monitoring|focused|assurance)\s+visit|joint\s+targeted\s+area\s+inspection)\b", re.I)),
    ("ofsted_inspection", re.compile(r"\binspection\s+of\b.*\bchildren", re.I)),
]


def classify_title(title: str) -> str:
    for doc_type, pattern in _TITLE_TYPES:
        if pattern.search(title):
            return doc_type
    return "report"


HEAD_LINES = 20  # a run is typed from its first non-empty lines


def classify_lines(lines: list[Line]) -> str:
    """Type of a run of lines that no start cue opened, from its first lines."""
    return typed_run(lines).doc_type


def typed_run(lines: list[Line]) -> Typing:
    """`classify_lines`, with the evidence for the type."""
    texts = [l.text for l in lines if l.text.strip()]
    head = texts[:HEAD_LINES]
    for pos in range(len(head)):
        for cue in START_CUES:
            if not cue.soft and cue.fires(texts, pos):
                return cue_typing(cue)
    kind = recognise(head)
    if kind:
        return Typing(kind, ["recogniser"], 2)
    if looks_like_performance_commentary(texts):
        return Typing("scorecard_commentary", ["commentary"], 2)
    return Typing(fallback_type(head), ["fallback"], 1)


_REPORT_WORD = re.compile(r"\breport\b", re.I)
_SALUTATION = re.compile(r"^\s*Dear\s+\S")
_ADDRESSEES = re.compile(r"^\s*To\s*:\s*\S")
_AGENDA_ITEMS = re.compile(r"\b(?:apologies|declarations?\s+of\s+interest)\b", re.I)


def fallback_type(head: list[str]) -> str:
    """What no parser claimed: a letter (it greets its reader), an agenda (it lists apologies and
    declarations as items), else a report."""
    if any(_REPORT_WORD.search(t) and len(t.strip()) <= 90 for t in head[:6]):
        return "report"
    if any(_SALUTATION.match(t) or _ADDRESSEES.match(t) for t in head) or any(VALEDICTION.match(t) for t in head):
        return "letter"
    if len(_AGENDA_ITEMS.findall("\n".join(head))) >= 2:
        return "agenda"
    return "report"


_NUMBERED_PARAGRAPH = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+[A-Z]")


def looks_like_performance_commentary(texts: list[str]) -> bool:
    """Numbered paragraphs that cite a scorecard's indicators (against target, within tolerance …),
    more than they talk about money: commentary on a scorecard. A budget is a report."""
    numbered = sum(1 for t in texts if _NUMBERED_PARAGRAPH.match(t))
    return numbered >= 3 and cites_indicators("\n".join(texts), at_least=3)


_STAMP = re.compile(r"^\s*agenda\s+item\s+\d+\w?\s*$", re.I)
_THREE_LETTERS = re.compile(r"[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]")


def has_text(lines: list[Line]) -> bool:
    """More than stamps and page numbers (image-only pages leave only those)."""
    found = 0
    for l in lines:
        if _THREE_LETTERS.search(l.text) and not _STAMP.match(l.text):
            found += 1
            if found >= 3:
                return True
    return False
