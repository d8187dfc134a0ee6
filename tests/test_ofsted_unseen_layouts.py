"""Ofsted layouts our corpus lacks: 2009-2013 reports, roman-numbered judgement labels, JTAI letters.

Two kinds of input:
- excerpts of real publications kept in corpus/fixtures/ofsted/ (their sources are in its README);
- small texts set in the layout of a framework we hold no copy of (the 2009-2013 reports'
  cover pages and judgement rows, JTAI letters). These are marked `set in the layout of`:
  they are not real reports, and test the rules, not any council's facts.
"""
from __future__ import annotations

from pathlib import Path

from improvement_helpers import document_from_text
from parsers.monitoring_letter import parse_monitoring_letter
from parsers.ofsted_inspection.titles import is_report_start
from parsers.common.ofsted_grades import grade_only, label_then_grade, normalise_grade
from parsers.ofsted_inspection import parse_ofsted_inspection

FIXTURES = Path(__file__).resolve().parents[1] / "corpus" / "fixtures" / "ofsted"


def _parse_report(lines: list[str]):
    return parse_ofsted_inspection(document_from_text("\n".join(lines) + "\n", "ofsted_inspection"))


def _inspection(result):
    return next(r for r in result.records if r.table == "ofsted_inspections")


def _judgements(result) -> dict[str, tuple[str, str]]:
    return {r.area: (r.area_label, r.grade) for r in result.records if r.table == "ofsted_judgements"}


def _visit(text: str):
    result = parse_monitoring_letter(document_from_text(text, "monitoring_letter"))
    return next(r for r in result.records if r.table == "monitoring_visits"), result


# ------------------------------------------------------------ 2009-2013 reports

# Set in the layout of a 2012-13 `arrangements for the protection of children` cover page: the title
# wrapped over three lines, the authority's one-word name under it, cover facts before `Published:`.
PROTECTION_COVER = [
    "Inspection of local authority",
    "arrangements for the protection",
    "of children",
    "Somerset",
    "Inspection dates: 3 – 14 June 2013",
    "Lead inspector: Jane Doe HMI",
    "Age group: All",
    "Published: 26 July 2013",
    "Reference no: 80060",
]

# Its body: each judgement a heading row over its paragraphs, the grade on the line after the heading.
PROTECTION_BODY = [
    "Contents",
    "About this inspection 2",
    "Overall effectiveness 4",
    "About this inspection",
    "1. This inspection was unannounced. Inspectors considered the effectiveness of the local",
    "authority and its partners in protecting children and young people.",
    "Overall effectiveness",
    "Inadequate",
    "12. The overall effectiveness of arrangements to protect children in Somerset is inadequate.",
    "Most children who are at risk of harm are identified and receive help to protect them.",
    "The effectiveness of the help and protection provided to",
    "children, young people, families and carers",
    "Inadequate",
    "20. Inspectors found a number of cases where not enough was done to protect children.",
    "The quality of practice",
    "Inadequate",
    "30. Assessments are too variable in quality, and a good assessment is rare.",
    "Leadership and governance",
    "Requires improvement",
    "40. Leaders have a good understanding of the strengths and weaknesses.",
]


def test_cover_facts_between_the_dates_and_published_do_not_end_the_header():
    insp = _inspection(_parse_report(PROTECTION_COVER))
    assert insp.published.isoformat() == "2013-07-26"  # printed after `Age group: All`
    assert (insp.inspection_start.isoformat(), insp.inspection_end.isoformat()) == ("2013-06-03", "2013-06-14")
    assert insp.lead_inspector == "Jane Doe"


def test_a_one_word_authority_under_the_title_is_not_part_of_the_title():
    insp = _inspection(_parse_report(PROTECTION_COVER))
    assert insp.title == "Inspection of local authority arrangements for the protection of children"
    assert (insp.local_authority, insp.local_authority_printed) == ("Somerset", "Somerset")
    assert insp.framework == "Arrangements for the protection of children"


