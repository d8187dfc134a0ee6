"""Scorecard tables from a PDF's positioned words: values placed in columns by x-position.

Words are regrouped into visual lines (same baseline across the page). A
header line names two or more periods (or, beside an `Indicator` label, two
columns such as `Latest` and `Target`); the header's words, clustered by
x, give each column's label (a `Target` printed above its year, `Q1` above
`23/24`, stack into one label), which `header_cells` sorts into kinds —
reference, indicator, polarity, basis, period, target, comparator, RAG,
direction of travel, comments — each with its reach across the page. Below
it, each line's words fall into those cells by where they sit, so a row
printing fewer figures than the table has columns still puts each figure
under its own period, and ratings or arrows never join the indicator. A
line with figures starts a row; lines below without them continue its
indicator, basis and comment cells. Headings (text set larger than the
body), or a band row with nothing but a short label, name the section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.scorecard.columns import Header, columns_of
from parsers.common.figures import MISSING, Figure, parse_figure
from parsers.scorecard.header_cells import (
    BASIS, COMMENTS, INDICATOR, ROLES, SKIP, VALUE, cell_at, classify, lay_out, readable,
)
from parsers.scorecard.rows import Row, BASIS_RE, canonical_basis
from parsers.scorecard.tables import Placement
from parsers.scorecard.text_layout import Group
from schemas.document import Document, Line, Word



def visual_lines(doc: Document) -> list[Line]:
    """The document's words regrouped into lines by baseline, left to right."""
    out: list[Line] = []
    for page in doc.pages:
        words: list[tuple[Word, int]] = [(w, l.number) for l in page.lines for w in l.words if w.text.strip()]
        words.sort(key=lambda p: (round(p[0].bottom, 1), p[0].x0))
        rows: list[list[tuple[Word, int]]] = []
        for w, num in words:
            if rows:
                last = rows[-1][0][0]
                tol = 0.3 * max(1.0, last.bottom - last.top)
                if abs(w.bottom - last.bottom) <= tol:
                    rows[-1].append((w, num))
                    continue
            rows.append([(w, num)])
        for row in rows:
            row.sort(key=lambda p: p[0].x0)
            ws = tuple(p[0] for p in row)
            out.append(Line(" ".join(w.text for w in ws), page.number, min(p[1] for p in row), ws,
                            min(w.x0 for w in ws), min(w.top for w in ws), max(w.x1 for w in ws),
                            max(w.bottom for w in ws)))
    return out


def _height(line: Line) -> float:
    hs = sorted(w.bottom - w.top for w in line.words)
    return hs[len(hs) // 2]


def _label_cells(line: Line) -> list:
    return [classify(" ".join(w.text for w in c), min(w.x0 for w in c), max(w.x1 for w in c))
            for c in _clusters(list(line.words))]


def _names_columns(line: Line) -> bool:
    """Labels only, two or more of them naming value columns ("Q1 Q2 Q3 Q4 Target")."""
    return not _figures_of(line.words) and sum(readable(c) for c in _label_cells(line)) >= 2


def _is_header(line: Line) -> bool:
    cells = _label_cells(line)
    # A row's basis cell beside figures ("Snapshot 2015 2016") is no header; "Annual Target", "YTD"
    # or "Annual" stacked over "Target" as column labels are.
    if any(BASIS_RE.search(c.label) and c.kind != BASIS and not readable(c) for c in cells) and _figures_of(line.words):
        return False
    if len(columns_of(line.text)) >= 2:
        return True
    # Columns named without a year ("Indicator | Latest | Previous | Target | England"): labels only, no figures.
    if _figures_of(line.words):
        return False
    return any(c.kind == INDICATOR for c in cells) and sum(readable(c) for c in cells) >= 2


def _clusters(words: list[Word]) -> list[list[Word]]:
    """Words grouped into column labels: overlapping in x, or a word-space apart."""
    clusters: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.x0):
        gap = 0.35 * (w.bottom - w.top)
        for c in clusters:
            if w.x0 <= max(v.x1 for v in c) + gap and w.x1 >= min(v.x0 for v in c) - gap:
                c.append(w)
                break
        else:
            clusters.append([w])
    return clusters


