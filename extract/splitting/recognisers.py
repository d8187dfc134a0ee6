"""What the parsers know about how their documents look, offered to the splitter.

The cue table (`cues.py`) finds most starts. A run of lines that no cue opened is shown to the
type packages' recognisers, in the registry's order, before the generic fallbacks. The splitter
imports no parser by name: the registry is the one list of types.
"""
from __future__ import annotations

from parsers.registry import recognise

__all__ = ["recognise"]
