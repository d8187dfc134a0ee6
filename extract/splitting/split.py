"""Find the documents inside a source and say what each is.

One mechanism for PDFs and text alike: walk the source's lines, open a
document where a start cue fires (`cues.py`), close it where an end cue
fires or the next document opens, and classify what is left between
documents from its own first lines. PDFs add two structural hints that
text extractions have lost: documents in a pack start at the top of a page,
and ModernGov packs carry an outline naming each item's first page.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from extract.splitting.authorities import AUTHORITIES, authorities_in
from extract.splitting.cues import (
    ATTENDANCE_LABEL,
    BLANK_PAGE,
    COPYRIGHT,
    END_OF_DOCUMENT,
    INSIDE_COVER_PAGES,
    SIGNATURE,
    START_CUES,
    TYPE_PRIORITY,
    VALEDICTION,
    StartCue,
)
from extract.splitting.document import make_document
from extract.splitting.recognisers import recognise
from parsers.common.ofsted_letters import LETTERHEAD_MARK
from parsers.common.dates import find_dates
from schemas.document import Document, Line, Source

# Bump when the same file would now be read, cut or typed differently (this
# covers the reading layer too): ingest then re-splits sources the warehouse
# holds from an older version.
VERSION = "3"  # 3: status-colour fills read with PDF pages; outline entries typed by their page (card reports)
# 2: more minutes headings, performance-report titles, inside-cover copyright, JTAI letters,
#                table headings kept at page tops

# Types whose documents a weak cue (an agenda or report heading) may not cut.
# (Tables such as dashboards and grids are not strong: a report heading after them starts a report.)
STRONG_TYPES = {"ofsted_inspection", "monitoring_letter", "minutes"}
WEAK_TYPES = {"agenda", "report"}
MERGE_DISTANCE = 6  # two starts closer than this (non-empty lines) are one start
MIN_GAP_LINES = 3  # fewer un-cued lines than this after a document stay with it
HEADING_GAP_LINES = 4  # up to this many un-cued lines just before a start are its heading
_POST_LINE = re.compile(r"\b(?:inspector|hmi|director|officer|manager|chair|clerk|head)\b", re.I)


@dataclass
class _Start:
    index: int  # index into the source's lines where the document begins
    doc_type: str
    cue: StartCue | None
    title: str = ""
    # An outline entry whose title names no type, typed by what its page prints (a bookmark over
    # every page of a card report): it continues a document of that type rather than cutting it.
    typed_by_page: bool = False


def split_source(source: Source) -> list[Document]:
    lines = source.lines
    if not lines:
        return []
    nonempty = [i for i, l in enumerate(lines) if l.text.strip()]
    starts = _find_starts(source, lines, nonempty)
    ends = _find_ends(lines, nonempty)
    blank = {i for i in nonempty if BLANK_PAGE.match(lines[i].text)}
    segments = _attach_action_logs(_segments(lines, starts, ends, blank))
    pack_authority = _main_authority(lines)
    documents = []
    for n, (seg_lines, start) in enumerate(segments):
        doc_type = start.doc_type if start.cue or start.title else classify_lines(seg_lines)
        if not _has_text(seg_lines):
            doc_type = "other"  # image-only pages: nothing to parse, nothing to invent
        title = start.title or _title(seg_lines)
        next_page = segments[n + 1][0][0].page if n + 1 < len(segments) else len(source.pages) + 1
        doc = make_document(source, seg_lines, doc_type, title, page_end=_through_empty_pages(source, seg_lines[-1].page, next_page))
        doc.document_date = _first_date(seg_lines)
        doc.local_authority = _named_in_heading(seg_lines) or pack_authority
        documents.append(doc)
    return documents


def _through_empty_pages(source: Source, last_page: int, next_page: int) -> int:
    """The last page of a document whose final pages have no text at all (image-only scans)."""
    page = last_page
    while page + 1 < next_page and page + 1 <= len(source.pages) and not source.pages[page].lines:
        page += 1
    return page


_PERSON = re.compile(r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z]|\((?:vice[- ])?chair(?:man|person)?\)", re.I)


def _named_in_heading(lines: list[Line]) -> str | None:
    """The authority a document names in its opening lines (its cover, letterhead or heading)."""
    texts = [l.text for l in lines if l.text.strip()]
    head = texts[:12]
    # An inspectorate's letterhead gives its own address (Ofsted's is in Manchester):
    # the authority is named after it, in the addressee block or the subject.
    marks = [k for k, t in enumerate(head) if LETTERHEAD_MARK.search(t)]
    if marks:
        head = texts[marks[-1] + 1 : marks[-1] + 13]
    # The heading ends where a list of people begins: "Brent Fielding (Chair)" names a person.
    people = next((k for k, t in enumerate(head) if ATTENDANCE_LABEL.match(t)), len(head))
    head = [t for t in head[:people] if not _PERSON.search(t)]
    found = authorities_in("\n".join(head))
    return found[0] if found else None


# --- starts ---------------------------------------------------------------------------------


def _cue_fires(cue: StartCue, lines: list[Line], nonempty: list[int], pos: int) -> bool:
    """Does `cue` fire at nonempty[pos]?"""
    if not cue.anchor.search(lines[nonempty[pos]].text):
        return False
    window = nonempty[pos : pos + 1 + cue.window]
    if cue.confirm_kind is not None:
        # Confirmed by its own page: a covering report is not a scorecard because cards follow it.
        page = lines[nonempty[pos]].page
        return recognise([lines[i].text for i in window if lines[i].page == page]) == cue.confirm_kind
    if cue.confirm is None:
        return True
    return any(cue.confirm.search(lines[i].text) for i in window)


def _best_cue(lines: list[Line], nonempty: list[int], pos: int) -> StartCue | None:
    fired = [c for c in START_CUES if _cue_fires(c, lines, nonempty, pos)]
    if not fired:
        return None
    return min(fired, key=lambda c: TYPE_PRIORITY.index(c.doc_type))


def _find_starts(source: Source, lines: list[Line], nonempty: list[int]) -> list[_Start]:
    starts: list[_Start] = []
    if source.kind == "pdf":
        first_of_page: dict[int, int] = {}
        for pos, i in enumerate(nonempty):
            first_of_page.setdefault(lines[i].page, pos)
        deepest = max(c.page_top_lines for c in START_CUES)
        for page, pos0 in first_of_page.items():
            top = [p for p in range(pos0, min(pos0 + deepest, len(nonempty))) if lines[nonempty[p]].page == page]
            fired = [
                c for p in top for c in START_CUES
                if p - pos0 < c.page_top_lines and _cue_fires(c, lines, nonempty, p)
            ]
            if fired:
                cue = min(fired, key=lambda c: TYPE_PRIORITY.index(c.doc_type))
                starts.append(_Start(nonempty[pos0], cue.doc_type, cue))
        starts.extend(_outline_starts(source, lines, nonempty, {lines[s.index].page for s in starts}))
        starts.sort(key=lambda s: s.index)
    else:
        for pos in range(len(nonempty)):
            cue = _best_cue(lines, nonempty, pos)
            if cue:
                starts.append(_Start(_back_up(lines, nonempty, pos, cue), cue.doc_type, cue))
    return _merge_close_starts(starts, nonempty, lines)


def _outline_starts(source: Source, lines: list[Line], nonempty: list[int], cued_pages: set[int]) -> list[_Start]:
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
            head = [lines[i].text for i in nonempty[pos:pos + 20] if lines[i].page == page]
            kind = recognise(head)
            doc_type, by_page = (kind, True) if kind else (doc_type, False)
        out.append(_Start(first_line_of_page[page], doc_type, None, title=title, typed_by_page=by_page))
        cued_pages.add(page)
    return out


def _merge_close_starts(starts: list[_Start], nonempty: list[int], lines: list[Line]) -> list[_Start]:
    """A title that fires two cues a line apart is one start, of the more specific type.

    Starts on different pages are never one: a short page can end a document.
    """
    merged: list[_Start] = []
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


def _back_up(lines: list[Line], nonempty: list[int], pos: int, cue: StartCue) -> int:
    """Text sources: a document starts at its heading block (or a letter at its date), not its anchor."""
    if cue.back_to_date:
        for p in range(pos - 1, max(-1, pos - 15), -1):
            text = lines[nonempty[p]].text.strip()
            if _is_end_line(text):
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
        if len(text) > 60 or _is_end_line(text):
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
    return 0 < len(text) <= 40 and not _is_end_line(text) and (
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
        and not _is_end_line(text)
        and not SIGNATURE.match(text)
        and not text.lower().startswith(("http", "www."))
    )


def _is_end_line(text: str) -> bool:
    return bool(END_OF_DOCUMENT.match(text) or VALEDICTION.match(text) or BLANK_PAGE.match(text))


# --- ends -----------------------------------------------------------------------------------


def _find_ends(lines: list[Line], nonempty: list[int]) -> set[int]:
    """Indices of the last line of a document."""
    ends = set()
    for pos, i in enumerate(nonempty):
        text = lines[i].text
        if END_OF_DOCUMENT.match(text):
            last = i
            nxt = nonempty[pos + 1] if pos + 1 < len(nonempty) else None
            if nxt is not None and SIGNATURE.match(lines[nxt].text):
                last = nxt
            ends.add(last)
        elif VALEDICTION.match(text):
            # The signer's name and post follow: end at the post line.
            last = i
            for p in range(pos + 1, min(pos + 4, len(nonempty))):
                last = nonempty[p]
                if _POST_LINE.search(lines[last].text):
                    break
            ends.add(last)
    return ends


# --- segments -------------------------------------------------------------------------------


def _segments(lines: list[Line], starts: list[_Start], ends: set[int], blank: set[int]) -> list[tuple[list[Line], _Start]]:
    start_at = {s.index: s for s in starts}
    segments: list[tuple[list[Line], _Start]] = []
    current: list[Line] = []
    current_start: _Start | None = None
    gap: list[Line] = []  # un-cued lines after a document closed
    paged = bool(lines) and lines[0].page != lines[-1].page  # a text with no page breaks says nothing of covers

    def close() -> None:
        nonlocal current, current_start
        if current_start is not None and any(l.text.strip() for l in current):
            segments.append((current, current_start))
        current, current_start = [], None

    def flush_gap(before_start: bool = False) -> list[Line]:
        """Emit the un-cued lines; a short run just before a start is that document's heading."""
        nonlocal gap
        carried: list[Line] = []
        size = sum(1 for l in gap if l.text.strip())
        if before_start and 0 < size <= HEADING_GAP_LINES:
            carried = gap
        elif size >= MIN_GAP_LINES or (size and not segments):
            segments.append((gap, _Start(0, "", None)))
        elif gap and segments:
            segments[-1][0].extend(gap)
        gap = []
        return carried

    for i, line in enumerate(lines):
        if i in blank:
            close()
            flush_gap()
            continue
        s = start_at.get(i)
        if s is not None and not _continues(current_start, s):
            close()
            current, current_start = flush_gap(before_start=True) + [line], s
        elif current_start is not None:
            current.append(line)
        else:
            gap.append(line)
        if i in ends and current_start is not None and not (paged and _on_inside_cover(line, current)):
            close()
    close()
    flush_gap()
    return segments


