"""The canonical authorities file (parsers/common/authorities.csv) and the names read through it.

Printed names come from the shared reports' front pages; the file's own
consistency (predecessors and successors name each other, dates in order) and
its use by the splitter are checked too.
"""
from __future__ import annotations

from datetime import date

import pytest

from extract.splitting import authorities as splitter_authorities
from parsers.common.authorities import all_authorities, authority, canonical_authority, canonical_names
from parsers.ofsted_inspection import parse_ofsted_inspection
from tests.ofsted_helpers import text_document


@pytest.mark.parametrize("printed, canonical", [
    # as the shared reports print them (front page, p1)
    ("Metropolitan Borough of Barnsley Council", "Barnsley"),        # barnsley-2014-08-08
    ("St Helens Metropolitan Borough Council", "St Helens"),          # st-helens-2019-11-04
    ("Kent County Council", "Kent"),                                  # kent-2022-07-05
    ("London Borough of Hammersmith and Fulham", "Hammersmith and Fulham"),
    ("London Borough of Hammersmith & Fulham", "Hammersmith and Fulham"),
    ("Royal Borough of Kingston upon Thames Council", "Kingston upon Thames"),
    ("The Royal Borough of Windsor and Maidenhead", "Windsor and Maidenhead"),
    ("Kingston Upon Hull City Council", "Kingston upon Hull"),
    ("Hull", "Kingston upon Hull"),
    ("Derby City", "Derby"),
    ("Leeds City", "Leeds"),
    ("Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole"),
    ("Rotherham Metropolitan Borough Council", "Rotherham"),
    ("City of Wolverhampton", "Wolverhampton"),
    # other names the issue lists, and council types the sample lacks
    ("Bristol, City of", "Bristol"),
    ("Blackburn with Darwen Borough Council", "Blackburn with Darwen"),
    ("City of Bradford Metropolitan District Council", "Bradford"),
    ("Doncaster Metropolitan Borough Council", "Doncaster"),
    ("Stockport Metropolitan Borough Council", "Stockport"),
    ("City of London", "City of London"),
    # trusts belong to their council, listed or not
    ("Doncaster Children's Services Trust", "Doncaster"),
    ("Birmingham Children\u2019s Trust", "Birmingham"),
    ("Bradford Children and Families Trust", "Bradford"),
    ("Slough Children First", "Slough"),
])
def test_printed_names_map_to_their_canonical_authority(printed, canonical):
    assert canonical_authority(printed) == canonical


@pytest.mark.parametrize("printed", ["Atlantis Borough Council", "Council", "Chelsea", "Thames", "Newcastle-under-Lyme"])
def test_a_name_not_in_the_file_is_never_forced_to_the_nearest(printed):
    assert canonical_authority(printed) is None


def test_the_file_holds_every_current_authority_and_its_reorganisations():
    current = [a for a in all_authorities() if a.until is None]
    assert len(current) == 153  # England's children's services authorities since April 2023
    assert authority("Northamptonshire").successors == ("North Northamptonshire", "West Northamptonshire")
    assert authority("Cumbria").successors == ("Cumberland", "Westmorland and Furness")
    assert set(authority("Bournemouth, Christchurch and Poole").predecessors) == {"Bournemouth", "Poole"}
    assert authority("Cumberland").since == date(2023, 4, 1)


def test_predecessors_and_successors_name_each_other():
    names = canonical_names()
    for a in all_authorities():
        for later in a.successors:
            assert later in names and a.name in authority(later).predecessors, (a.name, later)
            assert a.until is not None and authority(later).since is not None and a.until < authority(later).since
        for earlier in a.predecessors:
            assert earlier in names and a.name in authority(earlier).successors, (a.name, earlier)


def test_every_printed_name_belongs_to_one_authority():
    seen: dict[str, str] = {}
    for a in all_authorities():
        for printed in (a.name, *a.printed_as, *a.trusts):
            assert canonical_authority(printed) == a.name, printed
            assert seen.setdefault(printed.lower(), a.name) == a.name, printed


def test_the_splitter_reads_the_same_file():
    assert set(splitter_authorities.AUTHORITIES) == canonical_names()
    assert splitter_authorities.authorities_in("a letter to Hull City Council and the London Borough of Ealing") == [
        "Kingston upon Hull", "Ealing"]


