"""The scorecard parser on the seeds' scorecards, their commentary, risk reports and the fixture PDFs."""
from __future__ import annotations

import pytest

from parsers.scorecard import parse_scorecard, parse_scorecard_commentary, scorecard_kind
from schemas.scorecards import ScorecardCommentary, ScorecardRisk, ScorecardValue
from tests.scorecard_helpers import (
    FIXTURES, SEED_000, compare, line_of, load_golden, pdf_document, seed000_performance_report,
    seed000_scorecard, seed003_commentary, seed004_image_pages, seed004_risk_report, source,
)


@pytest.fixture(scope="module")
def seed000():
    return parse_scorecard(seed000_scorecard())


def values(result) -> list[ScorecardValue]:
    return [r for r in result.records if isinstance(r, ScorecardValue)]


def risks(result) -> list[ScorecardRisk]:
    return [r for r in result.records if isinstance(r, ScorecardRisk)]


def find(vals, indicator_start: str, **fields) -> list[ScorecardValue]:
    return [v for v in vals if v.indicator.startswith(indicator_start)
            and all(getattr(v, k) == want for k, want in fields.items())]


# ---- text path: seed 000, Quarter 4 2016/17 ----

def test_every_printed_section_is_read(seed000):
    sections = {v.section for v in values(seed000)}
    assert sections == {
        "Gloucestershire Children & Young People Population", "Early Help", "Assessment & Safeguarding",
        "Children in Care", "Workforce", "Customer Voice & Engagement", "Schools & Education",
    }


def test_periods_come_from_headers_printed_after_the_rows(seed000):
    vals = values(seed000)
    neet = find(vals, "% of young people who are not in education", reporting_basis="Snapshot")
    assert [(v.period, v.is_target, v.value) for v in neet[:5]] == [
        ("2013/14", False, 4.2), ("2014/15", False, 3.8), ("2015/16", False, 3.1), ("2016/17", False, 3.2),
        ("2016/17", True, 4.5)]
    yj = find(vals, "Rate of first time entrants")
    assert [v.period for v in yj] == ["Q2 (2014/15)", "Q2 (2015/16)", "Q2 (2016/17)", "Q1 (2016/17)"]
    transport = find(vals, "The total number of pupils entitled")
    # The target column sits between the quarters: "Q3 Target (2016/17)".
    assert [(v.period, v.is_target) for v in transport][3] == ("Q3 (2016/17)", True)
    assert transport[3].value == 7000


def test_wrapped_indicator_lines_are_joined(seed000):
    vals = values(seed000)
    icpc = find(vals, "% of children whose initial child protection")
    assert icpc and icpc[0].indicator == ("% of children whose initial child protection conferences were held within "
                                          "15 working days of the initiation of the s47 enquiries which led to the conference")


def test_question_mark_is_missing_not_zero(seed000):
    cp = find(values(seed000), "Number of children subject of a Child Protection Plan", period="2013/14")
    assert cp and all(v.value is None and v.value_text == "?" for v in cp)


def test_short_rows_keep_figures_without_guessing_periods(seed000):
    vals = values(seed000)
    single = find(vals, "% of (single) assessments")
    assert single and {v.period for v in single} == {None}
    assert [v.value for v in single[:3]] == [79.9, 78.1, 90.0]
    assert [v.value_index for v in single[:3]] == [0, 1, 2]
    assert any("(single) assessments" in w and "periods left empty" in w for w in seed000.warnings)


def test_comparators_are_kept_apart_from_period_values(seed000):
    vals = values(seed000)
    peer = find(vals, "Rate of referrals to social care", is_comparator=True)
    assert {(v.comparator, v.value) for v in peer} == {("Peer group", 429.6), ("National", 532.2)}
    assert all(v.period is None for v in peer)
    assert not find(vals, "Rate of referrals to social care", is_comparator=False, value=429.6)


def test_units(seed000):
    vals = values(seed000)
    assert {v.unit for v in find(vals, "Average weekly cost of residential")} == {"£"}
    assert {v.unit for v in find(vals, "Number of Children in Care (CiC)")} == {"count"}
    assert {v.unit for v in find(vals, "Rate of proven reoffending")} == {"rate"}
    assert {v.unit for v in find(vals, "Percentage of referrals")} == {"%"}


def test_key_risk_matrix_and_chart_labels_are_not_indicators(seed000):
    for v in values(seed000):
        assert not v.indicator.startswith(("Low", "Moderate", "High", "Likelihood", "Almost", "Key to", "Population"))
        assert "Risk" not in v.indicator
    # The performance summary before the scorecard holds charts, not tables.
    assert not values(parse_scorecard(seed000_performance_report()))


