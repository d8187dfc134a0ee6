"""`make golden`: ingest every golden source into a fresh warehouse and score it.

The baseline (`corpus/golden/baseline.json`) holds, per golden file, table
and field, how many golden values matched last time it was recorded. Any
count that drops fails the run: a parser change that makes a field worse is
caught before it lands.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from extract.golden.compare import GoldenResult, compare_document, compare_source, load_golden, select_document
from extract.pipeline import ingest
from extract.warehouse import Warehouse

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = PROJECT_ROOT / "corpus" / "golden"
BASELINE = GOLDEN_DIR / "baseline.json"


def golden_files() -> list[Path]:
    return sorted(p for p in GOLDEN_DIR.rglob("*.json") if p.name != "baseline.json")


def resolve_source(spec: str) -> Path:
    p = Path(spec)
    return p if p.is_absolute() else (PROJECT_ROOT / p).resolve()


def evaluate(files: list[Path] | None = None, db: Path | None = None) -> list[GoldenResult]:
    """Score golden files against a warehouse built from their sources (a temporary one by default)."""
    files = [Path(f).resolve() for f in files] if files else golden_files()
    goldens = [(f, load_golden(f)) for f in files]
    sources = sorted({resolve_source(g["source"]) for _, g in goldens})
    with tempfile.TemporaryDirectory() as tmp:
        db = db or Path(tmp) / "golden.duckdb"
        ingest([], db, files=sources)
        with Warehouse(db, read_only=True) as wh:
            source_rows = {Path(r["path"]).resolve(): r for r in wh.rows("sources")}
            source_ids = {p: r["source_id"] for p, r in source_rows.items()}
            documents = wh.rows("documents")
            tables = {t for _, g in goldens for d in g["documents"] for t in (d.get("records") or {})}
            rows_by_table = {t: wh.rows(t) for t in tables}
    results = []
    for path, g in goldens:
        result = GoldenResult(str(path.relative_to(PROJECT_ROOT)))
        sid = source_ids.get(resolve_source(g["source"]))
        docs = [d for d in documents if d["source_id"] == sid]
        if sid is None:
            result.problems.append(f"source {g['source']} was not ingested")
        compare_source(g, source_rows.get(resolve_source(g["source"])), result)
        for gdoc in g["documents"]:
            compare_document(gdoc, select_document(gdoc["select"], docs), rows_by_table, result)
        results.append(result)
    return results


def check_baseline(results: list[GoldenResult], baseline: dict) -> list[str]:
    """Every (file, table, field) count that dropped below its baseline."""
    worse = []
    for r in results:
        before = baseline.get(r.path, {})
        now = r.counts()
        for table, fields in before.items():
            for fname, n in fields.items():
                got = now.get(table, {}).get(fname, 0)
                if got < n:
                    worse.append(f"{r.path}: {table}.{fname} matched {got}, baseline {n}")
    return worse


def run_golden(files: list[Path] | None = None, update_baseline: bool = False, verbose: bool = False,
               console: Console | None = None) -> bool:
    console = console or Console()
    results = evaluate(files)
    print_report(results, console, verbose)
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    if update_baseline:
        for r in results:
            baseline[r.path] = r.counts()
        BASELINE.write_text(json.dumps(baseline, indent=1, sort_keys=True) + "\n")
        console.print(f"baseline written: {BASELINE.relative_to(PROJECT_ROOT)}")
        return True
    worse = check_baseline(results, baseline)
    for line in worse:
        console.print(f"[bold red]WORSE[/] {line}")
    if not worse:
        console.print("[green]no field got worse than the baseline")
    return not worse


def print_report(results: list[GoldenResult], console: Console, verbose: bool) -> None:
    totals: dict[tuple[str, str], list[int]] = {}
    t = Table(title="golden corpus: per table")
    for col in ("table", "golden rows", "paired", "recall", "precision", "values right", "wrong", "missing"):
        t.add_column(col, justify="right" if col != "table" else "left")
    agg: dict[str, list] = {}
    for r in results:
        for name, s in r.tables.items():
            a = agg.setdefault(name, [0, 0, 0, 0, 0, 0, 0, False])
            a[0] += s.golden_rows
            a[1] += s.paired_rows
            a[2] += s.produced_rows
            a[3] += s.extra_rows
            a[4] += sum(f.matched for f in s.fields.values())
            a[5] += sum(f.wrong for f in s.fields.values())
            a[6] += sum(f.missing for f in s.fields.values())
            a[7] = a[7] or s.complete
            for fname, f in s.fields.items():
                tot = totals.setdefault((name, fname), [0, 0])
                tot[0] += f.matched
                tot[1] += f.total
    for name, (g, p, prod, extra, right, wrong, missing, complete) in sorted(agg.items()):
        recall = p / g if g else 1.0
        precision = f"{(p / (p + extra)) if (p + extra) else 1.0:.3f}" if complete else "-"
        t.add_row(name, str(g), str(p), f"{recall:.3f}", precision, str(right), str(wrong), str(missing))
    console.print(t)
    f = Table(title="golden corpus: per field (values right / golden values)")
    f.add_column("table.field")
    f.add_column("right", justify="right")
    f.add_column("share", justify="right")
    for (table, fname), (m, n) in sorted(totals.items()):
        f.add_row(f"{table}.{fname}", f"{m}/{n}", f"{m / n:.3f}" if n else "-")
    console.print(f)
    pf = Table(title="golden corpus: per file (rows: precision / recall where the golden is complete)")
    pf.add_column("file")
    pf.add_column("tables")
    for r in results:
        parts = []
        for name, s in sorted(r.tables.items()):
            p = s.precision
            parts.append(f"{name} R={s.recall:.2f}" + (f" P={p:.2f}" if p is not None else ""))
        pf.add_row(r.path, "; ".join(parts))
    console.print(pf)
    if verbose:
        for r in results:
            problems = r.problems + [p for s in r.tables.values() for p in s.problems]
            if problems:
                console.print(f"[bold]{r.path}")
                for p in problems:
                    console.print(f"  {p}", markup=False)
