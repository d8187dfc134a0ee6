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
    A PDF of two or three pages needs the line on every page.
    """
    if len(pages) < 2:
        return

    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text.strip().lower())

    tops: dict[str, list[float]] = {}
    for page in pages:
        seen = set()
        for l in page.lines[:edge_lines] + page.lines[-edge_lines:]:
            s = shape(l.text)
            if len(s) > 3 and s not in seen and l.top is not None:
                seen.add(s)
                tops.setdefault(s, []).append(l.top)
    threshold = len(pages) if len(pages) < 4 else max(3, int(len(pages) * min_share))
    running: dict[str, float] = {}
    for s, ys in tops.items():
        median = sorted(ys)[len(ys) // 2]
        if sum(1 for y in ys if abs(y - median) <= 3) >= threshold:
            running[s] = median
    if not running:
        return
    for page in pages:
        n = len(page.lines)
        edge_idx = set(range(min(edge_lines, n))) | set(range(max(0, n - edge_lines), n))
        page.lines = [
            l for i, l in enumerate(page.lines)
            if not (i in edge_idx and (m := running.get(shape(l.text))) is not None and l.top is not None
                    and abs(l.top - m) <= 3 and not _in_table_row(l, page.lines))
        ]


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
