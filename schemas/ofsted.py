"""Records read from Ofsted inspection reports and monitoring / focused visit letters."""
from __future__ import annotations

from datetime import date

from schemas.record import Record


class OfstedInspection(Record):
    table = "ofsted_inspections"

    local_authority: str | None = None
    framework: str | None = None  # SIF | ILACS | ILACS 2026 | LSCB review | the older framework's name (parsers/common/ofsted_frameworks.csv)
    inspection_start: date | None = None
    inspection_end: date | None = None
    published: date | None = None
    overall_effectiveness: str | None = None  # null where the framework has none
    lead_inspector: str | None = None  # co-leads joined with " and "
    title: str | None = None
    # Added columns (the contract allows more):
    lead_inspectors: list[str] = []  # each lead / co-lead inspector's name
    report_kind: str | None = None  # inspection | lscb_review (a standalone LSCB review)
    local_authority_printed: str | None = None  # the authority's name as printed (`Cambridgeshire County Council`)
    inspection_periods: list[str] = []  # fieldwork periods as ISO `start/end`; two when fieldwork was split


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

    seq: int  # 1, 2, ... through every list of the report in printed order
    text: str
    printed_number: int | None = None  # the paragraph number printed before it (LSCB items: 111, 112 ...)
    heading: str | None = None  # the heading it was listed under (`Recommendations`, `What needs to improve?`)


class MonitoringVisit(Record):
    table = "monitoring_visits"

    local_authority: str | None = None
    letter_date: date | None = None
    visit_start: date | None = None
    visit_end: date | None = None
    visit_number: int | None = None
    visit_kind: str | None = None  # monitoring visit | focused visit | assurance visit (autumn 2020) | joint targeted area inspection
    inspectors: list[str] = []
    addressee: str | None = None  # as printed in the address block ("Mr Chris Spencer"), else the salutation's
    addressee_role: str | None = None  # the line under the addressee's name ("Director of Children's Services")
    title: str | None = None  # the subject line as printed
    visit_dates_text: str | None = None  # the visit dates as printed ("18 and 19 February 2020")


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
    section: str | None  # the heading as printed; None for the opening paragraphs before the first heading
    text: str