def _on_inside_cover(line: Line, current: list[Line]) -> bool:
    """A copyright notice on a document's first pages is its inside cover, not its end."""
    return bool(COPYRIGHT.match(line.text)) and line.page - current[0].page < INSIDE_COVER_PAGES


def _continues(current: _Start | None, new: _Start) -> bool:
    """Is this start really a running header, or a weak cue inside a strong document?"""
    if current is None:
        return False
    if new.cue is not None and new.cue.repeats_as_header and new.doc_type == current.doc_type:
        return True
    if new.cue is not None and new.cue.soft and new.doc_type == current.doc_type:
        return True
    if new.typed_by_page and new.doc_type == current.doc_type:
        return True
    # A weak cue, or an outline entry, does not cut a strong document (an outline
    # bookmark inside minutes names a speaker, not a new item).
    if (new.doc_type in WEAK_TYPES or new.cue is None) and current.doc_type in STRONG_TYPES:
        return True
    return False


_ACTION_LOG_TITLE = re.compile(r"\baction(?:s|\s+log|\s+tracker)\b", re.I)


def _attach_action_logs(segments: list[tuple[list[Line], _Start]]) -> list[tuple[list[Line], _Start]]:
    """An action log printed after minutes (with no cue of its own) belongs to those minutes."""
    out: list[tuple[list[Line], _Start]] = []
    for seg_lines, start in segments:
        if out and start.cue is None and not start.title and out[-1][1].doc_type == "minutes":
            head = [l.text for l in seg_lines if l.text.strip()][:3]
            if any(_ACTION_LOG_TITLE.search(t) for t in head):
                out[-1][0].extend(seg_lines)
                continue
        out.append((seg_lines, start))
    return out


