"""Recorded votes (issue 15): the eight divisions of Kent County Council's 13 February 2025 minutes are
checked field by field against corpus/golden (`extract golden`); here, the rules on an edited copy of
that text (corpus/fixtures/minutes/recorded-vote-variants.txt) and on the real PDF."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.reading import read_source
from extract.splitting import split_source
from extract.splitting.document import make_document
from parsers.minutes import parse_minutes
from parsers.minutes.member_key import member_key
from schemas.meetings import Vote, VoteMember

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "corpus" / "fixtures" / "minutes" / "recorded-vote-variants.txt"
KCC = ROOT / ".." / "shared" / "corpus" / "moderngov" / "kent-county-council-2025-02-13-minutes.pdf"


def _parse_fixture():
    source = read_source(FIXTURE)
    return parse_minutes(make_document(source, source.lines, "minutes"))


def _votes(result) -> list[Vote]:
    return [r for r in result.records if isinstance(r, Vote)]


def _members(result, vote_number: int, position: str) -> list[str]:
    return [r.name for r in result.records
            if isinstance(r, VoteMember) and r.vote_number == vote_number and r.position == position]


def test_count_headings_with_colons_and_brackets_in_capitals_both_read():
    result = _parse_fixture()
    votes = _votes(result)
    assert [(v.item_number, v.paragraph, v.motion_kind) for v in votes] == [("290", "(3)", "motion"), ("291", "(8)", "amendment")]
    assert [(v.for_count, v.against_count, v.abstain_count) for v in votes] == [(5, 0, 3), (2, 4, 1)]
    assert _members(result, 2, "for") == ["Mr Baldock", "Mr Lewis"]  # names on the heading's own line
    assert _members(result, 2, "abstain") == ["Mr Ross"]


def test_honours_stay_with_the_name_and_a_name_wrapped_after_its_title_is_one_member():
    result = _parse_fixture()
    assert _members(result, 1, "for") == ["Mr Baker", "Mr Baldock", "Sir Paul Carter, CBE", "Mr Hill, OBE", "Ms Wright"]
    carter = next(r for r in result.records if isinstance(r, VoteMember) and r.name.startswith("Sir Paul"))
    assert (carter.title, carter.post_nominals, carter.member_key) == ("Sir", "CBE", "paul carter")


def test_a_printed_count_that_differs_from_the_names_is_kept_and_warned_about():
    result = _parse_fixture()
    first = _votes(result)[0]
    assert first.abstain_count == 3 and _members(result, 1, "abstain") == ["Mr B Lewis", "Mr D Ross"]
    assert first.names_match_counts is False
    assert any("vote 1" in w and "abstain printed (3) but 2 named" in w for w in result.warnings)
    assert _votes(result)[1].names_match_counts is True


def test_the_motion_is_the_quoted_text_of_the_paragraph_the_question_names():
    first, second = _votes(_parse_fixture())
    assert first.motion.startswith("Pursuant to section 25") and first.motion.endswith("note this report.")
    assert second.motion.startswith("To amend the budget")
    assert (first.outcome, first.outcome_text) == ("carried", "Motion carried.")


def test_an_outcome_not_printed_is_left_empty_with_a_warning():
    result = _parse_fixture()
    assert _votes(result)[1].outcome is None
    assert any("vote 2" in w and "outcome not printed" in w for w in result.warnings)


def test_for_with_a_number_outside_a_vote_is_no_vote():
    # "(10) The Committee noted that For (3) of the 5 schemes ..." follows no question put to the vote.
    assert len(_votes(_parse_fixture())) == 2


@pytest.mark.skipif(not KCC.exists(), reason="shared corpus not mounted")
def test_every_vote_of_the_county_council_minutes_lists_as_many_names_as_it_counts():
    source = read_source(KCC)
    doc = next(d for d in split_source(source) if d.doc_type == "minutes")
    result = parse_minutes(doc)
    votes = _votes(result)
    assert len(votes) == 8
    for vote in votes:
        for position, count in (("for", vote.for_count), ("against", vote.against_count), ("abstain", vote.abstain_count)):
            assert len(_members(result, vote.vote_number, position)) == count
    assert not any(w.startswith("votes:") for w in result.warnings)


@pytest.mark.parametrize("printed, title, key", [
    ("Sir Paul Carter, CBE", None, "paul carter"),
    ("Paul Carter", "Sir", "paul carter"),
    ("B J Sweetland", "Mr", "b j sweetland"),
    ("Mr Hill, OBE", None, "hill"),
    ("Dr A. Miller", "Cllr", "a miller"),
    ("Sweetland (Chairman)", "Mr", "sweetland"),
    ("\tJ  O’Brien\u00a0", "Ms", "j o'brien"),  # any whitespace is one space; a curly apostrophe is straight
    ("A. M`Kay", None, "a m'kay"),
])
def test_member_key_strips_titles_and_honours_and_keeps_printed_initials(printed, title, key):
    assert member_key(printed, title) == key


def test_a_count_printed_after_the_names_on_the_headings_line(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace("FOR (2) Mr Baldock, Mr Lewis", "FOR: Mr Baldock and Mr Lewis (2)")
    text = text.replace("AGAINST (4)\n\nMr Baker, Sir Paul Carter, CBE, Mr Hill, OBE, Ms Wright",
                        "AGAINST: Mr Baker, Sir Paul Carter, CBE, Mr Hill, OBE, Ms Wright (4)")
    assert text.count("(2)") and "AGAINST: Mr Baker" in text
    edited = tmp_path / "count-after-names.txt"
    edited.write_text(text, encoding="utf-8")
    source = read_source(edited)
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    second = _votes(result)[1]
    assert (second.for_count, second.against_count, second.abstain_count, second.names_match_counts) == (2, 4, 1, True)
    assert _members(result, 2, "for") == ["Mr Baldock", "Mr Lewis"]
    assert _members(result, 2, "against") == ["Mr Baker", "Sir Paul Carter, CBE", "Mr Hill, OBE", "Ms Wright"]
