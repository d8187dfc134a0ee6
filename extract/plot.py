"""PNG charts from the warehouse: the library behind `extract plot`.

Each function reads the analyst views (extract/warehouse/views.py) over a
read-only connection, draws one chart and returns what it drew (`Chart`), so
a test or a caller can check the points rather than trust the picture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import matplotlib

matplotlib.use("Agg")  # files only, never a window
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from extract.warehouse.views import create_views  # noqa: E402

GRADE_LABELS = {1: "Inadequate", 2: "Requires improvement\n(Adequate)", 3: "Good", 4: "Outstanding"}
_SPACE = re.compile(r"\s+")


class NothingToPlot(ValueError):
    """No rows for the name asked, or the name matches several things: the message says which."""


@dataclass
class Chart:
    """What a plot function drew: series label -> (x, y) points in drawing order."""

    out: Path
    title: str
    series: dict[str, list[tuple[Any, float]]] = field(default_factory=dict)
    reference_lines: dict[str, float] = field(default_factory=dict)  # horizontal lines (comparators)


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _connect(db: str | Path) -> duckdb.DuckDBPyConnection:
    path = Path(db)
    if not path.exists():
        raise NothingToPlot(f"no warehouse at {path}")
    con = duckdb.connect(str(path), read_only=True)
    create_views(con, temporary=True)
    return con


def _pick_one(asked: str, candidates: list[str], what: str) -> str:
    """The candidate equal to `asked` (case and spacing aside), else the only one containing it."""
    key = _fold(asked)
    exact = sorted({c for c in candidates if _fold(c) == key})
    if exact:
        return exact[0]
    partial = sorted({c for c in candidates if key in _fold(c)})
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NothingToPlot(f"no {what} matching {asked!r} in the warehouse")
    shown = "\n  ".join(partial[:15])
    raise NothingToPlot(f"{len(partial)} {what}s match {asked!r}; name one of:\n  {shown}")


def _save(fig, out: str | Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110, bbox_inches="tight")
    plt.close(fig)
    return out


def _finish(fig, ax, out: str | Path, title: str, ylabel: str | None = None,
            legend_at: dict[str, Any] | None = None) -> None:
    """The same finish for every chart: a short title, a light grid, a small legend; saved and closed."""
    ax.set_title(_short(title), fontsize=10)
    if ylabel:
        ax.set_ylabel(ylabel)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, **(legend_at or {}))
    _save(fig, out)


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def plot_indicator(db: str | Path, indicator: str, out: str | Path) -> Chart:
    """A scorecard indicator's values by period, its targets, and peer / national comparators where printed."""
    con = _connect(db)
    try:
        names = [r[0] for r in con.execute("SELECT DISTINCT indicator FROM scorecard_series").fetchall()]
        name = _pick_one(indicator, names, "indicator")
        key = _fold(name)
        rows = con.execute(
            """SELECT local_authority, reporting_basis, period, value, target, unit
               FROM scorecard_series
               WHERE lower(regexp_replace(trim(indicator), '\\s+', ' ', 'g')) = ?
               ORDER BY period_start NULLS LAST, period""",
            [key],
        ).fetchall()
        comparators = con.execute(
            """SELECT comparator, period, any_value(value) FROM scorecard_facts
               WHERE is_comparator AND value IS NOT NULL
                 AND lower(regexp_replace(trim(indicator), '\\s+', ' ', 'g')) = ?
               GROUP BY ALL ORDER BY 1, 2""",
            [key],
        ).fetchall()
    finally:
        con.close()

    periods: list[str] = []
    for _, _, period, *_ in rows:
        if period not in periods:
            periods.append(period)
    position = {p: i for i, p in enumerate(periods)}
    groups: dict[tuple, list[tuple]] = {}
    for authority, basis, period, value, target, unit in rows:
        groups.setdefault((authority, basis), []).append((period, value, target, unit))
    if not any(value is not None for _, _, _, value, _, _ in rows):
        raise NothingToPlot(f"indicator {name!r} has no printed value with a period")
    several = len(groups) > 1
    unit = next((r[5] for r in rows if r[5]), None)

    chart = Chart(out=Path(out), title=name)
    fig, ax = plt.subplots(figsize=(9, 4.8))
    for (authority, basis), points in groups.items():
        suffix = f" ({', '.join(x for x in (authority, basis) if x)})" if several else ""
        values = [(p, v) for p, v, _, _ in points if v is not None]
        targets = [(p, t) for p, _, t, _ in points if t is not None]
        chart.series[f"value{suffix}"] = values
        ax.plot([position[p] for p, _ in values], [v for _, v in values], marker="o", label=f"value{suffix}")
        for p, v in values:
            ax.annotate(f"{v:g}", (position[p], v), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=8)
        if targets:
            chart.series[f"target{suffix}"] = targets
            ax.plot([position[p] for p, _ in targets], [t for _, t in targets], linestyle="--", marker="_",
                    markersize=22, markeredgewidth=3, color="tab:red", label=f"target{suffix}")
            for p, t in targets:
                ax.annotate(f"target {t:g}", (position[p], t), textcoords="offset points", xytext=(0, -13),
                            ha="center", fontsize=8, color="tab:red")
    for comparator, period, value in comparators:
        if period is not None and period in position:
            label = f"{comparator} ({period})"
            chart.series[label] = [(period, value)]
            ax.scatter([position[period]], [value], marker="D", zorder=3, label=label)
        else:
            # A comparator quoted without its period: a reference level, not a point in time.
            label = f"{comparator}" + (f" ({period})" if period else "")
            chart.reference_lines[label] = value
            ax.axhline(value, linestyle=":", color="grey" if "national" in comparator.lower() else "tab:green",
                       label=label)
    ax.margins(x=0.08, y=0.12)
    ax.set_xticks(range(len(periods)), periods, rotation=30 if len(periods) > 6 else 0, ha="right" if len(periods) > 6 else "center")
    ax.set_xlabel("period")
    _finish(fig, ax, out, name, unit or "value")
    return chart


