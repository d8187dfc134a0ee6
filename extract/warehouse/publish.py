"""Publish: save the manifest, then swap in a warehouse snapshot built from it.

The two writes are not one atomic step. If the manifest is saved and the
snapshot then fails (a full disk, a kill), the live warehouse is the
previous one, whole, but it no longer shows what the manifest says; and
since the manifest holds every outcome already, a re-run of the same files
changes nothing in it and would see no reason to build. So a marker
`<db>.stale` is made before the manifest is saved and removed only once the
new snapshot is in place: while it exists, the next ingest builds a snapshot
whatever else it finds.
"""
from __future__ import annotations

from pathlib import Path

from extract.warehouse.manifest import Manifest
from extract.warehouse.parts import PartStore
from extract.warehouse.snapshot import NextSnapshot, build_snapshot

STALE = ".stale"


def stale_marker(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + STALE)


def needs_publishing(db: str | Path, manifest: Manifest) -> bool:
    """The manifest changed in this run, or the warehouse file is missing or behind an earlier manifest."""
    return manifest.changed or not Path(db).exists() or stale_marker(db).exists()


def publish(db: str | Path, manifest: Manifest, store: PartStore, prepared: NextSnapshot | None = None) -> None:
    marker = stale_marker(db)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.touch()  # an empty file: it takes no room on a disk that is full
    manifest.save()
    build_snapshot(db, manifest, store, prepared)
    marker.unlink()
