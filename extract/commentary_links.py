"""Commentary figures -> the scorecard facts they quote: scorecard_commentary_links.

A commentary paragraph quotes figures ("timeliness of decisions reducing from 88.2% to 81.2%") that the
scorecard prints in its rows. A quoted figure is linked to a fact when the value and unit are the same
and the paragraph names the indicator: at least two, and at least half, of the indicator's content words
stand in the paragraph ("value and indicator words"). A figure that only one fact of the same pack
prints, with the same unit, is linked on its value alone ("value only"). Two facts tied for a figure are
not guessed between: no link.

A fact printed in another pack is only a candidate when it is of the time the commentary speaks of:
its period ended in the nine months before the commentary's document date. A 2016/17 scorecard's 4.5%
is not what a 2021 paragraph's 4.5% quotes.

Pure: commentary rows and facts in, links out. The dedupe stage runs it after the facts are rebuilt.
"""
from __future__ import annotations

import re
from datetime import date

from parsers.common.figures import parse_figure
from schemas.scorecards import ScorecardCommentary, ScorecardCommentaryLink, ScorecardFact

_WORD = re.compile(r"[a-z]{4,}")
_COMMON = {"percentage", "number", "rate", "children", "child", "with", "within", "from", "that", "this", "were",
           "which", "their", "have", "been", "than", "performance", "total", "proportion", "young", "people"}
MIN_SHARED_WORDS = 2


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower())} - _COMMON


def _source_of(document_id: str) -> str:
    return document_id.split(":", 1)[0]


RECENT_DAYS = 270


def link_commentary(commentary: list[ScorecardCommentary], facts: list[ScorecardFact],
                    document_dates: dict[str, date | None] | None = None) -> list[ScorecardCommentaryLink]:
    """`document_dates` (document_id -> its date) lets facts of other packs be linked; without it, only
    facts printed in the commentary's own pack are."""
    document_dates = document_dates or {}
    by_value: dict[tuple[float, str | None], list[ScorecardFact]] = {}
    for fact in facts:
        if fact.value is not None:
            by_value.setdefault((round(fact.value, 6), "%" if fact.unit == "%" else None), []).append(fact)
    fact_words = {id(f): _words(f.indicator) for f in facts}
    links: list[ScorecardCommentaryLink] = []
    for row in commentary:
        paragraph = _words(row.text)
        for printed in dict.fromkeys(row.figures):
            figure = parse_figure(printed.replace(" ", ""))
            if figure is None or figure.value is None:
                continue
            candidates = [f for f in by_value.get((round(figure.value, 6), "%" if figure.unit == "%" else None), [])
                          if _of_its_time(f, row.document_id, document_dates.get(row.document_id))]
            match = _best(candidates, paragraph, fact_words, row.document_id)
            if match is None:
                continue
            fact, how = match
            links.append(ScorecardCommentaryLink(
                document_id=row.document_id, page=row.page, line=row.line, seq=row.seq, figure=printed,
                fact_document_id=fact.document_id, fact_indicator=fact.indicator, fact_period=fact.period,
                fact_is_target=fact.is_target, fact_value=fact.value, matched_by=how))
    return links


def _of_its_time(fact: ScorecardFact, document_id: str, written: date | None) -> bool:
    if any(_source_of(d) == _source_of(document_id) for d in fact.document_ids):
        return True
    if written is None or fact.period_end is None:
        return False
    return 0 <= (written - fact.period_end).days <= RECENT_DAYS


def _best(candidates: list[ScorecardFact], paragraph: set[str], fact_words: dict[int, set[str]],
          document_id: str) -> tuple[ScorecardFact, str] | None:
    named = [(len(fact_words[id(f)] & paragraph), f) for f in candidates]
    named = sorted(((n, f) for n, f in named if n >= MIN_SHARED_WORDS and 2 * n >= len(fact_words[id(f)])),
                   key=lambda nf: -nf[0])
    if named and (len(named) == 1 or named[1][0] < named[0][0]):
        return named[0][1], "value and indicator words"
    same_pack = [f for f in candidates if any(_source_of(d) == _source_of(document_id) for d in f.document_ids)]
    if len(same_pack) == 1:
        return same_pack[0], "value only"
    return None
