"""Figures as printed in scorecard cells and quoted in their commentary: `49.1 %`, `£2,786`, `1,600`, `?`.

`?` is a missing value, never zero. A `%` may be printed as its own token
(`49.1 %`), so tokens are read in pairs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A footnote mark may follow the figure ("23.4%*": provisional); a change may carry its sign ("+2.1").
_NUMBER = re.compile(
    r"^(?P<sign>[-−+])?(?P<cur>£)?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?(?P<pct>%)?[*†‡]{0,2}$")
# "*" / "x": suppressed small numbers; "TBC" / "N/K": not yet known, as other councils print them.
MISSING = {"?", "n/a", "N/A", "NA", "-", "–", "—", "*", "x", "TBC", "tbc", "N/K", "n/k"}
_STRICT_MISSING = {"?"}  # always a missing value; the others only inside a run of figures


@dataclass(slots=True)
class Figure:
    text: str  # as printed, e.g. "49.1 %"
    value: float | None
    unit: str | None  # "%", "£" or None (decided later from the indicator)
    x0: float | None = None
    x1: float | None = None

    @property
    def x_center(self) -> float | None:
        return None if self.x0 is None else (self.x0 + self.x1) / 2


def parse_figure(token: str) -> Figure | None:
    """A single cell figure, or None if the token is not one."""
    if token in _STRICT_MISSING:
        return Figure(token, None, None)
    m = _NUMBER.match(token)
    if not m:
        return None
    value = float(m.group("num").replace(",", "") + (m.group("dec") or ""))
    if m.group("sign") in ("-", "−"):
        value = -value
    unit = "%" if m.group("pct") else "£" if m.group("cur") else None
    return Figure(token, value, unit)


def read_figures(tokens: list[str], start: int = 0, allow_dash: bool = False) -> tuple[list[Figure], int]:
    """The run of figures from tokens[start]; returns them and the index after the run.

    A lone `%` after a number belongs to it (`49.1 %`).
    """
    figures: list[Figure] = []
    i = start
    while i < len(tokens):
        tok = tokens[i]
        fig = parse_figure(tok)
        if fig is None and allow_dash and tok in MISSING:
            # A dash or n/a fills a cell only inside a run: followed by a figure, or ending the line.
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or nxt in MISSING or parse_figure(nxt) is not None:
                fig = Figure(tok, None, None)
        if fig is None:
            break
        if fig.value is not None and fig.unit is None and i + 1 < len(tokens) and tokens[i + 1] == "%":
            fig = Figure(f"{tok} %", fig.value, "%")
            i += 1
        figures.append(fig)
        i += 1
    return figures, i


_PERCENT_INDICATOR = re.compile(r"^\s*(%|percentage\b|proportion\b)", re.I)
_RATE_INDICATOR = re.compile(r"\brate\b|\bper\s+[\d,]+\b|\bratio\b|\baverage\b", re.I)
_COUNT_INDICATOR = re.compile(r"^\s*(number|no\.|total number|count)\b", re.I)


def unit_of(figures: list[Figure], indicator: str) -> str | None:
    """The row's unit: a printed `%`/`£` wins, else what the indicator's wording says."""
    printed = {f.unit for f in figures if f.unit}
    if len(printed) == 1:
        return printed.pop()
    if _PERCENT_INDICATOR.search(indicator):
        return "%"
    if _COUNT_INDICATOR.search(indicator):
        return "count"
    if _RATE_INDICATOR.search(indicator):
        return "rate"
    values = [f.value for f in figures if f.value is not None]
    if values and all(v == int(v) for v in values) and all("." not in f.text for f in figures):
        return "count"
    return None
