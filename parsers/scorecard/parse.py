"""Performance scorecards: every figure with its indicator, period and target; risks; commentary.

Entry points (pure: a Document in, a ParseResult out):
  parse_scorecard             scorecard tables and risk register rows
  parse_scorecard_commentary  numbered commentary paragraphs and the risk ratings they quote
  scorecard_kind              for the splitter: is this run of lines a scorecard, its commentary, or neither

The parts live beside this file (see the package __init__ for the map).
"""
from __future__ import annotations

import re
from dataclasses import replace

from parsers.common.commentary_evidence import cites_indicators, indicator_references, money_references
from parsers.common.provenance import read_at
from parsers.result import ParseResult
from parsers.common.dates import MONTH
from parsers.scorecard.card_labels import label_after, label_alone, label_before
from parsers.scorecard.card_values import card_records
from parsers.scorecard.cards import read_cards
from parsers.scorecard.commentary import figures_in, numbered_paragraphs
from parsers.scorecard.pdf_layout import read_pdf_groups, read_positioned_groups
from parsers.scorecard.risks import prose_risks, register_risks
from parsers.scorecard.columns import columns_of, has_period, is_header_line
from parsers.scorecard.rows import BASIS_RE, basis_anchor
from parsers.scorecard.table_fills import finish_table_values
from parsers.scorecard.text_columns import labelled, positioned_lines, unspaced_header
from parsers.scorecard.text_layout import read_groups
from parsers.scorecard.values import values_of
from schemas.document import Document, Line
from schemas.scorecards import ScorecardCommentary

VERSION = "4"  # 4: KPI cards (one block per indicator), RAG from fill colours, period dates
# 3: ref, polarity, RAG, direction; texts cut by their header's character columns
# 2: other councils' layouts: header cells by kind, comparators, targets without a year

# What an image page leaves in a text extraction: its page number, maybe a split "Agenda Item 9" stamp.
_PAGE_NUMBER_ONLY = re.compile(r"^\s*(?:\d{1,3}|[ivx]{1,5}|A|(?:A\s?)?genda\s+Item(?:\s+\d{1,3})?)\s*$", re.I)


def parse_scorecard(doc: Document) -> ParseResult:
    result = ParseResult()
    _report_pages_without_text(doc, result.warnings)
    doc = _read_card_pages(doc, result)  # KPI cards; the pages left are read as tables
    lines = doc.lines
    if any(l.words for l in lines):
        groups, lines = read_pdf_groups(doc)
        table_lines, positioned = lines, True
    else:
        # A text whose header labels its columns (Ref, Indicator, Good is, RAG, DoT …) is cut by the
        # header cells' character columns, as a PDF is by x; one naming only periods is read in order.
        positioned = False
        if any(_COLUMN_LABEL_LINE.search(l.text) for l in lines):  # skip the column reading where no header could ask for it
            groups, table_lines = read_positioned_groups(positioned_lines(lines))
            positioned = any(labelled(h) for g in groups for h in g.headers)
        if not positioned:
            groups, table_lines = read_groups([l.text for l in lines]), lines
            for line in lines:
                if unspaced_header(line.text):
                    result.warnings.append(
                        f"line {line.number}: a table header whose cells are not spaced apart "
                        f"('{' '.join(line.text.split())[:60]}'); the rows under it cannot be cut into its columns")
    for group in groups:
        for placement in group.placements:
            if not positioned and _columns_not_cut(placement.row, table_lines, result.warnings):
                continue
            section = placement.row.section or group.section  # a band inside a table names its own rows
            result.records.extend(values_of(placement, table_lines, doc.document_id, section,
                                            result.warnings, use_positions=positioned))
    finish_table_values(doc, result.records, result.warnings)
    # PDF lines are cells; a risk summary row reads whole only from the visual line.
    result.records.extend(register_risks(lines, doc.document_id, result.warnings))
    if not result.records:
        result.warnings.append("no scorecard figures or risks found")
    result.title = _title(doc.lines)
    return result


def _read_card_pages(doc: Document, result: ParseResult) -> Document:
    """Read the document's KPI cards into `result`; the document without its card pages, for the table reader."""
    if not any(l.words for l in doc.lines):
        return doc
    cards = read_cards(doc, result.warnings)
    if not cards:
        return doc
    fills = {p.number: p.fills for p in doc.pages if p.fills}
    for card in cards:
        result.records.extend(card_records(card, fills, doc.document_id, result.warnings))
    card_pages = {p for card in cards for p in range(card.page, card.last_page + 1)}
    return replace(doc, lines=[l for l in doc.lines if l.page not in card_pages],
                   pages=[p for p in doc.pages if p.number not in card_pages])


