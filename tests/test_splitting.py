"""Splitting and classification, beyond what the golden split files check."""
from __future__ import annotations

import re
from pathlib import Path

from extract.golden import evaluate
from extract.reading import read_source
from extract.splitting import split_source
from tests.conftest import ROOT
from tests.pdf_factory import text_pdf

SPLIT_GOLDEN = sorted((ROOT / "corpus" / "golden" / "splits").glob("*.json"))


def test_every_seed_and_shared_file_splits_as_its_golden_file_says():
    assert len(SPLIT_GOLDEN) >= 43  # 5 seeds, 5 ModernGov files, 33 Ofsted files
    results = evaluate(SPLIT_GOLDEN)
    for r in results:
        for name, score in r.tables.items():
            wrong = [p for p in score.problems]
            assert score.recall == 1.0 and not wrong, (r.path, name, wrong, r.problems)
            for field, fs in score.fields.items():
                assert fs.matched == fs.total, (r.path, name, field)


def test_no_council_specific_rules_in_the_code():
    """Kent must split without a Kent rule: no council's name in splitter or parser code."""
    code = [p for d in ("extract", "parsers") for p in (ROOT / d).rglob("*.py") if p.name != "authorities.py"]
    assert code
    for path in code:
        text = _code_without_comments_and_docstrings(path)
        hits = re.findall(r"\b(?:Kent|Gloucester(?:shire)?|Shire Hall|Maidstone)\b", text)
        assert not hits, f"{path.relative_to(ROOT)} names a council: {hits}"


def _code_without_comments_and_docstrings(path: Path) -> str:
    """Examples quoted in comments and docstrings are documentation, not code paths."""
    import tokenize

    kept = []
    previous = tokenize.NEWLINE
    with path.open("rb") as f:
        for tok in tokenize.tokenize(f.readline):
            if tok.type == tokenize.COMMENT:
                continue
            if tok.type == tokenize.STRING and previous in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING):
                previous = tok.type
                continue  # a docstring
            if tok.type not in (tokenize.NL, tokenize.COMMENT):
                previous = tok.type
            kept.append(tok.string)
    return " ".join(kept)


def test_pdf_pack_splits_on_blank_pages_and_cues(tmp_path: Path):
    minutes = (
        "ANYTOWN BOROUGH COUNCIL\n\nCHILDREN'S SCRUTINY COMMITTEE\n\n"
        "MINUTES of a meeting of the Children's Scrutiny Committee held on Tuesday, 4 March 2025.\n\n"
        "PRESENT: Cllr A Smith (Chair), Cllr B Jones\n\n1. Apologies\nNone were received.\n\n"
        "The meeting closed at 11.30 am."
    )
    report = "Agenda Item 5\n\nReport title: Quarterly performance\n\nPurpose of the report\nTo inform members."
    pdf = text_pdf(tmp_path / "pack.pdf", [minutes, "This page is intentionally left blank", report, "More of the report."])
    docs = split_source(read_source(pdf))
    assert [(d.doc_type, d.page_start, d.page_end) for d in docs] == [("minutes", 1, 1), ("report", 3, 4)]
    assert docs[0].document_date.isoformat() == "2025-03-04"


def test_agenda_listing_minutes_is_not_minutes(tmp_path: Path):
    agenda = (
        "AGENDA\n\nCABINET\n\n1. Apologies\n\n2. Declarations of Interest\n\n"
        "3. Minutes of the Meeting held on 30 January 2025 (Pages 1 - 18)\n\n4. Cabinet Member Updates"
    )
    path = tmp_path / "agenda.txt"
    path.write_text(agenda)
    docs = split_source(read_source(path))
    assert [d.doc_type for d in docs] == ["agenda"]


def test_a_letter_below_its_letterhead_starts_a_pdf_document(tmp_path: Path):
    """In a PDF pack an Ofsted letter's 'Dear' sits a dozen lines down, under the address block."""
    letterhead = "\n".join(["Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "T 0300 123 1231",
                            "Textphone 0161 618 8524", "enquiries@ofsted.gov.uk", "www.gov.uk/ofsted"])
    letter = (letterhead + "\n\n14 January 2025\n\nJane Doe\nDirector of Children's Services\nAnytown Council\n"
              "Town Hall\nAnytown\nAN1 1AA\n\nDear Jane\n\nMonitoring visit to Anytown children's services\n\n"
              "This letter summarises the findings of the monitoring visit to Anytown children's services on "
              "3 and 4 December 2024.\n\nYours sincerely\n\nJohn Smith\nHis Majesty's Inspector")
    report = "Report title: Quarterly performance\n\nPurpose of the report\nTo inform members."
    pdf = text_pdf(tmp_path / "pack.pdf", [report, letter])
    docs = split_source(read_source(pdf))
    assert [(d.doc_type, d.page_start) for d in docs] == [("report", 1), ("monitoring_letter", 2)]


