"""Improvement activity grids -> improvement_actions: each area for improvement, its actions,
owners, dates and status.

The type package's faces (see CONTRIBUTING.md): TYPE, VERSION, recognise, parse.

  parse   the entry point: areas and their bodies
  cells   the grid's lines, anchors and the blocks, areas and rows read from them
  rows    a body's blocks cut into action rows (who / when / status anchors)
"""
from __future__ import annotations

from parsers.common.plan_kind import improvement_kind
from parsers.improvement_grid.parse import VERSION, parse_improvement_grid

TYPE = "improvement_grid"
SUBTYPES: tuple[str, ...] = ()


def recognise(lines: list[str]) -> str | None:
    return TYPE if improvement_kind(lines) == TYPE else None


parse = parse_improvement_grid

__all__ = ["TYPE", "SUBTYPES", "VERSION", "recognise", "parse", "parse_improvement_grid"]
