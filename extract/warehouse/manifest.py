"""The manifest: which part stands for each source, and the source's `sources` row.

One Parquet file, `manifest.parquet`, in the parts root, rewritten whole by
the client (never by a worker) under the writer lock, to a temporary name
and then `os.replace`d, so it is always a complete old or new version. Its
rows are the warehouse's `sources` table plus the part's name and the parser
versions that made it, in the order sources were first added. Parts not
named here (a newer copy, a task whose client died) are not in the warehouse.
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
_EXTRA = pa.schema([("part", pa.string()), ("parsers", pa.list_(pa.string()))])


@dataclass
class ManifestEntry:
    source: SourceRow
    part: str | None = None  # None: nothing but the sources row (the file could not even be read)
    parsers: list[str] = field(default_factory=list)


class Manifest:
    def __init__(self, root: str | Path):
        self.file = Path(root) / FILE
        self.entries: dict[str, ManifestEntry] = {}
        if self.file.exists():
            for row in pq.read_table(self.file).to_pylist():
                part, parsers = row.pop("part"), row.pop("parsers") or []
                source = SourceRow.model_validate(row)
                self.entries[source.source_id] = ManifestEntry(source, part, parsers)
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
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f"{FILE}.tmp-{os.getpid()}")
        pq.write_table(table, tmp)
        os.replace(tmp, self.file)
        self.changed = False
