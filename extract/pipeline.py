"""Ingest: files in, a warehouse snapshot out. The library behind `extract ingest`.

The stages, in order, each a function taking the previous one's output:

    read -> split -> parse -> validate -> load -> dedupe
    (reading, splitting, parse, validate: extract/parse_source.py runs them per source
     and loads the result as an immutable Parquet part; dedupe runs over all parts
     when extract/warehouse/snapshot.py builds the warehouse file)

This module orchestrates them: it lists the files, hashes each once and
looks it up once in the manifest (skip, or schedule a task), runs the tasks
on an engine (local processes or Dask), records each outcome in the
manifest, and swaps in a new warehouse snapshot. All of it under the writer
lock, so a second ingest waits; readers never do.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extract import parse_source
from extract.engines import SourceTask, largest_first
from extract.reading.limits import DEFAULT_LIMITS, Limits
from extract.reading import READABLE_SUFFIXES, UnreadableSource, read_bytes, source_id_of
from extract.warehouse.adopt import adopt_legacy_warehouse
from extract.warehouse.feed import SnapshotFeed
from extract.warehouse.lock import WriterLock
from extract.warehouse.manifest import Manifest, ManifestEntry
from extract.warehouse.part_order import PartOrder
from extract.warehouse.parts import PartStore
from extract.warehouse.publish import needs_publishing, publish
from extract.warehouse.snapshot import NextSnapshot, remove_unfinished_snapshots
from extract.warehouse.store import now
from schemas.provenance import SourceRow


@dataclass
class FileOutcome:
    path: str
    status: str  # ok | partial | failed | needs_ocr | skipped
    pages: int = 0
    ocr_pages: int = 0
    error: str | None = None
    doc_types: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class IngestReport:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def failures(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status in ("failed", "partial", "needs_ocr")]

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)


def default_parts_root(db: str | Path) -> Path:
    """Parts sit beside the warehouse file: outputs/warehouse.duckdb -> outputs/warehouse.parts/."""
    db = Path(db)
    return db.with_name(db.stem + ".parts")


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to ingest under the given files and folders, and the ones that cannot even be listed."""
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            def onerror(err: OSError) -> None:
                problems.append((Path(err.filename or path), f"cannot list folder: {err.strerror}"))

            for root, dirs, files in os.walk(path, onerror=onerror):
                dirs.sort()
                for name in sorted(files):
                    p = Path(root) / name
                    if p.suffix.lower() in READABLE_SUFFIXES:
                        found.append(p)
        elif path.exists():
            found.append(path)
        else:
            problems.append((path, "no such file or folder"))
    return found, problems


def ingest(paths: Iterable[str | Path], db: str | Path, force: bool = False,
           on_file: Callable[[FileOutcome], None] | None = None, files: list[Path] | None = None,
           workers: int = 1, engine: str = "local", scheduler: str | None = None,
           parts: str | Path | None = None, wait: bool = True,
           on_wait: Callable[[str], None] | None = None, limits: Limits = DEFAULT_LIMITS) -> IngestReport:
    """Ingest files and folders into the warehouse at `db`; see the module's docstring."""
    report = IngestReport()
    problems: list[tuple[Path, str]] = []
    if files is None:
        files, problems = discover(paths)
    root = Path(parts) if parts else default_parts_root(db)

    def done(outcome: FileOutcome) -> None:
        report.files.append(outcome)
        if on_file:
            on_file(outcome)

    with WriterLock(root, wait=wait, on_wait=on_wait):
        store, manifest = _open_parts(root, db)
        for path, reason in problems:
            done(_record_unreadable(manifest, path, reason))
        tasks, repeats = _plan(manifest, store, files, force, done, keep_bytes=engine == "local")
        # Files to read mean a new snapshot, almost always: its empty file is made, and the parts known
        # so far loaded into it, while they are read.
        prepared = NextSnapshot(db, store) if tasks else None
        feed = SnapshotFeed(prepared, PartOrder(manifest, [task.source_id for task in tasks])) if prepared else None
        try:
            task_of = {str(task.path): task for task in tasks}
            entries: dict[str, ManifestEntry | None] = {}
            for outcome in _run(engine, tasks, root, force, workers, scheduler, limits,
                                on_started=feed.start if feed else None, storing=feed.storing if feed else None):
                task = task_of[outcome.path]
                entries[outcome.path] = entry = _entry_for(manifest, task.path, outcome)
                done(_file_outcome(outcome))
                if feed is not None:
                    feed.outcome(outcome, entry.part if entry else manifest.get(outcome.source_id).part)
                outcome.tables = None  # not kept waiting in memory: a national run has thousands
            for task in tasks:  # in the order the files were listed, whatever order they finished in
                if entries.get(str(task.path)) is not None:
                    manifest.put(entries[str(task.path)])
            for sid, path in repeats:
                if manifest.get(sid):
                    manifest.note_path(sid, str(path))
            if needs_publishing(db, manifest):
                publish(db, manifest, store, prepared)
                prepared = None  # used, or removed by the failed build
        finally:
            if prepared is not None:
                prepared.discard()
    position = {str(path): i for i, path in enumerate(files)}  # the report lists files as they were given
    report.files.sort(key=lambda f: position.get(f.path, -1))
    return report


