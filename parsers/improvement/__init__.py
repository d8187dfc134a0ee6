"""Shared parts of the improvement-plan parsers (AIP dashboards, improvement activity grids)."""
