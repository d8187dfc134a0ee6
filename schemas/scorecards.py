"""Records read from performance scorecards, their commentary and risk registers."""
from __future__ import annotations

from datetime import date

from schemas.record import Record


class ScorecardValue(Record):
    """One figure printed in a scorecard table (or a comparator quoted in its comment)."""

    table = "scorecard_values"
    key = ("indicator", "reporting_basis", "period", "is_target", "comparator", "value_index")

    section: str | None = None
    indicator: str
    reporting_basis: str | None = None
    period: str | None = None  # as printed in the column header; None when the column is ambiguous
    value: float | None = None  # None for `?` (missing, not zero)
    value_text: str | None = None
    unit: str | None = None  # "%", "£", "count", "rate"
    is_target: bool = False
    is_comparator: bool = False  # peer group / national figures quoted in comments
    comparator: str | None = None  # e.g. "Peer group", "National"
    comment: str | None = None
    # Position of the figure among the row's printed values (0-based): the only
    # thing that tells apart figures whose period could not be read.
    value_index: int | None = None
    table_title: str | None = None  # e.g. "Yearly Trend Analysis – Against a Target"
    # What the row prints beside its figures, as printed; None where the table has no such column,
    # the cell is blank or a dash, or the rating is shown only as a colour.
    ref: str | None = None  # the indicator's reference, e.g. "CS01", "SCC/011b"
    polarity: str | None = None  # e.g. "High", "Low", "Lower is better", "H"
    rag: str | None = None  # e.g. "Green", "Amber", "R", "G"
    direction: str | None = None  # direction of travel: "Improving", "Worsening", "Same"; arrows as "Up"/"Down"/"Level"
    # Added for KPI cards and colour-coded dashboards (issue 14); tables fill the period dates too.
    layout: str | None = None  # how it was printed: "table" or "card"
    period_start: date | None = None  # the period as dates: "Q3 2024/25" -> 2024-10-01 .. 2024-12-31
    period_end: date | None = None
    target: float | None = None  # the target printed beside the value (a card's `Target: 97%`)
    target_text: str | None = None
    target_period: str | None = None  # where the target prints its own period ("Target 2024/25")
    floor: float | None = None  # floor / threshold / tolerance
    floor_text: str | None = None
    floor_period: str | None = None  # where the floor prints its own period
    previous: float | None = None  # the previous value printed beside it
    previous_text: str | None = None
    previous_period: str | None = None  # "Last quarter", "Same period last year", "Sep 24" as printed
    previous_rag: str | None = None  # "Previous: 97% (Green)"
    rag_source: str | None = None  # where `rag` was read: "word" or "fill colour"
    bbox: list[float] = []  # x0, top, x1, bottom of the card or cell on `page` (PDF points), where known


class ScorecardFact(Record):
    """Deduplicated figures: written by the dedupe stage, not by a parser."""

    table = "scorecard_facts"
    key = ("indicator", "reporting_basis", "period", "is_target", "comparator", "value_index", "value")

    section: str | None = None
    indicator: str
    reporting_basis: str | None = None
    period: str | None = None
    is_target: bool = False
    is_comparator: bool = False
    comparator: str | None = None
    value_index: int | None = None
    value: float | None = None
    value_text: str | None = None
    unit: str | None = None
    occurrences: int = 1
    document_ids: list[str] = []
    conflict: bool = False
    # Added (issue 14): the value's period as dates, its target and RAG, and revisions.
    period_start: date | None = None
    period_end: date | None = None
    target: float | None = None
    rag: str | None = None
    rag_source: str | None = None
    # The same indicator and period printed with another value in another document: every reading
    # is kept, each flagged, and `revision` tells it apart from two readings inside one document.
    revision: bool = False


class ScorecardRisk(Record):
    table = "scorecard_risks"
    key = ("risk",)

    risk: str
    score: int | None = None  # the latest rating printed (last column / the "to" of a change)
    level: str | None = None  # as printed, case normalised: Low, Moderate, Medium, High
    risk_text: str | None = None  # the rating as printed, e.g. "Moderate (12)" or "High 16"
    ref: str | None = None  # register reference, e.g. "SR7.2"
    owner: str | None = None
    ratings: list[str] = []  # every rating printed for the risk, in column order
    rating_labels: list[str] = []  # the column label over each rating ("Inherent", "Current", "Q1"), where printed
    previous_score: int | None = None  # "increased from Moderate (8) to Moderate (12)": 8
    previous_level: str | None = None
    comment: str | None = None  # mitigating actions / direction printed beside it
    seq: str | None = None  # the commentary paragraph it was read from


class ScorecardCommentary(Record):
    table = "scorecard_commentary"
    key = ("seq",)

    seq: str  # printed paragraph number, e.g. "1.11"
    text: str
    indicator: str | None = None
    figures: list[str] = []  # figures the paragraph quotes, as printed ("90%", "8,700")


class ScorecardCommentaryLink(Record):
    """A figure a commentary paragraph quotes, matched to the scorecard fact it is: written by the dedupe stage."""

    table = "scorecard_commentary_links"
    key = ("seq", "figure", "fact_indicator", "fact_period")

    seq: str  # the commentary paragraph (scorecard_commentary.seq); document_id/page/line are the paragraph's
    figure: str  # as quoted, e.g. "90%"
    fact_document_id: str  # the scorecard document of the fact (scorecard_facts.document_id)
    fact_indicator: str
    fact_period: str | None = None
    fact_is_target: bool = False
    fact_value: float | None = None
    # How they matched: "value and indicator words" (the value, and words of the indicator in the
    # paragraph) or "value only" (the one fact of that pack with that value and unit).
    matched_by: str
