"""Bounds on one input file, so a pathological PDF cannot sink a batch.

A page tree of a million pages, or a few kilobytes of Flate data that inflate
to gigabytes (a "zip bomb"), are refused with their reason before any text is
extracted. The per-file time limit lives here too, as one of the limits a
batch runs under; the pipeline enforces it (`extract/reliability/bounded.py`).
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.reading.errors import UnreadableSource

if TYPE_CHECKING:  # the CLI reads the defaults without paying for importing MuPDF
    import pymupdf

MB = 1024 * 1024
# Deflate's ceiling: one 258-byte match per two bits of input, so a stream inflates at most 1,032-fold.
DEFLATE_MAX_RATIO = 1032


@dataclass(frozen=True)
class Limits:
    # Seconds one file may take to read, split and parse; 0 turns the limit off.
    seconds: float = 120.0
    # A national pack rarely passes 1,000 pages; 5,000 leaves room and still refuses a runaway page tree.
    max_pages: int = 5000
    # Every stream of the file, decompressed, added up.
    max_stream_mb: int = 1024


DEFAULT_LIMITS = Limits()


def check_pdf_limits(doc: pymupdf.Document, limits: Limits, file_bytes: int | None = None) -> None:
    """Raise `UnreadableSource` if the open PDF has more pages or stream bytes than the limits allow.

    A file of `file_bytes` cannot hold more than 1,032 times that in inflated streams, so a file small
    enough for that to fit the budget (under 1 MB at the default) is not inflated to count: counting
    cost a tenth of the reading time of the shared corpus."""
    if doc.page_count > limits.max_pages:
        raise UnreadableSource(
            f"too many pages: {doc.page_count:,} (the limit is {limits.max_pages:,}; see --max-pages)")
    budget = limits.max_stream_mb * MB
    if file_bytes is not None and file_bytes * DEFLATE_MAX_RATIO <= budget:
        return
    total = 0
    for xref in _stream_xrefs(doc):
        total += _stream_size(doc, xref, budget - total + 1)
        if total > budget:
            raise UnreadableSource(
                f"streams too large: over {limits.max_stream_mb:,} MB decompressed "
                f"(a decompression bomb?; see --max-stream-mb)")


def _stream_xrefs(doc: pymupdf.Document) -> list[int]:
    """The objects that are streams. MuPDF's own test, called directly: pymupdf's
    `xref_is_stream` costs 10 µs a call, a second per hundred thousand objects."""
    import pymupdf

    try:
        count = doc.xref_length()
        try:
            pdf = pymupdf._as_pdf_document(doc)
            is_stream = lambda xref: pymupdf.mupdf.pdf_obj_num_is_stream(pdf, xref)  # noqa: E731
        except Exception:
            is_stream = doc.xref_is_stream
        return [xref for xref in range(1, count) if is_stream(xref)]
    except Exception:
        return []


def _stream_size(doc: pymupdf.Document, xref: int, budget: int) -> int:
    """Bytes the stream at `xref` decompresses to, counted up to `budget` without holding them."""
    try:
        raw = doc.xref_stream_raw(xref) or b""
        kind, value = doc.xref_get_key(xref, "Filter")
        subtype = doc.xref_get_key(xref, "Subtype")[1]
    except Exception:  # a broken object: the reader will say so, or skip it
        return 0
    first_filter = value.strip("[] ").split("/")[1] if kind in ("name", "array") and "/" in value else ""
    if first_filter not in ("FlateDecode", "Fl") or subtype == "/Image":
        # Text extraction never decodes an image, so only its stored bytes count.
        return len(raw)
    return _inflated_size(raw, budget)


def _inflated_size(raw: bytes, budget: int) -> int:
    inflater = zlib.decompressobj()
    total = 0
    pending = raw
    try:
        while pending and total <= budget:
            total += len(inflater.decompress(pending, MB))
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # corrupt data stops where it breaks; MuPDF decodes no more of it either
    return total
