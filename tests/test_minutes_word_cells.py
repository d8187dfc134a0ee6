"""A PDF line's cells read from its page's packed word columns are the cells read word by word.

The minutes read the columns of word edges directly (cheaper than a `Word` per word); reading the
same line's `Word`s is the rule they must keep to, on the real minutes and on a table of names.
"""
from __future__ import annotations

import pytest

from conftest import MODERNGOV
from extract.reading import read_source
from parsers.minutes.word_cells import WordCells, _cells_of_words
from pdf_factory import text_pdf
from schemas.document import Line, Word


@pytest.mark.parametrize("name", ["kent-cabinet-2025-01-30-minutes.pdf", "kent-county-council-2025-02-13-minutes.pdf"])
def test_cells_from_the_columns_are_the_cells_from_the_words(name):
    source = read_source(MODERNGOV / name)
    cells = WordCells()
    split = 0
    for line in source.lines:
        packed = cells.of(line)
        assert packed == _cells_of_words(tuple(line.words)), line.text
        split += packed is not None
    assert split >= 20  # these minutes print names and roles in columns: the rule was tried on real gaps


def test_a_gap_at_a_line_edge_is_not_a_cell(tmp_path):
    # Two columns on one line, and lines whose words sit far from the previous line's last word: only
    # gaps between the words of one line cut it.
    text = "Cllr A Smith                    Chairman\nMr B Jones\nLeader                    Cabinet Member\n"
    source = read_source(text_pdf(tmp_path / "table.pdf", [text]))
    cells = WordCells()
    assert [cells.of(line) for line in source.lines] == [["Cllr A Smith", "Chairman"], None, ["Leader", "Cabinet Member"]]


def test_words_without_a_packed_page_are_read_one_by_one():
    words = (Word("Cllr", 10, 0, 30, 10), Word("Smith", 32, 0, 60, 10), Word("Chair", 90, 0, 120, 10))
    assert WordCells().of(Line("Cllr Smith Chair", 1, 1, words)) == ["Cllr Smith", "Chair"]
    assert WordCells().of(Line("text line", 1, 1)) is None
