"""The facts a report prints above its judgements: title, authority, dates, lead inspector."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parsers.common.authorities import canonical_authority
from parsers.common.dates import parse_date
from parsers.ofsted_inspection.dates import is_complete_period, parse_periods
from parsers.ofsted_inspection.entries import Entry
from parsers.common.text import fold_quotes
from parsers.ofsted_inspection.titles import DATES_LINE, find_title, match_title, title_opening

_PUBLISHED = re.compile(r"^(?:report\s+)?published\s*:?\s*(.*)$", re.I)
# Away from the header only a labelled date counts: a wrapped sentence may open `published in 2014 ...`.
_PUBLISHED_LABEL = re.compile(r"^(?:report\s+)?published\s*:\s*(.+)$", re.I)
# `Reporting inspector` is the older frameworks' name for the lead.
_LEAD = re.compile(r"^(?P<co>co-?\s?)?(?:lead|reporting)\s+inspectors?(?:\s+on\s+site)?\s*:?\s*(?P<rest>.*)$", re.I)
# What follows a name on the lead inspector line: a title, never part of the name.
_INSPECTOR_TITLE = re.compile(
    r",|\s*\(|\s+(?:senior\s+)?s?hmi\b\.?|\s+(?:her|his)\s+majesty|\s+ofsted\s+inspector|\s+social care regulatory inspector"
    # the next label of the team table run onto the same line: `Jane Smith Deputy lead inspector: ...`
    r"|\s+(?:deputy|team|shadow|co-?\s?lead)\s+(?:lead\s+)?inspectors?\b",
    re.I,
)
_NAME_SEPARATOR = re.compile(r"\s+and\s+|\s*;\s*|\s+&\s+", re.I)
_NAME_LINKS = {"of", "and", "upon", "on", "the", "in", "with"}
# Cover-page facts printed between the dates and `Published:` in 2009-2013 reports
# (`Age group: All`, `Reference no: 80060`): part of the header, never the end of it.
_COVER_FACT = re.compile(r"^(?:age\s+group|reference\s+(?:no|number)|unique\s+reference|urn)\b\.?\s*:?", re.I)
_HEADER_SEARCH = 12  # a report's header facts sit within its first dozen lines


@dataclass
class Header:
    title: str | None = None
    framework: str | None = None
    kind: str | None = None  # inspection | lscb_review
    title_entry: Entry | None = None
    local_authority: str | None = None
    authority_as_printed: str | None = None
    inspection_start: date | None = None
    inspection_end: date | None = None
    periods: list[tuple[date, date]] = field(default_factory=list)
    dates_entry: Entry | None = None
    published: date | None = None
    published_entry: Entry | None = None
    end_index: int = 0  # first entry after the header facts
    warnings: list[str] = field(default_factory=list)


def read_header(entries: list[Entry]) -> Header:
    head = Header()
    texts = [e.text for e in entries[:_HEADER_SEARCH + 6]]
    found = find_title(texts, search_lines=_HEADER_SEARCH)
    if found is None:
        head.warnings.append("report title not recognised: framework and local authority unread")
        title_start = title_end = 0
    else:
        title_start, title_end, title = found
        head.title = fold_quotes(title)
        head.title_entry = entries[title_start]
        head.framework, head.kind = match_title(title) or (None, None)
        opening = title_opening(texts[title_start])
        _read_authority(head, texts[:title_start], texts[title_end : title_end + 1], opening[0] if opening else "")
    i = title_end
    end = min(len(entries), title_end + 8)
    while i < end:
        text = entries[i].text
        if DATES_LINE.match(text) and head.dates_entry is None:
            i = _read_dates(head, entries, i)
            continue
        m = _PUBLISHED.match(text)
        if m and head.published is None:
            head.published = parse_date(m.group(1))
            head.published_entry = entries[i]
            if head.published is None:
                head.warnings.append(f"publication date unreadable: {text!r}")
        elif head.dates_entry is not None and not _LEAD.match(text) and not _is_inspector_title(text) \
                and not _COVER_FACT.match(text):
            break
        i += 1
    head.end_index = i
    if head.published is None and head.published_entry is None and head.title_entry is not None:
        _published_further_down(head, entries, i)
    if head.dates_entry is None:
        head.warnings.append("no 'Inspection dates' line: inspection dates unread")
    if head.published is None and head.published_entry is None:
        head.warnings.append("no 'Report published' line: publication date not printed")
    return head


_LA_IN_TITLE = re.compile(
    r"^(?:re-?\s?)?inspection of (.+?) (?:local authority children's services|children's services$)"
    r"|^(?:re-?\s?)?inspection of (.+? (?:children's (?:services )?trust|children and families trust))$",
    re.I,
)
_NAME_LINES = 3  # an authority's name wraps over at most three lines above the title


def _published_further_down(head: Header, entries: list[Entry], start: int) -> None:
    """A `Published:` label further down the title's page (2009-2013 covers print it under other cover facts)."""
    page = head.title_entry.line.page
    for entry in entries[start:]:
        if entry.line.page != page:
            return
        m = _PUBLISHED_LABEL.match(entry.text)
        if m and parse_date(m.group(1)):
            head.published, head.published_entry = parse_date(m.group(1)), entry
            return


