"""The meeting itself: council, committee, date, start and end time, venue.

Read from the opening sentence ("MINUTES of a meeting of the Cabinet held in the Council Chamber,
Sessions House, County Hall, Maidstone on Thursday, 30 January 2025"; also "Minutes of the
Corporate Parenting Panel held on ...", "A meeting of ... was held on ...", "At a Meeting of ...")
and the heading lines above it. Where no sentence opens the minutes, the heading lines carry it all
(CMIS: "TUESDAY, 14 FEBRUARY 2023 AT 10:00 HOURS" / "IN COMMITTEE ROOMS 3 & 4, ..."; hand-made
layouts: "Date:", "Time: 4.30pm – 6.00pm", "Venue:"). The end time closes the minutes ("Meeting
concluded at 12.24 pm").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, time

from parsers.common.dates import DAY_MONTH_YEAR, NUMERIC_DATE, WEEKDAY, date_of
from parsers.minutes.lines import MinutesLine, join_wrapped

# The meeting's date, written out ("Thursday, 30 January 2025", "5 Mar 2020", "14 Sept. 2023").
DATE = DAY_MONTH_YEAR
_WEEKDAY_DATE = re.compile(rf"\b(?:on\s+)?(?:{WEEKDAY}\s+)?{DATE.pattern}", re.I)
# "2.00 pm", "noon", and the 24-hour clock: "1400 hours", "14:00 hrs", "19:00".
TIME = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|\b(noon|midday)\b"
    r"|\b([01]?\d|2[0-3])[:.]?([0-5]\d)\s*(?:hours|hrs)\b|\b([01]?\d|2[0-3]):([0-5]\d)\b",
    re.I,
)
# The opening sentence: "MINUTES of a meeting of the Cabinet held ...", "Minutes of the Corporate
# Parenting Panel held on ...", "A meeting of the Scrutiny Panel was held on ...", "At a meeting of ...".
_MINUTES_OF = re.compile(
    r"\bminutes\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\b|^\s*minutes\s+of\s+(?:a|the)\s+.+?\s+held\b"
    r"|^\s*(?:at\s+)?(?:a|an|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:a\s+|the\s+)?\S.+?\s+(?:was\s+)?held\b",
    re.I,
)
_MEETING_OF = re.compile(
    r"\b(?:meeting|minutes)\s+of\s+(?:the\s+)?(?!(?:\w+\s+)?meeting\b)(.+?)\s+(?:was\s+|which\s+was\s+)?(?=held\b)", re.I)
# "The panel met at Pittwood House, Scunthorpe." where the opening names no venue.
_MET_AT = re.compile(r"^\s*the\s+\w+(?:\s+\w+)?\s+met\s+(?:at|in)\s+(?:the\s+)?(.+?)\.?\s*$", re.I)
# A heading line naming the place: "IN COMMITTEE ROOMS 3 & 4, COUNCIL HOUSE", "Venue: Civic Centre".
_HEADING_VENUE = re.compile(r"^(?:(?:venue|place|location)\s*:\s*|(?:held\s+)?(?:in|at)\s+(?:the\s+)?)(\S.*)$", re.I)
# A start time printed after the date in the opening ("held on 18 April 2019 at 10.00 am at ...").
_AT_TIME = re.compile(rf"(?:\bat|,)\s+({TIME.pattern})", re.I)
_START = re.compile(
    rf"\b(?:commencing|commenced|starting|started|beginning|began|which\s+began|opened)\s+at\s+({TIME.pattern})", re.I)
_END = re.compile(
    rf"\b(?:meeting|it)\s+(?:was\s+)?(?:concluded|closed|ended|finished|terminated|rose)\s+at\s*:?\s+({TIME.pattern})"
    rf"|\b(?:concluded|closed|ended|finished)\s+at\s*:?\s+({TIME.pattern})",
    re.I,
)
_COUNCIL = re.compile(
    r"\b((?:[A-Z][\w'’&-]*\s+){0,3}?[A-Z][\w'’&-]*)\s+(County|County Borough|Metropolitan Borough|Borough|District|City|Town|Parish)?\s*Council\b"
)
_COUNCIL_LINE = re.compile(r"^((?:(?:[A-Z][\w'’&-]*|&)\s+){0,4}[A-Z][\w'’&-]*\s+(?:(?:County|County Borough|Metropolitan Borough|Borough|District|City|Town)\s+)?Council)$", re.I)
# "... of Kent County Council held ...": capitalised words before "Council" (a place's name may hold "and",
# "of", "&"), not the council's rooms ("held ... in the Council Chamber").
_COUNCIL_OF = re.compile(
    r"\bof\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+(?:(?:and|of|upon|on|&)\s+)?){1,5}?(?:County\s+|Borough\s+|District\s+|City\s+)?Council)\b"
    r"(?!\s+(?:Chamber|Offices?|House|Hall|Buildings?|Rooms?|Headquarters|Centre|Meeting))")
# A council named by its place after "of": "LONDON BOROUGH OF CAMDEN", "Royal Borough of Kingston upon Thames",
# "City of York Council", "Borough of Poole".
_PLACE_OF = re.compile(
    r"^(?:the\s+)?(?:london\s+borough|royal\s+borough|city\s+and\s+county|city|county\s+borough|borough|county)\s+of\s+", re.I)
_PLACE_COUNCIL_LINE = re.compile(
    _PLACE_OF.pattern + r"[A-Za-z][\w'’&-]*(?:\s+(?:(?:and|upon|on|in)\s+)?[A-Za-z][\w'’&-]*){0,4}?(?:\s+council)?$", re.I)
# The council's name in Welsh beside the English: "CYNGOR CAERDYDD", "Cyngor Sir Ddinbych".
_WELSH_COUNCIL_LINE = re.compile(r"^cyngor\s+\S+(?:\s+\S+){0,3}$", re.I)
_BARE_COUNCIL = re.compile(r"^(?:the\s+)?(?:(?:county|borough|district|city|town|parish)\s+)?council$", re.I)
_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "with", "upon"}


@dataclass
class MeetingHeader:
    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    venue: str | None = None
    page: int | None = None
    number: int | None = None
    council_from_body: bool = False


def read_header(header: list[MinutesLine], body: list[MinutesLine], closing: list[MinutesLine]) -> MeetingHeader:
    """`closing`: the lines around the end of the minutes, where the closing time is printed."""
    result = MeetingHeader()
    texts = [l.text.strip() for l in header if l.text.strip()]
    opening, opening_at = _opening_sentence(header)
    above = texts[: opening_at] if opening_at is not None else texts[:3]
    if header:
        result.page, result.number = header[0].page, header[0].number

    for line in above:
        m = _COUNCIL_LINE.match(line) or _PLACE_COUNCIL_LINE.match(line)
        if m and not _BARE_COUNCIL.match(line):  # "COUNTY COUNCIL" heads full Council's minutes
            result.council = smart_title(m.group(1) if m.re is _COUNCIL_LINE else m.group(0))
            break
    if result.council is None and opening:
        if m := _COUNCIL_OF.search(opening):
            if not re.match(r"(?i)^(?:the\s+)?(?:county|borough|district|city)\s+council$", m.group(1)):
                result.council = m.group(1)
    if result.council is None:
        result.council = _most_named_council(body)
        result.council_from_body = result.council is not None

    if opening:
        if m := _MEETING_OF.search(opening):
            result.committee = smart_title(m.group(1).strip(" ,"))
        if m := DATE.search(opening) or NUMERIC_DATE.search(opening):
            result.meeting_date = date_of(m)
        if m := _START.search(opening) or _AT_TIME.search(opening):
            result.start_time = to_time(m.group(1))
        result.venue = _venue(opening)
    if opening is None:
        _read_heading_block(_heading_lines(texts), result)
    if result.start_time is None:
        # "Meeting commenced at 8.05 am" under the opening, or "(Note: The Meeting opened at 6.30 pm
        # and closed at 8.15 pm)" where the minutes close.
        for line in texts + [l.text for l in closing]:
            if m := _START.search(line):
                result.start_time = to_time(m.group(1))
                break
    if result.venue is None:
        for line in texts:
            if m := _MET_AT.match(line):
                result.venue = m.group(1).strip(" ,.")
                break
    if result.committee is None:
        result.committee = _committee_from_heading(above, result.council)
    if result.meeting_date is None:
        # No opening sentence: the date is among the heading lines above the first attendance label.
        above = above if opening_at is not None else _heading_lines(texts)
        for line in above:
            if m := DATE.search(line):
                result.meeting_date = date_of(m)
                break
    for line in closing:
        if result.end_time is None and (m := _END.search(line.text)):
            result.end_time = to_time(m.group(0))
            break
    return result


def local_authority_of(council: str | None) -> str | None:
    """'Kent County Council' -> 'Kent'; the warehouse names councils by their area."""
    if not council:
        return None
    name = re.sub(r"\s+(?:County\s+Borough|Metropolitan\s+(?:Borough|District)|County|Borough|District|City|Town)?\s*Council$",
                  "", council, flags=re.I)
    name = _PLACE_OF.sub("", name)  # "London Borough of Camden" -> "Camden"
    return name.strip() or None


def smart_title(text: str) -> str:
    """Capitals as printed in a heading ('CORPORATE PARENTING PANEL') to a name's case."""
    if text != text.upper():
        return text
    words = text.lower().split()
    # Each part of a hyphened word too: "SUB-COMMITTEE" -> "Sub-Committee", "STOKE-ON-TRENT" -> "Stoke-on-Trent"
    return " ".join(w if (i and w in _SMALL_WORDS) else "-".join(
        p if (k and p in _SMALL_WORDS) else p[:1].upper() + p[1:] for k, p in enumerate(w.split("-")))
        for i, w in enumerate(words))


