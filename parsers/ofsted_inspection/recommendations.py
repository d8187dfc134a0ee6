"""Numbered recommendations (`Recommendations`, `What does the local authority need to
improve?`) and the bulleted `What needs to improve?` list of ILACS reports.

A section runs from its heading over numbered or bulleted items, their
wrapped lines and sub-headings (`Priority and immediate action`, `Quality of
work with children and young people`) to the first line that is none of
these. `seq` counts items 1, 2, ... through every list of the report in
printed order (the LSCB review's list continues the count); the paragraph
number printed before an item is kept beside it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.ofsted_inspection.entries import Entry
from parsers.common.text import fold_quotes, join_words, strip_glued_footnote

_HEADING = re.compile(
    r"^(?:recommendations|what needs to improve(?: in this local authority)?\??|"
    r"what does the (?:local authority|lscb|board) need to improve\??|"
    r"areas for improvement|priority and immediate action)\s*:?$",
    re.I,
)
_NUMBERED = re.compile(r"^(\d{1,3})\.\s*(.*)$")
_BULLET = re.compile(r"^[•◼■▪●◆\-–]\s*(.*)$")
# The report's own section headings: a list never runs past one of these.
_SECTION_END = re.compile(
    r"^(?:inspection findings|inspection judgements?\b|summary for children|summary of findings|information about|"
    r"the experiences and progress of|executive summary|what the inspection judgements mean|"
    r"key strengths|the local authority's strengths|progress since|"
    r"the local safeguarding children board|the lscb$)",
    re.I,
)
_TERMINAL = (".", ")", "!", "?", ";")
# The framework tag or paragraph reference an item ends with, when it wraps onto a line of its own.
_CROSS_REFERENCE = re.compile(r"^\([^()]{1,120}\)\.?$")
# `There are no areas for priority or immediate action.` is printed as an item but recommends nothing.
_NOT_A_RECOMMENDATION = re.compile(r"^there (?:are|is) no (?:areas|recommendations|priority)", re.I)
# A numbered paragraph that only introduces the list under it (2009-2013 reports: `13. In order to
# improve ..., the local authority and its partners should take the following action.` / `Immediately:`
# / bullets): the bullets are the recommendations, not the paragraph.
_INTRODUCES_LIST = re.compile(r"\bthe\s+following\s+actions?\s*[.:]?$|\bshould\s*:$", re.I)
_MAX_INTRO_LINES = 5
_TIMESCALE_WORDS = 6
_LONGEST_HEADING = 60
_SUB_HEADING_WORDS = 12
_CONTINUATION_LOOKAHEAD = 6


@dataclass
class Recommendation:
    seq: int  # 1, 2, ... through every list of the report in printed order
    printed_number: int | None  # the paragraph number printed before it, if any
    text: str
    heading: str
    entry: Entry


def read_recommendations(entries: list[Entry]) -> list[Recommendation]:
    out: list[Recommendation] = []
    i = 0
    while i < len(entries):
        heading = entries[i].text
        if len(heading) <= _LONGEST_HEADING and _HEADING.match(heading := strip_glued_footnote(heading)):
            items, i = _read_section(entries, i + 1, heading)
            out.extend(items)
        else:
            i += 1
    for seq, rec in enumerate(out, start=1):
        rec.seq = seq
    return out


def _read_section(entries: list[Entry], i: int, heading: str) -> tuple[list[Recommendation], int]:
    """The items of one list, from the line after its heading; returns them and where the list ended."""
    items: list[Recommendation] = []
    parts: list[str] = []
    numbered_list: bool | None = None  # decided by the first item
    intro_lines = 0

    def close() -> None:
        if items:
            items[-1].text = fold_quotes(join_words(parts))

    while i < len(entries):
        text = entries[i].text
        if _SECTION_END.match(fold_quotes(text)):
            break
        numbered = _NUMBERED.match(text)
        bullet = None if numbered else _BULLET.match(text)
        if numbered and numbered_list is not False and (not items or int(numbered.group(1)) == items[-1].printed_number + 1):
            close()
            numbered_list = True
            items.append(Recommendation(0, int(numbered.group(1)), "", fold_quotes(heading), entries[i]))
            parts = [numbered.group(2)] if numbered.group(2) else []
        elif bullet and numbered_list is not True:
            close()
            numbered_list = False
            items.append(Recommendation(0, None, "", fold_quotes(heading), entries[i]))
            parts = [bullet.group(1)] if bullet.group(1) else []
        elif bullet and items and len(items) == 1 and _INTRODUCES_LIST.search(join_words(parts)):
            # The numbered paragraph was the list's introduction: its bullets are the items.
            items.pop()
            numbered_list = False
            items.append(Recommendation(0, None, "", fold_quotes(heading), entries[i]))
            parts = [bullet.group(1)] if bullet.group(1) else []
        elif bullet and items:
            # Sub-bullets inside a numbered item (`... by:` / `• targeting ...`) belong to it.
            if bullet.group(1):
                parts.append(bullet.group(1))
        elif _HEADING.match(strip_glued_footnote(text)):
            if not _item_follows(entries, i):
                break
            # `Areas for improvement` after `Priority and immediate action`: the same list goes on.
        elif not items:
            # A short introduction (`The following recommendations are ...`) may precede the first item.
            intro_lines += 1
            if intro_lines > _MAX_INTRO_LINES or not (_item_follows(entries, i) or _looks_like_prose(text)):
                break
        elif parts and _is_timescale_heading(text) and _item_follows_directly(entries, i):
            pass  # `Within three months:` between bullets that end without a full stop
        elif numbered_list is False and _is_sub_heading(text) and _paragraph_follows(entries, i):
            break  # a heading after a last bullet that ends without a full stop (`About this inspection`)
        elif not parts or not parts[-1].endswith(_TERMINAL):
            parts.append(text)  # the item's text, printed under its number, or its sentence going on
        elif _CROSS_REFERENCE.match(text):
            parts.append(text)  # `(Outcome 4, national framework)` wrapped under the item's last sentence
        elif _is_sub_heading(text) and _item_follows_directly(entries, i):
            pass  # `Quality of work with children and young people`: a sub-heading inside the list
        elif _next_item_within(entries, i, items[-1].printed_number):
            parts.append(text)  # a new sentence of the same item, before the next item
        else:
            break
        i += 1
    close()
    return [r for r in items if r.text and not _NOT_A_RECOMMENDATION.match(r.text)], i


def _looks_like_prose(text: str) -> bool:
    return len(text.split()) >= 6


def _paragraph_follows(entries: list[Entry], i: int) -> bool:
    """The next line opens a paragraph of its own (capital or number, no bullet): line i was a heading,
    not a bullet's wrapped line (those run on into a line in lower case)."""
    if i + 1 >= len(entries):
        return True
    following = entries[i + 1].text
    return not _BULLET.match(following) and (following[:1].isupper() or following[:1].isdigit())


