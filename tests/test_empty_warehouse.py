"""A snapshot starts as a copy of the empty warehouse, made once per schema and kept in memory and beside
the parts: the same tables, columns and views as a file made the long way, a new one when the schema
changes, and the long way where no copy can be kept or used."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from extract.pipeline import default_parts_root, ingest
from extract.warehouse import empty, views
from extract.warehouse.empty import new_warehouse, schema_key
from extract.warehouse.store import Warehouse
from tests.conftest import seed


@pytest.fixture(autouse=True)
def nothing_kept(monkeypatch):
    """Each test starts as a new process does: no empty file in memory."""
    monkeypatch.setattr(empty, "_kept", {})


@pytest.fixture
def copies(monkeypatch) -> list[Path]:
    """The files opened as copies of the empty warehouse (not made the long way)."""
    opened: list[Path] = []
    real = Warehouse.__init__

    def init(self, path=None, read_only=False, schema_made=False):
        if schema_made:
            opened.append(Path(path))
        real(self, path, read_only, schema_made)

    monkeypatch.setattr(Warehouse, "__init__", init)
    return opened


def _schema(path: Path) -> tuple[list, list]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        columns = con.execute("SELECT table_name, column_name, data_type, ordinal_position FROM information_schema.columns "
                              "WHERE table_schema = 'main' ORDER BY ALL").fetchall()
        view_sql = con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL").fetchall()
        return columns, view_sql
    finally:
        con.close()


def _long_way(tmp_path: Path) -> tuple[list, list]:
    Warehouse(tmp_path / "long.duckdb").close()
    return _schema(tmp_path / "long.duckdb")


def _made(path: Path, keep_in: Path | None) -> Path:
    new_warehouse(path, keep_in).close()
    return path


def test_the_first_file_is_made_the_long_way_and_later_ones_are_copies_with_the_same_schema(tmp_path, copies):
    keep_in = tmp_path / "parts"
    first = _made(tmp_path / "a.duckdb", keep_in)
    assert copies == []
    assert (keep_in / ".empty" / f"warehouse-{schema_key()}.duckdb").exists()
    second = _made(tmp_path / "b.duckdb", None)  # from memory
    empty._kept.clear()
    third = _made(tmp_path / "c.duckdb", keep_in)  # from disk, as a later process
    assert copies == [second, third]
    columns, view_sql = _long_way(tmp_path)
    assert len({t for t, *_ in columns}) > 20 and view_sql
    assert _schema(first) == _schema(second) == _schema(third) == (columns, view_sql)


def test_a_later_ingest_into_the_warehouse_starts_from_the_kept_copy(tmp_path, copies):
    db = tmp_path / "w" / "warehouse.duckdb"
    assert not ingest([seed(0)], db).failures
    assert copies == [] and (default_parts_root(db) / ".empty" / f"warehouse-{schema_key()}.duckdb").exists()
    empty._kept.clear()  # a new process
    assert not ingest([seed(1)], db).failures
    assert len(copies) == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(DISTINCT source_id) FROM documents").fetchone()[0] == 2
    con.close()


def test_a_changed_schema_makes_a_new_empty_file_and_drops_the_old(tmp_path, monkeypatch, copies):
    keep_in = tmp_path / "parts"
    _made(tmp_path / "a.duckdb", keep_in)
    before = sorted(p.name for p in (keep_in / ".empty").iterdir())
    schema_key.cache_clear()
    monkeypatch.setitem(views.VIEWS, "extra_view", "SELECT 1 AS one")
    try:
        changed = schema_key()
        made = _made(tmp_path / "b.duckdb", keep_in)
    finally:
        schema_key.cache_clear()
    after = sorted(p.name for p in (keep_in / ".empty").iterdir())
    assert before != after == [f"warehouse-{changed}.duckdb"]
    assert copies == [] and "extra_view" in [name for name, _ in _schema(made)[1]]  # made by today's code


def test_where_no_copy_can_be_kept_the_file_is_made_the_long_way(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the parts folder would be")
    assert _schema(_made(tmp_path / "w.duckdb", blocked)) == _long_way(tmp_path)


def test_a_damaged_kept_file_is_not_used_and_is_kept_afresh(tmp_path, copies):
    keep_in = tmp_path / "parts"
    _made(tmp_path / "a.duckdb", keep_in)
    kept = keep_in / ".empty" / f"warehouse-{schema_key()}.duckdb"
    kept.write_bytes(b"not a DuckDB file" * 100)
    empty._kept.clear()
    made = _made(tmp_path / "b.duckdb", keep_in)
    assert _schema(made) == _long_way(tmp_path)
    assert kept.exists() and _schema(kept) == _long_way(tmp_path)  # replaced by the file just made
