"""Numbered minute items: where each starts, its number and title as printed, its text.

Two heading layouts are known, both general to ModernGov councils:
- an anchor line "(Item 3)" under a bold title, with the minute number ("86.")
  printed in the margin beside the title's first line;
- a numbered heading in capitals, "54. SCHOOL ATTENDANCE - GCC DUTIES", its
  title wrapping onto further capital lines, body paragraphs numbered "5.1".
Minute numbers come in several shapes: "54.", "23/5" (year/sequence), "CPP/12/24"
(committee code/sequence/year), "Minute 45", "Item 5", "12a". Some councils run
the minute on after a dash ("220 PUBLIC REQUESTS TO SPEAK – There were none.")
and print the agenda number in brackets after the minute number ("221 (28) ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.common.dates import MONTH
from parsers.common.folding import folded
from parsers.minutes.items_unnumbered import unnumbered_headings
from parsers.minutes.lines import MinutesLine, join_wrapped

_ANCHOR = re.compile(r"^\(\s*(?:agenda\s+)?item\s+([\w.]+)\s*\)$", re.I)
# The same printed at the end of a heading: "5/24 ADDITIONAL NEEDS [Item 5]".
_TRAILING_ANCHOR = re.compile(r"\s*[\[(]\s*(?:agenda\s+)?item\s+(?:no\.?\s*)?([\w.]+)\s*[\])]\s*$", re.I)
_MINUTE_NUMBER = re.compile(
    r"^(?:Min(?:ute)?\.?\s*(?=[\d(]))?(\d{1,3}\.\d{1,3}(?![\d.])|\(\d{1,3}/\d{1,4}\)|\d{1,4}[a-z]?)\.?\s+(?=\S)")
# A minute number on a line of its own: "54." (the dot tells it from a page number), "23/5", "CPP/12/24".
_MINUTE_NUMBER_ALONE = re.compile(
    r"^(?:Min(?:ute)?\.?\s*(?=[\d(]))?(\d{1,4}[a-z]?(?=\.$)|(?<=[\s.])\d{1,4}[a-z]?(?=$)|[A-Z]{1,6}[/ ]\d{1,4}/\d{1,4}|\d{1,3}/\d{1,4}|\d{1,3}\.\d{1,3}|\(\d{1,3}/\d{1,4}\))\.?$")
# One minute number: "54", "12a", "23/5", "CPP/12/24", "C 10/034", after an optional "Minute", "Item"
# or "Agenda Item" word.
# "2023/24" is a year range, never a minute number: the year part of "23/5" has at most three digits.
# Also "21.44" (year.sequence) and "(21/44)"; a number in brackets is kept without them.
NUMBER = r"(?:(?-i:[A-Z]{1,6})(?:/|\s)\d{1,4}/\d{1,4}|\d{1,3}/\d{1,4}|\d{1,3}\.\d{1,3}(?![\d.])|\(\d{1,3}/\d{1,4}\)|\d{1,5}[a-z]?)"
# (A mark before the number flags a minute for the full council, Devon's "*34 Minutes": not part of it. A
# colon may stand apart, Cardiff's "45 : APOLOGIES", or a dash follow it, "Minute 23/24 – Apologies". A number
# before a month and a year is a date: "12 MARCH 2024".)
_NUMBERED_HEADING = re.compile(
    rf"^\s*(?:\*\s*)?(?:(?:agenda\s+)?(?:minute|min\.|min|item)\s*(?:no\.?\s*)?)?({NUMBER})(?:\s*:|[.)]|\s+[–—-](?=\s))?\s+(?:\((\d{{1,3}}[a-z]?)\)\s+)?(?!{MONTH}\.?,?\s+\d{{4}}\b)(\S.*)$", re.I)
# A minute number opening its first paragraph, under a title printed above it: "1001 The Chair advised ...".
# (Not "5.1": there it is a paragraph under a subheading far more often than a minute.)
_NUMBER_OPENS_TEXT = re.compile(
    r"^\s*((?-i:[A-Z]{1,6})(?:/|\s)\d{1,4}/\d{1,4}|\d{1,3}/\d{1,4}|\d{1,5}[a-z]?)\.?\s+(?=[A-Z(“\"‘][a-z]|[A-Z]\s)")
# A title run straight on into its minute: "PUBLIC REQUESTS TO SPEAK – There were none."
_INLINE_DASH = re.compile(r"\s+[–—-]\s+")
# Where the minutes stop: the chair's signature line, the closing time, a blank page.
_END_OF_MINUTES = re.compile(
    r"^(?:chair(?:man|person|woman)?|vice[- ]chair(?:man|person)?)$"
    r"|^(?:the\s+)?meeting\s+(?:was\s+)?(?:concluded|closed|ended|finished)\b"
    r"|^this page is intentionally left blank$",
    re.I,
)
_ENDING_FIRST_LETTERS = set("cCvVmMtT")
_MAX_TITLE_LINES = 6  # lines walked over, blank ones included
# What a minute decided, printed in capitals under its heading ("RESOLVED:", "AGREED -"): never the title's last line.
_DECISION_OPENS = re.compile(r"^(?:IT\s+WAS\s+)?(?:RESOLVED|AGREED|DECIDED|DECISIONS?|RECOMMENDED|RECOMMENDATIONS?)\b\s*(?:[:\-–—,]|THAT\b|$)")
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
# A lettered sub-item heading ("1a Declarations of substitutions"): its minute's number, letter and title.
_LETTERED_HEADING = re.compile(r"^\s*(\d+)([a-z])[.)]?\s+([A-Z][^.;:]{2,100})$")
_COLUMN_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_POINT_OPENING = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|\(\w{1,4}\)|[a-z]\.|[•\-–])\s+\S")


@dataclass
class Item:
    number: str | None
    title: str
    agenda_item: str | None
    heading: MinutesLine  # first line of the heading
    body: list[MinutesLine] = field(default_factory=list)
    lead: MinutesLine | None = None  # minute text printed on the heading's own line, after a dash
    _words: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return paragraphs_text(self.body)

    @property
    def words(self) -> str:
        """The body's lines stripped, run together and folded (parsers.common.folding): every word of
        ASCII letters a pattern could find in the item's text, or in one of its lines, is in it (joining
        text adds at most a space). A cheap test before a costly pattern; read once its body is final."""
        if self._words is None:  # (kept by hand: functools.cached_property takes a lock on every read)
            self._words = folded("".join([l.text.strip() for l in self.body]))
        return self._words


def end_of_minutes(lines: list[MinutesLine]) -> int:
    """Index of the first line after the minutes proper (signature, closing time, blank page)."""
    for i, line in enumerate(lines):
        text = line.text.strip()
        # Every ending opens with c, v, m or t in either case (letters re.I finds in no other character).
        if text[:1] in _ENDING_FIRST_LETTERS and _END_OF_MINUTES.match(text):
            return i
    return len(lines)


def find_items(lines: list[MinutesLine]) -> tuple[int, list[Item]]:
    """(index of the first heading line, items) over the minutes' lines."""
    anchors = [i for i, l in enumerate(lines) if "(" in l.text and _ANCHOR.match(l.text.strip())]
    if anchors:
        heads = _anchored_headings(lines, anchors)
    else:
        heads = _capital_headings(lines) or _titles_above_numbers(lines) or _numbered_headings(lines)
    numbers = {h[2].number for h in heads}
    # "1.3" under a minute "1." is that minute's paragraph; "21.44" with no minute "21" is a minute number.
    heads = [h for h in heads if not re.fullmatch(r"\d+\.\d+", h[2].number or "") or h[2].number.split(".")[0] not in numbers]
    if heads:
        heads = [(i, i + 1, Item(None, lines[i].text.strip().rstrip(":"), None, lines[i]))
                 for i in unnumbered_headings(lines, heads[0][0])] + heads
    items: list[Item] = []
    for k, (start, body_start, item) in enumerate(heads):
        if item.number:
            item.number = item.number.strip("()")  # "(21/44)" is minute 21/44
        if m := _TRAILING_ANCHOR.search(item.title):
            # "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS [Item 1]": the agenda's number, not the title's words
            item.title, item.agenda_item = item.title[:m.start()].rstrip(" :-–"), item.agenda_item or m.group(1)
        body_end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        item.body = ([item.lead] if item.lead else []) + lines[body_start:body_end]
        items += [item] + _lettered_sub_items(item)
    first = heads[0][0] if heads else len(lines)
    return first, items