def _is_timescale_heading(text: str) -> bool:
    """A short capitalised lead-in of the items under it (`Immediately:`, `Within three months:`)."""
    return text.endswith(":") and text[:1].isupper() and len(text.split()) <= _TIMESCALE_WORDS


def _is_sub_heading(text: str) -> bool:
    return len(text.split()) <= _SUB_HEADING_WORDS and text[:1].isupper() and not text.endswith(_TERMINAL)


def _item_follows(entries: list[Entry], i: int) -> bool:
    """Whether an item starts within the next few lines, past sub-headings and introduction."""
    for k in range(i + 1, min(len(entries), i + 1 + _MAX_INTRO_LINES)):
        text = entries[k].text
        if _NUMBERED.match(text) or _BULLET.match(text):
            return True
        if _SECTION_END.match(fold_quotes(text)):
            return False
    return False


def _item_follows_directly(entries: list[Entry], i: int) -> bool:
    """An item on the next line, or after one more sub-heading (`Priority and immediate action` /
    `Quality of work with children and young people` / `1.`)."""
    for k in (i + 1, i + 2):
        if k >= len(entries):
            return False
        text = entries[k].text
        if _NUMBERED.match(text) or _BULLET.match(text):
            return True
        if not _is_sub_heading(text):
            return False
    return False


def _next_item_within(entries: list[Entry], i: int, last_number: int | None) -> bool:
    """Whether the list's next item (number + 1, or another bullet) comes before any heading."""
    for k in range(i + 1, min(len(entries), i + 1 + _CONTINUATION_LOOKAHEAD)):
        text = entries[k].text
        if _SECTION_END.match(fold_quotes(text)) or _HEADING.match(strip_glued_footnote(text)):
            return False
        numbered = _NUMBERED.match(text)
        if last_number is not None and numbered:
            return int(numbered.group(1)) == last_number + 1
        if last_number is None and _BULLET.match(text):
            return True
    return False
