"""The warehouse file as a snapshot of the parts, swapped in whole.

A new generation is built beside the live file (`<db>.next-…`): the
`sources` rows from the manifest, every table's rows from the parts the
manifest names, then the derived stage (dedupe: `scorecard_facts`) and the
analyst views. It is checkpointed, closed, and `os.replace`d over the live
file. The rename is atomic: a reader that has the old file open keeps its
consistent view (the old file lives on until it lets go), a connection
opened afterwards sees the new one, and a kill at any point leaves the old
warehouse whole. Nothing ever writes into the file analysts have open.

Opening the new file (a copy of the empty warehouse, `empty.py`, attached to
the process's writing DuckDB, `attached.py`) costs a millisecond, and the first
time in a process 12 ms more to start that DuckDB, as much as reading a few
pages. An ingest starts that step in a thread
(`NextSnapshot`) as it starts reading the sources, so it is done while they
are read (DuckDB lets go of Python's lock while it works). The loads follow
while the sources are read too: each part is loaded once every part before
it in the manifest's order is known (`PartOrder`): the parts of sources not
being read at once, a new source's part as its outcome comes in. They are
loaded in that thread too, queued in order, so the ingest goes straight
back to the reading worker (a small file is read faster than a part is
loaded, and the worker would wait). A part this ingest has just written
is loaded from the Arrow tables it was written from, when they are at
hand: reading its Parquet files back cost a third of the load (4 ms of
the last file's, which nothing else hides). Row order is load order, and dedupe
keeps the first copy of a figure, so the snapshot is filled only in the
manifest's order; at the end `build_snapshot` checks that what was loaded
is the head of the manifest's final list, loads the rest, and builds
afresh if it is not.
"""
from __future__ import annotations

import contextlib
import os
import queue
import threading
import time
import uuid
from pathlib import Path

import duckdb
import pyarrow as pa

from extract.commentary_links import link_commentary
from extract.dedupe import dedupe_scorecard_values
from extract.warehouse.empty import new_warehouse
from extract.warehouse.manifest import Manifest
from extract.warehouse.parts import PartStore
from extract.warehouse.store import Warehouse
from schemas import RECORD_MODELS
from schemas.provenance import DocumentRow, ParseWarning, SourceRow
from schemas.scorecards import ScorecardCommentary, ScorecardCommentaryLink, ScorecardFact, ScorecardValue

PART_MODELS = [DocumentRow, *RECORD_MODELS, ParseWarning]


