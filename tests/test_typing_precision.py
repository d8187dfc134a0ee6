"""Precision of the splitter's typing: shapes that look like a parsed type and are not (issue 19).

The fixtures (`corpus/fixtures/typing/`) follow real documents: a minister's letter, an agenda
front sheet announcing minutes, an appendix of recommendations titled "Minutes of …", a budget and
a treasury management strategy. Each was typed as a parsed type before; each must now be typed as
the plain document it is, read as text, as a PDF, and inside a pack.
"""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from extract.reading import read_source
from extract.splitting import split_source
from parsers import monitoring_letter
from parsers.common.commentary_evidence import cites_indicators
from parsers.common.ofsted_letters import is_ofsted_sender
from parsers.registry import PARSERS
from tests.conftest import ROOT
from tests.pdf_factory import text_pdf

FIXTURES = ROOT / "corpus" / "fixtures" / "typing"
SHARED = ROOT / ".." / "shared"
KENT_CABINET_MINUTES = SHARED / "corpus" / "moderngov" / "kent-cabinet-2025-01-30-minutes.pdf"

EXPECTED = {
    "minister-letter-reorganisation.txt": "letter",
    "county-council-front-sheet.txt": "agenda",
    "cabinet-recommendations-appendix.txt": "report",
    "treasury-management-strategy.txt": "report",
    "revenue-budget.txt": "report",
}
REPORT_PAGE = "Agenda Item 4\n\nReport title: Children's services update\n\nPurpose of the report\nTo inform members."


def _types(source) -> list[tuple[str, int, int]]:
    return [(d.doc_type, d.page_start, d.page_end) for d in split_source(read_source(source))]


def _pages(name: str) -> list[str]:
    return (FIXTURES / name).read_text(encoding="utf-8").split("\f")


def test_every_fixture_is_listed():
    assert sorted(p.name for p in FIXTURES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_look_alike_is_typed_as_what_it_is_read_as_text(name: str):
    docs = split_source(read_source(FIXTURES / name))
    assert [d.doc_type for d in docs] == [EXPECTED[name]]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_look_alike_is_typed_as_what_it_is_in_a_pdf_of_its_own(name: str, tmp_path: Path):
    pages = _pages(name)
    assert _types(text_pdf(tmp_path / "doc.pdf", pages)) == [(EXPECTED[name], 1, len(pages))]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_look_alike_is_typed_as_what_it_is_inside_a_pack(name: str, tmp_path: Path):
    """After a report and a blank page, its first page is a page top where start cues fire."""
    pages = _pages(name)
    pdf = text_pdf(tmp_path / "pack.pdf", [REPORT_PAGE, "This page is intentionally left blank", *pages])
    docs = _types(pdf)
    assert docs[0] == ("report", 1, 1)
    assert docs[1:] == [(EXPECTED[name], 3, 2 + len(pages))]
    assert not [d for d in docs if d[0] in PARSERS]


PERFORMANCE_ITEM = "Quarterly Performance Report, Q2 2024-2025"


def _kent_minutes_with_a_performance_item(item_on_its_own_line: bool = False) -> list[str]:
    """The Kent Cabinet minutes, item 89's heading (page 11's top) renamed after a performance report.
    ModernGov prints the "(Item 6)" anchor after the title, on its line or (as here, in the PDF) below it."""
    with pymupdf.open(KENT_CABINET_MINUTES) as pdf:
        pages = [page.get_text() for page in pdf]
    top = pages[10]
    start, end = top.index("89."), top.index("(Item 6)") + len("(Item 6)")
    heading = PERFORMANCE_ITEM + (" \n(Item 6)" if item_on_its_own_line else " (Item 6)")
    pages[10] = top[:start] + "89. \n" + heading + top[end:]
    return pages


@pytest.mark.parametrize("item_on_its_own_line", [False, True])
def test_minutes_with_an_item_named_after_a_performance_report_are_one_document(tmp_path: Path,
                                                                                item_on_its_own_line: bool):
    pages = _kent_minutes_with_a_performance_item(item_on_its_own_line)
    assert PERFORMANCE_ITEM in pages[10]
    pdf = text_pdf(tmp_path / "minutes.pdf", pages, fontsize=7)
    assert _types(pdf) == [("minutes", 1, len(pages))]
    text = tmp_path / "minutes.txt"
    text.write_text("\n".join(pages), encoding="utf-8")
    source = read_source(text)
    last_line = max(l.number for l in source.lines if l.text.strip())
    docs = split_source(source)
    assert [d.doc_type for d in docs] == ["minutes"] and docs[0].line_start == 1 and docs[0].line_end >= last_line


def test_inside_minutes_a_stamped_item_page_or_an_ofsted_report_still_starts_a_document(tmp_path: Path):
    """The container rule asks for evidence, and takes it: an 'Agenda Item' stamp, a title block with dates."""
    minutes = _kent_minutes_with_a_performance_item()[:3]
    stamped = REPORT_PAGE.replace("Agenda Item 4", "Agenda Item 5")
    ofsted = ("Inspection of Anytown local authority children's services\n\n"
              "Inspection dates: 3 to 14 March 2025\n\nLead inspector: Jane Doe, His Majesty's Inspector")
    pdf = text_pdf(tmp_path / "pack.pdf", [*minutes, stamped, ofsted], fontsize=7)
    assert _types(pdf) == [("minutes", 1, 3), ("report", 4, 4), ("ofsted_inspection", 5, 5)]


def test_a_letter_is_a_monitoring_letter_only_when_it_is_ofsteds():
    minister = [t for t in _pages("minister-letter-reorganisation.txt")[0].splitlines() if t.strip()]
    assert monitoring_letter.recognise(minister) is None
    assert not is_ofsted_sender(minister)
    seed = (SHARED / "seeds" / "002_b238d0e24857a129.txt").read_text(encoding="utf-8").splitlines()[656:700]
    assert monitoring_letter.recognise(seed) == "monitoring_letter"  # the seed's real Ofsted letter
    assert is_ofsted_sender(["Ofsted", "Piccadilly Gate"]) and is_ofsted_sender(["Jane Doe, His Majesty's Inspector"])
    assert not is_ofsted_sender(["Following Ofsted's monitoring visit, the Department will …"])


def test_commentary_cites_indicators_and_a_budget_does_not():
    commentary = (SHARED / "seeds" / "003_6ecd782d0882456e.txt").read_text(encoding="utf-8")
    assert cites_indicators(commentary)
    for name in ("revenue-budget.txt", "treasury-management-strategy.txt"):
        assert not cites_indicators((FIXTURES / name).read_text(encoding="utf-8")), name


# --- typing confidence ---------------------------------------------------------------------------

SPLIT_INPUTS = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "moderngov").glob("*.pdf"))


