"""The reading layer: any input file becomes a `schemas.document.Source`.

`read_source(path)` is the one entry point. It raises `UnreadableSource`
with a one-line reason a person can act on; it never returns half a file.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from extract.reading.errors import UnreadableSource
from extract.reading.limits import DEFAULT_LIMITS, Limits
from extract.reading.pdf import open_pdf, read_outline, read_pdf_pages
from extract.reading.text import read_text_pages
from schemas.document import Source

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


def read_source(path: str | Path, data: bytes | None = None, limits: Limits = DEFAULT_LIMITS) -> Source:
    path = Path(path)
    if data is None:
        data = read_bytes(path)
    sid = source_id_of(data)
    if not data.strip():
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
        raise UnreadableSource("no text layer: needs OCR")
    return source


__all__ = ["read_source", "Limits", "DEFAULT_LIMITS", "read_bytes", "source_id_of", "UnreadableSource", "READABLE_SUFFIXES"]
