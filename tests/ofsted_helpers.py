"""Small Ofsted documents built from lines of the real reports, as the reading layer gives a text source."""
from __future__ import annotations

from schemas.document import Document, Line, Page


def text_document(lines: list[str]) -> Document:
    """A one-page text document of `lines`, numbered from 1."""
    rows = [Line(text, 1, n) for n, text in enumerate(lines, start=1)]
    return Document(document_id="t:l1", source_id="t", doc_type="ofsted_inspection", title="", lines=rows,
                    page_start=1, page_end=1, line_start=1, line_end=len(rows), source_kind="text",
                    pages=[Page(1, rows)])
