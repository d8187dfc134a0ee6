"""Phrase families other councils print, on edited copies of the shared Kent minutes (issue 15;
corpus/fixtures/minutes/README.md says which real text each fixture was derived from)."""
from __future__ import annotations

from pathlib import Path

from extract.reading import read_source
from extract.splitting.document import make_document
from parsers.minutes import parse_minutes
from schemas.meetings import Attendance

FIXTURES = Path(__file__).resolve().parents[1] / "corpus" / "fixtures" / "minutes"


def _parse(name: str):
    source = read_source(FIXTURES / name)
    return parse_minutes(make_document(source, source.lines, "minutes"))


def _edited(path: Path, fixture: str, *edits: tuple[str, str]) -> Path:
    """A copy of a fixture at `path` with each (printed, edited) text replaced; each must be printed there."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    for printed, edited in edits:
        assert printed in text, printed
        text = text.replace(printed, edited)
    path.write_text(text, encoding="utf-8")
    return path


def _attendance(result) -> dict[str, Attendance]:
    return {r.name: r for r in result.records if isinstance(r, Attendance)}


# --- substitutes ---------------------------------------------------------------------------------

def test_who_was_substituted_by_gives_the_absent_member_and_the_substitute_two_rows():
    people = _attendance(_parse("cpp-attendance-variants.txt"))
    assert (people["K Leonard"].present, people["K Leonard"].role) == (False, "member")
    lymer = people["G Lymer"]
    assert (lymer.present, lymer.role, lymer.substitute_for) == (True, "substitute", "K Leonard")


def test_substitute_for_in_brackets_and_substituting_for_in_running_text():
    people = _attendance(_parse("cpp-attendance-variants.txt"))
    assert (people["D Brazier"].role, people["D Brazier"].substitute_for) == ("substitute", "S Hamilton")
    assert (people["C Smith"].role, people["C Smith"].substitute_for) == ("substitute", "T Byrne")
    assert not any("substitut" in name.lower() for name in people)  # the phrase is never part of a name


# --- attending at a distance ----------------------------------------------------------------------

def test_virtual_note_and_in_attendance_virtually_sentence_mark_the_listed_row():
    people = _attendance(_parse("cpp-attendance-variants.txt"))
    assert people["Lesley Game"].mode == "virtual"  # "(virtual)" beside the name
    assert people["Tracy Scott"].mode == "virtual"  # "Ms T Scott were in attendance virtually", listed as Tracy Scott
    assert people["Sue Chandler"].mode == "virtual"
    assert "T Scott" not in people and "S Chandler" not in people  # no second row for the same person
    assert people["Gary Cooke"].mode == "unknown"  # nothing printed says how he attended


def test_a_member_who_sent_apologies_then_joined_virtually_is_present_and_virtual():
    people = _attendance(_parse("cpp-attendance-variants.txt"))
    assert (people["A Farmer"].present, people["A Farmer"].mode) == (True, "virtual")
    assert people["P Cole"].mode == "virtual" and people["P Cole"].present  # "attended remotely"


def test_a_virtual_attendance_block_makes_the_other_lists_in_person():
    from extract.splitting import split_source

    source = read_source(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "moderngov" / "kent-cabinet-2025-01-30-minutes.pdf")
    doc = next(d for d in split_source(source) if d.doc_type == "minutes")
    people = _attendance(parse_minutes(doc))
    assert people["S Jones"].mode == "virtual"  # under "IN ATTENDANCE VIRTUALLY:"
    assert people["R W Gough"].mode == "in_person" and people["B Watts"].mode == "in_person"
    assert people["C Bell"].mode == "unknown" and not people["C Bell"].present  # an apology says nothing of mode


# --- organisations --------------------------------------------------------------------------------

def test_organisations_in_name_lists_are_kept_as_organisations_not_people():
    people = _attendance(_parse("cpp-attendance-variants.txt"))
    organisations = {n for n, r in people.items() if r.kind == "organisation"}
    assert organisations == {"Kent Police", "Healthwatch Kent", "the Virtual School", "Kent Fire and Rescue Service"}
    assert all(people[n].member_key is None for n in organisations)
    assert people["Kent Fire and Rescue Service"].present is False  # listed among the apologies
    assert people["Kevin Kasaven"].kind == "person"


# --- declarations --------------------------------------------------------------------------------

def _declarations(result):
    from schemas.meetings import Declaration

    return [r for r in result.records if isinstance(r, Declaration)]


def test_a_declaration_by_a_group_is_one_row_with_the_group_it_names():
    found = {d.name: d for d in _declarations(_parse("council-declaration-variants.txt"))}
    everyone = found["All Members present"]
    assert everyone.collective and everyone.member_key is None
    assert everyone.interest == "an interest as council tax payers in Kent"
    panel = found["Members of the Panel"]
    assert panel.collective and panel.item_number == "290"  # declared at the item itself
    assert "Panel" not in found  # the group is not read as a member called "Panel"


def test_a_declaration_printed_in_the_declarations_item_and_again_at_its_item_is_one_row_with_both_pages():
    carey = [d for d in _declarations(_parse("council-declaration-variants.txt")) if d.name == "Carey"]
    assert len(carey) == 1
    assert carey[0].pages == [1, 2] and carey[0].page == 1  # item 287 on p1, minute 291 (agenda item 6) on p2
    assert carey[0].interest.startswith("a pecuniary interest in item 6")


def test_two_members_with_one_surname_keep_their_own_declarations():
    meades = {(d.title, d.item_number) for d in _declarations(_parse("council-declaration-variants.txt")) if d.name == "Meade"}
    assert meades == {("Ms", None), ("Mr", "291")}


# --- items without numbers, and other minute numbers ---------------------------------------------

def _items(result):
    from schemas.meetings import MinuteItem

    return [(r.item_number, r.title) for r in result.records if isinstance(r, MinuteItem)]


UNNUMBERED = [("", "Election of Vice-Chair"), ("", "Apologies and Substitutes")]


def test_unnumbered_opening_items_and_year_dot_sequence_minute_numbers():
    result = _parse("cpp-unnumbered-and-decimal-items.txt")
    assert _items(result) == UNNUMBERED + [
        ("24.41", "Minutes of the meeting held on 30 July 2024"), ("24.42", "Participation Team update"),
        ("24.43", "Virtual School Kent update")]
    # The apologies are read from the unnumbered item, and its heading is no one's name.
    people = _attendance(result)
    assert {n for n, p in people.items() if not p.present} == {"R Love", "K Leonard", "A Farmer"}
    assert not any("Election" in n or "Apologies" in n for n in people)


def test_bracketed_and_min_prefixed_minute_numbers():
    assert [n for n, _ in _items(_parse("cpp-bracketed-minute-numbers.txt"))] == ["", "", "24/41", "24/42", "24/43"]
    assert [n for n, _ in _items(_parse("cpp-min-prefixed-numbers.txt"))] == ["", "", "41", "42", "43"]


def test_a_bare_apologies_label_over_names_stays_an_attendance_label(tmp_path):
    text = (FIXTURES / "cpp-unnumbered-and-decimal-items.txt").read_text(encoding="utf-8")
    election = text[text.index("Election of Vice-Chair"):text.index("Apologies and Substitutes")]
    edited = text.replace(election, "").replace(
        "Apologies and Substitutes\n\nApologies were received from Mr R Love OBE, Ms K Leonard, and Ms A Farmer.",
        "Apologies\n\nMr R Love OBE, Ms K Leonard and Ms A Farmer")
    assert edited != text
    (tmp_path / "edited.txt").write_text(edited, encoding="utf-8")
    source = read_source(tmp_path / "edited.txt")
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    assert _items(result)[0][0] == "24.41"  # no item made of the label
    assert {n for n, p in _attendance(result).items() if not p.present} == {"R Love", "K Leonard", "A Farmer"}


def test_unnumbered_items_in_a_pdf_where_lines_come_from_word_positions(tmp_path):
    from pdf_factory import text_pdf

    text = (FIXTURES / "cpp-unnumbered-and-decimal-items.txt").read_text(encoding="utf-8")
    pdf = text_pdf(tmp_path / "cpp.pdf", [text])
    source = read_source(pdf)
    result = parse_minutes(make_document(source, source.lines, "minutes"))
    assert [n for n, _ in _items(result)] == ["", "", "24.41", "24.42", "24.43"]
    assert _items(result)[:2] == UNNUMBERED


# --- more wordings of the same facts, as edits of the fixture text ------------------------------

def _parse_edited(tmp_path, old: str, new: str):
    return _parse(_edited(tmp_path / "edited.txt", "cpp-unnumbered-and-decimal-items.txt", (old, new)))


def test_a_list_of_remote_attendees_under_its_own_label(tmp_path):
    for label in ("Present (virtually):", "Attended remotely:"):
        people = _attendance(_parse_edited(tmp_path, "PRESENT: Shellina", f"{label} Mr A Jones and Mrs B King\n\nPRESENT: Shellina"))
        assert (people["A Jones"].mode, people["B King"].mode) == ("virtual", "virtual"), label
        assert people["Gary Cooke"].mode == "in_person", label  # listed apart from the remote attendees


def test_an_apology_then_subsequently_joined_remotely(tmp_path):
    people = _attendance(_parse_edited(
        tmp_path, "and Ms A Farmer.", "and Ms A Farmer. Ms A Farmer subsequently joined the meeting remotely."))
    assert (people["A Farmer"].present, people["A Farmer"].mode) == (True, "virtual")
    assert not any("subsequently" in n for n in people)


def test_substitute_named_inside_an_apology_in_brackets(tmp_path):
    people = _attendance(_parse_edited(
        tmp_path, "Ms K Leonard, and", "Ms K Leonard (Mr G Lymer substituting), and"))
    assert (people["K Leonard"].present, people["G Lymer"].role, people["G Lymer"].substitute_for) == (False, "substitute", "K Leonard")


def test_several_members_named_in_one_declaration_each_get_a_row(tmp_path):
    result = _parse_edited(tmp_path, "24.42 Participation Team update\n",
                           "24.42 Participation Team update\n\nCouncillors Cooke, Jeffrey and Brazier declared personal "
                           "interests as school governors.\n")
    found = [(d.name, d.item_number, d.collective) for d in _declarations(result)]
    assert found == [("Cooke", "24.42", False), ("Jeffrey", "24.42", False), ("Brazier", "24.42", False)]


def test_minute_numbers_beside_moderngov_item_anchors_in_other_shapes(tmp_path):
    text = (FIXTURES / "council-declaration-variants.txt").read_text(encoding="utf-8")
    for printed, number in [("Min. 286 Apologies", "286"), ("21.44 Apologies", "21.44"), ("(21/44) Apologies", "21/44"),
                            ("Min. 286\nApologies", "286"), ("21.44\nApologies", "21.44")]:
        (tmp_path / "edited.txt").write_text(text.replace("286. Apologies", printed), encoding="utf-8")
        source = read_source(tmp_path / "edited.txt")
        first = _items(parse_minutes(make_document(source, source.lines, "minutes")))[0]
        assert first == (number, "Apologies for Absence"), printed


def test_a_substitute_minuted_as_present_as_substitute_for(tmp_path):
    people = _attendance(_parse_edited(
        tmp_path, "and Ms A Farmer.", "and Ms A Farmer. Mr P Cole was present as substitute for Mr R Love."))
    assert (people["P Cole"].role, people["P Cole"].substitute_for) == ("substitute", "R Love")


def test_organisations_joined_by_and_are_two_bodies(tmp_path):
    people = _attendance(_parse_edited(
        tmp_path, "Mr R Love OBE, Ms K Leonard, and Ms A Farmer.", "Kent Police, Healthwatch and the Virtual School."))
    absent = {n: p.kind for n, p in people.items() if not p.present}
    assert absent == {"Kent Police": "organisation", "Healthwatch": "organisation", "the Virtual School": "organisation"}


def test_a_substituted_member_printed_in_the_present_list_was_absent(tmp_path):
    people = _attendance(_parse_edited(
        tmp_path, "David Brazier and Lesley Game", "Mrs D Brazier who was substituted by Mr B Jones and Lesley Game"))
    assert (people["D Brazier"].present, people["B Jones"].substitute_for, people["Lesley Game"].present) == (False, "D Brazier", True)


def test_numbered_paragraphs_under_an_item_never_outnumber_the_items(tmp_path):
    # Written for this test: items "1." to "3." in ordinary case, minute 2 with four "2.n" paragraphs whose
    # first lines look like headings (short, capitalised, no full stop).
    paragraphs = "\n\n".join(f"2.{n} The Forum received part {n} of the report from the Director\n\non the budget."
                             for n in range(1, 5))
    text = ("Minutes of the meeting of the Schools Forum held on 5 March 2020\n\n"
            "Present: Cllr A Smith (Chair), Cllr B Jones\n\n1. Apologies for absence\n\nThere were none.\n\n"
            f"2. Budget monitoring report\n\n{paragraphs}\n\n3. Any other business\n\nNone.\n")
    (tmp_path / "forum.txt").write_text(text, encoding="utf-8")
    source = read_source(tmp_path / "forum.txt")
    items = _items(parse_minutes(make_document(source, source.lines, "minutes")))
    assert items == [("1", "Apologies for absence"), ("2", "Budget monitoring report"), ("3", "Any other business")]


# --- a list marked to show who came ("* Name" over "*Present") -------------------------------------

MARKED = "cpp-marked-present.txt"
CAME = {"Shellina Prendergast", "Paul Bartlett", "Gary Cooke", "Dylan Jeffrey", "David Brazier", "Sarah Hamilton",
        "Sarah Hammond", "Caroline Smith", "Tom Byrne"}
DID_NOT = {"Kelly Leonard", "Rosalind Love", "Antony Farmer", "Tony Doran"}


def _marked_people(result) -> dict[str, tuple[bool, str]]:
    return {n: (r.present, r.role) for n, r in _attendance(result).items()}


def _check_marked_list(people: dict[str, tuple[bool, str]]) -> None:
    assert {n for n in CAME | DID_NOT if people[n][0]} == CAME
    assert (people["Shellina Prendergast"][1], people["Paul Bartlett"][1]) == ("chair", "vice_chair")
    # After the vice-chair's paragraph the names are members again; the co-opted group holds its own.
    assert {people[n][1] for n in ("Gary Cooke", "Kelly Leonard", "Caroline Smith")} == {"member"}
    assert (people["Tom Byrne"][1], people["Tony Doran"][1]) == ("co_opted", "co_opted")
    assert not any(n.startswith(("*", "Present")) or "Association" in n for n in people)


def test_a_list_marked_with_asterisks_under_a_present_legend_gives_who_came_and_who_did_not():
    people = _marked_people(_parse(MARKED))
    _check_marked_list(people)
    assert people["James Clapson"] == (True, "officer")  # the next block is read as before


def test_the_legend_may_stand_in_brackets_or_say_the_mark_means_absence(tmp_path):
    text = (FIXTURES / MARKED).read_text(encoding="utf-8")
    bracketed = tmp_path / "bracketed.txt"
    bracketed.write_text(text.replace("*Present", "(* = present at the meeting)"), encoding="utf-8")
    _check_marked_list(_marked_people(_parse(bracketed)))
    # The same meeting with the marks on those who did not come, under "* denotes absence".
    flipped_lines = []
    for line in text.splitlines():
        name = line.strip().lstrip("* ").split(",")[0]
        if name in CAME | DID_NOT:
            line = ("* " if name in DID_NOT else "  ") + line.strip().lstrip("* ")
        flipped_lines.append("* denotes absence" if line == "*Present" else line)
    absence = tmp_path / "absence.txt"
    absence.write_text("\n".join(flipped_lines), encoding="utf-8")
    _check_marked_list(_marked_people(_parse(absence)))


def test_asterisks_without_a_legend_say_nothing_of_attendance(tmp_path):
    no_legend = _edited(tmp_path / "no-legend.txt", MARKED, ("*Present\n", ""))
    people = _marked_people(_parse(no_legend))
    assert not CAME & set(people) and "Tony Doran" not in people  # the list is not read as attendance
    assert {n for n, (present, _) in people.items() if not present} == {"Kelly Leonard", "Rosalind Love", "Antony Farmer"}  # the apologies item still is


def test_the_marked_list_rendered_to_pdf_reads_the_same(tmp_path):
    from pdf_factory import text_pdf

    pdf = text_pdf(tmp_path / "marked.pdf", [(FIXTURES / MARKED).read_text(encoding="utf-8")], fontsize=8)
    _check_marked_list(_marked_people(_parse(pdf)))


def test_substitutes_named_without_titles_and_in_attendance_as_the_substitute():
    people = _attendance(_parse(MARKED))
    assert (people["Brian Horton"].present, people["Brian Horton"].role, people["Brian Horton"].substitute_for) == (
        True, "substitute", "Kelly Leonard")
    assert (people["Nancy Sayer"].role, people["Nancy Sayer"].substitute_for) == ("substitute", "Antony Farmer")


def test_a_decision_under_a_heading_is_not_the_headings_last_line_and_a_trailing_item_anchor_is_its_number(tmp_path):
    from schemas.meetings import Meeting, Resolution

    result = _parse(MARKED)
    assert _items(result) == [("1", "APOLOGIES AND SUBSTITUTES"), ("2", "CHAIRMAN'S ANNOUNCEMENTS"),
                              ("3", "MINUTES OF THE MEETING HELD ON 30 JULY 2024")]
    resolved = [r for r in result.records if isinstance(r, Resolution) and r.item_number == "2"]
    assert [r.text for r in resolved] == ["That Mr P Bartlett be duly elected Vice Chair of the Corporate Parenting Panel."]
    assert next(r for r in result.records if isinstance(r, Meeting)).end_time.isoformat() == "12:45:00"  # "ended at: 12.45 pm"
    anchored = _edited(tmp_path / "anchored.txt", MARKED,
        ("1. APOLOGIES AND SUBSTITUTES",
         "1/24 APOLOGIES AND SUBSTITUTES [Item 1]"))
    from schemas.meetings import MinuteItem

    first = next(r for r in _parse(anchored).records if isinstance(r, MinuteItem))
    assert (first.item_number, first.title, first.agenda_item) == ("1/24", "APOLOGIES AND SUBSTITUTES", "1")


# --- "County Councillor" titles, a substitutes list, decisions in capitals inside a sentence ------------

COUNTY = "cpp-county-councillors.txt"


def test_county_councillor_is_one_title_alone_over_names_in_a_list_and_in_a_sentence():
    people = _attendance(_parse(COUNTY))
    assert (people["Shellina Prendergast"].title, people["Shellina Prendergast"].role) == ("County Councillor", "chair")
    # "County Councillors" on a line of its own, a blank line above the names it heads
    assert {n for n, r in people.items() if r.title == "County Councillor" and r.role == "member" and r.present} == {
        "P Bartlett", "G Cooke", "D Jeffrey", "D Brazier"}
    assert not any("County" in name or "Councillor" in name for name in people)
    assert {n for n, r in people.items() if not r.present} == {"A Farmer", "Rosalind Love", "Kelly Leonard"}
    assert people["Rosalind Love"].title == "County Councillor" and people["A Farmer"].title == "Ms"
    from schemas.meetings import Declaration

    declared = [d for d in _parse(COUNTY).records if isinstance(d, Declaration)]
    assert [(d.title, d.name, d.item_number) for d in declared] == [("County Councillor", "Dylan Jeffrey", "4")]


def test_a_substitutes_list_with_for_and_a_sentence_with_replaced():
    people = _attendance(_parse(COUNTY))
    assert (people["S Hamilton"].role, people["S Hamilton"].substitute_for, people["S Hamilton"].present) == (
        "substitute", "K Leonard", True)
    assert (people["Sarah Hammond"].role, people["Sarah Hammond"].substitute_for) == ("substitute", "A Farmer")
    assert not any(n.endswith(("for", "Present", "meeting")) for n in people)  # no label or phrase read as a name


def test_a_decision_in_capitals_inside_a_sentence_and_minutes_agreed_as_an_accurate_record():
    from schemas.meetings import Meeting, Resolution

    result = _parse(COUNTY)
    found = [(r.item_number, r.kind, r.text) for r in result.records if isinstance(r, Resolution)]
    assert found == [
        ("2", "agreed", "The minutes of the meeting held on 30 July 2024 were agreed as an accurate record and signed by the Chair."),
        ("4", "resolved", "The Panel RESOLVED to note the report."),
    ]
    # The opening's "in the Council Chamber" is a room, not the council: none is printed.
    assert next(r for r in result.records if isinstance(r, Meeting)).council is None


# --- minutes flagged "*34 Minutes", apologies and other members' attendance heading the minutes -------

FLAGGED = "cpp-flagged-minutes.txt"


def test_a_mark_before_a_minute_number_is_not_part_of_the_heading():
    from schemas.meetings import Meeting, Resolution

    result = _parse(FLAGGED)
    assert _items(result) == [("1", "Minutes"), ("2", "Items Requiring Urgent Attention"), ("3", "Virtual School Kent update")]
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    # The heading's date, not the previous meeting's named in minute 1; "started at ... and finished at ...".
    assert (meeting.meeting_date.isoformat(), meeting.start_time.isoformat(), meeting.end_time.isoformat()) == (
        "2024-10-29", "10:00:00", "12:15:00")
    assert [r.item_number for r in result.records if isinstance(r, Resolution)] == ["1", "3"]


def test_apologies_submitted_on_behalf_of_and_members_attending_under_standing_orders_heading_the_minutes():
    people = _attendance(_parse(FLAGGED))
    assert {n for n, r in people.items() if not r.present} == {"R Love", "K Leonard"}
    assert (people["S Chandler"].present, people["S Chandler"].role) == (True, "other")
    assert {n for n, r in people.items() if r.role in ("chair", "member") and r.present} == {
        "S Prendergast", "P Bartlett", "G Cooke", "D Jeffrey", "D Brazier"}
    assert len(people) == 8  # no sentence, heading or footnote read as a person


def test_a_sentence_among_the_names_is_no_seat(tmp_path):
    edited = _edited(tmp_path / "prose.txt", FLAGGED,
        ("D Jeffrey and D Brazier\n",
         "D Jeffrey and D Brazier\n\nThose present had been sent the papers in advance\n"))
    people = _attendance(_parse(edited))
    assert len(people) == 8 and not any("papers" in n for n in people)
    # A sentence about a listed member is no second member either.
    declared = _edited(tmp_path / "declared.txt", FLAGGED,
        ("D Jeffrey and D Brazier\n",
         "D Jeffrey and D Brazier\nCouncillor G Cooke declared an interest as a foster carer\n"))
    assert len(_attendance(_parse(declared))) == 8
    # A seat with no person's name is still kept (the county's ambassador, read from the shared minutes' layout).
    seat = _edited(tmp_path / "seat.txt", FLAGGED,
        ("Councillor S Chandler\n",
         "Councillor S Chandler\nAmbassador for Vulnerable Children and Young People\n"))
    assert "Ambassador for Vulnerable Children and Young People" in _attendance(_parse(seat))


def test_minute_numbers_closed_by_a_bracket(tmp_path):
    import re

    from schemas.meetings import Declaration

    edited = tmp_path / "bracket-closed.txt"
    edited.write_text(re.sub(r"(?m)^(\d)\.   ", r"\1)   ", (FIXTURES / COUNTY).read_text(encoding="utf-8")), encoding="utf-8")
    result = _parse(edited)
    assert _items(result) == _items(_parse(COUNTY)) and [n for n, _ in _items(result)] == ["1", "2", "3", "4"]
    assert [d.name for d in result.records if isinstance(d, Declaration)] == ["Dylan Jeffrey"]
    assert set(_attendance(result)) == set(_attendance(_parse(COUNTY)))  # no declaration read as attendance


def test_the_chairs_office_named_beside_a_post_in_one_bracket(tmp_path):
    edited = _edited(tmp_path / "office-in-note.txt", COUNTY,
        ("Mr Tom Byrne, Kent Foster Carers Association",
         "Mr Tom Byrne (Kent Foster Carers Association, Vice-Chair)"))
    byrne = _attendance(_parse(edited))["Tom Byrne"]
    assert (byrne.role, byrne.position) == ("vice_chair", "Kent Foster Carers Association")


# --- an attendance table with a column saying who came ------------------------------------------

TABLE = "cpp-attendance-table.txt"


def _check_table(people: dict[str, Attendance]) -> None:
    rows = {n: (r.present, r.role, r.mode) for n, r in people.items()}
    assert rows == {
        "Shellina Prendergast": (True, "chair", "unknown"), "Paul Bartlett": (True, "vice_chair", "unknown"),
        "Gary Cooke": (True, "member", "unknown"), "Rosalind Love": (False, "member", "unknown"),
        "Lesley Game": (True, "member", "virtual"), "Kelly Leonard": (False, "member", "unknown"),
        "Sue Chandler": (True, "cabinet_member", "unknown"), "Kevin Kasaven": (True, "officer", "unknown"),
    }
    assert people["Kevin Kasaven"].position == "Director of Children's Countywide Services"


def test_an_attendance_table_with_a_status_column_gives_who_came_and_how():
    _check_table(_attendance(_parse(TABLE)))


def test_the_attendance_table_rendered_to_pdf_reads_the_same(tmp_path):
    from pdf_factory import text_pdf

    pdf = text_pdf(tmp_path / "table.pdf", [(FIXTURES / TABLE).read_text(encoding="utf-8")], fontsize=8)
    _check_table(_attendance(_parse(pdf)))


def test_a_council_named_by_its_place_heads_the_minutes_and_the_committee_is_the_next_heading(tmp_path):
    from schemas.meetings import Meeting

    edited = _edited(tmp_path / "place-council.txt", FLAGGED,
        ("CORPORATE PARENTING PANEL\n",
         "ROYAL BOROUGH OF KINGSTON UPON THAMES\n\nMINUTES OF THE CORPORATE PARENTING SUB-COMMITTEE\n"))
    result = _parse(edited)
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert (meeting.council, meeting.committee) == ("Royal Borough of Kingston upon Thames", "Corporate Parenting Sub-Committee")
    assert result.local_authority == "Kingston upon Thames"


def test_cardiff_layout_spaced_colon_numbers_a_date_line_a_welsh_council_line_and_approved_by_the_panel(tmp_path):
    import re

    from schemas.meetings import Meeting, Resolution

    text = (FIXTURES / COUNTY).read_text(encoding="utf-8")
    text = text.replace("Corporate Parenting Panel\n", "KENT COUNTY COUNCIL\nCYNGOR SIR CAINT\n\nCORPORATE PARENTING PANEL\n\n29 OCTOBER 2024\n", 1)
    text = re.sub(r"(?m)^(\d)\.   ", r"\1 : ", text).replace(
        "were agreed as an accurate record", "were approved by the Panel as a correct record")
    edited = tmp_path / "cardiff.txt"
    edited.write_text(text, encoding="utf-8")
    result = _parse(edited)
    assert _items(result) == _items(_parse(COUNTY))  # "1 : Apologies and Substitutes"; "29 OCTOBER 2024" is no item
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert (meeting.council, meeting.committee, meeting.meeting_date.isoformat()) == (
        "Kent County Council", "Corporate Parenting Panel", "2024-10-29")
    assert [r.item_number for r in result.records if isinstance(r, Resolution) and r.kind == "agreed"] == ["2"]


def test_minute_numbers_followed_by_a_dash(tmp_path):
    import re

    edited = tmp_path / "dashed.txt"
    edited.write_text(re.sub(r"(?m)^(\d)\.   ", r"Minute \1/24 – ", (FIXTURES / COUNTY).read_text(encoding="utf-8")),
                      encoding="utf-8")
    result = _parse(edited)
    assert _items(result) == [(f"{n}/24", title) for (n, title) in _items(_parse(COUNTY))]
    assert set(_attendance(result)) == set(_attendance(_parse(COUNTY)))  # no heading read as a person


def test_one_person_a_line_with_a_dashed_post_and_a_body(tmp_path):
    """Partnership boards list "Name – Post, Body (Chair)" a line; the names and posts are the Corporate Parenting
    Panel's own (29 October 2024, p1), the bodies added as such boards print them."""
    edited = _edited(tmp_path / "dashed-posts.txt", FLAGGED,
        ("Councillors S Prendergast (Chair), P Bartlett, G Cooke, D Jeffrey and D Brazier\n",
         "Sue Chandler – Cabinet Member for Integrated Children's Services, Kent County Council (Chair)\n"
         "Kevin Kasaven – Director of Children's Countywide Services, Kent County Council\n"
         "Alice Gleave – Interim Assistant Director for SEND Operations\n"
         "Natalia Merritt – Co-Chair, Kent Housing Options Subgroup\n"),
        ("Apologies for absence were submitted on behalf of Councillors R Love and K Leonard.",
         "Apologies:\nJason Read – Youth Justice Service Manager, Kent County Council"))
    people = _attendance(_parse(edited))
    assert {n: (r.present, r.role) for n, r in people.items() if n != "S Chandler"} == {
        "Sue Chandler": (True, "chair"), "Kevin Kasaven": (True, "member"), "Alice Gleave": (True, "member"),
        "Natalia Merritt": (True, "member"), "Jason Read": (False, "member")}
    assert people["Kevin Kasaven"].position == "Director of Children's Countywide Services; Kent County Council"
    # A single line listing two people, each with a post in brackets, stays two people.
    two = _edited(tmp_path / "two-on-a-line.txt", FLAGGED,
        ("Councillor S Chandler\n",
         "James Clapson (Democratic Services Officer), Kevin Kasaven (Director of Children's Countywide Services)\n"))
    assert {"James Clapson", "Kevin Kasaven"} <= set(_attendance(_parse(two)))


def test_a_substitution_reads_whatever_the_case_of_its_titles(tmp_path):
    edited = _edited(tmp_path / "lower-case-titles.txt", MARKED,
        ("Brian Horton substituted for Kelly Leonard.",
         "councillor Brian Horton substituted for councillor Kelly Leonard."))
    horton = _attendance(_parse(edited))["Brian Horton"]
    assert (horton.role, horton.substitute_for) == ("substitute", "Kelly Leonard")