MINUTES_HEADINGS = {
    "a bare MINUTES line under the committee and date": (
        "SCHOOLS FORUM\n\n14 March 2024\n\nMINUTES\n\nPRESENT\nMr A Smith (Chair)\nMrs B Jones\n\n1 Welcome and apologies\n"
    ),
    "'At a meeting of'": (
        "At a meeting of the Children and Young People Overview and Scrutiny Committee held at County Hall "
        "on Monday, 4 November 2024\n\nPresent:\nCouncillor A Smith (Chairman)\nCouncillor B Jones\n\n1. Apologies\nNone.\n"
    ),
    "'Minutes of <committee>' without an article": (
        "Minutes of Children and Families Scrutiny Committee\n\nHeld on Wednesday 5 June 2024 at 10.00 am\n\n"
        "Attendance\nCllr A Smith (Chair)\nCllr B Jones\n\n1 Declarations of interest\nThere were none.\n"
    ),
    "'<Board> - Minutes'": "Health and Wellbeing Board - Minutes\n\n12 September 2023\n\nPresent: Cllr A Smith, Cllr B Jones\n\n10. Minutes\nAgreed.\n",
    "'DRAFT MINUTES' and a numbered apologies item": (
        "DRAFT MINUTES\nCorporate Parenting Panel\nThursday 7 March 2024\n\nMembers:\nCllr A Smith (Chair)\n\n1. Apologies\nNone.\n"
    ),
}


def test_minutes_headed_the_ways_councils_head_them_are_minutes(tmp_path: Path):
    report = "Report title: Quarterly performance\nPurpose of the report\nTo inform members."
    for name, minutes in MINUTES_HEADINGS.items():
        pdf = text_pdf(tmp_path / "pack.pdf", [report, minutes])
        docs = split_source(read_source(pdf))
        assert [(d.doc_type, d.page_start) for d in docs] == [("report", 1), ("minutes", 2)], name
        text = tmp_path / "pack.txt"
        text.write_text(report + "\n\f" + minutes)
        docs = split_source(read_source(text))
        assert [(d.doc_type, d.line_start) for d in docs] == [("report", 1), ("minutes", 4)], name


def test_a_minutes_heading_without_an_attendance_block_is_not_minutes(tmp_path: Path):
    # An agenda's item text quoting the previous minutes lists nobody present.
    path = tmp_path / "agenda.txt"
    path.write_text("Report title: Cabinet business\n\nMinutes of the meeting held on 30 January 2025\n"
                    "To agree the minutes as a correct record.\n\nQuarterly performance\nTo note the report.\n")
    assert [d.doc_type for d in split_source(read_source(path))] == ["report"]


def test_a_copyright_notice_on_an_inside_cover_does_not_end_the_report(tmp_path: Path):
    """2009-13 Ofsted reports print '© Crown copyright' on page 2, before their judgements."""
    cover = ("Inspection of safeguarding and looked after children services\nAnytown\n\n"
             "Inspection dates: 7 - 18 May 2012\nReporting inspector: Jane Doe HMI\n\nAge group: All\nPublished: 22 June 2012")
    inside = ("The Office for Standards in Education, Children's Services and Skills (Ofsted) regulates and inspects.\n\n"
              "© Crown copyright 2012")
    body = "Overall effectiveness\nThe overall effectiveness of safeguarding services is adequate.\n\nGrade 3 (adequate)"
    end = "Capacity for improvement\nGood\n\n© Crown copyright 2012"
    report = "Report title: Quarterly performance\nPurpose of the report\nTo inform members."
    pdf = text_pdf(tmp_path / "pack.pdf", [cover, inside, body, end, report])
    docs = split_source(read_source(pdf))
    assert [(d.doc_type, d.page_start, d.page_end) for d in docs] == [("ofsted_inspection", 1, 4), ("report", 5, 5)]


