"""The minutes' lines as a parser wants them.

PDF extraction can cut one printed line into several (a fully justified line
becomes one group per word; a list printed in columns becomes one group per
cell) and keeps the bare page number printed at the top of each page. Both
would break item headings and attendance lists, so they are mended here once.
The cells of a line printed in columns are kept beside its text: names listed
in columns with no commas ("Muhammad Afzal   Eddie Freeman   Zhor Malik") can
only be told apart by the gaps between them.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import groupby
from operator import attrgetter
from dataclasses import dataclass

from parsers.minutes.names import starts_with_title
from parsers.minutes.word_cells import COLUMN_GAP, WordCells
from schemas.document import Document

_BARE_PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_CUT_WORD_END = re.compile(r"(?:^|\s)[A-Z]$")
# A break between two lines (joined by a newline) that may need no space (_spaced): after a hyphen, or
# after a capital standing alone before a letter that may be lower case. Most paragraphs hold neither.
# It opens with the newline so that re scans for that one character, not tries every position.
_MAY_BE_MENDED = re.compile(r"\n(?:(?<=-\n)|(?<=(?<!\S)[A-Z]\n)(?=[^A-Z0-9\s]))")
_SAME_BASELINE = 2.0  # points: groups whose tops differ by less sit on one printed line
_TEXT_COLUMN_GAP = re.compile(r"\s{3,}")
_FIVE_LETTERS = re.compile(r"(?:[^A-Za-z]*[A-Za-z]){5}")  # five letters or more: stops at the fifth
_OPENS_WITH_NUMBER_OR_BRACKET = re.compile(r"^[\d(]")
_PAGE = attrgetter("page")
_DIGITS = re.compile(r"\d+")  # a pdftotext -layout line: columns apart by runs of spaces


@dataclass(slots=True)
class MinutesLine:
    text: str
    page: int
    number: int  # the source's line number (text) or running line index (PDF)
    x0: float | None = None  # left edge (PDF only): headings and sub-points differ by indent
    top: float | None = None
    bottom: float | None = None
    # Paragraph break before this line: a blank line (text) or a gap taller than half a line (PDF).
    starts_paragraph: bool = False
    # The line's cells when it was printed in columns (one cell otherwise).
    cells: list[str] | None = None

    @property
    def columns(self) -> list[str]:
        if self.cells:
            return self.cells
        return [c for c in _TEXT_COLUMN_GAP.split(self.text.strip()) if c] or [self.text.strip()]

    @property
    def blank(self) -> bool:
        return not self.text or self.text.isspace()  # as `not text.strip()`, with no copy made


def minutes_lines(doc: Document) -> list[MinutesLine]:
    """The document's lines with split baselines merged and page numbers dropped."""
    out: list[MinutesLine] = []
    last: MinutesLine | None = None  # the line last added, with its top and its last group's right edge
    last_top = last_right = None
    previous_page = None
    pdf = doc.source_kind == "pdf"
    running = _running_lines(doc)
    cells_of = WordCells().of
    for line in doc.lines:
        if running and id(line) in running:
            continue
        text = line.text.rstrip()
        page, top = line.page, line.top
        first_on_page = page != previous_page
        previous_page = page
        if pdf and first_on_page and _BARE_PAGE_NUMBER.match(text):
            continue
        if (
            last is not None
            and top is not None
            and last_top is not None
            and last.page == page
            and abs(top - last_top) < _SAME_BASELINE
            and line.x0 is not None
            and last.x0 is not None
            and line.x0 > last.x0
        ):
            last.text = f"{last.text} {text.strip()}"
            cells = last.cells or [last.text[: -len(text.strip()) - 1].strip()]
            more = cells_of(line) or [text.strip()]
            if last_right is not None and line.x0 - last_right > COLUMN_GAP:
                cells += more
            else:
                cells[-1] = f"{cells[-1]} {more[0]}"
                cells += more[1:]
            last.cells = cells if len(cells) > 1 else None
            last_right = line.x1
            continue
        last = MinutesLine(text, page, line.number, line.x0, top, line.bottom, False, cells_of(line))
        out.append(last)
        last_top, last_right = top, line.x1
    _mark_paragraphs(out)
    return out


