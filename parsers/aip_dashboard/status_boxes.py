"""Which status box is ticked, read from the text of a pair of check-box columns.

A dashboard prints two columns of boxes, Actions status and Impact status,
each listing On target / At risk / Compromised / Completed. Extraction gives
them row by row (`☐ On target X ☐ On target`), sometimes one label per line
when a box wraps. Each label is printed once per column, so its first
occurrence belongs to the first column and its second to the second. A
label is ticked when an X follows it (`On target X`) or a checked box
glyph precedes it (`☒ On target`); a glyph after a label is the next box's.
"""
from __future__ import annotations

import re

STATUSES = ("On target", "At risk", "Compromised", "Completed")
_CHECKED_GLYPHS = "☒☑✓✔✗✘■"
_LABEL = re.compile(
    rf"(?P<pre>[{_CHECKED_GLYPHS}]\s*)?\b(?P<label>on\s+target|at\s+risk|compromised|completed)\b(?P<post>\s*\bx\b)?",
    re.I,
)
_CANONICAL = {s.lower().replace(" ", ""): s for s in STATUSES}


def read_status_boxes(text: str, columns: int = 2) -> tuple[list[str | None], list[str]]:
    """The ticked status of each column, and warnings for columns that cannot be read."""
    seen: dict[str, int] = {}
    ticked: list[list[str]] = [[] for _ in range(columns)]
    for m in _LABEL.finditer(text):
        label = _CANONICAL[re.sub(r"\s+", "", m.group("label").lower())]
        column = seen.get(label, 0)
        seen[label] = column + 1
        if column >= columns:
            continue
        mark = m.group("post") or m.group("pre")
        if mark:
            ticked[column].append(label)
    statuses: list[str | None] = []
    warnings: list[str] = []
    for k, marks in enumerate(ticked):
        if len(marks) == 1:
            statuses.append(marks[0])
        else:
            statuses.append(None)
            what = "no box" if not marks else f"{len(marks)} boxes ({', '.join(marks)})"
            warnings.append(f"status column {k + 1}: {what} ticked")
    if not seen:
        warnings = [f"status column {k + 1}: no status boxes found" for k in range(columns)]
    return statuses, warnings
