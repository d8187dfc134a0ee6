"""Improvement activity grid parser: seed 002's Appendix B, its golden file, and a small made-up grid."""
from __future__ import annotations

from datetime import date

import pytest

from parsers.common.plan_kind import improvement_kind
from parsers.improvement_grid import parse_improvement_grid
from tests.improvement_helpers import document_from_text, score_golden, seed_document


@pytest.fixture(scope="module")
def seed_result():
    doc = seed_document("improvement_grid")
    return doc, parse_improvement_grid(doc)


def test_areas_with_their_level_issues_evidence_and_services(seed_result):
    doc, result = seed_result
    areas = {r.afi: r for r in result.records}
    assert set(areas) == {"SAFEGUARDING", "CHILDREN IN CARE, PERMANENCE AND CARE LEAVERS"}
    safeguarding = areas["SAFEGUARDING"]
    assert safeguarding.priority_level == "H"
    assert safeguarding.issues == "Decision-making at key points, core practice; management oversight."
    # Evidence wraps over lines; the repeat of the AFI block on later pages is not added again.
    assert safeguarding.evidence.startswith("Performance data March 2020.")
    assert safeguarding.evidence.endswith("managing complexity including neglect and CSE.")
    assert safeguarding.evidence.count("Performance data March 2020") == 1
    assert result.document_date == date(2020, 5, 19)
    assert all(r.document_id == doc.document_id and r.line and r.page for r in result.records)


def test_page_headers_are_not_rows_and_a_row_across_pages_stays_one(seed_result):
    _, result = seed_result
    actions = [r.action for r in result.records]
    assert not any("Appendix B" in a or "Who?" in a or a.startswith("AFI") for a in actions)
    broken = [r for r in result.records if "deliver tailored virtual Practice" in r.action]
    assert len(broken) == 1
    assert broken[0].action.startswith("Child protection system: develop and deliver")
    assert broken[0].improvement_outline.endswith("serve to protect children.")
    assert not any(a[:1].islower() for a in actions)


def test_who_when_and_status(seed_result):
    _, result = seed_result
    row = next(r for r in result.records if r.action.startswith("Test extent to which embedded"))
    assert (row.who, row.when, row.delivery_status) == ("KJ/TL/KC", "Sept 2020", "Planning")
    assert row.improvement_outline.startswith("Embed pre-birth protocol")
    # An outline covers the actions under it.
    same = [r for r in result.records if r.improvement_outline == row.improvement_outline]
    assert len(same) == 1
    neglect = [r for r in result.records if (r.improvement_outline or "").startswith("Neglect toolkit")]
    assert len(neglect) == 3


def test_golden_file():
    score = score_golden("seed002_improvement_grid_2020-05-19.json")
    grid = score.tables["improvement_grid"]
    assert grid.paired_rows >= 0.9 * grid.golden_rows >= 15
    for name in ("who", "when", "delivery_status", "improvement_outline"):
        assert grid.fields[name].matched >= 0.85 * grid.fields[name].total, grid.problems[:5]


OTHER_GRID = """\
Improvement Activity Grid
Improvement priorities planning grid: 3 March 2022
AFI 2 EARLY HELP Priority level H M X L
Issues Thresholds applied inconsistently.
Evidence Audit of 60 contacts, January 2022.
Services Front door, Early Help
Improvement
outline
Action Who? When? Delivery status Status
RAG
Impact Impact
RAG

Apply thresholds
consistently at the
front door.

Run threshold workshops for all
locality teams.

AB/CD April 2022 Booked for
April.

Audit a sample of
contacts monthly and feed back.

EF From May 2022 Not started
\f
Improvement Activity Grid
AFI 2 EARLY HELP Priority level H M X L
Issues Thresholds applied inconsistently.
Evidence Audit of 60 contacts, January 2022.
Services Front door, Early Help
Improvement
outline
Action Who? When? Delivery status Status
RAG
Impact Impact
RAG

Publish a revised
threshold document.

Draft and consult on a revised
threshold document with partners.

GH June 2022 Drafting
"""