def test_a_joint_targeted_area_inspection_letter_in_a_pack(tmp_path: Path):
    letterhead = "\n".join(["Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "T 0300 123 1231",
                            "enquiries@ofsted.gov.uk", "www.gov.uk/ofsted"])
    letter = (letterhead + "\n\n20 April 2023\n\nJane Doe\nDirector of Children's Services\nSuffolk County Council\n\n"
              "Dear local partners\n\nJoint targeted area inspection of the multi-agency response to children and "
              "families who need help in Suffolk\n\nBetween 20 and 24 February 2023, Ofsted, the Care Quality "
              "Commission and HMICFRS carried out a joint inspection.\n\nYours sincerely\n\nJohn Smith\nHis Majesty's Inspector")
    report = "Report title: Quarterly performance\nPurpose of the report\nTo inform members."
    pdf = text_pdf(tmp_path / "pack.pdf", [report, letter])
    docs = split_source(read_source(pdf))
    assert [(d.doc_type, d.page_start) for d in docs] == [("report", 1), ("monitoring_letter", 2)]
    # Ofsted's own address (Manchester) is not the authority the letter is about.
    assert docs[1].local_authority == "Suffolk"


def test_a_performance_report_appendix_after_its_covering_report_is_a_scorecard(tmp_path: Path):
    """Another council's report: a covering report, then 'Children's Services Performance Report' with its table."""
    import pymupdf

    from tests.scorecard_layouts import quarterly_report

    cover = text_pdf(tmp_path / "cover.pdf", [
        "Report title: Children's services performance, quarter 2\n\nPurpose of the report\n"
        "1. To present the quarter 2 performance report at Appendix 1.\n2. Members are asked to note it."])
    table = quarterly_report(tmp_path / "table.pdf")
    pack = pymupdf.open(cover)
    pack.insert_pdf(pymupdf.open(table))
    pack.save(tmp_path / "pack.pdf")
    docs = split_source(read_source(tmp_path / "pack.pdf"))
    assert [(d.doc_type, d.page_start, d.page_end) for d in docs] == [("report", 1, 1), ("scorecard", 2, 2)]


def test_a_covering_report_titled_performance_report_stays_a_report(tmp_path: Path):
    report = ("Children's Services Performance Report\n\nPurpose of the report\n"
              "1. This report sets out performance against target for the quarter.\n"
              "2. The actual figures are in the appendix, with England averages.\n3. Members are asked to note it.")
    docs = split_source(read_source(text_pdf(tmp_path / "report.pdf", [report])))
    assert [d.doc_type for d in docs] == ["report"]


def test_a_letters_letterhead_above_its_date_belongs_to_the_letter(tmp_path: Path):
    report = ("Report title: Quarterly performance\nPurpose of the report\nTo inform members.\n"
              "It sets out the figures.\nIt sets out the actions.\nIt sets out the risks.\nMembers are asked to note it.\n\n")
    letterhead = "Piccadilly Gate\nStore Street\nManchester\nM1 2WD\nT 0300 123 1231\nenquiries@ofsted.gov.uk\nwww.gov.uk/ofsted\n\n"
    letter = ("14 January 2025\n\nJane Doe\nDirector of Children's Services\nAnytown Council\n\nDear Jane\n\n"
              "Monitoring visit to Anytown children's services\n\nThis letter summarises the findings.\n\n"
              "Yours sincerely\n\nJohn Smith\nHis Majesty's Inspector\n")
    path = tmp_path / "pack.txt"
    path.write_text(report + letterhead + letter)
    docs = split_source(read_source(path))
    assert [(d.doc_type, d.line_start) for d in docs] == [("report", 1), ("monitoring_letter", 9)]


def test_other_councils_minutes_fixtures_split_as_one_set_of_minutes():
    fixtures = sorted((ROOT / "corpus" / "fixtures" / "minutes").glob("*.txt"))
    assert len(fixtures) >= 10
    for path in fixtures:
        assert [d.doc_type for d in split_source(read_source(path))] == ["minutes"], path.name


def test_a_person_named_like_a_council_is_not_the_authority(tmp_path: Path):
    path = tmp_path / "minutes.txt"
    path.write_text("SCHOOLS FORUM\n\nMinutes of the meeting held on 14 March 2024\n\nPRESENT\n"
                    "Brent Fielding (Chair)\nCllr Jane Sutton\n\n1. Apologies\nNone.\n")
    docs = split_source(read_source(path))
    assert [d.doc_type for d in docs] == ["minutes"]
    assert docs[0].local_authority is None
