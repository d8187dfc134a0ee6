"""Reading rules the ofsted-national sample taught, on lines taken from those reports (page cited per test)."""
from __future__ import annotations

from parsers.common.text import join_words
from parsers.ofsted_inspection import parse_ofsted_inspection
from tests.ofsted_helpers import text_document


def _parsed(lines: list[str]):
    result = parse_ofsted_inspection(text_document(lines))
    inspection = next(r for r in result.records if r.table == "ofsted_inspections")
    recs = [r.text for r in result.records if r.table == "ofsted_recommendations"]
    return inspection, recs


# Stoke-on-Trent 2019, p1-p2 (shortened): `What needs to improve:` with a colon.
STOKE = [
    "1", "Stoke-on-Trent City Council", "Inspection of children\u2019s social care services",
    "Inspection dates: 4 to 15 February 2019", "Lead inspector: Neil Penswick HMI", "Judgement", "Grade",
    "Overall effectiveness", "Inadequate",
    "Children are not being protected, and they experience serious and widespread delays in having their needs met.",
    "What needs to improve:",
    "\u25fc The system for tracking children who are missing education.",
    "\u25fc The quality of case recording so that children\u2019s progress can be properly tracked.",
    "The experiences and progress of children who need help and",
    "protection is: inadequate",
]


def test_a_heading_ending_in_a_colon_opens_the_list():
    insp, recs = _parsed(STOKE)
    assert insp.lead_inspector == "Neil Penswick"
    assert recs == ["The system for tracking children who are missing education.",
                    "The quality of case recording so that children's progress can be properly tracked."]


def test_a_framework_tag_wrapped_onto_its_own_line_stays_with_its_item():
    # Liverpool 2026, p2: the last bullet's tag is printed on the line after its full stop.
    lines = STOKE[:10] + [
        "What needs to improve?1",
        "\u25fc The quality of pathway plans for care leavers. (Outcome 4, national framework)",
        "\u25fc The response to care leavers who are not in employment, education and training.",
        "(Outcome 4, national framework)",
        "The experiences and progress of children who need help and",
    ]
    _, recs = _parsed(lines)
    assert recs[-1] == ("The response to care leavers who are not in employment, education and training. "
                        "(Outcome 4, national framework)")
    assert len(recs) == 2


def test_lead_inspector_on_site_and_a_bracketed_rank():
    # Hammersmith and Fulham 2016, p43: `Lead inspector on site: Pietro Battista`.
    on_site = STOKE[:4] + STOKE[5:] + ["The inspection team", "Lead inspector on site: Pietro Battista",
                                       "Deputy lead inspector: Paula Thomson-Jones"]
    assert _parsed(on_site)[0].lead_inspector == "Pietro Battista"
    bracketed = STOKE[:4] + ["Lead inspector: Jane Smith (HMI)"] + STOKE[5:]
    assert _parsed(bracketed)[0].lead_inspector == "Jane Smith"


def test_a_suspended_hyphen_keeps_its_space():
    # Bexley 2023, p2: `... privately fostered, 16-` / `and 17-year-olds who present as homeless`.
    assert join_words(["privately fostered, 16-", "and 17-year-olds"]) == "privately fostered, 16- and 17-year-olds"
    assert join_words(["in pre-", "proceedings"]) == "in pre-proceedings"
    assert join_words(["up-", "to-date information"]) == "up-to-date information"


# The cover of a 2009-2013 report: facts between the dates and `Published:`, which sits lower on page 1.
OLDER_COVER = [
    "Inspection of services for looked after children", "Anytown Borough Council",
    "Inspection dates: 4 \u2013 15 March 2013", "Age group: All", "Reference no: 80060",
    "Reporting inspector: Jane Smith HMI",
    "The inspection judgements and what they mean are set out in the report, with the evidence for each.",
    "Published: 26 April 2013",
    "published in 2012, the last report found services adequate in most respects and good in some.",
]


def test_a_published_label_lower_on_the_cover_is_the_publication_date():
    insp, _ = _parsed(OLDER_COVER)
    assert insp.published.isoformat() == "2013-04-26"
    assert insp.inspection_end.isoformat() == "2013-03-15"
    # Only a labelled date counts: a wrapped sentence opening `published in 2012` is not one.
    assert _parsed(OLDER_COVER[:7] + OLDER_COVER[8:])[0].published is None


def test_a_team_label_run_onto_the_lead_line_is_not_part_of_the_name():
    lines = OLDER_COVER[:5] + ["Reporting inspector: Jane Smith Deputy lead inspector: Tom Jones"] + OLDER_COVER[6:]
    assert _parsed(lines)[0].lead_inspector == "Jane Smith"
