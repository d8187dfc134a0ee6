"""Accelerated Improvement Plan (AIP) dashboard -> aip_priorities, aip_actions, aip_metrics.

The dashboard gives each priority a page of printed fields: its heading,
`Rationale`, two columns of status boxes (Actions status, Impact status),
`Reporting period: 1st May 2020 To 31st May 2020`, `Objectives`, `Comments
about overall status`, `Progress made this period`, `Actions next period`,
a key actions table (action, owners, impact on objective, timescale) and a
metrics table (target and actual per month).

Each priority page is found by its `Rationale` label; its heading is the
line printed just above. A summary page listing every priority before the
detail pages carries no `Rationale` label and is not read (its statuses
repeat the detail pages'). Field labels may wrap over lines in the
extraction; see `parsers.common.plan_labels`. Metric cells are placed by
word positions in a PDF (`parsers.aip_dashboard.positioned_metrics`) and by
the extraction's spacing in a text source (`parsers.aip_dashboard.metric_table`).
"""
from __future__ import annotations

import re
from datetime import date

from parsers.common.dates import parse_date
from parsers.aip_dashboard.key_actions import read_key_actions
from parsers.common.plan_labels import LabelHit, drop_page_numbers, match_label, paragraphs_text, squash
from parsers.aip_dashboard.metric_table import cell_number, read_metric_table
from parsers.aip_dashboard.positioned_metrics import read_positioned_metric_table
from parsers.aip_dashboard.status_boxes import read_status_boxes
from parsers.common.provenance import read_at
from parsers.result import ParseResult
from schemas.document import Document, Line
from schemas.improvement import AipAction, AipMetric, AipMetricUnplaced, AipPriority

VERSION = "1"

__all__ = ["VERSION", "parse_aip_dashboard"]

_LABELS = {
    "rationale": re.compile(r"rationale\b:?", re.I),
    "status": re.compile(r"actions?\s+status\b.*\bimpact\s+status\b", re.I),
    "period": re.compile(r"reporting\s+period\b\s*:?", re.I),
    "objectives": re.compile(r"objectives?\b:?", re.I),
    "comments": re.compile(r"comments\s+(?:about|on)\s+(?:the\s+)?overall\s+status\b:?", re.I),
    "progress": re.compile(r"progress\s+made\s+(?:this|in\s+the)\s+period\b:?", re.I),
    "next": re.compile(r"actions?\s+(?:for\s+(?:the\s+)?)?next\s+period\b:?", re.I),
    "key_actions": re.compile(r"key\s+actions\b.*\btimescales?\b", re.I),
    "metrics": re.compile(r"metrics\b:?", re.I),
}
_PERIOD = re.compile(r"reporting\s+period\s*:?\s*(?P<start>.+?)\s+(?:to|until|-|–)\s+(?P<end>.+)$", re.I)
# A page number or spaced page stamp left on its own line between pages.
_STRAY_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


def _find_labels(lines: list[Line]) -> list[LabelHit]:
    hits: list[LabelHit] = []
    i = 0
    while i < len(lines):
        hit = match_label(lines, i, _LABELS)
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.next
    return hits


def _heading_before(lines: list[Line], index: int, floor: int) -> int | None:
    """Index of the priority heading printed above the `Rationale` label at `index`."""
    k = index - 1
    while k >= floor and (not lines[k].text.strip() or _STRAY_NUMBER.match(lines[k].text)):
        k -= 1
    return k if k >= floor else None


def parse_aip_dashboard(doc: Document) -> ParseResult:
    result = ParseResult()
    lines = drop_page_numbers(doc.lines)
    hits = _find_labels(lines)
    rationale_hits = [h for h in hits if h.name == "rationale"]
    if not rationale_hits:
        result.warnings.append("no priority pages found (no 'Rationale' label)")
        return result

    # Each priority page runs from its heading to the next page's heading.
    starts: list[tuple[int, LabelHit]] = []
    floor = 0
    for hit in rationale_hits:
        h = _heading_before(lines, hit.first, floor)
        if h is None:
            result.warnings.append(f"line {lines[hit.first].number}: 'Rationale' with no priority heading above it")
            continue
        starts.append((h, hit))
        floor = hit.next
    for n, (h, _) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        page_hits = [x for x in hits if h < x.first < end]
        _read_priority(doc, lines, h, end, page_hits, result)

    first = next((squash(l.text) for l in lines if l.text.strip()), "")
    result.title = first or None
    ends = {p.reporting_period_end for p in result.records if isinstance(p, AipPriority) and p.reporting_period_end}
    if len(ends) == 1:
        result.document_date = ends.pop()
    return result


