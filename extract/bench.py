"""`make bench`: how fast the pipeline reads, and what it costs in memory.

Prints, in one run over the shared corpus:
- pages per second for read + split + classify, beside plain pymupdf text
  extraction of the same PDFs, and the ratio between them;
- pages per second end to end (read, split, parse, validate, load) for the
  Ofsted folders (ofsted/ and ofsted-national/), for the minutes, and for
  performance reports (the scorecard fixtures and three card-style reports of
  132 cards each drawn by corpus/fixtures/card_reports.py; needs reportlab, a test extra);
- the whole corpus on the local engine and on the Dask engine (a LocalCluster),
  at 1 and 2 workers;
- peak memory (RSS) of reading + splitting the largest file, in a child process;
- peak memory of ingesting one 2,000-page pack joined from the shared PDFs (extract/big_pack.py).

Each speed is the best of `REPEAT` runs (as `timeit` reports): this machine's
speed drifts by a fifth from one minute to the next with its neighbours' load,
and the best run is the one that measures the code rather than the neighbours.
The Dask lines are measured once (a cluster costs seconds to start).
"""
from __future__ import annotations

import glob
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

from extract.bench_engines import own_cpu_seconds, print_engines, warm_sample, warm_worker

REPEAT = 3
ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def _pdfs() -> list[Path]:
    return [Path(p) for p in sorted(glob.glob(str(SHARED / "corpus" / "*" / "*.pdf"))) if not p.endswith("bromley-2012-08-17.pdf")]


def plain_pymupdf(files: list[Path]) -> tuple[int, float]:
    started = time.perf_counter()
    pages = 0
    for f in files:
        with pymupdf.open(f) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return pages, time.perf_counter() - started


def read_split_classify(files: list[Path]) -> tuple[int, float]:
    from extract.reading import read_source
    from extract.splitting import split_source

    started = time.perf_counter()
    pages = 0
    for f in files:
        source = read_source(f)
        split_source(source)
        pages += len(source.pages)
    return pages, time.perf_counter() - started


def end_to_end(files: list[Path], workers: int = 1) -> tuple[int, float]:
    from extract.pipeline import ingest

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = ingest([], Path(tmp) / "bench.duckdb", files=files, workers=workers)
        return report.pages, time.perf_counter() - started


def rerun_unchanged(files: list[Path]) -> float:
    """Seconds to ingest again a folder already ingested (every file skipped by its hash)."""
    from extract.pipeline import ingest

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        ingest([], db, files=files)
        started = time.perf_counter()
        ingest([], db, files=files)
        return time.perf_counter() - started


def performance_reports(folder: Path) -> list[Path]:
    """Card-style performance reports drawn into `folder`, beside the committed scorecard fixtures."""
    sys.path.insert(0, str(ROOT / "corpus" / "fixtures"))
    import card_report_specs as specs
    import card_reports as cr

    title, subtitle = "Children's Services Performance Report", "Quarter 3 2024/25"
    sections = [(f"Priority {k + 1}", specs.cards(12, 12 * k)) for k in range(11)]
    files = []
    for name, layout, rows_per_page in (("one-a-row", cr.Layout(), 2),
                                        ("two-a-row-charts", cr.Layout(per_row=2, chart=True), 1),
                                        ("three-a-row-colour", cr.Layout(per_row=3, labels="above", rag_as_colour=True), 1)):
        report = cr.Report(title, subtitle, sections, layout, cards_per_page=rows_per_page)
        files.append(cr.build(folder / f"cards-{name}.pdf", report))
    return files + sorted((ROOT / "corpus" / "fixtures" / "scorecard").glob("*.pdf"))


def peak_memory_mb(path: Path) -> float:
    code = (
        "import resource, sys\n"
        "from extract.reading import read_source\nfrom extract.splitting import split_source\n"
        f"split_source(read_source({str(path)!r}))\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent.
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def best(measure, *args) -> tuple[int, float]:
    """(pages, seconds) of the fastest of REPEAT runs."""
    return min((measure(*args) for _ in range(REPEAT)), key=lambda run: run[1])


def main() -> None:
    pdfs = _pdfs()
    plain_pymupdf(pdfs[:2])  # warm the file cache so neither side pays for the disk
    # Taken in turns, so a drift in the machine's speed (which lasts minutes) falls on both sides of the ratio.
    plain_runs, our_runs = zip(*((plain_pymupdf(pdfs), read_split_classify(pdfs)) for _ in range(REPEAT)))
    (n_plain, t_plain), (n_ours, t_ours) = (min(runs, key=lambda run: run[1]) for runs in (plain_runs, our_runs))
    plain_rate, our_rate = n_plain / t_plain, n_ours / t_ours
    print(f"PDFs: {len(pdfs)} files, {n_ours} pages (shared corpus, less the HTML page); best of {REPEAT} runs")
    print(f"plain pymupdf get_text:      {plain_rate:8.0f} pages/s")
    print(f"read + split + classify:     {our_rate:8.0f} pages/s  ({our_rate / plain_rate:.2f} of plain extraction)")
    ofsted = [p for p in pdfs if p.parent.name in ("ofsted", "ofsted-national")]
    n, t = best(end_to_end, ofsted)
    print(f"Ofsted folders end to end:   {n / t:8.0f} pages/s  ({len(ofsted)} reports, {n} pages in {t:.2f}s: "
          "read, split, parse, validate, load; ofsted/ + ofsted-national/)")
    minutes = [p for p in pdfs if "minutes" in p.name]
    warm_worker(warm_sample(minutes))  # build the spaCy rule pipeline once, as a long ingest would, outside the timing
    n, t = best(end_to_end, minutes)
    print(f"minutes end to end:          {n / t:8.0f} pages/s  ({n} pages in {t:.2f}s)")
    with tempfile.TemporaryDirectory() as folder:
        reports = performance_reports(Path(folder))
        runs = []
        for _ in range(REPEAT):
            cpu = own_cpu_seconds()  # with the reading workers', once reaped
            n, t = end_to_end(reports)
            runs.append((t, own_cpu_seconds() - cpu, n))
        t, cpu, n = min(runs)
    # CPU seconds too: on a shared machine the wall clock counts other processes' time.
    print(f"performance reports end to end: {n / t:5.0f} pages/s  ({n} pages in {t:.2f}s: cards and tables, "
          f"{len(reports)} files; {n / cpu:.0f} pages per CPU second)")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in seeds)
    _, t = best(end_to_end, seeds)
    print(f"seed packs (text) end to end: {lines / t:7.0f} lines/s  ({lines} lines in {t:.2f}s)")
    everything = pdfs + seeds
    print_engines(everything, REPEAT)
    print(f"re-run on the unchanged corpus: {rerun_unchanged(everything):.2f}s (every file skipped by its hash)")
    largest = max(pdfs, key=lambda p: p.stat().st_size)
    from extract.big_pack import big_pack_peak

    print(big_pack_peak(pdfs))
    print(f"peak memory, read + split of the largest file ({largest.name}, {largest.stat().st_size / 1e6:.1f} MB): "
          f"{peak_memory_mb(largest):.0f} MB RSS")


if __name__ == "__main__":
    main()
