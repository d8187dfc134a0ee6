"""Records read from performance scorecards, their commentary and risk registers."""
from __future__ import annotations

from schemas.record import Record


class ScorecardValue(Record):
    table = "scorecard_values"
    key = ("indicator", "reporting_basis", "period", "is_target")

    section: str | None = None
    indicator: str
    reporting_basis: str | None = None
    period: str | None = None
    value: float | None = None
    value_text: str | None = None
    unit: str | None = None
    is_target: bool = False
    is_comparator: bool = False  # peer group / national figures quoted in comments
    comparator: str | None = None  # e.g. "Peer group", "National"
    comment: str | None = None


class ScorecardFact(Record):
    """Deduplicated figures: written by the dedupe stage, not by a parser."""

    table = "scorecard_facts"
    key = ("indicator", "reporting_basis", "period", "is_target")

    section: str | None = None
    indicator: str
    reporting_basis: str | None = None
    period: str | None = None
    is_target: bool = False
    value: float | None = None
    value_text: str | None = None
    unit: str | None = None
    occurrences: int = 1
    document_ids: list[str] = []
    conflict: bool = False


class ScorecardRisk(Record):
    table = "scorecard_risks"
    key = ("risk",)

    risk: str
    score: int | None = None
    level: str | None = None
    risk_text: str | None = None  # the rating as printed, e.g. "Moderate (12)"


class ScorecardCommentary(Record):
    table = "scorecard_commentary"
    key = ("seq",)

    seq: str  # printed paragraph number, e.g. "1.11"
    text: str
    indicator: str | None = None
