"""A KPI card -> ScorecardValue records: the latest value with its target, floor, previous value,
period, RAG (and where the RAG was read), direction, polarity, commentary, page and box; then the
target as a row of its own (as tables print it) and any comparators.

What a card does not print stays None, with a warning; nothing is taken from the card beside it.
"""
from __future__ import annotations

import re

from parsers.common.periods import period_dates
from parsers.scorecard.card_rows import Pair
from parsers.scorecard.cards import Card
from parsers.common.figures import Figure, parse_figure, unit_of
from parsers.scorecard.rag_colours import Fill, rag_fill
from schemas.scorecards import ScorecardValue

_FIGURE = re.compile(r"[£]?[-+−]?\d[\d,]*(?:\.\d+)?\s?%?")
_DAYS = re.compile(r"^\s*[\d,.]+\s*days?\b", re.I)
_PER_BASE = re.compile(r"\bper\s+([\d,]+)\b", re.I)
_BRACKET_RAG = re.compile(r"\((red|amber|green|blue)\)", re.I)
_RAG_WORD = re.compile(r"^\s*(red|amber|green|blue|r|a|g|b)\s*$", re.I)
_COMPARATOR_NAMES = {"national": "National", "neighbours": "Statistical neighbours"}
_FULL_RAG = {"r": "Red", "a": "Amber", "g": "Green", "b": "Blue"}


def _figure(text: str | None) -> Figure | None:
    if not text:
        return None
    m = _FIGURE.search(text)
    return parse_figure(m.group(0).replace(" ", "")) if m else None


def _unit(figure: Figure | None, value_text: str, name: str) -> str | None:
    if figure is not None and figure.unit:
        return figure.unit
    if _DAYS.match(value_text) or re.search(r"\b(?:number\s+of\s+)?days\b", name, re.I) and "average" in name.lower():
        return "days"
    if m := _PER_BASE.search(name):
        return f"rate per {m.group(1)}"
    return unit_of([figure] if figure else [], name)


def card_records(card: Card, fills_by_page: dict[int, list[Fill]], document_id: str,
                 warnings: list[str]) -> list[ScorecardValue]:
    where = f"page {card.page}: '{card.name[:60]}'"
    latest = card.pair("latest")
    if latest is None:
        return []
    figure = _figure(latest.value)
    if figure is None:
        warnings.append(f"{where}: its latest value {latest.value!r} is not a figure; value left empty")
    period_pair = card.pair("period")
    period = latest.label.period or (period_pair.value if period_pair else _bracketed_period(latest.value))
    if period is None:
        warnings.append(f"{where}: no data period printed; period left empty")
    dates = period_dates(period)
    if period and dates is None:
        warnings.append(f"{where}: the period {period!r} is not one we can date; period dates left empty")
    ref, indicator = _ref_and_name(card.name)
    unit = _unit(figure, latest.value, indicator)
    target, floor, previous = card.pair("target"), card.pair("floor"), card.pair("previous")
    if target is None:
        warnings.append(f"{where}: no target printed; target left empty")
    rag, rag_source = _rag(card, latest, fills_by_page.get(card.page, []), where, warnings)
    value = ScorecardValue(
        document_id=document_id, page=card.page, section=card.section, indicator=indicator, ref=ref,
        period=period, value=figure.value if figure else None, value_text=latest.value or None, unit=unit,
        comment=card.comment, layout="card",
        period_start=dates[0] if dates else None, period_end=dates[1] if dates else None,
        polarity=_text(card.pair("polarity")), rag=rag, rag_source=rag_source,
        direction=_text(card.pair("direction")), bbox=list(_box(card)),
        **_labelled("target", target), **_labelled("floor", floor),
    )
    if previous is not None:
        prev_figure = _figure(previous.value)
        value.previous = prev_figure.value if prev_figure else None
        value.previous_text = _BRACKET_RAG.sub("", previous.value).strip() or None
        value.previous_period = previous.label.period or _bracketed_period(previous.value) or (
            previous.label.printed if previous.label.printed.lower() != "previous" else None)
        if m := _BRACKET_RAG.search(previous.value):
            value.previous_rag = m.group(1).title()
    records = [value]
    if target is not None and value.target is not None:
        records.append(ScorecardValue(
            document_id=document_id, page=target.page, section=card.section, indicator=indicator, ref=ref,
            period=target.label.period or period, value=value.target, value_text=value.target_text, unit=unit,
            is_target=True, layout="card", period_start=value.period_start, period_end=value.period_end,
            bbox=list(target.bbox)))
    for kind, name in _COMPARATOR_NAMES.items():
        if (pair := card.pair(kind)) is not None and (fig := _figure(pair.value)) is not None:
            records.append(ScorecardValue(
                document_id=document_id, page=pair.page, section=card.section, indicator=indicator, ref=ref,
                period=pair.label.period or period, value=fig.value, value_text=pair.value, unit=unit,
                is_comparator=True, comparator=pair.label.printed or name, layout="card", bbox=list(pair.bbox)))
    return records


# `CS01: % of assessments …`, `EH 2 - Number of …`: a reference before the name, as tables print in a Ref column.
_REF = re.compile(r"^(?P<ref>[A-Z]{1,6}[- ]?\d{1,3}[a-z]?)\s*[:\-–.)]\s+(?P<name>\S.*)$")


def _ref_and_name(name: str) -> tuple[str | None, str]:
    m = _REF.match(name)
    return (m.group("ref"), m.group("name")) if m else (None, name)


_BRACKETED = re.compile(r"\(([^)]{2,40})\)")


def _bracketed_period(value: str) -> str | None:
    """`97.0% (Dec 24)`: a period printed in brackets after the value."""
    for m in _BRACKETED.finditer(value):
        if period_dates(m.group(1)):
            return m.group(1).strip()
    return None


def _labelled(field: str, pair: Pair | None) -> dict:
    if pair is None:
        return {}
    figure = _figure(pair.value)
    out = {field: figure.value if figure else None, f"{field}_text": pair.value or None}
    out[f"{field}_period"] = pair.label.period  # `Target 2024/25: 97%`, `Floor (Q3): 90%`
    return out


def _text(pair: Pair | None) -> str | None:
    return " ".join(pair.value.split()) or None if pair is not None else None


def _rag(card: Card, latest: Pair, fills: list[Fill], where: str, warnings: list[str]) -> tuple[str | None, str | None]:
    pair = card.pair("rag")
    if pair is not None and (m := _RAG_WORD.match(pair.value)):
        word = m.group(1)
        return _FULL_RAG.get(word.lower(), word.title()), "word"
    if m := _BRACKET_RAG.search(latest.value):
        return m.group(1).title(), "word"
    x0, top, x1, bottom = _box(card)
    region = (card.column[0] - 4, top - 6, max(card.column[1], x1), bottom + 4)
    rag, problem = rag_fill(fills, region, latest.bbox if latest.page == card.page else None)
    if problem:
        warnings.append(f"{where}: {problem}; RAG left empty")
    if rag:
        return rag, "fill colour"
    if pair is not None:
        warnings.append(f"{where}: RAG {pair.value!r} is not a RAG word; RAG left empty")
    return None, None


def _box(card: Card) -> tuple[float, float, float, float]:
    boxes = [r.bbox for r in card.rows] + [p.bbox for p in card.pairs if p.page == card.page]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
