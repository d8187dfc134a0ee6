"""Recognise the start of an improvement-plan document from its first lines.

The splitter calls `improvement_kind` on the first non-empty lines of a page
or run of lines to decide whether an AIP dashboard or an improvement
activity grid starts there. The signals are the documents' own printed
titles and the grid's column vocabulary, not any council's wording.
"""
from __future__ import annotations

import re

_PLAN_TITLE = re.compile(r"\bimprovement\s+plan\b", re.I)
_DASHBOARD = re.compile(r"\bd\s*a\s*s\s*h\s*b\s*o\s*a\s*r\s*d\b|\breporting\s+period\b|\baim\s+of\s+the\s+plan\b", re.I)
_DASHBOARD_FIELDS = re.compile(r"^\s*(rationale|actions\s+status|objectives|progress\s+made)\b", re.I)
_GRID_TITLE = re.compile(r"\bimprovement\s+(activity|priorities)\s+(planning\s+)?grid\b", re.I)
_GRID_AREA = re.compile(r"^\s*(AFI|area\s+for\s+improvement)\b", re.I)
_GRID_HEADER = re.compile(r"\bwho\?.*\bwhen\?", re.I)
# Sentences that mention a plan in passing (`… has been a refreshing of the AIP`) are long.
_TITLE_MAX_WORDS = 10


def _is_title(line: str, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.search(line)) and len(line.split()) <= _TITLE_MAX_WORDS


def improvement_kind(lines: list[str]) -> str | None:
    """'aip_dashboard', 'improvement_grid' or None for the first ~20 non-empty lines of a run.

    The title must be one of the first two non-empty lines (a short line,
    not a sentence mentioning the plan), and the lines after it must show
    the document's structure: the grid's area-for-improvement rows and
    Who?/When? columns, or the dashboard's reporting period, aim or fields.
    An agenda listing "Accelerated Improvement Plan Dashboard" as an item
    has the title but not the structure.
    """
    lines = [l for l in lines if l.strip()][:20]
    for t in range(min(2, len(lines))):
        after = lines[t + 1 :]
        if _is_title(lines[t], _GRID_TITLE) or _GRID_AREA.match(lines[t]):
            if any(_GRID_AREA.match(l) for l in lines[t : t + 6]) and any(_GRID_HEADER.search(l) for l in lines[t:]):
                return "improvement_grid"
        if _is_title(lines[t], _PLAN_TITLE):
            if any(_DASHBOARD.search(l) for l in after) or sum(bool(_DASHBOARD_FIELDS.match(l)) for l in after) >= 2:
                return "aip_dashboard"
    return None
