"""Read a PDF into pages of positioned lines with pymupdf.

pymupdf gives words with bounding boxes at hundreds of pages a second; its
(block, line) numbering gives reading order close to pdftotext's, so the
same report reads the same from its PDF and from a text extraction.
pdfplumber is only for a page whose table structure a parser needs
(`table_rows`), at about 14 pages a second.
"""
from __future__ import annotations

import re
from itertools import compress, count
from operator import not_

import pymupdf
from numpy import maximum, minimum

from extract.reading.errors import UnreadableSource
from extract.reading.furniture import clean_joined, clean_text, drop_repeated_headers, drop_top_page_number, remove_stamps
from extract.reading.limits import DEFAULT_LIMITS, Limits, check_pdf_limits
from extract.reading.ocr import ocr_lines
from extract.reading.ocr_engine import load_engine
from extract.reading.ocr_need import ocr_reason
from schemas.document import NEEDS_OCR, OCR, TEXT_LAYER, WORD_SEPARATOR, Line, Page, PackedWords, PageWords

_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
# MuPDF keeps every font and object it has decoded in its store, up to 256 MB: 85 MB over a 2,000-page
# pack. Emptying it every so many pages keeps reading's memory flat, at no cost we could measure.
STORE_PAGES = 50


def open_pdf(data: bytes, limits: Limits = DEFAULT_LIMITS) -> pymupdf.Document:
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        head = data[:512].lower()
        if b"<html" in head or b"<!doctype html" in head:
            raise UnreadableSource("not a PDF: the file is an HTML page saved under a .pdf name (a failed download?)")
        raise UnreadableSource("not a PDF: the file does not start with a PDF header")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises its own FileDataError and friends
        raise UnreadableSource(f"corrupt PDF: {_first_line(exc)}") from None
    if doc.is_repaired and b"%%EOF" not in data[-2048:] and not _only_junk_after_end(data):
        # pymupdf rebuilds a cut-off file from what is left and would silently
        # lose its end: an incomplete download must fail, not load half a pack.
        raise UnreadableSource("truncated PDF: the file ends before its end-of-file marker (incomplete download?)")
    if doc.needs_pass:
        # An empty user password is common (owner-restricted PDFs): try it before giving up.
        if not doc.authenticate(""):
            raise UnreadableSource("encrypted (password needed): the PDF cannot be opened without one")
    if doc.page_count == 0:
        raise UnreadableSource("corrupt PDF: no pages")
    try:
        check_pdf_limits(doc, limits, len(data))
    except UnreadableSource:
        doc.close()
        raise
    return doc


def _only_junk_after_end(data: bytes) -> bool:
    """Bytes after the last end-of-file marker that hold no PDF object: junk appended to a complete file,
    not an update cut off midway, so the file is whole and can be read."""
    end = data.rfind(b"%%EOF")
    return end >= 0 and _OBJECT.search(data, end) is None


def read_pdf_pages(doc: pymupdf.Document) -> list[Page]:
    """Every page's lines: from the text layer, or from OCR where the layer is unusable (`ocr_need`)."""
    pages: list[Page] = []
    counter = 0
    for index in range(doc.page_count):
        if index % STORE_PAGES == STORE_PAGES - 1:
            pymupdf.TOOLS.store_shrink(100)
        try:
            page = doc.load_page(index)
            raw_words = page.get_text("words", sort=False)
        except Exception as exc:
            raise UnreadableSource(f"corrupt PDF: page {index + 1} cannot be read ({_first_line(exc)})") from None
        columns, texts, page_text = _columns(raw_words)
        rect = page.rect  # a property that asks MuPDF again at every use: asked once here
        text_source = TEXT_LAYER
        if ocr_reason(page, raw_words, page_text, rect):
            engine = load_engine()
            if engine is None:
                text_source = NEEDS_OCR
            else:
                lines = ocr_lines(page, index + 1, counter + 1, engine)
                counter += len(lines)
                pages.append(_page(page, rect, index, lines, OCR))
                continue
        lines = _lines(columns, texts, index + 1, counter) if columns else []
        counter += len(lines)
        pages.append(_page(page, rect, index, lines, text_source))
    drop_repeated_headers(pages)
    return pages