def test_a_wrapped_title_tail_of_title_words_still_joins_the_title():
    lines = [
        "Inspection of services for children in need of help and protection, children looked after and care leavers",
        "and",
        "Review of the effectiveness of the Local Safeguarding",
        "Children Board",
        "Inspection dates: 9 October to 2 November 2017",
    ]
    insp = _inspection(_parse_report(lines))
    assert insp.title.endswith("Review of the effectiveness of the Local Safeguarding Children Board")


def test_judgements_printed_in_the_body_of_an_older_report_are_read():
    result = _parse_report(PROTECTION_COVER + PROTECTION_BODY)
    got = _judgements(result)
    assert got == {
        "overall": ("Overall effectiveness", "Inadequate"),
        "help_and_protection": (
            "The effectiveness of the help and protection provided to children, young people, families and carers",
            "Inadequate",
        ),
        "leadership": ("Leadership and governance", "Requires improvement"),
    }
    assert _inspection(result).overall_effectiveness == "Inadequate"
    # `The quality of practice` names no canonical area: not recorded, and no area left unread.
    assert not any(w.startswith("judgement not read") for w in result.warnings)


def test_the_overall_sentence_of_an_older_report_is_read_when_no_overall_row_is_printed():
    body = [line for line in PROTECTION_BODY if line not in ("Overall effectiveness",)]
    body.remove("Inadequate")  # the overall row's grade
    got = _judgements(_parse_report(PROTECTION_COVER + body))
    assert got["overall"] == ("The overall effectiveness of arrangements to protect children in Somerset", "Inadequate")


def test_body_judgements_are_not_read_for_frameworks_that_print_them_on_the_front_page():
    sif_front = [
        "Some Council",
        "Inspection of services for children in need of help and protection, children looked after and care leavers",
        "Inspection dates: 9 October to 2 November 2017",
        "Report published: 21 December 2017",
        "Executive summary",
        "Leadership and governance",
        "Good",
    ]
    result = _parse_report(sif_front)
    assert _judgements(result) == {}
    assert "no judgements read from the front page: layout not recognised" in result.warnings


def test_a_numbered_paragraph_introducing_timescaled_bullets_is_not_itself_a_recommendation():
    # Set in the layout of a 2012-13 report's `Areas for improvement`: an introducing paragraph, then
    # bullets under `Immediately:` / `Within three months:`, the bullets without full stops.
    lines = PROTECTION_COVER + [
        "Areas for improvement",
        "13. In order to improve the quality of help and protection given to children and young people in",
        "Somerset, the local authority and its partners should take the following action.",
        "Immediately:",
        "• ensure that all children in need of protection are seen promptly and that their",
        "views are recorded",
        "• ensure that strategy discussions include the police",
        "Within three months:",
        "• improve the quality of assessments so that they analyse risk",
        "About this inspection",
        "1. This inspection was unannounced.",
    ]
    recs = [r for r in _parse_report(lines).records if r.table == "ofsted_recommendations"]
    assert [r.text for r in recs] == [
        "ensure that all children in need of protection are seen promptly and that their views are recorded",
        "ensure that strategy discussions include the police",
        "improve the quality of assessments so that they analyse risk",
    ]
    assert [r.seq for r in recs] == [1, 2, 3] and all(r.printed_number is None for r in recs)


# Set in the layout of a 2009-2012 safeguarding and looked after children report: two parts, each
# with its own `Overall effectiveness`, grades as `Grade N (word)`.
SLAC = [
    "Inspection of safeguarding and looked",
    "after children services",
    "Reading Borough Council",
    "Inspection dates: 6 – 17 February 2012",
    "Reporting inspector: Joan Smith HMI",
    "Age group: All",
    "Published: 23 March 2012",
    "About this inspection",
    "1. The purpose of the inspection is to evaluate the contribution made by relevant services.",
    "Safeguarding services",
    "Overall effectiveness",
    "Grade 3 (adequate)",
    "8. The overall effectiveness of safeguarding services is adequate.",
    "Capacity for improvement",
    "Grade 2 (good)",
    "Services for looked after children",
    "Overall effectiveness               Grade 2 (good)",
    "50. The overall effectiveness of services for looked after children is good.",
]