def plot_aip_metric(db: str | Path, metric: str, out: str | Path) -> Chart:
    """An improvement-plan metric's monthly target against its actual."""
    con = _connect(db)
    try:
        names = [r[0] for r in con.execute("SELECT DISTINCT metric FROM aip_metric_series").fetchall()]
        name = _pick_one(metric, names, "metric")
        rows = con.execute(
            "SELECT month, target, actual, unit FROM aip_metric_series WHERE metric = ? ORDER BY month", [name]
        ).fetchall()
    finally:
        con.close()
    unit = next((r[3] for r in rows if r[3]), None)
    chart = Chart(out=Path(out), title=name)
    chart.series["actual"] = [(m, a) for m, _, a, _ in rows if a is not None]
    chart.series["target"] = [(m, t) for m, t, _, _ in rows if t is not None]
    if not chart.series["actual"] and not chart.series["target"]:
        raise NothingToPlot(f"metric {name!r} has no printed target or actual figure")

    fig, ax = plt.subplots(figsize=(9, 4.8))
    actual, target = chart.series["actual"], chart.series["target"]
    if actual:
        ax.plot([m for m, _ in actual], [a for _, a in actual], marker="o", label="actual")
    if target:
        ax.plot([m for m, _ in target], [t for _, t in target], linestyle="--", marker="_", markersize=14,
                color="tab:red", label="target")
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %y"))
    fig.autofmt_xdate()
    _finish(fig, ax, out, name, unit or "value")
    return chart


def plot_ofsted_history(db: str | Path, authority: str, out: str | Path) -> Chart:
    """An authority's Ofsted judgements, one line per judgement area, grades on an ordinal axis."""
    con = _connect(db)
    try:
        names = [r[0] for r in con.execute(
            "SELECT DISTINCT local_authority FROM ofsted_judgement_history WHERE local_authority IS NOT NULL"
        ).fetchall()]
        name = _pick_one(authority, names, "authority")
        rows = con.execute(
            """SELECT area, as_of, grade_rank, framework FROM ofsted_judgement_history
               WHERE local_authority = ? AND grade_rank IS NOT NULL AND as_of IS NOT NULL
               ORDER BY area, as_of""",
            [name],
        ).fetchall()
    finally:
        con.close()
    if not rows:
        raise NothingToPlot(f"no dated, graded Ofsted judgements for {name}")
    chart = Chart(out=Path(out), title=f"Ofsted judgements: {name}")
    for area, as_of, rank, _ in rows:
        chart.series.setdefault(area, []).append((as_of, float(rank)))

    fig, ax = plt.subplots(figsize=(9, 4.8))
    areas = list(chart.series)
    for i, area in enumerate(areas):
        points = chart.series[area]
        # Areas share grades; a small vertical offset keeps coinciding lines visible.
        offset = (i - (len(areas) - 1) / 2) * 0.03
        ax.plot([d for d, _ in points], [r + offset for _, r in points], marker="o", label=area.replace("_", " "))
    inspections = sorted({(as_of, fw) for _, as_of, _, fw in rows})
    for as_of, framework in inspections:
        ax.annotate(framework or "", (as_of, 4.45), ha="center", fontsize=8, color="grey")
    ax.set_yticks(list(GRADE_LABELS), list(GRADE_LABELS.values()))
    ax.set_ylim(0.6, 4.6)
    if len({d for d, _ in inspections}) == 1:  # one inspection: give the date axis some width
        only: date = inspections[0][0]
        ax.set_xlim(date(only.year - 1, 1, 1), date(only.year + 1, 12, 31))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    _finish(fig, ax, out, chart.title, legend_at={"loc": "center left", "bbox_to_anchor": (1.0, 0.5)})
    return chart
