"""The reading layer: any input file becomes a `schemas.document.Source`.

`read_source(path)` is the one entry point. It raises `UnreadableSource`
with a one-line reason a person can act on; it never returns half a file.
Pages without a usable text layer are OCR'd here, so OCR runs wherever
reading runs (in the ingest's worker processes); without an engine they are
marked `needs_ocr`, and a file of nothing else raises `NeedsOcr`.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from extract.reading.errors import NeedsOcr, UnreadableSource
from extract.reading.limits import DEFAULT_LIMITS, Limits
from extract.reading.ocr_engine import engine_name
from extract.reading.pdf import open_pdf, read_outline, read_pdf_pages
from extract.reading.text import read_text_pages
from schemas.document import NEEDS_OCR, OCR, Source

TEXT_SUFFIXES = {".txt", ".text"}
READABLE_SUFFIXES = TEXT_SUFFIXES | {".pdf"}


def source_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise UnreadableSource("permission denied: the file cannot be read") from None
    except IsADirectoryError:
        raise UnreadableSource("is a directory, not a file") from None
    except OSError as exc:
        raise UnreadableSource(f"cannot read the file: {exc.strerror or exc}") from None


def read_source(path: str | Path, data: bytes | None = None, limits: Limits = DEFAULT_LIMITS,
                source_id: str | None = None) -> Source:
    """`source_id` is the hash of `data` when the caller has made it already (hashing is not free)."""
    path = Path(path)
    if data is None:
        data, source_id = read_bytes(path), None
    sid = source_id or source_id_of(data)
    if not data or data.isspace():  # (not `data.strip()`: that copies the whole file to look at its first bytes)
        raise UnreadableSource("empty file (0 bytes)" if not data else "empty file (only white space)")
    if path.suffix.lower() in TEXT_SUFFIXES:
        pages = read_text_pages(data)
        source = Source(source_id=sid, path=str(path), kind="text", pages=pages)
    else:
        doc = open_pdf(data, limits)
        try:
            pages = read_pdf_pages(doc)
            outline = read_outline(doc)
        finally:
            doc.close()
        source = Source(source_id=sid, path=str(path), kind="pdf", pages=pages, outline=outline)
    if not any(line.text.strip() for page in source.pages for line in page.lines):
        raise _no_text(source)
    return source


def _no_text(source: Source) -> UnreadableSource:
    sources = {page.text_source for page in source.pages}
    if NEEDS_OCR in sources:
        return NeedsOcr(f"no text layer: needs OCR, and no OCR engine is available ({engine_name()!r}; "
                        "`pip install -e .` installs it)")
    if OCR in sources:
        return UnreadableSource("no text: the pages are images and OCR found no text on them")
    return UnreadableSource("no text: every page is blank")


__all__ = ["read_source", "Limits", "DEFAULT_LIMITS", "read_bytes", "source_id_of", "UnreadableSource", "NeedsOcr", "READABLE_SUFFIXES"]
