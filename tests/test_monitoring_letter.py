"""The monitoring / focused visit letter parser, on the one real letter and on realistic edits of it.

The real letter (Ofsted to Gloucestershire, 12 March 2020) sits inside agenda pack seed 002. The
variants rewrite its opening the way Ofsted phrased other letters from 2017 to 2026 (focused visits,
'Her Majesty's Inspectors X and Y carried out this visit', visits spanning months or a year end,
weekday names, His Majesty's Inspectors, lists without bullet glyphs) and check the parser reads
each phrasing, and leaves a field empty with a warning where the letter does not say it.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from extract.reading import read_source
from extract.splitting.document import document_between, make_document
from parsers.common.ofsted_letters import is_letter_start, letter_end_index, letter_start_index
from parsers.monitoring_letter import parse_monitoring_letter
from schemas.ofsted import MonitoringVisit, MonitoringVisitArea, MonitoringVisitFinding

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "../shared/seeds/002_b238d0e24857a129.txt"
GOLDEN = ROOT / "corpus/golden/ofsted/seed-002-monitoring-letter.json"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed corpus not available")


# --------------------------------------------------------------------------- helpers

@pytest.fixture(scope="module")
def seed_source():
    return read_source(SEED)


def _line_number(source, pattern: str) -> int:
    return next(l.number for l in source.lines if re.search(pattern, l.text))


@pytest.fixture(scope="module")
def real_letter(seed_source):
    """The letter as the splitter cuts it from the pack (or, before the splitter, by its text)."""
    opening = _line_number(seed_source, r"This letter summarises the findings")
    try:
        from extract.splitting import split_source
    except ImportError:
        split_source = None
    if split_source is not None:
        doc = next(d for d in split_source(seed_source)
                   if d.doc_type == "monitoring_letter" and d.line_start <= opening <= d.line_end)
    else:
        doc = document_between(seed_source, opening - 16, _line_number(seed_source, r"^Yours sincerely") + 4,
                               "monitoring_letter")
    return doc, parse_monitoring_letter(doc)


def test_parser_finds_the_letter_inside_a_loose_cut(seed_source, real_letter):
    """Cut with some of the pack on either side, the parser reads the letter alone."""
    opening = _line_number(seed_source, r"This letter summarises the findings")
    sign_off = _line_number(seed_source, r"^Yours sincerely")
    doc = document_between(seed_source, opening - 40, sign_off + 15, "monitoring_letter")
    loose = parse_monitoring_letter(doc)
    _, exact = real_letter
    strip = lambda r: r.model_dump(exclude={"document_id"})  # noqa: E731
    assert [strip(r) for r in loose.records] == [strip(r) for r in exact.records]
    assert loose.warnings == []


def _one(records, cls):
    found = [r for r in records if isinstance(r, cls)]
    assert len(found) == 1, found
    return found[0]


def _all(records, cls):
    return [r for r in records if isinstance(r, cls)]


@pytest.fixture(scope="module")
def letter_text() -> str:
    """The real letter's text, from its date line to the signatory's title, as the seed prints it."""
    raw = SEED.read_text(encoding="utf-8").split("\n")
    first = next(i for i, t in enumerate(raw) if "This letter summarises the findings" in t)
    start = next(i for i in range(first, -1, -1) if re.fullmatch(r"\s*\d{1,2} \w+ \d{4}\s*", raw[i]))
    sign_off = next(i for i, t in enumerate(raw) if t.startswith("Yours sincerely"))
    return "\n".join(raw[start:sign_off + 5])


def _edited(letter_text: str, *edits: tuple[str, str]) -> str:
    text = letter_text
    for old, new in edits:
        pattern = re.sub(r"\\ ", r"\\s+", re.escape(old))  # the letter wraps lines mid-sentence
        text, n = re.subn(pattern, new.replace("\\", "\\\\"), text, count=1)
        assert n == 1, f"edit target not in the letter: {old!r}"
    return text


def _parse_text(tmp_path, text: str, name: str = "letter.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    source = read_source(path)
    return parse_monitoring_letter(make_document(source, source.lines, "monitoring_letter"))


OPENING = ("This letter summarises the findings of the monitoring visit to Gloucestershire "
           "children’s services on 18 February 2020.")
INSPECTORS = "The visit was carried out by Joy Howick and Nigel Parkes, Her Majesty’s Inspectors."


# --------------------------------------------------------------------------- the real letter

def test_real_letter_visit_row(real_letter):
    _, result = real_letter
    visit = _one(result.records, MonitoringVisit)
    assert visit.local_authority == "Gloucestershire"
    assert visit.letter_date == date(2020, 3, 12)
    assert (visit.visit_start, visit.visit_end) == (date(2020, 2, 18), date(2020, 2, 18))
    assert visit.visit_number == 8
    assert visit.visit_kind == "monitoring visit"
    assert visit.inspectors == ["Joy Howick", "Nigel Parkes"]
    assert visit.addressee == "Mr Chris Spencer"
    assert visit.addressee_role == "Director of Children’s Services"
    assert result.warnings == []
    assert result.document_date == date(2020, 3, 12)
    assert result.title == "Monitoring visit of Gloucestershire children’s services"


def test_real_letter_records_cite_their_lines(real_letter, seed_source):
    doc, result = real_letter
    by_number = {l.number: l.text for l in seed_source.lines}
    visit = _one(result.records, MonitoringVisit)
    assert by_number[visit.line].strip() == "12 March 2020"
    for area in _all(result.records, MonitoringVisitArea):
        assert area.text.split()[0] in by_number[area.line]
    for finding in _all(result.records, MonitoringVisitFinding):
        assert all(r.document_id == doc.document_id for r in result.records)
        if finding.section:
            assert by_number[finding.line].strip() == finding.section


def test_real_letter_areas_are_joined_across_wraps(real_letter):
    _, result = real_letter
    areas = _all(result.records, MonitoringVisitArea)
    assert [a.seq for a in areas] == [1, 2, 3, 4]
    assert areas[1].text == ("the effectiveness of assessment, planning and interventions for children in "
                             "need of help and protection, including disabled children")
    assert not any(a.text.startswith(("◼", "•")) for a in areas)


def test_real_letter_sections_stop_before_the_closing(real_letter):
    _, result = real_letter
    findings = _all(result.records, MonitoringVisitFinding)
    assert [f.section for f in findings] == [None, "Overview", "Findings and evaluation of progress"]
    overview = findings[1].text
    assert overview.startswith("The senior leadership team demonstrates")
    assert overview.rstrip().endswith("is not yet consistently evident.")
    assert "need to re-focus their attention" in overview  # hyphen at a line end kept, no space
    assert all("I am copying this letter" not in f.text for f in findings)
    assert all("Yours sincerely" not in f.text and "GLOUCESTERSHIRE COUNTY" not in f.text for f in findings)
    assert "recruitment and retention going forward." in findings[2].text


def _fold(value):
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value.replace("’", "'").replace("‘", "'")).strip()
    if isinstance(value, list):
        return [_fold(v) for v in value]
    return value


def test_golden_file_agrees(real_letter):
    """The hand-checked golden values, compared the way the golden harness compares them."""
    _, result = real_letter
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))["documents"][0]
    assert golden["document_date"] == result.document_date.isoformat()
    assert _fold(golden["title"]) == _fold(result.title)
    tables = {"monitoring_visits": MonitoringVisit, "monitoring_visit_areas": MonitoringVisitArea,
              "monitoring_visit_findings": MonitoringVisitFinding}
    for table, spec in golden["records"].items():
        produced = [r.model_dump(mode="json") for r in _all(result.records, tables[table])]
        assert len(produced) == len(spec["rows"]), table
        for want, got in zip(spec["rows"], produced):
            for field, value in want.items():
                if field != "cite":
                    assert _fold(got[field]) == _fold(value), (table, field)


# --------------------------------------------------------------------------- where a letter starts and ends

def test_letter_bounds_inside_the_pack(seed_source):
    lines = seed_source.lines
    start = letter_start_index(lines)
    assert start is not None and lines[start].text.strip() == "12 March 2020"
    end = start + letter_end_index(lines[start:])
    assert lines[end].text.strip() == "Her Majesty’s Inspector"
    assert lines[end - 1].text.strip() in ("", "Joy Howick")
    assert "Yours sincerely" in " ".join(l.text for l in lines[end - 5:end])


def test_is_letter_start_on_the_letters_first_lines(seed_source):
    lines = [l.text for l in seed_source.lines if l.text.strip()]
    at = next(i for i, t in enumerate(lines) if t.strip() == "Dear Mr Spencer")
    assert is_letter_start(lines[at - 9:at + 11])
    # The pages of the pack that quote or discuss monitoring visits are not letters.
    assert not is_letter_start(lines[at + 11:at + 31])
    assert not is_letter_start(lines[:20])


def test_no_letter_starts_in_other_papers():
    for seed in sorted(SEED.parent.glob("*.txt")):
        if seed.name == SEED.name:
            continue
        source = read_source(seed)
        assert letter_start_index(source.lines) is None, seed.name


def test_letter_start_includes_ofsted_letterhead(tmp_path, letter_text):
    letterhead = ("Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD\n\nT 0300 123 1231\n"
                  "Textphone 0161 618 8524\nenquiries@ofsted.gov.uk\nwww.gov.uk/ofsted\n\n")
    text = "2.4 The previous report ended here.\n\n" + letterhead + letter_text
    lines = text.split("\n")
    assert lines[letter_start_index(lines)] == "Ofsted"
    result = _parse_text(tmp_path, text)
    visit = _one(result.records, MonitoringVisit)
    assert visit.letter_date == date(2020, 3, 12)
    assert visit.addressee == "Mr Chris Spencer"


def test_letter_end_with_title_lines_and_without_name():
    assert letter_end_index(["Yours sincerely", "", "Jane Smith", "Senior Her Majesty’s Inspector",
                             "Ofsted", "", "Agenda Item 8"]) == 4
    assert letter_end_index(["Yours sincerely", "", "Her Majesty’s Inspector", "1. Purpose of report"]) == 2
    assert letter_end_index(["The findings were shared.", "Next item"]) is None


# --------------------------------------------------------------------------- Ofsted's other phrasings

def test_focused_visit_with_inspectors_named_after_their_title(tmp_path, letter_text):
    text = _edited(
        letter_text,
        ("Monitoring visit of Gloucestershire", "Focused visit to Gloucestershire"),
        (OPENING, "This letter summarises the findings of the focused visit to Gloucestershire children’s "
                  "services on 18 and 19 February 2020."),
        ("The visit was the eighth monitoring visit since the local authority was judged inadequate in "
         "March 2017. " + INSPECTORS,
         "Her Majesty’s Inspectors Joy Howick and Nigel Parkes carried out this visit."),
    )
    result = _parse_text(tmp_path, text)
    visit = _one(result.records, MonitoringVisit)
    assert visit.visit_kind == "focused visit"
    assert visit.visit_number is None
    assert (visit.visit_start, visit.visit_end) == (date(2020, 2, 18), date(2020, 2, 19))
    assert visit.inspectors == ["Joy Howick", "Nigel Parkes"]
    assert visit.local_authority == "Gloucestershire"
    assert not any("number" in w for w in result.warnings)  # a focused visit has no number to read


@pytest.mark.parametrize(
    "printed, letter_date, start, end",
    [
        ("between 3 and 5 March 2020", "12 March 2020", date(2020, 3, 3), date(2020, 3, 5)),
        ("on Tuesday 18 February 2020 and Wednesday 19 February 2020", "12 March 2020",
         date(2020, 2, 18), date(2020, 2, 19)),
        ("on 30 November and 1 December 2021", "12 January 2022", date(2021, 11, 30), date(2021, 12, 1)),
        # a December visit reported in January, the year printed only on the letter
        ("on 10 and 11 December", "14 January 2020", date(2019, 12, 10), date(2019, 12, 11)),
        ("on 31 December 2019 and 2 January 2020", "20 January 2020", date(2019, 12, 31), date(2020, 1, 2)),
        ("from 4 to 6 October 2017", "2 November 2017", date(2017, 10, 4), date(2017, 10, 6)),
    ],
)
def test_visit_date_phrasings(tmp_path, letter_text, printed, letter_date, start, end):
    text = _edited(letter_text, ("on 18 February 2020.", printed + "."), ("12 March 2020", letter_date))
    visit = _one(_parse_text(tmp_path, text).records, MonitoringVisit)
    assert (visit.visit_start, visit.visit_end) == (start, end)
    assert visit.visit_dates_text.startswith(re.sub(r"^(on|between|from) ", "", printed)[:6])


@pytest.mark.parametrize("ordinal, number", [("first", 1), ("third", 3), ("twelfth", 12), ("5th", 5)])
def test_visit_number_from_ordinals(tmp_path, letter_text, ordinal, number):
    text = _edited(letter_text, ("The visit was the eighth monitoring visit", f"This was the {ordinal} monitoring visit"))
    assert _one(_parse_text(tmp_path, text).records, MonitoringVisit).visit_number == number


@pytest.mark.parametrize(
    "sentence",
    [
        "The inspectors were Joy Howick, HMI, and Nigel Parkes, HMI.",
        "The visit was carried out by Her Majesty’s Inspectors Joy Howick and Nigel Parkes.",
        "This visit was carried out by Joy Howick, Her Majesty’s Inspector, and Nigel Parkes, "
        "Her Majesty’s Inspector.",
        "His Majesty’s Inspectors Joy Howick and Nigel Parkes carried out this visit.",
        "Her Majesty’s Inspectors for this visit were Joy Howick and Nigel Parkes.",
    ],
)
def test_inspector_phrasings(tmp_path, letter_text, sentence):
    text = _edited(letter_text, (INSPECTORS, sentence))
    assert _one(_parse_text(tmp_path, text).records, MonitoringVisit).inspectors == ["Joy Howick", "Nigel Parkes"]


def test_three_inspectors_with_particles_and_accents(tmp_path, letter_text):
    text = _edited(letter_text, (INSPECTORS, "The visit was carried out by Zoë Brontë, Senior Her Majesty’s Inspector, "
                                             "Pieter van der Berg, Ofsted Inspector, and Mary-Jane O’Neill, HMI."))
    assert _one(_parse_text(tmp_path, text).records, MonitoringVisit).inspectors == [
        "Zoë Brontë", "Pieter van der Berg", "Mary-Jane O’Neill"]


def test_2023_style_letter_to_an_inadequate_authority(tmp_path, letter_text):
    text = _edited(
        letter_text,
        ("12 March 2020", "Thursday 20 July 2023"),
        ("Monitoring visit of Gloucestershire", "Monitoring visit to the London Borough of Gloucestershire"),
        (OPENING, "This letter summarises the findings of the monitoring visit to Gloucestershire children’s "
                  "services on 12 and 13 July 2023."),
        ("The visit was the eighth monitoring visit since the local authority was judged inadequate in "
         "March 2017. " + INSPECTORS,
         "This visit was the second monitoring visit since the local authority was judged inadequate in "
         "December 2022. His Majesty’s Inspectors Joy Howick and Nigel Parkes carried out this visit."),
        ("During this visit, inspectors reviewed the progress made in the area(s) of:",
         "Inspectors reviewed the progress made in the following areas of concern identified at the last "
         "inspection:"),
        ("Overview", "Headline findings"),
        ("Her Majesty’s Inspector", "His Majesty’s Inspector"),
    ).replace("◼", "•")
    result = _parse_text(tmp_path, text)
    visit = _one(result.records, MonitoringVisit)
    assert visit.letter_date == date(2023, 7, 20)
    assert (visit.visit_start, visit.visit_end) == (date(2023, 7, 12), date(2023, 7, 13))
    assert visit.visit_number == 2
    assert visit.inspectors == ["Joy Howick", "Nigel Parkes"]
    assert visit.local_authority == "Gloucestershire"  # "the London Borough of" is not part of the name
    assert len(_all(result.records, MonitoringVisitArea)) == 4
    assert [f.section for f in _all(result.records, MonitoringVisitFinding)][1] == "Headline findings"


def test_area_list_without_bullet_glyphs(tmp_path, letter_text):
    result = _parse_text(tmp_path, letter_text.replace("◼ ", ""))
    areas = _all(result.records, MonitoringVisitArea)
    assert [a.text.split()[:3] for a in areas] == [["the", "timeliness", "of"], ["the", "effectiveness", "of"],
                                                   ["the", "quality", "of"], ["the", "accuracy", "and"]]


def test_focused_visit_area_in_prose(tmp_path, letter_text):
    start = letter_text.index("Areas covered by the visit")
    end = letter_text.index("Overview")
    text = letter_text[:start] + (
        "Inspectors evaluated the local authority’s arrangements for children in need and children subject "
        "to a child protection plan.\n \n") + letter_text[end:]
    areas = _all(_parse_text(tmp_path, text).records, MonitoringVisitArea)
    assert [a.text for a in areas] == [
        "the local authority’s arrangements for children in need and children subject to a child protection plan"]


# --------------------------------------------------------------------------- what the letter does not say

def test_missing_fields_are_empty_with_warnings(tmp_path, letter_text):
    text = _edited(letter_text, ("12 March 2020", ""), (INSPECTORS, ""),
                   ("The visit was the eighth monitoring visit", "The visit was a further monitoring visit"))
    result = _parse_text(tmp_path, text)
    visit = _one(result.records, MonitoringVisit)
    assert visit.letter_date is None and visit.inspectors == [] and visit.visit_number is None
    assert any("letter date" in w for w in result.warnings)
    assert any("inspectors" in w for w in result.warnings)
    assert any("visit number" in w for w in result.warnings)
    # The visit date still reads, being printed with its year.
    assert visit.visit_start == date(2020, 2, 18)


def test_year_less_visit_date_without_letter_date_is_not_guessed(tmp_path, letter_text):
    text = _edited(letter_text, ("12 March 2020", ""), ("on 18 February 2020.", "on 18 February."))
    result = _parse_text(tmp_path, text)
    visit = _one(result.records, MonitoringVisit)
    assert visit.visit_start is None and visit.visit_end is None
    assert visit.visit_dates_text == "18 February"
    assert any("visit dates" in w for w in result.warnings)


def test_not_a_letter_gives_warnings_not_records_of_substance(tmp_path):
    text = "Children's services update\n\nOfsted visited in February.\n"
    result = _parse_text(tmp_path, text)
    visit = _one(result.records, MonitoringVisit)
    assert visit.letter_date is None and visit.local_authority is None
    assert len(result.warnings) >= 4


# --------------------------------------------------------------------------- the same letter as a PDF

def test_letter_read_from_a_pdf(tmp_path, letter_text):
    """Paragraphs and headings come from vertical gaps when there are no blank lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "letter.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    y, gap_pending = 800, False
    for raw in letter_text.replace("◼", "•").split("\n"):
        if not raw.strip():
            gap_pending = True
            continue
        if gap_pending:
            y -= 10
            gap_pending = False
        if y < 60:
            pdf.showPage()
            pdf.setFont("Helvetica", 11)
            y = 800
        pdf.drawString(60, y, raw.strip())
        y -= 14
    pdf.save()
    source = read_source(path)
    result = parse_monitoring_letter(make_document(source, source.lines, "monitoring_letter"))
    visit = _one(result.records, MonitoringVisit)
    assert visit.letter_date == date(2020, 3, 12)
    assert visit.visit_number == 8 and visit.inspectors == ["Joy Howick", "Nigel Parkes"]
    assert len(_all(result.records, MonitoringVisitArea)) == 4
    assert [f.section for f in _all(result.records, MonitoringVisitFinding)] == [
        None, "Overview", "Findings and evaluation of progress"]
    assert all(f.page >= 1 for f in _all(result.records, MonitoringVisitFinding))


