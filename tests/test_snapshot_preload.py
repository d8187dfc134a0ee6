"""The next snapshot is filled while the sources are read, in the manifest's order, and equals one built after.

Row order is load order, and the dedupe stage keeps a figure's first copy, so these compare tables row
for row in stored order, not sorted.
"""
from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pyarrow as pa

from extract import parse_source, pipeline
from extract.pipeline import default_parts_root, ingest
from extract.reading import source_id_of
from extract.warehouse import snapshot
from extract.warehouse.manifest import Manifest, ManifestEntry
from extract.warehouse.part_order import PartOrder
from extract.warehouse.parts import PartStore
from extract.warehouse.snapshot import NextSnapshot, build_snapshot
from extract.warehouse.store import now
from schemas.provenance import SourceRow
from tests.conftest import MODERNGOV, OFSTED, ROOT, seed

FIRST = [seed(0), OFSTED / "bedford-2022-01-14.pdf", MODERNGOV / "kent-cabinet-2025-01-30-minutes.pdf"]
LATER = [seed(2), MODERNGOV / "kent-corporate-parenting-panel-2024-10-29-minutes.pdf",
         sorted((ROOT / "corpus" / "fixtures" / "scorecard").glob("*.pdf"))[0]]


def _in_stored_order(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        return {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        con.close()


def _built_after(db: Path, tmp_path: Path) -> dict[str, list[tuple]]:
    """The same manifest built into a new file the old way: everything loaded at the end."""
    root = default_parts_root(db)
    fresh = tmp_path / "fresh" / "warehouse.duckdb"
    build_snapshot(fresh, Manifest(root), PartStore(root))
    return _in_stored_order(fresh)


def _watch_publish(monkeypatch) -> list[list[str]]:
    """What the made-ahead snapshot held when publishing began, one list per ingest."""
    seen: list[list[str]] = []
    real = pipeline.publish

    def publish(db, manifest, store, prepared=None):
        seen.append(list(prepared.loaded) if prepared is not None and prepared.fits(manifest.parts()) else [])
        return real(db, manifest, store, prepared)

    monkeypatch.setattr(pipeline, "publish", publish)
    return seen


def test_parts_are_known_in_the_manifests_order_as_far_as_every_source_before_them_is_settled(tmp_path):
    manifest = Manifest(tmp_path)
    for sid, part in (("a", "a/1"), ("b", "b/1"), ("c", None)):
        manifest.put(ManifestEntry(SourceRow(source_id=sid, path=sid, file_name=sid, status="ok", ingested_at=now()), part))
    order = PartOrder(manifest, ["b", "d", "e"])  # b read again; d and e new, listed in that order
    assert order.advance() == ["a/1"]  # b's new part is not known yet, so nothing after it is
    order.settle("e", "e/1")
    assert order.advance() == []
    order.settle("b", "b/2")
    assert order.advance() == ["b/2"]  # c has no part; d is still being read
    order.settle("d", None)  # d failed: no part
    assert order.advance() == ["e/1"]
    assert order.advance() == []

def test_a_snapshot_filled_while_reading_equals_one_built_after_row_for_row(tmp_path, monkeypatch):
    db = tmp_path / "w" / "warehouse.duckdb"
    held = _watch_publish(monkeypatch)
    assert not ingest(FIRST, db).failures
    assert not ingest(LATER, db).failures
    # The second ingest had the first's three parts (and new ones as they came) in before publishing.
    assert len(held[1]) >= len(FIRST)
    stored = _in_stored_order(db)
    assert stored["documents"] and stored["scorecard_values"] and stored["scorecard_facts"]
    assert stored == _built_after(db, tmp_path)


def test_a_source_read_again_keeps_its_place_in_the_snapshot(tmp_path, monkeypatch):
    db = tmp_path / "w" / "warehouse.duckdb"
    ingest(FIRST + LATER, db)
    before = [r[0] for r in _in_stored_order(db)["sources"]]
    assert not ingest([FIRST[0]], db, force=True).failures  # the first source: every part waits for it
    stored = _in_stored_order(db)
    assert [r[0] for r in stored["sources"]] == before
    assert stored == _built_after(db, tmp_path)


def test_a_made_ahead_snapshot_that_no_longer_fits_the_manifest_is_dropped_and_built_afresh(tmp_path):
    db = tmp_path / "w" / "warehouse.duckdb"
    ingest(FIRST, db)
    root = default_parts_root(db)
    manifest, store = Manifest(root), PartStore(root)
    parts = manifest.parts()
    prepared = NextSnapshot(db, store)
    prepared.begin(parts[1:2])  # a head the manifest does not start with
    assert not prepared.fits(parts) and prepared.loaded == parts[1:2]
    build_snapshot(db, manifest, store, prepared)
    assert _in_stored_order(db) == _built_after(db, tmp_path)
    assert [p.name for p in db.parent.iterdir() if ".next-" in p.name] == []


def test_a_failure_while_loading_ahead_is_raised_where_the_snapshot_is_built(tmp_path, monkeypatch):
    db = tmp_path / "w" / "warehouse.duckdb"
    ingest(FIRST, db)
    root = default_parts_root(db)
    manifest, store = Manifest(root), PartStore(root)

    def full(self, model, files):
        raise OSError(28, "No space left on device")

    prepared = NextSnapshot(db, store)
    monkeypatch.setattr(snapshot.Warehouse, "load_parquet", full)
    prepared.begin(manifest.parts())
    assert prepared.fits(manifest.parts()) and prepared.loaded == []  # waits for the thread: it failed
    monkeypatch.undo()
    before = _in_stored_order(db)
    try:
        build_snapshot(db, manifest, store, prepared)
        raised = None
    except OSError as exc:
        raised = exc
    assert raised is not None and raised.errno == 28
    assert _in_stored_order(db) == before
    assert [p.name for p in db.parent.iterdir() if ".next-" in p.name] == []


def test_parts_reused_before_any_file_is_read_wait_for_the_snapshot_to_begin(tmp_path, monkeypatch):
    """With the manifest lost, the first files listed are current parts, reused without reading: their
    outcomes come before the reading worker is forked, when no thread may start yet."""
    db = tmp_path / "w" / "warehouse.duckdb"
    ingest(FIRST, db)
    db.unlink()  # warehouse and manifest lost: the client died before writing them
    (default_parts_root(db) / "manifest.parquet").unlink()
    held = _watch_publish(monkeypatch)
    report = ingest(FIRST + LATER[:1], db)
    assert [f.status for f in report.files] == ["ok"] * len(FIRST) + ["ok"]
    assert len(held[0]) >= len(FIRST)  # the reused parts went in once the worker had been forked
    assert _in_stored_order(db) == _built_after(db, tmp_path)


def test_parts_are_loaded_ahead_by_the_snapshots_thread_not_the_ingesting_one(tmp_path, monkeypatch):
    """The ingest hands each new part to the snapshot's thread and goes back to the reading worker: a
    load in the ingesting thread would keep the worker waiting whenever a file reads faster than a
    part loads."""
    db = tmp_path / "w" / "warehouse.duckdb"
    ingest(FIRST, db)
    loads: list[tuple[str, bool]] = []  # (thread, publishing had begun)
    publishing = []
    real_load, real_publish = snapshot.Warehouse.load_parquet, pipeline.publish

    def watched_load(self, model, files):
        loads.append((threading.current_thread().name, bool(publishing)))
        return real_load(self, model, files)

    def watched_publish(*args, **kwargs):
        publishing.append(True)
        return real_publish(*args, **kwargs)

    monkeypatch.setattr(snapshot.Warehouse, "load_parquet", watched_load)
    monkeypatch.setattr(pipeline, "publish", watched_publish)
    assert not ingest(LATER, db).failures
    ahead = [thread for thread, late in loads if not late]
    assert len(ahead) > 1 and set(ahead) == {"next-snapshot"}
    assert _in_stored_order(db) == _built_after(db, tmp_path)


def test_parts_this_ingest_writes_are_loaded_from_their_tables_and_the_rest_read_back(tmp_path, monkeypatch):
    """A part just written goes in from the Arrow tables it was written from (reading its Parquet files
    back cost a third of its load); parts from earlier ingests are read from disk. Same rows either way."""
    db = tmp_path / "w" / "warehouse.duckdb"
    ingest(FIRST, db)
    first_parts = set(Manifest(default_parts_root(db)).parts())
    from_tables: list[str] = []
    from_files: list[str] = []
    real_arrow, real_parquet = snapshot.Warehouse.load_arrow, snapshot.Warehouse.load_parquet

    def arrow(self, model, rows):
        from_tables.append(model.table)
        return real_arrow(self, model, rows)

    def parquet(self, model, files):
        from_files.extend(files)
        return real_parquet(self, model, files)

    monkeypatch.setattr(snapshot.Warehouse, "load_arrow", arrow)
    monkeypatch.setattr(snapshot.Warehouse, "load_parquet", parquet)
    assert not ingest(LATER, db).failures
    root = default_parts_root(db)
    read_back = {str(Path(f).parent.relative_to(root)) for f in from_files}
    assert read_back == first_parts  # every part of the first ingest, and none of the new ones
    new_parts = set(Manifest(root).parts()) - first_parts
    written = [f.stem for part in new_parts for f in (root / part).glob("*.parquet")]
    part_tables = {model.table for model in snapshot.PART_MODELS}  # not `sources` or the dedupe stage's
    assert sorted(t for t in from_tables if t in part_tables) == sorted(written) and "documents" in written
    assert _in_stored_order(db) == _built_after(db, tmp_path)


def test_loading_keeps_the_parts_order_whether_from_tables_or_files():
    memory = {"b": {}, "d": {}}
    assert snapshot._runs(["a", "b", "c", "d", "e", "f"], memory) == [["a"], ["b"], ["c"], ["d"], ["e", "f"]]
    assert snapshot._runs(["a", "b", "c"], {}) == [["a", "b", "c"]]
    assert snapshot._runs(["b", "d"], memory) == [["b"], ["d"]]


def test_a_new_part_goes_into_the_snapshot_while_it_is_being_written(tmp_path, monkeypatch):
    """The snapshot's thread loads a part from its tables as the ingest writes them to disk: after the
    last file, the two took turns before, and nothing else hid the load."""
    db = tmp_path / "w" / "warehouse.duckdb"
    loaded: dict[str, threading.Event] = {}
    during_write: list[bool] = []
    real_write, real_load = PartStore.write, NextSnapshot.load_into

    def load_into(self, wh, parts, tables=None):
        real_load(self, wh, parts, tables)
        for part in parts:
            loaded.setdefault(part, threading.Event()).set()

    def write(self, meta, tables, replace=False):
        # Held open until the part is in the snapshot (or long enough to say it was not).
        during_write.append(loaded.setdefault(meta.name, threading.Event()).wait(timeout=3))
        return real_write(self, meta, tables, replace)

    monkeypatch.setattr(NextSnapshot, "load_into", load_into)
    monkeypatch.setattr(PartStore, "write", write)
    assert not ingest(FIRST, db).failures
    assert during_write == [True] * len(FIRST)
    assert _in_stored_order(db) == _built_after(db, tmp_path)


def test_a_part_fed_to_the_snapshot_that_then_cannot_be_stored_leaves_a_snapshot_of_the_manifest(tmp_path, monkeypatch):
    """A source read again (here forced; in life a needs_ocr source once an OCR engine is installed) keeps
    its part's name, and its new rows go into the snapshot as the part starts to be written. When the
    disk then refuses the part, the source's entry and part stay as they were: the warehouse published
    must hold those rows, not the ones fed to it."""
    db = tmp_path / "w" / "warehouse.duckdb"
    assert not ingest(FIRST, db).failures
    refused = source_id_of(FIRST[1].read_bytes())
    real_write, real_tables = PartStore.write, parse_source.part_tables

    def write(self, meta, tables, replace=False):
        if meta.source_id == refused:
            raise OSError(28, "No space left on device")
        return real_write(self, meta, tables, replace)

    def read_differently(parsed):  # rows the stored part does not hold, under the same versions
        tables = real_tables(parsed)
        documents = tables["documents"]
        titles = documents.column("title").to_pylist()
        tables["documents"] = documents.set_column(documents.schema.get_field_index("title"), "title",
                                                   pa.array([f"re-read: {t}" for t in titles], pa.string()))
        return tables

    monkeypatch.setattr(PartStore, "write", write)
    monkeypatch.setattr(parse_source, "part_tables", read_differently)
    report = ingest(FIRST, db, force=True)
    assert [f.status for f in report.files] == ["ok", "failed", "ok"]
    stored = _in_stored_order(db)
    assert stored == _built_after(db, tmp_path)
    titles = [row for row in stored["documents"] if refused in row]
    assert titles and not any("re-read: " in str(row) for row in titles)
