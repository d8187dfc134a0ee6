"""Mark every record read from OCR'd text, so OCR values are never mixed in unmarked.

Parsers stay pure and unaware of OCR: after a document is parsed, each record
read from an OCR'd page gets `ocr_confidence`, the lowest confidence among
the OCR words it was read from. Those words are found by matching the
record's printed values (text, figures, dates as printed) against the words
of its page; a record none of whose values can be matched takes the lowest
confidence on its line, or else on its page, so a doubt is never lost. A
record on a text-layer page whose values are printed only on the document's
OCR'd pages (a lead inspector's name on a scanned last page) is marked too.

`documents.ocr_pages` lists the pages of each document that were OCR'd, and
a source whose image pages could not be OCR'd (no engine) gets the status
`needs_ocr` and a reason naming them.
"""
from __future__ import annotations

import re
from datetime import date

from schemas.document import NEEDS_OCR, OCR, Document, Page, Source
from schemas.provenance import DocumentRow
from schemas.record import Record

_NOT_PRINTED = {"document_id", "page", "line", "ocr_confidence", "seq"}
_TOKEN = re.compile(r"[^\W_]+(?:[.,:/'-][^\W_]+)*", re.UNICODE)


def mark_ocr(doc: Document, row: DocumentRow, records: list[Record]) -> None:
    """Fill `row.ocr_pages` and each OCR-read record's `ocr_confidence` (in place)."""
    ocr_pages = {page.number: page for page in doc.pages if page.text_source == OCR}
    row.ocr_pages = sorted(ocr_pages)
    if not ocr_pages:
        return
    all_pages = {page.number: page for page in doc.pages}
    for record in records:
        record.ocr_confidence = _confidence(record, all_pages, ocr_pages)


def needs_ocr_reason(source: Source) -> str | None:
    """Why a source that was read is still incomplete: its image pages no engine could read."""
    pages = [page.number for page in source.pages if page.text_source == NEEDS_OCR]
    if not pages:
        return None
    return (f"{len(pages)} page(s) without a usable text layer need OCR and no OCR engine is available "
            f"(pages {_ranges(pages)}): `pip install -e .` installs it")


def _confidence(record: Record, all_pages: dict[int, Page], ocr_pages: dict[int, Page]) -> float | None:
    tokens = printed_tokens(record)
    own = all_pages.get(record.page) if record.page is not None else None
    if own is not None and own.text_source == OCR:
        used = _matching(own, tokens)
        if used:
            return min(used)
        return _line_or_page_min(own, record.line)
    # On a text-layer page (or none): marked only if some value is printed on an OCR'd page and not on its own.
    unmatched = tokens - (_page_tokens(own) if own is not None else set())
    used = [c for page in ocr_pages.values() for c in _matching(page, unmatched)]
    return min(used) if used else None


def printed_tokens(record: Record) -> set[str]:
    """The record's values as words would print them: text split into words, figures, dates' parts."""
    tokens: set[str] = set()
    for name, value in record:
        if name in _NOT_PRINTED or value is None or isinstance(value, bool):
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            tokens.update(_tokens_of(item))
    return tokens


def _tokens_of(value: object) -> list[str]:
    if isinstance(value, date):
        return [str(value.day), value.strftime("%B").lower(), str(value.year)]
    if isinstance(value, float):
        text = f"{value:g}" if value == value else ""
        return [text] if text else []
    return _words(str(value))


def _words(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _matching(page: Page, tokens: set[str]) -> list[float]:
    """Confidences of the page's OCR words that print one of the tokens."""
    if not tokens:
        return []
    found = []
    for line in page.lines:
        for word in line.words:
            if word.confidence is not None and tokens.intersection(_words(word.text)):
                found.append(word.confidence)
    return found


def _page_tokens(page: Page) -> set[str]:
    return {t for line in page.lines for t in _words(line.text)}


def _line_or_page_min(page: Page, line_number: int | None) -> float | None:
    lines = [l for l in page.lines if l.number == line_number] or page.lines
    found = [l.confidence for l in lines if l.confidence is not None]
    return min(found) if found else None


def _ranges(numbers: list[int]) -> str:
    parts: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
