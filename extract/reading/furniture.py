"""Page furniture: what extraction leaves behind that is not content.

Normalising characters and dropping stamps happens here, once, so parsers
never see a non-breaking space, a private-use bullet glyph, a `Page 15`
footer, a vertical stamp split over two lines (`P` / `age 52`), a stray
`javascript:` link, or a header repeated on every page.
"""
from __future__ import annotations

import re

from schemas.document import WORD_SEPARATOR, Line, Page

_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\u00ad": ""})
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_LINK_LINE = re.compile(r"^\s*(javascript:|file:///|about:blank|mailto:)", re.I)
# "Page 15", "Page 15 of 40", "- 15 -" on a line of its own.
_PAGE_STAMP = re.compile(r"^\s*(?:Page\s+(\d+)(?:\s+of\s+\d+)?|-\s*(\d+)\s*-)\s*$", re.I)
_VERTICAL_STAMP_TAIL = re.compile(r"^\s*age\s+(\d+)\s*$")
# What every line `remove_stamps` acts on starts like (a superset): a page with no such line is left as it is.
_MAYBE_FURNITURE = re.compile(r"^\s*(?:javascript:|file:///|about:blank|mailto:|page\s+\d|-\s*\d|age\s+\d|P\s*$)", re.I)


def clean_text(text: str) -> str:
    """Character-level normalisation of one line of extracted text."""
    if text.isascii() and "\t" not in text:
        return text.rstrip()  # the common case, and the hot path when reading PDFs word by word
    text = text.translate(_SPACES)
    text = _PRIVATE_USE.sub("•", text)
    return text.rstrip()


# ASCII characters `clean_text` changes: a page of words with none of them, and nothing beyond ASCII,
# needs no cleaning at all (rare: most pages print a curly quote or a dash).
_TRAILING_SPACE = re.compile(rf"\s+(?={WORD_SEPARATOR}|\Z)")
_ASCII_TO_CLEAN = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f]")


def clean_joined(joined: str) -> str:
    """`clean_text` of each word of a page, its words joined by WORD_SEPARATOR (which no word holds): one
    pass of each rule instead of one per word (a page has hundreds; the corpus a million). The same
    string comes back when nothing needed cleaning."""
    if joined.isascii() and not _ASCII_TO_CLEAN.search(joined):
        return joined
    for char, replacement in _SPACES.items():  # `translate` walks every character: 50 ns each, 100 µs a page
        if chr(char) in joined:
            joined = joined.replace(chr(char), replacement)
    joined = _PRIVATE_USE.sub("•", joined)
    if joined.split(maxsplit=1) == [joined]:
        # No white space at all (most pages: MuPDF's words hold none), so none trails a word. `split`
        # finds that at C speed; the regex tried a match at every character (a seventh of cleaning).
        return joined
    return _TRAILING_SPACE.sub("", joined)


def is_link_line(text: str) -> bool:
    return bool(_LINK_LINE.match(text))


def page_stamp(text: str) -> str | None:
    """The printed page number if this line is a `Page N` stamp."""
    m = _PAGE_STAMP.match(text)
    return (m.group(1) or m.group(2)) if m else None


def vertical_stamp(first: str, second: str) -> tuple[str, str] | None:
    """`P` then `age 52`: a rotated `Page 52` stamp that extraction split in two.

    The `P` may stand alone or be glued to the end of the line before
    (`... Medium 9 P`). Returns (the first line without its `P`, the label).
    """
    m = _VERTICAL_STAMP_TAIL.match(second)
    if not m:
        return None
    stripped = first.rstrip()
    if stripped == "P" or stripped.endswith(" P"):
        return stripped[:-1].rstrip(), m.group(1)
    return None