# A header line that could label its columns: a column name, with cells spaced apart.
_COLUMN_LABEL_LINE = re.compile(r"(?i)(?=.*\S\s{2,}\S).*\b(?:ref|indicator|measure|polarity|good\s+is|rag|dot|direction\s+of\s+travel)\b")
_FIGURE_RUN = re.compile(r"(?:^|\s)[-£]?\d[\d,]*(?:\.\d+)?%?\s+[-£]?\d[\d,]*(?:\.\d+)?%?(?:\s|$)")


def _columns_not_cut(row, lines: list[Line], warnings: list[str]) -> bool:
    """A row read in order whose indicator holds a run of figures: its table's columns were not found.

    ("CS01 Rate of referrals Low 512.3 498.1 500 Green Improving 476.0", under a header that was not
    recognised.) Its cells cannot be told apart, so it is left unread rather than given a junk indicator.
    """
    if not _FIGURE_RUN.search(row.indicator):
        return False
    warnings.append(f"line {lines[row.last].number}: a table row whose columns could not be told apart "
                    f"('{row.indicator[:50]}…'); left unread")
    return True


def parse_scorecard_commentary(doc: Document) -> ParseResult:
    result = ParseResult()
    _report_pages_without_text(doc, result.warnings)
    paragraphs = numbered_paragraphs(doc.lines)
    if not paragraphs:
        result.warnings.append("no numbered commentary paragraphs found")
    for p in paragraphs:
        result.records.append(ScorecardCommentary(
            **read_at(doc.document_id, p.first), seq=p.seq, text=p.text,
            figures=figures_in(p.text),
        ))
        result.records.extend(prose_risks(p.text, doc.document_id, p.first, p.seq))
    return result


def _report_pages_without_text(doc: Document, warnings: list[str]) -> None:
    """Scorecard pages that were images leave no text: say so, never invent their figures."""
    for page in doc.pages:
        content = [l.text for l in page.lines if l.text.strip()]
        if not page.has_text_layer:
            warnings.append(f"page {page.number} has no text layer: needs OCR")
        elif content and all(_PAGE_NUMBER_ONLY.match(t) for t in content):
            warnings.append(f"page {page.number} holds nothing but a page number: probably an image, needs OCR")


_TITLE = re.compile(r"\b(scorecard|risk\s+(?:monitoring|register)|strategic\s+risks?|performance\s+report)\b", re.I)


def _title(lines: list[Line]) -> str | None:
    for line in lines[:30]:
        text = " ".join(line.text.split())
        if _TITLE.search(text) and len(text.split()) <= 12 and not text.endswith("."):
            return text
    return None


_AFTER_TITLE_WORD = r"\s*(?:$|[-–:(|]|Q[1-4]\b|Quarter\b|\d|on\b)"
_SCORECARD_TITLE = re.compile(r"\bscorecard\b" + _AFTER_TITLE_WORD, re.I)
_COMMENTARY_TITLE = re.compile(r"\bcommentary\b" + _AFTER_TITLE_WORD, re.I)
_COMMENTARY_WORDS = re.compile(r"\b(target|tolerance|quarter|performance|peer|national)\b", re.I)
_PERCENT = re.compile(r"\d\s?%")
_NUMBERED_START = re.compile(r"^\s*1(?:\.1)?\.\s+\S")
_TABLE_LABEL = re.compile(
    r"(?<![A-Za-z])(?:target|rag|dot|direction\s+of\s+travel|polarity|good\s+is|stat(?:istical)?\s+neighbou?rs?|sn"
    r"|england|national|indicator|measure|kpi|ref)(?![A-Za-z])", re.I)
_PERFORMANCE_TITLE = re.compile(
    r"\bperformance\s+(?:report|scorecard|dashboard|indicators|summary|data\s+(?:pack|report)|monitoring\s+report)\b"
    r"|\bkey\s+performance\s+indicators\b|\bKPI\s+(?:report|dashboard)\b", re.I)
