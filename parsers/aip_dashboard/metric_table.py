"""A month-by-month metrics table (target and actual per month) read from extracted text.

Layout it expects: a heading line of months (`April May … Jan 20 … May`), a
line of column kinds (`Target Actual Target Actual …`), then rows, each a
metric label (possibly wrapped over several lines) followed by its cells.

Where the cells of a row sit is recovered from the spacing: the extraction
writes one space between cells and one more for each empty cell, so
` 64%  55%` is (empty, 64%, empty, 55%). A row's values may wrap over lines:
a line break counts as one separator and each blank line between value
lines as one more (the whitespace-only lines pdftotext leaves for empty
cells come out blank). Cells split by a wrap are glued back (`12/` + `10%`,
`33.3` + `%`). A row that yields more cells than the table has columns was
printed with layout spacing that cannot be placed reliably: it is reported
in a warning and left out rather than guessed, as is a row whose cells
follow a long run of empty ones (see `_MAX_EMPTY_RUN`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parsers.common.plan_labels import join_wrapped, squash
from parsers.aip_dashboard.months import is_month_heading_line, month_dates, month_headings
from schemas.document import Line

_KIND_WORD = re.compile(r"\b(target|actual)s?\b", re.I)
_KIND_LINE = re.compile(r"^\s*(?:(?:target|actual)s?\b\s*){2,}$", re.I)
# One printed cell value (or a piece of one split by a wrap).
_VALUE = re.compile(r"^(?:[<>≤≥~]?-?\d[\d,]*(?:\.\d+)?%?|n/?a|tbc|tbd|-|–|%|/|\d[\d,.]*\s*/|/\s*\d[\d,.]*%?)$", re.I)
# Beyond this many empty cells in a row, the spacing that encodes them has
# been seen to drift (a row printed 23 spaces for 25 empty cells; the
# dashboard's own text dates its values): such rows are not placed.
_MAX_EMPTY_RUN = 6
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_NUMBER = re.compile(r"^[<>≤≥~]?(-?\d[\d,]*(?:\.\d+)?)(%?)$")


@dataclass
class MetricRow:
    label: str
    line: Line  # the line the label starts on
    cells: list[str] = field(default_factory=list)  # as printed, "" for an empty cell
    # Why the cells' columns could not be recovered (None when they were).
    unplaced_reason: str | None = None

    @property
    def cells_unplaceable(self) -> bool:
        return self.unplaced_reason is not None


@dataclass
class MetricTable:
    months: list[date]
    kinds: list[str]  # "target" / "actual" per cell column
    rows: list[MetricRow]
    warnings: list[str]


def cell_number(text: str) -> tuple[float | None, str | None]:
    """(value, unit) of a printed cell: `64%` -> (64.0, '%'), `17` -> (17.0, 'count'); else (None, None)."""
    m = _NUMBER.match(text.strip())
    if not m:
        return None, None
    return float(m.group(1).replace(",", "")), ("%" if m.group(2) else "count")


def _is_value_token(token: str) -> bool:
    return bool(_VALUE.match(token))


def _split_label_and_values(text: str) -> tuple[str, str]:
    """A line's leading label text and its trailing run of value cells (spacing kept).

    A single trailing number stays with the label (`Sec 17`, `used to be 5`):
    a label line only carries values when it carries at least two.
    """
    tokens = text.split(" ")
    cut = len(tokens)
    values = 0
    while cut > 0 and (tokens[cut - 1] == "" or _is_value_token(tokens[cut - 1])):
        cut -= 1
        if tokens[cut]:
            values += 1
    # Empties right after the label belong to the values (they are empty cells).
    while cut > 0 and tokens[cut - 1] == "":
        cut -= 1
    if cut == 0:
        return "", text
    if values < 2:
        return text, ""
    label = " ".join(tokens[:cut])
    # Drop the one separator between label and first cell.
    return label, text[len(label) + 1 :]


def _glue(cells: list[str]) -> list[str]:
    """Rejoin cells a wrap split: `12/` `10%`, `65` `/` `75%`, `33.3` `%`."""
    out: list[str] = []
    pending_join = False
    for cell in cells:
        if pending_join:
            if cell == "":
                continue
            out[-1] += cell
            pending_join = out[-1].endswith("/")
            continue
        if cell in ("%", "/") and out:
            # A lone `%` or `/` closes the last value printed, across the empties the wrap left.
            k = len(out) - 1
            while k > 0 and out[k] == "":
                k -= 1
            out[k] += cell
            del out[k + 1 :]
            pending_join = cell == "/"
            continue
        out.append(cell)
        pending_join = cell.endswith("/")
    return out


def _longest_empty_run(cells: list[str]) -> int:
    """Longest run of empty cells followed by a value (trailing empties do not count)."""
    longest = run = 0
    for cell in cells:
        if cell:
            longest = max(longest, run)
            run = 0
        else:
            run += 1
    return longest


def _cells(value_lines: list[tuple[str, int]]) -> list[str]:
    """Cells of a row from its value texts, each with the count of blank lines before it."""
    joined = ""
    for k, (text, blanks_before) in enumerate(value_lines):
        if k:
            joined += " " * max(1, blanks_before)
        joined += text
    return _glue(joined.split(" "))


def read_metric_table(lines: list[Line], last_month: date | None) -> MetricTable | None:
    """The table under a `Metrics` label; None if no month heading line is found."""
    warnings: list[str] = []
    i = 0
    while i < len(lines) and not is_month_heading_line(lines[i].text):
        i += 1
    if i == len(lines):
        return None
    headings = month_headings(lines[i].text)
    months = month_dates(headings, last_month)
    if months is None:
        warnings.append(f"metrics: month headings {squash(lines[i].text)!r} could not be dated")
        return MetricTable([], [], [], warnings)
    i += 1
    kinds: list[str] = []
    while i < len(lines) and (not lines[i].text.strip() or _KIND_LINE.match(lines[i].text)):
        kinds += [w.lower().rstrip("s") for w in _KIND_WORD.findall(lines[i].text)]
        i += 1
    expected = ["target", "actual"] * len(months)
    if kinds != expected:
        if kinds:
            warnings.append(
                f"metrics: column headings ({len(kinds)} Target/Actual words) do not pair with {len(months)} months;"
                " read as Target, Actual for each month"
            )
        kinds = expected

    rows: list[MetricRow] = []
    current: MetricRow | None = None
    value_lines: list[tuple[str, int]] = []
    value_line_objs: list[Line] = []
    blanks = 0

    def close() -> None:
        if current is None:
            return
        cells = _cells(value_lines)
        # A wrapped label can end in a lone number (`Sec` / `17`): if the row
        # overflows, give leading one-cell value lines back to the label.
        while len(cells) > len(kinds) and len(value_lines) > 1 and len(value_lines[0][0].split()) == 1:
            current.label = f"{current.label} {value_lines[0][0].strip()}"
            value_lines.pop(0)
            value_line_objs.pop(0)
            cells = _cells(value_lines)
        current.cells = cells
        run = _longest_empty_run(cells)
        if len(cells) <= len(kinds) and run > _MAX_EMPTY_RUN:
            warnings.append(
                f"metrics: {current.label!r} (line {current.line.number}): {run} empty cells in a row before a value;"
                " long runs of spacing do not place cells reliably, row left out:"
                f" {' '.join(c for c in cells if c)}"
            )
            current.unplaced_reason = f"{run} empty cells in a row before a value"
        elif len(cells) > len(kinds):
            warnings.append(
                f"metrics: {current.label!r} (line {current.line.number}): {len(cells)} cells for {len(kinds)} columns;"
                f" printed with layout spacing that cannot be placed, row left out: {' '.join(c for c in cells if c)}"
            )
            current.unplaced_reason = f"{len(cells)} cells for {len(kinds)} columns"
        rows.append(current)

    previous_page = lines[i - 1].page if i else None
    for line in lines[i:]:
        if not line.text.strip():
            blanks += 1
            continue
        new_page, previous_page = line.page != previous_page, line.page
        if new_page and _PAGE_NUMBER.match(line.text):
            continue  # the printed page number heading the next page
        label, values = _split_label_and_values(line.text)
        label = squash(label)
        if label:
            if current is None or value_lines:
                close()
                current = MetricRow(label, line)
                value_lines, value_line_objs = [], []
            else:
                current.label = join_wrapped(current.label, label)
        if values.strip():
            if current is None:
                warnings.append(f"metrics: values with no metric label on line {line.number}")
            elif not value_lines and not label and blanks > 2:
                # Whitespace-only lines between a label and its values held
                # empty cells; extraction blanked them, so where the first
                # cell sits is unknown.
                warnings.append(
                    f"metrics: {current.label!r}: cells on line {line.number} follow blank lines that held"
                    " empty cells; their months cannot be placed, row left out"
                )
                current.unplaced_reason = "cells follow blank lines that held empty cells"
                value_lines.append((values, blanks))
            else:
                value_lines.append((values, blanks))
                value_line_objs.append(line)
        blanks = 0
    close()
    return MetricTable(months, kinds, rows, warnings)