def _columns(raw_words: list[tuple]) -> tuple[PageWords | None, tuple[str, ...], str]:
    """The page's words as columns, their texts cleaned (`clean_text`), and the page's text as printed
    (words joined by spaces, before cleaning: the OCR check looks for the glyphs cleaning replaces)."""
    if not raw_words:
        return None, (), ""
    x0, top, x1, bottom, texts, _, _, word_numbers = zip(*raw_words)
    joined = WORD_SEPARATOR.join(texts)
    if joined.count(WORD_SEPARATOR) == len(texts) - 1:
        words = clean_joined(joined)
        cleaned = texts if words is joined else tuple(words.split(WORD_SEPARATOR))
        printed = joined.replace(WORD_SEPARATOR, " ")  # only the joins hold the separator: a third of a join's time
    else:  # a word holding the separator itself: cleaned and kept word by word
        words = cleaned = tuple(map(clean_text, texts))
        printed = " ".join(texts)
    return PageWords(words, x0, top, x1, bottom, _line_starts(word_numbers)), cleaned, printed


def _line_starts(word_numbers: tuple[int, ...]) -> list[int]:
    """Where each of pymupdf's (block, line) runs begins, and the end: found in C, not word by word.

    MuPDF numbers a line's words from 0, so a run begins exactly where a word is numbered 0: one
    test per word, where comparing (block, line) pairs built a tuple per word first (twice the time)."""
    return [*compress(count(), map(not_, word_numbers)), len(word_numbers)]


def _lines(columns: PageWords, texts: tuple[str, ...], page: int, counter: int) -> list[Line]:
    """One `Line` per pymupdf (block, line), its words a packed view of the page's columns."""
    starts = columns.starts
    heads = starts[:-1]
    # Each line's box in four C calls for the whole page: slicing per line took three times as long.
    x0, top = minimum.reduceat(columns.x0, heads).tolist(), minimum.reduceat(columns.top, heads).tolist()
    x1, bottom = maximum.reduceat(columns.x1, heads).tolist(), maximum.reduceat(columns.bottom, heads).tolist()
    join = " ".join
    lines: list[Line] = []
    for k, (start, end) in enumerate(zip(heads, starts[1:])):
        words = texts[start:end]
        text = join(words) if all(words) else join(w for w in words if w)
        lines.append(Line(text, page, counter + k + 1, PackedWords(columns, start, end), x0[k], top[k], x1[k], bottom[k]))
    return lines


def _page(page: pymupdf.Page, rect: pymupdf.Rect, index: int, lines: list[Line], text_source: str) -> Page:
    """A page of lines, its stamps and page number taken off (OCR'd lines too: they print the same furniture).
    Its status colours are read later, only if a parser asks for them (`colours.py`)."""
    kept, label = remove_stamps(lines)
    kept, number_label = drop_top_page_number(kept)
    has_text = bool(lines) if text_source == OCR else bool(lines) or not _has_images(page)
    return Page(number=index + 1, lines=kept, width=rect.width, height=rect.height, label=label or number_label,
                has_text_layer=has_text, text_source=text_source)


def read_outline(doc: pymupdf.Document) -> list[tuple[int, str, int]]:
    try:
        return [(level, clean_text(title), page) for level, title, page, *_ in doc.get_toc(simple=True)]
    except Exception:
        return []


def _has_images(page: pymupdf.Page) -> bool:
    try:
        return bool(page.get_images(full=False))
    except Exception:
        return False


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def table_rows(pdf_bytes: bytes, page_number: int) -> list[list[str | None]]:
    """Rows of the tables pdfplumber finds on one page (slow path: use only where needed)."""
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        page = pdf.pages[page_number - 1]
        rows: list[list[str | None]] = []
        for table in page.extract_tables():
            rows.extend(table)
        return rows
