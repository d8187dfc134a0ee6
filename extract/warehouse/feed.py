"""Feeding the next snapshot while the sources are read: each part in the manifest's order, once known.

`PartOrder` knows which parts may go in next without changing the order;
`NextSnapshot` loads them in its thread. The feed joins the two for an
ingest. The parts of sources not being read go in as reading starts. A new
source's part goes in when its outcome comes in, or, with the local engine,
as the part starts to be written: the snapshot loads it from the Arrow
tables being written while they are written. After the last file, that load
was the longest step, and nothing else hid it.

A part that then cannot be stored (a full disk) has gone into a snapshot the
manifest will not match. The snapshot is spoiled, and publishing builds one
afresh from the manifest, as it does whenever what was loaded ahead is not
the head of the manifest's parts.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

from extract.warehouse.part_order import PartOrder
from extract.warehouse.snapshot import NextSnapshot

if TYPE_CHECKING:
    from extract.parse_source import SourceOutcome


class SnapshotFeed:
    def __init__(self, snapshot: NextSnapshot, order: PartOrder) -> None:
        self.snapshot, self.order = snapshot, order
        self._storing: set[str] = set()  # sources whose part was fed as it started to be written

    def start(self) -> None:
        """Reading is under way (the engine has forked its workers): make the file, load the known parts."""
        self.snapshot.begin(self.order.advance())

    def storing(self, outcome: SourceOutcome) -> None:
        """`outcome.part` starts to be written from `outcome.tables`."""
        self._storing.add(outcome.source_id)
        self._settle(outcome.source_id, outcome.part, outcome.tables)

    def outcome(self, outcome: SourceOutcome, part: str | None) -> None:
        """A source's outcome is in, and `part` is the part the manifest will name for it (None: none)."""
        if outcome.source_id in self._storing:
            self._storing.discard(outcome.source_id)
            if outcome.retry:  # fed, then not stored
                self.snapshot.spoil()
            return
        self._settle(outcome.source_id, part, outcome.tables if outcome.part == part else None)

    def _settle(self, source_id: str, part: str | None, tables: dict[str, pa.Table] | None) -> None:
        self.order.settle(source_id, part)
        ready = self.order.advance()
        # Loaded from its tables if it can go in now, else read back from its files when its turn comes.
        self.snapshot.preload(ready, {part: tables} if tables is not None and part in ready else {})
