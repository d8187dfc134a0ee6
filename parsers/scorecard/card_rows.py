"""A page of KPI cards as rows of cells, column by column, each row read as labelled values or as text.

Cards stand one, two or three to a row. Every card prints one latest value, so the x of each `Latest`
(`Actual`, `Current` …) label on a page tells where the card columns start; a line belongs to the
column its middle stands in. Inside a column, lines at one height form a row. A row is:
  - labelled values: `Latest: 97%` (label before), `97%  latest` (label after), `Latest | 97%` as
    two cells, or a row of labels whose values print in the row beneath (`Actual  Goal  Threshold`);
  - a lone RAG word, a polarity statement (`Higher is better`) or a period (`Q3 2024/25`);
  - otherwise text: a card's name, its commentary, or the page's heading.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from parsers.common.periods import period_dates
from parsers.scorecard.card_labels import (
    VALUE_KINDS,
    Label,
    label_after,
    label_alone,
    label_before,
    split_labelled,
    starts_value,
)
from schemas.document import Line

SAME_ROW = 3.0  # points between two cells' tops that still print on one row
COLUMN_SLACK = 10.0  # a line may start this far left of its column's first label
_RAG_WORD = re.compile(r"^\s*(red|amber|green|blue)\s*$", re.I)
_POLARITY = re.compile(r"^\s*(?:(?:higher|lower|high|low|bigger|smaller)\s+(?:is|=)\s+(?:better|good)"
                       r"|(?:good|aim)\s+(?:is|=)\s+(?:higher|lower|high|low))\s*$", re.I)
_VALUE_CELL = re.compile(r"^\s*(?:[£<>]?[-+]?\d[\d,.]*\s?(?:%|days?|weeks?)?(?:\s*\([\w /-]{1,30}\))?|n/?a|-|–|\*|TBC|red|amber|green|blue)\s*$", re.I)
# Periods printed with no date: `Rolling 12 months`, `Year to date`, `Quarterly`, `Snapshot`.
_PERIOD_WORDS = re.compile(r"^\s*(?:rolling\s+(?:\d{1,2}|twelve)\s+months?|year\s+to\s+date|YTD|quarterly|monthly|annual(?:ly)?"
                           r"|snapshot|financial\s+year|academic\s+year|calendar\s+year)\b[\w\s/-]{0,30}$", re.I)
_PERIOD_CELL = re.compile(r"^[\w/ .'’-]{2,50}$")


@dataclass(slots=True)
class Pair:
    kind: str
    label: Label
    value: str  # the value as printed ("97%", "39.0% (Amber)", "Q3 2024/25")
    bbox: tuple[float, float, float, float]  # of the value
    page: int


@dataclass(slots=True)
class Row:
    cells: list[Line]
    page: int
    pairs: list[Pair] = field(default_factory=list)
    marks: list[Pair] = field(default_factory=list)  # a RAG word or arrow printed at the end of a text row (a name's)

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)

    @property
    def top(self) -> float:
        return min(c.top for c in self.cells)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in self.cells)

    @property
    def height(self) -> float:
        return median(w.bottom - w.top for c in self.cells for w in c.words) if self.cells[0].words else 0.0

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (min(c.x0 for c in self.cells), self.top, max(c.x1 for c in self.cells), self.bottom)


def _box(line: Line) -> tuple[float, float, float, float]:
    return (line.x0, line.top, line.x1, line.bottom)


def latest_anchor_xs(lines: list[Line]) -> list[float]:
    """Where each card column starts on a page: the x of every latest-value label, clustered; on a page
    whose cards print their latest figure with no label (a big `97%` over `Target: 95%`), every target's."""
    return _anchor_xs(lines, ("latest", "dated")) or _anchor_xs(lines, ("target",))


def _anchor_xs(lines: list[Line], kinds: tuple[str, ...]) -> list[float]:
    xs = []
    for line in lines:
        label = label_before(line.text) or label_alone(line.text) or dated_value(line.text)
        if label and label.kind in kinds:
            # `97%  latest`: a label with no colon just right of a figure; the figure starts the card.
            left = [o for o in lines if o is not line and abs(o.top - line.top) < SAME_ROW and ":" not in line.text
                    and 0 <= line.x0 - o.x1 < 120 and _VALUE_CELL.match(o.text)]
            if label.rest or left or _value_beside(line, lines):  # not a chart's legend or a heading
                xs.append(min([line.x0] + [o.x0 for o in left]))
        elif (label := label_after(line.text)) and label.kind in kinds:
            xs.append(line.x0)
    xs.sort()
    clustered: list[float] = []
    for x in xs:
        if not clustered or x - clustered[-1] > 25:
            clustered.append(x)
    # A column starts where no card's name or commentary runs across it (one page heading may).
    return clustered[:1] + [x for x in clustered[1:]
                            if sum(1 for l in lines if l.x0 < x - COLUMN_SLACK and l.x1 > x + 20) < 2]