_GOV_DOMAIN = re.compile(r"@([a-z-]+)\s*\.gov\.uk\b", re.I)


def _authorities_in_email_domains(text: str) -> list[str]:
    """`clerk@kent.gov.uk` names its council when the text does not."""
    by_key = {re.sub(r"[^a-z]", "", a.lower()): a for a in AUTHORITIES}
    return [by_key[k] for d in _GOV_DOMAIN.findall(text) if (k := re.sub(r"[^a-z]", "", d.lower())) in by_key]


# --- classification and metadata ----------------------------------------------------------

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


def classify_lines(lines: list[Line]) -> str:
    """Type of a run of lines that no start cue opened, from its first lines."""
    head = [l for l in lines if l.text.strip()][:20]
    for l in head:
        for cue in START_CUES:
            if cue.anchor.search(l.text) and not cue.soft:
                return cue.doc_type
    kind = recognise([l.text for l in head])
    if kind:
        return kind
    for l in head[:6]:
        if re.search(r"\breport\b", l.text, re.I) and len(l.text.strip()) <= 90:
            return "report"
    if _looks_like_performance_commentary(lines):
        return "scorecard_commentary"
    return "other"


_STAMP = re.compile(r"^\s*agenda\s+item\s+\d+\w?\s*$", re.I)


