"""Judgements the older frameworks (2009-2013) print in the report's body, not on its front page."""
from __future__ import annotations

import re

from parsers.common.text import fold_quotes, join_words, strip_glued_footnote
from parsers.ofsted_inspection.areas import area_of
from parsers.ofsted_inspection.entries import Entry
from parsers.common.ofsted_grades import sentence_ending_in_grade
from parsers.ofsted_inspection.judgements import (
    VERB_ENDING, Judgement, grade_at, inline_judgement, make_judgement, sentence_at,
)

# The older frameworks (2009-2013) print their judgements in the body, each as a heading row
# (`Leadership and governance   Adequate`) over its paragraphs, and the overall one also as a
# sentence (`12. The overall effectiveness of the arrangements to protect children in X is inadequate.`).
_PROTECTION_OVERALL_SENTENCE = sentence_ending_in_grade(
    r"(?:the\s+)?overall\s+effectiveness\s+of\s+(?:the\s+)?(?:local\s+authority's\s+)?"
    r"arrangements\s+(?:to\s+protect|for\s+the\s+protection\s+of)\s+children\b.*?",
    verb=r"(?:is|are)\s+(?:judged\s+to\s+be\s+)?",
    before=r"(?:\d{1,3}\.\s+)?",
)
# The section an older report's `Overall effectiveness` row belongs to (safeguarding and looked
# after children reports grade each of their two parts on its own).
_PART_HEADING = re.compile(r"^(?:safeguarding\s+services|services\s+for\s+looked\s+after\s+children)$", re.I)
_BODY_LABEL_WORDS = 20


def find_body_judgements(entries: list[Entry], start: int = 0) -> list[Judgement]:
    """Judgement heading rows anywhere in the report, for frameworks that print none on the front page.

    A row is a known judgement label with its grade on the same line or on the next one; an
    `Overall effectiveness` row under a `Safeguarding services` / `Services for looked after
    children` part heading speaks for that part (help and protection / children in care), not
    for the whole report.
    """
    found: list[Judgement] = []
    part: str | None = None
    part_heading = ""
    i = start
    while i < len(entries):
        entry = entries[i]
        text = fold_quotes(entry.text)
        if _PART_HEADING.match(text):
            part = "children_in_care" if "looked after" in text.lower() else "help_and_protection"
            part_heading = text
            i += 1
            continue
        sentence = sentence_at(entries, i, _PROTECTION_OVERALL_SENTENCE) if text[:1].isalnum() else None
        if sentence:
            label, grade_text, used = sentence
            found.append(make_judgement("overall", label, grade_text, entry))
            i += used
            continue
        row = _body_row(entries, i)
        if row:
            label, grade_text, used = row
            area = area_of(label)
            if part is not None:
                # The row speaks for its part: the label keeps the part's heading, as printed above it.
                area = part if area == "overall" else area
                label = f"{part_heading}: {label}"
            found.append(make_judgement(area, label, grade_text, entry))
            i += used
            continue
        i += 1
    return found


def _body_row(entries: list[Entry], i: int) -> tuple[str, str, int] | None:
    """(label, grade as printed, lines used) for a judgement heading row at line i."""
    text = strip_glued_footnote(fold_quotes(entries[i].text))
    inline = inline_judgement(text)
    if inline and len(inline[0].split()) <= _BODY_LABEL_WORDS and not _is_sentence_label(inline[0]):
        return inline[0], inline[1], 1
    # A heading wrapped over up to three lines, its grade on the line after it.
    parts: list[str] = []
    for k in range(i, min(len(entries), i + 3)):
        if parts and entries[k].line.page != entries[i].line.page:
            break
        parts.append(strip_glued_footnote(fold_quotes(entries[k].text)))
        label = join_words(parts).rstrip(" :")
        if label.endswith((".", ";")) or len(label.split()) > _BODY_LABEL_WORDS or _is_sentence_label(label):
            return None
        if area_of(label) and k + 1 < len(entries) and not label.endswith(","):
            grade = grade_at(entries, k + 1)
            if grade:
                return label, grade[0], len(parts) + grade[1]
    return None


def _is_sentence_label(label: str) -> bool:
    """A label that is the start of a sentence (`The council's leadership is`) is prose, not a row."""
    return bool(VERB_ENDING.search(label)) or bool(re.search(r"\b(?:is|are|was|were|has|have)\b", label, re.I))
