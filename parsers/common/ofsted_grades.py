"""Ofsted grades: recognising them as printed and normalising them to the contract's words.

The contract's grades are `Outstanding`, `Good`, `Requires improvement to be
good`, `Requires improvement`, `Inadequate` and `Adequate`, as printed with
case normalised. Sentences print the verb form (`services require
improvement`), which normalises to the same grade; 2009-2013 reports print the
scale's number too (`Grade 3 (adequate)`), which normalises to its word.
"""
from __future__ import annotations

import re

_GRADE_WORDS = r"(?:requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate|adequate)"
# 2009-2013 reports print the four-point scale with its number: `Grade 3 (adequate)`.
_NUMBERED_GRADE = re.compile(rf"^grade\s+[1-4]\s*\(\s*({_GRADE_WORDS})\s*\)$", re.I)
GRADE_PATTERN = rf"(?:grade\s+[1-4]\s*\(\s*{_GRADE_WORDS}\s*\)|{_GRADE_WORDS})"

# A line (or a few joined lines) that is nothing but a grade.
_GRADE_ONLY = re.compile(rf"^({GRADE_PATTERN})\.?$", re.I)
# A judgement label and its grade on one line (text extractions, two-column tables).
_LABEL_THEN_GRADE = re.compile(rf"^(?P<label>.+?)[\s:]+(?P<grade>{GRADE_PATTERN})\.?$", re.I)



def sentence_ending_in_grade(label: str, verb: str = r"(?:(?:is|are)\s+)?", before: str = "") -> re.Pattern[str]:
    """A judgement printed as a sentence, the whole line: `<label> <verb> <grade>.` (`The LSCB is good.`).

    Groups `label` and `grade`; `before` may precede the label (a paragraph number)."""
    return re.compile(rf"^{before}(?P<label>{label})\s+{verb}(?P<grade>{GRADE_PATTERN})\.?$", re.I)


_CANONICAL = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires improvement to be good": "Requires improvement to be good",
    "require improvement to be good": "Requires improvement to be good",
    "requires improvement": "Requires improvement",
    "require improvement": "Requires improvement",
    "inadequate": "Inadequate",
    "adequate": "Adequate",
}
CONTRACT_GRADES = frozenset(_CANONICAL.values())


def normalise_grade(text: str) -> str | None:
    """The contract's grade for a printed grade, or None when it is not one of them."""
    folded = " ".join(text.lower().split()).rstrip(".")
    numbered = _NUMBERED_GRADE.match(folded)
    if numbered:
        folded = " ".join(numbered.group(1).split())
    return _CANONICAL.get(folded)


def grade_only(text: str) -> str | None:
    """The printed grade if `text` is a grade and nothing else."""
    m = _GRADE_ONLY.match(text.strip())
    return " ".join(m.group(1).split()) if m else None


def label_then_grade(text: str) -> tuple[str, str] | None:
    """(label, grade as printed) when a line ends with a grade after some other text."""
    m = _LABEL_THEN_GRADE.match(text.strip())
    if not m:
        return None
    return m.group("label").strip(), " ".join(m.group("grade").split())