def _read_priority(doc: Document, lines: list[Line], h: int, end: int, hits: list[LabelHit], result: ParseResult) -> None:
    heading_line = lines[h]
    priority = squash(heading_line.text)
    warn = lambda message: result.warnings.append(f"priority {priority!r}: {message}")

    # The lines of each field: from its label to the next label.
    fields: dict[str, list[Line]] = {}
    firsts: dict[str, Line] = {}
    for n, hit in enumerate(hits):
        stop = hits[n + 1].first if n + 1 < len(hits) else end
        body = lines[hit.next : stop]
        if hit.rest:
            body = [Line(hit.rest, lines[hit.first].page, lines[hit.first].number)] + body
        if hit.name in fields:
            # A label printed twice (a table's title, then its column headings
            # `Key Actions Owners … Timescale`) belongs to the first field.
            fields[hit.name] += [lines[hit.first]] + body
            continue
        fields[hit.name] = ([lines[hit.first]] if hit.name == "period" else []) + body
        firsts[hit.name] = lines[hit.first]

    # The reporting period is printed among the status boxes: read both from the same run.
    period_start = period_end = None
    period_lines = fields.get("period", [])
    period_text = next((squash(l.text) for l in period_lines if _LABELS["period"].match(squash(l.text))), "")
    m = _PERIOD.match(period_text)
    if m:
        period_start, period_end = parse_date(m.group("start")), parse_date(m.group("end"))
    if period_start is None or period_end is None:
        warn("reporting period not read")
    status_text = "\n".join(l.text for l in fields.get("status", []) + period_lines[1:])
    actions_status = impact_status = None
    if "status" in fields:
        (actions_status, impact_status), box_warnings = read_status_boxes(status_text)
        for w in box_warnings:
            warn(w.replace("column 1", "Actions status").replace("column 2", "Impact status"))
    else:
        warn("no 'Actions status / Impact status' boxes found")

    text_of = lambda name: paragraphs_text(fields[name]) if name in fields else None
    record = AipPriority(
        **read_at(doc.document_id, heading_line),
        priority=priority,
        reporting_period_start=period_start,
        reporting_period_end=period_end,
        actions_status=actions_status,
        impact_status=impact_status,
        rationale=text_of("rationale"),
        objectives=text_of("objectives"),
        progress=text_of("progress"),
        next_actions=text_of("next"),
        status_comments=text_of("comments"),
    )
    for name in ("rationale", "objectives", "progress", "next", "comments"):
        if name not in fields:
            warn(f"no '{name}' field found")
    result.records.append(record)

    if "key_actions" in fields:
        actions, action_warnings = read_key_actions(fields["key_actions"])
        result.warnings += [f"priority {priority!r}: {w}" for w in action_warnings]
        for a in actions:
            result.records.append(
                AipAction(
                    **read_at(doc.document_id, a.line),
                    priority=priority,
                    action=a.action,
                    owner=a.owner,
                    impact=a.impact,
                    timescale=a.timescale,
                )
            )
    else:
        warn("no key actions table found")

    if "metrics" in fields:
        _read_metrics(doc, fields["metrics"], priority, period_end, result, warn)
    else:
        warn("no metrics table found")


def _read_metrics(doc, metric_lines, priority, period_end, result, warn) -> None:
    last_month = date(period_end.year, period_end.month, 1) if period_end else None
    # A PDF's word positions place cells exactly; a text extraction's spacing is decoded instead.
    if any(line.words for line in metric_lines):
        table = read_positioned_metric_table(metric_lines, last_month)
    else:
        table = read_metric_table(metric_lines, last_month)
    if table is None:
        warn("metrics table has no month headings")
        return
    for w in table.warnings:
        warn(w)
    for row in table.rows:
        if row.cells_unplaceable:
            result.records.append(
                AipMetricUnplaced(
                    **read_at(doc.document_id, row.line),
                    priority=priority,
                    metric=row.label,
                    printed_values=" ".join(c for c in row.cells if c),
                    reason=row.unplaced_reason,
                )
            )
            continue
        cells = row.cells + [""] * (len(table.kinds) - len(row.cells))
        units = {cell_number(c)[1] for c in cells if c} - {None}
        label_is_percent = row.label.startswith("%") or row.label.lower().startswith(("percentage", "proportion"))
        unit = "%" if "%" in units or label_is_percent else ("count" if units == {"count"} else None)
        by_month: dict[date, dict[str, str]] = {}
        for kind, month, cell in zip(table.kinds, [m for m in table.months for _ in (0, 1)], cells):
            by_month.setdefault(month, {})[kind] = cell
        for month, pair in by_month.items():
            values = {}
            for kind in ("target", "actual"):
                text = pair.get(kind, "")
                value, _ = cell_number(text) if text else (None, None)
                if text and value is None and text.lower().replace("/", "") not in ("na", "tbc", "tbd", "-", "–"):
                    warn(f"metric {row.label!r} {month:%b %Y} {kind}: {text!r} is not one number, kept as text")
                values[kind] = (value, text or None)
            result.records.append(
                AipMetric(
                    **read_at(doc.document_id, row.line),
                    priority=priority,
                    metric=row.label,
                    month=month,
                    target=values["target"][0],
                    actual=values["actual"][0],
                    target_text=values["target"][1],
                    actual_text=values["actual"][1],
                    unit=unit,
                )
            )
