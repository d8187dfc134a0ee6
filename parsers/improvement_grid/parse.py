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

import re
from dataclasses import dataclass, field

from parsers.common.dates import MONTH, ORDINAL, date_of
from parsers.common.plan_labels import drop_page_numbers, join_wrapped, squash
from parsers.result import ParseResult
from schemas.document import Document, Line
from schemas.improvement import ImprovementGridAction

VERSION = "1"

__all__ = ["VERSION", "parse_improvement_grid"]

_TITLE = re.compile(r"^\s*(?:appendix\s+\w+\s*[–-]\s*)?improvement\s+activity\s+grid\s*$", re.I)
_GRID_DATE = re.compile(rf"\bgrid\b.*?(\d{{1,2}}){ORDINAL}\s+({MONTH})\s+(\d{{4}})", re.I)
_AFI = re.compile(
    r"^\s*(?:AFI|area\s+for\s+improvement)\s*(?P<number>\d+)?\s*:?\s*(?P<name>.*?)\s*"
    r"(?:priority\s+level\s*:?\s*(?P<levels>.*))?$",
    re.I,
)
_FIELD = re.compile(r"^\s*(?P<label>issues|evidence|services)\b\s*:?\s*(?P<rest>.*)$", re.I)
_COLUMN_HEADINGS = re.compile(r"\bwho\?.*\bwhen\?", re.I)
_HEADING_WORDS = re.compile(r"^\s*(?:(?:improvement|outline|action|actions|status|rag|impact|delivery|who\??|when\??)\s*)+$", re.I)
# The ticked level: a mark after it (`H X M L`) or a checked box before it.
_LEVELS = re.compile(r"\b(high|medium|low|H|M|L)\b(?=\s*(?:\bX\b|[☒☑✓✔]))|[☒☑✓✔]\s*\b(high|medium|low|H|M|L)\b", re.I)

_WHEN = (
    rf"(?:(?:from|by|end|mid|early|late)\s+)?(?:\d{{1,2}}\s+)?{MONTH}\.?(?:\s*[-–/]\s*{MONTH}\.?)?(?:\s+\d{{4}}|\s+\d{{2}}\b)?"
    r"(?:\s*[-–]\s*" + MONTH + r"\.?)?"
    r"|continuing|rolling|ongoing|on-going|immediate(?:ly)?|\d{4}"
)
_INITIALS = r"[A-Z]{2,3}"
# Words that open a when cell, never part of a name.
_NOT_NAME = rf"(?!(?i:from|by|end|mid|early|late|continuing|rolling|ongoing|{MONTH})\b)"
_WORD = rf"{_NOT_NAME}[A-Z][a-z]+"
_FULL_NAME = rf"{_WORD}\s+{_WORD}"  # a person: first and last name
# Owners as printed: initials or full names, listed with / , & and; after a
# separator a single word may follow (`RT/Academy`).
_WHO = rf"(?:{_INITIALS}|{_FULL_NAME})(?:\s*(?:/|,|&|\band\b)\s*(?:{_INITIALS}|{_FULL_NAME}|{_WORD}))*"
# A who/when cell opening a line: `KJ/TL June/July 2020 Planning and`.
_ANCHOR = re.compile(rf"^(?P<who>{_WHO})\s+(?P<when>(?i:{_WHEN}))(?=\s|$)(?P<status>.*)$")
# The same inside a line, after the outline and action cells it shares a line with.
_ANCHOR_INSIDE = re.compile(rf"\s(?P<who>{_INITIALS}(?:\s*(?:/|,)\s*{_INITIALS})*)\s+(?P<when>(?i:{_WHEN}))(?=\s|$)(?P<status>.*)$")
_WHO_ONLY = re.compile(rf"^(?:{_WHO})(?:\s+with)?$")
_NAME_WORD = re.compile(rf"^{_WORD}$")
_WHEN_START = re.compile(rf"^(?P<when>(?i:{_WHEN}))(?=\s|$)(?P<status>.*)$")
_RAG_WORD = re.compile(r"\s+(red|amber|green|blue|red/amber|amber/green)\s*$", re.I)
_NARROW = 24  # longest line of a narrow (outline) column block, in characters


@dataclass
class Block:
    lines: list[Line]
    after_page_break: bool = False

    @property
    def texts(self) -> list[str]:
        return [squash(l.text) for l in self.lines]

    @property
    def text(self) -> str:
        out = ""
        for t in self.texts:
            out = join_wrapped(out, t)
        return out

    @property
    def narrow(self) -> bool:
        return max(len(t) for t in self.texts) <= _NARROW


