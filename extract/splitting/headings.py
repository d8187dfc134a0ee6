"""Text sources: where a document begins above the line its cue fired on.

A cue fires on an anchor ("MINUTES of …", "Dear …"); the document starts at the heading block above
it, or, for a letter, at its date and the letterhead over that.
"""
from __future__ import annotations

import re

from extract.splitting.cues import BLANK_PAGE, END_OF_DOCUMENT, SIGNATURE, VALEDICTION, StartCue
from parsers.common.dates import find_dates
from parsers.common.ofsted_letters import LETTERHEAD_MARK
from schemas.document import Line


def back_up(lines: list[Line], nonempty: list[int], pos: int, cue: StartCue) -> int:
    """A document starts at its heading block (or a letter at its date), not its anchor."""
    if cue.back_to_date:
        for p in range(pos - 1, max(-1, pos - 15), -1):
            text = lines[nonempty[p]].text.strip()
            if is_end_line(text):
                break
            if len(text) <= 40 and find_dates(text):
                return nonempty[_back_over_letterhead(lines, nonempty, p)]
        return nonempty[pos]
    # The heading block: contiguous non-empty heading lines just above the anchor,
    # which may stand a few blank lines off it.
    start = pos
    p = pos - 1
    top = _page_top_heading(lines, nonempty, pos)
    if top is not None:
        return top
    if p >= 0 and nonempty[pos] - nonempty[p] > 5 or _starts_page(lines[nonempty[pos]].text):
        return nonempty[pos]
    while p >= 0 and pos - p <= 4 and _is_heading_line(lines[nonempty[p]].text.strip()):
        if p < pos - 1 and nonempty[p + 1] - nonempty[p] > 1:
            break  # a blank line closes the block
        start = p
        if _starts_page(lines[nonempty[p]].text):
            break
        p -= 1
    return nonempty[start]


def _back_over_letterhead(lines: list[Line], nonempty: list[int], p: int, most: int = 12) -> int:
    """A letterhead (the sender's address, phone and web lines) above a letter's date is the letter's."""
    top = p
    for q in range(p - 1, max(-1, p - 1 - most), -1):
        text = lines[nonempty[q]].text.strip()
        if len(text) > 60 or is_end_line(text):
            break
        if LETTERHEAD_MARK.search(text):
            top = q
    if top == p:
        return p
    # Short address lines just above the first mark belong to it too.
    while top > 0 and p - top < most and _is_address_line(lines[nonempty[top - 1]].text.strip()):
        top -= 1
    return top


_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def _is_address_line(text: str) -> bool:
    return 0 < len(text) <= 40 and not is_end_line(text) and (
        bool(_POSTCODE.search(text)) or len(text.split()) <= 4 and not text.endswith((".", ":"))
    )


def _page_top_heading(lines: list[Line], nonempty: list[int], pos: int, most: int = 5) -> int | None:
    """A page that opens with a few heading or date lines above the anchor
    (`SCHOOLS FORUM` / `14 March 2024` / `MINUTES`) starts the document at its
    top, blank lines between them or not."""
    page = lines[nonempty[pos]].page
    q = pos
    while q > 0 and lines[nonempty[q - 1]].page == page:
        q -= 1
    if q == pos or pos - q > most:
        return None
    above = [lines[nonempty[k]].text.strip() for k in range(q, pos)]
    if all(_is_heading_line(t) or (len(t) <= 40 and find_dates(t)) for t in above):
        return nonempty[q]
    return None


def _starts_page(text: str) -> bool:
    """pdftotext without form feeds leaves one space before a page's first line: nothing above it is a heading."""
    return len(text) > 1 and text[0] == " " and text[1] != " "


def _is_heading_line(text: str) -> bool:
    return (
        0 < len(text) <= 70
        and sum(c.isalpha() for c in text) >= 3
        and not text.endswith((".", ",", ";", ":"))
        and not is_end_line(text)
        and not SIGNATURE.match(text)
        and not text.lower().startswith(("http", "www."))
    )


def is_end_line(text: str) -> bool:
    return bool(END_OF_DOCUMENT.match(text) or VALEDICTION.match(text) or BLANK_PAGE.match(text))
