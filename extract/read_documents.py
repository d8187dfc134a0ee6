"""`read_documents`: a file's documents, as the parsers read them.

Reading (`extract.reading`) gives the pages, and the splitter finds and types
the documents in them. The status colours of a page's filled shapes (a RAG
shown only as a colour) are read last, from the PDF again, for the pages of
documents whose parser reads them (`Parser.reads_colours`): only the splitter
knows which pages those are, and reading every page's drawings cost a tenth
of reading minutes and Ofsted reports, which never use them.
"""
from __future__ import annotations

from pathlib import Path

from extract.reading import DEFAULT_LIMITS, Limits, read_bytes, read_source
from extract.reading.colours import read_status_fills
from extract import splitting
from parsers.registry import parser_for
from schemas.document import Document, Source


def read_documents(path: str | Path, data: bytes | None = None, limits: Limits = DEFAULT_LIMITS,
                   source_id: str | None = None) -> tuple[Source, list[Document]]:
    """The source and its documents, each page of a document that reads colours with its `fills`.
    Raises `UnreadableSource` as `read_source` does."""
    path = Path(path)
    if data is None:
        data, source_id = read_bytes(path), None
    source = read_source(path, data, limits, source_id)
    documents = splitting.split_source(source)
    if source.kind == "pdf":
        add_status_colours(source, documents, data)
    return source, documents


def add_status_colours(source: Source, documents: list[Document], data: bytes) -> None:
    """Set `fills` on the pages of the documents whose parser reads them, from the PDF in `data`."""
    coloured = [d for d in documents if (parser := parser_for(d.doc_type)) is not None and parser.reads_colours]
    if not coloured:
        return
    numbers = {page.number for d in coloured for page in d.pages}
    # The whole printed page decides whether it prints a status label, not only the document's lines on it.
    fills = read_status_fills(data, {n: source.pages[n - 1].text for n in numbers})
    for document in coloured:
        for page in document.pages:
            page.fills = fills.get(page.number, [])
