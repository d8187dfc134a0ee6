"""The column labels a risk register prints over its ratings: `Inherent`, `Current`, `Target`, `Q1` … `Q4`.

A register row prints several ratings (`High 20  High 15  High 15  Moderate 12`); which is the inherent,
which the current, which a quarter's, only the header says. The header is the nearest row above the
risk (within a page's reach) that names at least two rating columns and says it is about risk
(`risk`, `rating`, `score`, `inherent`, `residual`). Its labels are kept with the ratings in order when
there are as many labels as ratings; otherwise none are, with a warning, rather than a guess.
"""
from __future__ import annotations

import re

from parsers.common.dates import MONTH
from schemas.document import Line

_LABEL = re.compile(
    rf"\b(?:inherent|initial|gross|original|residual|current|target|previous|net|revised"
    rf"|Q[1-4](?:\s*\(?(?:19|20)?\d{{2}}/\d{{2}}\)?)?|quarter\s+[1-4]|{MONTH}\.?[\s-]+(?:19|20)?\d{{2}})\b", re.I)
_ABOUT_RISK = re.compile(r"\b(?:risk|rating|score|inherent|residual)\b", re.I)
LOOK_BACK = 40  # lines above a risk row that may hold its header


def _visual_rows(lines: list[Line]) -> list[tuple[int, str]]:
    """(index of the row's first line, its text): PDF cells at one height joined left to right."""
    rows: list[tuple[int, list[Line]]] = []
    for i, line in enumerate(lines):
        if rows and line.top is not None and rows[-1][1][0].top is not None \
                and line.page == rows[-1][1][0].page and abs(line.top - rows[-1][1][0].top) < 3:
            rows[-1][1].append(line)
        else:
            rows.append((i, [line]))
    return [(i, " ".join(c.text for c in sorted(cells, key=lambda c: c.x0 or 0))) for i, cells in rows]


def rating_labels(lines: list[Line], index: int, count: int, warnings: list[str], where: str) -> list[str]:
    """The labels over the `count` ratings of the risk row at lines[index], or [] where none fit."""
    above = _visual_rows(lines[max(0, index - LOOK_BACK):index])
    for _, text in reversed(above):
        labels = [" ".join(m.group(0).split()) for m in _LABEL.finditer(text)]
        if len(labels) >= 2 and _ABOUT_RISK.search(text):
            if len(labels) == count:
                return labels
            warnings.append(f"{where}: {count} ratings under a header naming {len(labels)} rating columns "
                            f"({', '.join(labels)}); ratings kept without their labels")
            return []
    return []
