"""Rows and headers -> which table (and so which period columns) each row belongs to.

Text extractions print a table's rows first and its header after them, and
a page holding several tables prints all rows, then all headers, in the same
order. So the rows between two header runs are split, in order, among that
run's tables: each table takes a contiguous, non-empty run of rows, a row
never has more figures than its table has columns, and of the splits
allowed the one where most rows fill their table exactly is taken. A row
whose table differs between equally good splits, or that fills fewer
columns than its table has, keeps its figures with no period.
"""
from __future__ import annotations

from dataclasses import dataclass

from parsers.scorecard.columns import Header
from parsers.scorecard.rows import Row


@dataclass(slots=True)
class Placement:
    row: Row
    header: Header | None  # None: the row's table is ambiguous or no table fits
    exact: bool  # the row fills every value column of its table


def _fits(row: Row, header: Header) -> bool:
    if (row.basis is not None) != header.has_basis:
        return False
    return 0 < len(row.figures) <= len(header.columns)


def _exact(row: Row, header: Header) -> int:
    return int(len(row.figures) == len(header.columns))


def place_rows(rows: list[Row], headers: list[Header]) -> list[Placement]:
    """Split `rows` (in order) among `headers` (in order); see the module docstring."""
    if not rows:
        return []
    if not headers:
        return [Placement(r, None, False) for r in rows]
    for allow_empty in (False, True):
        options = _optimal_tables(rows, headers, allow_empty)
        if options is not None:
            break
    else:
        return [Placement(r, None, False) for r in rows]
    placements = []
    for row, tables in zip(rows, options):
        if len(tables) == 1:
            header = headers[next(iter(tables))]
            placements.append(Placement(row, header, bool(_exact(row, header))))
        else:
            placements.append(Placement(row, None, False))
    return placements


def _optimal_tables(rows: list[Row], headers: list[Header], allow_empty: bool) -> list[set[int]] | None:
    """For each row, the set of tables it sits in across all best splits; None if no split is allowed."""
    n, k = len(rows), len(headers)
    neg = float("-inf")
    # fwd[i][j]: best score for rows[:i+1] with row i in table j (tables < j all used unless allow_empty).
    fwd = [[neg] * k for _ in range(n)]
    for j in range(k):
        if _fits(rows[0], headers[j]) and (allow_empty or j == 0):
            fwd[0][j] = _exact(rows[0], headers[j])
    for i in range(1, n):
        for j in range(k):
            if not _fits(rows[i], headers[j]):
                continue
            prev = fwd[i - 1][j]
            for p in range(j):
                if allow_empty or p == j - 1:
                    prev = max(prev, fwd[i - 1][p])
            if prev > neg:
                fwd[i][j] = prev + _exact(rows[i], headers[j])
    # bwd[i][j]: best score for rows[i:] with row i in table j (tables > j all used unless allow_empty).
    bwd = [[neg] * k for _ in range(n)]
    for j in range(k):
        if _fits(rows[-1], headers[j]) and (allow_empty or j == k - 1):
            bwd[n - 1][j] = _exact(rows[-1], headers[j])
    for i in range(n - 2, -1, -1):
        for j in range(k):
            if not _fits(rows[i], headers[j]):
                continue
            nxt = bwd[i + 1][j]
            for q in range(j + 1, k):
                if allow_empty or q == j + 1:
                    nxt = max(nxt, bwd[i + 1][q])
            if nxt > neg:
                bwd[i][j] = nxt + _exact(rows[i], headers[j])
    best = max(fwd[n - 1])
    if best == neg:
        return None
    options = []
    for i in range(n):
        tables = {j for j in range(k)
                  if fwd[i][j] > neg and bwd[i][j] > neg and fwd[i][j] + bwd[i][j] - _exact(rows[i], headers[j]) == best}
        options.append(tables)
    return options
