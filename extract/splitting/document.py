"""Build a `Document` from a slice of a source's lines."""
from __future__ import annotations

import dataclasses
import hashlib

from schemas.document import Document, Line, Source


def make_document(source: Source, lines: list[Line], doc_type: str, title: str = "",
                  page_end: int | None = None) -> Document:
    """A document over `lines` (a contiguous run of the source's lines).

    `page_end` may reach past the last line over pages with no text (scans),
    so the parser sees them and can say they need OCR.
    """
    if not lines:
        raise ValueError("a document needs at least one line")
    page_start, page_end = lines[0].page, max(page_end or 0, lines[-1].page)
    line_start, line_end = lines[0].number, lines[-1].number
    # Text sources split mid-page, so their id needs the line range too.
    span = f"p{page_start}-{page_end}" if source.kind == "pdf" else f"l{line_start}-{line_end}"
    wanted = {id(l) for l in lines}
    pages = []
    for page in source.pages[page_start - 1 : page_end]:
        kept = [l for l in page.lines if id(l) in wanted]
        pages.append(dataclasses.replace(page, lines=kept))
    return Document(
        document_id=f"{source.source_id[:16]}:{span}",
        source_id=source.source_id,
        doc_type=doc_type,
        title=title,
        lines=lines,
        page_start=page_start,
        page_end=page_end,
        line_start=line_start,
        line_end=line_end,
        source_kind=source.kind,
        pages=pages,
    )


def document_between(source: Source, first_line: int, last_line: int, doc_type: str, title: str = "") -> Document:
    """A document over source lines numbered first_line..last_line inclusive (for tests and tools)."""
    lines = [l for l in source.lines if first_line <= l.number <= last_line]
    return make_document(source, lines, doc_type, title)


def content_hash(lines: list[Line]) -> str:
    """Hash of the normalised text: the same content printed in two packs hashes the same."""
    # str.split() collapses the same white space as a \s+ regex, five times faster.
    text = " ".join(" ".join(l.text for l in lines).split()).lower()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
