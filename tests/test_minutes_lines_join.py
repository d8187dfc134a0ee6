"""Wrapped lines joined into a paragraph: a space at each break, except where a word was cut there.

join_wrapped skips the line-by-line walk when no break can be a cut word; text_with_positions always
walks. Both must join the real minutes' paragraphs the same way.
"""
from __future__ import annotations

import pytest

from conftest import MODERNGOV
from extract.reading import read_source
from extract.splitting.document import make_document
from parsers.minutes.lines import MinutesLine, join_wrapped, minutes_lines, text_with_positions


@pytest.mark.parametrize("parts, joined", [
    (["Vice-", "Chair of the Panel"], "Vice-Chair of the Panel"),  # a hyphenated word broken at its hyphen
    (["support for Young P", "eople in care"], "support for Young People in care"),  # cut by a column edge
    (["Mr A", "Smith"], "Mr A Smith"),  # an initial, then a capitalised word: a space
    (["Cllr B", "  ", "Jones"], "Cllr B Jones"),  # a blank line between is no break of its own
    (["Cllr B", "and Mr C Jones"], "Cllr Band Mr C Jones"),  # a capital alone, then lower case: read as a cut word
    (["2 - ", "noted"], "2 - noted"),  # a dash standing alone is not a broken word
    (["  the report  "], "the report"),
])
def test_breaks_join_with_a_space_unless_a_word_was_cut(parts, joined):
    assert join_wrapped(parts) == joined
    assert text_with_positions([_line(p) for p in parts])[0] == joined


@pytest.mark.parametrize("name", ["kent-cabinet-2025-01-30-minutes.pdf", "kent-county-council-2025-02-13-minutes.pdf"])
def test_the_quick_join_agrees_with_the_walk_on_real_minutes(name):
    source = read_source(MODERNGOV / name)
    lines = minutes_lines(make_document(source, source.lines, "minutes"))
    runs = [lines[i:i + n] for n in (2, 3, 5) for i in range(0, len(lines) - n)]
    mended = 0
    for run in runs:
        joined = join_wrapped([l.text for l in run])
        assert joined == text_with_positions(run)[0]
        mended += len(joined) < len(" ".join(l.text.strip() for l in run if l.text.strip()))
    assert mended > 0  # some run of these minutes holds a word broken across lines


def _line(text):
    return MinutesLine(text, 1, 1)
