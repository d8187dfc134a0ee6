"""Where documents start: cues fired at page tops (PDF) or on any line (text), and outline entries.

Each start also records the evidence that a new document begins there, whatever its type: the page
is bookmarked as an item or appendix in a ModernGov outline, or it is stamped "Agenda Item N". Inside a set of minutes a
heading may only cut with such evidence (`containers.py`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from extract.splitting.classify import classify_title
from extract.splitting.cues import START_CUES, TYPE_PRIORITY, StartCue
from extract.splitting.headings import back_up
from extract.splitting.recognisers import recognise
from schemas.document import Line, Source

MERGE_DISTANCE = 6  # two starts closer than this (non-empty lines) are one start
# Any cue's anchor: a line that matches none is not asked cue by cue (most lines are not anchors).
_ANY_ANCHOR = re.compile("|".join(f"(?:{c.anchor.pattern})" for c in START_CUES), re.I)


@lru_cache(maxsize=None)
def _anchor_within(depth: int) -> re.Pattern[str]:
    """Any anchor of the cues that may fire `depth` lines below a page's top (deep down, only a letter's)."""
    cues = [c for c in START_CUES if depth < c.page_top_lines]
    return re.compile("|".join(f"(?:{c.anchor.pattern})" for c in cues) or r"(?!)", re.I)
_ITEM_STAMP = re.compile(r"^\s*agenda\s+item\s+\d+\w?\s*$", re.I)
# A pack's bookmark for an item or an appendix ("7 24/00109 - Transfer …", "Item 7 - Appendix B",
# "Agenda"); an outline inside minutes also bookmarks speakers' names, which begin no document.
_ITEM_BOOKMARK = re.compile(r"^\s*(?:\d+[a-z]?\.?\s|item\s+\d|appendix\b|annex\b|agenda\b)", re.I)
STAMP_LINES = 3  # ModernGov stamps an item's first page in its top lines


@dataclass
class Start:
    index: int  # index into the source's lines where the document begins
    doc_type: str
    cue: StartCue | None
    title: str = ""
    evidence: set[str] = field(default_factory=set)  # "bookmark", "stamp": a new document begins here
    # An outline entry whose title names no type, typed by what its page prints (a bookmark over
    # every page of a card report): it continues a document of that type rather than cutting it.
    typed_by_page: bool = False


def find_starts(source: Source, lines: list[Line], nonempty: list[int]) -> list[Start]:
    texts = [lines[i].text for i in nonempty]
    starts: list[Start] = []
    if source.kind == "pdf":
        first_of_page: dict[int, int] = {}
        for pos, i in enumerate(nonempty):
            first_of_page.setdefault(lines[i].page, pos)
        deepest = max(c.page_top_lines for c in START_CUES)
        pages = [lines[i].page for i in nonempty]
        bookmarked = {page for level, title, page in source.outline if level <= 2 and _ITEM_BOOKMARK.match(title)}
        for page, pos0 in first_of_page.items():
            top = [p for p in range(pos0, min(pos0 + deepest, len(nonempty))) if lines[nonempty[p]].page == page]
            fired = [
                c for p in top if _anchor_within(p - pos0).search(texts[p]) for c in START_CUES
                if p - pos0 < c.page_top_lines and c.fires(texts, p, pages)
            ]
            if fired:
                cue = min(fired, key=lambda c: TYPE_PRIORITY.index(c.doc_type))
                starts.append(Start(nonempty[pos0], cue.doc_type, cue))
        starts.extend(_outline_starts(source, lines, nonempty, {lines[s.index].page for s in starts}))
        starts.sort(key=lambda s: s.index)
        for s in starts:
            page = lines[s.index].page
            if page in bookmarked:
                s.evidence.add("bookmark")
            pos0 = first_of_page[page]
            if any(_ITEM_STAMP.match(texts[p]) for p in range(pos0, min(pos0 + STAMP_LINES, len(nonempty)))
                   if lines[nonempty[p]].page == page):
                s.evidence.add("stamp")
    else:
        for pos in range(len(nonempty)):
            cue = _best_cue(texts, pos) if _ANY_ANCHOR.search(texts[pos]) else None
            if cue:
                starts.append(Start(back_up(lines, nonempty, pos, cue), cue.doc_type, cue))
    return _merge_close_starts(starts, nonempty, lines)


def _best_cue(texts: list[str], pos: int) -> StartCue | None:
    fired = [c for c in START_CUES if c.fires(texts, pos)]
    if not fired:
        return None
    return min(fired, key=lambda c: TYPE_PRIORITY.index(c.doc_type))


def _outline_starts(source: Source, lines: list[Line], nonempty: list[int], cued_pages: set[int]) -> list[Start]:
    """ModernGov outline entries: item pages that no content cue marked."""
    out = []
    first_line_of_page = {}
    for i in nonempty:
        first_line_of_page.setdefault(lines[i].page, i)
    for level, title, page in source.outline:
        if level > 2 or page in cued_pages or page not in first_line_of_page:
            continue
        doc_type, by_page = classify_title(title), False
        if doc_type == "report":
            pos = bisect_left(nonempty, first_line_of_page[page])
            kind = recognise([lines[i].text for i in nonempty[pos:pos + 20] if lines[i].page == page])
            doc_type, by_page = (kind, True) if kind else (doc_type, False)
        out.append(Start(first_line_of_page[page], doc_type, None, title=title, typed_by_page=by_page))
        cued_pages.add(page)
    return out


def _merge_close_starts(starts: list[Start], nonempty: list[int], lines: list[Line]) -> list[Start]:
    """A title that fires two cues a line apart is one start, of the more specific type.

    Starts on different pages are never one: a short page can end a document.
    """
    merged: list[Start] = []
    for s in starts:
        if merged:
            prev = merged[-1]
            # A start may sit on a blank line after backing up: count from the next non-empty line.
            gap = bisect_left(nonempty, s.index) - bisect_left(nonempty, prev.index)
            if lines[s.index].page == lines[prev.index].page and gap < MERGE_DISTANCE:
                if TYPE_PRIORITY.index(s.doc_type) < TYPE_PRIORITY.index(prev.doc_type):
                    prev.doc_type, prev.cue = s.doc_type, s.cue
                continue
        merged.append(s)
    return merged
