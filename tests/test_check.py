"""`extract check`: the keyless invariants, on both shared Ofsted folders and on files built to break them.

- every report in ofsted/ and ofsted-national/ passes every rule, less the documented
  exceptions (corpus/check_exceptions.csv), and each exception is still needed;
- each rule fires on the value it is about, and only on it;
- a trailing standalone LSCB review is its own document with its own framework,
  while two inspections in one file break `one-inspection`;
- the command prints one line per breaking document and exits 1.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb
import pymupdf
import pytest
from typer.testing import CliRunner

from cli import app
from extract.check import (
    CLEAN_NAME, RULES, check_warehouse, count_documents, inspection_breaches, load_exceptions,
)
from extract.pipeline import ingest
from tests.conftest import OFSTED, ROOT, SHARED

NATIONAL = SHARED / "corpus" / "ofsted-national"
EXCEPTIONS = ROOT / "corpus" / "check_exceptions.csv"
GLOUCESTERSHIRE_2017 = OFSTED / "gloucestershire-2017-06-13.pdf"
runner = CliRunner()


@pytest.fixture(scope="module")
def shared_warehouse(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("check") / "ofsted.duckdb"
    ingest([OFSTED, NATIONAL], db, workers=2)
    return db


def test_every_shared_ofsted_report_passes_every_rule(shared_warehouse):
    exceptions = load_exceptions(EXCEPTIONS)
    with duckdb.connect(str(shared_warehouse), read_only=True) as con:
        assert count_documents(con) == 132  # 33 reports (less the HTML page) + 100
        assert [c.line() for c in check_warehouse(con, exceptions)] == []
        # Every documented exception is still needed: without it, its rule breaks on its file.
        broken = {(c.file_name, b.rule) for c in check_warehouse(con) for b in c.breaches}
    assert {(e.file_name, e.rule) for e in exceptions} <= broken
    assert all(re.match(r"^p\d+", e.page) for e in exceptions)


def test_every_report_is_filed_under_its_canonical_authority(shared_warehouse):
    """The collection names each file after its authority: the canonical name read from the page must agree."""
    with duckdb.connect(str(shared_warehouse), read_only=True) as con:
        rows = con.execute("""select s.file_name, i.local_authority from ofsted_inspections i
                              join documents d using (document_id) join sources s using (source_id)""").fetchall()
    assert len(rows) == 132
    for file_name, authority in rows:
        slug = re.sub(r"[^a-z0-9]+", "-", authority.lower()).strip("-")
        assert file_name.startswith(slug + "-2"), (file_name, authority)


def _row(**changes):
    row = dict(la="Kent", la_printed="Kent County Council", fw="ILACS", start=date(2022, 5, 9), end=date(2022, 5, 20),
               published=None, overall="Outstanding", lead="Margaret Burke", leads=["Margaret Burke"],
               judgements=[("overall", "Outstanding", "Outstanding")], n_recs=3)
    row.update(changes)
    return row


def _rules(**changes) -> list[str]:
    return [b.rule for b in inspection_breaches(**_row(**changes))]


def test_a_correct_row_breaks_nothing():
    assert _rules() == []


@pytest.mark.parametrize("changes, rule", [
    ({"la": "Council"}, "authority"),
    ({"start": None}, "dates"),
    ({"start": date(2022, 5, 21)}, "dates"),
    ({"published": date(2022, 5, 1)}, "dates"),
    ({"fw": None}, "framework"),
    ({"overall": None}, "overall-grade"),
    ({"judgements": [("overall", "Exceptional", "EXCEPTIONAL")]}, "grades"),
    ({"n_recs": 0}, "recommendations"),
    ({"lead": None, "leads": []}, "lead-inspector"),
    ({"lead": "Jane Smith HMI", "leads": ["Jane Smith HMI"]}, "lead-inspector"),
    ({"lead": "Jane Smith Tom Jones Ann Lee", "leads": ["Jane Smith Tom Jones Ann Lee"]}, "lead-inspector"),
])
def test_each_rule_fires_on_its_own_value(changes, rule):
    assert _rules(**changes) == [rule]


def test_frameworks_without_an_overall_grade_need_none():
    assert _rules(fw="ILACS 2026", overall=None, judgements=[]) == []
    assert _rules(fw="LSCB review", overall=None, judgements=[("lscb", "Good", "good")]) == []


def test_clean_names():
    for name in ("Jenny-ellen Scotland", "Fiona J Millns", "Paula Thomson-Jones", "Brenda McLaughlin", "Maire Atherton"):
        assert CLEAN_NAME.match(name), name
    for name in ("Margaret Burke, Her Majesty's Inspector", "Jane Smith (HMI)", "Smith", "jane smith"):
        assert not CLEAN_NAME.match(name), name


def test_exceptions_need_a_known_rule_and_a_cited_page(tmp_path):
    bad = tmp_path / "exceptions.csv"
    bad.write_text("file_name,rule,page,reason\nx.pdf,no-such-rule,p1,because\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown rule"):
        load_exceptions(bad)
    bad.write_text("file_name,rule,page,reason\nx.pdf,dates,,because\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs file_name, rule, page and reason"):
        load_exceptions(bad)
    assert {e.rule for e in load_exceptions(EXCEPTIONS)} <= set(RULES)


# A standalone LSCB review printed after the report, opening as Gloucestershire's review section does (2017, p33-34),
# with its own title, dates, list and team page.
LSCB_REVIEW_PAGES = [
    "Gloucestershire\nReview of the effectiveness of the Local Safeguarding Children\nBoard\n"
    "Inspection dates: 27 February to 23 March 2017\nReport published: 13 June 2017\n"
    "The Local Safeguarding Children Board requires improvement\nExecutive summary\n"
    "The Gloucestershire Safeguarding Children Board (GSCB) requires improvement.\n"
    "Recommendations\n"
    "1. Ensure that the board's learning and improvement framework is used to evaluate multi-agency practice.\n"
    "2. Improve the evaluation of the impact of multi-agency training on practice.\n",
    "The inspection team\nLead inspector: Emmy Tomsett HMI\n",
]


def _pdf_of(path: Path, reports: list[Path], extra_pages: list[str] = ()) -> Path:
    out = pymupdf.open()
    for report in reports:
        with pymupdf.open(report) as doc:
            out.insert_pdf(doc)
    for text in extra_pages:
        page = out.new_page(width=595, height=842)
        page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontsize=10)
    out.save(path)
    return path


def test_a_trailing_lscb_review_is_its_own_document_with_its_own_framework(tmp_path):
    pdf = _pdf_of(tmp_path / "gloucestershire-with-review.pdf", [GLOUCESTERSHIRE_2017], LSCB_REVIEW_PAGES)
    db = tmp_path / "w.duckdb"
    ingest([pdf], db)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""select d.page_start, d.page_end, i.framework, i.report_kind, i.lead_inspector
                              from ofsted_inspections i join documents d using (document_id) order by 1""").fetchall()
        checks = check_warehouse(con)
    assert rows == [(1, 41, "SIF", "inspection", "Emmy Tomsett"), (42, 43, "LSCB review", "lscb_review", "Emmy Tomsett")]
    assert checks == []


def test_two_inspections_in_one_file_break_one_inspection(tmp_path):
    pdf = _pdf_of(tmp_path / "two.pdf", [NATIONAL / "kent-2022-07-05.pdf", NATIONAL / "camden-2025-04-15.pdf"])
    db = tmp_path / "w.duckdb"
    ingest([pdf], db)
    result = runner.invoke(app, ["check", "--db", str(db)], terminal_width=300)
    assert result.exit_code == 1
    lines = [l for l in result.output.splitlines() if "two.pdf" in l]
    assert len(lines) == 2 and all("one-inspection: another inspection in the same file" in l for l in lines)
    assert "2 of 2 Ofsted inspection documents break a rule: one-inspection 2" in result.output


def test_check_command_passes_a_clean_warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    ingest([NATIONAL / "kent-2022-07-05.pdf"], db)
    result = runner.invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "all 1 Ofsted inspection documents pass every rule" in result.output
