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


class ImprovementGridAction(Record):
    table = "improvement_grid"
    key = ("afi", "action")

    afi: str  # area for improvement, as printed
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