def test_letter_start_when_the_lines_end_at_the_salutation():
    head = ["Piccadilly Gate", "Store Street", "Manchester", "M1 2WD", "T 0300 123 1231",
            "enquiries@ofsted.gov.uk", "12 March 2020", "Mr Chris Spencer", "Director of Children’s Services",
            "Dear Mr Spencer"]
    assert letter_start_index(head) == 0
    # Without Ofsted's letterhead a bare 'Dear' says nothing about what follows.
    assert not is_letter_start(head[6:])
    # A letter on another subject is not a visit letter.
    assert not is_letter_start(head + ["Joint targeted area inspection of the multi-agency response to abuse"])


def test_visit_dates_in_a_sentence_of_their_own(tmp_path, letter_text):
    text = _edited(
        letter_text,
        (OPENING, "This letter summarises the findings of the eighth monitoring visit to Gloucestershire children’s "
                  "services since the local authority was judged inadequate in March 2017. The visit took place on "
                  "4 and 5 February 2020."),
        ("The visit was the eighth monitoring visit since the local authority was judged inadequate in "
         "March 2017. ", ""),
    )
    visit = _one(_parse_text(tmp_path, text).records, MonitoringVisit)
    assert (visit.visit_start, visit.visit_end) == (date(2020, 2, 4), date(2020, 2, 5))
    assert visit.visit_number == 8


