"""A PDF table header's cells: what each column holds, and how far across the page it reaches.

Councils print more than periods above their figures: a reference (`Ref`,
`CH02`), the indicator, its polarity (`Good is`, `Polarity`, `Higher is
better`), periods (`2022/23`, `Q1 23/24`, `Mar-24`), a target with or
without its year, a RAG rating, a direction of travel (`DoT`), comparators
(`Stat Neighbours`, `England 2022/23`, `SN`) and a commentary. Each header
cell is sorted into one of these kinds so that a row's words land in the
right cell: figures in period / target / comparator columns become values,
the indicator column gives the indicator, and ratings, arrows, polarity and
references never leak into the indicator or the figures; they are kept
beside the row's figures by their cell's role (ref, polarity, rag, direction).

Columns of figures sit centred or right-aligned under their label, so a
narrow column reaches halfway to its narrow neighbours; text columns
(indicator, basis, commentary) are left-aligned and reach from their label
to the next column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.scorecard.columns import Column, columns_of, without_periods

INDICATOR, BASIS, COMMENTS, VALUE, SKIP = "indicator", "basis", "comments", "value", "skip"
_TEXT_KINDS = {INDICATOR, BASIS, COMMENTS}

_INDICATOR = re.compile(
    r"^(?:key\s+)?(?:performance\s+)?(?:indicators?|measures?|kpis?|metrics?)(?:\s+(?:description|name|title))?$"
    r"|^(?:description|indicator\s+description|measure\s+description)$", re.I)
_COMMENTS = re.compile(
    r"^(?:comments?|commentary|narrative|notes?|analysis|remarks|explanation|performance\s+commentary)\b", re.I)
_BASIS = re.compile(r"\b(?:reporting|basis)\b|^(?:data\s+period|frequency|reporting\s+frequency)$", re.I)
# Cells whose contents are neither the indicator nor a figure for a period. Four of them describe the
# row and are kept beside its figures (`role`): its reference, polarity, RAG rating and direction of travel.
REF, POLARITY, RAG, DIRECTION = "ref", "polarity", "rag", "direction"
_ROLES = (
    (REF, re.compile(r"^(?:ref(?:erence)?\.?|no\.?|id|pi(?:\s+ref)?|code|(?:pi|kpi|indicator|measure)\s+(?:ref|no\.?|code))$",
                     re.I)),
    (POLARITY, re.compile(r"^(?:good(?:\s+perf(?:ormance|\.)?)?\s+is|polarity|aim|(?:higher|lower|high|low|bigger|smaller)\s+is\s+(?:better|good|best)"
                          r"|better\s+if)$", re.I)),
    (RAG, re.compile(r"^(?:rag(?:\s+(?:rating|status))?|status|rating|performance\s+status)$", re.I)),
    (DIRECTION, re.compile(r"^(?:dot|d\.o\.t\.?|direction(?:\s+of\s+travel)?|trend|travel)$", re.I)),
)
ROLES = tuple(role for role, _ in _ROLES)
_SKIP = re.compile(r"^(?:units?|lead(?:\s+officer)?|owner|responsible\s+officer|source)$", re.I)
# Comparators printed as columns: "Stat Neighbours", "SN 2022/23", "England Average", "National".
_COMPARATOR = re.compile(
    r"^(?P<label>(?:latest\s+)?(?:stat(?:istical)?\.?\s+neighbou?rs?|sn|england|eng|national|nat\.?|regional|region"
    r"|(?:north|south)\s+(?:east|west)|east\s+midlands|west\s+midlands|london|yorkshire(?:\s+(?:and|&)\s+humber)?"
    r"|peer\s+group|comparators?|benchmark)"
    r"(?:\s+(?:average|avg\.?|mean|rate|figure|value|latest))?)", re.I)
_TARGET = re.compile(r"(?:Q[1-4]\s*)?(?:annual\s+|year\s+end\s+|ytd\s+)?target(?:\s+\(?ytd\)?)?", re.I)


# A label made only of period words names a period, as printed: "Latest", "Previous Quarter",
# "Same period last year", "YTD", "Q1" or "Apr" under a year printed above, "2022/23 Outturn".
_PERIOD_WORD = re.compile(
    r"(?:latest|current|previous|prior|last|this|same|period|year|quarter|qtr|month|data|figure|position|reported"
    r"|ytd|to|date|outturn|baseline|actual|end|of|q[1-4]|[1-4]|[()]"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)", re.I)
_PERIOD_ANCHOR = re.compile(
    r"(?:latest|current|previous|prior|last|this|ytd|date|outturn|baseline|actual|q[1-4]|quarter|qtr"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)", re.I)
_OVERHANG = 30.0  # points a narrow column reaches beyond its label's half-width, at most


@dataclass(slots=True)
class Cell:
    kind: str
    label: str
    x0: float  # the label's extent
    x1: float
    column: Column | None = None  # for VALUE cells; a column with no period, target or comparator is unreadable
    left: float = float("-inf")  # how far the column reaches across the page
    right: float = float("inf")
    role: str | None = None  # for SKIP cells: REF, POLARITY, RAG or DIRECTION when the label says which

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def classify(label: str, x0: float, x1: float) -> Cell:
    text = " ".join(label.split())
    if _COMMENTS.match(text):
        return Cell(COMMENTS, text, x0, x1)
    found = columns_of(text)
    if len(found) == 1 and found[0].is_target:  # "Target 2016/17", "Q3 Target (2016/17)"
        return Cell(VALUE, text, x0, x1, found[0])
    # The words beside the period say what the column holds: "2023-24 Target", "England 2022/23", "SN".
    rest = " ".join(without_periods(text).strip(" ()").split())
    period = found[0].period if len(found) == 1 else None
    if len(found) <= 1:
        if not rest and found:
            return Cell(VALUE, text, x0, x1, found[0])
        if _TARGET.fullmatch(rest):
            return Cell(VALUE, text, x0, x1, Column(text, period, True))
        m = _COMPARATOR.fullmatch(rest)
        if m:
            name = re.sub(r"\s+(?:average|avg\.?|mean|rate|figure|value|latest)$", "", m.group("label"), flags=re.I)
            return Cell(VALUE, text, x0, x1, Column(text, period, False, comparator=" ".join(name.split())))
    words = re.findall(r"[()]|[^\s()]+", rest)
    if len(found) <= 1 and words and all(_PERIOD_WORD.fullmatch(w) for w in words) \
            and any(_PERIOD_ANCHOR.fullmatch(w) for w in words):
        return Cell(VALUE, text, x0, x1, Column(text, text, False))
    if _BASIS.search(text) and not found:
        return Cell(BASIS, text, x0, x1)
    if _INDICATOR.match(text):
        return Cell(INDICATOR, text, x0, x1)
    # "DoT (Month on Month)", "RAG (in month)": the bracket qualifies the role, it does not change it.
    bare = re.sub(r"\s*\([^)]*\)$", "", text)
    for role, pattern in _ROLES:
        if pattern.match(bare):
            return Cell(SKIP, text, x0, x1, role=role)
    if _SKIP.match(text):
        return Cell(SKIP, text, x0, x1)
    # An unknown label: a column the parser cannot read (figures under it keep no period).
    return Cell(VALUE, text, x0, x1, Column(text, None, False))


def lay_out(cells: list[Cell]) -> list[Cell]:
    """Give each cell its reach across the page (see the module docstring); cells sorted left to right."""
    cells = sorted(cells, key=lambda c: c.centre)
    n = len(cells)
    narrow = [c.kind not in _TEXT_KINDS for c in cells]
    for k, c in enumerate(cells):
        if narrow[k]:
            gaps = []
            if k > 0 and narrow[k - 1]:
                gaps.append(c.centre - cells[k - 1].centre)
            if k + 1 < n and narrow[k + 1]:
                gaps.append(cells[k + 1].centre - c.centre)
            # A figure may overhang its label, but a narrow column never spans a page's blank header cells.
            cap = (c.x1 - c.x0) / 2 + _OVERHANG
            half = min(min(gaps) / 2, cap) if gaps else cap
            c.left, c.right = c.centre - half, c.centre + half
            if k + 1 < n and not narrow[k + 1]:
                c.right = min(c.right, cells[k + 1].x0 - 2)
    for k, c in enumerate(cells):
        if narrow[k]:
            # Outermost narrow cells reach the page edge when nothing stands beyond them.
            if k == 0:
                c.left = float("-inf") if c.kind == SKIP else c.left
            if k == n - 1:
                c.right = float("inf") if c.kind == SKIP else c.right
            continue
        c.left = c.x0 - 2 if k > 0 else float("-inf")
        c.right = cells[k + 1].left if k + 1 < n else float("inf")
        if k + 1 < n and not narrow[k + 1]:
            c.right = cells[k + 1].x0 - 2
    return cells


def readable(cell: Cell) -> bool:
    """A value column whose figures can be placed: it names a period, a target or a comparator."""
    return cell.kind == VALUE and cell.column is not None and cell.column.readable


def cell_at(x: float, cells: list[Cell]) -> Cell | None:
    inside = [c for c in cells if c.left <= x <= c.right]
    if not inside:
        return None
    return min(inside, key=lambda c: abs(c.centre - x))
