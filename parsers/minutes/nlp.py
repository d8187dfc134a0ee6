"""The spaCy rule pipeline for minutes: blank English tokenizer and a Matcher, no model, built once.

The matcher finds people by the shape of their names where they declare an
interest ("Cllr Brian Robinson declared ...", "Ms Meade declared ..."), the
executive roles in an attendee's post ("Cabinet Member for ...", "Leader of
the Council") and recorded decisions ("the committee agreed", "it was agreed",
"the report was noted"). Attendance lists are read by `attendance.py` with plain rules: their
punctuation, not their wording, is what separates one person from the next.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from parsers.common.folding import folded, mentions

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher

_BODIES = ["committee", "panel", "cabinet", "council", "board", "sub-committee", "forum", "group"]
_PAPERS = ["report", "reports", "update", "workplan", "plan", "programme", "minutes", "information", "presentation"]
# "declared" in most minutes; "disclosed" where the code of conduct speaks of disclosable interests.
_DECLARING_VERBS = ["declared", "declares", "disclosed", "discloses"]
_DECISION_WORD = re.compile(r"\b(?:agreed|approved|noted|confirmed)\b", re.I)
# The minutes of the last meeting "agreed as a correct record", "approved as an accurate record", "confirmed as a true record".
_RECORD_WORDS = ["correct", "accurate", "true"]


@lru_cache(maxsize=1)
def pipeline() -> tuple["Language", dict[str, "Matcher"]]:
    """The tokenizer and one Matcher per question asked of a text. (Apart, not one Matcher with every
    pattern: the declarant pattern's regular-expression token would be tried on every token of every
    sentence asked only whether it records a decision, which cost most of the matching.)"""
    # Imported here: the splitter asks the minutes recogniser about every pack, and
    # needs none of spaCy for that (its import alone costs ~40 MB and a second).
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    declarant, decision, cabinet_role = Matcher(nlp.vocab), Matcher(nlp.vocab), Matcher(nlp.vocab)
    name_token = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’-]*|[A-Z])$"}}
    declarant.add("DECLARANT", [[name_token, {"OP": "*", **name_token}, {"LOWER": {"IN": _DECLARING_VERBS}}]],
                  greedy="LONGEST")
    decision.add("AGREED", [
        [{"LOWER": {"IN": _BODIES}}, {"LOWER": {"IN": ["unanimously", "then", "also", "further"]}, "OP": "?"}, {"LOWER": "agreed"}],
        [{"LOWER": "it"}, {"LOWER": "was"}, {"LOWER": {"IN": ["unanimously", "also", "further"]}, "OP": "?"}, {"LOWER": "agreed"}],
        [{"LOWER": {"IN": ["agreed", "approved", "confirmed"]}}, {"LOWER": "by", "OP": "?"}, {"LOWER": "the", "OP": "?"},
         {"LOWER": {"IN": _BODIES}, "OP": "?"}, {"LOWER": "as"}, {"LOWER": {"IN": ["a", "an"]}},
         {"LOWER": {"IN": _RECORD_WORDS}}],
    ])
    cabinet_role.add("CABINET_ROLE", [
        [{"LOWER": "cabinet"}, {"LOWER": {"IN": ["member", "lead"]}}],
        # Councils name their executive differently: "Executive Member for Education", "Lead Member for ...".
        [{"LOWER": "executive"}, {"LOWER": {"IN": ["member", "lead", "councillor"]}}],
        [{"LOWER": "lead"}, {"LOWER": "member"}],
        [{"LOWER": "portfolio"}, {"LOWER": "holder"}],
        [{"LOWER": "deputy", "OP": "?"}, {"LOWER": "leader"}, {"LOWER": "of"}, {"LOWER": "the"}, {"LOWER": "council"}],
    ])
    decision.add("NOTED", [
        [{"LOWER": {"IN": _PAPERS}}, {"LOWER": {"IN": ["was", "were"]}}, {"LOWER": "noted"}],
        [{"LOWER": {"IN": _BODIES}}, {"LOWER": "noted"}],
    ])
    return nlp, {"declarant": declarant, "decision": decision, "cabinet_role": cabinet_role}


def declarants(sentence: str) -> list[tuple[str, int]]:
    """(printed name with its title, character offset just after 'declared') for each declarant."""
    nlp, matchers = pipeline()
    doc = nlp.make_doc(sentence)
    found = []
    for _, start, end in matchers["declarant"](doc):
        span = doc[start:end - 1]
        found.append((span.text, doc[end - 1].idx + len(doc[end - 1].text)))
    return found


def decision_kind(sentence: str) -> str | None:
    """'agreed' or 'noted' when the sentence records a decision, else None."""
    if not _may_record_a_decision(folded(sentence)) or not _DECISION_WORD.search(sentence):
        return None  # most sentences: skip tokenising them
    nlp, matchers = pipeline()
    doc = nlp.make_doc(sentence)
    kinds = {nlp.vocab.strings[m] for m, _, _ in matchers["decision"](doc)}
    if "AGREED" in kinds:
        return "agreed"
    if "NOTED" in kinds:
        return "noted"
    return None


def _may_record_a_decision(words: str) -> bool:
    """Could a decision pattern match the folded sentence? Each needs its verb and a word it follows (or
    "correct"), found first by `in`; then, as each pattern's words follow one another as tokens, and tokens
    next to each other are printed with at most a space between them, those words in that order with only
    spaces between: a test every match passes."""
    words_found = (("agreed" in words and ("was" in words or mentions(words, *_BODIES)))
                   or (mentions(words, *_RECORD_WORDS) and mentions(words, "agreed", "approved", "confirmed"))
                   or ("noted" in words and mentions(words, *_BODIES, *_PAPERS)))
    return words_found and bool(_DECISION_WORDS_IN_ORDER.search(words))


def _in_order(*alternatives: list[str]) -> str:
    """A pattern for the words in order, each from its list (a list ending in "" may be left out)."""
    parts = []
    for words in alternatives:
        either = "|".join(re.escape(w) for w in words if w)
        parts.append(f"(?:(?:{either})\\s*)?" if "" in words else f"(?:{either})\\s*")
    return "".join(parts)


# The AGREED and NOTED patterns of pipeline(), as words in order.
_DECISION_WORDS_IN_ORDER = re.compile("|".join([
    _in_order(_BODIES, ["unanimously", "then", "also", "further", ""], ["agreed"]),
    _in_order(["it"], ["was"], ["unanimously", "also", "further", ""], ["agreed"]),
    _in_order(["agreed", "approved", "confirmed"], ["by", ""], ["the", ""], [*_BODIES, ""], ["as"], ["a", "an"], _RECORD_WORDS),
    _in_order(_PAPERS, ["was", "were"], ["noted"]),
    _in_order(_BODIES, ["noted"]),
]))


def is_cabinet_role(position: str) -> bool:
    """Does an attendee's post make them a member of the council's executive?"""
    if not mentions(folded(position), "cabinet", "executive", "lead", "portfolio"):
        return False  # every pattern has one of these words ("leader" holds "lead"): skip tokenising
    nlp, matchers = pipeline()
    return bool(matchers["cabinet_role"](nlp.make_doc(position)))