def test_comments_stay_with_their_row(seed000):
    vals = values(seed000)
    cp2 = find(vals, "Number of children on Child Protection Plans for 2")
    assert cp2[0].comment.startswith("All children on CP plans for 2 years or more")
    assert find(vals, "% of referrals to Social Care that are rereferrals")[0].comment.startswith("We have redesigned")
    assert find(vals, "% of Social Work posts which are vacant")[0].comment == (
        "This relates to 17.5 FTE vacancies at the end of March 2017.")
    # The last row before a table header keeps its comment, and the header is not part of it.
    smokers = find(vals, "Total number of pregnant smokers")[0].comment
    assert smokers.startswith("A new healthy lifestyles service") and smokers.endswith("for the Q3 period.")


def test_risk_register_summary(seed000):
    got = {r.ref: (r.score, r.level, r.owner) for r in risks(seed000)}
    assert got == {"SR7.2": (15, "High", "Uren, Linda"), "SR7.3": (16, "High", "Uren, Linda"),
                   "SR7.4": (16, "High", "Browne, Tim")}


# ---- seed 004: risk monitoring report; scorecard pages that were images ----

def test_risk_monitoring_summary_rows():
    result = parse_scorecard(seed004_risk_report())
    got = {(r.ref, r.owner, r.score, r.level) for r in risks(result)}
    assert got == {("SR 7.5", "Chris Spencer", 12, "Medium"), ("SR 7.7", "Chris Spencer", 12, "Medium"),
                   ("SR 7.4", "Kirsten Harrison", 9, "Medium"), ("SR 7.2", "Chris Spencer", 9, "Medium")}
    assert not values(result), "the risk matrix is not a table of figures"


def test_image_pages_are_reported_not_invented():
    result = parse_scorecard(seed004_image_pages())
    assert not result.records
    assert sum("needs OCR" in w for w in result.warnings) == 5


# ---- commentary: seed 003 ----

def test_commentary_paragraphs():
    result = parse_scorecard_commentary(seed003_commentary())
    paras = [r for r in result.records if isinstance(r, ScorecardCommentary)]
    assert [p.seq for p in paras] == [str(n) for n in range(1, 15)]
    assert paras[11].text.startswith("13 children were permanently excluded")
    # Unnumbered follow-on paragraphs belong to the numbered one above them.
    assert "Trevone House" in paras[6].text and paras[7].text.endswith("workforce are ongoing.")
    assert paras[5].figures == ["3.4%", "11.4%"]


def test_commentary_risk_ratings():
    result = parse_scorecard_commentary(seed003_commentary())
    got = [(r.seq, r.level, r.score, r.previous_score) for r in risks(result)]
    assert got == [("1", "Moderate", 8, None), ("7", "Moderate", 12, None), ("8", "Moderate", 12, 8),
                   ("14", "Moderate", 12, None)]


# ---- the splitter's question ----

def test_scorecard_kind():
    src = source(SEED_000)
    def first_lines(start):
        return [l.text for l in src.lines if l.number >= start][:40]
    assert scorecard_kind(first_lines(line_of(src, r"Overview & Scrutiny Scorecard\s*$"))) == "scorecard"
    assert scorecard_kind(first_lines(line_of(src, r"^Assessment & Safeguarding\s*$"))) == "scorecard"
    assert scorecard_kind(first_lines(line_of(src, r"^\s*2016/17 Performance\s*$"))) is None
    assert scorecard_kind(first_lines(1)) is None  # minutes
    assert scorecard_kind([l.text for l in seed003_commentary().lines][:30]) == "scorecard_commentary"
    assert scorecard_kind([l.text for l in seed004_risk_report().lines][:30]) == "scorecard"
    for name in ("scorecard_q4_2016_17.pdf", "scorecard_centred_cells.pdf"):  # no title line: cells only
        assert scorecard_kind([l.text for l in pdf_document(name).lines][:30]) == "scorecard"


# ---- PDF path: fixtures built from the seed text ----

@pytest.fixture(scope="module")
def fixture_pdf():
    return parse_scorecard(pdf_document("scorecard_q4_2016_17.pdf"))


def test_pdf_x_positions_place_short_rows(fixture_pdf):
    vals = values(fixture_pdf)
    families = find(vals, "Number of families engaged")
    assert [(v.period, v.value) for v in families] == [("2015/16", 660), ("2016/17", 1600)]
    single = find(vals, "% of (single) assessments")
    assert [(v.period, v.is_target, v.value) for v in single] == [
        ("2015/16", False, 79.9), ("2016/17", False, 78.1), ("2016/17", True, 90.0)]
    residential = find(vals, "Number of children in care in a residential")
    assert [v.period for v in residential] == ["2015/16", "2016/17"]


