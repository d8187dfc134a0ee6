"""`extract schema`: the contract's docs are generated from the models, and the committed copy is current."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from cli import app
from extract.schema_docs import SCHEMA_MD, render_schema_md, write_schema
from extract.warehouse.ddl import columns_of
from schemas import MODEL_BY_TABLE


def test_committed_schema_md_matches_the_models():
    # If this fails, a model changed: run `extract schema` and commit docs/schema.md.
    assert SCHEMA_MD.read_text(encoding="utf-8") == render_schema_md()


def test_write_schema_writes_one_json_schema_per_table_with_every_column(tmp_path):
    written = write_schema(tmp_path / "json", tmp_path / "schema.md")
    assert {p.stem for p in written if p.suffix == ".json"} == set(MODEL_BY_TABLE)
    for table, model in MODEL_BY_TABLE.items():
        schema = json.loads((tmp_path / "json" / f"{table}.json").read_text())
        assert set(schema["properties"]) == {name for name, _ in columns_of(model)}, table
    assert (tmp_path / "schema.md").read_text() == render_schema_md()


def test_schema_md_lists_each_table_with_duckdb_types_and_docstrings():
    md = render_schema_md()
    for table, model in MODEL_BY_TABLE.items():
        section = md.split(f"### `{table}`\n", 1)[1].split("\n### ", 1)[0]
        for name, ctype in columns_of(model):
            assert f"| {name} | {ctype} |" in section, (table, name)
    grid = md.split("### `improvement_grid`\n", 1)[1].split("\n### ", 1)[0]
    assert "grouped by area for improvement" in grid  # the model's docstring
    assert "Base class for every row" not in md  # undocumented models do not inherit Record's docstring


def test_cli_schema(tmp_path, monkeypatch):
    import extract.schema_docs as schema_docs

    monkeypatch.setattr(schema_docs, "SCHEMA_MD", tmp_path / "schema.md")
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path / "json")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "json" / "scorecard_facts.json").exists()
    assert (tmp_path / "schema.md").read_text() == render_schema_md()
