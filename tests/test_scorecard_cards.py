"""KPI-card performance reports (issue 14): every layout read into one indicator model, split as one document.

The fixtures are drawn by corpus/fixtures/card_reports.py from the card specs in card_report_specs.py;
each test compares what the parser reads with what was drawn.
"""
from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from tests.card_report_helpers import cr, figure, latest_by_name, mismatches, parse_pdf, specs
from tests.pdf_factory import text_pdf

TITLE, SUBTITLE = "Children's Services Performance Report", "Quarter 3 2024/25"
VOCABULARIES = {
    "latest-target-floor": dict(LATEST="Latest", TARGET="Target", FLOOR="Floor", PREVIOUS="Previous", PERIOD="Period", RAG="RAG"),
    "actual-goal-threshold": dict(LATEST="Actual", TARGET="Goal", FLOOR="Threshold", PREVIOUS="Last quarter",
                                  PERIOD="Data period", RAG="Status"),
    "current-ambition-tolerance": dict(LATEST="Current", TARGET="Ambition", FLOOR="Tolerance",
                                       PREVIOUS="Same period last year", PERIOD="Reporting period", RAG="RAG rating"),
}
LAYOUTS = [  # (cards per row, labels' side, vocabulary, RAG only as a colour)
    (1, "left", "latest-target-floor", False),
    (2, "left", "actual-goal-threshold", False),
    (3, "left", "current-ambition-tolerance", True),
    (1, "right", "actual-goal-threshold", False),
    (2, "right", "latest-target-floor", True),
    (2, "above", "current-ambition-tolerance", False),
    (3, "above", "actual-goal-threshold", True),
]


def _build(tmp_path: Path, per_row: int, labels: str, vocabulary: str, colour: bool, n: int = 12) -> tuple[Path, list]:
    cards = specs.cards(n)
    layout = cr.Layout(per_row=per_row, labels=labels, words=VOCABULARIES[vocabulary], rag_as_colour=colour,
                       header_bar=colour)
    path = tmp_path / f"cards-{per_row}-{labels}-{vocabulary}.pdf"
    cr.build(path, cr.Report(TITLE, SUBTITLE, [("Children's Social Care", cards[:7]), ("Education", cards[7:])], layout))
    return path, cards


@pytest.mark.parametrize("per_row,labels,vocabulary,colour", LAYOUTS)
def test_every_card_layout_reads_every_field_of_every_card(tmp_path, per_row, labels, vocabulary, colour):
    path, cards = _build(tmp_path, per_row, labels, vocabulary, colour)
    docs, records, _ = parse_pdf(path)
    assert [d.doc_type for d in docs] == ["scorecard"], "a card report is one document"
    assert mismatches(cards, records, "fill colour" if colour else "word") == []
    assert len(latest_by_name(records)) == len(cards)


def test_cards_that_print_their_latest_figure_and_period_bare_and_label_their_commentary(tmp_path):
    cards = specs.cards(9)
    cards[1] = cr.Card(**{**cards[1].__dict__, "period": "Rolling 12 months"})  # a period with no date
    layout = cr.Layout(per_row=2, bare_latest=True, bare_period=True, commentary_label="Commentary")
    path = cr.build(tmp_path / "bare.pdf", cr.Report(TITLE, SUBTITLE, [("Early Help", cards)], layout))
    docs, records, warnings = parse_pdf(path)
    assert [d.doc_type for d in docs] == ["scorecard"]
    assert mismatches(cards, records, "word") == []
    undated = latest_by_name(records)[cards[1].name]
    assert (undated.period, undated.period_start, undated.period_end) == ("Rolling 12 months", None, None)
    assert any("'Rolling 12 months' is not one we can date" in w for w in warnings)


def test_cards_with_a_reference_a_rag_word_after_the_name_and_every_value_on_one_line(tmp_path):
    cards = [cr.Card(**{**c.__dict__, "ref": f"CS{k + 1:02d}"}) for k, c in enumerate(specs.cards(8))]
    layout = cr.Layout(per_row=1, one_line=True)
    path = cr.build(tmp_path / "one-line.pdf", cr.Report(TITLE, SUBTITLE, [("Children's Social Care", cards)], layout))
    docs, records, _ = parse_pdf(path)
    assert [d.doc_type for d in docs] == ["scorecard"]
    assert mismatches(cards, records, "word") == []
    assert {r.indicator: r.ref for r in latest_by_name(records).values()} == {c.name: c.ref for c in cards}