def to_time(text: str) -> time | None:
    m = TIME.search(text or "")
    if not m:
        return None
    if m.group(4):
        return time(12, 0)
    if m.group(5) or m.group(7):
        return time(int(m.group(5) or m.group(7)), int(m.group(6) or m.group(8)))
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    pm = m.group(3).lower().startswith("p")
    if pm and hour != 12:
        hour += 12
    if not pm and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def opening_line_index(lines: list[MinutesLine], within: int = 40) -> int:
    """Index of the opening sentence's first line among the first `within` lines; -1 when none is printed."""
    for i, line in enumerate(lines[:within]):
        text = line.text.strip()
        # At the start of its line, and not an item about earlier minutes ("Minutes of the previous
        # meeting", "RESOLVED that the minutes of the meeting held on ...").
        if (m := _MINUTES_OF.search(text)) and not text[:m.start()].strip() \
                and not re.search(r"(?i)\bprevious\b|\blast\s+meeting\b|\(pages?\s+\d", text):
            return i
    return -1


def _opening_sentence(header: list[MinutesLine]) -> tuple[str | None, int | None]:
    """The 'MINUTES of ... meeting ...' sentence, wrapped lines joined, and its index among texts."""
    kept = [l for l in header if l.text.strip()]
    texts = [l.text.strip() for l in kept]
    for i, text in enumerate(texts):
        if _MINUTES_OF.search(text):
            parts = [text]
            for line in kept[i + 1: i + 4]:
                more = line.text.strip()
                if re.match(r"(?i)^(?:present|membership|members present)\b", more) or line.starts_paragraph:
                    break
                parts.append(more)
                if more.endswith("."):
                    break
            return join_wrapped(parts), i
    return None, None


