"""Parse one source into parts: the unit of work of every engine.

read -> split -> parse -> validate -> load (as an immutable part), one
function per stage, each taking the previous one's output. No database and
no shared state: the local process pool and Dask workers both run
`parse_source_into_parts` and hand back a small `SourceOutcome`; only the
client writes the manifest and builds the warehouse.
"""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyarrow as pa

from extract import splitting
from extract.parse import ParsedDocument, parse_documents
from extract.read_documents import read_documents
from extract.reading import UnreadableSource, read_bytes, source_id_of
from extract.ocr_marks import needs_ocr_reason
from extract.reading.limits import DEFAULT_LIMITS, Limits
from extract.reliability import BoundedFailure, submit_bounded
from extract.validate import validate
from extract.warehouse.ddl import arrow_table
from extract.warehouse.parts import PartMeta, PartStore
from extract.warehouse.store import now
from parsers.registry import PARSERS
from schemas import RECORD_MODELS
from schemas.document import OCR
from schemas.provenance import DocumentRow, ParseWarning

_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%f"


@dataclass
class SourceOutcome:
    """How one source ended, for the client: small and picklable."""

    path: str
    source_id: str
    status: str  # ok | partial | failed
    error: str | None = None
    part: str | None = None
    meta: PartMeta | None = None
    seconds: float = 0.0
    reused: bool = False  # a complete part with today's versions was already there
    retry: bool = False  # failed for a reason outside the file (its part could not be written): not its outcome
    # The part's tables as just written, for a snapshot built in this process to load without reading
    # them back; only the local engine's outcomes carry them (see `parse_source_into_parts`).
    tables: dict[str, pa.Table] | None = field(default=None, repr=False, compare=False)


def current_splitter() -> str:
    return splitting.SPLITTER_VERSION


def part_is_current(meta: PartMeta) -> bool:
    return versions_are_current(meta.status, meta.splitter_version, meta.parsers)


def versions_are_current(status: str, splitter_version: str | None, parsers: list[str]) -> bool:
    """Split by today's splitter (unless it failed before splitting) and parsed by today's parsers."""
    if status == "needs_ocr":  # an OCR engine may have been installed since
        return False
    if status != "failed" and splitter_version != current_splitter():
        return False
    for entry in parsers:
        name, _, version = entry.partition("=")
        parser = PARSERS.get(name)
        if parser is None or parser.version != version:
            return False
    return True


def parse_source_into_parts(path: str | Path, parts_root: str | Path, force: bool = False,
                            data: bytes | None = None, limits: Limits = DEFAULT_LIMITS,
                            source_id: str | None = None) -> SourceOutcome:
    """`source_id`, when given with `data`, is the hash of `data` the caller has already made."""
    job = SourceJob(path, parts_root, force, data, limits, source_id)
    job.start()
    outcome = job.finish()
    outcome.tables = None  # it goes back to the client pickled (a pool process, a Dask worker): the part is on disk
    return outcome


class SourceJob:
    """One source through the stages, in steps an engine can interleave: `start` hands the reading to
    the worker, `wait` waits for its answer, `collect` reads what it read, `finish` stores it as a part.
    The local engine reads and stores one source's answer while the worker reads the next
    (`extract/engines/local.py`)."""

    def __init__(self, path: str | Path, parts_root: str | Path, force: bool = False, data: bytes | None = None,
                 limits: Limits = DEFAULT_LIMITS, source_id: str | None = None) -> None:
        self.started = time.perf_counter()
        self.path, self.store, self.force, self.limits = Path(path), PartStore(parts_root), force, limits
        self.outcome: SourceOutcome | None = None  # known without reading: unreadable bytes, or a current part
        self.pending = self.read = None
        if data is None:
            source_id = None  # the bytes are read here: they may not be the ones the caller hashed
            try:
                data = read_bytes(self.path)
            except UnreadableSource as exc:
                self.outcome = SourceOutcome(str(path), "unreadable:" + source_id_of(str(path).encode()), "failed",
                                             str(exc))
                return
        self.data, self.sid = data, source_id or source_id_of(data)
        if not force:
            stale = list(self.store.parts_of(self.sid))
            for meta in stale:
                if part_is_current(meta):
                    self.outcome = _outcome(self.path, meta, self.started, reused=True)
                    return
            # A part of today's versions that is not current (a needs_ocr source, now that an engine is
            # there) is replaced, not kept.
            self.force = any(meta.status == "needs_ocr" for meta in stale)

    @property
    def needs_reading(self) -> bool:
        return self.outcome is None

    def start(self) -> None:
        """read -> split -> parse -> validate in the forked worker under the time limit: a hang, a crash
        or a bug in a C library fails this file alone."""
        if self.needs_reading and self.pending is None:
            self.pending = submit_bounded(read_and_parse, (self.path, self.data, self.limits, self.sid),
                                          self.limits.seconds)

    def wait(self) -> None:
        """Wait until the worker has answered (and is free for another file), without reading the answer."""
        if self.pending is not None and self.read is None:
            self.pending.wait()

    def collect(self) -> None:
        if self.pending is not None and self.read is None:
            try:
                self.read = self.pending.result()
            except BoundedFailure as exc:
                self.read = ("failed", str(exc))

    def finish(self, storing: Callable[[SourceOutcome], None] | None = None) -> SourceOutcome:
        """The source's outcome, its part stored. `storing` is shown the outcome the part will have, with
        its tables, as the part starts to be written (`SnapshotFeed.storing` loads them meanwhile); the
        outcome returned says whether it was."""
        if self.outcome is not None:
            return self.outcome
        self.collect()
        read, data = self.read, self.data
        if isinstance(read[0], str):
            meta = _meta(self.sid, read[0], read[1], size=len(data))
            return _load(self.store, self.path, meta, [], self.started, self.force, storing)
        source, parsed = read
        failed = [d.row for d in parsed if d.row.status == "failed"]
        error = "; ".join(f"{d.doc_type} p{d.page_start}-{d.page_end}: {d.error}" for d in failed) or None
        status = "partial" if failed else "ok"
        if source.needs_ocr:
            status, error = ("needs_ocr" if status == "ok" else status), "; ".join(filter(None, [error, source.needs_ocr]))
        meta = _meta(self.sid, status, error, pages=source.pages, kind=source.kind, size=len(data),
                     parsers=sorted({f"{d.row.parser}={d.row.parser_version}" for d in parsed if d.row.parser}),
                     doc_types=[d.row.doc_type for d in parsed])
        meta.ocr_pages = source.ocr_pages
        return _load(self.store, self.path, meta, parsed, self.started, self.force, storing)


