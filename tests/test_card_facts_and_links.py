"""Cards reprinted in later packs, revisions, commentary linked to facts, periods as dates, RAG colours."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from extract.commentary_links import link_commentary
from extract.dedupe import dedupe_scorecard_values
from extract.pipeline import ingest
from parsers.common.periods import period_dates
from parsers.scorecard.rag_colours import rag_of_colour
from schemas.scorecards import ScorecardCommentary, ScorecardValue
from tests.card_report_helpers import cr, figure, specs


def _card_value(doc: str, value: float, period: str = "Q3 2024/25") -> ScorecardValue:
    return ScorecardValue(document_id=doc, indicator="Rate of referrals per 10,000", period=period, value=value,
                          value_text=str(value), unit="rate per 10,000", layout="card")


def test_a_card_reprinted_with_the_same_value_is_one_fact_and_a_new_value_is_a_revision():
    same = dedupe_scorecard_values([_card_value("a:p1-2", 512.3), _card_value("b:p4-5", 512.3)])
    assert [(f.occurrences, f.conflict, f.revision) for f in same] == [(2, False, False)]
    revised = dedupe_scorecard_values([_card_value("a:p1-2", 512.3), _card_value("b:p4-5", 498.0)])
    assert sorted((f.value, f.conflict, f.revision) for f in revised) == [(498.0, True, True), (512.3, True, True)]
    other_period = dedupe_scorecard_values([_card_value("a:p1-2", 512.3), _card_value("b:p4-5", 498.0, "Q4 2024/25")])
    assert [f.revision for f in other_period] == [False, False]
    one_document = dedupe_scorecard_values([_card_value("a:p1-2", 512.3), _card_value("a:p1-2", 498.0)])
    assert [(f.conflict, f.revision) for f in one_document] == [(True, False), (True, False)]


def test_a_report_ingested_twice_in_two_packs_gives_one_fact_per_card_and_flags_a_revised_card(tmp_path, db):
    cards = specs.cards(6)
    cr.build(tmp_path / "q3.pdf", cr.Report("Children's Services Performance Report", "Quarter 3 2024/25",
                                             [("Children's Social Care", cards)]))
    revised = [c if k != 1 else cr.Card(**{**c.__dict__, "latest": "250.0"}) for k, c in enumerate(cards)]
    cr.build(tmp_path / "q3-reprint.pdf", cr.Report("Children's Services Performance Report", "Quarter 3 2024/25",
                                                     [("Children's Social Care", revised)], cr.Layout(per_row=2)))
    ingest([tmp_path / "q3.pdf", tmp_path / "q3-reprint.pdf"], db)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.sql("select indicator, value, occurrences, revision from scorecard_facts "
                   "where not is_target order by indicator, value").fetchall()
    by_name: dict = {}
    for name, value, occurrences, revision in rows:
        by_name.setdefault(name, []).append((value, occurrences, revision))
    assert len(by_name) == len(cards)
    assert by_name[cards[1].name] == [(figure(cards[1].latest), 1, True), (250.0, 1, True)]
    for card in cards[:1] + cards[2:]:
        assert by_name[card.name] == [(figure(card.latest), 2, False)]


def test_commentary_figures_link_to_the_facts_they_quote():
    facts = dedupe_scorecard_values([
        ScorecardValue(document_id="s:p1-3", indicator="Timeliness of initial decisions within 24 hours", period="Q2",
                       value=81.2, value_text="81.2%", unit="%"),
        ScorecardValue(document_id="s:p1-3", indicator="Re-referrals within 12 months", period="Q2",
                       value=24.4, value_text="24.4%", unit="%"),
        ScorecardValue(document_id="s:p1-3", indicator="Initial visits within timescale", period="Q2",
                       value=90.0, value_text="90%", unit="%"),
        ScorecardValue(document_id="s:p1-3", indicator="Audits judged good", period="Q2",
                       value=90.0, value_text="90%", unit="%"),
    ])
    paragraph = ScorecardCommentary(
        document_id="s:p4-5", page=4, line=1, seq="2",
        text="The high level of demand may be impacting initial decision making, with timeliness of decisions "
             "reducing from 88.2% to 81.2%. The proportion of repeat referrals remained similar (24.4%); target (90%).",
        figures=["88.2%", "81.2%", "24.4%", "90%"])
    links = {(l.figure, l.fact_indicator, l.matched_by) for l in link_commentary([paragraph], facts)}
    assert links == {
        ("81.2%", "Timeliness of initial decisions within 24 hours", "value and indicator words"),
        ("24.4%", "Re-referrals within 12 months", "value only"),
    }, "88.2% is in no fact, and 90% is two facts' value with neither named: no link is guessed"


@pytest.mark.parametrize("printed,first,last", [
    ("Dec 24", date(2024, 12, 1), date(2024, 12, 31)),
    ("December 2024", date(2024, 12, 1), date(2024, 12, 31)),
    ("Q3 2024/25", date(2024, 10, 1), date(2024, 12, 31)),
    ("Quarter 4 2023-24", date(2024, 1, 1), date(2024, 3, 31)),
    ("Q1 (2014/15)", date(2014, 4, 1), date(2014, 6, 30)),
    ("2016/17", date(2016, 4, 1), date(2017, 3, 31)),
    ("Rolling 12 months to Dec 24", date(2024, 1, 1), date(2024, 12, 31)),
    ("Year to date Nov 24", date(2024, 4, 1), date(2024, 11, 30)),
    ("As at 31 March 2025", date(2025, 3, 31), date(2025, 3, 31)),
    ("Apr-23", date(2023, 4, 1), date(2023, 4, 30)),
])
def test_periods_as_printed_become_the_dates_they_cover(printed, first, last):
    assert period_dates(printed) == (first, last)


@pytest.mark.parametrize("printed", ["Q3", "December", "Latest", "2016/18", ""])
def test_a_period_that_cannot_be_dated_is_none(printed):
    assert period_dates(printed) is None


@pytest.mark.parametrize("rgb,rag", [
    ((1.0, 0.0, 0.0), "Red"), ((0.75, 0.0, 0.0), "Red"), ((1.0, 0.75, 0.0), "Amber"), ((1.0, 0.6, 0.0), "Amber"),
    ((0.0, 0.69, 0.31), "Green"), ((0.57, 0.82, 0.31), "Green"), ((0.0, 0.44, 0.75), "Blue"),
    ((0.5, 0.5, 0.5), None), ((0.95, 0.95, 0.95), None), ((0.1, 0.1, 0.3), None), ((0.6, 0.2, 0.8), None),
    # Excel's pale cell styles: Good, Neutral, Bad; a pale blue header band is no status
    ((0xC6 / 255, 0xEF / 255, 0xCE / 255), "Green"), ((1.0, 0xEB / 255, 0x9C / 255), "Amber"),
    ((1.0, 0xC7 / 255, 0xCE / 255), "Red"), ((0xBD / 255, 0xD7 / 255, 0xEE / 255), None),
])
def test_fill_colours_map_to_rag_with_tolerance(rgb, rag):
    assert rag_of_colour(rgb) == rag


_DASHBOARD_ROWS = [("Percentage of assessments within 45 days", "85.0%", "88.2%", "90.0%", (0.0, 0.69, 0.31)),
                   ("Percentage of re-referrals within 12 months", "24.0%", "26.1%", "22.0%", (0.9, 0.1, 0.1)),
                   ("Percentage of reviews on time", "91.0%", "93.5%", "95.0%", None)]


def _rag_fill_dashboard(path: Path) -> Path:
    """A performance table whose RAG column is only filled cells (green, red, and one left blank)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, 560, "Children's Services Performance Scorecard - Quarter 3 2024/25")
    c.setFont("Helvetica-Bold", 9)
    for x, head in ((40, "Indicator"), (330, "2022/23"), (400, "2023/24"), (470, "Target 2023/24"), (560, "RAG")):
        c.drawString(x, 520, head)
    c.setFont("Helvetica", 9)
    for k, (name, a, b, target, rgb) in enumerate(_DASHBOARD_ROWS):
        y = 500 - 20 * k
        c.drawString(40, y, name)
        for x, text in ((330, a), (400, b), (470, target)):
            c.drawString(x, y, text)
        if rgb:
            c.setFillColorRGB(*rgb)
            c.rect(560, y - 4, 30, 14, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
    c.save()
    return path


def test_a_table_dashboard_whose_rag_is_only_a_filled_cell(tmp_path: Path):
    from tests.card_report_helpers import parse_pdf

    path = _rag_fill_dashboard(tmp_path / "dashboard.pdf")
    rows = _DASHBOARD_ROWS
    _, records, _ = parse_pdf(path)
    latest = {r.indicator: r for r in records if r.period == "2023/24" and not r.is_target}
    assert {n: (r.value, r.rag, r.rag_source) for n, r in latest.items()} == {
        rows[0][0]: (88.2, "Green", "fill colour"), rows[1][0]: (26.1, "Red", "fill colour"),
        rows[2][0]: (93.5, None, None)}
    assert all(r.layout == "table" and r.period_start == date(2023, 4, 1) for r in latest.values())


def test_risk_register_ratings_keep_their_column_labels():
    from parsers.scorecard.risks import register_risks
    from schemas.document import Line

    texts = ["Strategic Risk Register", "Ref  Risk  Owner  Inherent risk  Q1 Q2 Q3  Target risk",
             "CR1  Failure to protect children from harm  Smith, Jo  High 20  High 16  High 15  Moderate 12  Moderate 8",
             "CR2  Insufficient placements for children in care  Patel, Ravi  High 16  High 16  Moderate 12",
             "Risk Owner: Smith, Jo", "Risk Owner: Patel, Ravi"]
    lines = [Line(t, 1, n + 1) for n, t in enumerate(texts)]
    warnings: list[str] = []
    risks = {r.ref: r for r in register_risks(lines, "d", warnings)}
    assert risks["CR1"].rating_labels == ["Inherent", "Q1", "Q2", "Q3", "Target"]
    assert risks["CR1"].ratings == ["High 20", "High 16", "High 15", "Moderate 12", "Moderate 8"]
    assert risks["CR2"].rating_labels == [], "three ratings under five labels: which is which is not guessed"
    assert any("CR2" in w and "5 rating columns" in w for w in warnings)


def test_a_figure_in_another_pack_links_only_when_its_period_is_of_the_commentarys_time():
    def fact(doc: str, period: str, start: date, end: date):
        return ScorecardValue(document_id=doc, indicator="Young people not in education, employment or training",
                              period=period, value=4.5, value_text="4.5%", unit="%", period_start=start, period_end=end)

    paragraph = ScorecardCommentary(
        document_id="c:l1-20", page=1, line=1, seq="9", figures=["4.5%"],
        text="Fewer young people are not in education, employment or training than nationally (4.5%).")
    old = dedupe_scorecard_values([fact("old:l1-9", "2016/17", date(2016, 4, 1), date(2017, 3, 31))])
    recent = dedupe_scorecard_values([fact("new:p1-9", "Q2 2021/22", date(2021, 7, 1), date(2021, 9, 30))])
    written = {"c:l1-20": date(2021, 11, 10)}
    assert link_commentary([paragraph], old, written) == []
    assert link_commentary([paragraph], recent, {}) == [], "no date for the commentary: other packs are not linked"
    [link] = link_commentary([paragraph], recent, written)
    assert (link.fact_document_id, link.matched_by) == ("new:p1-9", "value and indicator words")


def test_status_fills_are_read_only_on_pages_that_print_a_performance_label(tmp_path):
    from reportlab.pdfgen import canvas

    from extract.reading.colours import read_status_fills

    path = tmp_path / "fills.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    texts = ("Target: 95%", "A page about something else")
    for text in texts:
        c.drawString(40, 700, text)
        for rgb in ((0.0, 0.69, 0.31), (0.5, 0.5, 0.5), (1.0, 1.0, 1.0)):
            c.setFillColorRGB(*rgb)
            c.rect(40, 600, 20, 10, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
        c.showPage()
    c.save()
    fills = read_status_fills(path.read_bytes(), {1: texts[0], 2: texts[1]})
    assert list(fills) == [1], "the second page prints no performance label: its drawings are not read"
    assert [tuple(round(v, 2) for v in rgb) for _, rgb in fills[1]] == [(0.0, 0.69, 0.31)], \
        "the grey and the white are no status"
    (x0, top, x1, bottom), _ = fills[1][0]
    assert (round(x0), round(x1), round(bottom - top)) == (40, 60, 10)


def test_status_colours_are_read_for_the_documents_whose_parser_reads_them_and_no_others(tmp_path, monkeypatch):
    """A real set of minutes, a green square drawn on every page: minutes never read colours, so none are
    read for them, though their pages print "target" and "latest"; a dashboard's pages get theirs."""
    import pymupdf

    import extract.read_documents as reading
    from extract.read_documents import read_documents

    minutes = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "moderngov" / \
        "kent-corporate-parenting-panel-2024-10-29-minutes.pdf"
    with pymupdf.open(minutes) as doc:
        for page in doc:
            page.draw_rect(pymupdf.Rect(40, 40, 60, 50), color=None, fill=(0.0, 0.69, 0.31))
        doc.save(tmp_path / "minutes.pdf")
    asked: list[dict] = []
    read = reading.read_status_fills
    monkeypatch.setattr(reading, "read_status_fills", lambda data, pages: asked.append(pages) or read(data, pages))
    source, documents = read_documents(tmp_path / "minutes.pdf")
    assert [d.doc_type for d in documents] == ["minutes"]
    assert any("target" in page.text.lower() or "latest" in page.text.lower() for page in source.pages)
    assert asked == [] and all(page.fills == [] for d in documents for page in d.pages)

    dashboard = _rag_fill_dashboard(tmp_path / "dashboard.pdf")
    _, documents = read_documents(dashboard)
    assert [d.doc_type for d in documents] == ["scorecard"] and list(asked[-1]) == [1]
    assert [tuple(round(v, 2) for v in rgb) for _, rgb in documents[0].pages[0].fills] == [(0.0, 0.69, 0.31), (0.9, 0.1, 0.1)]


def test_a_cards_status_fill_is_its_small_shape_not_a_banner_or_a_chart_band():
    from parsers.scorecard.rag_colours import rag_fill

    card = (36.0, 100.0, 296.0, 400.0)
    banner = ((36.0, 100.0, 296.0, 104.0), (0.05, 0.65, 0.3))  # a green bar across the card's top
    band = ((60.0, 200.0, 280.0, 300.0), (0.6, 0.9, 0.6))  # a chart's shaded target band
    square = ((270.0, 110.0, 282.0, 122.0), (0.86, 0.16, 0.16))
    behind_value = ((40.0, 140.0, 90.0, 154.0), (1.0, 0.76, 0.05))
    assert rag_fill([banner, band, square], card, None) == ("Red", None)
    assert rag_fill([banner, band], card, None) == (None, None)
    assert rag_fill([square, behind_value], card, (42.0, 142.0, 70.0, 152.0)) == ("Amber", None)
    rag, problem = rag_fill([square, behind_value], card, None)
    assert rag is None and "Amber, Red" in problem
