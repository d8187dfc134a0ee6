"""Read a pdftotext-style .txt into pages.

Pages come from form feeds where the extraction kept them; otherwise from
the printed page stamps (`Page 15`, or the rotated `P` / `age 52`), each of
which closes a page. Line numbers are the file's own 1-based line numbers,
so a golden fact can cite `line 1039` and a person can open the file there.
The page furniture goes as it does from a PDF: a running header repeated at
the top or bottom of nearly every page, and on a page cut at a form feed
(one printed page) a bare page number opening it.
"""
from __future__ import annotations

from schemas.document import Line, Page
from extract.reading.furniture import (clean_text, drop_repeated_headers, drop_top_page_number, join_rotated_letters,
                                      page_stamp, remove_stamps, vertical_stamp)
from extract.reading.errors import UnreadableSource


def decode_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise UnreadableSource("binary file, not text: cannot read it as a pdftotext extraction")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableSource("text file is neither UTF-8 nor Windows-1252")


def read_text_pages(data: bytes) -> list[Page]:
    text = decode_text(data)
    raw = text.split("\n")
    if text.endswith("\n"):
        raw = raw[:-1]
    if "\f" not in text:
        pages = _pages_from_stamps(join_rotated_letters([clean_text(r) for r in raw]))
        drop_repeated_headers(pages)
        return pages
    pages = _pages_from_form_feeds(raw)
    drop_repeated_headers(pages)
    for page in pages:
        # Each is one printed page, so a bare number opening it (once its running header is gone) is
        # its page number, as on a PDF page. (Between two page stamps a bare number may be content.)
        page.lines, number_label = drop_top_page_number(page.lines)
        page.label = page.label or number_label
    return pages


def _pages_from_form_feeds(raw: list[str]) -> list[Page]:
    """Pages split at the form feeds, found before any line is cleaned: a page that opens with a blank
    line prints its form feed alone on a line, and cleaning strips a line's trailing white space, the
    form feed with it."""
    # (line number, text, a new page starts before it, the text is a line): "\f\f" is a page with no line.
    pieces: list[tuple[int, str, bool, bool]] = []
    for number, text in enumerate(raw, start=1):
        parts = text.split("\f")
        for k, part in enumerate(parts):
            pieces.append((number, part, k > 0, k == len(parts) - 1 or bool(part)))
    texts = join_rotated_letters([clean_text(part) for _, part, _, _ in pieces])
    pages: list[Page] = []
    current: list[Line] = []
    for (number, _, new_page, is_line), text in zip(pieces, texts):
        if new_page:
            pages.append(_finish(len(pages) + 1, current))
            current = []
        if is_line:
            current.append(Line(text, 0, number))
    if any(l.text.strip() for l in current):
        pages.append(_finish(len(pages) + 1, current))
    return pages


def _finish(number: int, lines: list[Line]) -> Page:
    kept, label = remove_stamps(lines)
    for line in kept:
        line.page = number
    return Page(number=number, lines=kept, label=label)


def _pages_from_stamps(raw: list[str]) -> list[Page]:
    lines = [Line(clean_text(t), 0, n) for n, t in enumerate(raw, start=1)]
    pages: list[Page] = []
    start = 0
    i = 0
    while i < len(lines):
        end = None
        if page_stamp(lines[i].text) is not None:
            end = i + 1
        elif i + 1 < len(lines) and vertical_stamp(lines[i].text, lines[i + 1].text) is not None:
            end = i + 2
        if end is None:
            i += 1
            continue
        pages.append(_finish(len(pages) + 1, lines[start:end]))
        start = i = end
    tail = lines[start:]
    if any(l.text.strip() for l in tail) or not pages:
        pages.append(_finish(len(pages) + 1, tail))
    return pages
