"""Minutes printed the way other councils print them (corpus/fixtures/minutes/, sources in its README).

Each fixture keeps one real council's layout: running-text attendance and dash-run-on items
(North Lincolnshire), grouped attendance lists (a schools forum), apologies naming substitutes
(a health and wellbeing board), "23/5" and "C 10/034" minute numbers, full Council chaired by a
Mayor, one person a line with ", post", CMIS heading lines with titles above "1001 ..." numbers.
The same rules are then checked on PDFs built from the texts, where lines come from word positions.
"""
from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pymupdf
import pytest

from extract.reading import read_source
from extract.splitting.document import make_document
from parsers.minutes import is_minutes_start, minutes_kind, parse_minutes
from parsers.minutes.header import to_time
from parsers.minutes.items import _follows
from parsers.minutes.names import parse_person
from pdf_factory import text_pdf
from schemas.meetings import Attendance, Declaration, Meeting, MinuteItem, Resolution

FIXTURES = Path(__file__).resolve().parents[1] / "corpus" / "fixtures" / "minutes"


def _parse_text(name: str):
    source = read_source(FIXTURES / name)
    return parse_minutes(make_document(source, source.lines, "minutes"))


def _meeting(result) -> Meeting:
    return next(r for r in result.records if isinstance(r, Meeting))


def _people(result) -> dict[tuple[str, bool], Attendance]:
    return {(r.name, r.present): r for r in result.records if isinstance(r, Attendance)}


def _items(result) -> list[tuple[str, str]]:
    return [(r.item_number, r.title) for r in result.records if isinstance(r, MinuteItem)]


def _resolutions(result) -> list[tuple[str | None, str, str | None]]:
    return [(r.item_number, r.text, r.kind) for r in result.records if isinstance(r, Resolution)]


# --- running text, no opening sentence (North Lincolnshire) --------------------------------------

def test_running_text_attendance_and_items_that_run_on_after_a_dash():
    result = _parse_text("scrutiny-panel-running-text.txt")
    meeting = _meeting(result)
    assert (meeting.council, meeting.committee, meeting.meeting_date) == (
        "North Lincolnshire Council", "Children and Young People Scrutiny Panel", date(2011, 3, 21))
    assert meeting.venue == "Pittwood House, Scunthorpe"  # "The panel met at ..."
    people = _people(result)
    assert people[("Walsh", True)].role == "chair" and people[("Walsh", True)].title == "Councillor"
    assert {n for (n, _), p in people.items() if p.role == "member"} == {"Barker", "Carey", "C Shaw", "P Vine", "Whitton"}
    assert people[("A Dunmore", True)].role == "co_opted"
    assert people[("A Dunmore", True)].position == "Parent Governor Representative"
    assert len(people) == 8  # "The panel met at Pittwood House" is no one
    items = {r.item_number: r for r in result.records if isinstance(r, MinuteItem)}
    assert items["220"].title == "PUBLIC REQUESTS TO SPEAK"
    assert items["220"].text == "There were no public requests received."
    assert items["219"].title.endswith("DECLARATIONS OF WHIPPING ARRANGEMENTS (IF ANY)")
    assert (items["221"].title, items["221"].agenda_item) == ("SCRUTINY OVERVIEW", "28")
    assert items["222"].title == "QUESTIONS TO ASK IF YOU'RE SCRUTINISING SERVICES FOR LOOKED AFTER CHILDREN"
    assert not [r for r in result.records if isinstance(r, Declaration)]
    assert ("222", "Resolved – That the document be noted.", "resolved") in _resolutions(result)


# --- grouped attendance, apologies listed under a colon (schools forum) -------------------------

def test_grouped_attendance_and_apologies_listed_below():
    result = _parse_text("schools-forum-groups.txt")
    meeting = _meeting(result)
    assert meeting.committee == "Schools Forum" and meeting.meeting_date == date(2012, 1, 18)
    assert (meeting.start_time, meeting.end_time) == (time(8, 5), time(10, 15))
    assert meeting.venue == "Titus Salt School"  # the opening stops at its paragraph's end
    assert meeting.council is None and any(w.startswith("council") for w in result.warnings)
    people = _people(result)
    assert people[("Sue Manning", True)].role == "chair"
    assert people[("Peter Mayhew", True)].role == "member"  # "Non school members:"
    assert people[("Tony Rickards", True)].role == "substitute" and people[("Tony Rickards", True)].title == "Dr"
    assert people[("Lynn Murdoch", True)].role == "other"  # "Observers:"
    assert people[("Sarah Northam", True)].role == "other"  # "Sarah" / "Northam" wrapped in a comma list
    assert people[("Sarah Bryant", True)].role == "other"
    assert not [n for (n, _) in people if ":" in n or "members" in n.lower()]
    absent = {n for (n, present) in people if not present}
    assert absent == {"Gillian Jameson", "Nick Wellard", "Linda Nuttall", "Ann Foster"}
    assert ("4", "Agreed: That the allocation of £256,000 be recommended to the Council.", "agreed") in _resolutions(result)


