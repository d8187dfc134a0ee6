"""The manifest: which part stands for each source, and the source's `sources` row.

One Parquet file, `manifest.parquet`, in the parts root, rewritten whole by
the client (never by a worker) under the writer lock, to a temporary name
and then `os.replace`d, so it is always a complete old or new version. Its
rows are the warehouse's `sources` table plus the part's name and the parser
versions that made it, in the order sources were first added. Parts not
named here (a newer copy, a task whose client died) are not in the warehouse.

An entry marked `retry` holds an outcome of this machine, not of the file
(its part could not be written: a full disk): its `sources` row says so,
and the next ingest parses the file again instead of skipping its bytes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from extract.warehouse.ddl import arrow_table
from schemas.provenance import SourceRow

FILE = "manifest.parquet"
_TMP = ".tmp-"
_EXTRA = pa.schema([("part", pa.string()), ("parsers", pa.list_(pa.string())), ("retry", pa.bool_())])


@dataclass
class ManifestEntry:
    source: SourceRow
    part: str | None = None  # None: nothing but the sources row (the file could not even be read)
    parsers: list[str] = field(default_factory=list)
    retry: bool = False  # failed for a reason outside the file: parse it again next time


class Manifest:
    def __init__(self, root: str | Path):
        self.file = Path(root) / FILE
        self.entries: dict[str, ManifestEntry] = {}
        if self.file.exists():
            for row in pq.read_table(self.file).to_pylist():
                part, parsers = row.pop("part"), row.pop("parsers") or []
                retry = bool(row.pop("retry", False))  # absent from manifests written before it existed
                source = SourceRow.model_validate(row)
                self.entries[source.source_id] = ManifestEntry(source, part, parsers, retry)
        self.changed = False

    def get(self, source_id: str) -> ManifestEntry | None:
        return self.entries.get(source_id)

    def put(self, entry: ManifestEntry) -> None:
        self.entries[entry.source.source_id] = entry
        self.changed = True

    def note_path(self, source_id: str, path: str) -> None:
        """Same bytes seen again: only remember where they were last seen."""
        source = self.entries[source_id].source
        if source.path != path:
            source.path, source.file_name = path, Path(path).name
            self.changed = True

    def parts(self) -> list[str]:
        return [e.part for e in self.entries.values() if e.part]

    def sources(self) -> list[SourceRow]:
        return [e.source for e in self.entries.values()]

    def save(self) -> None:
        entries = list(self.entries.values())
        table = arrow_table(SourceRow, [e.source for e in entries])
        table = table.append_column(_EXTRA.field("part"), pa.array([e.part for e in entries], pa.string()))
        table = table.append_column(_EXTRA.field("parsers"), pa.array([e.parsers for e in entries], _EXTRA.field("parsers").type))
        table = table.append_column(_EXTRA.field("retry"), pa.array([e.retry for e in entries], pa.bool_()))
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f"{FILE}{_TMP}{os.getpid()}")
        try:
            pq.write_table(table, tmp)
            os.replace(tmp, self.file)
        finally:
            tmp.unlink(missing_ok=True)  # a write that failed halfway (a full disk) leaves nothing behind
        self.changed = False

    def remove_unfinished(self) -> int:
        """Temporary copies a killed ingest was writing (call only while holding the writer lock)."""
        leftovers = list(self.file.parent.glob(f"{FILE}{_TMP}*")) if self.file.parent.is_dir() else []
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        return len(leftovers)
