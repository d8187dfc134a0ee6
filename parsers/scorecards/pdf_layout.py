"""Scorecard tables from a PDF's positioned words: values placed in columns by x-position.

Words are regrouped into visual lines (same baseline across the page). A
header line names two or more periods; the header's words, clustered by
x, give each column's label and horizontal extent (a `Target` printed
above its year stacks into one label). Below it, each line's words fall
into bands — indicator, reporting basis, value columns, comments — by
where they sit, so a row printing fewer figures than the table has columns
still puts each figure under its own period. A line with figures or a basis
starts a row; lines below without them continue its indicator, basis and
comment cells. Headings (text set larger than the body) name the section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.scorecards.columns import Column, Header, columns_of
from parsers.scorecards.figures import MISSING, Figure, parse_figure
from parsers.scorecards.rows import Row, BASIS_RE, canonical_basis
from parsers.scorecards.tables import Placement
from parsers.scorecards.text_layout import Group
from schemas.document import Document, Line, Word

_COMMENTS = re.compile(r"^Comments?\b", re.I)
_REPORTING = re.compile(r"\b(Reporting|Basis)\b", re.I)


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


def _is_header(line: Line) -> bool:
    return len(columns_of(line.text)) >= 2 and not BASIS_RE.search(line.text.replace("Reporting Basis", ""))


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
    zone = [lines[i]]
    first = lines[i]
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
    columns: list[Column] = []
    basis_x0 = comments_x0 = None
    for cluster in _clusters(words):
        cluster.sort(key=lambda w: (round(w.top), w.x0))
        label = " ".join(w.text for w in cluster)
        x0, x1 = min(w.x0 for w in cluster), max(w.x1 for w in cluster)
        if _COMMENTS.match(label):
            comments_x0 = x0
            continue
        if _REPORTING.search(label) and not columns_of(label):
            basis_x0 = x0
            continue
        found = columns_of(label)
        if len(found) == 1:
            found[0].x0, found[0].x1 = x0, x1
            columns.append(found[0])
    _widen(columns, comments_x0)
    title = None
    above = lines[i - 1] if i > 0 else None
    if above is not None and above.page == first.page and not _figures_of(above.words) and _height(above) <= 1.2 * body:
        title = above.text
    header = Header(title, columns, basis_x0 is not None, i, j - 1, comments_x0=comments_x0, basis_x0=basis_x0)
    return header, j


def _widen(columns: list[Column], comments_x0: float | None) -> None:
    """Column extents meet halfway between label centres: right-aligned figures overhang their labels."""
    centres = [(c.x0 + c.x1) / 2 for c in columns]
    for k, c in enumerate(columns):
        left = (centres[k - 1] + centres[k]) / 2 if k else centres[k] - (centres[1] - centres[0]) / 2 if len(centres) > 1 else c.x0
        right = (centres[k] + centres[k + 1]) / 2 if k + 1 < len(centres) else (
            min(comments_x0, 2 * centres[k] - left) if comments_x0 else 2 * centres[k] - left)
        c.x0, c.x1 = left, right


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


def _cells(line: Line, header: Header) -> _Cells:
    """A line's words split into the table's bands by x-position."""
    cols = header.columns
    left_edge, right_edge = cols[0].x0, cols[-1].x1
    ind, basis, vals, com = [], [], [], []
    for w in line.words:
        centre = (w.x0 + w.x1) / 2
        if header.comments_x0 is not None and w.x0 >= header.comments_x0 - 2:
            com.append(w)
        elif left_edge <= centre <= right_edge:
            vals.append(w)
        elif header.basis_x0 is not None and w.x0 >= header.basis_x0 - 2:
            basis.append(w)
        else:
            ind.append(w)
    return _Cells(" ".join(w.text for w in ind), " ".join(w.text for w in basis), _figures_of(vals),
                  " ".join(w.text for w in com))


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
    for block in blocks:
        cells = {k: _cells(lines[k], header) for k in block}
        anchors = [k for k in block if cells[k].figures]
        if not anchors:
            continue
        for n, anchor in enumerate(anchors):
            first = block[0] if n == 0 else anchor
            last = anchors[n + 1] - 1 if n + 1 < len(anchors) else block[-1]
            part = [k for k in block if first <= k <= last]
            row = Row(" ".join(cells[k].indicator for k in part if cells[k].indicator),
                      " ".join(cells[k].basis for k in part if cells[k].basis) or None,
                      cells[anchor].figures, anchor, first, anchor, section=None)
            row.comment_parts = [cells[k].comment for k in part if cells[k].comment]
            rows.append(row)
    for r in rows:
        r.basis = canonical_basis(r.basis) if r.basis else None
    return [r for r in rows if r.indicator], j


def read_pdf_groups(doc: Document) -> tuple[list[Group], list[Line]]:
    lines = visual_lines(doc)
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
            if header.columns:
                rows, j = _read_rows(lines, j, header, body)
                for r in rows:
                    r.section = section
                groups.append(Group(rows, [header], section,
                                    [Placement(r, header, len(r.figures) == len(header.columns)) for r in rows]))
                i = max(j, i + 1)
                continue
        i += 1
    return groups, lines
