"""Read a PDF into pages of positioned lines with pymupdf.

pymupdf gives words with bounding boxes at hundreds of pages a second; its
(block, line) numbering gives reading order close to pdftotext's, so the
same report reads the same from its PDF and from a text extraction.
pdfplumber is only for a page whose table structure a parser needs
(`table_rows`), at about 14 pages a second.
"""
from __future__ import annotations

import pymupdf

from extract.reading.errors import UnreadableSource
from extract.reading.furniture import clean_text, drop_repeated_headers, drop_top_page_number, remove_stamps
from extract.reading.ocr import ocr_lines
from extract.reading.ocr_engine import load_engine
from extract.reading.ocr_need import ocr_reason
from schemas.document import NEEDS_OCR, OCR, TEXT_LAYER, Line, Page, Word


def open_pdf(data: bytes) -> pymupdf.Document:
    if not data.lstrip()[:5].startswith(b"%PDF-"):
        head = data[:512].lower()
        if b"<html" in head or b"<!doctype html" in head:
            raise UnreadableSource("not a PDF: the file is an HTML page saved under a .pdf name (a failed download?)")
        raise UnreadableSource("not a PDF: the file does not start with a PDF header")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # pymupdf raises its own FileDataError and friends
        raise UnreadableSource(f"corrupt PDF: {_first_line(exc)}") from None
    if doc.is_repaired and b"%%EOF" not in data[-2048:]:
        # pymupdf rebuilds a cut-off file from what is left and would silently
        # lose its end: an incomplete download must fail, not load half a pack.
        raise UnreadableSource("truncated PDF: the file ends before its end-of-file marker (incomplete download?)")
    if doc.needs_pass:
        # An empty user password is common (owner-restricted PDFs): try it before giving up.
        if not doc.authenticate(""):
            raise UnreadableSource("encrypted PDF: needs a password to open")
    if doc.page_count == 0:
        raise UnreadableSource("corrupt PDF: no pages")
    return doc


def read_pdf_pages(doc: pymupdf.Document) -> list[Page]:
    """Every page's lines: from the text layer, or from OCR where the layer is unusable (`ocr_need`)."""
    pages: list[Page] = []
    counter = 0
    for index in range(doc.page_count):
        try:
            page = doc.load_page(index)
            raw_words = page.get_text("words", sort=False)
        except Exception as exc:
            raise UnreadableSource(f"corrupt PDF: page {index + 1} cannot be read ({_first_line(exc)})") from None
        text_source = TEXT_LAYER
        if ocr_reason(page, raw_words):
            engine = load_engine()
            if engine is None:
                text_source = NEEDS_OCR
            else:
                lines = ocr_lines(page, index + 1, counter + 1, engine)
                counter += len(lines)
                pages.append(_page(page, index, lines, OCR))
                continue
        lines: list[Line] = []
        current_key = None
        bucket: list[Word] = []
        for x0, y0, x1, y1, text, block, line_no, _ in raw_words:
            key = (block, line_no)
            if key != current_key and bucket:
                counter += 1
                lines.append(_line(bucket, index + 1, counter))
                bucket = []
            current_key = key
            bucket.append(Word(clean_text(text), x0, y0, x1, y1))
        if bucket:
            counter += 1
            lines.append(_line(bucket, index + 1, counter))
        pages.append(_page(page, index, lines, text_source))
    drop_repeated_headers(pages)
    return pages


def _page(page: pymupdf.Page, index: int, lines: list[Line], text_source: str) -> Page:
    """A page of lines, its stamps and page number taken off (OCR'd lines too: they print the same furniture)."""
    kept, label = remove_stamps(lines)
    kept, number_label = drop_top_page_number(kept)
    rect = page.rect
    has_text = bool(lines) if text_source == OCR else bool(lines) or not _has_images(page)
    return Page(number=index + 1, lines=kept, width=rect.width, height=rect.height, label=label or number_label,
                has_text_layer=has_text, text_source=text_source)


def read_outline(doc: pymupdf.Document) -> list[tuple[int, str, int]]:
    try:
        return [(level, clean_text(title), page) for level, title, page, *_ in doc.get_toc(simple=True)]
    except Exception:
        return []


def _line(words: list[Word], page: int, number: int) -> Line:
    return Line(
        text=" ".join(w.text for w in words if w.text),
        page=page,
        number=number,
        words=tuple(words),
        x0=min(w.x0 for w in words),
        top=min(w.top for w in words),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in words),
    )


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