def _lettered_sub_items(item: Item) -> list[Item]:
    """Sub-items lettered under their minute ("1a Declarations of substitutions" under "1. PROCEDURAL
    BUSINESS"): each becomes an item of its own, and the parent keeps only the text above the first."""
    if not item.number or not item.number.isdigit():
        return []
    cuts = []
    for i, line in enumerate(item.body):
        m = _LETTERED_HEADING.match(line.text.rstrip()) if line.text.lstrip().startswith(item.number) else None
        if m and m.group(1) == item.number and (i == 0 or line.starts_paragraph) and len(m.group(3).split()) <= 15:
            cuts.append((i, m))
    if len(cuts) < 1:
        return []
    subs = []
    for k, (i, m) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(item.body)
        subs.append(Item(f"{item.number}{m.group(2)}", m.group(3).strip(), None, item.body[i], item.body[i + 1:end]))
    item.body = item.body[:cuts[0][0]]
    return subs


def paragraphs_text(lines: list[MinutesLine]) -> str:
    paragraphs: list[list[str]] = []
    for line in lines:
        text = line.text
        if not text or text.isspace():  # blank
            continue
        if not paragraphs or line.starts_paragraph or _POINT_OPENING.match(text):
            paragraphs.append([])
        paragraphs[-1].append(text)
    # Runs of spaces are a layout extraction's columns ("Name of Member      Type of Interest").
    return "\n".join(_squeeze_columns(join_wrapped(p)) for p in paragraphs)


