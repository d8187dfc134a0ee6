"""The DuckDB schema, derived from the Pydantic record models in one place.

A model's fields become its table's columns, in order; a new field becomes
a new column (added to an existing warehouse with ALTER TABLE, so an older
file keeps working). Nothing else in the project writes DDL.
"""
from __future__ import annotations

import types
import typing
from datetime import date, datetime, time

import pyarrow as pa
from pydantic import BaseModel

_SCALARS = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", date: "DATE", time: "TIME", datetime: "TIMESTAMP"}


def column_type(annotation: typing.Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return column_type(args[0])
    if origin in (list, tuple):
        (inner, *_) = typing.get_args(annotation) or (str,)
        return column_type(inner) + "[]"
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"no DuckDB type for {annotation!r}")


def columns_of(model: type[BaseModel]) -> list[tuple[str, str]]:
    return [(name, column_type(field.annotation)) for name, field in model.model_fields.items()]


def create_statement(model: type[BaseModel]) -> str:
    cols = ",\n  ".join(f'"{name}" {ctype}' for name, ctype in columns_of(model))
    return f'CREATE TABLE IF NOT EXISTS "{model.table}" (\n  {cols}\n)'


def ensure_tables(con, models: list[type[BaseModel]]) -> None:
    """Create missing tables and add missing columns (the one migration we do automatically)."""
    existing: dict[str, set[str]] = {}
    for table, column in con.execute(
        # This file's own tables: a writer's file is one of the databases attached to a shared DuckDB (store.py).
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = 'main'"
    ).fetchall():
        existing.setdefault(table, set()).add(column)
    for model in models:
        if model.table not in existing:
            con.execute(create_statement(model))
            continue
        for name, ctype in columns_of(model):
            if name not in existing[model.table]:
                con.execute(f'ALTER TABLE "{model.table}" ADD COLUMN "{name}" {ctype}')


_ARROW = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
          "DATE": pa.date32(), "TIME": pa.time64("us"), "TIMESTAMP": pa.timestamp("us")}


def arrow_type(column: str) -> pa.DataType:
    if column.endswith("[]"):
        return pa.list_(arrow_type(column[:-2]))
    return _ARROW[column]


def arrow_table(model: type[BaseModel], rows: list) -> pa.Table:
    """Rows of one model as an Arrow table typed like its warehouse table (a wrong type raises here)."""
    columns = columns_of(model)
    schema = pa.schema([(name, arrow_type(ctype)) for name, ctype in columns])
    return pa.table({name: [getattr(r, name) for r in rows] for name, _ in columns}, schema=schema)
