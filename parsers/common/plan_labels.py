"""Printed field labels that a text extraction may wrap over several lines.

A dashboard prints `Comments about overall status` in a narrow cell, so the
extraction gives `Comments` / `about overall` / `status` on three lines, or
`Progress made this` / `period:`. A label is matched against one to three
consecutive non-empty lines joined by spaces; on a single line it may also
be followed by the field's first words (`Rationale The percentage …`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.document import Line

_SPACES = re.compile(r"\s+")
_BULLETS = "•·▪●◦-–*"


def squash(text: str) -> str:
    """Fold runs of white space to one space and strip."""
    return _SPACES.sub(" ", text).strip()


_WORD_BROKEN_AT_HYPHEN = re.compile(r"[A-Za-z]-$")


def join_wrapped(head: str, tail: str) -> str:
    """Join two pieces of a wrapped phrase: `up-` + `to-date` -> `up-to-date`, else with a space."""
    if not head:
        return tail
    if _WORD_BROKEN_AT_HYPHEN.search(head):
        return head + tail
    return f"{head} {tail}"


@dataclass(frozen=True)
class LabelHit:
    name: str
    first: int  # index of the label's first line in the list searched
    next: int  # index of the first line after the label
    rest: str  # text after the label on its only line ("" when the label fills its lines)


def match_label(lines: list[Line], i: int, labels: dict[str, re.Pattern[str]], max_lines: int = 3) -> LabelHit | None:
    """The label starting at lines[i], if any; patterns must match at the start of the joined text."""
    first = squash(lines[i].text)
    # Printed labels start with a capital: `rationale)` inside a sentence is not one.
    if not first or not first[0].isupper():
        return None
    joined = first
    j = i
    for count in range(1, max_lines + 1):
        for name, pattern in labels.items():
            m = pattern.match(joined)
            if not m:
                continue
            rest = joined[m.end():].strip()
            if not rest:
                return LabelHit(name, i, j + 1, "")
            if count == 1 and (rest[0].isupper() or rest[0].isdigit() or rest[0] in "•‘“'\""):
                return LabelHit(name, i, j + 1, rest)
        j += 1
        if j >= len(lines) or not squash(lines[j].text):
            break
        joined = f"{joined} {squash(lines[j].text)}"
    return None


def paragraphs_text(lines: list[Line]) -> str | None:
    """Lines as printed text: wrapped lines joined, paragraphs (blank-line separated) on their own lines.

    A line starting with a bullet (or, where extraction blanked the bullet
    glyph, with a space) after text also starts a new paragraph.
    """
    paras: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        raw = line.text
        text = squash(raw)
        if not text:
            if current:
                paras.append(current)
                current = []
            continue
        starts_item = raw[:1] in _BULLETS or raw[:1] == " " or text[:1] == "•"
        if starts_item and current:
            paras.append(current)
            current = []
        current.append(text.lstrip("•· ").strip())
    if current:
        paras.append(current)
    out: list[str] = []
    for p in paras:
        text = " ".join(x for x in p if x)
        if not text:
            continue
        if out and text[0].islower():
            # A wrapped sentence the extraction broke with a blank line.
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return "\n".join(out) if out else None


_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def drop_page_numbers(lines: list[Line]) -> list[Line]:
    """Lines without printed page numbers: a lone number opening a page (`8`, `13`) or ending the document."""
    kept: list[Line] = []
    page_seen: set[int] = set()
    for line in lines:
        if not line.text.strip():
            kept.append(line)
            continue
        first_on_page = line.page not in page_seen
        page_seen.add(line.page)
        if first_on_page and _PAGE_NUMBER.match(line.text):
            continue
        kept.append(line)
    # The next page's number printed under the last line of a document.
    last = next((k for k in range(len(kept) - 1, -1, -1) if kept[k].text.strip()), None)
    if last is not None and _PAGE_NUMBER.match(kept[last].text):
        del kept[last]
    return kept
