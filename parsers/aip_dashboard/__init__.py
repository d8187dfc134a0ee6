"""Accelerated improvement plan (AIP) dashboards -> aip_priorities, aip_metrics, aip_key_actions.

The type package's faces (see CONTRIBUTING.md): TYPE, VERSION, recognise, parse.

  parse               the entry point: priorities, their status boxes, metrics and key actions
  status_boxes        the RAG / progress boxes beside each priority
  metric_table        month-by-month metric tables read from text
  positioned_metrics  the same tables read from word positions (PDF)
  months              month headings and the dates they stand for
  key_actions         the key-actions table: action, owner, timescale, impact
  owners / timescales who owns an action, and when it is due
The plan's title check and its labels are shared with improvement grids:
`parsers.common.plan_kind`, `parsers.common.plan_labels`.
"""
from __future__ import annotations

from parsers.aip_dashboard.parse import VERSION, parse_aip_dashboard
from parsers.common.plan_kind import improvement_kind

TYPE = "aip_dashboard"
SUBTYPES: tuple[str, ...] = ()


def recognise(lines: list[str]) -> str | None:
    return TYPE if improvement_kind(lines) == TYPE else None


parse = parse_aip_dashboard

__all__ = ["TYPE", "SUBTYPES", "VERSION", "recognise", "parse", "parse_aip_dashboard"]