def test_each_part_of_a_safeguarding_and_looked_after_children_report_keeps_its_own_judgement():
    result = _parse_report(SLAC)
    got = _judgements(result)
    assert got == {
        "help_and_protection": ("Safeguarding services: Overall effectiveness", "Adequate"),
        "children_in_care": ("Services for looked after children: Overall effectiveness", "Good"),
    }
    insp = _inspection(result)
    assert insp.overall_effectiveness is None  # two part judgements, no single overall: not guessed
    assert any("no single overall effectiveness" in w for w in result.warnings)
    assert insp.published.isoformat() == "2012-03-23"


def test_numbered_grades_normalise_to_their_word():
    assert normalise_grade("Grade 3 (adequate)") == "Adequate"
    assert normalise_grade("grade 1 (Outstanding)") == "Outstanding"
    assert grade_only("Grade 4 (inadequate)") == "Grade 4 (inadequate)"
    assert label_then_grade("Overall effectiveness   Grade 2 (good)") == ("Overall effectiveness", "Grade 2 (good)")
    assert normalise_grade("Grade 3") is None  # the number alone is not read as a word


def test_roman_numbered_judgement_labels_lose_their_numbers():
    lines = [
        "Some Council",
        "Inspection of services for children in need of help and protection, children looked after and care leavers",
        "Inspection dates: 9 October to 2 November 2017",
        "Report published: 21 December 2017",
        "Children's services in Some Council require improvement to be good",
        "i. Children who need help and protection Requires improvement",
        "ii. Children looked after and achieving permanence Requires improvement",
        "ii.i Adoption performance Good",
        "(iii) Leadership, management and governance Good",
        "Executive summary",
    ]
    got = _judgements(_parse_report(lines))
    assert got["help_and_protection"] == ("Children who need help and protection", "Requires improvement")
    assert got["adoption"] == ("Adoption performance", "Good")
    assert got["leadership"] == ("Leadership, management and governance", "Good")


# ------------------------------------------------------------ a real SIF front page (2015)


def test_real_2015_front_page_with_wrapped_grades_and_singular_inspection_date():
    text = (FIXTURES / "windsor-and-maidenhead-2015-front.txt").read_text(encoding="utf-8")
    result = parse_ofsted_inspection(document_from_text(text, "ofsted_inspection"))
    insp = _inspection(result)
    assert (insp.local_authority, insp.framework) == ("Windsor and Maidenhead", "SIF")
    assert (insp.inspection_start.isoformat(), insp.inspection_end.isoformat()) == ("2015-03-03", "2015-03-25")
    assert insp.published.isoformat() == "2015-05-13"
    got = {area: grade for area, (_, grade) in _judgements(result).items()}
    assert got == {area: "Requires improvement" for area in
                   ("overall", "help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership")}


# ------------------------------------------------------------ letters

# Set in the layout of a 2017 JTAI letter: letterhead, date, a list of addressees, `Dear local partners`.
JTAI_2017 = """Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD
T 0300 123 1231
enquiries@ofsted.gov.uk

20 April 2017

Jane Doe, Director of Children's Services, Hampshire County Council
John Roe, Chief Executive, Hampshire County Council
Ann Poe, Accountable Officer, North Hampshire Clinical Commissioning Group
Olivia Poe, Chief Constable, Hampshire Constabulary
Michael Lane, Police and Crime Commissioner for Hampshire
Derek Smith, Chair of Hampshire Local Safeguarding Children Board

Dear local partners

Joint targeted area inspection of the multi-agency response to abuse and neglect in Hampshire

Between 20 and 24 February 2017, Ofsted, the Care Quality Commission (CQC), HMI Constabulary (HMIC) and HMI Probation (HMIP) undertook a joint inspection of the multi-agency response to abuse and neglect in Hampshire.

This letter to all the service leaders in the area outlines our findings.

Key strengths

Partners work well together at the front door.

Yours sincerely

Eleanor Schooling
National Director, Social Care, Ofsted
"""

