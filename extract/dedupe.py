"""The dedupe stage: scorecard_values -> scorecard_facts, one row per figure however often printed.

Scorecard pages are reprinted: the same pages several times in one pack, the
same quarter's scorecard attached to several meetings' packs. A fact is keyed
by (indicator, reporting basis, period, target or not) — plus the comparator
name for quoted comparators and, for figures whose period could not be read,
their position in the row. Indicator and basis are compared with white space
and case folded but kept as printed. Copies that agree collapse into one fact
counting them; copies that disagree stay apart, each flagged `conflict`, and `revision`
where the disagreeing copies come from more than one document (a later pack revised the figure).
KPI cards are keyed the same way: a card reprinted with the same indicator, period and value is one fact.

Pure: values in, facts out. The loader runs it over the whole warehouse.
"""
from __future__ import annotations

import re
from typing import Any

from schemas.scorecards import ScorecardFact, ScorecardValue

_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def fold(text: str | None) -> str:
    if text is None:
        return ""
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().lower()


def fact_key(v: ScorecardValue) -> tuple:
    return (
        fold(v.indicator),
        fold(v.reporting_basis),
        fold(v.period),
        v.is_target,
        fold(v.comparator) if v.is_comparator else "",
        v.value_index if v.period is None and not v.is_comparator else None,
    )


def _reading(v: ScorecardValue) -> tuple:
    """What two copies must share to agree: the value (or its absence) and its unit."""
    return (None if v.value is None else round(v.value, 9), fold(v.value_text) if v.value is None else "", v.unit)


def dedupe_scorecard_values(values: list[ScorecardValue], doc_meta: dict[str, Any] | None = None) -> list[ScorecardFact]:
    """One fact per key and reading; `doc_meta` (document_id -> metadata) may order document_ids by date."""
    groups: dict[tuple, dict[tuple, list[ScorecardValue]]] = {}
    for v in values:
        groups.setdefault(fact_key(v), {}).setdefault(_reading(v), []).append(v)
    facts: list[ScorecardFact] = []
    for readings in groups.values():
        conflict = len(readings) > 1
        revision = conflict and len({v.document_id for copies in readings.values() for v in copies}) > 1
        for copies in readings.values():
            first = copies[0]
            doc_ids = _ordered_ids(copies, doc_meta)
            facts.append(ScorecardFact(
                document_id=doc_ids[0], page=first.page, line=first.line, section=first.section,
                indicator=first.indicator, reporting_basis=first.reporting_basis, period=first.period,
                is_target=first.is_target, is_comparator=first.is_comparator, comparator=first.comparator,
                value_index=first.value_index if first.period is None and not first.is_comparator else None,
                value=first.value, value_text=first.value_text, unit=first.unit,
                occurrences=len(copies), document_ids=doc_ids, conflict=conflict, revision=revision,
                period_start=first.period_start, period_end=first.period_end, target=first.target,
                rag=first.rag, rag_source=first.rag_source,
                ocr_confidence=_ocr_confidence(copies),
            ))
    return facts


def _ocr_confidence(copies: list[ScorecardValue]) -> float | None:
    """None when any copy was printed in a text layer; else the best OCR reading of the figure."""
    marks = [v.ocr_confidence for v in copies]
    if any(m is None for m in marks):
        return None
    return max(marks)


def _ordered_ids(copies: list[ScorecardValue], doc_meta: dict[str, Any] | None) -> list[str]:
    ids = list(dict.fromkeys(v.document_id for v in copies))
    if doc_meta:
        def when(doc_id: str):
            meta = doc_meta.get(doc_id) or {}
            d = meta.get("document_date") if isinstance(meta, dict) else getattr(meta, "document_date", None)
            return (d is None, str(d or ""))
        ids.sort(key=when)
    return ids
