"""The OCR benchmark: `make bench-ocr` (or `python -m extract.bench_ocr`).

1. How many pages of the shared corpus each "needs OCR?" rule selects.
2. Real text-layer pages (the first pages of every shared Ofsted report, which
   carry the front-page fields, and the scorecard fixture's pages) are copied
   twice: as they are, and as 200-dpi grayscale image-only PDFs, as a scanner
   would make them. Both sets are ingested; the scanned set is OCR'd.
3. The OCR'd ingest is measured against the text-layer ingest: character
   accuracy, Ofsted front-page fields, scorecard values, every OCR row marked;
   and OCR pages per second per core (CPU time of the OCR ingest).

Results are OCR'd afresh (a new cache) unless --cache names one to reuse.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pymupdf

from extract.bench_engines import own_cpu_seconds
from extract.ocr_compare import Agreement, character_accuracy, ofsted_fields, scorecard_values
from extract.pipeline import ingest
from extract.reading import read_source
from extract.reading.ocr_cache import CACHE_ENV
from extract.reading.ocr_engine import ENGINE_ENV, engine_installed, engine_name
from extract.reading.ocr_need import REASONS, ocr_reason
from extract.scanned_copy import image_only_copy, text_layer_copy

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT / ".." / "shared" / "corpus"
OFSTED = SHARED_CORPUS / "ofsted"
SCORECARD = ROOT / "corpus" / "fixtures" / "scorecard" / "scorecard_q4_2016_17.pdf"
SCORECARD_PAGES = [1, 2, 3, 4, 5]  # page 6 is the fixture's own blank "scan"
TARGET = 0.98


def rule_counts(folder: Path) -> tuple[int, Counter]:
    """Pages of every PDF under `folder`, and how many each rule sends to OCR."""
    pages, picked = 0, Counter()
    for path in sorted(folder.rglob("*.pdf")):
        try:
            doc = pymupdf.open(path)
        except Exception:  # not a PDF (the corpus keeps one HTML page saved as .pdf)
            continue
        with doc:
            for page in doc:
                pages += 1
                reason = ocr_reason(page, page.get_text("words", sort=False))
                if reason:
                    picked[reason] += 1
    return pages, picked


def build_copies(out: Path, reports: int, front_pages: int) -> int:
    """text/ and scan/ copies of the benchmark pages; returns how many pages each set holds."""
    (out / "text").mkdir(parents=True)
    (out / "scan").mkdir()
    chosen = []
    for path in sorted(OFSTED.glob("*.pdf")):
        data = path.read_bytes()
        if not data.startswith(b"%PDF"):
            continue
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            count = doc.page_count
        chosen.append((path.name, data, list(range(1, min(front_pages, count) + 1))))
    chosen = chosen[:reports]
    chosen.append((SCORECARD.name, SCORECARD.read_bytes(), SCORECARD_PAGES))
    for name, data, pages in chosen:
        (out / "text" / name).write_bytes(text_layer_copy(data, pages))
        (out / "scan" / name).write_bytes(image_only_copy(data, pages))
    return sum(len(pages) for _, _, pages in chosen)


def run(reports: int, front_pages: int, workers: int, cache: Path | None) -> dict:
    if not engine_installed():
        sys.exit(f"no OCR engine ({engine_name()!r}): install it first (`pip install -e .`)")
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        work = Path(tmp)
        os.environ[CACHE_ENV] = str(cache or work / "ocr-cache")
        pages = build_copies(work, reports, front_pages)
        ingest([work / "text"], work / "text.duckdb", workers=workers)
        cpu, wall = own_cpu_seconds(), time.perf_counter()
        report = ingest([work / "scan"], work / "scan.duckdb", workers=workers)
        cpu, wall = own_cpu_seconds() - cpu, time.perf_counter() - wall
        ocr_pages = sum(f.ocr_pages for f in report.files)
        matched = total = 0
        for path in sorted((work / "text").glob("*.pdf")):
            m, t = character_accuracy(read_source(path), read_source(work / "scan" / path.name))
            matched, total = matched + m, total + t
        ofsted = ofsted_fields(work / "text.duckdb", work / "scan.duckdb")
        scorecard, unmarked = scorecard_values(work / "text.duckdb", work / "scan.duckdb")
    return {"pages": pages, "ocr_pages": ocr_pages, "wall": wall, "cpu": cpu, "workers": workers,
            "chars": (matched, total), "ofsted": ofsted, "scorecard": scorecard, "unmarked": unmarked,
            "failed": [f"{f.path}: {f.status} {f.error}" for f in report.failures]}


def report_lines(r: dict) -> list[str]:
    matched, total = r["chars"]
    fields: Agreement = r["ofsted"].add(r["scorecard"])
    lines = [
        f"engine: {engine_name()}; {r['pages']} pages rendered at 200 dpi grayscale, {r['ocr_pages']} OCR'd "
        f"with {r['workers']} worker(s)",
        f"character accuracy: {matched / max(total, 1):.4f} ({matched} of {total} text-layer characters, in order)",
        f"Ofsted front-page fields: {r['ofsted'].same}/{r['ofsted'].expected} ({r['ofsted'].share:.1%})",
        f"scorecard values: {r['scorecard'].same}/{r['scorecard'].expected} ({r['scorecard'].share:.1%}); "
        f"OCR rows without ocr_confidence: {r['unmarked']}",
        f"fields overall: {fields.same}/{fields.expected} ({fields.share:.1%}); target {TARGET:.0%}: "
        f"{'met' if fields.share >= TARGET else 'NOT met'}",
        f"speed: {r['ocr_pages'] / max(r['cpu'], 1e-9):.3f} OCR pages per CPU-second (one core), "
        f"{r['ocr_pages'] / max(r['wall'] * r['workers'], 1e-9):.3f} per second per worker by the clock "
        f"({r['wall']:.0f} s wall, {r['cpu']:.0f} s CPU; load average now {os.getloadavg()[0]:.1f})",
    ]
    lines += [f"  differs: {d}" for d in fields.differences[:40]]
    lines += [f"  not ok: {f}" for f in r["failed"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=40, help="how many shared Ofsted reports (default all)")
    parser.add_argument("--front-pages", type=int, default=2, help="pages from the start of each report")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--engine", help=f"OCR engine (sets {ENGINE_ENV})")
    parser.add_argument("--cache", type=Path, help="reuse this OCR cache (default: a fresh one, so OCR is timed)")
    parser.add_argument("--skip-rules", action="store_true", help="do not count the corpus pages each rule selects")
    args = parser.parse_args(argv)
    if args.engine:
        os.environ[ENGINE_ENV] = args.engine
    if not args.skip_rules:
        for label, folder in (("shared corpus", SHARED_CORPUS), ("project fixtures", ROOT / "corpus" / "fixtures")):
            pages, picked = rule_counts(folder)
            print(f"{label}: {pages} PDF pages; selected for OCR: "
                  + ", ".join(f"{reason} {picked[reason]}" for reason in REASONS))
    result = run(args.reports, args.front_pages, args.workers, args.cache)
    print("\n".join(report_lines(result)))
    fields = result["ofsted"].add(result["scorecard"])
    return 0 if fields.share >= TARGET and not result["unmarked"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