def _read_header(lines: list[Line], i: int, body: float) -> tuple[Header, int]:
    first = lines[i]
    # Labels printed over two lines ("Q1" above "23/24", "Stat" above "Neighbours") may start above the period line.
    period_words = [w for w in first.words if columns_of(w.text)]
    start = i
    while start > 0:
        above, below = lines[start - 1], lines[start]
        if above.page != first.page or _figures_of(above.words) or _height(above) > 1.2 * body:
            break
        if below.top - above.top > 1.3 * _height(above):
            break
        if sum(1 for w in above.words if any(w.x1 >= v.x0 and w.x0 <= v.x1 for v in period_words)) < 2:
            break
        start -= 1
    zone = lines[start : i + 1]
    j = i + 1
    while j < len(lines):
        ln = lines[j]
        if ln.page != first.page or ln.top - zone[-1].top > 1.3 * _height(zone[-1]):
            break
        stacked = all(any(w.x1 >= v.x0 and w.x0 <= v.x1 for v in first.words) for w in ln.words)
        only_periods = all(parse_figure(w.text) is None or columns_of(w.text) for w in ln.words)
        if not (stacked and only_periods):
            break
        zone.append(ln)
        j += 1
    words = [w for ln in zone for w in ln.words]
    cells = []
    for cluster in _clusters(words):
        cluster.sort(key=lambda w: (round(w.top), w.x0))
        cells.append(classify(" ".join(w.text for w in cluster), min(w.x0 for w in cluster),
                              max(w.x1 for w in cluster)))
    cells = lay_out(cells)
    columns = []
    for cell in cells:
        if cell.kind == VALUE:
            cell.column.x0, cell.column.x1 = cell.left, cell.right
            columns.append(cell.column)
    comments_x0 = next((c.x0 for c in cells if c.kind == COMMENTS), None)
    basis_x0 = next((c.x0 for c in cells if c.kind == BASIS), None)
    title = None
    above = lines[start - 1] if start > 0 else None
    if above is not None and above.page == first.page and not _figures_of(above.words) and _height(above) <= 1.2 * body:
        title = above.text
    header = Header(title, columns, basis_x0 is not None, start, j - 1, comments_x0=comments_x0, basis_x0=basis_x0,
                    cells=cells)
    return header, j


def _figures_of(words) -> list[Figure]:
    figures: list[Figure] = []
    for w in words:
        if w.text == "%" and figures and figures[-1].unit is None and figures[-1].value is not None:
            f = figures[-1]
            figures[-1] = Figure(f"{f.text} %", f.value, "%", f.x0, w.x1)
            continue
        f = parse_figure(w.text)
        if f is None and w.text in MISSING:
            f = Figure(w.text, None, None)
        if f is None:
            continue
        f.x0, f.x1 = w.x0, w.x1
        figures.append(f)
    return figures


@dataclass(slots=True)
class _Cells:
    indicator: str
    basis: str
    figures: list[Figure]
    comment: str
    marks: dict[str, str]  # by role: ref, polarity, rag, direction


def _cells(line: Line, header: Header) -> _Cells:
    """A line's words split into the table's cells by x-position (see header_cells)."""
    indicator_cell = next((c for c in header.cells if c.kind == INDICATOR), None)
    parts: dict[str, list[Word]] = {INDICATOR: [], BASIS: [], VALUE: [], COMMENTS: [], SKIP: []}
    parts.update({role: [] for role in ROLES})
    for w in line.words:
        cell = cell_at((w.x0 + w.x1) / 2, header.cells)
        if cell is not None:
            parts[cell.role or cell.kind].append(w)
        elif indicator_cell is None or w.x1 <= indicator_cell.right:
            parts[INDICATOR].append(w)
    text = {kind: " ".join(w.text for w in ws) for kind, ws in parts.items()}
    return _Cells(text[INDICATOR], text[BASIS], _figures_of(parts[VALUE]), text[COMMENTS],
                  {role: text[role] for role in ROLES if text[role]})