_REPORTING_PERIOD = re.compile(rf"\b(?:Q[1-4]|quarter\s+[1-4]|(?:19|20)\d{{2}}[/-]\d{{2}}|{MONTH}\.?\s+(?:19|20)\d{{2}})\b", re.I)
_NUMBERED_PARAGRAPH = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+[A-Z]")
_RISK_REPORT = re.compile(r"\b(strategic\s+risks?|risk\s+(?:monitoring|register))\b", re.I)


def _card_labels(texts: list[str]) -> bool:
    """KPI cards: two of the labels of a latest value, a target, a floor or a previous value, each beside
    a figure (`Latest: 97%`) or alone in a row of labels over their values."""
    kinds = set()
    for t in texts:
        label = label_before(t) or label_alone(t)
        if label is not None and (label.rest[:1].isdigit() or label.rest[:1] in "£<>" or not label.rest):
            kinds.add(label.kind)
        elif (label := label_after(t)) is not None:
            kinds.add(label.kind)
    return len(kinds & {"latest", "target", "floor", "previous"}) >= 2


def _periods_in(text: str) -> list:
    return [c for c in columns_of(text) if not c.is_target]


def scorecard_kind(lines: list[str]) -> str | None:
    """'scorecard', 'scorecard_commentary' or None for the first ~20 non-empty lines of a page or run."""
    texts = [" ".join(t.split()) for t in lines if t and t.strip()][:20]
    if not texts:
        return None
    # Titles, not prose: a short line starting with a capital, the word ending it or followed by a
    # period or punctuation ("Scorecard", "Scorecard - Quarter 4 2016/17"; not "scorecard, makes ...").
    titles = [t for t in texts if len(t.split()) <= 12 and t[:1].isupper() and not t.endswith(".") and ". " not in t]
    joined_titles = " ".join(t for t in texts[:6] if t in titles)
    if any(_SCORECARD_TITLE.search(t) and not _COMMENTARY_TITLE.search(t) for t in titles):
        return "scorecard"
    if _card_labels(texts):  # before the commentary title: a card's `Commentary:` label is not one
        return "scorecard"
    # A table header: periods beside column labels (Target, RAG, DoT, England …), one cell a line
    # (PDF) or all on one line (text). Checked before the commentary title: a "Commentary" column is not one.
    header_texts = [t for t in texts if len(t.split()) <= 4 or len(_periods_in(t)) >= 2]
    periods = sum(len(_periods_in(t)) for t in header_texts)
    labels = sum(len(_TABLE_LABEL.findall(t)) for t in header_texts)
    body = " ".join(texts)
    if periods >= 2 and labels >= 2 and not _about_money(body):  # a budget's or treasury's table is a report
        return "scorecard"
    # A performance report's cover ("Children's Services Performance Report" / "Quarter 2 2023/24"),
    # not a covering report about it (numbered paragraphs).
    numbered = sum(1 for t in texts if _NUMBERED_PARAGRAPH.match(t))
    if any(_PERFORMANCE_TITLE.search(t) for t in titles[:6]) and any(_REPORTING_PERIOD.search(t) for t in texts[:6]) \
            and numbered < 2 and not _about_money(body):
        return "scorecard"
    if any(_COMMENTARY_TITLE.search(t) for t in titles) and not _about_money(body):
        return "scorecard_commentary"
    if _RISK_REPORT.search(joined_titles) and re.search(r"\b(report|register|summary)\b", joined_titles, re.I):
        return "scorecard"
    # Table rows: a reporting basis followed by figures (text), or basis cells and period headers (PDF).
    anchors = sum(1 for i in range(len(texts)) if (a := basis_anchor(texts, i)) and a.figures)
    basis_cells = sum(1 for t in texts if BASIS_RE.fullmatch(t))
    period_cells = sum(1 for t in texts if has_period(t) and is_header_line(t))  # the cheaper test first
    if (anchors >= 2 or (basis_cells >= 2 and period_cells >= 2)) and not _about_money(body):
        return "scorecard"
    if _NUMBERED_START.match(texts[0]):
        # Commentary cites the scorecard's indicators; a budget's numbered prose about money does not.
        if len(_COMMENTARY_WORDS.findall(body)) >= 2 and _PERCENT.search(body) and cites_indicators(body):
            return "scorecard_commentary"
    return None


def _about_money(text: str) -> bool:
    """A budget's or a treasury strategy's lines: more about money than about a scorecard's indicators."""
    return money_references(text) > max(2, 2 * indicator_references(text))