def test_cards_without_borders_or_space_between_them_and_names_with_a_subtitle(tmp_path):
    cards = specs.cards(10)
    for name, layout in (("tight", cr.Layout(tight=True)), ("subtitle", cr.Layout(per_row=2, subtitle="Source: case management system"))):
        path = cr.build(tmp_path / f"{name}.pdf", cr.Report(TITLE, SUBTITLE, [("Early Help", cards)], layout))
        docs, records, _ = parse_pdf(path)
        if layout.subtitle:  # the smaller line under the name is kept, at the head of the comment
            cards_read = [cr.Card(**{**c.__dict__, "commentary": f"{layout.subtitle} {c.commentary}".strip()})
                          for c in cards]
        else:
            cards_read = cards
        assert mismatches(cards_read, records, "word") == [], name


def test_cards_that_label_their_latest_value_by_its_period(tmp_path):
    cards = specs.cards(12)
    layout = cr.Layout(per_row=2, dated_latest=True)
    path = cr.build(tmp_path / "dated.pdf", cr.Report(TITLE, SUBTITLE, [("Early Help", cards)], layout))
    docs, records, _ = parse_pdf(path)
    assert [d.doc_type for d in docs] == ["scorecard"]
    assert mismatches(cards, records, "word") == []


@pytest.mark.parametrize("per_row,labels", [(2, "left"), (3, "above")])
def test_cards_whose_names_and_commentary_are_centred(tmp_path, per_row, labels):
    cards = specs.cards(9)
    layout = cr.Layout(per_row=per_row, labels=labels, centred=True)
    path = cr.build(tmp_path / "centred.pdf", cr.Report(TITLE, SUBTITLE, [("Early Help", cards)], layout))
    docs, records, _ = parse_pdf(path)
    assert [d.doc_type for d in docs] == ["scorecard"]
    assert mismatches(cards, records, "word") == []


@pytest.mark.parametrize("per_row", [1, 2])
def test_a_chart_in_each_card_is_neither_a_value_nor_commentary(tmp_path, per_row):
    cards = specs.cards(8)
    layout = cr.Layout(per_row=per_row, chart=True)
    path = cr.build(tmp_path / "charts.pdf", cr.Report(TITLE, SUBTITLE, [("Early Help", cards)], layout))
    docs, records, _ = parse_pdf(path)
    assert [d.doc_type for d in docs] == ["scorecard"]
    assert mismatches(cards, records, "word") == []


def test_periods_in_brackets_targets_in_words_and_a_target_not_set(tmp_path):
    cards = [
        cr.Card("Percentage of re-referrals within 12 months", "21.4% (Dec 24)", target="below 22.0%",
                previous="24.4% (Sep 24)", rag="Green"),
        cr.Card("Percentage of children with a second or subsequent child protection plan", "18.0%",
                target="Not set", period="Q3 2024/25", rag="Amber"),
    ]
    path = cr.build(tmp_path / "words.pdf", cr.Report(TITLE, SUBTITLE, [("Children's Social Care", cards)]))
    _, records, warnings = parse_pdf(path)
    got = latest_by_name(records)
    first, second = got[cards[0].name], got[cards[1].name]
    assert (first.value, first.period, str(first.period_start)) == (21.4, "Dec 24", "2024-12-01")
    assert (first.target, first.target_text) == (22.0, "below 22.0%")
    assert (first.previous, first.previous_period) == (24.4, "Sep 24")
    assert (second.target, second.target_text, second.value) == (None, "Not set", 18.0)
    assert not any(r.is_target and r.indicator == cards[1].name for r in records)


def test_a_card_without_a_target_has_none_and_a_warning_not_its_neighbours(tmp_path):
    path, cards = _build(tmp_path, 2, "left", "latest-target-floor", False)
    _, records, warnings = parse_pdf(path)
    no_target = [c for c in cards if c.target is None]
    assert no_target, "the specs must draw a card without a target"
    got = latest_by_name(records)
    for card in no_target:
        assert got[card.name].target is None and got[card.name].target_text is None
        assert any("no target printed" in w and card.name[:40] in w for w in warnings)
    targets = [r for r in records if r.is_target]
    assert len(targets) == sum(1 for c in cards if c.target is not None)


