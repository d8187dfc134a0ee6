"""Records read from Ofsted inspection reports and monitoring / focused visit letters."""
from __future__ import annotations

from datetime import date

from schemas.record import Record


class OfstedInspection(Record):
    table = "ofsted_inspections"

    local_authority: str | None = None
    framework: str | None = None  # SIF | ILACS | ILACS 2026 | the older framework's name
    inspection_start: date | None = None
    inspection_end: date | None = None
    published: date | None = None
    overall_effectiveness: str | None = None  # null where the framework has none
    lead_inspector: str | None = None
    title: str | None = None


class OfstedJudgement(Record):
    table = "ofsted_judgements"
    key = ("area",)

    area: str  # overall | help_and_protection | children_in_care | adoption | care_leavers | leadership | lscb
    area_label: str  # as printed
    grade: str | None = None  # normalised grade
    grade_text: str | None = None  # as printed


class OfstedRecommendation(Record):
    table = "ofsted_recommendations"
    key = ("seq",)

    seq: int
    text: str


class MonitoringVisit(Record):
    table = "monitoring_visits"

    local_authority: str | None = None
    letter_date: date | None = None
    visit_start: date | None = None
    visit_end: date | None = None
    visit_number: int | None = None
    visit_kind: str | None = None  # monitoring visit | focused visit
    inspectors: list[str] = []
    addressee: str | None = None


class MonitoringVisitArea(Record):
    table = "monitoring_visit_areas"
    key = ("seq",)

    seq: int
    text: str


class MonitoringVisitFinding(Record):
    """Findings text by section heading (not in the contract's listed tables; added)."""

    table = "monitoring_visit_findings"
    key = ("seq",)

    seq: int
    section: str
    text: str