def test_a_grid_from_another_year_and_area():
    result = parse_improvement_grid(document_from_text(OTHER_GRID, "improvement_grid"))
    rows = result.records
    assert [r.action for r in rows] == [
        "Run threshold workshops for all locality teams.",
        "Audit a sample of contacts monthly and feed back.",
        "Draft and consult on a revised threshold document with partners.",
    ]
    assert {(r.afi, r.afi_number, r.priority_level) for r in rows} == {("EARLY HELP", "2", "M")}
    assert (rows[0].who, rows[0].when, rows[0].delivery_status) == ("AB/CD", "April 2022", "Booked for April.")
    assert rows[0].improvement_outline == rows[1].improvement_outline == "Apply thresholds consistently at the front door."
    assert rows[2].improvement_outline == "Publish a revised threshold document."
    assert (rows[1].who, rows[1].when, rows[1].delivery_status) == ("EF", "From May 2022", "Not started")
    assert result.document_date == date(2022, 3, 3)


def test_unticked_priority_level_is_left_empty_with_a_warning():
    result = parse_improvement_grid(document_from_text(OTHER_GRID.replace("H M X L", "H M L"), "improvement_grid"))
    assert result.records and all(r.priority_level is None for r in result.records)
    assert any("priority level not read" in w for w in result.warnings)


def test_no_area_gives_a_warning():
    result = parse_improvement_grid(document_from_text("Improvement Activity Grid\nNothing yet.\n", "improvement_grid"))
    assert result.records == [] and result.warnings


def test_improvement_kind_finds_the_grid_start():
    first = ["Appendix B – Improvement Activity Grid", "Improvement priorities planning grid: 19 May 2020",
             "AFI SAFEGUARDING Priority level H X M L", "Issues Decision-making", "Improvement", "outline",
             "Action Who? When? Delivery status Status"]
    assert improvement_kind(first) == "improvement_grid"
    # A report sentence naming the grid is not the grid.
    assert improvement_kind(["3.3 The Improvement Activity Grid (IAG), found at Appendix B, sets out the details"]) is None
    assert improvement_kind(["Improvement Activity Grid developed to provide a framework for all improvement activity."]) is None


def _grid_pdf(path):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=842, height=595)

    def put(x, y, text, size=9):
        page.insert_text((x, y), text, fontsize=size)

    put(40, 40, "Improvement Activity Grid", 12)
    put(40, 60, "AFI 2 EARLY HELP Priority level H M X L")
    put(40, 72, "Issues Thresholds applied inconsistently.")
    put(40, 84, "Evidence Audit of 60 contacts, January 2022.")
    put(40, 96, "Services Front door, Early Help")
    put(40, 110, "Improvement")
    put(40, 121, "outline")
    for x, heading in ((160, "Action"), (400, "Who?"), (460, "When?"), (540, "Delivery status"), (640, "Status RAG")):
        put(x, 110, heading)
    for k, text in enumerate(["Apply thresholds", "consistently at the", "front door."]):
        put(40, 140 + 11 * k, text)
    for k, text in enumerate(["Run threshold workshops for all", "locality teams."]):
        put(160, 140 + 11 * k, text)
    put(400, 140, "AB/CD")
    put(460, 140, "April 2022")
    put(540, 140, "Booked for")
    put(540, 151, "April.")
    for k, text in enumerate(["Audit a sample of contacts", "monthly and feed back."]):
        put(160, 185 + 11 * k, text)
    put(400, 185, "EF")
    put(460, 185, "From May 2022")
    put(540, 185, "Not started")
    doc.save(path)
    return path


def test_a_pdf_grid_uses_column_positions(tmp_path):
    from extract.reading import read_source
    from extract.splitting.document import make_document

    source = read_source(_grid_pdf(tmp_path / "grid.pdf"))
    rows = parse_improvement_grid(make_document(source, source.lines, "improvement_grid")).records
    assert [(r.action, r.who, r.when, r.delivery_status) for r in rows] == [
        ("Run threshold workshops for all locality teams.", "AB/CD", "April 2022", "Booked for April."),
        ("Audit a sample of contacts monthly and feed back.", "EF", "From May 2022", "Not started"),
    ]
    # The status cell of the first row is not taken for the second row's outline.
    assert rows[1].improvement_outline == rows[0].improvement_outline == "Apply thresholds consistently at the front door."


def test_a_rag_word_closing_the_status_is_the_rag():
    result = parse_improvement_grid(document_from_text(OTHER_GRID.replace("Not started", "Not started Amber"), "improvement_grid"))
    row = next(r for r in result.records if r.who == "EF")
    assert (row.delivery_status, row.rag) == ("Not started", "Amber")
    assert all(r.rag is None for r in result.records if r.who != "EF")