# --- apologies naming who attended instead (health and wellbeing board) -------------------------

def test_apologies_with_substitutes_and_disclosed_interests():
    result = _parse_text("hwb-apologies-substitutes.txt")
    meeting = _meeting(result)
    assert meeting.start_time == time(10, 0)  # "held on ... at 10.00 am at Council Chamber"
    assert meeting.venue == "Council Chamber - County Offices, Kendal"
    people = _people(result)
    assert not people[("D Blackburn", False)].present
    horner = people[("H Horner", True)]
    assert (horner.role, horner.substitute_for, horner.title) == ("substitute", "D Blackburn", "Ms")
    assert people[("D Robins", True)].substitute_for == "K Fairley"
    assert ("D Walkden", True) in people and ("I Johns", False) in people
    decl = [(d.name, d.title, d.item_number) for d in result.records if isinstance(d, Declaration)]
    assert decl == [("P Whitfield", "Cllr", "4")]
    assert ("4", "RESOLVED, that (1) the strategy be endorsed; (2) a further report be received in July 2019.",
            "resolved") in _resolutions(result)


# --- "23/5" numbers, "A meeting of ... was held" (Middlesbrough) ---------------------------------

def test_year_slash_minute_numbers():
    result = _parse_text("scrutiny-year-slash-numbers.txt")
    meeting = _meeting(result)
    assert meeting.committee == "Children and Young People's Scrutiny Panel"
    assert meeting.meeting_date == date(2023, 9, 18)
    assert [n for n, _ in _items(result)] == ["23/5", "23/6", "23/7", "23/8"]
    assert dict(_items(result))["23/7"] == "SETTING THE SCRUTINY PANEL'S WORK PROGRAMME - 2023/2024"
    people = _people(result)
    assert people[("Z Uddin", True)].role == "cabinet_member"  # "Executive Member for Education"
    assert people[("E Clyde", True)].role == "vice_chair"
    assert ("23/7", "AGREED that the panel's work programme for 2023/24 be approved.", "agreed") in _resolutions(result)


# --- full Council chaired by the Mayor, "C 10/034" numbers (Tonbridge and Malling) ---------------

def test_full_council_mayor_and_coded_minute_numbers():
    result = _parse_text("full-council-mayor.txt")
    meeting = _meeting(result)
    assert meeting.meeting_date == date(2010, 5, 11)  # a heading line, not the "20 April 2010" minuted later
    people = _people(result)
    mayor = people[("S M Murley", True)]
    assert (mayor.role, mayor.title) == ("chair", "Councillor Mrs")
    assert people[("B J Luke", True)].role == "vice_chair"
    assert people[("P Bateman", True)].title == "Councillor Mrs"
    assert people[("M A Coffey", True)].title == "Councillor"
    assert people[("F A Kemble", False)].title == "Councillor Mrs"
    assert len(people) == 9
    assert [n for n, _ in _items(result)] == ["C 10/034", "C 10/035", "C 10/036", "C 10/037"]
    decl = next(r for r in result.records if isinstance(r, Declaration))
    assert (decl.name, decl.item_number) == ("M A Coffey", "C 10/038")


# --- one person a line, a running header above the opening (Haverfordwest) -----------------------

def test_one_person_a_line_and_a_running_header():
    result = _parse_text("town-council-one-per-line.txt")
    meeting = _meeting(result)
    assert meeting.committee == "Full Council" and meeting.start_time == time(19, 0)
    assert meeting.meeting_date == date(2017, 9, 20)
    assert [n for n, _ in _items(result)] == ["1358", "1359", "1360"]  # "88/17" above the opening is no minute
    people = _people(result)
    assert people[("A Buckley", True)].role == "chair"  # "(Mayor)"
    chaplain = people[("N Cole", False)]
    assert (chaplain.title, chaplain.position) == ("Rev Fr", "Mayor's Chaplain")
    assert people[("M Cavan", False)].position == "PCC Link Officer"
    assert people[("D Thomson", True)].role == "officer"  # "..., was in attendance."
    assert not [n for (n, _) in people if "Clerk" in n or "Chaplain" in n]


