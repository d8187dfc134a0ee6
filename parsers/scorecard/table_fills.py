"""Table rows whose RAG is only a colour, and the period dates of every table figure.

A dashboard row that prints no RAG word may fill a cell of the row (its RAG cell, or the cell behind
its latest figure) in a status colour. The fills whose middle lies on the row's figure line are read:
one status among them is the row's RAG (`rag_source` "fill colour"); several are ambiguous and left
empty with a warning. A RAG word printed in the row wins (`rag_source` "word").
"""
from __future__ import annotations

from parsers.common.periods import period_dates
from parsers.scorecard.rag_colours import rag_of_colour
from schemas.document import Document
from schemas.scorecards import ScorecardValue


def finish_table_values(doc: Document, records: list, warnings: list[str]) -> None:
    fills = {p.number: p.fills for p in doc.pages if p.fills}
    lines = {l.number: l for l in doc.lines} if fills else {}
    seen_rows: dict[tuple, str | None] = {}
    for rec in records:
        if not isinstance(rec, ScorecardValue) or rec.layout is not None:
            continue
        rec.layout = "table"
        if rec.period and (dates := period_dates(rec.period)):
            rec.period_start, rec.period_end = dates
        if rec.rag:
            rec.rag_source = "word"
            continue
        line = lines.get(rec.line)
        if line is None or line.top is None or rec.page not in fills:
            continue
        key = (rec.page, rec.line)
        if key not in seen_rows:
            seen_rows[key] = _row_rag(fills[rec.page], line.top, line.bottom, f"page {rec.page}: '{rec.indicator[:50]}'", warnings)
        if seen_rows[key]:
            rec.rag, rec.rag_source = seen_rows[key], "fill colour"


def _row_rag(page_fills, top: float, bottom: float, where: str, warnings: list[str]) -> str | None:
    names = set()
    for (x0, y0, x1, y1), rgb in page_fills:
        middle = (y0 + y1) / 2
        if top - 2 <= middle <= bottom + 2 and y1 - y0 < 3 * (bottom - top) + 10 and (rag := rag_of_colour(rgb)):
            names.add(rag)
    if len(names) > 1:
        warnings.append(f"{where}: fills of several statuses ({', '.join(sorted(names))}) on the row; RAG left empty")
        return None
    return names.pop() if names else None
