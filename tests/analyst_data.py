"""Warehouses for the analyst-layer tests (views, query, plot, notebook).

Two kinds: a real one, built by ingesting the shared seeds with the project's
own pipeline, and small hand-made ones written through `Warehouse.write_source`
with the project's models, for cases the seeds do not hold (duplicated
printings, several dashboards, comparators).
"""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from extract.warehouse import Warehouse
from extract.warehouse.store import now
from schemas.provenance import DocumentRow, SourceRow
from schemas.record import Record

SEEDS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds").resolve()


def ingest_seeds(db: Path) -> Path:
    from extract.pipeline import ingest

    report = ingest([SEEDS], db)
    assert report.files and not report.failures, [f.error for f in report.failures]
    return db


def write_document(wh: Warehouse, name: str, doc_type: str, records: list[Record], *,
                   local_authority: str | None = None, document_date: date | None = None) -> str:
    """One source holding one document of `doc_type` with these records (their document_id is set here)."""
    sid = hashlib.sha256(name.encode()).hexdigest()
    doc_id = f"{sid[:16]}:p1-2"
    source = SourceRow(source_id=sid, path=f"/made/{name}.pdf", file_name=f"{name}.pdf", pages=2, status="ok",
                       ingested_at=now(), kind="pdf")
    doc = DocumentRow(document_id=doc_id, source_id=sid, doc_type=doc_type, title=name, page_start=1, page_end=2,
                      local_authority=local_authority, document_date=document_date, content_hash=sid)
    wh.write_source(source, [doc], [r.model_copy(update={"document_id": doc_id}) for r in records], [])
    return doc_id
