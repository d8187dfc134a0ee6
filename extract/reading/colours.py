"""Status colours: the filled shapes a performance page may show its RAG with, read only where asked.

A dashboard may print no RAG word and fill the cell instead (green, amber, red).
Reading a page's drawings interprets its content a second time, a third of
what reading its text costs; only the scorecard parser reads the fills, and
minutes and Ofsted reports often print "target" or "latest" in prose. So the
fills are read after the splitter has typed the documents, for the pages of
documents whose parser reads them (`parsers.registry.Parser.reads_colours`,
`extract.read_documents`), not for every page with a label word on it.
"""
from __future__ import annotations

import re

import pymupdf

Fill = tuple[tuple[float, float, float, float], tuple[float, float, float]]

# Words a page prints where a RAG may be shown only as a colour (performance tables and cards).
_STATUS_WORDS = ("target", "rag", "status", "actual", "latest", "tolerance", "threshold", "floor", "goal")
_STATUS_PAGE = re.compile(rf"\b(?:{'|'.join(_STATUS_WORDS)})\b")


def read_status_fills(data: bytes, pages: dict[int, str]) -> dict[int, list[Fill]]:
    """Status-coloured fills of the PDF's pages (page number -> the page's text), for the pages that print
    a performance label; the others, and a PDF that cannot be opened again, give none."""
    wanted = {number: text for number, text in pages.items() if prints_a_status_label(text)}
    if not wanted:
        return {}
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:  # it was read a moment ago: a failure here costs the colours only
        return {}
    try:
        if doc.needs_pass:
            doc.authenticate("")
        return {number: status_fills(doc.load_page(number - 1)) for number in sorted(wanted)
                if 0 < number <= doc.page_count}
    finally:
        doc.close()


def prints_a_status_label(text: str) -> bool:
    low = text.lower()
    # Plain substring tests first: the word-bounded regex costs 70 µs a page, and most pages have none.
    return any(word in low for word in _STATUS_WORDS) and bool(_STATUS_PAGE.search(low))


def status_fills(page: pymupdf.Page) -> list[Fill]:
    """Filled shapes in clear colours. Greys, black and white name no status: dropped."""
    try:
        drawings = page.get_cdrawings()
    except Exception:
        return []
    fills = []
    for d in drawings:
        rgb = d.get("fill")
        if not rgb or len(rgb) != 3 or max(rgb) - min(rgb) < 0.12:
            continue
        x0, y0, x1, y1 = d["rect"]
        fills.append(((x0, y0, x1, y1), tuple(rgb)))
    return fills