def _read_authority(head: Header, before_title: list[str], after_title: list[str], on_title_line: str) -> None:
    printed = None
    m = _LA_IN_TITLE.match(head.title or "")
    if m and (m.group(1) or m.group(2)).lower() != "local authority":
        printed = m.group(1) or m.group(2)
    elif on_title_line:
        printed = on_title_line  # `Barnsley Metropolitan Borough Council Inspection of ...`
    elif before_title and _looks_like_a_name(before_title[-1]):
        # The name above the title, wrapped: `Metropolitan Borough of Barnsley` / `Council`.
        k = len(before_title) - 1
        while k > 0 and len(before_title) - k < _NAME_LINES and _looks_like_a_name(before_title[k - 1]):
            k -= 1
        # The longest run of lines that names a known authority; a line above the name (a running
        # head, `Ofsted`) is not part of it. Unknown, the whole run is kept as printed.
        known = (" ".join(before_title[j:]) for j in range(k, len(before_title)))
        printed = next((t for t in known if canonical_authority(fold_quotes(t))), " ".join(before_title[k:]))
    elif after_title and _looks_like_a_name(after_title[0]):
        # Older reports print the authority under the title (`Inspection of safeguarding ...` / `London Borough of X`).
        printed = after_title[0]
    if printed is None:
        head.warnings.append("local authority not printed beside the title")
        return
    head.authority_as_printed = fold_quotes(" ".join(printed.split()))
    head.local_authority = canonical_authority(head.authority_as_printed)
    if head.local_authority is None:
        head.local_authority = head.authority_as_printed
        head.warnings.append(f"local authority {head.authority_as_printed!r} is not in the list of authorities: kept as printed")


def _looks_like_a_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 8 and ":" not in text and all(w[:1].isupper() or w in _NAME_LINKS for w in words)


def _read_dates(head: Header, entries: list[Entry], i: int) -> int:
    head.dates_entry = entries[i]
    phrase = DATES_LINE.sub("", entries[i].text)
    i += 1
    # A split fieldwork period can wrap: `... and 28 – 30` / `January 2014`.
    while not is_complete_period(phrase) and i < len(entries) and i - entries.index(head.dates_entry) <= 2:
        phrase = f"{phrase} {entries[i].text}"
        i += 1
    periods = parse_periods(phrase)
    if not periods:
        head.warnings.append(f"inspection dates unreadable: {phrase!r}")
        return i
    head.periods = periods
    head.inspection_start = periods[0][0]
    head.inspection_end = periods[-1][1]
    return i


def _is_inspector_title(text: str) -> bool:
    return bool(re.match(r"^(?:her|his) majesty's inspector$", fold_quotes(text), re.I))


def read_lead_inspectors(entries: list[Entry]) -> tuple[list[str], Entry | None]:
    """Names on the `Lead inspector(s):` / `Co-lead inspector:` lines, in order, and where the first was."""
    names: list[str] = []
    where: Entry | None = None
    for i, entry in enumerate(entries):
        m = _LEAD.match(entry.text)
        if not m:
            continue
        rest = m.group("rest").strip()
        if not rest and i + 1 < len(entries):
            rest = entries[i + 1].text  # the name printed under its label (two-column team table)
        found = [n for n in (_clean_name(part) for part in _NAME_SEPARATOR.split(rest)) if n]
        if found and where is None:
            where = entry
        names.extend(n for n in found if n not in names)
        if names and not m.group("co") and not _co_lead_follows(entries, i):
            break
    return names, where


def _co_lead_follows(entries: list[Entry], i: int) -> bool:
    return any(e.text.lower().startswith(("co-lead", "co lead")) for e in entries[i + 1 : i + 4])


def _clean_name(text: str) -> str | None:
    name = _INSPECTOR_TITLE.split(text, maxsplit=1)[0].strip().rstrip(".").strip()
    if not name or len(name.split()) > 5 or not name[0].isupper():
        return None
    return name
