"""Declarations of interest and recorded decisions inside minute items."""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.minutes_parts.items import Item
from parsers.minutes_parts.lines import MinutesLine, join_wrapped
from parsers.minutes_parts.names import split_title
from parsers.minutes_parts.nlp import decision_kind, declarants

_DECLARATIONS_TITLE = re.compile(r"\bdeclarations?\b|\binterests?\b", re.I)
_NO_DECLARATIONS = re.compile(r"\bno\s+(?:declarations?|interests?)\b", re.I)
_STATED_ITEM = re.compile(r"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?(\d{1,4}[a-z]?)\b", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(“\"‘])")
_POINT_MARKER = re.compile(r"^\s*(?:\(\w{1,4}\)|\d{1,3}(?:\.\d{1,3})*\.?|[a-z]\.|[A-Za-z]\)|[•\-–])\s+")
_RESOLVED = re.compile(r"^resolved\b", re.I)
# A decision opens its own paragraph even where the extraction lost the blank line before it.
_RESOLVED_LINE = re.compile(r"^\s*(?:RESOLVED|Resolved)\b")


@dataclass
class Found:
    item_number: str | None
    text: str
    line: MinutesLine
    kind: str | None = None
    name: str | None = None
    title: str | None = None


def declarations(items: list[Item]) -> list[Found]:
    out: list[Found] = []
    for item in items:
        in_declarations_item = bool(_DECLARATIONS_TITLE.search(item.title))
        for text, line in _paragraphs(item.body):
            if "declare" not in text.lower():
                continue
            for sentence in _SENTENCE.split(text):
                if _NO_DECLARATIONS.search(sentence):
                    continue
                for printed, after in declarants(sentence):
                    interest = sentence[after:].strip().rstrip(".").strip()
                    if not in_declarations_item and not re.search(r"\binterest", interest, re.I):
                        continue  # "declared with the Monitoring Officer": not an interest
                    title, name = split_title(printed)
                    stated = _STATED_ITEM.search(interest)
                    number = stated.group(1) if stated else (None if in_declarations_item else item.number)
                    out.append(Found(number, interest, line, name=name, title=title))
    return out


def resolutions(items: list[Item]) -> list[Found]:
    out: list[Found] = []
    for item in items:
        paragraphs = _paragraphs(item.body)
        i = 0
        while i < len(paragraphs):
            text, line = paragraphs[i]
            bare = _POINT_MARKER.sub("", text, count=1)
            if _RESOLVED.match(bare):
                parts = [bare]
                j = i + 1
                if re.fullmatch(r"(?i)resolved\W*", bare) and j < len(paragraphs):
                    parts = [paragraphs[j][0]]  # "Resolved" on its own, the decision below it
                    j += 1
                elif bare.rstrip().endswith(":"):
                    marker = _marker_kind(text)
                    while j < len(paragraphs) and (marker is None or _marker_kind(paragraphs[j][0]) != marker):
                        parts.append(paragraphs[j][0])
                        j += 1
                out.append(Found(item.number, " ".join(parts), line, kind="resolved"))
                i = j
                continue
            for sentence in _SENTENCE.split(bare):
                kind = decision_kind(sentence)
                if kind:
                    out.append(Found(item.number, sentence.strip(), line, kind=kind))
            i += 1
    return out


def _marker_kind(text: str) -> str | None:
    """The shape of a paragraph's number: '(27)' -> '(n)', '5.' -> 'n.', '(a)' -> '(a)'."""
    m = _POINT_MARKER.match(text)
    if not m:
        return None
    marker = m.group(0).strip()
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "n", marker))


def _paragraphs(lines: list[MinutesLine]) -> list[tuple[str, MinutesLine]]:
    out: list[tuple[list[str], MinutesLine]] = []
    for line in lines:
        if line.blank:
            continue
        if not out or line.starts_paragraph or _POINT_MARKER.match(line.text) or _RESOLVED_LINE.match(line.text):
            out.append(([], line))
        out[-1][0].append(line.text)
    return [(join_wrapped(parts), first) for parts, first in out]
