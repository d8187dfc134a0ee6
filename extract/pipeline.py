"""Ingest: files in, warehouse rows out. The library behind `extract ingest`.

For each file: hash its bytes; skip it if the warehouse already holds it
with current parser versions; otherwise read it, split it into documents,
parse each with its type's parser, and write the lot in one transaction.
A file that cannot be read gets a `sources` row with status `failed` and a
one-line reason; a document whose parser raises is kept with status
`failed` (its source becomes `partial`). Then the dedupe stage rebuilds
`scorecard_facts` from every `scorecard_values` row.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from extract.ocr_marks import mark_ocr, needs_ocr_reason
from extract.reading import READABLE_SUFFIXES, UnreadableSource, read_bytes, read_source, source_id_of
from extract.splitting import SPLITTER_VERSION, content_hash, split_source
from extract.warehouse import Warehouse
from extract.warehouse.store import now
from parsers.registry import PARSERS, parser_for
from schemas.document import OCR, Document, Source
from schemas.provenance import DocumentRow, ParseWarning, SourceRow
from schemas.record import Record


@dataclass
class FileOutcome:
    path: str
    status: str  # ok | partial | failed | needs_ocr | skipped
    pages: int = 0
    ocr_pages: int = 0
    error: str | None = None
    doc_types: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class IngestReport:
    files: list[FileOutcome] = field(default_factory=list)

    @property
    def failures(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status in ("failed", "partial", "needs_ocr")]

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to ingest under the given files and folders, and the ones that cannot even be listed."""
    found: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            def onerror(err: OSError) -> None:
                problems.append((Path(err.filename or path), f"cannot list folder: {err.strerror}"))

            for root, dirs, files in os.walk(path, onerror=onerror):
                dirs.sort()
                for name in sorted(files):
                    p = Path(root) / name
                    if p.suffix.lower() in READABLE_SUFFIXES:
                        found.append(p)
        elif path.exists():
            found.append(path)
        else:
            problems.append((path, "no such file or folder"))
    return found, problems


def parse_document(doc: Document) -> tuple[DocumentRow, list[Record], list[ParseWarning]]:
    """Run the document's parser (pure) and shape what it returns for the warehouse."""
    parser = parser_for(doc.doc_type)
    row = DocumentRow(
        document_id=doc.document_id,
        source_id=doc.source_id,
        doc_type=doc.doc_type,
        title=doc.title or None,
        page_start=doc.page_start,
        page_end=doc.page_end,
        line_start=doc.line_start if doc.source_kind == "text" else None,
        line_end=doc.line_end if doc.source_kind == "text" else None,
        local_authority=doc.local_authority,
        document_date=doc.document_date,
        parser=parser.name if parser else None,
        parser_version=parser.version if parser else None,
        content_hash=content_hash(doc.lines),
        status="ok" if parser else "unparsed",
    )
    if parser is None:
        return row, [], []
    try:
        result = parser.parse(doc)
    except Exception as exc:  # a parser bug must not sink the batch: record it on the document
        row.status = "failed"
        row.error = f"{parser.name} parser raised {type(exc).__name__}: {exc}".splitlines()[0][:500]
        return row, [], [ParseWarning(document_id=doc.document_id, message=row.error)]
    if result.title:
        row.title = result.title
    if result.local_authority:
        row.local_authority = result.local_authority
    if result.document_date:
        row.document_date = result.document_date
    row.warnings = list(result.warnings)
    warnings = [ParseWarning(document_id=doc.document_id, message=w) for w in result.warnings]
    return row, list(result.records), warnings


def process_source(source: Source) -> tuple[list[DocumentRow], list[Record], list[ParseWarning]]:
    """Split and parse one read source: pure, no database."""
    documents, records, warnings = [], [], []
    for doc in split_source(source):
        row, recs, warns = parse_document(doc)
        mark_ocr(doc, row, recs)
        documents.append(row)
        records.extend(recs)
        warnings.extend(warns)
    return documents, records, warnings


def _source_row(path: Path, sid: str, status: str, error: str | None = None, pages: int | None = None,
                kind: str | None = None, size: int | None = None) -> SourceRow:
    return SourceRow(source_id=sid, path=str(path), file_name=path.name, pages=pages, status=status, error=error,
                     ingested_at=now(), kind=kind, bytes=size, splitter_version=SPLITTER_VERSION)


def _is_current(wh: Warehouse, sid: str) -> bool:
    """Already ingested, split by today's splitter and every document parsed by today's parser version."""
    status = wh.source_status(sid)
    if status is None or status == "needs_ocr":  # an OCR engine may have been installed since
        return False
    if status != "failed" and wh.splitter_version(sid) != SPLITTER_VERSION:
        return False
    for parser_name, version in wh.parser_versions(sid).values():
        if parser_name is None:
            continue
        parser = PARSERS.get(parser_name)
        if parser is None or parser.version != version:
            return False
    return True


@dataclass
class ParsedFile:
    """Everything one file produced, ready for the single writer (picklable, for worker processes)."""

    path: Path
    source: SourceRow
    documents: list[DocumentRow] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    seconds: float = 0.0


