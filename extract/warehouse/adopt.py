"""Adopt a warehouse written before parts existed: each of its sources becomes a part.

Without this, the first snapshot built by today's ingest would hold only the
files of that run and drop every source an older version had stored. Read
once, read-only, when a warehouse file exists and its parts root has no
manifest yet; the rows are copied as they are, not parsed again, so their
parser versions still decide what a later ingest re-parses.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from extract.warehouse.ddl import arrow_table
from extract.warehouse.manifest import Manifest, ManifestEntry
from extract.warehouse.parts import PartMeta, PartStore
from extract.warehouse.store import Warehouse
from schemas import RECORD_MODELS
from schemas.provenance import DocumentRow, ParseWarning, SourceRow

_PER_DOCUMENT = [*RECORD_MODELS, ParseWarning]


def adopt_legacy_warehouse(db: str | Path, manifest: Manifest, store: PartStore) -> int:
    with Warehouse(db, read_only=True) as wh:
        sources = wh.records(SourceRow)
        documents: dict[str, list[DocumentRow]] = defaultdict(list)
        for doc in wh.records(DocumentRow):
            documents[doc.source_id].append(doc)
        rows: dict[type, dict[str, list]] = {}
        for model in _PER_DOCUMENT:
            rows[model] = defaultdict(list)
            for record in wh.records(model):
                rows[model][record.document_id].append(record)
    for source in sources:
        docs = documents.get(source.source_id, [])
        parsers = sorted({f"{d.parser}={d.parser_version}" for d in docs if d.parser})
        part = None
        if not source.source_id.startswith("unreadable:"):
            meta = PartMeta(source_id=source.source_id, status=source.status,
                            splitter_version=source.splitter_version or "", parsers=parsers, error=source.error,
                            pages=source.pages, kind=source.kind, bytes=source.bytes,
                            doc_types=[d.doc_type for d in docs], parsed_at=source.ingested_at.isoformat())
            tables = {DocumentRow.table: arrow_table(DocumentRow, docs)}
            for model in _PER_DOCUMENT:
                tables[model.table] = arrow_table(model, [r for d in docs for r in rows[model].get(d.document_id, [])])
            part = store.write(meta, tables)
        manifest.put(ManifestEntry(source, part, parsers))
    return len(sources)