def test_pdf_reads_the_same_figures_as_the_text(fixture_pdf, seed000):
    text_vals = values(seed000)
    read_with_period = {v.indicator for v in text_vals if v.period}
    text_keys = {(v.indicator, v.period, v.is_target, v.value_text) for v in text_vals}
    pdf_vals = [v for v in values(fixture_pdf) if not v.is_comparator]
    assert {v.indicator for v in pdf_vals} <= {v.indicator for v in text_vals}
    # Where the text path could read the periods, the PDF path reads the same ones.
    comparable = [v for v in pdf_vals if v.indicator in read_with_period]
    assert len(comparable) >= 60
    assert all((v.indicator, v.period, v.is_target, v.value_text) in text_keys for v in comparable)


def test_pdf_sections_and_comparators(fixture_pdf):
    vals = values(fixture_pdf)
    assert {v.section for v in vals} == {"Early Help", "Assessment & Safeguarding", "Children in Care",
                                        "Schools & Education"}
    assert {(v.comparator, v.value) for v in find(vals, "Rate of children per 10,000", is_comparator=True)} == {
        ("Peer group", 45.9), ("National", 60.0)}


def test_pdf_page_without_text_layer_needs_ocr(fixture_pdf):
    assert fixture_pdf.warnings == ["page 6 has no text layer: needs OCR"]


def test_fixture_builder_reproduces_committed_pdfs(tmp_path):
    import importlib.util

    import pymupdf

    import sys

    spec = importlib.util.spec_from_file_location("build_scorecard_fixtures", FIXTURES.parent / "build_scorecard_fixtures.py")
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build  # dataclasses look their module up while the file runs
    spec.loader.exec_module(build)
    for made in build.build(tmp_path):
        with pymupdf.open(made) as new, pymupdf.open(FIXTURES / made.name) as committed:
            assert [p.get_text() for p in new] == [p.get_text() for p in committed]


# ---- golden files ----

GOLDEN_DOCS = {
    "seed000_q4_2016_17_scorecard.json": (seed000_scorecard, parse_scorecard),
    "seed003_q2_2021_22_commentary.json": (seed003_commentary, parse_scorecard_commentary),
    "seed004_q3_2022_23_risks.json": (seed004_risk_report, parse_scorecard),
    "fixture_scorecard_q4_2016_17_pdf.json": (lambda: pdf_document("scorecard_q4_2016_17.pdf"), parse_scorecard),
}
TABLE_MODELS = {"scorecard_values": ScorecardValue, "scorecard_risks": ScorecardRisk,
                "scorecard_commentary": ScorecardCommentary}


@pytest.mark.parametrize("name", sorted(GOLDEN_DOCS))
def test_golden(name):
    golden = load_golden(name)
    make_doc, parse = GOLDEN_DOCS[name]
    doc = make_doc()
    total_checked = 0
    for spec in golden["documents"]:
        select = spec["select"]
        if "contains_line" in select:
            assert doc.line_start <= select["contains_line"] <= doc.line_end
        else:
            assert doc.page_start <= select["contains_page"] <= doc.page_end
        result = parse(doc)
        for table, table_spec in spec["records"].items():
            model = TABLE_MODELS[table]
            records = [r for r in result.records if isinstance(r, model)]
            right, checked, problems, extra = compare(table_spec, records, model.key)
            total_checked += checked
            assert not problems, problems[:10]
            assert right == checked and extra == 0
    assert total_checked > 0


def test_golden_covers_the_brief():
    golden = load_golden("seed000_q4_2016_17_scorecard.json")
    rows = golden["documents"][0]["records"]["scorecard_values"]["rows"]
    assert len(rows) >= 60
    assert len({r["section"] for r in rows}) == 7
    commentary = load_golden("seed003_q2_2021_22_commentary.json")["documents"][0]["records"]
    assert len(commentary["scorecard_commentary"]["rows"]) == 14


def test_headers_printed_above_rows_in_text():
    """Another council's layout: headers above rows, label words in the header, a table with no basis column."""
    from extract.splitting.document import make_document
    from schemas.document import Line, Page, Source

    text = """Performance Scorecard Quarter 2 2021/22

Children in Care
Indicator Reporting Basis 2019/20 2020/21 2021/22 Target 2021/22 Comments
Number of children in care Snapshot 700 750 800 780 Rising demand
% of care leavers in suitable accommodation Annual 85.0% 88.0% 90.0%

Education
Measure 2019 2020 2021
Number of permanent exclusions 40 35 13"""
    lines = [Line(t, 1, n) for n, t in enumerate(text.split("\n"), start=1)]
    src = Source("0" * 64, "synthetic.txt", "text", [Page(1, lines)])
    vals = values(parse_scorecard(make_document(src, lines, "scorecard")))
    cic = find(vals, "Number of children in care")
    assert [(v.section, v.period, v.is_target, v.value, v.comment) for v in cic] == [
        ("Children in Care", "2019/20", False, 700, "Rising demand"),
        ("Children in Care", "2020/21", False, 750, "Rising demand"),
        ("Children in Care", "2021/22", False, 800, "Rising demand"),
        ("Children in Care", "2021/22", True, 780, "Rising demand")]
    assert {v.period for v in find(vals, "% of care leavers")} == {None}
    exclusions = find(vals, "Number of permanent exclusions")
    assert [(v.section, v.period, v.value, v.reporting_basis) for v in exclusions] == [
        ("Education", "2019", 40, None), ("Education", "2020", 35, None), ("Education", "2021", 13, None)]


