"""The manifest's parts in the order the next snapshot holds them, as far as known while an ingest runs.

The snapshot's rows go in in the manifest's order (sources in the order they
were first added; new ones after, in the order the files were listed), and
engines finish files in any order. A source not being read keeps its part,
known from the start; a source being read has its slot, settled when its
outcome comes in. `advance()` gives the parts newly known at the head of the
final list (up to the first slot not yet settled): what `NextSnapshot.preload`
may load next without changing the order. Each call costs only what it
gives, so a national run of tens of thousands of sources stays linear.
"""
from __future__ import annotations

from extract.warehouse.manifest import Manifest


class PartOrder:
    def __init__(self, manifest: Manifest, reading: list[str]) -> None:
        """`reading`: the source ids being read, in the order the files were listed."""
        pending = set(reading)
        self._sids = [*manifest.entries, *(sid for sid in dict.fromkeys(reading) if sid not in manifest.entries)]
        self._part = {sid: e.part for sid, e in manifest.entries.items() if sid not in pending}
        self._next = 0  # the first slot not given by `advance` yet

    def settle(self, source_id: str, part: str | None) -> None:
        """The part the manifest will name for a source being read (None: no part, a failure)."""
        self._part[source_id] = part

    def advance(self) -> list[str]:
        """The parts newly known at the head of the final list, in order, since the last call."""
        new = []
        while self._next < len(self._sids) and self._sids[self._next] in self._part:
            if part := self._part[self._sids[self._next]]:
                new.append(part)
            self._next += 1
        return new