def test_every_document_records_its_typing_and_no_parsed_type_rests_on_one_weak_cue():
    assert len(SPLIT_INPUTS) == 10
    seen = set()
    for path in SPLIT_INPUTS:
        for d in split_source(read_source(path)):
            assert d.typing_cues and d.typing_confidence in {"low", "medium", "high"}, (path.name, d.doc_type)
            assert d.typing_confidence == ("high" if d.typing_score >= 3 else "medium" if d.typing_score == 2 else "low")
            if d.doc_type in PARSERS:
                assert d.typing_confidence != "low", (path.name, d.doc_type, d.typing_cues)
            seen.add(d.typing_confidence)
    assert {"medium", "high"} <= seen


def test_a_parsed_type_named_only_by_a_heading_falls_back_to_a_report_marked_low(tmp_path: Path):
    path = tmp_path / "grid-cover.txt"
    path.write_text("Improvement Activity Grid\n\nThe grid that follows was agreed by the Improvement Board in May.\n"
                    "It will be reported to the next meeting.\nMembers are asked to note it.\n")
    [doc] = split_source(read_source(path))
    assert (doc.doc_type, doc.typing_confidence) == ("report", "low")
    assert "improvement_grid" in doc.typing_cues[0]


def test_the_document_typing_view_lists_low_confidence_first(tmp_path: Path):
    from extract.pipeline import ingest
    from extract.warehouse import Warehouse
    from extract.warehouse.views import create_views

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "grid-cover.txt").write_text("Improvement Activity Grid\n\nThe grid that follows was agreed in May.\n"
                                           "It will be reported to the next meeting.\nMembers are asked to note it.\n")
    (folder / "budget.txt").write_text((FIXTURES / "revenue-budget.txt").read_text(encoding="utf-8"))
    ingest([folder], tmp_path / "w.duckdb")
    with Warehouse(tmp_path / "w.duckdb") as wh:
        create_views(wh.con)
        rows = wh.con.execute("SELECT file_name, doc_type, typing_confidence, typing_cues FROM document_typing").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("grid-cover.txt", "report", "low"), ("budget.txt", "report", "medium")]
    assert "improvement_grid" in rows[0][3]


def test_extract_docs_shows_each_typings_confidence_and_cues(monkeypatch):
    from typer.testing import CliRunner

    import cli
    from cli import app

    monkeypatch.setattr(cli.console, "width", 250)
    result = CliRunner().invoke(app, ["docs", str(FIXTURES / "minister-letter-reorganisation.txt")], terminal_width=220)
    assert result.exit_code == 0, result.output
    row = next(l for l in result.output.splitlines() if "letter" in l and "│" in l)
    assert "medium (2)" in row and "fallback, unclaimed" in row


