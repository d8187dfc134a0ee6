"""Another council's performance report laid out as PDF tables, for the scorecard tests.

The layouts follow published children's services performance reports that
our corpus does not hold (seen via their public transcriptions):
  - Rotherham's Council Plan measures (rotherham.gov.uk, "Performance measures"):
    `Ref | Key performance indicators | Good is | Target 2022/23`, refs like `CH02`,
    polarity `High` / `Low`, rates "per 10K population 0-17";
  - Kent's CYPE directorate scorecard (fdocuments.us transcription, Dec 2020):
    polarity H/L, RAG ratings, direction of travel (DoT), `N/A` for data not available,
    comparators beside the figures;
  - Cheshire West's performance pages: periods as `2019/20 Q4`; Monmouthshire's
    report card: `2014/15 | Q2 2015/16` columns, `SCC/011b`-style references.
Indicator wording follows those reports; the figures are invented. Each cell
is drawn at its own x, wrapped to its column, as table exports print them.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = 842, 595
BODY, LEAD = 7.5, 9


@dataclass
class Col:
    label: str  # "\n" splits a label printed over two lines
    x: float  # left edge of the cell
    width: float
    align: str = "left"  # "left", "right" or "centre"


def _draw(c: canvas.Canvas, x: float, y: float, col: Col, text: str) -> None:
    if col.align == "right":
        c.drawRightString(col.x + col.width - 4, y, text)
    elif col.align == "centre":
        c.drawCentredString(col.x + col.width / 2, y, text)
    else:
        c.drawString(col.x + 2, y, text)


def draw_table(c: canvas.Canvas, y: float, cols: list[Col], rows: list[list[str]], centred: bool = False) -> float:
    """Header then rows, each cell wrapped to its column; returns the y below the table."""
    c.setFont("Helvetica-Bold", BODY)
    depth = max(len(col.label.split("\n")) for col in cols)
    for col in cols:
        for j, part in enumerate(col.label.split("\n")):
            align = "left" if col.align == "left" else "centre"
            _draw(c, col.x, y - j * LEAD, Col(part, col.x, col.width, align), part)
    y -= depth * LEAD + 6
    c.setFont("Helvetica", BODY)
    for row in rows:
        cells = [textwrap.wrap(text, max(4, int(col.width / 3.6))) or [""] for col, text in zip(cols, row)]
        height = max(len(cell) for cell in cells)
        for col, cell in zip(cols, cells):
            top = y - (height - len(cell)) * LEAD / 2 if centred else y
            for j, part in enumerate(cell):
                _draw(c, col.x, top - j * LEAD, col, part)
        y -= height * LEAD + 6
    return y - 10


def heading(c: canvas.Canvas, y: float, text: str, size: float = 12) -> float:
    c.setFont("Helvetica-Bold", size)
    c.drawString(30, y, text)
    return y - size - 10


QUARTERLY_COLS = [
    Col("Ref", 30, 34), Col("Indicator", 64, 170), Col("Good\nis", 234, 30),
    Col("2021/22", 264, 44, "right"), Col("2022/23", 308, 44, "right"), Col("Q1\n23/24", 352, 40, "right"),
    Col("Q2\n23/24", 392, 40, "right"), Col("Target", 432, 40, "right"), Col("RAG", 472, 36, "centre"),
    Col("DoT", 508, 46, "centre"), Col("Stat\nNeighbours", 554, 50, "right"), Col("England", 604, 42, "right"),
    Col("Commentary", 652, 170),
]
FRONT_DOOR = [
    ["CS01", "Rate of referrals per 10,000 children aged 0-17", "Low", "512.3", "498.1", "121.4", "240.2",
     "500.0", "Green", "Improving", "476.0", "544.5", "Referrals fell after the front door review."],
    ["CS02", "% of referrals that were re-referrals within 12 months of a previous referral", "Low", "22.4%",
     "24.1%", "19.8%", "21.0%", "20.0%", "Amber", "Worsening", "20.9%", "21.5%", ""],
    ["CS03", "Number of contacts received", "-", "12,345", "13,002", "3,210", "n/a", "-", "-", "-", "-", "-",
     "Q2 figure not yet validated."],
    ["CS04", "% of single assessments completed within 45 working days", "High", "85.0%", "88.2%", "*",
     "91.3%", "90%", "G", "Improving", "84.6%", "82.1%", "Q1 suppressed during the system migration."],
]
CHILDREN_IN_CARE = [
    ["CH04", "The number of looked after children (rate per 10k population 0-17)", "Low", "98.1", "95.3", "94.0",
     "92.7", "95.2", "G", "Improving", "89.5", "70.0", "Reunification work continues."],
    ["CH09", "% of care leavers aged 19-21 in education, employment or training", "High", "52.0%", "55.5%",
     "", "57.1%", "60%", "A", "Same", "55.0%", "56.0%", "Reported half-yearly: no Q1 figure."],
]


def quarterly_report(path: Path, centred: bool = False) -> Path:
    """Quarterly report: ref, polarity, years and quarters, target, RAG, DoT, comparators, commentary."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    y = heading(c, PAGE_H - 40, "Children's Services Performance Report - Quarter 2 2023/24", 14)
    y = heading(c, y, "Front Door and Assessment")
    y = draw_table(c, y, QUARTERLY_COLS, FRONT_DOOR, centred)
    y = heading(c, y, "Children in Care")
    draw_table(c, y, QUARTERLY_COLS, CHILDREN_IN_CARE, centred)
    c.showPage()
    c.save()
    return path


