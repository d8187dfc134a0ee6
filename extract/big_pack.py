"""`make bench`'s memory measure of a big pack: shared PDFs joined into one file of 2,000+ pages, ingested in a child.

The peak quoted is the larger of the ingesting process's and its reading child's
high-water marks (VmHWM and RUSAGE_CHILDREN), since files are read in a
forked worker (extract/reliability/bounded.py).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]


def join_pdfs(files: list[Path], pages: int, out: Path) -> int:
    """Append the files in turn (repeating them if need be) until the pack has at least `pages` pages."""
    pack = pymupdf.open()
    while pack.page_count < pages:
        for f in files:
            with pymupdf.open(f) as part:
                pack.insert_pdf(part)
            if pack.page_count >= pages:
                break
    pack.save(out, garbage=1, deflate=True)
    count = pack.page_count
    pack.close()
    return count


def ingest_peak_mb(pack: Path, db: Path) -> tuple[float, float, str]:
    code = (
        "import resource, sys\n"
        "from extract.pipeline import ingest\n"
        f"report = ingest([{str(pack)!r}], {str(db)!r})\n"
        "own = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "from extract.reliability.bounded import reap_killed_workers\n"
        "reap_killed_workers(wait=True)  # a child's peak is counted once it is reaped\n"
        "child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(own, child, report.files[0].status, report.pages)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    own, child, status, pages = out.stdout.strip().splitlines()[-1].split()
    return int(own) / 1024, int(child) / 1024, f"{status}, {pages} pages"


def big_pack_peak(files: list[Path], pages: int = 2000) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack.pdf"
        count = join_pdfs(files, pages, pack)
        own, child, outcome = ingest_peak_mb(pack, Path(tmp) / "bench.duckdb")
        return (f"peak memory, ingest of one {count}-page pack joined from the shared PDFs "
                f"({pack.stat().st_size / 1e6:.0f} MB; {outcome}): {max(own, child):.0f} MB RSS "
                f"(writer {own:.0f} MB, reading child {child:.0f} MB)")
