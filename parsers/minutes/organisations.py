"""Organisations printed among people in apologies and attendance lists ("Kent Police",
"Healthwatch", "the Virtual School"): kept as rows with kind = organisation, never taken for a person.

The words that mark an organisation are a vocabulary in vocabulary/organisation_words.txt."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_VOCABULARY = Path(__file__).with_name("vocabulary") / "organisation_words.txt"


_BRACKETED = re.compile(r"\([^()]*\)")
JOINED = "\x01"  # stands for " and " inside a body's name while a list is split


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[list[str], list[str]]:
    lines = [w.strip() for w in _VOCABULARY.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    return [w for w in lines if " and " not in w], [w for w in lines if " and " in w]


@lru_cache(maxsize=1)
def _organisation_word() -> re.Pattern[str]:
    words, _ = _vocabulary()
    return re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'’])")


@lru_cache(maxsize=1)
def _joined_phrase() -> re.Pattern[str]:
    _, phrases = _vocabulary()
    return re.compile("|".join(re.escape(p).replace(r"\ and\ ", r"\s+and\s+") for p in phrases))


def protect_joined_names(text: str) -> str:
    """'Kent Fire and Rescue Service' keeps its 'and' while a list is split at 'and'."""
    if "and" not in text:
        return text  # every phrase has an "and" in it
    return _joined_phrase().sub(lambda m: re.sub(r"\s+and\s+", JOINED, m.group()), text)


def restore_joined_names(text: str) -> str:
    return text.replace(JOINED, " and ")


def is_organisation(entry: str, title: str | None) -> bool:
    """An untitled entry naming a body: "Kent Police", "Healthwatch Kent", "the Virtual School"."""
    if title:
        return False
    entry = (_BRACKETED.sub(" ", entry) if "(" in entry else entry).strip()
    return bool(entry) and (entry.lower().startswith("the ") or bool(_organisation_word().search(entry)))
