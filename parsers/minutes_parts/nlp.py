"""The spaCy rule pipeline for minutes: blank English, no model, built once.

- an entity ruler labels PERSON (an honorific and capitalised name tokens) and
  ROLE (chair, vice-chair, cabinet member ...);
- a matcher finds who declared an interest ("<name> declared") and recorded
  decisions ("the committee agreed", "it was agreed", "the report was noted").
"""
from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher

from parsers.minutes_parts.names import TITLES

_BODIES = ["committee", "panel", "cabinet", "council", "board", "sub-committee", "forum", "group"]
_PAPERS = ["report", "reports", "update", "workplan", "plan", "programme", "minutes", "information", "presentation"]
_DECISION_WORD = re.compile(r"\b(?:agreed|approved|noted)\b", re.I)
_INITIAL = {"TEXT": {"REGEX": r"^[A-Z]$"}}


@lru_cache(maxsize=1)
def pipeline() -> tuple[Language, Matcher]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    titles = sorted(TITLES)
    ruler.add_patterns([
        {"label": "PERSON", "pattern": [{"LOWER": {"IN": titles}}, {"IS_TITLE": True, "OP": "+"}]},
        {"label": "PERSON", "pattern": [{"LOWER": {"IN": titles}}, _INITIAL, {"IS_TITLE": True, "OP": "+"}]},
        {"label": "ROLE", "pattern": [{"LOWER": {"IN": ["chairman", "chair", "chairperson", "chairwoman"]}}]},
        {"label": "ROLE", "pattern": [{"LOWER": "vice"}, {"TEXT": "-", "OP": "?"}, {"LOWER": {"IN": ["chairman", "chair", "chairperson"]}}]},
        {"label": "ROLE", "pattern": [{"LOWER": "cabinet"}, {"LOWER": "member"}]},
    ])
    matcher = Matcher(nlp.vocab)
    name_token = {"TEXT": {"REGEX": r"^(?:[A-Z][\w'’-]*|[A-Z])$"}}
    matcher.add("DECLARANT", [[name_token, {"OP": "*", **name_token}, {"LOWER": {"IN": ["declared", "declares"]}}]],
                greedy="LONGEST")
    matcher.add("AGREED", [
        [{"LOWER": {"IN": _BODIES}}, {"LOWER": {"IN": ["unanimously", "then", "also", "further"]}, "OP": "?"}, {"LOWER": "agreed"}],
        [{"LOWER": "it"}, {"LOWER": "was"}, {"LOWER": {"IN": ["unanimously", "also", "further"]}, "OP": "?"}, {"LOWER": "agreed"}],
        [{"LOWER": {"IN": ["agreed", "approved"]}}, {"LOWER": "as"}, {"LOWER": "a"}, {"LOWER": "correct"}],
    ])
    matcher.add("NOTED", [
        [{"LOWER": {"IN": _PAPERS}}, {"LOWER": {"IN": ["was", "were"]}}, {"LOWER": "noted"}],
        [{"LOWER": {"IN": _BODIES}}, {"LOWER": "noted"}],
    ])
    return nlp, matcher


def declarants(sentence: str) -> list[tuple[str, int]]:
    """(printed name with its title, character offset just after 'declared') for each declarant."""
    nlp, matcher = pipeline()
    doc = nlp.make_doc(sentence)
    found = []
    for match_id, start, end in matcher(doc):
        if nlp.vocab.strings[match_id] != "DECLARANT":
            continue
        span = doc[start:end - 1]
        found.append((span.text, doc[end - 1].idx + len(doc[end - 1].text)))
    return found


def decision_kind(sentence: str) -> str | None:
    """'agreed' or 'noted' when the sentence records a decision, else None."""
    if not _DECISION_WORD.search(sentence):
        return None  # most sentences: skip tokenising them
    nlp, matcher = pipeline()
    doc = nlp.make_doc(sentence)
    kinds = {nlp.vocab.strings[m] for m, _, _ in matcher(doc)}
    if "AGREED" in kinds:
        return "agreed"
    if "NOTED" in kinds:
        return "noted"
    return None


def people(text: str) -> list[str]:
    """Names with an honorific found in running text (entity ruler)."""
    nlp, _ = pipeline()
    return [ent.text for ent in nlp(text).ents if ent.label_ == "PERSON"]
