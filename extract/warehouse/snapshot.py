"""The warehouse file as a snapshot of the parts, swapped in whole.

A new generation is built beside the live file (`<db>.next-…`): the
`sources` rows from the manifest, every table's rows from the parts the
manifest names, then the derived stage (dedupe: `scorecard_facts`) and the
analyst views. It is checkpointed, closed, and `os.replace`d over the live
file. The rename is atomic: a reader that has the old file open keeps its
consistent view (the old file lives on until it lets go), a connection
opened afterwards sees the new one, and a kill at any point leaves the old
warehouse whole. Nothing ever writes into the file analysts have open.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from extract.commentary_links import link_commentary
from extract.dedupe import dedupe_scorecard_values
from extract.warehouse.manifest import Manifest
from extract.warehouse.parts import PartStore
from extract.warehouse.store import Warehouse
from schemas import RECORD_MODELS
from schemas.provenance import DocumentRow, ParseWarning, SourceRow
from schemas.scorecards import ScorecardCommentary, ScorecardCommentaryLink, ScorecardFact, ScorecardValue

PART_MODELS = [DocumentRow, *RECORD_MODELS, ParseWarning]


def build_snapshot(db: str | Path, manifest: Manifest, store: PartStore) -> None:
    db = Path(db)
    db.parent.mkdir(parents=True, exist_ok=True)
    nxt = db.with_name(f"{db.name}.next-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        with Warehouse(nxt) as wh:
            with wh.transaction():  # one commit for the loads: a commit per statement costs milliseconds each
                wh.insert(SourceRow, manifest.sources())
                parts = manifest.parts()
                for model in PART_MODELS:
                    wh.load_parquet(model, store.table_files(parts, model.table))
            rebuild_scorecard_facts(wh)
            wh.con.execute("CHECKPOINT")
        # A write-ahead log left beside the live file by a writer of an older version
        # would be replayed into the new generation: it belongs to the old one only.
        Path(f"{db}.wal").unlink(missing_ok=True)
        os.replace(nxt, db)
    finally:
        for leftover in (nxt, Path(f"{nxt}.wal")):
            leftover.unlink(missing_ok=True)


def remove_unfinished_snapshots(db: str | Path) -> int:
    """Generations a killed ingest was building (call only while holding the writer lock)."""
    db = Path(db)
    leftovers = list(db.parent.glob(f"{db.name}.next-*")) if db.parent.is_dir() else []
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    return len(leftovers)


def rebuild_scorecard_facts(wh: Warehouse) -> int:
    """The dedupe stage: every printed scorecard figure, collapsed to one fact per key; then the
    commentary figures linked to the facts they quote (`scorecard_commentary_links`)."""
    facts = dedupe_scorecard_values(wh.records(ScorecardValue))
    wh.replace_table(ScorecardFact, facts)
    dates = {r["document_id"]: r["document_date"] for r in wh.rows("documents")}
    wh.replace_table(ScorecardCommentaryLink, link_commentary(wh.records(ScorecardCommentary), facts, dates))
    return len(facts)