def test_a_letter_quoted_in_minutes_signs_off_without_ending_them(tmp_path: Path):
    pages = _kent_minutes_with_a_performance_item()[:4]
    quoted = ("The Leader read the reply received from the Minister:\n\n\"Thank you for your letter of 3 January.\n\n"
              "Yours sincerely\n\nJim McMahon OBE MP\nMinister of State for Local Government\"\n\n")
    pages[1] = quoted + pages[1]
    pdf = text_pdf(tmp_path / "minutes.pdf", pages, fontsize=7)
    assert _types(pdf) == [("minutes", 1, 4)]


def test_a_front_sheet_whose_heading_is_a_picture_is_still_an_agenda(tmp_path: Path):
    """The Kent front sheet without its AGENDA line (many councils print the heading as a logo): what is
    left names minutes ("3. Minutes of the Meeting held on …") and lists apologies, and is an agenda."""
    with pymupdf.open(SHARED / "corpus" / "moderngov" / "kent-cabinet-2025-03-04-agenda-frontsheet.pdf") as pdf:
        text = pdf[0].get_text()
    assert "AGENDA" in text and "Minutes of the Meeting held on 30 January 2025" in text
    pages = [text.replace("AGENDA", "", 1)]
    assert _types(text_pdf(tmp_path / "front.pdf", pages, fontsize=7)) == [("agenda", 1, 1)]
    path = tmp_path / "front.txt"
    path.write_text(pages[0], encoding="utf-8")
    assert [d.doc_type for d in split_source(read_source(path))] == ["agenda"]


def test_a_treasury_table_of_prudential_indicators_is_not_a_scorecard(tmp_path: Path):
    """Periods beside 'Target' make a table header a scorecard's, unless the table is about money."""
    from parsers.scorecard import recognise as scorecard_recognise

    table = ["Prudential Indicators 2025-26 to 2027-28", "Indicator", "2024-25 Estimate", "2025-26 Estimate",
             "2026-27 Estimate", "Target", "Capital expenditure £m", "312.4", "298.1",
             "Ratio of financing costs to net revenue stream %", "4.1", "4.3"]
    assert scorecard_recognise(table) is None
    children = ["Children's Social Care", "Indicator", "2024-25", "2025-26", "Target", "RAG",
                "Re-referrals within 12 months %", "22.5", "21.0"]
    assert scorecard_recognise(children) == "scorecard"  # the same shape about children is one
    path = tmp_path / "prudential.txt"
    path.write_text("\n".join(table) + "\n", encoding="utf-8")
    assert [d.doc_type for d in split_source(read_source(path))] == ["report"]


def test_in_an_outlined_pack_a_heading_inside_an_items_report_is_not_a_new_document(tmp_path: Path):
    """A ModernGov pack bookmarks every item and appendix: a page inside an item's report whose top
    names a performance report (the report's own section) continues it; the next bookmark cuts."""
    cover = REPORT_PAGE
    section = ("Quarterly Performance Report\nQuarter 2 2024/25\n\nThe report's second section sets out the "
               "indicators the directorate reports to Cabinet each quarter.\nMembers are asked to note them.")
    appendix = "Appendix A - Equality Impact Assessment\n\nEQIA Submission Form\nName of activity: transfer of service."
    path = text_pdf(tmp_path / "pack.pdf", [cover, section, appendix])
    with pymupdf.open(path) as pdf:
        pdf.set_toc([[1, "4 Children's services update", 1], [2, "Appendix A - EqIA", 3]])
        pdf.saveIncr()
    assert _types(path) == [("report", 1, 2), ("report", 3, 3)]


def test_a_budget_monitoring_and_performance_report_cover_is_a_report(tmp_path: Path):
    """A performance report's cover (title and quarter) opens a scorecard; a budget monitoring report's does not."""
    cover = ("Revenue and Capital Budget Monitoring and Performance Report\nQuarter 2 2024/25\nCabinet 5 December 2024\n"
             "The forecast revenue overspend is £16.2m after management action.\n"
             "Capital expenditure is forecast at £312.4m against a budget of £340.1m.\n"
             "Reserves and savings delivery are set out in section 3.\n")
    path = tmp_path / "budget-monitoring.txt"
    path.write_text(cover, encoding="utf-8")
    assert [d.doc_type for d in split_source(read_source(path))] == ["report"]
    scorecard_cover = cover.replace("Revenue and Capital Budget Monitoring and Performance Report",
                                    "Children's Services Performance Report").split("The forecast")[0]
    path.write_text(scorecard_cover + "Re-referrals within 12 months were 22.5% against a target of 21%.\n",
                    encoding="utf-8")
    assert [d.doc_type for d in split_source(read_source(path))] == ["scorecard"]