def _open_parts(root: Path, db: str | Path) -> tuple[PartStore, Manifest]:
    """The parts and manifest, with what a killed ingest left half-written cleared away."""
    store = PartStore(root)
    store.remove_unfinished()
    remove_unfinished_snapshots(db)
    manifest = Manifest(root)
    manifest.remove_unfinished()
    if not manifest.file.exists() and Path(db).exists():
        adopt_legacy_warehouse(db, manifest, store)
    return store, manifest


def _plan(manifest: Manifest, store: PartStore, files: list[Path], force: bool, done: Callable[[FileOutcome], None],
          keep_bytes: bool) -> tuple[list[SourceTask], list[tuple[str, Path]]]:
    """Hash each file once: unreadable, already current (skipped), or a task for an engine."""
    tasks: list[SourceTask] = []
    scheduled: set[str] = set()
    repeats: list[tuple[str, Path]] = []
    for path in files:
        try:
            data = read_bytes(path)
        except UnreadableSource as exc:
            done(_record_unreadable(manifest, path, str(exc)))
            continue
        sid = source_id_of(data)
        entry = manifest.get(sid)
        if sid in scheduled or (not force and entry and _is_current(entry, store)):
            repeats.append((sid, path))
            done(_skipped(path, entry))
            continue
        scheduled.add(sid)
        tasks.append(SourceTask(path, sid, data if keep_bytes else None, len(data)))
    return tasks, repeats


def _is_current(entry: ManifestEntry, store: PartStore) -> bool:
    source = entry.source
    if entry.retry or (entry.part and not store.exists(entry.part)):
        return False
    return parse_source.versions_are_current(source.status, source.splitter_version, entry.parsers)


def _skipped(path: Path, entry: ManifestEntry | None) -> FileOutcome:
    if entry and entry.source.status in ("failed", "partial"):
        # Unchanged bytes fail the same way: say so again rather than report success.
        return FileOutcome(str(path), entry.source.status, error=entry.source.error)
    return FileOutcome(str(path), "skipped")


def _run(engine: str, tasks: list[SourceTask], root: Path, force: bool, workers: int,
         scheduler: str | None, limits: Limits = DEFAULT_LIMITS,
         on_started: Callable[[], None] | None = None,
         storing: Callable[[parse_source.SourceOutcome], None] | None = None) -> Iterator[parse_source.SourceOutcome]:
    """The outcomes, as they finish; `on_started` is called once the engine's work is under way (after
    any process of this one is forked), `storing` as a part starts to be written in this process (the
    local engine with one worker; elsewhere parts are stored where they are read). `tasks` come in the
    order the files were listed: one worker reads them so, the order the snapshot is filled in (each
    part goes in as it comes); several start with the largest, so none is left with a big file while
    the others idle."""
    if not tasks:
        return iter(())
    if engine == "dask":
        from extract.engines.dask_engine import run_dask

        if on_started:
            on_started()  # Dask's worker processes are spawned, not forked from this one
        return run_dask(largest_first(tasks), root, force, workers=workers, scheduler=scheduler, limits=limits)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: choose local or dask")
    from extract.engines.local import run_local

    return run_local(tasks if workers <= 1 else largest_first(tasks), root, force, workers, limits, on_started, storing)


def _file_outcome(outcome: parse_source.SourceOutcome) -> FileOutcome:
    meta = outcome.meta
    return FileOutcome(outcome.path, outcome.status, pages=(meta.pages or 0) if meta else 0, error=outcome.error,
                       doc_types=list(meta.doc_types) if meta else [], seconds=outcome.seconds,
                       ocr_pages=meta.ocr_pages if meta else 0)


def _entry_for(manifest: Manifest, path: Path, outcome: parse_source.SourceOutcome) -> ManifestEntry | None:
    """The manifest entry an outcome makes; None where the entry stored before stands."""
    meta = outcome.meta
    if outcome.retry:  # this machine failed, not the file: keep what was stored before, if anything was
        old = manifest.get(outcome.source_id)
        if old is None or old.retry:
            return ManifestEntry(_source_row(path, outcome.source_id, "failed", outcome.error), retry=True)
        return None
    if meta is None:  # nothing stored: the source is recorded as failed with why
        return ManifestEntry(_source_row(path, outcome.source_id, "failed", outcome.error))
    row = _source_row(path, meta.source_id, meta.status, meta.error, pages=meta.pages, kind=meta.kind,
                      size=meta.bytes, splitter_version=meta.splitter_version,
                      at=datetime.fromisoformat(meta.parsed_at) if meta.parsed_at else None)
    row.ocr_pages = meta.ocr_pages
    return ManifestEntry(row, outcome.part, list(meta.parsers))


def _record_unreadable(manifest: Manifest, path: Path, reason: str) -> FileOutcome:
    """No bytes, no content hash: key the failure on the path so it is still recorded."""
    sid = "unreadable:" + source_id_of(str(path.resolve()).encode())
    old = manifest.get(sid)
    if old is None or (old.source.error, old.source.path) != (reason, str(path)):
        manifest.put(ManifestEntry(_source_row(path, sid, "failed", reason)))
    return FileOutcome(str(path), "failed", error=reason)


def _source_row(path: Path, sid: str, status: str, error: str | None = None, pages: int | None = None,
                kind: str | None = None, size: int | None = None, splitter_version: str | None = None,
                at: datetime | None = None) -> SourceRow:
    return SourceRow(source_id=sid, path=str(path), file_name=path.name, pages=pages, status=status, error=error,
                     ingested_at=at or now(), kind=kind, bytes=size,
                     splitter_version=splitter_version or parse_source.current_splitter())