def _inspection(lines: list[str]):
    result = parse_ofsted_inspection(text_document(lines))
    return next(r for r in result.records if r.table == "ofsted_inspections"), result.warnings


# The front page of St Helens 2019 (p1): the authority's name wrapped over two lines above the title.
ST_HELENS = ["1", "St Helens Metropolitan Borough", "Council", "Inspection of children\u2019s social care services",
             "Inspection dates: 23 September 2019 to 4 October 2019", "Lead inspector:  Lorna Schlechte",
             "Her Majesty\u2019s Inspector", "Judgement", "Grade", "Overall effectiveness", "Inadequate"]


def test_a_wrapped_name_above_the_title_is_read_whole():
    insp, _ = _inspection(ST_HELENS)
    assert (insp.local_authority, insp.local_authority_printed) == ("St Helens", "St Helens Metropolitan Borough Council")


def test_a_name_printed_on_the_title_line_and_a_name_inside_the_title():
    same_line = ["Barnsley Metropolitan Borough Council Inspection of children\u2019s social care services", *ST_HELENS[4:]]
    insp, _ = _inspection(same_line)
    assert (insp.local_authority, insp.framework) == ("Barnsley", "ILACS")
    # Kent 2022, p1: the council named inside the title, without `local authority`.
    kent = ["Inspection of Kent County Council", "children\u2019s services", "Inspection dates: 9 to 20 May 2022",
            *ST_HELENS[5:]]
    insp, _ = _inspection(kent)
    assert (insp.local_authority, insp.local_authority_printed, insp.framework) == ("Kent", "Kent County Council", "ILACS")


def test_a_trust_report_belongs_to_its_council():
    trust = ["Inspection of Doncaster Children\u2019s Services Trust", "Inspection dates: 9 to 20 May 2022", *ST_HELENS[5:]]
    insp, _ = _inspection(trust)
    assert (insp.local_authority, insp.local_authority_printed) == ("Doncaster", "Doncaster Children's Services Trust")


def test_an_unknown_name_stays_as_printed_with_a_warning():
    insp, warnings = _inspection(["1", "Atlantis Borough Council", *ST_HELENS[3:]])
    assert insp.local_authority == insp.local_authority_printed == "Atlantis Borough Council"
    assert any("'Atlantis Borough Council' is not in the list of authorities" in w for w in warnings)


def test_a_council_named_with_a_lower_case_link_word():
    # `Blackburn with Darwen`: `with` is part of the name, as `upon` is in `Kingston upon Thames`.
    insp, _ = _inspection(["1", "Blackburn with Darwen Borough", "Council", *ST_HELENS[3:]])
    assert (insp.local_authority, insp.local_authority_printed) == ("Blackburn with Darwen",
                                                                    "Blackburn with Darwen Borough Council")


def test_a_line_above_the_name_is_not_part_of_it():
    insp, warnings = _inspection(["Ofsted", "St Helens Metropolitan Borough", "Council", *ST_HELENS[3:]])
    assert (insp.local_authority, insp.local_authority_printed) == ("St Helens", "St Helens Metropolitan Borough Council")
    assert not any("not in the list of authorities" in w for w in warnings)


def test_monitoring_letters_record_the_canonical_name_too():
    from parsers.monitoring_letter.fields import normalise_authority

    assert normalise_authority("Hull City Council") == "Kingston upon Hull"
    assert normalise_authority("London Borough of Hammersmith & Fulham") == "Hammersmith and Fulham"
    assert normalise_authority("Gloucestershire") == "Gloucestershire"
    assert normalise_authority("Atlantis") == "Atlantis"  # unknown: as printed, never the nearest


@pytest.mark.parametrize("text, found", [
    ("MINUTES of the Kent County Council meeting", ["Kent"]),
    ("MinutesKent County Council", []),  # a name running on from a word is no name
    ("xCity of York Council", ["York"]),  # ... but one may start inside what ran on
    ("Medway and Kent; Bury", ["Medway", "Kent", "Bury"]),
])
def test_the_splitter_finds_names_standing_as_words(text, found):
    assert splitter_authorities.authorities_in(text) == found