def _squeeze_columns(text: str) -> str:
    return _COLUMN_SPACES.sub(" ", text) if "  " in text or "\t" in text else text


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
        number, agenda_item, j = (m.group(1), m.group(2), i + 1) if m else (None, None, i + 1)
        title_parts = [m.group(3)] if m else []
        if m is None and (alone := _MINUTE_NUMBER_ALONE.match(lines[i].text.strip())):
            # "54." alone, its title on the next line
            k = i + 1
            while k < len(lines) and lines[k].blank:
                k += 1
            if k < len(lines) and _continues_title(lines[k].text):
                number, title_parts, j = alone.group(1), [lines[k].text.strip()], k + 1
        if not (number and title_parts and _mostly_capitals(_before_inline_text(title_parts[0]))):
            i += 1
            continue
        while j < len(lines) and len(title_parts) < _MAX_TITLE_LINES and not _runs_on(title_parts[-1]):
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
        title, run_on = _split_run_on(join_wrapped(title_parts))
        item = Item(number, title, agenda_item, lines[i])
        if run_on:
            last = lines[j - 1]
            item.lead = MinutesLine(run_on, last.page, last.number, last.x0, last.top, last.bottom, True)
        heads.append((i, j, item))
        i = j
    return heads


def _before_inline_text(text: str) -> str:
    """A heading's capitals before a dash that runs on into ordinary text."""
    return _split_run_on(text)[0]


def _runs_on(text: str) -> bool:
    return bool(_split_run_on(text)[1])


def _split_run_on(title: str) -> tuple[str, str]:
    """'PUBLIC REQUESTS TO SPEAK – There were none.' -> (title, minute text); 'A - GCC DUTIES' stays whole."""
    for m in _INLINE_DASH.finditer(title):
        after = title[m.end():]
        segment = _INLINE_DASH.split(after, maxsplit=1)[0]
        if re.search(r"[a-z]", segment) and not _mostly_capitals(segment):  # "- 2023/2024" is still title
            return title[:m.start()].strip(), after.strip()
    return title, ""