# --- CMIS: heading lines, titles above the minute number (Birmingham); five-digit minute numbers ----------------------------

def test_cmis_heading_lines_and_titles_above_numbers():
    result = _parse_text("cmis-cabinet.txt")
    meeting = _meeting(result)
    assert (meeting.council, meeting.committee) == ("Birmingham City Council", "Cabinet")
    assert (meeting.meeting_date, meeting.start_time, meeting.end_time) == (date(2023, 2, 14), time(10, 0), time(11, 46))
    assert meeting.venue.startswith("COMMITTEE ROOMS 3 & 4, COUNCIL HOUSE")
    people = _people(result)
    assert people[("Ian Warde", True)].role == "chair"  # "Leader in the Chair"
    assert people[("Brigid Jonas", True)].position == "Deputy Leader"  # entries parted by ";"
    assert ("Jayne Frances", True) in people
    assert people[("Deborah Cadwell", True)].role == "officer"
    assert people[("Robert Aldern", True)].role == "other"  # a councillor with a post, not an officer
    assert {n for (n, present) in people if not present} == {"John Cotter", "Mariam Khalil"}
    assert _items(result) == [("1001", "NOTICE OF RECORDING/WEBCAST"), ("1002", "DECLARATIONS OF INTERESTS"),
                              ("1003", "APOLOGIES"), ("1004", "CHILDREN'S SERVICES IMPROVEMENT PLAN")]
    first = next(r for r in result.records if isinstance(r, MinuteItem))
    assert first.text.startswith("The Chair advised")
    assert ("1004", "(i) Approved the improvement plan; (ii) Delegated authority to the Strategic Director to agree "
            "minor changes.", "resolved") in _resolutions(result)


# --- "At a Meeting of ...", group labels, "X substituted for Y" (Durham) --------------------------

def test_at_a_meeting_of_and_substitutes_minuted_in_an_item():
    result = _parse_text("oss-committee-groups.txt")
    meeting = _meeting(result)
    assert meeting.committee == "Children and Young People's Overview and Scrutiny Committee"
    assert (meeting.meeting_date, meeting.start_time) == (date(2024, 1, 8), time(9, 30))
    assert meeting.venue == "Committee Room 2, County Hall, Durham"
    people = _people(result)
    assert people[("C Hoodless", True)].role == "chair"
    assert people[("M Simms", True)].role == "member"  # under "Members of the Committee:"
    assert people[("D Kinsey", True)].role == "co_opted"  # under "Co-opted Members:"
    reeder = people[("A Reeder", True)]
    assert (reeder.role, reeder.substitute_for) == ("substitute", "D Mullen")
    assert ("6", "That the report be noted.", "resolved") in _resolutions(result)


# --- "Present:-" labels with qualifiers, surnames joined by "and" (Slough) -----------------------

def test_dash_labels_and_surnames_under_a_plural_title():
    result = _parse_text("cpp-dash-labels.txt")
    meeting = _meeting(result)
    assert (meeting.start_time, meeting.end_time) == (time(18, 30), time(20, 15))  # the closing note
    people = _people(result)
    assert ("Kellett", True) in people and ("Sadler", True) in people  # "Kellett and Sadler"
    assert people[("Bainbridge", True)].role == "vice_chair"
    assert people[("Stratton", True)].role == "other"  # "Also present under Rule 30:-"
    assert not [n for (n, _) in people if "Rule" in n]
    assert people[("Hulmes", False)].title == "Councillor"
    assert [n for n, _ in _items(result)] == ["28", "29", "30", "31"]


# --- lettered sub-items and "X for Y" substitutions (Brighton & Hove) ----------------------------

def test_lettered_sub_items():
    result = _parse_text("lettered-sub-items.txt")
    meeting = _meeting(result)
    assert meeting.council == "Brighton & Hove City Council"
    assert meeting.committee == "Children & Young People's Overview & Scrutiny Committee"
    assert (meeting.meeting_date, meeting.start_time, meeting.end_time) == (date(2008, 6, 25), time(17, 0), time(19, 10))
    assert _items(result) == [
        ("1", "PROCEDURAL BUSINESS"), ("1a", "Declarations of substitutions"), ("1b", "Declarations of interests"),
        ("1c", "Exclusion of Press and Public"), ("2", "MINUTES OF THE PREVIOUS MEETING"),
        ("3", "CHAIRMAN'S COMMUNICATIONS")]
    assert ("1c", "RESOLVED - That the press and public be not excluded from the meeting.", "resolved") in _resolutions(result)
    people = _people(result)
    assert people[("Pigeon", True)].role == "vice_chair" and ("Weston", True) in people  # "Pigeon (Deputy Chairman) and Weston"
    sub = people[("Pete Weston", True)]
    assert (sub.role, sub.substitute_for) == ("substitute", "Ben Dunn")
    assert not [r for r in result.records if isinstance(r, Declaration)]


