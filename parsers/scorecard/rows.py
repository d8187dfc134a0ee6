"""A scorecard's lines -> indicator rows, in reading order.

A row is anchored where its reporting basis is printed (`Snapshot`,
`Rolling Year`, `Latest` / `Quarter` over two lines …) followed by its
figures, on the same line or the next non-blank one. Text before the basis
on the anchor line is the indicator; a basis printed on a line of its own
takes the indicator from the paragraph just above it (wrapped lines joined).
Lines between one row's figures and the next row's indicator are the first
row's comment. Tables without a basis column (a population table) anchor on
a line that ends in two or more figures after a worded label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.common.figures import Figure, read_figures

BASES = ("Rolling Year", "Year to Date", "Latest Quarter", "Latest Month", "Snapshot", "Annual",
         "Quarterly", "Monthly", "Financial Year to Date", "Academic Year", "Calendar Year", "YTD")
BASIS_RE = re.compile(r"(?<![A-Za-z])(" + "|".join(sorted((re.escape(b).replace(r"\ ", r"\s+") for b in BASES),
                                                          key=len, reverse=True)) + r")(?![A-Za-z])", re.I)
_CANONICAL = {b.lower(): b for b in BASES}
_LETTERS = re.compile(r"[A-Za-z]{2,}")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def canonical_basis(text: str) -> str:
    key = re.sub(r"\s+", " ", text).strip().lower()
    return _CANONICAL.get(key, re.sub(r"\s+", " ", text).strip())


@dataclass(slots=True)
class Row:
    indicator: str
    basis: str | None
    figures: list[Figure]
    anchor: int  # index of the line holding the basis (or the figures)
    first: int  # index of the indicator's first line
    last: int  # index of the line holding the figures
    comment_parts: list[str] = field(default_factory=list)
    section: str | None = None
    # Cells describing the row, by role (header_cells.ROLES: ref, polarity, rag, direction), as printed.
    marks: dict[str, str] = field(default_factory=dict)

    @property
    def comment(self) -> str | None:
        text = " ".join(p.strip() for p in self.comment_parts if p.strip())
        return re.sub(r"\s+", " ", text) or None


@dataclass(slots=True)
class Anchor:
    prefix: str  # indicator text printed before the basis on the same line
    basis: str | None
    figures: list[Figure]
    rest: str  # text after the figures (the comment cell)
    lines_used: int  # 1, or 2 for a basis split over two lines


def _tokens(text: str) -> list[str]:
    return text.split()


def basis_anchor(texts: list[str], i: int) -> Anchor | None:
    """A reporting basis on line i (maybe completed by line i+1) followed by figures or nothing."""
    text = texts[i]
    nxt = texts[i + 1].strip() if i + 1 < len(texts) else ""
    # "Latest" / "Quarter": a basis wrapped inside its cell.
    if nxt and BASIS_RE.fullmatch(f"{text.strip()} {nxt}") and not BASIS_RE.fullmatch(text.strip()):
        return Anchor("", canonical_basis(f"{text.strip()} {nxt}"), [], "", 2)
    for m in BASIS_RE.finditer(text):
        after = text[m.end():]
        toks = _tokens(after)
        figures, k = read_figures(toks, allow_dash=True)
        prefix = text[: m.start()].strip()
        if not toks or figures:
            # Mid-sentence "annual 12 month ..." is prose; a basis cell is capitalised.
            if not m.group(1)[0].isupper() or (prefix and not _LETTERS.search(prefix)):
                continue
            return Anchor(prefix, canonical_basis(m.group(1)), figures, " ".join(toks[k:]), 1)
    return None


def trailing_anchor(text: str) -> Anchor | None:
    """A worded label ending in two or more figures: a row of a table without a basis column."""
    toks = _tokens(text)
    k = len(toks)
    while k > 0:
        figures, end = read_figures(toks, k - 1)
        if end != len(toks):
            break
        k -= 1
    figures, _ = read_figures(toks, k)
    prefix = " ".join(toks[:k])
    if len(figures) < 2 or len(_LETTERS.findall(prefix)) < 2:
        return None
    return Anchor(prefix, None, figures, "", 1)


def figure_line(text: str) -> tuple[list[Figure], str] | None:
    """A line that starts with figures (a row's values printed under its basis); the rest is comment."""
    toks = _tokens(text)
    figures, k = read_figures(toks, allow_dash=True)
    if not figures or all(f.value is None and f.text != "?" for f in figures):
        return None
    return figures, " ".join(toks[k:])


def blocks_of(indices: list[int], texts: list[str]) -> list[list[int]]:
    """Split line indices into paragraphs at blank lines (and gaps in the indices)."""
    blocks: list[list[int]] = []
    current: list[int] = []
    prev = None
    for i in indices:
        if not texts[i].strip() or (prev is not None and i != prev + 1):
            if current:
                blocks.append(current)
            current = []
        if texts[i].strip():
            current.append(i)
        prev = i
    if current:
        blocks.append(current)
    return blocks


def section_title(texts: list[str], indices: list[int]) -> str | None:
    """The last one-line paragraph before a table's first row that reads as a heading."""
    # A page number printed just above a heading would glue onto it.
    indices = [i for i in indices if not _PAGE_NUMBER.match(texts[i])]
    for block in reversed(blocks_of(indices, texts)):
        if len(block) != 1:
            continue
        text = texts[block[0]].strip()
        if not _LETTERS.search(text):
            continue
        if len(text.split()) <= 8 and not text.endswith((".", ",", ":", ";")):
            return re.sub(r"\s+", " ", text)
    return None
