"""Where a record was read: the fields every parser fills the same way for each record it emits."""
from __future__ import annotations

from schemas.document import Line


def read_at(document_id: str, line: Line) -> dict[str, str | int | None]:
    """A record's document, and the page and line it was read from, as keyword arguments."""
    return {"document_id": document_id, "page": line.page, "line": line.number}