# --- a hand-made Word layout: label lines, a name / role table -----------------------------------

def _check_word_table(result):
    meeting = _meeting(result)
    assert meeting.committee == "Corporate Parenting Board"
    assert (meeting.meeting_date, meeting.start_time, meeting.end_time) == (date(2024, 3, 12), time(16, 30), time(18, 0))
    assert meeting.venue == "Room 2, Town Hall, Bedwell"
    people = _people(result)
    assert people[("Alison Smyth", True)].role == "chair"
    assert people[("Brian Jonson", True)].role == "vice_chair"
    assert people[("Carol Whyte", True)].role == "member" and people[("Carol Whyte", True)].position is None
    dowd = people[("Jane Dowd", True)]
    assert (dowd.role, dowd.position) == ("officer", "Director of Children's Services")
    assert people[("Mary Browne", False)].position == "Designated Nurse for Children in Care"
    assert len(people) == 7  # no "Chair" or "Member" taken for a person
    assert [n for n, _ in _items(result)] == ["1", "2", "3", "4"]
    assert ("4", "Agreed: The Board endorsed the revised local offer.", "agreed") in _resolutions(result)


def test_word_table_layout_from_text():
    _check_word_table(_parse_text("word-table-layout.txt"))


def test_word_table_layout_from_a_pdf(tmp_path):
    """The role column stands apart from the name by a gap the PDF's word positions keep."""
    text = (FIXTURES / "word-table-layout.txt").read_text().replace("–", "-").replace("’", "'")
    source = read_source(text_pdf(tmp_path / "board.pdf", [text]))
    _check_word_table(parse_minutes(make_document(source, source.lines, "minutes")))


# --- declarations printed as a table (Middlesbrough) ----------------------------------------------

@pytest.mark.parametrize("from_pdf", [False, True])
def test_declarations_printed_as_a_table(tmp_path, from_pdf):
    if from_pdf:
        text = (FIXTURES / "declarations-table.txt").read_text().replace("–", "-").replace("’", "'")
        source = read_source(text_pdf(tmp_path / "decl.pdf", [text]))
        result = parse_minutes(make_document(source, source.lines, "minutes"))
    else:
        result = _parse_text("declarations-table.txt")
    decl = [(d.title, d.name, d.interest, d.item_number) for d in result.records if isinstance(d, Declaration)]
    assert [d[:2] for d in decl] == [("Councillor", "E Clayton"), ("Councillor", "D Jacks")]
    assert decl[0][2].startswith("Non-Pecuniary; Teacher") and decl[0][3] is None
    assert decl[1][3] == "23/7"  # the item named in the "Item/Nature of Interest" cell
    item = next(r for r in result.records if isinstance(r, MinuteItem) and r.item_number == "23/6")
    assert "Name of Member Type of Interest" in item.text


def test_declarations_listed_one_a_line():
    result = _parse_text("declarations-listed.txt")
    assert _meeting(result).meeting_date == date(2020, 3, 5)  # "5 Mar 2020"
    decl = [(d.title, d.name, d.item_number) for d in result.records if isinstance(d, Declaration)]
    assert decl == [("Cllr", "C Irwin", "3"), ("Mrs", "B Hall", "4")]
    first = next(d for d in result.records if isinstance(d, Declaration))
    assert first.interest == "Item 3 – personal interest as a governor of Oak Primary School" and first.line == 7


# --- the splitter's recogniser -----------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_every_layout_is_recognised_as_minutes(name):
    lines = (FIXTURES / name).read_text().splitlines()[:40]
    assert is_minutes_start(lines) and minutes_kind(lines) == "minutes"


def test_a_report_mentioning_minutes_is_not_recognised():
    lines = ["Report to Cabinet", "14 February 2023", "The minutes of the meeting held on 10 January were agreed.",
             "Present position", "1. Introduction"]
    assert minutes_kind(lines) is None


# --- the same layouts from PDFs ----------------------------------------------------------------

