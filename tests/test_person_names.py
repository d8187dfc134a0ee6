"""One list of titles before a person's name (parsers/common/honorifics.txt), read by the splitter and
the Ofsted letter readers alike."""
from __future__ import annotations

import pytest

from extract.splitting.metadata import named_in_heading
from parsers.common.person_names import HONORIFICS, TITLED_NAME
from schemas.document import Line


def _lines(*texts: str) -> list[Line]:
    return [Line(text, 1, n) for n, text in enumerate(texts, start=1)]


def test_the_list_holds_the_titles_both_readers_used_before_it_was_one():
    splitter_had = {"Cllr", "Councillor", "Mr", "Mrs", "Ms", "Miss", "Dr"}
    letters_had = splitter_had | {"Mx", "Professor", "Prof", "Sir", "Dame", "Rev"}
    assert set(HONORIFICS) == letters_had
    assert len(HONORIFICS) == len(set(HONORIFICS))


@pytest.mark.parametrize("title", HONORIFICS)
def test_a_heading_line_naming_a_titled_person_does_not_name_the_authority(title):
    # A committee's cover as councils print it (Kent's minutes, chair named under the title): the
    # chair's surname is a place ("Leeds") and must not be read as the authority.
    lines = _lines("Children's Services Cabinet Committee", f"{title} Alan Leeds", "Kent County Council")
    assert named_in_heading(lines) == "Kent"


def test_without_a_title_the_same_surname_is_read_as_a_place():
    # The rule is the title: the same line with no title names Leeds (the splitter cannot tell).
    assert named_in_heading(_lines("Children's Services Cabinet Committee", "Alan Leeds", "Kent County Council")) == "Leeds"


@pytest.mark.parametrize("text, is_name", [
    ("Yvette Stanley", True),                 # a signatory as Ofsted letters print one
    ("Mrs Jane Smith", True),
    ("Dr. Ann van der Berg", True),
    ("Professor Sir Alan Leeds", True),       # the second title reads as the name's first word
    ("Sir", False),
    ("Professor", False),
    ("Director of Children's Services", False),
])
def test_a_name_with_or_without_its_title_is_the_whole_line(text, is_name):
    assert bool(TITLED_NAME.fullmatch(text)) is is_name