def parse_file(path: Path, data: bytes) -> ParsedFile:
    """Read, split and parse one file's bytes. No database: runs in a worker process."""
    started = time.perf_counter()
    sid = source_id_of(data)
    try:
        source = read_source(path, data)
    except UnreadableSource as exc:
        row = _source_row(path, sid, exc.status, str(exc), size=len(data))
        return ParsedFile(path, row, seconds=time.perf_counter() - started)
    documents, records, warnings = process_source(source)
    failed_docs = [d for d in documents if d.status == "failed"]
    status = "partial" if failed_docs else "ok"
    error = "; ".join(f"{d.doc_type} p{d.page_start}-{d.page_end}: {d.error}" for d in failed_docs) or None
    if unread := needs_ocr_reason(source):
        status, error = ("needs_ocr" if status == "ok" else status), "; ".join(filter(None, [error, unread]))
    row = _source_row(path, sid, status, error, pages=len(source.pages), kind=source.kind, size=len(data))
    row.ocr_pages = sum(1 for page in source.pages if page.text_source == OCR)
    return ParsedFile(path, row, documents, records, warnings, time.perf_counter() - started)


def store_parsed(wh: Warehouse, parsed: ParsedFile) -> FileOutcome:
    """The single writer: one transaction per file; a failed write records the file as failed."""
    row = parsed.source
    try:
        wh.write_source(row, parsed.documents, parsed.records, parsed.warnings)
    except Exception as exc:
        message = f"could not be stored: {type(exc).__name__}: {exc}".splitlines()[0][:500]
        failed = row.model_copy(update={"status": "failed", "error": message})
        wh.write_failed_source(failed)
        return FileOutcome(str(parsed.path), "failed", pages=row.pages or 0, error=message, seconds=parsed.seconds)
    return FileOutcome(str(parsed.path), row.status, pages=row.pages or 0, error=row.error,
                       doc_types=[d.doc_type for d in parsed.documents], seconds=parsed.seconds,
                       ocr_pages=row.ocr_pages or 0)


def _read_or_skip(wh: Warehouse, path: Path, force: bool) -> tuple[bytes | None, FileOutcome | None]:
    """The file's bytes if it needs parsing; otherwise how it ended (skipped, or unreadable)."""
    try:
        data = read_bytes(path)
    except UnreadableSource as exc:
        # No bytes, no content hash: key the failure on the path so it is still recorded.
        sid = "unreadable:" + source_id_of(str(path.resolve()).encode())
        wh.write_failed_source(_source_row(path, sid, "failed", str(exc)))
        return None, FileOutcome(str(path), "failed", error=str(exc))
    sid = source_id_of(data)
    if not force and _is_current(wh, sid):
        wh.note_path(sid, str(path))
        status, error = wh.source_status_and_error(sid)
        if status in ("failed", "partial", "needs_ocr"):
            # Unchanged bytes fail the same way: say so again rather than report success.
            return None, FileOutcome(str(path), status, error=error)
        return None, FileOutcome(str(path), "skipped")
    return data, None


def ingest_file(wh: Warehouse, path: Path, force: bool = False) -> FileOutcome:
    data, outcome = _read_or_skip(wh, path, force)
    if outcome is not None:
        return outcome
    return store_parsed(wh, parse_file(path, data))


def rebuild_scorecard_facts(wh: Warehouse) -> int:
    """The dedupe stage: every printed scorecard figure, collapsed to one fact per key."""
    from extract.dedupe import dedupe_scorecard_values
    from schemas.scorecards import ScorecardFact, ScorecardValue

    facts = dedupe_scorecard_values(wh.records(ScorecardValue))
    wh.replace_table(ScorecardFact, facts)
    return len(facts)


def ingest(paths: Iterable[str | Path], db: str | Path, force: bool = False,
           on_file: Callable[[FileOutcome], None] | None = None,
           files: list[Path] | None = None, workers: int = 1) -> IngestReport:
    """Ingest files and folders into the warehouse at `db`.

    With workers > 1, files are read and parsed in that many processes while
    this process stays the single writer, storing each file as it arrives.
    """
    report = IngestReport()
    if files is None:
        files, problems = discover(paths)
    else:
        problems = []

    def done(outcome: FileOutcome) -> None:
        report.files.append(outcome)
        if on_file:
            on_file(outcome)

    with Warehouse(db) as wh:
        for path, reason in problems:
            sid = "unreadable:" + source_id_of(str(path).encode())
            wh.write_failed_source(_source_row(path, sid, "failed", reason))
            done(FileOutcome(str(path), "failed", error=reason))
        if workers <= 1:
            for path in files:
                done(ingest_file(wh, path, force=force))
        else:
            _ingest_in_parallel(wh, files, force, workers, done)
        if any(f.status in ("ok", "partial", "needs_ocr") for f in report.files):
            rebuild_scorecard_facts(wh)
    return report


def _ingest_in_parallel(wh: Warehouse, files: list[Path], force: bool, workers: int,
                        done: Callable[[FileOutcome], None]) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = {}
        for path in files:
            data, outcome = _read_or_skip(wh, path, force)
            if outcome is not None:
                done(outcome)
            else:
                pending[pool.submit(parse_file, path, data)] = path
        for future in as_completed(pending):
            try:
                parsed = future.result()
            except Exception as exc:  # a worker died (out of memory, a crash in a C library)
                path = pending[future]
                message = f"worker failed: {type(exc).__name__}: {exc}".splitlines()[0][:500]
                wh.write_failed_source(_source_row(path, "unreadable:" + source_id_of(str(path).encode()), "failed", message))
                done(FileOutcome(str(path), "failed", error=message))
                continue
            done(store_parsed(wh, parsed))