@pytest.mark.parametrize("name, people, items", [
    ("scrutiny-panel-running-text.txt", 8, ["219", "220", "221", "222"]),
    ("hwb-apologies-substitutes.txt", 12, ["1", "2", "3", "4"]),
    ("cmis-cabinet.txt", 11, ["1001", "1002", "1003", "1004"]),
    ("full-council-mayor.txt", 9, ["C 10/034", "C 10/035", "C 10/036", "C 10/037"]),
])
def test_layouts_read_the_same_from_a_pdf(tmp_path, name, people, items):
    # The factory's base font has no en dash or curly quote; the layout is what is tested.
    text = (FIXTURES / name).read_text().replace("–", "-").replace("’", "'")
    source = read_source(text_pdf(tmp_path / "minutes.pdf", [text]))
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    assert len(_people(result)) == people
    assert [n for n, _ in _items(result)] == items
    assert all(r.page == 1 and r.line is not None for r in result.records)


def test_a_running_header_on_short_minutes_is_not_text(tmp_path):
    """Minutes of two or three pages keep their running header after the reading layer (it drops them
    from four pages up); on later pages it must not run into an item's text or a declarant's name."""
    lines = (FIXTURES / "hwb-apologies-substitutes.txt").read_text().replace("–", "-").splitlines()
    running = "Health and Wellbeing Board - 18 April 2019"
    cut = lines.index("2 DISCLOSURES OF INTEREST") + 2  # the item's heading ends page 1, its text opens page 2
    pages = ["\n".join([running] + lines[:cut] + ["", "Page 1"]), "\n".join([running] + lines[cut:] + ["", "Page 2"])]
    source = read_source(text_pdf(tmp_path / "two-pages.pdf", pages))
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    items = {r.item_number: r for r in result.records if isinstance(r, MinuteItem)}
    assert items["2"].text.startswith("Cllr P Whitfield disclosed") and items["2"].page == 1
    assert not [r for r in result.records if isinstance(r, MinuteItem) and running in r.text]
    decl = next(r for r in result.records if isinstance(r, Declaration))
    assert (decl.name, decl.page) == ("P Whitfield", 2)


