"""Which canonical `area` a judgement label speaks for.

Labels changed wording across frameworks (`Children looked after and
achieving permanence`, `The experiences and progress of children in care and
care leavers`, `... of children in care`); the keys below are the words that
survived every change. Order matters: a label naming both children in care
and care leavers is the combined children-in-care judgement (ILACS before
2023), and only a label about care leavers alone is `care_leavers`.
"""
from __future__ import annotations

import re

from parsers.common.text import fold_quotes

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("overall", re.compile(r"\boverall (?:effectiveness|judgement)\b|^(?:children's|the) services\b|children's services\b.*\b(?:are|is|require)$")),
    ("lscb", re.compile(r"safeguarding children board|\blscb\b")),
    ("adoption", re.compile(r"\badoption\b")),
    ("help_and_protection", re.compile(r"help and protection|need of help|protection of children")),
    ("children_in_care", re.compile(r"children in care|looked after|achieving permanence")),
    ("care_leavers", re.compile(r"care leavers|leaving care")),
    ("leadership", re.compile(r"\bleaders?\b|leadership|management and governance")),
)


def area_of(label: str) -> str | None:
    """The canonical area of a printed judgement label, or None for a label we do not know."""
    text = fold_quotes(label).lower()
    for area, pattern in _RULES:
        if pattern.search(text):
            return area
    return None