def _read_heading_block(heading: list[str], result: MeetingHeader) -> None:
    """Minutes headed by lines, not a sentence (CMIS): "TUESDAY, 14 FEBRUARY 2023 AT 10:00 HOURS",
    "IN COMMITTEE ROOMS 3 & 4, COUNCIL HOUSE, ...", "Venue: Civic Centre", "Time: 6.00 pm"."""
    for line in heading:
        if result.start_time is None and (DATE.search(line) or re.match(r"(?i)^time\s*:", line)):
            times = [to_time(m.group(0)) for m in TIME.finditer(DATE.sub(" ", line))]
            if times:
                result.start_time = times[0]
            if len(times) == 2 and re.match(r"(?i)^time\s*:", line):
                result.end_time = times[1]  # "Time: 4.30pm – 6.00pm"
        if result.venue is None:
            if m := _HEADING_VENUE.match(line):
                if not DATE.search(m.group(1)):
                    result.venue = m.group(1).strip(" ,.")


def _heading_lines(texts: list[str]) -> list[str]:
    out = []
    for text in texts[:10]:
        if re.match(r"(?i)^(?:(?:members|councillors)\s+)?(?:present|membership|attendees|apologies)\b", text):
            break
        out.append(text)
    return out


def _venue(opening: str) -> str | None:
    held = re.search(r"\bheld\b", opening, re.I)
    rest = opening[held.end():] if held else opening
    rest = _WEEKDAY_DATE.sub(" ", rest)
    rest = re.sub(rf"\b(?:on\s+)?(?:\w+day,?\s+)?{NUMERIC_DATE.pattern}", " ", rest, flags=re.I)
    rest = re.sub(rf"\b(?:commencing|commenced|starting|started|beginning|began)\s+at\s+(?:{TIME.pattern})", " ", rest, flags=re.I)
    rest = re.sub(rf"\bat\s+(?:{TIME.pattern})", " ", rest, flags=re.I)
    m = re.search(r"\b(?:at|in)\s+(?:the\s+)?(.*)$", rest.strip(), re.I)
    if not m:
        return None
    venue = re.sub(r"\s+", " ", m.group(1)).strip(" ,.")
    venue = re.sub(r"\s+(?:on|at|in)$", "", venue).strip(" ,.")
    return venue or None


def _committee_from_heading(above: list[str], council: str | None) -> str | None:
    for line in above:
        if council and line.lower() == council.lower():
            continue
        if _COUNCIL_LINE.match(line) or _PLACE_COUNCIL_LINE.match(line) or _WELSH_COUNCIL_LINE.match(line):
            continue
        name = DATE.sub("", line)
        name = re.sub(r"(?i)^minutes\s+of\s+(?:an?\s+|the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?", "", name.strip())
        if re.fullmatch(r"(?i)(?:draft\s+)?minutes|agenda|part\s+\w+", name.strip()):
            continue  # "MINUTES" printed alone under the committee's name
        name = re.sub(r"\s*[-–—,]\s*$", "", name.strip()).strip(" -–—,")
        if len(name.split()) >= 1 and re.search(r"[A-Za-z]", name):
            return smart_title(name)
    return None


def _most_named_council(body: list[MinutesLine]) -> str | None:
    """The council the minutes name most often, when one clearly leads (at least twice)."""
    counts: Counter[str] = Counter()
    for line in body:
        for m in _COUNCIL.finditer(line.text) if "Council" in line.text else ():  # the pattern's one fixed word
            if m.group(2):
                counts[f"{m.group(1)} {m.group(2)} Council"] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
