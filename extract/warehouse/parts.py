"""Immutable Parquet parts: everything one source produced, written once.

A part is a folder `<source sha256>/<version key>` under the parts root,
holding one Parquet file per table the source has rows for (`documents`,
record tables, `parse_warnings`) and `part.json`, which says what made it:
the splitter version, each parser and version used, the source's status.
The version key is a hash of those versions, so a new parser version names
a new part and only the sources that parser touches get one.

A part is written into a temporary folder under `.tmp/` and renamed into place:
the rename is atomic, so a reader (or a re-run after a kill at any moment)
sees the whole part or none of it. If the name is already taken (a task
retried after its worker died, or run twice) the existing part stands and
the new copy is thrown away: the same inputs and versions make the same
rows, so there is never a duplicate. (Folders named with a dot are not
parts: `.tmp/`, and `.empty/`, where `empty.py` keeps the empty warehouse.)
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

TMP = ".tmp"
META = "part.json"


@dataclass
class PartMeta:
    """What `part.json` records: enough to list the source without opening its Parquet files."""

    source_id: str
    status: str  # ok | partial | failed | needs_ocr
    splitter_version: str
    parsers: list[str] = field(default_factory=list)  # "name=version", sorted
    error: str | None = None
    pages: int | None = None
    kind: str | None = None
    bytes: int | None = None
    doc_types: list[str] = field(default_factory=list)
    parsed_at: str = ""
    ocr_pages: int = 0  # pages read by OCR

    @property
    def name(self) -> str:
        return part_name(self.source_id, self.splitter_version, self.parsers)


def part_name(source_id: str, splitter_version: str, parsers: list[str]) -> str:
    key = hashlib.sha256("\n".join([splitter_version, *sorted(parsers)]).encode()).hexdigest()[:12]
    return f"{source_id}/{key}"


class PartStore:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path(self, name: str) -> Path:
        return self.root / name

    def exists(self, name: str) -> bool:
        return (self.root / name / META).exists()

    def meta(self, name: str) -> PartMeta:
        return PartMeta(**json.loads((self.root / name / META).read_text(encoding="utf-8")))

    def parts_of(self, source_id: str) -> list[PartMeta]:
        """Every complete part of a source, whatever versions made it."""
        folder = self.root / source_id
        if not folder.is_dir():
            return []
        return [self.meta(f"{source_id}/{p.name}") for p in sorted(folder.iterdir()) if (p / META).exists()]

    def table_files(self, names: list[str], table: str) -> list[str]:
        return [str(f) for name in names if (f := self.root / name / f"{table}.parquet").exists()]

    def write(self, meta: PartMeta, tables: dict[str, pa.Table], replace: bool = False) -> str:
        """Write the part under a temporary name, then rename it into place; returns its name."""
        final = self.root / meta.name
        tmp = self.root / TMP / f"{meta.name.replace('/', '-')}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir(parents=True)
        final.parent.mkdir(parents=True, exist_ok=True)
        try:
            for table, rows in tables.items():
                if rows.num_rows:
                    write_parquet(rows, tmp / f"{table}.parquet")
            (tmp / META).write_text(json.dumps(asdict(meta), indent=1), encoding="utf-8")
            self._move_into_place(tmp, final, replace)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        return meta.name

    def _move_into_place(self, tmp: Path, final: Path, replace: bool) -> None:
        if replace and final.exists():
            old = self.root / TMP / f"old-{uuid.uuid4().hex}"
            os.rename(final, old)
            shutil.rmtree(old, ignore_errors=True)
        try:
            os.rename(tmp, final)
        except OSError:
            if not (final / META).exists():  # not a finished twin: a real failure
                raise

    def remove_unfinished(self) -> int:
        """Temporary folders left by killed writers (call only while holding the writer lock)."""
        tmp = self.root / TMP
        leftovers = list(tmp.iterdir()) if tmp.is_dir() else []
        for p in leftovers:
            shutil.rmtree(p, ignore_errors=True)
        return len(leftovers)



def write_parquet(rows: pa.Table, path: Path) -> None:
    # A part holds a few rows a table: dictionary encoding saves nothing there and cost a third of the write.
    pq.write_table(rows, path, use_dictionary=False)