def test_period_dates_units_and_boxes_of_cards(tmp_path):
    path, cards = _build(tmp_path, 3, "above", "actual-goal-threshold", True)
    _, records, _ = parse_pdf(path)
    got = latest_by_name(records)
    quarter = next(c for c in cards if c.period == "Q3 2024/25")
    r = got[quarter.name]
    assert (str(r.period_start), str(r.period_end)) == ("2024-10-01", "2024-12-31")
    rolling = got[next(c for c in cards if c.period and c.period.startswith("Rolling")).name]
    assert (str(rolling.period_start), str(rolling.period_end)) == ("2024-01-01", "2024-12-31")
    units = {c.name: r.unit for c in cards if (r := got[c.name])}
    assert units[specs.MEASURES[0][0]] == "%"
    assert units[specs.MEASURES[1][0]] == "rate per 10,000"
    assert units[specs.MEASURES[4][0]] == "days"
    assert units[specs.MEASURES[7][0]] == "£"
    for r in got.values():
        x0, top, x1, bottom = r.bbox
        assert 0 <= x0 < x1 <= cr.PAGE_W and 0 <= top < bottom <= cr.PAGE_H and r.page >= 2


def test_a_card_broken_over_a_page_keeps_its_target_and_rag(tmp_path):
    cards = specs.cards(6)
    path = cr.build_broken_card(tmp_path / "broken.pdf", cards[:2], cards[2], cards[3:5])
    docs, records, _ = parse_pdf(path)
    assert [d.doc_type for d in docs] == ["scorecard"]
    got = latest_by_name(records)
    broken = got[cards[2].name]
    assert broken.page == 1
    assert (broken.value, broken.target, broken.rag) == (figure(cards[2].latest), figure(cards[2].target), cards[2].rag)
    assert mismatches(cards[:2] + cards[3:5], records, "word") == []


def test_a_key_page_after_the_cards_gives_no_card_a_missing_target(tmp_path):
    cards = specs.cards(4)
    assert cards[3].target is None
    report = cr.build(tmp_path / "cards.pdf", cr.Report(TITLE, SUBTITLE, [("Early Help", cards)]))
    key = text_pdf(tmp_path / "key.pdf", ["Key\nTarget: 90% of cases within timescale\nRAG: Red is below the floor"])
    pack = pymupdf.open(report)
    pack.insert_pdf(pymupdf.open(key))
    pack.save(tmp_path / "with-key.pdf")
    _, records, _ = parse_pdf(tmp_path / "with-key.pdf")
    assert latest_by_name(records)[cards[3].name].target is None
    assert mismatches(cards, records, "word") == []


def test_a_report_of_60_pages_with_a_heading_and_bookmark_on_every_page_is_one_document(tmp_path):
    sections = [(f"Priority {k + 1}: outcomes for children", specs.cards(12, 12 * k)) for k in range(11)]
    path = cr.build(tmp_path / "long.pdf", cr.Report(TITLE, SUBTITLE, sections, cards_per_page=2))
    assert pymupdf.open(path).page_count >= 60
    assert len(pymupdf.open(path).get_toc()) >= 60, "every page carries a bookmark"
    docs, records, _ = parse_pdf(path)
    assert [(d.doc_type, d.page_start, d.page_end) for d in docs] == [("scorecard", 1, 67)]
    assert mismatches([c for _, cs in sections for c in cs], records, "word") == []