def test_letter_start_ignores_ofsted_in_the_previous_paper(letter_text):
    lines = ["4. Ofsted monitoring visit", "", "The Committee will receive the Ofsted letter.", ""] + letter_text.split("\n")
    assert lines[letter_start_index(lines)].strip() == "12 March 2020"


def test_letter_without_blank_lines_around_the_subject(tmp_path, letter_text):
    text = re.sub(r"Dear Mr Spencer\s*\n\s*\n", "Dear Mr Spencer\n", letter_text)
    text = re.sub(r"(children’s services)\s*\n\s*\n(This letter)", r"\1\n\2", text)
    assert "Spencer\nMonitoring visit" in text and "services\nThis letter" in text
    result = _parse_text(tmp_path, text)
    visit = _one(result.records, MonitoringVisit)
    assert visit.title == "Monitoring visit of Gloucestershire children’s services"
    assert visit.visit_number == 8 and visit.local_authority == "Gloucestershire"
    assert _all(result.records, MonitoringVisitFinding)[0].text.startswith("This letter summarises")


def test_addressee_from_the_salutation_when_the_address_has_no_name(tmp_path, letter_text):
    text = _edited(letter_text, ("Mr Chris Spencer", "The Director"), ("Dear Mr Spencer", "Dear Ms Jones"))
    visit = _one(_parse_text(tmp_path, text).records, MonitoringVisit)
    assert visit.addressee == "Ms Jones"
    text = _edited(letter_text, ("Mr Chris Spencer \n", ""), ("Dear Mr Spencer", "Dear Director"))
    assert "\nDirector of Children’s Services \nShire Hall" in text
    result = _parse_text(tmp_path, text)
    assert _one(result.records, MonitoringVisit).addressee is None
    assert any("addressee" in w for w in result.warnings)


@pytest.mark.parametrize("subject, authority", [
    ("Focused visit to the Isle of Wight children’s services", "Isle of Wight"),
    ("Monitoring visit to Leeds City Council children’s services", "Leeds"),
    ("Monitoring visit of the Royal Borough of Windsor and Maidenhead children’s services", "Windsor and Maidenhead"),
    ("Monitoring visit to Doncaster local authority children’s services", "Doncaster"),
    ("Monitoring visit to Torbay Council", "Torbay"),
])
def test_authority_from_subject_line(tmp_path, letter_text, subject, authority):
    text = _edited(letter_text, ("Monitoring visit of Gloucestershire children’s services", subject))
    result = _parse_text(tmp_path, text)
    assert _one(result.records, MonitoringVisit).local_authority == authority
    assert result.title == subject
