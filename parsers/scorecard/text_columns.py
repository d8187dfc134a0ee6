"""Text extractions laid out in columns (pdftotext -layout): character offsets as positions.

A layout-preserving text keeps each cell at its printed column, so a word's
character offsets within its line say where it sits across the page just as
a PDF word's x-coordinates do. Each line becomes a line of positioned words
(x = character offset, one line a row of fixed height), and the PDF reader
(`pdf_layout.read_positioned_groups`) finds the header, sorts its cells by
kind (`header_cells`) and cuts every row at the header cells' reach.

Within a cell, words are one space apart; cells are two or more apart. With
a line height of 4 character widths the PDF clustering gap (0.35 of the line
height, 1.4 characters) joins the former and separates the latter.
"""
from __future__ import annotations

import re

from parsers.scorecard.columns import Header, columns_of
from parsers.scorecard.header_cells import INDICATOR, classify
from schemas.document import Line, Word

_HEIGHT = 4.0  # in character widths
_WORD = re.compile(r"\S+")


def positioned_lines(lines: list[Line]) -> list[Line]:
    """The lines as positioned words: x in characters, y one line height per line read."""
    out = []
    for k, line in enumerate(lines):
        top = k * _HEIGHT
        text = line.text.expandtabs(8)
        words = tuple(Word(m.group(0), float(m.start()), top, float(m.end()), top + _HEIGHT)
                      for m in _WORD.finditer(text))
        if not words:
            continue
        out.append(Line(" ".join(w.text for w in words), line.page, line.number, words,
                        words[0].x0, top, words[-1].x1, top + _HEIGHT))
    return out


def labelled(header: Header) -> bool:
    """A header naming more than periods and targets: an indicator column, a ref, polarity, RAG or DoT.

    Only such a header is read by columns: a text whose header names periods alone (and prints it
    after its rows) is read in reading order (`text_layout`).
    """
    return any(c.kind == INDICATOR or c.role is not None for c in header.cells or [])


_LABEL_WORD = re.compile(r"^(?:ref|indicator|measure|polarity|rag|dot|status|trend)$", re.I)
_CELL_GAP = re.compile(r"\s{2,}")


def unspaced_header(text: str) -> bool:
    """A header naming periods and labelled columns, printed with single spaces between its cells.

    ("Ref Indicator Good is 2021/22 2022/23 Target RAG DoT England", as a plain text extraction
    prints it.) Nothing tells where one cell ends and the next starts, so its rows cannot be cut.
    """
    cells = [c for c in _CELL_GAP.split(text.strip()) if c]
    if len(cells) >= 3 or len(columns_of(text)) < 2:
        return False
    labels = [w for w in text.split() if _LABEL_WORD.match(w) and classify(w, 0, 1).kind != "value"]
    return len(labels) >= 2