def _running_lines(doc: Document, edge: int = 2) -> set[int]:
    """Running headers and footers on the minutes' later pages ("Cabinet - 14 February 2023").

    The reading layer drops them only from PDFs of four pages or more; most minutes are shorter.
    A line counts when the same text (digits masked) stands among the first or last `edge` lines of
    two pages or more, at the same height in a PDF. The first page keeps its copy: there it is the
    heading. Minute headings and "(Item 3)" anchors never count, whatever their height.
    """
    printed: dict[int, list] = {}  # each page's lines: only those near its ends are looked at
    for page, run in groupby(doc.lines, _PAGE):
        printed.setdefault(page, []).extend(run)
    pages = {page: (head, _printed(reversed(lines), edge)[::-1])
             for page, lines in printed.items() if (head := _printed(lines, edge))}
    if len(pages) < 2:
        return set()
    seen: dict[str, list] = {}
    for head, tail in pages.values():
        for line in {id(l): l for l in head + tail}.values():
            text = line.text.strip()
            if not _FIVE_LETTERS.match(text) or _OPENS_WITH_NUMBER_OR_BRACKET.match(text):
                continue
            seen.setdefault(_DIGITS.sub("#", text.lower()), []).append(line)
    first_page = min(pages)
    dropped: set[int] = set()
    for copies in seen.values():
        if len({l.page for l in copies}) < 2:
            continue
        tops = [l.top for l in copies if l.top is not None]
        if tops and max(tops) - min(tops) > 3:
            continue
        dropped |= {id(l) for l in copies if l.page != first_page}
    return dropped


def _printed(lines, edge: int) -> list:
    """The first `edge` lines that are not blank (no stripped copy made)."""
    out = []
    for line in lines:
        if line.text and not line.text.isspace():
            out.append(line)
            if len(out) == edge:
                break
    return out


def _mark_paragraphs(lines: list[MinutesLine]) -> None:
    previous: MinutesLine | None = None
    for line in lines:
        if previous is None or not previous.text or previous.text.isspace():  # previous.blank, with no call
            line.starts_paragraph = True
        elif line.page != previous.page:
            # Across a page break only the punctuation tells: a finished sentence ends a paragraph.
            line.starts_paragraph = previous.text.rstrip().endswith((".", ":", ";"))
        elif line.top is not None and previous.bottom is not None and previous.top is not None:
            height = max(1.0, previous.bottom - previous.top)
            line.starts_paragraph = line.top - previous.bottom > 0.5 * height
        previous = line


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped lines into one string: a word broken at a hyphen or mid-word is mended."""
    if len(parts) == 1:
        return parts[0].strip()  # a paragraph of one line, the most common
    kept = [part for part in map(str.strip, parts) if part]
    if not _MAY_BE_MENDED.search("\n".join(kept)):  # (a newline inside a line can only send it the long way)
        return " ".join(kept)  # no line ends where a word may have been broken: every break is a space
    out: list[str] = []
    tail = ""
    for part in kept:
        if tail and _spaced(tail, part):
            out.append(" ")
        out.append(part)
        tail = part[-3:]
    return "".join(out)


def text_with_positions(lines: list[MinutesLine]) -> tuple[str, list[int]]:
    """The lines joined as join_wrapped does, with where each line starts in the result."""
    starts, out, length, tail = [], [], 0, ""
    for line in lines:
        part = line.text.strip()
        starts.append(length)
        if part and tail and _spaced(tail, part):
            out.append(" ")
            length += 1
        if part:
            out.append(part)
            length += len(part)
            tail = part[-3:]
    return "".join(out), starts


def line_at(starts: list[int], lines: list[MinutesLine], offset: int) -> MinutesLine:
    """The line a character of text_with_positions' text was printed on (the last one starting at or
    before it: a blank line starts where the next one does)."""
    return lines[max(bisect_right(starts, offset) - 1, 0)]


def _spaced(tail: str, part: str) -> bool:
    if tail[-1] == "-" and len(tail) > 1 and tail[-2].isalpha():
        return False  # "Vice-" + "Chair", "Barrington-" + "King"
    if part[0].islower() and _CUT_WORD_END.search(tail):
        return False  # "Young P" + "eople": a word cut by a column edge
    return True


# A full stop before a capital, a numbered paragraph ("... Ms A Farmer. 1.2 Councillor ...") or the end.
_SENTENCE_END = re.compile(r"\.(?=\s+(?:[A-Z]|\d+(?:\.\d+)+\s)|\s*$)")


def sentence_end(text: str, start: int) -> int:
    """Where the sentence running from `start` ends; 'Mr.' and initials ('J.') do not end it."""
    for m in _SENTENCE_END.finditer(text, start):
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        if starts_with_title(word + " x") or re.fullmatch(r"[A-Z]", word):
            continue
        return m.start()
    return len(text)
