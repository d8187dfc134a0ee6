"""A PDF line's cells: its words split where they stand apart by a column gap ("Cllr A Smith      Chair").

Most lines have no such gap, and a minutes document holds thousands of lines: a `Word` object per
word, built only to compare its edges with its neighbour's, was most of the cost of reading the
minutes' lines. Lines from the PDF reader hold a view into their page's columns of word edges
(`PackedWords.span`), so the gaps are found once per page over those columns, and a line without
one is answered by two bisections. Other lines (a tuple of `Word`s) are read word by word; both ways
compare the same numbers (32-bit edges, subtracted as 64-bit floats), so they give the same cells.
"""
from __future__ import annotations

from bisect import bisect_left

import numpy

# Points between two words on one baseline that make them separate cells, not words of one
# phrase: wider than a justified line's widest word space.
COLUMN_GAP = 12.0


class WordCells:
    """Cells of the lines of one document, read in page order: the gaps of the page last read are kept."""

    __slots__ = ("_columns", "_gaps", "_texts")

    def __init__(self) -> None:
        self._columns = self._texts = None
        self._gaps: list[int] = []

    def of(self, line) -> list[str] | None:
        """The line's cells, or None when its words stand in one cell (or it has no positioned words)."""
        words = line.words
        span = getattr(words, "span", None)
        if span is None:
            return _cells_of_words(words)
        columns, start, end = span
        if columns is not self._columns:
            self._columns, self._gaps, self._texts = columns, _gaps(columns), None
        gaps = self._gaps
        if not gaps:
            return None  # most pages: no line on them is printed in columns
        first, last = bisect_left(gaps, start), bisect_left(gaps, end - 1)
        if first >= last:
            return None
        if self._texts is None:
            self._texts = columns.texts()
        texts = self._texts
        bounds = [start, *(g + 1 for g in gaps[first:last]), end]
        return [" ".join(texts[a:b]) for a, b in zip(bounds, bounds[1:])]


def _gaps(columns) -> list[int]:
    """Indices of the page's words that stand more than a column gap left of the word after them."""
    space = numpy.subtract(columns.x0[1:], columns.x1[:-1], dtype=numpy.float64)
    return numpy.flatnonzero(space > COLUMN_GAP).tolist()


def _cells_of_words(words) -> list[str] | None:
    if not words or len(words) < 2:
        return None
    gaps: list[int] = []
    others = iter(words)
    try:
        right = next(others).x1
        for i, word in enumerate(others, 1):
            if word.x0 - right > COLUMN_GAP:
                gaps.append(i)
            right = word.x1
    except TypeError:  # a word without a position
        return None
    if not gaps:
        return None
    bounds = [0, *gaps, len(words)]
    return [" ".join(w.text for w in words[a:b]) for a, b in zip(bounds, bounds[1:])]