@dataclass
class Area:
    name: str
    number: str | None
    level: str | None
    fields: dict[str, list[str]] = field(default_factory=dict)
    line: Line | None = None
    # PDF only: left edge of each column, from the heading words' positions.
    columns: dict[str, float] = field(default_factory=dict)

    def column_of(self, block: "Block") -> str | None:
        x0 = block.lines[0].x0
        if x0 is None or not self.columns:
            return None
        left = [(edge, name) for name, edge in self.columns.items() if edge <= x0 + 3]
        return max(left)[1] if left else None


@dataclass
class Row:
    area: Area
    line: Line
    outline: str | None
    action: str
    who: str | None = None
    when: str | None = None
    status: list[str] = field(default_factory=list)
    impact: list[str] = field(default_factory=list)
    broken: bool = False  # a page break fell after its who/when cell

    def add_status(self, text: str) -> None:
        if text:
            self.status.append(text)

    def joined(self, parts: list[str]) -> str | None:
        out = ""
        for p in parts:
            out = join_wrapped(out, p)
        return squash(out) or None


def parse_improvement_grid(doc: Document) -> ParseResult:
    result = ParseResult()
    lines = drop_page_numbers(doc.lines)
    grid_date = None
    for line in lines[:10]:
        m = _GRID_DATE.search(line.text)
        if m:
            grid_date = date_of(m)
            break
    areas, bodies = _areas_and_bodies(lines, result.warnings)
    if not areas:
        result.warnings.append("no area for improvement (AFI) found")
        return result
    rows: list[Row] = []
    for area, blocks in bodies:
        rows += _rows(area, blocks, result.warnings)
    for row in rows:
        a = row.area
        status = row.joined(row.status)
        rag = None
        m = _RAG_WORD.search(status or "")
        if m:
            rag, status = m.group(1).capitalize(), status[: m.start()].strip() or None
        result.records.append(
            ImprovementGridAction(
                document_id=doc.document_id,
                page=row.line.page,
                line=row.line.number,
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
        if _TITLE.match(text) or (_GRID_DATE.search(text) and len(text.split()) <= 8):
            flush()
            page_break = True
            continue
        m = _AFI.match(text) if text else None
        if m and (m.group("levels") is not None or text.upper().startswith("AFI")):
            flush()
            name = m.group("name").strip(" :–-")
            key = name.lower()
            if key not in areas:
                levels = m.group("levels") or ""
                level = _ticked_level(levels)
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
            f = _FIELD.match(text)
            if f:
                header_field = f.group("label").lower()
                if area_fill:
                    current.fields.setdefault(header_field, [])
                    if f.group("rest"):
                        current.fields[header_field].append(f.group("rest"))
                continue
            if _COLUMN_HEADINGS.search(text) or _HEADING_WORDS.match(text):
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


def _ticked_level(levels: str) -> str | None:
    marks = [(m.group(1) or m.group(2)) for m in _LEVELS.finditer(levels)]
    return marks[0] if len(marks) == 1 else None


def _anchor_in(block: Block) -> tuple[int, re.Match[str], bool] | None:
    """The block's who/when cell: (line index, match, starts the line?)."""
    for k, text in enumerate(block.texts):
        m = _ANCHOR.match(text)
        if m:
            return k, m, True
        m = _ANCHOR_INSIDE.search(text)
        if m:
            return k, m, False
    return None


def _rows(area: Area, blocks: list[Block], warnings: list[str]) -> list[Row]:
    rows: list[Row] = []
    pending: list[Block] = []
    outline: str | None = None
    i = 0
    while i < len(blocks):
        b = blocks[i]
        anchor = _anchor_in(b)
        who_only = anchor is None and _is_who_block(b)
        column = area.column_of(b)
        if anchor is None and not who_only and column in ("status", "impact") and rows:
            # A PDF says which column a cell is in: status and impact cells finish the row before.
            (rows[-1].status if column == "status" else rows[-1].impact).append(b.text)
            i += 1
            continue
        if anchor is None and not who_only:
            if b.after_page_break and rows and not pending:
                rows[-1].broken = True
                k = next((n for n, t in enumerate(b.texts) if t[:1].isupper()), len(b.texts))
                if 0 < k < len(b.texts):
                    # Lowercase lines finish a cell the page broke; the rest is new.
                    pending.append(Block(b.lines[:k], True))
                    b = Block(b.lines[k:], False)
            pending.append(b)
            i += 1
            continue

        if anchor is not None and (anchor[0] > 0 or not anchor[2]):
            # Outline/action text printed on the anchor's own lines.
            k, m, at_start = anchor
            before = b.texts[:k] + ([b.texts[k][: m.start()].strip()] if not at_start else [])
            own_text = [t for t in before if t]
        else:
            own_text = []
        # The action: the last pending block (or the text before the anchor).
        action_parts: list[str] = []
        new_outline: str | None = None
        if own_text:
            pre = own_text[-1]
            split = re.search(r"(?<=[a-z,;:]) (?=[A-Z])", pre)
            if len(own_text) > 1 and split:
                new_outline = join_text(own_text[:-1] + [pre[: split.start()]])
                action_parts = [pre[split.end():]]
            elif len(own_text) > 1:
                new_outline = join_text(own_text[:-1])
                action_parts = [pre]
            else:
                action_parts = [pre]
        elif pending:
            action_parts = [pending.pop().text]
            by_column = [blk for blk in pending if area.column_of(blk) == "outline"]
            if by_column:
                new_outline = by_column[-1].text
                pending.remove(by_column[-1])
            elif pending and pending[-1].narrow and not _starts_like_status(pending[-1]) and area.column_of(pending[-1]) is None:
                new_outline = pending.pop().text
        if not action_parts or not action_parts[0]:
            warnings.append(f"line {b.lines[0].number}: who/when cell with no action before it; skipped")
            i += 1
            continue
        # Whatever is still pending belongs to the previous row.
        if rows:
            _give_tail(rows[-1], pending)
        elif pending:
            warnings.append(f"AFI {area.name!r}: text before the first action left out (line {pending[0].lines[0].number})")
        pending = []
        if new_outline:
            outline = new_outline
        row = Row(area, b.lines[0], outline, join_text(action_parts))
        if anchor is not None:
            k, m, _ = anchor
            row.who, row.when = squash(m.group("who")), squash(m.group("when"))
            row.add_status(squash(m.group("status")))
            rest = b.texts[k + 1 :]
            if rest and not row.status:
                row.when = join_text([row.when] + rest)
            else:
                row.status += rest
        else:
            row.who = join_text(b.texts)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            w = _WHEN_START.match(nxt.texts[0]) if nxt else None
            if w:
                row.when = squash(w.group("when"))
                row.add_status(squash(w.group("status")))
                if row.status:
                    row.status += nxt.texts[1:]
                else:
                    row.when = join_text([row.when] + nxt.texts[1:])
                i += 1
        rows.append(row)
        i += 1
    if rows:
        _give_tail(rows[-1], pending)
    return rows


def _is_who_block(block: Block) -> bool:
    """A cell holding only an owner: `SR`, `KJ with` / `Commissioning`, `Nicola` / `Bennet`."""
    texts = block.texts
    if len(" ".join(texts).split()) > 4:
        return False
    if _WHO_ONLY.match(texts[0]) and (len(texts) == 1 or all(_NAME_WORD.match(t) or _WHO_ONLY.match(t) for t in texts[1:])):
        return True
    # A full name wrapped over two lines.
    return len(texts) == 2 and all(_NAME_WORD.match(t) for t in texts)


def _give_tail(row: Row, blocks: list[Block]) -> None:
    """Blocks after a row's who/when cell and before the next row's own.

    After a page break they finish the row's cells in column order (an
    unfinished outline, the action, the status); otherwise they are its
    delivery status when it has none yet, else its impact.
    """
    if not blocks:
        return
    if row.broken:
        parts = [blk.text for blk in blocks]
        if row.outline and not re.search(r"[.;:!?)]$", row.outline):
            row.outline = join_text([row.outline, parts.pop(0)])
        if parts:
            row.action = join_text([row.action, parts.pop(0)])
        row.status += parts
        return
    for blk in blocks:
        if not row.status:
            row.add_status(blk.text)
        else:
            row.impact.append(blk.text)


def _starts_like_status(block: Block) -> bool:
    """A narrow block that reads as a status or impact note, not an outline (`19.05.20 …`)."""
    return bool(re.match(r"^\d", block.texts[0]))


def join_text(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if p:
            out = join_wrapped(out, p)
    return squash(out)
