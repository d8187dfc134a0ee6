"""Improvement activity grid -> improvement_grid (one row per action).

A grid is grouped by area for improvement: an `AFI <name> Priority level H X M L`
line (the mark after a level ticks it), then `Issues`, `Evidence`,
`Services`, then column headings (`Improvement outline | Action | Who? |
When? | Delivery status | Status RAG | Impact | Impact RAG`) and the rows.
Every page repeats the grid title, the AFI block and the column headings;
those repeats are dropped so a row that runs onto the next page is read as
one row.

Rows are read from the text's blocks (runs of lines between blank lines),
which a text extraction gives one per cell. A row is anchored on its
who/when cell (`KJ/TL June/July 2020 Planning and`): the block just before
it is the action, and the block before that, when it is a narrow column of
short lines, the improvement outline (otherwise the row shares the previous
row's outline). Blocks between one row's who/when cell and the next row's
action belong to the earlier row: its delivery status when it has none
yet, else its impact. After a page break, blocks beyond the next row's own
continue the row the page broke, in column order.

In a PDF there are no blank lines; a cell is a run of lines sharing a
left edge, and the column headings' positions say which column each cell
is in, which settles what the text order leaves open (a status cell is
never taken for the next row's outline).

RAG cells are usually colours, which text does not carry: `rag` is read
only when a RAG word closes the status cell (`Underway Amber`), and
`impact_rag` is left empty.
"""
from __future__ import annotations

from parsers.common.dates import date_of
from parsers.common.plan_labels import drop_page_numbers, join_wrapped, squash
from parsers.common.provenance import read_at
from parsers.improvement_grid.cells import (
    AFI,
    COLUMN_HEADINGS,
    FIELD,
    GRID_DATE,
    HEADING_WORDS,
    RAG_WORD,
    TITLE,
    Area,
    Block,
    Row,
)
from parsers.improvement_grid.rows import read_rows, ticked_level
from parsers.result import ParseResult
from schemas.document import Document, Line
from schemas.improvement import ImprovementGridAction

VERSION = "1"

__all__ = ["VERSION", "parse_improvement_grid"]


def parse_improvement_grid(doc: Document) -> ParseResult:
    result = ParseResult()
    lines = drop_page_numbers(doc.lines)
    grid_date = None
    for line in lines[:10]:
        m = GRID_DATE.search(line.text)
        if m:
            grid_date = date_of(m)
            break
    areas, bodies = _areas_and_bodies(lines, result.warnings)
    if not areas:
        result.warnings.append("no area for improvement (AFI) found")
        return result
    rows: list[Row] = []
    for area, blocks in bodies:
        rows += read_rows(area, blocks, result.warnings)
    for row in rows:
        a = row.area
        status = row.joined(row.status)
        rag = None
        m = RAG_WORD.search(status or "")
        if m:
            rag, status = m.group(1).capitalize(), status[: m.start()].strip() or None
        result.records.append(
            ImprovementGridAction(
                **read_at(doc.document_id, row.line),
                afi=a.name,
                afi_number=a.number,
                priority_level=a.level,
                issues=_field(a, "issues"),
                evidence=_field(a, "evidence"),
                services=_field(a, "services"),
                action=row.action,
                improvement_outline=row.outline,
                who=row.who,
                when=row.when,
                delivery_status=status,
                rag=rag,
                impact=row.joined(row.impact),
                grid_date=grid_date,
            )
        )
    first = next((squash(l.text) for l in lines if l.text.strip()), "")
    result.title = first or None
    result.document_date = grid_date
    return result


def _field(area: Area, name: str) -> str | None:
    parts = area.fields.get(name)
    if not parts:
        return None
    out = ""
    for p in parts:
        out = join_wrapped(out, p)
    return squash(out) or None


def _areas_and_bodies(lines: list[Line], warnings: list[str]) -> tuple[list[Area], list[tuple[Area, list[Block]]]]:
    """Each area and the blocks of its table body, page headers removed."""
    areas: dict[str, Area] = {}
    bodies: list[tuple[Area, list[Block]]] = []
    current: Area | None = None
    blocks: list[Block] = []
    block: list[Line] = []
    in_header = False  # inside a page's repeated AFI block and column headings
    header_field: str | None = None
    page_break = False

    def flush() -> None:
        nonlocal block, page_break
        if block:
            blocks.append(Block(block, page_break))
            page_break = False
        block = []

    for line in lines:
        text = squash(line.text)
        if TITLE.match(text) or (GRID_DATE.search(text) and len(text.split()) <= 8):
            flush()
            page_break = True
            continue
        m = AFI.match(text) if text else None
        if m and (m.group("levels") is not None or text.upper().startswith("AFI")):
            flush()
            name = m.group("name").strip(" :–-")
            key = name.lower()
            if key not in areas:
                levels = m.group("levels") or ""
                level = ticked_level(levels)
                if level is None:
                    warnings.append(f"AFI {name!r}: priority level not read from {levels!r}")
                areas[key] = Area(name, m.group("number"), level, line=line)
                header_field = None
                fill = True
            else:
                fill = False
            if current is not areas[key]:
                current = areas[key]
                blocks = []
                bodies.append((current, blocks))
            page_break = True
            in_header = True
            area_fill = fill
            continue
        if in_header:
            if not text:
                continue
            f = FIELD.match(text)
            if f:
                header_field = f.group("label").lower()
                if area_fill:
                    current.fields.setdefault(header_field, [])
                    if f.group("rest"):
                        current.fields[header_field].append(f.group("rest"))
                continue
            if COLUMN_HEADINGS.search(text) or HEADING_WORDS.match(text):
                header_field = "headings"
                _note_columns(current, line)
                continue
            if header_field == "headings":
                in_header = False  # the first row starts
            elif header_field is not None:
                if area_fill:
                    current.fields[header_field].append(text)
                continue
        if current is None:
            continue
        if not text:
            flush()
            continue
        if block and _starts_new_cell(block[-1], line):
            flush()
        block.append(line)
    flush()
    return list(areas.values()), bodies


_HEADING_COLUMN = {"improvement": "outline", "outline": "outline", "action": "action", "actions": "action", "who": "who",
                   "when": "when", "delivery": "status", "impact": "impact"}


def _note_columns(area: Area, line: Line) -> None:
    """Where each column starts, from a heading line's words (PDF sources only)."""
    for word in line.words:
        name = _HEADING_COLUMN.get(word.text.lower().strip("?:"))
        if name and name not in area.columns:
            area.columns[name] = word.x0


def _starts_new_cell(previous: Line, line: Line) -> bool:
    """In a PDF, lines of one cell share a left edge and follow closely; text sources use blank lines."""
    if previous.top is None or line.top is None:
        return False
    if previous.page != line.page:
        return True
    height = max(1.0, previous.bottom - previous.top)
    return abs(line.x0 - previous.x0) > 3 or not (-0.4 * height <= line.top - previous.bottom <= 0.6 * height)