def _value_beside(label: Line, lines: list[Line]) -> bool:
    """A value printed right of a label on its row, or just beneath it."""
    height = label.bottom - label.top
    for o in lines:
        if o is label or not _VALUE_CELL.match(o.text):
            continue
        if abs(o.top - label.top) < SAME_ROW and 0 <= o.x0 - label.x1 + 2 < 150:
            return True
        if label.bottom - 1 <= o.top <= label.bottom + 2 * height + 4 and o.x0 < label.x1 + 40 and o.x1 > label.x0 - 5:
            return True
    return False


def columns_of(lines: list[Line], starts: list[float]) -> list[list[Line]]:
    """The page's lines cut into card columns (one column where the page shows no latest label)."""
    if len(starts) <= 1:
        return [lines]
    columns: list[list[Line]] = [[] for _ in starts]
    for line in lines:
        # By the line's middle, not its start: a name centred in its card may start left of the card's labels.
        middle = (line.x0 + line.x1) / 2
        k = sum(1 for s in starts[1:] if middle >= s - COLUMN_SLACK)
        columns[k].append(line)
    return columns


def rows_of(lines: list[Line]) -> list[Row]:
    """A column's lines as rows, top to bottom, each read for labelled values."""
    cells = [c for l in lines if l.text.strip() and l.top is not None for c in _split_cell(l)]
    ordered = sorted(cells, key=lambda l: (l.top, l.x0))
    rows: list[Row] = []
    for line in ordered:
        if rows and abs(line.top - rows[-1].cells[0].top) < SAME_ROW:
            rows[-1].cells.append(line)
        else:
            rows.append(Row([line], line.page))
    for row in rows:
        row.cells.sort(key=lambda c: c.x0)
    k = 0
    while k < len(rows):
        row = rows[k]
        row.pairs = _pairs_in(row)
        if not row.pairs and k + 1 < len(rows) and _label_grid(row, rows[k + 1]):
            rows.pop(k + 1)  # its values were read into the labels' row
        k += 1
    for row in rows:
        if not row.pairs and len(row.cells) >= 2:
            _trailing_mark(row)
    _unlabelled_latest(rows)
    _latest_of_dated(rows)
    return rows


def dated_value(text: str) -> Label | None:
    """`Dec 24: 97%`, `Q3 2024/25: 97%`: a value labelled by its period (`Dec 24:` alone: its value beside)."""
    m = _DATED.match(text)
    if not m or not period_dates(m.group(1)) or (m.group(2) and not starts_value(m.group(2))):
        return None
    return Label("dated", m.group(1).strip(), m.group(1).strip(), (m.group(2) or "").strip())


_DATED = re.compile(r"^\s*([A-Za-z0-9][\w/ .-]{1,40}?)\s*:\s*(\S.*)?$")


def _latest_of_dated(rows: list[Row]) -> None:
    """A block of labelled rows with no latest label but values labelled by period: the value of the
    latest period is the latest, the one before it the previous value."""
    k = 0
    while k < len(rows):
        end = k
        while end < len(rows) and rows[end].pairs:
            end += 1
        block = [p for r in rows[k:end] for p in r.pairs]
        dated = sorted((p for p in block if p.kind == "dated"), key=lambda p: period_dates(p.label.period)[1])
        if dated and not any(p.kind == "latest" for p in block):
            for pair, kind in zip(reversed(dated), ("latest", "previous")):
                if kind == "latest" or not any(p.kind == "previous" for p in block):
                    pair.kind = kind
                    pair.label = Label(kind, pair.label.printed, pair.label.period, pair.label.rest)
        k = end + 1


_ARROW = re.compile(r"^\s*([↑↓→↗↘⇧⇩⇨▲▼►]|improving|worsening|declining|stable|same|no\s+change)\s*$", re.I)


def _trailing_mark(row: Row) -> None:
    """`CS01 % of assessments in 45 days   GREEN   ⇧`: the status and direction printed after a name."""
    while len(row.cells) >= 2:
        cell = row.cells[-1]
        if m := _RAG_WORD.match(cell.text):
            kind, value = "rag", m.group(1)
        elif m := _ARROW.match(cell.text):
            kind, value = "direction", m.group(1)
        else:
            return
        row.marks.append(Pair(kind, Label(kind, "", None, value), value, _box(cell), row.page))
        row.cells.pop()


_BARE_FIGURE = re.compile(r"^\s*[£]?[-+]?\d[\d,]*(?:\.\d+)?\s?(?:%|days?)?\s*$", re.I)
_BESIDE_LATEST = {"target", "floor", "previous"}