# Set in the layout of a 2023 JTAI letter: the area alone in the subject, the dates in their own sentence.
JTAI_2023 = """24 July 2023

Dear local partners

Joint targeted area inspection of Sunderland

This letter summarises the findings of the joint targeted area inspection (JTAI) of the multi-agency response to children and families who need help in Sunderland.

This inspection took place from 5 to 9 June 2023. It was carried out by inspectors from Ofsted, the Care Quality Commission (CQC) and His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS).

Headline findings

Children and families in Sunderland benefit from a strong partnership.

Yours sincerely

Yvette Stanley
National Director, Regulation and Social Care, Ofsted
"""


def test_jtai_letter_is_typed_and_its_area_and_dates_read():
    visit, result = _visit(JTAI_2017)
    assert visit.visit_kind == "joint targeted area inspection"
    assert visit.local_authority == "Hampshire"
    assert (visit.visit_start.isoformat(), visit.visit_end.isoformat()) == ("2017-02-20", "2017-02-24")
    assert visit.letter_date.isoformat() == "2017-04-20"
    # The partner inspectorates are organisations, not inspectors; the letter names none: empty, warned.
    assert visit.inspectors == []
    assert any("inspectors not found" in w for w in result.warnings)
    assert visit.visit_number is None and not any("visit number" in w for w in result.warnings)


def test_jtai_letter_with_the_area_alone_in_its_subject_and_dates_in_a_sentence_of_their_own():
    visit, _ = _visit(JTAI_2023)
    assert (visit.visit_kind, visit.local_authority) == ("joint targeted area inspection", "Sunderland")
    assert (visit.visit_start.isoformat(), visit.visit_end.isoformat()) == ("2023-06-05", "2023-06-09")
    assert visit.visit_dates_text == "5 to 9 June 2023"
    assert visit.inspectors == []


def test_real_monitoring_letter_opening_his_majestys_inspectors_and_visit_number():
    body = (FIXTURES / "bcp-2022-monitoring-letter.txt").read_text(encoding="utf-8")
    # A synthetic head and sign-off around the real paragraphs (the copy we hold has neither).
    text = ("Dear Director\n\nMonitoring visit to Bournemouth, Christchurch and Poole children's services\n\n"
            + body + "\nYours sincerely\n\nSteve Lowe\nHis Majesty's Inspector\n")
    visit, result = _visit(text)
    assert visit.visit_kind == "monitoring visit" and visit.visit_number == 2
    assert visit.local_authority == "Bournemouth, Christchurch and Poole"
    assert visit.inspectors == ["Steve Lowe", "Louise Hocking"]
    assert (visit.visit_start.isoformat(), visit.visit_end.isoformat()) == ("2022-10-04", "2022-10-05")
    areas = [r.text for r in result.records if r.table == "monitoring_visit_areas"]
    assert len(areas) == 2 and areas[1].startswith("The timeliness of social work intervention")


def test_ofsted_letters_are_recognised_even_when_dear_is_below_the_lines_shown():
    head = [t for t in JTAI_2017.splitlines() if t.strip()][:12]  # letterhead, date, addressees: no `Dear`
    assert is_report_start(head) == "monitoring_letter"
    assert is_report_start(["Dear local partners", "Joint targeted area inspection of Sunderland"]) == "monitoring_letter"
    # A council report titled like a visit letter, with no date or salutation, is not a letter.
    assert is_report_start(["Agenda item 6", "Monitoring visit to Kent children's services",
                            "Report of the Corporate Director"]) is None
    assert is_report_start(PROTECTION_COVER) == "ofsted_inspection"


def test_dates_of_inspection_label_gives_the_inspection_dates():
    # Set in the layout of a cover page that says "Dates of inspection" rather than "Inspection dates".
    lines = ["Inspection of services for children in need of help and protection, children looked after and care leavers",
             "Anytown Borough Council", "", "Dates of inspection: 3 March 2014 - 26 March 2014",
             "Report published: 9 May 2014", "Lead inspector: Jane Doe HMI", "",
             "Overall effectiveness Requires improvement"]
    inspection = _inspection(_parse_report(lines))
    assert (inspection.inspection_start.isoformat(), inspection.inspection_end.isoformat()) == ("2014-03-03", "2014-03-26")