class NextSnapshot:
    """The next generation's file, with its empty tables and views, made in a background thread once
    `begin` is called (or when first asked for), and the parts loaded into it ahead (`preload`).

    The thread loads what `preload` hands it, in the order handed, while the caller goes on (an
    ingest collects the next file's rows meanwhile: the reading worker is not kept waiting for a
    load). `warehouse()` waits for the queue to empty and hands the file over, raising what making or
    loading it raised: a full disk is reported where the snapshot is built, as before. `discard()`
    removes a file that was not used."""

    def __init__(self, db: str | Path, store: PartStore | None = None) -> None:
        db = Path(db)
        db.parent.mkdir(parents=True, exist_ok=True)
        self.path = db.with_name(f"{db.name}.next-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        self.store = store
        self.loaded: list[str] = []  # the parts in it, in the order loaded
        self.models: set[type] = set()  # the tables that got rows
        self._waiting: list[str] = []  # parts given to `preload` before `begin`
        self._waiting_tables: dict[str, dict[str, pa.Table]] = {}
        self._queue: queue.SimpleQueue[tuple[list[str], dict[str, dict[str, pa.Table]]] | None] = queue.SimpleQueue()
        self._wh: Warehouse | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._spoiled = False  # holds a part the manifest will not name (`spoil`)

    def begin(self, parts: list[str] = ()) -> None:
        """Start making the file, then load `parts` into it. Call it after the engine has forked its
        workers: a thread running while a process forks is copied into the child half-way through
        whatever it holds (the thread then waits on its queue, holding nothing)."""
        if self._thread is None:
            if first := self._waiting + list(parts):
                self._queue.put((first, self._waiting_tables))
            self._waiting, self._waiting_tables = [], {}
            self._thread = threading.Thread(target=self._run, name="next-snapshot", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        """Make the file, then load each batch queued, until told to stop (None). After an error nothing
        more is loaded, but the queue is still emptied up to the stop."""
        self._open()
        while (batch := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._load(*batch)
                except BaseException as exc:  # handed to the thread that asks for the warehouse
                    self._error = exc

    def _open(self) -> None:
        try:
            self._wh = new_warehouse(self.path, self.store.root if self.store else None)
        except BaseException as exc:  # handed to the thread that asks for the warehouse
            self._error = exc

    def preload(self, parts: list[str], tables: dict[str, dict[str, pa.Table]] | None = None) -> None:
        """Queue `parts`, the next of the manifest's final list after those queued before
        (`PartOrder.advance`), for the thread to load. Before `begin` they wait for it. `tables`: the
        Arrow tables (by table name) of those parts that were just written from them, by part name;
        the others are read from their Parquet files."""
        if self._spoiled:
            return  # to be built afresh: loading more is wasted
        if self._thread is None:
            self._waiting += parts
            self._waiting_tables.update(tables or {})
        elif parts:
            self._queue.put((list(parts), tables or {}))
            # Let go of Python's lock for a moment: the thread, woken, needs it to start loading, and the
            # caller goes on to write the part in Python, which gives it up only every 5 ms (the switch
            # interval). Without this the last part's load started up to 4 ms late in one ingest of five.
            time.sleep(0)

    def _settle(self) -> None:
        """Wait until the thread has loaded everything queued, and end it."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def spoil(self) -> None:
        """It was given a part that then could not be stored (`SnapshotFeed`): it will not fit any manifest."""
        self._spoiled = True

    def fits(self, parts: list[str]) -> bool:
        """What was loaded is the head of `parts`, in order (once the thread is done loading)."""
        self._settle()
        return not self._spoiled and parts[:len(self.loaded)] == self.loaded

    def _load(self, parts: list[str], tables: dict[str, dict[str, pa.Table]]) -> None:
        if parts:
            with self._wh.transaction():  # one commit for the batch: a commit per statement costs milliseconds each
                self.load_into(self._wh, parts, tables)

    def load_into(self, wh: Warehouse, parts: list[str], tables: dict[str, dict[str, pa.Table]] | None = None) -> None:
        """Append the rows of `parts`, table by table, in the parts' order: a run of parts on disk in one
        statement (each costs a millisecond or two), a part in `tables` from its Arrow table."""
        tables = tables or {}
        runs = _runs(parts, tables)
        for model in PART_MODELS:
            for run in runs:
                if run[0] in tables:
                    if (rows := tables[run[0]].get(model.table)) is not None and rows.num_rows:
                        wh.load_arrow(model, rows)
                        self.models.add(model)
                elif files := self.store.table_files(run, model.table):
                    wh.load_parquet(model, files)
                    self.models.add(model)
        self.loaded += parts

    def warehouse(self) -> Warehouse:
        if self._thread is None:
            self._open()
        else:
            self._settle()
        if self._error is not None:
            raise self._error
        wh, self._wh = self._wh, None
        return wh

    def discard(self) -> None:
        self._settle()
        try:
            if self._wh is not None:
                wh, self._wh = self._wh, None
                with contextlib.suppress(duckdb.Error, OSError):  # it is thrown away: a full disk may refuse its last write
                    wh.close()
        finally:
            _remove(self.path)


def _runs(parts: list[str], tables: dict[str, dict]) -> list[list[str]]:
    """`parts` cut into runs to load in one go: each part in `tables` alone, the parts between in one run."""
    runs: list[list[str]] = []
    for part in parts:
        if part in tables or not runs or runs[-1][0] in tables:
            runs.append([part])
        else:
            runs[-1].append(part)
    return runs


def build_snapshot(db: str | Path, manifest: Manifest, store: PartStore, prepared: NextSnapshot | None = None) -> None:
    """Fill a new generation from the manifest and swap it in (into `prepared`'s file, if one was begun
    and what it holds is the head of the manifest's parts; else into a new one)."""
    db = Path(db)
    parts = manifest.parts()
    if prepared is not None and not prepared.fits(parts):
        prepared.discard()
        prepared = None
    nxt = prepared or NextSnapshot(db, store)
    try:
        with nxt.warehouse() as wh:
            with wh.transaction():
                wh.insert(SourceRow, manifest.sources())
                nxt.load_into(wh, parts[len(nxt.loaded):])
            if nxt.models & {ScorecardValue, ScorecardCommentary}:  # else the dedupe stage has nothing to read
                fill_scorecard_facts(wh)
        # (Closing checkpointed the file and synced it: `attached.detach`.)
        # A write-ahead log left beside the live file by a writer of an older version
        # would be replayed into the new generation: it belongs to the old one only.
        Path(f"{db}.wal").unlink(missing_ok=True)
        os.replace(nxt.path, db)
    finally:
        nxt.discard()


def _remove(nxt: Path) -> None:
    for leftover in (nxt, Path(f"{nxt}.wal")):
        leftover.unlink(missing_ok=True)


def remove_unfinished_snapshots(db: str | Path) -> int:
    """Generations a killed ingest was building (call only while holding the writer lock)."""
    db = Path(db)
    leftovers = list(db.parent.glob(f"{db.name}.next-*")) if db.parent.is_dir() else []
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    return len(leftovers)


def fill_scorecard_facts(wh: Warehouse) -> int:
    """The dedupe stage, into a new snapshot (its derived tables empty; `build_snapshot` calls it only
    when a part has scorecard rows): every printed scorecard figure,
    collapsed to one fact per key; then the commentary figures linked to the facts they quote
    (`scorecard_commentary_links`)."""
    facts = dedupe_scorecard_values(wh.records(ScorecardValue))
    commentary = wh.records(ScorecardCommentary)
    with wh.transaction():
        wh.insert(ScorecardFact, facts)
        dates = {r["document_id"]: r["document_date"] for r in wh.rows("documents")}
        wh.insert(ScorecardCommentaryLink, link_commentary(commentary, facts, dates))
    return len(facts)