def test_pdf_cells_centred_in_their_rows():
    """Figures printed between a wrapped indicator's lines still belong to that indicator's row."""
    top = values(parse_scorecard(pdf_document("scorecard_q4_2016_17.pdf")))
    centred = values(parse_scorecard(pdf_document("scorecard_centred_cells.pdf")))
    key = lambda v: (v.indicator, v.reporting_basis, v.period, v.is_target, v.value_text)  # noqa: E731
    assert len(centred) == 2 + 4 + 4 + 3 + 5 + 3  # figures printed on the page, row by row
    assert {key(v) for v in centred} == {key(v) for v in top if v.section == "Children in Care"}


def test_tables_of_a_following_report_are_not_scorecard_rows(seed000):
    """Run on to the end of the pack (a budget outturn report with its annex tables): no extra figures."""
    from extract.splitting.document import document_between

    src = source(SEED_000)
    longer = document_between(src, line_of(src, r"Overview & Scrutiny Scorecard\s*$"), src.lines[-1].number, "scorecard")
    key = lambda v: repr((v.line, v.indicator, v.period, v.is_target, v.value_index, v.comparator))  # noqa: E731
    assert sorted(map(key, values(parse_scorecard(longer)))) == sorted(map(key, values(seed000)))


def test_pdf_risk_summary_rows_read_across_cells(tmp_path):
    """Seed 004's risk summary (lines 1427-1435) set as a PDF table: each cell its own text object."""
    from reportlab.pdfgen import canvas

    from extract.reading import read_source
    from extract.splitting.document import make_document

    path = tmp_path / "risks.pdf"
    c = canvas.Canvas(str(path), pagesize=(842, 595))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(30, 550, "Strategic Risk Monitoring Report")
    c.setFont("Helvetica", 9)
    cells = [("Ref", "Risk Owner", "Strategic Risks", "Residual risk score"),
             ("SR 7.5", "Chris Spencer", "Insufficient workforce capacity in Children's services", "Medium 12"),
             ("SR 7.4", "Kirsten Harrison", "Failure to Close the gap in Educational Outcomes", "Medium 9")]
    for n, row in enumerate(cells):
        for x, text in zip((30, 90, 190, 520), row):
            c.drawString(x, 520 - 18 * n, text)
    c.drawString(30, 400, "Risk Owner: Chris Spencer, Exec. Director of Children's Services")
    c.drawString(30, 385, "Risk Owner: Kirsten Harrison, Director of Education")
    c.save()
    src = read_source(path)
    result = parse_scorecard(make_document(src, src.lines, "scorecard"))
    assert {(r.ref, r.owner, r.risk, r.score, r.level) for r in risks(result)} == {
        ("SR 7.5", "Chris Spencer", "Insufficient workforce capacity in Children's services", 12, "Medium"),
        ("SR 7.4", "Kirsten Harrison", "Failure to Close the gap in Educational Outcomes", 9, "Medium")}


def test_a_line_without_a_digit_is_read_as_naming_no_period_as_the_full_rule_reads_it():
    """`columns_of` and `has_period` skip a text holding no digit (every period has one): on the lines
    of the seeds' scorecards and of real minutes, the skip must give what the full rule gives."""
    import re

    from extract.reading import read_source
    from parsers.scorecard.columns import _COLUMN, _COMMENTS, _columns_in, columns_of, has_period
    from tests.conftest import MODERNGOV, seed

    paths = [seed(0), seed(3), *sorted(MODERNGOV.glob("*minutes*.pdf"))]
    texts = [line.text for path in paths for line in read_source(path).lines]
    for text in texts:
        assert columns_of(text) == _columns_in(text), text
        assert has_period(text) == bool(_COLUMN.search(_COMMENTS.sub("", text))), text
    with_periods = [t for t in texts if _columns_in(t)]
    skipped = [t for t in texts if not re.search(r"\d", t)]
    assert len(with_periods) > 20 and len(skipped) > 1000  # both sides of the skip were compared
