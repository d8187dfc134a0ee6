"""A month-by-month metrics table read from word positions (PDF sources).

A PDF gives every word its box, so no spacing has to be decoded: the
`Target` / `Actual` headings fix the columns (each value goes to the
heading nearest its centre), the month headings above them name the
months, and rows are the vertical extents of the metric labels in the
left column (a label wrapped over lines is one row; a value belongs to the
row whose extent holds its middle).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from parsers.common.plan_labels import join_wrapped, squash
from parsers.aip_dashboard.metric_table import MetricRow, MetricTable
from parsers.aip_dashboard.months import month_dates, month_headings
from schemas.document import Line, Word

_KIND = re.compile(r"^(target|actual)s?$", re.I)
_MONTH_WORD = re.compile(r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.I)


@dataclass
class _Placed:
    word: Word
    line: Line

    @property
    def middle_y(self) -> float:
        return (self.word.top + self.word.bottom) / 2

    @property
    def middle_x(self) -> float:
        return (self.word.x0 + self.word.x1) / 2


def _bands(placed: list[_Placed]) -> list[list[_Placed]]:
    """Words grouped into horizontal bands (one printed line across the page)."""
    bands: list[list[_Placed]] = []
    for p in sorted(placed, key=lambda p: (p.line.page, p.middle_y, p.word.x0)):
        if bands and bands[-1][0].line.page == p.line.page and abs(bands[-1][0].middle_y - p.middle_y) <= _tolerance(p.word):
            bands[-1].append(p)
        else:
            bands.append([p])
    return [sorted(b, key=lambda p: p.word.x0) for b in bands]


def _tolerance(word: Word) -> float:
    return max(1.0, (word.bottom - word.top) * 0.4)


def read_positioned_metric_table(lines: list[Line], last_month: date | None) -> MetricTable | None:
    placed = [_Placed(w, l) for l in lines for w in l.words if w.text.strip()]
    bands = _bands(placed)
    month_band = next((k for k, b in enumerate(bands) if sum(bool(_MONTH_WORD.match(p.word.text)) for p in b) >= 3), None)
    if month_band is None:
        return None
    warnings: list[str] = []
    headings = month_headings(" ".join(p.word.text for p in bands[month_band]))
    months = month_dates(headings, last_month)
    if months is None:
        return MetricTable([], [], [], [f"metrics: month headings could not be dated: {headings}"])
    kind_band = next((k for k in range(month_band + 1, min(month_band + 4, len(bands)))
                      if sum(bool(_KIND.match(p.word.text)) for p in bands[k]) >= 2), None)
    if kind_band is None:
        return MetricTable(months, [], [], ["metrics: no Target/Actual column headings under the months"])
    heads = [p for p in bands[kind_band] if _KIND.match(p.word.text)]
    kinds = [_KIND.match(p.word.text).group(1).lower() for p in heads]
    centres = [p.middle_x for p in heads]
    if kinds != ["target", "actual"] * len(months):
        return MetricTable(months, [], [], [
            f"metrics: {len(kinds)} Target/Actual headings do not pair with {len(months)} months; values not placed"
        ])
    left_edge = centres[0] - (centres[1] - centres[0]) / 2
    body = [p for b in bands[kind_band + 1 :] for p in b]

    # Rows: the vertical extents of the label cells in the left column.
    label_words = sorted((p for p in body if p.middle_x < left_edge), key=lambda p: (p.line.page, p.word.top, p.word.x0))
    rows: list[tuple[MetricRow, int, float, float]] = []  # row, page, top, bottom
    for p in label_words:
        if rows:
            row, page, top, bottom = rows[-1]
            if page == p.line.page and p.word.top <= bottom + _tolerance(p.word):
                row.label = _add_word(row.label, p.word.text, same_line=abs(p.word.top - _last_top(row)) < _tolerance(p.word))
                row._last_top = p.word.top  # type: ignore[attr-defined]
                rows[-1] = (row, page, top, max(bottom, p.word.bottom))
                continue
        row = MetricRow(p.word.text, p.line)
        row._last_top = p.word.top  # type: ignore[attr-defined]
        rows.append((row, p.line.page, p.word.top, p.word.bottom))

    cells: list[list[list[str]]] = [[[] for _ in kinds] for _ in rows]
    for p in body:
        if p.middle_x < left_edge:
            continue
        candidates = [k for k, (_, page, top, bottom) in enumerate(rows) if page == p.line.page]
        if not candidates:
            warnings.append(f"metrics: value {p.word.text!r} on page {p.line.page} has no metric label beside it")
            continue
        k = min(candidates, key=lambda k: _distance(p.middle_y, rows[k][2], rows[k][3]))
        column = min(range(len(centres)), key=lambda c: abs(centres[c] - p.middle_x))
        cells[k][column].append(p.word.text)
    out = []
    for (row, *_), row_cells in zip(rows, cells):
        row.cells = [_cell_text(c) for c in row_cells]
        out.append(row)
    return MetricTable(months, kinds, out, warnings)


def _last_top(row: MetricRow) -> float:
    return getattr(row, "_last_top", 0.0)


def _add_word(label: str, word: str, same_line: bool) -> str:
    return f"{label} {word}" if same_line else join_wrapped(label, word)


def _distance(y: float, top: float, bottom: float) -> float:
    if top <= y <= bottom:
        return 0.0
    return min(abs(y - top), abs(y - bottom))


def _cell_text(words: list[str]) -> str:
    """A cell's words as one value: `12/` `10%` -> `12/10%`, `33.3` `%` -> `33.3%`."""
    text = " ".join(words)
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"\s+%", "%", text)
    return squash(text)
