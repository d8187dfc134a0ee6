"""Records read from improvement-plan (AIP) dashboards and improvement activity grids."""
from __future__ import annotations

from datetime import date

from schemas.record import Record


class AipPriority(Record):
    table = "aip_priorities"
    key = ("priority",)

    priority: str
    reporting_period_start: date | None = None
    reporting_period_end: date | None = None
    actions_status: str | None = None
    impact_status: str | None = None
    rationale: str | None = None
    objectives: str | None = None
    progress: str | None = None
    next_actions: str | None = None
    status_comments: str | None = None


class AipAction(Record):
    table = "aip_actions"
    key = ("action",)

    priority: str | None = None
    action: str
    owner: str | None = None
    impact: str | None = None
    timescale: str | None = None
    delivery_status: str | None = None
    rag: str | None = None


class AipMetric(Record):
    """One month of one metric: its target and actual as printed, parsed to
    numbers where the cell is one number (`target_text` / `actual_text` keep
    the printed cell, e.g. `12/10%`)."""

    table = "aip_metrics"
    key = ("metric", "month")

    priority: str | None = None
    metric: str
    month: date
    target: float | None = None
    actual: float | None = None
    unit: str | None = None
    target_text: str | None = None
    actual_text: str | None = None


class AipMetricUnplaced(Record):
    """A metric row whose printed values could not be placed in months.

    A text extraction encodes empty cells as spacing, and where that spacing
    is ambiguous the values cannot be given months without guessing. They are
    kept here as printed, in order, so nothing on the page is lost; no
    `aip_metrics` rows are written for the metric.
    """

    table = "aip_metric_unplaced"
    key = ("metric",)

    priority: str | None = None
    metric: str
    printed_values: str
    reason: str


class ImprovementGridAction(Record):
    """One action of an improvement activity grid (table `improvement_grid`).

    A grid is grouped by area for improvement (AFI): each AFI prints its
    priority level (H / M / L, the ticked one), the issues, the evidence and
    the services concerned, then a table of actions, each under an
    improvement outline (the objective it serves; one outline may hold
    several actions). One row here is one action, with its AFI's fields
    repeated so a row reads on its own. An action continued onto the next
    page stays one row. Text is as printed, wrapped lines joined.

    afi              the area's name as printed (`SAFEGUARDING`)
    afi_number       its number where printed (`AFI 1`), else None
    priority_level   the ticked level as printed (`H`, `M`, `L`, or a word)
    improvement_outline  the outline cell the action sits under
    action           the action cell
    who / when       owner (often initials) and timescale, as printed
    delivery_status  the delivery status cell
    rag / impact_rag the RAG colours where printed as text (colour-only cells stay None)
    impact           the impact cell
    grid_date        the date the grid is dated (`planning grid: 19 May 2020`)
    """

    table = "improvement_grid"
    key = ("afi", "action")

    afi: str
    afi_number: str | None = None
    priority_level: str | None = None
    issues: str | None = None
    evidence: str | None = None
    services: str | None = None
    action: str
    improvement_outline: str | None = None
    who: str | None = None
    when: str | None = None
    delivery_status: str | None = None
    rag: str | None = None
    impact: str | None = None
    impact_rag: str | None = None
    grid_date: date | None = None