MONTHLY_COLS = [
    Col("Measure", 30, 190), Col("Polarity", 220, 44),
    *[Col(m, 264 + 40 * k, 40, "right") for k, m in enumerate(("Apr-23", "May-23", "Jun-23", "Jul-23", "Aug-23", "Sep-23"))],
    Col("Target\n2023/24", 504, 46, "right"), Col("England\n2022/23", 550, 46, "right"),
    Col("SN\n2022/23", 596, 46, "right"), Col("RAG", 642, 30, "centre"), Col("Comments", 676, 150),
]
MONTHLY_ROWS = [
    ["Percentage of child protection plans lasting 2 years or more at the point of closure", "Lower is better",
     "2.1%", "3.0%", "2.8%", "2.5%", "2.2%", "2.0%", "3.5%", "3.9%", "3.4%", "G", ""],
    ["Number of children subject to a child protection plan", "Lower is better", "401", "412", "398", "1,025",
     "387", "379", "-", "-", "-", "-", "July figure includes a data load error."],
    ["Average caseload per qualified social worker", "Lower is better", "18.2", "18.9", "", "19.4", "17.6",
     "17.1", "18", "16.3", "16.9", "R", "June figure not available."],
]


def monthly_report(path: Path) -> Path:
    """Monthly dashboard: polarity in words, months, target and comparators for a year, RAG letters."""
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1)
    y = heading(c, PAGE_H - 40, "Children's Social Care Key Performance Indicators - September 2023", 14)
    y = heading(c, y, "Child Protection")
    draw_table(c, y, MONTHLY_COLS, MONTHLY_ROWS)
    c.showPage()
    c.save()
    return path


# The quarterly report as a layout-preserving text extraction (pdftotext -layout) prints it: each
# cell at its column, labels printed over two lines ("Good" / "is", "Q1" / "23/24"), wrapped
# indicators and comments continuing on the line below, a blank Q1 cell for CH09.
QUARTERLY_TEXT = """\
Children's Services Performance Report - Quarter 2 2023/24

Front Door and Assessment

Ref    Indicator                                   Good   2021/22  2022/23   Q1      Q2     Target   RAG     DoT        Stat         England   Commentary
                                                   is                        23/24   23/24                              Neighbours
CS01   Rate of referrals per 10,000 children       Low      512.3    498.1   121.4   240.2    500.0  Green   Improving      476.0     544.5   Referrals fell after the front
       aged 0-17                                                                                                                            door review.
CS02   % of referrals that were re-referrals       Low      22.4%    24.1%   19.8%   21.0%    20.0%  Amber   Worsening      20.9%     21.5%
       within 12 months of a previous referral
CS03   Number of contacts received                 -       12,345   13,002   3,210     n/a        -  -       -                  -         -   Q2 figure not yet validated.
CS04   % of single assessments completed within    High     85.0%    88.2%       *   91.3%      90%  G       Improving      84.6%     82.1%   Q1 suppressed during the system
       45 working days                                                                                                                      migration.
CH09   % of care leavers aged 19-21 in education,  High     52.0%    55.5%           57.1%      60%          Same           55.0%     56.0%   Reported half-yearly: no Q1 figure.
       employment or training
"""
