"""Read a pdftotext-style .txt into pages.

Pages come from form feeds where the extraction kept them; otherwise from
the printed page stamps (`Page 15`, or the rotated `P` / `age 52`), each of
which closes a page. Line numbers are the file's own 1-based line numbers,
so a golden fact can cite `line 1039` and a person can open the file there.
"""
from __future__ import annotations

from schemas.document import Line, Page
from extract.reading.furniture import clean_text, join_rotated_letters, page_stamp, remove_stamps, vertical_stamp
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
    raw = join_rotated_letters([clean_text(r) for r in raw])
    if any("\f" in r for r in raw):
        return _pages_from_form_feeds(raw)
    return _pages_from_stamps(raw)


def _pages_from_form_feeds(raw: list[str]) -> list[Page]:
    pages: list[Page] = []
    current: list[Line] = []
    for number, text in enumerate(raw, start=1):
        parts = text.split("\f")
        for k, part in enumerate(parts):
            if k > 0:
                pages.append(_finish(len(pages) + 1, current))
                current = []
            if k == len(parts) - 1 or part:
                current.append(Line(clean_text(part), 0, number))
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