def _unlabelled_latest(rows: list[Row]) -> None:
    """A card that prints its latest figure bare (`97%`, big, over `Target: 95%`): a row of one figure
    just above the labelled values of a card that has no latest label is that card's latest value."""
    for k, row in enumerate(rows):
        if row.pairs or len(row.cells) != 1 or not _BARE_FIGURE.match(row.cells[0].text):
            continue
        below = rows[k + 1 : k + 3]
        kinds = [p.kind for r in below for p in r.pairs]
        if kinds and below[0].pairs and _BESIDE_LATEST & set(kinds) and "latest" not in kinds:
            text = row.cells[0].text.strip()
            row.pairs = [Pair("latest", Label("latest", "", None, text), text, _box(row.cells[0]), row.page)]


def _split_cell(line: Line) -> list[Line]:
    """A line printing several labelled values (`Latest: 97%  Target: 97%`) as one cell each."""
    parts = split_labelled(line.text)
    if len(parts) == 1 or len(line.words) != len(line.text.split()):
        return [line]
    cells, k = [], 0
    for part in parts:
        words = line.words[k:k + len(part.split())]
        k += len(words)
        cells.append(Line(" ".join(w.text for w in words), line.page, line.number, tuple(words),
                          min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
                          max(w.bottom for w in words)))
    return cells


def _is_value(text: str) -> bool:
    return bool(_VALUE_CELL.match(text)) or starts_value(text)


def _pairs_in(row: Row) -> list[Pair]:
    """The labelled values of one row, if every cell of it is a label or a labelled value."""
    cells, pairs, k = row.cells, [], 0
    while k < len(cells):
        cell, nxt = cells[k], cells[k + 1] if k + 1 < len(cells) else None
        if k == 0 and nxt is not None and _BARE_FIGURE.match(cell.text) and (beside := label_before(nxt.text)) \
                and beside.kind in _BESIDE_LATEST:  # `97%   Target: 95%`: the bare figure is the latest
            text = cell.text.strip()
            pairs.append(Pair("latest", Label("latest", "", None, text), text, _box(cell), row.page))
        elif (label := label_before(cell.text)) and (label.rest or nxt is None):
            pairs.append(Pair(label.kind, label, label.rest, _box(cell), row.page))
        elif label and (_is_value(nxt.text) or label.kind not in VALUE_KINDS):  # `Latest:` | `97%`
            pairs.append(Pair(label.kind, label, nxt.text.strip(), _box(nxt), row.page))
            k += 1
        elif label:
            pairs.append(Pair(label.kind, label, "", _box(cell), row.page))
        elif (label := label_alone(cell.text)) and nxt is not None and _is_value(nxt.text):
            pairs.append(Pair(label.kind, label, nxt.text.strip(), _box(nxt), row.page))
            k += 1
        elif (label := dated_value(cell.text)) and not label.rest and nxt is not None and _is_value(nxt.text):
            pairs.append(Pair(label.kind, label, nxt.text.strip(), _box(nxt), row.page))  # `Dec 24:` | `97%`
            k += 1
        elif (label := label_after(cell.text)) or ((label := dated_value(cell.text)) and label.rest):
            pairs.append(Pair(label.kind, label, label.rest, _box(cell), row.page))
        elif _VALUE_CELL.match(cell.text) and nxt is not None and (label := label_alone(nxt.text)):
            pairs.append(Pair(label.kind, label, cell.text.strip(), _box(cell), row.page))
            k += 1
        elif m := _RAG_WORD.match(cell.text):  # `GREEN`, alone or beside an arrow
            pairs.append(Pair("rag", Label("rag", "", None, m.group(1)), m.group(1), _box(cell), row.page))
        elif len(cells) > 1 and (m := _ARROW.match(cell.text)):
            pairs.append(Pair("direction", Label("direction", "", None, m.group(1)), m.group(1), _box(cell), row.page))
        elif len(cells) == 1 and _POLARITY.match(cell.text):
            text = " ".join(cell.text.split())
            pairs.append(Pair("polarity", Label("polarity", "", None, text), text, _box(cell), row.page))
        elif len(cells) == 1 and _PERIOD_CELL.match(cell.text) and len(cell.text.split()) <= 8 \
                and (period_dates(cell.text) or _PERIOD_WORDS.match(cell.text)):
            text = " ".join(cell.text.split())
            pairs.append(Pair("period", Label("period", "", None, text), text, _box(cell), row.page))
        else:
            return []
        k += 1
    return pairs


def _label_grid(labels_row: Row, values_row: Row) -> bool:
    """A row of labels over a row of values: each value is the label's that starts at or left of it."""
    labels = [(cell, label_alone(cell.text)) for cell in labels_row.cells]
    if not all(label for _, label in labels) or not all(_VALUE_CELL.match(c.text) for c in values_row.cells):
        return False
    if values_row.top - labels_row.bottom > 2 * max(labels_row.bottom - labels_row.top, 6):
        return False
    for value in values_row.cells:
        owners = [(cell, label) for cell, label in labels if cell.x0 <= value.x0 + 6]
        if not owners:
            return False
        cell, label = owners[-1]
        labels_row.pairs.append(Pair(label.kind, label, value.text.strip(), _box(value), values_row.page))
    return True