_THREE_LETTERS = re.compile(r"[A-Za-z][^A-Za-z]*[A-Za-z][^A-Za-z]*[A-Za-z]")


def _has_text(lines: list[Line]) -> bool:
    """More than stamps and page numbers (image-only pages leave only those)."""
    found = 0
    for l in lines:
        if _THREE_LETTERS.search(l.text) and not _STAMP.match(l.text):
            found += 1
            if found >= 3:
                return True
    return False


_NUMBERED_PARAGRAPH = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+[A-Z]")
_PERFORMANCE_WORD = re.compile(r"\b(?:target|quarter|performance|tolerance|indicator)\b", re.I)


def _looks_like_performance_commentary(lines: list[Line]) -> bool:
    """Numbered paragraphs talking about targets and quarters: commentary on a scorecard."""
    numbered = sum(1 for l in lines if _NUMBERED_PARAGRAPH.match(l.text))
    text = "\n".join(l.text for l in lines)
    return numbered >= 3 and len(_PERFORMANCE_WORD.findall(text)) >= 10


def _title(lines: list[Line]) -> str:
    """The document's own title: its first heading lines, joined."""
    parts: list[str] = []
    for l in lines:
        text = l.text.strip()
        if not text:
            if parts:
                break
            continue
        if re.fullmatch(r"\d{1,3}", text):  # a page number above the title
            continue
        if parts and (len(text) > 90 or text.endswith(".")):
            break
        parts.append(text)
        if len(parts) >= 4 or len(" ".join(parts)) > 160:
            break
    title = re.sub(r"\s+", " ", " ".join(parts)).strip()
    return title[:200]


def _first_date(lines: list[Line]):
    for l in lines[:40]:
        found = find_dates(l.text)
        if found:
            return found[0][0]
    return None


def _main_authority(lines: list[Line], min_count: int = 1) -> str | None:
    """The authority a run of lines names most often (a pack speaks for one council)."""
    text = "\n".join(l.text for l in lines[:1500])
    names = authorities_in(text) or _authorities_in_email_domains(text)
    counts = Counter(names).most_common(2)
    if not counts or counts[0][1] < min_count or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]