def _numbered_headings(lines: list[MinutesLine]) -> list[tuple[int, int, Item]]:
    """Headings printed in ordinary case ("54. Declarations of Interest"): short numbered lines
    that are not sentences, kept only as the longest run numbered one after another, so body
    paragraphs numbered "1.", "2." inside an item are not taken for items."""
    candidates = []
    for i, line in enumerate(lines):
        m = _NUMBERED_HEADING.match(line.text)
        if not m or not line.starts_paragraph:
            continue
        rest = m.group(3).strip()
        if rest[0].isupper() and len(rest.split()) <= 15 and not rest.endswith((".", ",", ";", ":")):
            candidates.append((i, m.group(1), m.group(2), rest))
    # "5.1" under a heading "5." is a paragraph of minute 5, never a minute of its own.
    whole = {c[1] for c in candidates if c[1].isdigit()}
    candidates = [c for c in candidates if not (re.fullmatch(r"\d+\.\d+", c[1]) and c[1].split(".")[0] in whole)]
    best: list[tuple[int, str, str | None, str]] = []
    for k in range(len(candidates)):
        chain = [candidates[k]]
        for c in candidates[k + 1:]:
            if _follows(chain[-1][1], c[1]):
                chain.append(c)
        if len(chain) > len(best):
            best = chain
    if len(best) < 2:
        return []
    return [(i, i + 1, Item(number, rest, agenda, lines[i])) for i, number, agenda, rest in best]


def _titles_above_numbers(lines: list[MinutesLine]) -> list[tuple[int, int, Item]]:
    """CMIS layout: a title in capitals on its own, the minute number opening the paragraph below.

    NOTICE OF RECORDING/WEBCAST
    1001 The Chair advised, and the meeting noted, that ...

    Kept only when at least two such minutes are numbered one after another.
    """
    heads: list[tuple[int, int, Item]] = []
    for i, line in enumerate(lines):
        m = _NUMBER_OPENS_TEXT.match(line.text)
        if not m:
            continue
        k = i - 1
        while k >= 0 and lines[k].blank:
            k -= 1
        title_at = k
        while k >= 0 and not lines[k].blank and _is_title_line(lines[k].text) and title_at - k < _MAX_TITLE_LINES:
            title_at = k
            k -= 1
        if title_at < 0 or not _is_title_line(lines[title_at].text) or (heads and title_at < heads[-1][1]):
            continue
        title = join_wrapped([l.text for l in lines[title_at:i] if not l.blank])
        lead = MinutesLine(line.text[m.end():], line.page, line.number, line.x0, line.top, line.bottom, True)
        item = Item(m.group(1), title, None, lines[title_at], lead=lead)
        heads.append((title_at, i + 1, item))
    numbers = [h[2].number for h in heads]
    if len(heads) < 2 or not all(_follows(a, b) for a, b in zip(numbers, numbers[1:])):
        return []
    return heads


def _is_title_line(text: str) -> bool:
    text = text.strip()
    return bool(text) and not text.endswith((".", ",", ";")) and _mostly_capitals(text) and not re.match(r"^\d", text)


def _follows(previous: str, number: str) -> bool:
    """Is `number` the minute after `previous`? "12" -> "13", "23/5" -> "23/6", "CPP/12/24" -> "CPP/13/24"."""
    a, b = re.split(r"(\d+)", previous.upper()), re.split(r"(\d+)", number.upper())
    if len(a) != len(b) or a[0::2] != b[0::2]:
        return False
    steps = [int(y) - int(x) for x, y in zip(a[1::2], b[1::2])]
    return sorted(steps) == [0] * (len(steps) - 1) + [1]


def _continues_title(text: str) -> bool:
    text = text.strip()
    return (bool(text) and not _NUMBERED_HEADING.match(text) and not re.match(r"^\d", text)
            and not _DECISION_OPENS.match(text) and _mostly_capitals(_before_inline_text(text)))


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
