"""Scorecard tables from lines in reading order (text extractions).

Walks the lines once: header runs (see `columns`) and rows (see `rows`)
in the order printed, each row's comment collected up to the next row or
header. Rows between header runs form a group that `tables.place_rows`
splits among the run's tables. When the document prints its first header
before its first row (headers above tables), a header run heads the rows
that follow it instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from parsers.scorecard.columns import Header, find_headers
from parsers.scorecard.rows import Row, basis_anchor, blocks_of, figure_line, section_title, trailing_anchor
from parsers.scorecard.tables import Placement, place_rows


@dataclass(slots=True)
class Group:
    rows: list[Row] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)
    section: str | None = None
    placements: list[Placement] = field(default_factory=list)


def read_groups(texts: list[str]) -> list[Group]:
    n = len(texts)
    basis_anchors = {}
    for i in range(n):
        a = basis_anchor(texts, i)
        if a is not None:
            basis_anchors[i] = a
    trailing = {}
    for i in range(n):
        if i not in basis_anchors:
            a = trailing_anchor(texts[i])
            if a is not None:
                trailing[i] = a
    headers = find_headers(texts, lambda i: i in basis_anchors or i in trailing)
    # A basis-less row only stands in a table whose header has no basis column.
    # Which header heads it depends on whether headers print after their rows (text) or above them.
    first_row = min(list(basis_anchors) + list(trailing), default=n)
    headers_after = not headers or first_row < headers[0].first_line
    allowed_trailing = set()
    for i in trailing:
        if headers_after:
            head = next((h for h in headers if h.first_line > i), None)
        else:
            head = next((h for h in reversed(headers) if h.last_line < i), None)
        if head is not None and not head.has_basis:
            allowed_trailing.add(i)
    header_at = {h.first_line: h for h in headers}

    items: list[Row | Header] = []
    pending: list[int] = []
    last_row: Row | None = None
    section: str | None = None
    i = 0
    while i < n:
        if i in header_at:
            h = header_at[i]
            if not headers_after:
                # Headers above their rows: the heading above the header names the section.
                blocks = blocks_of(pending, texts)
                heading = section_title(texts, blocks[-1]) if blocks and len(blocks[-1]) == 1 else None
                if heading:
                    pending = [k for k in pending if k < blocks[-1][0]]
                # The line just above the header (its title) is the nearer heading.
                section = h.title or heading or section
            if last_row is not None:
                last_row.comment_parts.extend(texts[k] for k in pending)
            items.append(h)
            pending, last_row = [], None
            i = h.last_line + 1
            continue
        anchor = basis_anchors.get(i) or (trailing.get(i) if i in allowed_trailing else None)
        if anchor is None:
            pending.append(i)
            i += 1
            continue
        figures, rest = anchor.figures, anchor.rest
        last = i + anchor.lines_used - 1
        if not figures:
            k = last + 1
            while k < n and not texts[k].strip():
                k += 1
            found = figure_line(texts[k]) if k < n and k not in header_at else None
            if found is None:
                pending.append(i)
                i += 1
                continue
            figures, rest = found
            last = k
        if anchor.prefix:
            indicator_lines: list[int] = []
            before = pending
            indicator = anchor.prefix
        else:
            blocks = blocks_of(pending, texts)
            if not blocks:
                pending.append(i)
                i += 1
                continue
            indicator_lines = blocks[-1]
            before = [k for k in pending if k < indicator_lines[0]]
            indicator = " ".join(texts[k].strip() for k in indicator_lines)
        if last_row is not None:
            last_row.comment_parts.extend(texts[k] for k in before)
        elif headers_after:
            section = section_title(texts, before) or section
        row = Row(" ".join(indicator.split()), anchor.basis, figures, i,
                  indicator_lines[0] if indicator_lines else i, last, section=section)
        if rest:
            row.comment_parts.append(rest)
        items.append(row)
        last_row = row
        pending = []
        i = last + 1

    return _group(items, texts)


def _group(items: list[Row | Header], texts: list[str]) -> list[Group]:
    first_row = next((k for k, it in enumerate(items) if isinstance(it, Row)), None)
    first_header = next((k for k, it in enumerate(items) if isinstance(it, Header)), None)
    headers_first = first_header is not None and (first_row is None or first_header < first_row)
    groups: list[Group] = []
    current = Group()
    prev_was_header = False
    prev: Row | Header | None = None
    for it in items:
        if isinstance(it, Header):
            # Headers form one run only when nothing but blank lines separates them.
            if headers_first and current.rows or (
                isinstance(prev, Header) and any(t.strip() for t in texts[prev.last_line + 1 : it.first_line])
            ):
                groups.append(current)
                current = Group()
            current.headers.append(it)
            prev_was_header = True
            prev = it
        else:
            if not headers_first and prev_was_header:
                groups.append(current)
                current = Group()
            current.rows.append(it)
            prev_was_header = False
            prev = it
    if current.rows or current.headers:
        groups.append(current)
    for g in groups:
        g.section = g.rows[0].section if g.rows else None
        g.placements = place_rows(g.rows, g.headers)
    return groups
