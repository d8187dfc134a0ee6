"""What makes numbered prose commentary on a performance scorecard, and what makes it a report.

Commentary refers to the scorecard's indicators: a measure set against its target, its tolerance
or its comparators ("worse than target (90%)", "within tolerance", "PI 12"). A budget or a
treasury management strategy is prose about numbers too, but about money: it is a report.
Shared by the scorecard recogniser and the splitter's typing of runs no cue opened.
"""
from __future__ import annotations

import re

from parsers.common.word_lists import alternatives, load_word_lists

_WORDS = load_word_lists(__file__, "commentary_words.toml")


# A phrase, or an indicator's code ("PI 12", "KPI 3", "NI 62"), or a target quoted in brackets.
INDICATOR_REFERENCE = re.compile(
    rf"\b(?:{alternatives(_WORDS['indicator_phrases'])})\b|\b(?:K?PI|NI)\s?\d+\b|\(\s*target\b|\btarget\s+(?:of\s+)?\d",
    re.I,
)
MONEY = re.compile(rf"£\s?\d|\b(?:{alternatives(_WORDS['finance_words'])})\b", re.I)


def indicator_references(text: str) -> int:
    return len(INDICATOR_REFERENCE.findall(text))


def money_references(text: str) -> int:
    return len(MONEY.findall(text))


def cites_indicators(text: str, at_least: int = 2) -> bool:
    """Does this prose refer to a scorecard's indicators more than it talks about money?"""
    refs = indicator_references(text)
    return refs >= at_least and money_references(text) <= 2 * refs
