"""Parquet parts: one immutable set per source and versions, reused when current, never doubled."""
from __future__ import annotations

import duckdb

from extract import parse_source
from extract.pipeline import ingest
from extract.warehouse.parts import PartStore
from tests.conftest import MODERNGOV, OFSTED, seed
from tests.warehouse_rows import assert_same_rows

MIXED = [seed(0), seed(2), seed(3), OFSTED / "bedford-2022-01-14.pdf", MODERNGOV / "kent-cabinet-2025-01-30-minutes.pdf"]


def _parts(root) -> dict[str, list[str]]:
    return {f.name: sorted(p.name for p in f.iterdir()) for f in root.iterdir() if f.is_dir() and not f.name.startswith(".")}  # not .tmp, .empty


def test_a_parser_version_change_reparses_only_the_sources_it_touches(db, monkeypatch):
    from parsers import registry

    ingest(MIXED, db)
    con = duckdb.connect(str(db), read_only=True)
    uses = dict(con.execute("""SELECT s.file_name, bool_or(d.parser = 'ofsted_inspection')
                               FROM sources s JOIN documents d USING (source_id) GROUP BY 1""").fetchall())
    con.close()
    assert sorted(set(uses.values())) == [False, True]  # some sources use the parser, some do not
    before = _parts(db.parent / "warehouse.parts")
    old = registry.PARSERS["ofsted_inspection"]
    monkeypatch.setitem(registry.PARSERS, "ofsted_inspection", registry.Parser(old.name, old.version + "-next", old.parse))
    report = ingest(MIXED, db)
    status = {f.path.split("/")[-1]: f.status for f in report.files}
    assert status == {name: "ok" if used else "skipped" for name, used in uses.items()}
    after = _parts(db.parent / "warehouse.parts")
    grew = {sid for sid in after if len(after[sid]) == len(before[sid]) + 1}
    assert len(grew) == sum(uses.values()) and all(after[s] == before[s] for s in after if s not in grew)


def test_a_rerun_after_the_manifest_was_lost_reuses_every_part(tmp_path, db, monkeypatch):
    ingest(MIXED, db)
    clean = tmp_path / "clean.duckdb"
    db.rename(clean)
    (db.parent / "warehouse.parts" / "manifest.parquet").unlink()  # the client died before writing it

    def no_parsing(documents):
        raise AssertionError("a source with a complete, current part was parsed again")

    monkeypatch.setattr(parse_source, "parse_documents", no_parsing)
    report = ingest(MIXED, db)
    assert [f.status for f in report.files] == ["ok"] * len(MIXED)
    assert_same_rows(clean, db)


def test_writing_a_part_twice_keeps_one_and_leaves_no_temporary_folder(tmp_path):
    """A task retried after its worker died writes the same part again: the first stands."""
    first = parse_source.parse_source_into_parts(seed(3), tmp_path, force=True)
    again = parse_source.parse_source_into_parts(seed(3), tmp_path, force=False)
    assert again.reused and again.part == first.part
    twin = parse_source.parse_source_into_parts(seed(3), tmp_path, force=True)  # parsed and written again
    assert twin.part == first.part and not twin.reused
    store = PartStore(tmp_path)
    store.write(store.meta(first.part), {})  # a late twin that lost the race to the rename
    assert _parts(tmp_path) == {first.source_id: [first.part.split("/")[1]]}
    assert not list((tmp_path / ".tmp").iterdir())
    assert store.meta(first.part).doc_types and store.table_files([first.part], "documents")  # the first stands


def test_removing_a_source_folder_from_disk_reparses_it(db):
    ingest([seed(3)], db)
    root = db.parent / "warehouse.parts"
    for folder in _parts(root):
        for part in (root / folder).iterdir():
            for f in part.iterdir():
                f.unlink()
            part.rmdir()
    assert ingest([seed(3)], db).files[0].status == "ok"
    assert len(_parts(root)) == 1


def test_a_warehouse_from_before_parts_keeps_its_sources(tmp_path, db):
    import shutil

    ingest([seed(3), OFSTED / "bedford-2022-01-14.pdf"], db)
    shutil.rmtree(db.parent / "warehouse.parts")  # as an older version left it: the file, no parts
    report = ingest([seed(3), seed(0)], db)
    assert [f.status for f in report.files] == ["skipped", "ok"]  # adopted rows count as current
    both = tmp_path / "fresh.duckdb"
    ingest([seed(3), OFSTED / "bedford-2022-01-14.pdf", seed(0)], both)
    assert_same_rows(both, db)


def test_what_a_killed_ingest_was_writing_is_cleared_by_the_next(db):
    ingest([seed(3)], db)
    half_part = db.parent / "warehouse.parts" / ".tmp" / "abc-1234"
    half_part.mkdir(parents=True)
    (half_part / "documents.parquet").write_bytes(b"PAR1 half")
    half_snapshot = db.with_name(db.name + ".next-999-abcd")
    half_snapshot.write_bytes(b"half a database")
    half_manifest = db.parent / "warehouse.parts" / "manifest.parquet.tmp-999"
    half_manifest.write_bytes(b"PAR1 half a manifest")
    ingest([seed(0)], db)
    assert not half_part.exists() and not half_snapshot.exists() and not half_manifest.exists()
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM sources").fetchone()[0] == 2
    con.close()


def test_a_part_written_before_a_column_was_added_loads_with_that_column_null(tmp_path):
    """Columns are only ever added: parts written by an older version load beside new ones."""
    from extract.warehouse.store import Warehouse
    from schemas.provenance import DocumentRow

    old, new = tmp_path / "old.parquet", tmp_path / "new.parquet"
    con = duckdb.connect()
    con.execute(f"COPY (SELECT 'a:p1-2' AS document_id, 'a' AS source_id, 'minutes' AS doc_type, 1 AS page_start, "
                f"2 AS page_end) TO '{old}'")
    con.execute(f"COPY (SELECT 'b:p1-1' AS document_id, 'b' AS source_id, 'letter' AS doc_type, 1 AS page_start, "
                f"1 AS page_end, 'Dear Sir' AS title) TO '{new}'")
    con.close()
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.load_parquet(DocumentRow, [str(old), str(new)])
        rows = {r["document_id"]: r for r in wh.rows("documents")}
    assert rows["a:p1-2"]["title"] is None and rows["a:p1-2"]["doc_type"] == "minutes"
    assert rows["b:p1-1"]["title"] == "Dear Sir"


def test_a_snapshot_made_ahead_and_not_needed_is_removed_and_one_used_holds_the_tables(tmp_path):
    from extract.warehouse.snapshot import NextSnapshot

    db = tmp_path / "warehouse.duckdb"
    unused = NextSnapshot(db)
    unused.begin()
    unused.discard()
    assert list(tmp_path.iterdir()) == []

    used = NextSnapshot(db)
    used.begin()
    with used.warehouse() as wh:
        tables = {r[0] for r in wh.con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"sources", "documents", "meeting_attendance", "votes"} <= tables
    used.discard()
    assert list(tmp_path.iterdir()) == []