@dataclass
class ReadSummary:
    """What the load stage needs of a read source (the pages themselves stay in the child)."""

    pages: int
    kind: str
    ocr_pages: int = 0
    needs_ocr: str | None = None  # why it is incomplete: image pages no OCR engine could read


def read_and_parse(path: Path, data: bytes, limits: Limits,
                   source_id: str | None = None) -> tuple[ReadSummary, list[ParsedDocument]] | tuple[str, str]:
    """Read, split, parse and validate one source; an unreadable one gives (its status, its one-line reason)."""
    try:
        source, documents = read_documents(path, data, limits, source_id)
    except UnreadableSource as exc:
        return exc.status, str(exc)
    parsed = validate(parse_documents(documents))
    ocr_pages = sum(1 for page in source.pages if page.text_source == OCR)
    return ReadSummary(len(source.pages), source.kind, ocr_pages, needs_ocr_reason(source)), parsed


def _meta(sid: str, status: str, error: str | None, pages: int | None = None, kind: str | None = None,
          size: int | None = None, parsers: list[str] | None = None, doc_types: list[str] | None = None) -> PartMeta:
    return PartMeta(source_id=sid, status=status, splitter_version=current_splitter(), parsers=parsers or [],
                    error=error, pages=pages, kind=kind, bytes=size, doc_types=doc_types or [],
                    parsed_at=now().strftime(_TIME_FORMAT))


def _load(store: PartStore, path: Path, meta: PartMeta, parsed: list[ParsedDocument], started: float,
          force: bool, storing: Callable[[SourceOutcome], None] | None = None) -> SourceOutcome:
    """The load stage: the source's rows as one part; if it cannot be written, the source fails whole."""
    outcome = _outcome(path, meta, started)
    outcome.tables = part_tables(parsed)
    if storing is not None:
        storing(outcome)
    try:
        store.write(meta, outcome.tables, replace=force)
    except Exception as exc:
        message = f"could not be stored: {type(exc).__name__}: {exc}".splitlines()[0][:500]
        return SourceOutcome(str(path), meta.source_id, "failed", message, seconds=time.perf_counter() - started,
                             retry=True)
    outcome.seconds = time.perf_counter() - started
    return outcome


def part_tables(parsed: list[ParsedDocument]) -> dict[str, pa.Table]:
    by_model: dict[type, list] = defaultdict(list)
    for doc in parsed:
        by_model[DocumentRow].append(doc.row)
        for record in doc.records:
            by_model[type(record)].append(record)
        by_model[ParseWarning].extend(doc.warnings)
    order = [DocumentRow, *RECORD_MODELS, ParseWarning]
    return {model.table: arrow_table(model, by_model[model]) for model in order if by_model[model]}


def _outcome(path: Path, meta: PartMeta, started: float, reused: bool = False) -> SourceOutcome:
    return SourceOutcome(str(path), meta.source_id, meta.status, meta.error, meta.name, meta,
                         time.perf_counter() - started, reused)