def _read_rows(lines: list[Line], j: int, header: Header, body: float) -> tuple[list[Row], int]:
    """Rows under a header, to the next header, heading or page.

    Lines of one table row sit close together; rows are set apart by more
    than a line's leading. So lines are first gathered into such blocks: a
    block with one line of figures is one row, whatever line the figures
    sit on (cells top-aligned or centred). A block with several lines of
    figures (rows set without padding) is cut at each of them.
    """
    taken: list[int] = []
    while j < len(lines):
        ln = lines[j]
        if _height(ln) > 1.2 * body or _is_header(ln) or (
            j + 1 < len(lines) and _is_header(lines[j + 1]) and lines[j + 1].page == ln.page):
            break
        if taken and ln.page != lines[taken[0]].page:
            break
        taken.append(j)
        j += 1
    blocks: list[list[int]] = []
    for k in taken:
        prev = blocks[-1][-1] if blocks else None
        if prev is not None and lines[k].top - lines[prev].bottom <= 0.3 * _height(lines[k]):
            blocks[-1].append(k)
        else:
            blocks.append([k])
    rows: list[Row] = []
    band = None
    for block in blocks:
        cells = {k: _cells(lines[k], header) for k in block}
        anchors = [k for k in block if cells[k].figures]
        if not anchors:
            # A band across the table naming the rows below it ("Children in Care"): their section.
            only = cells[block[0]]
            if len(block) == 1 and only.indicator and not (only.basis or only.comment) and _is_band(only.indicator):
                band = " ".join(only.indicator.split())
            continue
        for n, anchor in enumerate(anchors):
            first = block[0] if n == 0 else anchor
            last = anchors[n + 1] - 1 if n + 1 < len(anchors) else block[-1]
            part = [k for k in block if first <= k <= last]
            row = Row(" ".join(cells[k].indicator for k in part if cells[k].indicator),
                      " ".join(cells[k].basis for k in part if cells[k].basis) or None,
                      cells[anchor].figures, anchor, first, anchor, section=band)
            row.comment_parts = [cells[k].comment for k in part if cells[k].comment]
            for role in ROLES:  # a mark may wrap in its cell too ("Lower is" / "better")
                printed = " ".join(cells[k].marks[role] for k in part if role in cells[k].marks)
                if printed:
                    row.marks[role] = printed
            rows.append(row)
    for r in rows:
        r.basis = canonical_basis(r.basis) if r.basis else None
    return [r for r in rows if r.indicator], j


def _touching(above: Line, below: Line) -> bool:
    return above.page == below.page and below.top - above.bottom <= 0.8 * _height(above)


_HAS_YEAR = re.compile(r"\d{2}")


def _qualify(header: Header, years: Header) -> None:
    """Give each bare quarter or month ("Q1", "Apr") the year printed above it, as "Q1 2022/23"."""
    spans = sorted((c for c in years.columns if c.period), key=lambda c: c.x0)
    header.title = years.title
    header.first_line = years.first_line
    for col in header.columns:
        if col.period is None or col.comparator or _HAS_YEAR.search(col.period):
            continue
        centre = (col.x0 + col.x1) / 2
        # Each year spans from halfway after the previous year's label to halfway before the next one's.
        labels = [((c.x0 + c.x1) / 2, c.period) for c in spans]
        bounds = [(a[0] + b[0]) / 2 for a, b in zip(labels, labels[1:])]
        k = sum(1 for b in bounds if centre > b)
        if labels:
            col.period = f"{col.period} {labels[k][1]}"


def _is_band(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 8 and not text.rstrip().endswith((".", ",", ";", ":")) and text[:1].isupper()


def read_pdf_groups(doc: Document) -> tuple[list[Group], list[Line]]:
    return read_positioned_groups(visual_lines(doc))


def read_positioned_groups(lines: list[Line]) -> tuple[list[Group], list[Line]]:
    """Tables from visual lines whose words carry positions (a PDF's, or a text's character columns)."""
    if not lines:
        return [], lines
    heights = sorted(_height(l) for l in lines)
    body = heights[len(heights) // 2]
    groups: list[Group] = []
    section = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if _height(ln) > 1.2 * body and not _figures_of(ln.words):
            section = " ".join(ln.text.split())
            i += 1
            continue
        if _is_header(ln):
            header, j = _read_header(lines, i, body)
            if j < len(lines) and _names_columns(lines[j]) and _touching(lines[j - 1], lines[j]):
                # Years printed above their quarters or months: the lower line names the columns.
                years = header
                header, j = _read_header(lines, j, body)
                _qualify(header, years)
            if header.columns:
                rows, j = _read_rows(lines, j, header, body)
                for r in rows:
                    r.section = r.section or section
                groups.append(Group(rows, [header], section,
                                    [Placement(r, header, len(r.figures) == len(header.columns)) for r in rows]))
                i = max(j, i + 1)
                continue
        i += 1
    return groups, lines
