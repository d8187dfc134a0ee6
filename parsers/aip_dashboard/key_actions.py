"""The key actions table of an AIP priority: action, owners, impact on objective, timescale.

The four columns come out of a text extraction in reading order, wrapped
cells interleaved: `Identify teams … to target Leadership Team` (action and
owner on one line), then the impact's lines, then `Monthly based on …`.
Each line is cut where an owner phrase (`parsers.aip_dashboard.owners`) or a
timescale (`parsers.aip_dashboard.timescales`) is recognised, and the pieces
are dealt to columns in order: action, owner, impact, timescale. A new row
starts when text that is not a continuation (it begins with a capital and
the cell before did not end mid-phrase) arrives after the timescale, or
when a line carries an action followed by an owner.

This is a reading of text whose columns were lost; the PDF's word
positions would make it exact. Rows where no owner was found keep it None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.common.plan_labels import join_wrapped, squash
from parsers.aip_dashboard.owners import find_owner
from parsers.aip_dashboard.timescales import split_trailing_timescale, starts_with_timescale
from schemas.document import Line

ACTION, OWNER, IMPACT, TIMESCALE = range(4)
_HEADER = re.compile(r"\bowners?\b.*\btimescales?\b", re.I)
# A cell that stops on one of these is continued on the next line.
_OPEN_END = re.compile(r"(?:[&,/(–-]|\b(?:and|or|of|to|the|a|an|in|on|at|by|for|from|with|via|as|be))$", re.I)


@dataclass
class KeyAction:
    line: Line  # where the action starts
    cells: list[list[str]] = field(default_factory=lambda: [[], [], [], []])

    def text(self, column: int) -> str | None:
        out = ""
        for piece in self.cells[column]:
            out = join_wrapped(out, piece)
        return squash(out) or None

    @property
    def action(self) -> str | None:
        return self.text(ACTION)

    @property
    def owner(self) -> str | None:
        return self.text(OWNER)

    @property
    def impact(self) -> str | None:
        return self.text(IMPACT)

    @property
    def timescale(self) -> str | None:
        return self.text(TIMESCALE)


def _continues(previous: str, text: str) -> bool:
    """Does `text` carry on the cell that ended with `previous`?"""
    if not previous:
        return False
    if text[:1].islower() or text[:1] in "(-–&":
        return True
    if previous.count("(") > previous.count(")"):
        return True
    return bool(_OPEN_END.search(previous.rstrip()))


def read_key_actions(lines: list[Line]) -> tuple[list[KeyAction], list[str]]:
    warnings: list[str] = []
    start = next((i for i, l in enumerate(lines) if _HEADER.search(l.text)), None)
    if start is None:
        return [], ["key actions: no 'Owners … Timescale' column headings found"]
    rows: list[KeyAction] = []
    row: KeyAction | None = None
    column = ACTION
    last_piece = ""

    def put(col: int, text: str) -> None:
        nonlocal column, last_piece
        row.cells[col].append(text)
        column, last_piece = col, text

    body = [l for l in lines[start + 1 :] if l.text.strip()]
    for n, line in enumerate(body):
        # Keep inner double spaces: they often mark where one cell ends.
        text = line.text.strip()
        continuing = row is not None and _continues(last_piece, text)
        if row is not None and continuing:
            # Cells can still hold an owner or timescale after the continued words.
            if column == ACTION:
                owner = find_owner(text, allow_at_start=False)
                if owner and _owner_line_follows(owner, text, body, n):
                    owner = None  # `… review with all Team Managers`, then the owner's own line
                if owner:
                    put(ACTION, text[: owner.start].strip())
                    _owner_then_rest(row, text, owner, put)
                    continue
            if column in (IMPACT, OWNER):
                head, when = split_trailing_timescale(text)
                put(column, head)
                if when:
                    put(TIMESCALE, when)
                continue
            put(column, text)
            continue

        if row is not None and column == TIMESCALE and not _opens_row(body, n):
            put(TIMESCALE, text)  # a second sentence of a progress-note timescale
            continue
        if row is None or column == TIMESCALE:
            row = KeyAction(line)
            rows.append(row)
            column, last_piece = ACTION, ""
            owner = find_owner(text, allow_at_start=False)
            if owner:
                put(ACTION, text[: owner.start].strip())
                _owner_then_rest(row, text, owner, put)
            else:
                put(ACTION, text)
            continue

        if column >= OWNER and starts_with_timescale(text):
            put(TIMESCALE, text)
            continue
        owner = find_owner(text, allow_at_start=not row.cells[OWNER])
        if owner and owner.start > 0 and row.cells[OWNER]:
            # An action and its owner on one line: the next row has begun.
            row = KeyAction(line)
            rows.append(row)
            put(ACTION, text[: owner.start].strip())
            _owner_then_rest(row, text, owner, put)
            continue
        if owner and column == ACTION:
            if owner.start > 0:
                put(ACTION, text[: owner.start].strip())
            _owner_then_rest(row, text, owner, put)
            continue
        if column == ACTION:
            put(ACTION, text)
            continue
        if column == IMPACT and row.cells[IMPACT]:
            # A fresh sentence after a finished impact cell is the last column:
            # some plans write progress notes there instead of a date.
            put(TIMESCALE, text)
            continue
        head, when = split_trailing_timescale(text)
        put(IMPACT, head)
        if when:
            put(TIMESCALE, when)

    for r in rows:
        if r.owner is None:
            warnings.append(f"key action on line {r.line.number}: owner not recognised")
        if r.timescale is None:
            warnings.append(f"key action on line {r.line.number}: timescale not recognised")
    return [r for r in rows if r.action], warnings


def _opens_row(body: list[Line], n: int, reach: int = 3) -> bool:
    """Does line n begin a new action? Every row names an owner: on the
    action's first line, or opening a line soon after it once the action's
    wrapped lines are past. Owner-like words inside those wrapped lines
    (`… review with all Team Managers`) are the action's own; an owner in the
    middle of a fresh line belongs to the row that line begins."""
    previous = body[n].text.strip()
    if find_owner(previous, allow_at_start=False):
        return True
    for line in body[n + 1 :]:
        following = line.text.strip()
        if _continues(previous, following):
            previous = following
            continue
        if starts_with_timescale(following):
            return False
        owner = find_owner(following)
        if owner is not None:
            return owner.start == 0
        reach -= 1
        if reach == 0:
            return False
        previous = following
    return False


def _owner_line_follows(owner, text: str, body: list[Line], n: int) -> bool:
    """Does an owner phrase ending this line give way to one opening the next line?"""
    if text[owner.end :].strip() or n + 1 >= len(body):
        return False
    following = find_owner(body[n + 1].text.strip())
    return following is not None and following.start == 0


def _owner_then_rest(row: KeyAction, text: str, owner, put) -> None:
    put(OWNER, text[owner.start : owner.end].strip())
    rest = text[owner.end :].strip()
    if not rest:
        return
    if starts_with_timescale(rest):
        put(TIMESCALE, rest)
        return
    head, when = split_trailing_timescale(rest)
    if head:
        put(IMPACT, head)
    if when:
        put(TIMESCALE, when)