def test_an_agenda_pack_splits_its_card_report_appendix_out_as_one_document(tmp_path):
    agenda = text_pdf(tmp_path / "agenda.pdf", [
        "AGENDA\n\n1. Apologies for absence\n2. Declarations of interest\n3. Minutes of the last meeting\n"
        "4. Children's services performance, quarter 3",
        "Report to: Cabinet\nSubject: Children's services performance, quarter 3\n\nPurpose of the report\n"
        "1. To present the quarter 3 performance report at Appendix A.\n2. Members are asked to note it."])
    report = cr.build(tmp_path / "cards.pdf", cr.Report(TITLE, SUBTITLE, [("Early Help", specs.cards(9))],
                                                          cr.Layout(per_row=3, labels="above", rag_as_colour=True)))
    after = text_pdf(tmp_path / "after.pdf", [
        "Report to: Cabinet\nSubject: Fostering service annual report\n\nPurpose of the report\n"
        "1. To present the annual report of the fostering service.\n2. Members are asked to note it."])
    pack = pymupdf.open(agenda)
    appendix = pymupdf.open(report)
    appendix[0].insert_text((36, 50), "Appendix A", fontsize=12)
    pack.insert_pdf(appendix)
    pack.insert_pdf(pymupdf.open(after))
    pack.save(tmp_path / "pack.pdf")
    docs, records, _ = parse_pdf(tmp_path / "pack.pdf")
    n = appendix.page_count
    assert [(d.doc_type, d.page_start, d.page_end) for d in docs] == [
        ("agenda", 1, 1), ("report", 2, 2), ("scorecard", 3, 2 + n), ("report", 3 + n, 3 + n)]
    assert mismatches(specs.cards(9), records, "fill colour") == []


def test_a_card_appendix_with_no_title_page_after_a_covering_report_is_split_out(tmp_path):
    covering = text_pdf(tmp_path / "covering.pdf", [
        "Report to: Cabinet\nSubject: Quarterly performance report\n\nPurpose of the report\n"
        "1. To present performance at the end of quarter 3, set out in the appendix.\n2. Members are asked to note it."])
    cards = specs.cards(6)
    report = cr.build(tmp_path / "cards.pdf", cr.Report(TITLE, SUBTITLE, [("Children's Social Care", cards)],
                                                          outline=False), cover=False)
    pack = pymupdf.open(covering)
    pack.insert_pdf(pymupdf.open(report))
    pack.save(tmp_path / "pack.pdf")
    docs, records, _ = parse_pdf(tmp_path / "pack.pdf")
    assert [(d.doc_type, d.page_start) for d in docs] == [("report", 1), ("scorecard", 2)]
    assert docs[-1].page_end == pack.page_count
    assert mismatches(cards, records, "word") == []


def test_the_recogniser_types_a_page_of_cards_and_not_prose_about_targets():
    from parsers.scorecard import recognise

    assert recognise(["Early Help", "Percentage of assessments in 45 days", "Latest: 97%", "Target: 95%"]) == "scorecard"
    assert recognise(["Early Help", "Rate of referrals", "Actual", "Goal", "Last quarter", "237.0", "245.0"]) == "scorecard"
    assert recognise(["Early Help", "The latest figures show performance", "against a target of 95% this quarter."]) is None


def test_of_two_values_labelled_by_period_the_later_is_latest_and_the_earlier_previous(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "two-dated.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 780, "Percentage of single assessments completed within 45 working days")
    c.setFont("Helvetica", 9)
    for k, text in enumerate(("Nov 24: 95.0%", "Dec 24: 97.0%", "Target: 96.0%", "RAG: Green")):
        c.drawString(40, 764 - 12 * k, text)
    c.save()
    _, records, _ = parse_pdf(path)
    [card] = latest_by_name(records).values()
    assert (card.value, card.period, card.previous, card.previous_period, card.target) == (97.0, "Dec 24", 95.0, "Nov 24", 96.0)


def test_a_target_and_floor_that_print_their_own_period(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "own-periods.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 780, "Percentage of care leavers in suitable accommodation")
    c.setFont("Helvetica", 9)
    for k, text in enumerate(("Latest (Dec 24): 91.0%", "Target 2024/25: 95.0%", "Floor (Q3 2024/25): 85.0%",
                              "Same period last year: 89.5%")):
        c.drawString(40, 764 - 12 * k, text)
    c.save()
    _, records, _ = parse_pdf(path)
    [card] = latest_by_name(records).values()
    assert (card.value, card.period, card.target, card.target_period, card.floor, card.floor_period) == (
        91.0, "Dec 24", 95.0, "2024/25", 85.0, "Q3 2024/25")
    assert (card.previous, card.previous_period) == (89.5, "Same period last year")
    [target] = [r for r in records if r.is_target]
    assert (target.value, target.period) == (95.0, "2024/25")
