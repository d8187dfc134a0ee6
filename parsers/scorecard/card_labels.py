"""The labels a KPI card prints beside its values (`Latest: 97%`, `97%  target`, a row of labels over
a row of values), read from `card_labels.json` beside this file, loaded once.

A label may carry its own period: `Target 2024/25: 97%`, `Previous (Sep 24): 95%`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parsers.common.dates import MONTH

# Kinds whose label opens a card's figures; `latest` is the value itself.
VALUE_KINDS = ("latest", "target", "floor", "previous", "national", "neighbours")
_LABEL_PERIOD = rf"(?:(?:19|20)\d{{2}}\s?[/-]\s?\d{{2}}|Q[1-4](?:\s+(?:19|20)?\d{{2}}\s?[/-]\s?\d{{2}})?|{MONTH}\.?[\s-]+(?:19|20)?\d{{2}})"


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  # latest, target, floor, previous, period, rag, direction, polarity, national, neighbours, commentary
    printed: str  # the label as printed ("Last quarter")
    period: str | None  # a period printed with the label ("2024/25" in "Target 2024/25")
    rest: str  # what follows the label on its line (the value), "" if nothing


# Every label's first and last word: a text that starts (ends) with none of them holds no label there,
# which is most text, told without running the long patterns.
_FIRST_WORDS: set[str] = set()
_LAST_WORDS: set[str] = set()
_EDGE = re.compile(r"[^\w%]+")


def _starts_with_label_word(text: str) -> bool:
    _vocabulary()
    first = _EDGE.split(text.strip(), maxsplit=1)[0].lower()
    return first in _FIRST_WORDS


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = json.loads((Path(__file__).with_name("card_labels.json")).read_text(encoding="utf-8"))
    kind_of = {label.lower(): kind for kind, labels in data.items() if not kind.startswith("_") for label in labels}
    _FIRST_WORDS.update(label.split()[0] for label in kind_of)
    _LAST_WORDS.update(label.split()[-1] for label in kind_of)
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(kind_of, key=len, reverse=True))
    period = rf"(?:\s*\((?P<lp1>[^)]{{2,30}})\)|\s+(?P<lp2>{_LABEL_PERIOD}))?"
    # `Latest: 97%`, `Target 2024/25 - 97%`, `Previous (Sep 24): 95%`; a bare `Latest 97%` only before a figure.
    before = re.compile(rf"^\s*(?P<label>{names}){period}\s*(?:[:：]\s*(?P<rest>.*)|[-–]\s+(?P<rest2>.+)|\s+(?P<fig>[£<>]?\d.*))$", re.I)
    alone = re.compile(rf"^\s*(?P<label>{names}){period}\s*:?\s*$", re.I)
    after = re.compile(rf"^\s*(?P<fig>[£<>]?[-+]?\d[\d,.]*\s?(?:%|days?|weeks?)?)\s+(?P<label>{names}){period}\s*$", re.I)
    inline = re.compile(rf"(?:^|(?<=\s))(?:{names})(?:\s*\([^)]{{2,30}}\)|\s+{_LABEL_PERIOD})?\s*:", re.I)
    return kind_of, before, alone, after, inline


def _label(m: re.Match, rest: str) -> Label:
    kind_of = _vocabulary()[0]
    printed = " ".join(m.group("label").split())
    return Label(kind_of[printed.lower()], printed, m.group("lp1") or m.group("lp2"), rest.strip())


# What a value label's value starts with: a figure, or a mark for no figure.
_VALUE_START = re.compile(r"^\s*(?:(?:at\s+least|at\s+most|above|below|under|over|(?:less|more|greater|fewer)\s+than|[≥≤]|[<>]=?)\s*)?"
                          r"(?:[£<>~]?\s?[-+−]?\d|n/?a\b|-|–|—|\*|tb[cd]\b|none\b|not\s+set\b|no\s+target\b|not\s+(?:yet\s+)?(?:available|known)\b|\?)", re.I)


@lru_cache(maxsize=4096)  # labels repeat on every card: read each text once
def label_before(text: str) -> Label | None:
    """`Latest: 97%` -> Label(latest, 'Latest', None, '97%'). A value's label must be followed by a
    figure (or nothing): `Performance: this quarter …` is a sentence, not a label."""
    if not _starts_with_label_word(text):
        return None
    m = _vocabulary()[1].match(text)
    if not m:
        return None
    label = _label(m, m.group("rest") or m.group("rest2") or m.group("fig") or "")
    if label.kind in VALUE_KINDS and label.rest and not _VALUE_START.match(label.rest):
        return None
    return label


@lru_cache(maxsize=4096)
def label_alone(text: str) -> Label | None:
    """A cell that is only a label (`Actual`, `Target:`): its value prints beside or beneath it."""
    if len(text) > 60 or not _starts_with_label_word(text):
        return None
    m = _vocabulary()[2].match(text)
    return _label(m, "") if m else None


@lru_cache(maxsize=4096)
def label_after(text: str) -> Label | None:
    """`97%  latest`: a figure with its label printed after it."""
    words = text.split()
    if len(words) < 2 or len(words) > 8 or not words[0][:1].isdigit() and words[0][:1] not in "£<>+-":
        return None
    m = _vocabulary()[3].match(text)
    return _label(m, m.group("fig")) if m else None


def split_labelled(text: str) -> list[str]:
    """One line holding several labelled values (`Latest: 97%  Target: 97%  Floor: 90%`) as one text
    each; a line with fewer than two `Label:` in it, whole."""
    if text.count(":") < 2:  # the common case, without running the long pattern along the line
        return [text]
    starts = [m.start() for m in _vocabulary()[4].finditer(text)]
    if len(starts) < 2 or starts[0] != len(text) - len(text.lstrip()):
        return [text]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]


def starts_value(text: str) -> bool:
    """Does this cell start with a value (`97%`, `below 20%`, `n/a`, `Not set`)?"""
    return bool(_VALUE_START.match(text))