def drop_repeated_headers(pages: list[Page], edge_lines: int = 3, min_share: float = 0.5) -> None:
    """Remove lines printed at the same place at the top or bottom of most pages.

    A running header is the same text (digits masked, so `Page 3 of 12`
    counts as one) at the same height on page after page. The height test
    matters: ModernGov minutes print `(Item 3)` near many page tops, but at
    varying heights, and those are content. A table's column headings also
    repeat at every page top, but as a row of three or more cells side by
    side: those are kept, since the columns cannot be read without them.
    A PDF of two or three pages needs the line on every page. A text
    extraction has no heights: there the place is the line's rank among the
    page's first or last lines that are not blank (a pdftotext page opens
    with its running header as a PDF page does). A rank is a far coarser
    place than a height, and content shares one by chance more often (an
    "(Item 3)" anchor opening a page here and there), so a text line must
    stand there on `TEXT_SHARE` of the pages: a running header is on nearly
    all of them.
    """
    if len(pages) < 2:
        return
    positioned = any(l.top is not None for page in pages for l in page.lines)
    if not positioned:
        min_share = max(min_share, TEXT_SHARE)
    edges = [_edge_places(page, edge_lines, positioned) for page in pages]
    places: dict[str, list[float]] = {}
    for page_edges in edges:
        seen = set()
        for shape, place in page_edges.values():
            if len(shape) > 3 and shape not in seen:
                seen.add(shape)
                places.setdefault(shape, []).append(place)
    threshold = len(pages) if len(pages) < 4 else max(3, int(len(pages) * min_share))
    running: dict[str, float] = {}
    for shape, ys in places.items():
        median = sorted(ys)[len(ys) // 2]
        if sum(1 for y in ys if abs(y - median) <= _SAME_PLACE) >= threshold:
            running[shape] = median
    if not running:
        return
    for page, page_edges in zip(pages, edges):
        drop = {i for i, (shape, place) in page_edges.items()
                if (m := running.get(shape)) is not None and abs(place - m) <= _SAME_PLACE
                and not _in_table_row(page.lines[i], page.lines)}
        if drop:
            page.lines = [l for i, l in enumerate(page.lines) if i not in drop]


_SAME_PLACE = 3  # points apart at most: "the same height" on a PDF page
TEXT_SHARE = 0.8
_RANK = 100  # a text page's place per rank: ranks are never _SAME_PLACE apart or closer


def _edge_places(page: Page, edge_lines: int, positioned: bool) -> dict[int, tuple[str, float]]:
    """The page's first and last `edge_lines` lines, by index, with each one's text shape and place: its
    top on a PDF page (`positioned`); in a text extraction its rank among the lines that are not blank,
    from the top (0, 1, 2) or, for the last ones, from the bottom (-1, -2, -3), so a header never
    matches a footer."""
    lines = page.lines
    if positioned:
        n = len(lines)
        ends = sorted(set(range(min(edge_lines, n))) | set(range(max(0, n - edge_lines), n)))
        return {i: (_shape(lines[i].text), lines[i].top) for i in ends if lines[i].top is not None}
    printed = [i for i, l in enumerate(lines) if l.text and not l.text.isspace()]
    places = {i: (_shape(lines[i].text), float(k * _RANK)) for k, i in enumerate(printed[:edge_lines])}
    for k, i in enumerate(reversed(printed[-edge_lines:])):
        places.setdefault(i, (_shape(lines[i].text), float(-(k + 1) * _RANK)))
    return places


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _in_table_row(line: Line, lines: list[Line], cells: int = 3) -> bool:
    """Is the line one cell of a row of at least `cells` lines side by side at one height?"""
    return sum(1 for o in lines if o.top is not None and abs(o.top - line.top) <= 2) >= cells


def drop_top_page_number(lines: list[Line]) -> tuple[list[Line], str | None]:
    """A bare number as a page's first line is its printed page number."""
    for k, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if re.fullmatch(r"\d{1,3}", text):
            return lines[:k] + lines[k + 1 :], text
        break
    return lines, None


def join_rotated_letters(texts: list[str]) -> list[str]:
    """Undo rotated stamps that extraction split after their first letter.

    `A` / `genda Item` / `` / ` 8` becomes `Agenda Item 8` and `T` / `his page is
    intentionally left blank` becomes one line: a lone capital followed by a
    line that starts in lower case is one word broken in two. (`P` / `age 52`
    is the same break; `remove_stamps` handles it as a page stamp.)
    """
    out = list(texts)
    for i, text in enumerate(out):
        if len(text.strip()) != 1 or not text.strip().isupper() or text.strip() == "P":
            continue
        j = i + 1
        while j < len(out) and j <= i + 2 and not out[j].strip():
            j += 1
        if j < len(out) and out[j][:1].islower():
            out[j] = text.strip() + out[j]
            out[i] = ""
            if re.fullmatch(r"Agenda Item\s*", out[j]):
                k = j + 1
                while k < len(out) and k <= j + 3 and not out[k].strip():
                    k += 1
                if k < len(out) and re.fullmatch(r"\s*\d+[A-Za-z]?\s*", out[k]):
                    out[j] = "Agenda Item " + out[k].strip()
                    out[k] = ""
    return out


def remove_stamps(lines: list[Line]) -> tuple[list[Line], str | None]:
    """Drop page stamps and link lines from one page's lines; return the printed page label."""
    if not any(_MAYBE_FURNITURE.match(line.text) for line in lines):
        return lines, None
    kept: list[Line] = []
    label = None
    i = 0
    while i < len(lines):
        text = lines[i].text
        if is_link_line(text):
            i += 1
            continue
        stamp = page_stamp(text)
        if stamp is not None:
            label = stamp
            i += 1
            continue
        if i + 1 < len(lines):
            split = vertical_stamp(text, lines[i + 1].text)
            if split is not None:
                rest, label = split
                if rest.strip():
                    lines[i].text = rest
                    kept.append(lines[i])
                i += 2
                continue
        if text.strip() == "P" or _VERTICAL_STAMP_TAIL.match(text):
            # Half of a rotated stamp whose other half landed elsewhere.
            i += 1
            continue
        kept.append(lines[i])
        i += 1
    return kept, label