def test_names_printed_in_columns_without_commas(tmp_path):
    """Full council lists printed in columns ("Councillors" over three columns of names): only the
    gaps between the cells part one name from the next."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    rows = [
        (60, ["MINUTES OF THE MEETING OF BIRMINGHAM CITY COUNCIL HELD ON TUESDAY, 5 FEBRUARY 2019 AT 1400 HOURS"]),
        (90, ["PRESENT:- Lord Mayor (Councillor Yvonne Mosley) in the Chair."]),
        (110, ["Councillors"]),
        (124, ["Muhammad Afzali", "Eddie Freedman", "Zhor Malick"]),
        (138, ["Akhlaq Ahmad", "Peter Griffith", "Karen McCann"]),
        (170, ["NOTICE OF RECORDING"]),
        (190, ["19152 The Lord Mayor advised that the meeting would be webcast."]),
        (210, ["MINUTES"]),
        (230, ["19153 It was moved and seconded that the minutes be confirmed."]),
    ]
    for y, cells in rows:
        for k, cell in enumerate(cells):
            page.insert_text((50 + 170 * k, y), cell, fontsize=9)
    doc.save(tmp_path / "council.pdf")
    source = read_source(tmp_path / "council.pdf")
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    people = _people(result)
    assert people[("Yvonne Mosley", True)].role == "chair"
    names = {n for (n, _), p in people.items() if p.role == "member"}
    assert names == {"Muhammad Afzali", "Eddie Freedman", "Zhor Malick", "Akhlaq Ahmad", "Peter Griffith", "Karen McCann"}
    assert all(people[(n, True)].title == "Councillor" for n in names)
    assert _meeting(result).start_time == time(14, 0)
    assert [n for n, _ in _items(result)] == ["19152", "19153"]


# --- small rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("previous, number, expected", [
    ("12", "13", True), ("12", "14", False), ("23/5", "23/6", True), ("CPP/12/24", "CPP/13/24", True),
    ("CPP/12/24", "CPP/13/25", False), ("C 10/034", "C 10/035", True), ("23/5", "24/5", True), ("5", "5/6", False),
])
def test_minute_numbers_that_follow_one_another(previous, number, expected):
    assert _follows(previous, number) is expected


@pytest.mark.parametrize("printed, time_", [
    ("1400 HOURS", time(14, 0)), ("19:00", time(19, 0)), ("14:00 hrs", time(14, 0)), ("7PM", time(19, 0)),
    ("10.00 am", time(10, 0)), ("12 noon", time(12, 0)),
])
def test_start_times_on_either_clock(printed, time_):
    assert to_time(printed) == time_


@pytest.mark.parametrize("printed, name, title, chair, substituted_by", [
    ("Councillor Wilson in the chair", "Wilson", "Councillor", "chair", None),
    ("His Worship the Mayor (Councillor Mrs S M Murley)", "S M Murley", "Councillor Mrs", "chair", None),
    ("The Vice-Chairman (Cllr A Hart)", "A Hart", "Cllr", "vice_chair", None),
    ("Cllr A Buckley (Mayor)", "A Buckley", "Cllr", "chair", None),
    ("Councillor B J Luke (Deputy Mayor)", "B J Luke", "Councillor", "vice_chair", None),
    ("Mr D Blackburn (Ms H Horner attended as substitute)", "D Blackburn", "Mr", None, "Ms H Horner"),
    ("Cllr P Long (substituted by Cllr R Short)", "P Long", "Cllr", None, "Cllr R Short"),
])
def test_parse_person_chairs_and_substitutes(printed, name, title, chair, substituted_by):
    p = parse_person(printed)
    assert (p.name, p.title, p.chair, p.substituted_by) == (name, title, chair, substituted_by)


def test_a_minutes_of_heading_without_held_names_the_committee():
    text = ("Minutes of the Corporate Parenting Board\nDate: 12 March 2024\nTime: 6pm\nVenue: Civic Centre\n\n"
            "Present:\nCllr A Smith (Chair)\nCllr B Jones\n\n1. Welcome\nThe Chair welcomed members.\n\n"
            "2. Declarations of interest\nNone.\n")
    source = read_source("board.txt", data=text.encode())
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    meeting = _meeting(result)
    assert (meeting.committee, meeting.venue, meeting.start_time) == ("Corporate Parenting Board", "Civic Centre", time(18, 0))
    assert is_minutes_start(text.splitlines())


@pytest.mark.parametrize("headings, numbers", [
    (["Minute 45 Apologies", "Minute 46 Declarations of Interest", "Minute 47 High Needs Block"], ["45", "46", "47"]),
    (["ITEM 1 APOLOGIES", "ITEM 2 DECLARATIONS OF INTEREST"], ["1", "2"]),
    (["Agenda Item 7 Apologies", "Agenda Item 8 Early Years Funding"], ["7", "8"]),
])
def test_minute_and_item_words_before_the_number(headings, numbers):
    text = "Minutes of the meeting of the Schools Forum held on 3 May 2019 at Shire Hall\n\nPresent: Mr A Smith (Chair)\n\n"
    text += "".join(f"{h}\nThe Forum noted the report.\n\n" for h in headings)
    source = read_source("forum.txt", data=text.encode())
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    assert [n for n, _ in _items(result)] == numbers
    assert all(title and not title[0].isdigit() for _, title in _items(result))


def test_a_school_attendance_report_is_not_minutes():
    lines = ["Children and Families Scrutiny Committee", "12 March 2024", "School Attendance Update",
             "Attendance: 94.2% in primary schools", "1. Purpose of the report"]
    assert minutes_kind(lines) is None
    lines = ["Children and Families Scrutiny Committee", "12 March 2024", "Attendance", "Persistent absence rose."]
    assert minutes_kind(lines) is None


def test_committee_coded_minute_numbers_and_decision_words():
    result = _parse_text("coded-minute-numbers.txt")
    meeting = _meeting(result)
    assert (meeting.committee, meeting.meeting_date, meeting.start_time) == ("Corporate Parenting Panel", date(2024, 3, 6), time(16, 0))
    assert meeting.venue == "Committee Room 1, Civic Centre"
    assert [n for n, _ in _items(result)] == ["CPP/12/24", "CPP/13/24", "CPP/14/24", "CPP/15/24"]
    assert _resolutions(result) == [
        ("CPP/13/24", "Resolved: That the minutes of the meeting held on 10 January 2024 be approved.", "resolved"),
        ("CPP/14/24", "Decision: The Panel noted the update and asked for a further report in June.", "resolved"),
        ("CPP/15/24", "Agreed: That the next meeting be held on 5 June 2024.", "agreed")]
    people = _people(result)
    assert people[("S Ahmed", True)].role == "chair" and people[("R Khan", True)].role == "cabinet_member"
    assert len(people) == 8
