"""Numbered commentary on a scorecard: one record per printed paragraph number.

A paragraph starts at a line `N.` (or `N.M.`) followed by text, whose number
comes after the previous paragraph's; it runs, unnumbered continuation
paragraphs included, to the next numbered one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.document import Line

_NUMBERED = re.compile(r"^\s*(?P<seq>\d{1,2}(?:\.\d{1,2})?)\.?\s+(?P<text>\S.*)$")
# Figures a paragraph quotes: percentages, money, counts with thousands separators, decimals, and
# ratings in brackets. Bare small integers ("3rd", "18 months") are words, not figures.
_FIGURE = re.compile(r"(?<![\w/.-])(?:£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:m|bn|k)\b)?|\d[\d,]*(?:\.\d+)?\s?%|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\w/])")


@dataclass(slots=True)
class Paragraph:
    seq: str
    text: str
    first: Line


def _key(seq: str) -> tuple[int, ...]:
    return tuple(int(p) for p in seq.split("."))


def numbered_paragraphs(lines: list[Line]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    for line in lines:
        m = _NUMBERED.match(line.text)
        if m and "." in line.text[: m.start("text")] and _follows(paragraphs, m.group("seq")):
            if paragraphs:
                paragraphs[-1].text = _join(parts)
            paragraphs.append(Paragraph(m.group("seq"), "", line))
            parts = [m.group("text")]
            continue
        if paragraphs:
            parts.append(line.text)
    if paragraphs:
        paragraphs[-1].text = _join(parts)
    return paragraphs


def _follows(paragraphs: list[Paragraph], seq: str) -> bool:
    """A number continues the sequence: the first one is small, each next one is the next number."""
    key = _key(seq)
    if not paragraphs:
        return key[0] <= 2 or len(key) > 1
    prev = _key(paragraphs[-1].seq)
    if len(key) == 1 and len(prev) == 1:
        return key[0] == prev[0] + 1
    if len(key) == 2 and len(prev) == 2:
        return (key[0] == prev[0] and key[1] == prev[1] + 1) or (key[0] == prev[0] + 1 and key[1] <= 1)
    return key > prev


def _join(parts: list[str]) -> str:
    text = " ".join(p.strip() for p in parts if p.strip())
    return re.sub(r"\s+", " ", text)


def figures_in(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", m.group(0)) for m in _FIGURE.finditer(text)]
