"""Placed rows -> ScorecardValue records (figures, targets, comparators)."""
from __future__ import annotations

import re

from parsers.common.provenance import read_at
from parsers.scorecard.columns import Column
from parsers.common.figures import parse_figure, unit_of
from parsers.scorecard.marks import read_marks
from parsers.scorecard.tables import Placement
from schemas.document import Line
from schemas.scorecards import ScorecardValue

# "Peer group rate: 429.6", "National rate: 532.2", "England average: 12.1%".
_COMPARATOR = re.compile(
    r"(?P<label>\b(?:Peer\s+group|Statistical\s+neighbou?rs?|National|England|Regional|South\s+West|"
    r"North\s+West|North\s+East|South\s+East|East\s+Midlands|West\s+Midlands|London|Comparator|SN)"
    r"(?:\s+(?:rate|average|figure|value|mean))?)\s*:\s*(?P<figure>[-£]?\d[\d,]*(?:\.\d+)?\s?%?)",
    re.I,
)
_LABEL_TAIL = re.compile(r"\s+(rate|average|figure|value|mean)$", re.I)


def comparators_in(comment: str | None) -> list[tuple[str, str]]:
    """(comparator, figure text) pairs quoted in a comment."""
    if not comment:
        return []
    found = []
    for m in _COMPARATOR.finditer(comment):
        label = _LABEL_TAIL.sub("", re.sub(r"\s+", " ", m.group("label")).strip())
        found.append((label, m.group("figure").replace(" ", " ").strip()))
    return found


def values_of(placement: Placement, lines: list[Line], document_id: str, section: str | None,
              warnings: list[str], use_positions: bool = False) -> list[ScorecardValue]:
    row = placement.row
    header = placement.header
    figures = row.figures
    line = lines[row.last]
    where = _where(line)
    unit = unit_of(figures, row.indicator)
    columns = header.columns if header else []
    # Per figure: the column it sits in (None: its column is not known).
    placed: list[Column | None] = [None] * len(figures)
    if header is None:
        warnings.append(f"{where}: cannot tell which table '{_short(row.indicator)}' belongs to; periods left empty")
    elif use_positions and all(f.x0 is not None for f in figures) and all(c.x0 is not None for c in columns):
        placed = [_column_at(f.x_center, columns) for f in figures]
        if any(c is None for c in placed):
            warnings.append(
                f"{where}: a figure of '{_short(row.indicator)}' sits under no column; its period is left empty")
        unread = sorted({c.label for c in placed if c is not None and not c.readable})
        if unread:
            warnings.append(f"{where}: '{_short(row.indicator)}' prints figures under {', '.join(map(repr, unread))}, "
                            "a column that names no period, target or comparator; their period is left empty")
    elif placement.exact:
        placed = list(columns)
    else:
        warnings.append(
            f"{where}: '{_short(row.indicator)}' prints {len(figures)} figures for {len(columns)} columns; periods left empty"
        )
    comment = row.comment
    marks = read_marks(row.marks, where, _short(row.indicator), warnings)
    records = []
    for index, (fig, col) in enumerate(zip(figures, placed)):
        records.append(ScorecardValue(
            **read_at(document_id, line), section=section,
            indicator=row.indicator, reporting_basis=row.basis, period=col.period if col else None, value=fig.value,
            value_text=fig.text, unit=fig.unit or unit,
            is_target=bool(col and col.is_target), is_comparator=bool(col and col.comparator),
            comparator=col.comparator if col else None, comment=comment, value_index=index,
            table_title=header.title if header else None, **marks,
        ))
    for label, text in comparators_in(comment):
        fig = parse_figure(text.replace(" ", ""))
        records.append(ScorecardValue(
            **read_at(document_id, line), section=section,
            indicator=row.indicator, reporting_basis=row.basis, period=None,
            value=fig.value if fig else None, value_text=text, unit=(fig.unit if fig and fig.unit else unit),
            is_comparator=True, comparator=label, comment=comment,
            table_title=header.title if header else None, **marks,
        ))
    return records


def _column_at(x: float, columns):
    inside = [c for c in columns if c.x0 - 2 <= x <= c.x1 + 2]
    if inside:
        return min(inside, key=lambda c: abs((c.x0 + c.x1) / 2 - x))
    return None


def _where(line: Line) -> str:
    return f"line {line.number}" if not line.words else f"page {line.page}"


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"
