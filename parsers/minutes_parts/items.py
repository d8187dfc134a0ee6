"""Numbered minute items: where each starts, its number and title as printed, its text.

Two heading layouts are known, both general to ModernGov councils:
- an anchor line "(Item 3)" under a bold title, with the minute number ("86.")
  printed in the margin beside the title's first line;
- a numbered heading in capitals, "54. SCHOOL ATTENDANCE - GCC DUTIES", its
  title wrapping onto further capital lines, body paragraphs numbered "5.1".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.minutes_parts.lines import MinutesLine, join_wrapped

_ANCHOR = re.compile(r"^\(\s*(?:agenda\s+)?item\s+([\w.]+)\s*\)$", re.I)
_MINUTE_NUMBER = re.compile(r"^(\d{1,4}[a-z]?)\.?\s+(?=\S)")
_MINUTE_NUMBER_ALONE = re.compile(r"^(\d{1,4}[a-z]?)\.$")
_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,4})\.?\s+(\S.*)$")
# Where the minutes stop: the chair's signature line, the closing time, a blank page.
_END_OF_MINUTES = re.compile(
    r"^(?:chair(?:man|person|woman)?|vice[- ]chair(?:man|person)?)$"
    r"|^(?:the\s+)?meeting\s+(?:was\s+)?(?:concluded|closed|ended|finished)\b"
    r"|^this page is intentionally left blank$",
    re.I,
)
_MAX_TITLE_LINES = 6  # lines walked over, blank ones included
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


@dataclass
class Item:
    number: str | None
    title: str
    agenda_item: str | None
    heading: MinutesLine  # first line of the heading
    body: list[MinutesLine] = field(default_factory=list)

    @property
    def text(self) -> str:
        return paragraphs_text(self.body)


def end_of_minutes(lines: list[MinutesLine]) -> int:
    """Index of the first line after the minutes proper (signature, closing time, blank page)."""
    for i, line in enumerate(lines):
        if _END_OF_MINUTES.match(line.text.strip()):
            return i
    return len(lines)


def find_items(lines: list[MinutesLine]) -> tuple[int, list[Item]]:
    """(index of the first heading line, items) over the minutes' lines."""
    anchors = [i for i, l in enumerate(lines) if _ANCHOR.match(l.text.strip())]
    if anchors:
        heads = _anchored_headings(lines, anchors)
    else:
        heads = _capital_headings(lines) or _numbered_headings(lines)
    items: list[Item] = []
    for k, (start, body_start, item) in enumerate(heads):
        body_end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        item.body = [l for l in lines[body_start:body_end]]
        items.append(item)
    first = heads[0][0] if heads else len(lines)
    return first, items


def paragraphs_text(lines: list[MinutesLine]) -> str:
    paragraphs: list[list[str]] = []
    for line in lines:
        if line.blank:
            continue
        if not paragraphs or line.starts_paragraph or _opens_point(line.text):
            paragraphs.append([])
        paragraphs[-1].append(line.text)
    return "\n".join(join_wrapped(p) for p in paragraphs)


def _opens_point(text: str) -> bool:
    return bool(re.match(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\(\w{1,4}\)|[a-z]\.|[•\-–])\s+\S", text))


def _anchored_headings(lines: list[MinutesLine], anchors: list[int]) -> list[tuple[int, int, Item]]:
    heads = []
    floor = 0
    for a in anchors:
        agenda_item = _ANCHOR.match(lines[a].text.strip()).group(1)
        start = a
        # The title is the paragraph just above the anchor.
        while start > floor and a - start < _MAX_TITLE_LINES:
            candidate = lines[start - 1]
            if candidate.blank or _BARE_NUMBER.match(candidate.text):
                if all(l.blank or _BARE_NUMBER.match(l.text) for l in lines[start - 1:a]):
                    start -= 1  # nothing of the title yet: a gap or a page's printed number
                    continue
                break
            start -= 1
            # The minute number is printed beside the title's first line.
            if candidate.starts_paragraph or _MINUTE_NUMBER_ALONE.match(candidate.text.strip()) \
                    or _MINUTE_NUMBER.match(candidate.text.strip()):
                break
        title_lines = [l for l in lines[start:a] if not l.blank and not _BARE_NUMBER.match(l.text)]
        number = None
        if title_lines:
            first = title_lines[0].text.strip()
            if m := _MINUTE_NUMBER_ALONE.match(first):
                number = m.group(1)
                title_lines = title_lines[1:]
            elif m := _MINUTE_NUMBER.match(first):
                number = m.group(1)
                title_lines[0] = MinutesLine(first[m.end():], title_lines[0].page, title_lines[0].number,
                                             title_lines[0].x0, title_lines[0].top, title_lines[0].bottom)
        title = join_wrapped([l.text for l in title_lines])
        heading = lines[start] if start < a else lines[a]
        heads.append((start, a + 1, Item(number or agenda_item, title, agenda_item, heading)))
        floor = a + 1
    return heads


def _capital_headings(lines: list[MinutesLine]) -> list[tuple[int, int, Item]]:
    heads = []
    i = 0
    while i < len(lines):
        m = _NUMBERED_HEADING.match(lines[i].text)
        number, j = (m.group(1), i + 1) if m else (None, i + 1)
        title_parts = [m.group(2)] if m else []
        if m is None and (alone := _MINUTE_NUMBER_ALONE.match(lines[i].text.strip())):
            # "54." alone, its title on the next line
            k = i + 1
            while k < len(lines) and lines[k].blank:
                k += 1
            if k < len(lines) and _continues_title(lines[k].text):
                number, title_parts, j = alone.group(1), [lines[k].text.strip()], k + 1
        if not (number and title_parts and _mostly_capitals(title_parts[0])):
            i += 1
            continue
        while j < len(lines) and len(title_parts) < _MAX_TITLE_LINES:
            text = lines[j].text.strip()
            if not text:
                # A wrapped title may sit a blank line above its last capitals ("BRIEFING").
                if j + 1 < len(lines) and _continues_title(lines[j + 1].text) and not lines[j + 1].blank:
                    j += 1
                    continue
                break
            if not _continues_title(text):
                break
            title_parts.append(text)
            j += 1
        heads.append((i, j, Item(number, join_wrapped(title_parts), None, lines[i])))
        i = j
    return heads


def _numbered_headings(lines: list[MinutesLine]) -> list[tuple[int, int, Item]]:
    """Headings printed in ordinary case ("54. Declarations of Interest"): short numbered lines
    that are not sentences, kept only as the longest run numbered one after another, so body
    paragraphs numbered "1.", "2." inside an item are not taken for items."""
    candidates = []
    for i, line in enumerate(lines):
        m = _NUMBERED_HEADING.match(line.text)
        if not m or not line.starts_paragraph:
            continue
        rest = m.group(2).strip()
        if rest[0].isupper() and len(rest.split()) <= 15 and not rest.endswith((".", ",", ";", ":")):
            candidates.append((i, int(m.group(1)), rest))
    best: list[tuple[int, int, str]] = []
    for k in range(len(candidates)):
        chain = [candidates[k]]
        for c in candidates[k + 1:]:
            if c[1] == chain[-1][1] + 1:
                chain.append(c)
        if len(chain) > len(best):
            best = chain
    if len(best) < 2:
        return []
    return [(i, i + 1, Item(str(n), rest, None, lines[i])) for i, n, rest in best]


def _continues_title(text: str) -> bool:
    text = text.strip()
    return bool(text) and not _NUMBERED_HEADING.match(text) and not re.match(r"^\d", text) and _mostly_capitals(text)


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
