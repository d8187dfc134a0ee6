"""`extract`: the command line, a thin layer over the library in `extract/`.

Every command takes `--db PATH` (default outputs/warehouse.duckdb).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from extract.reading.limits import DEFAULT_LIMITS
from extract.warehouse import DEFAULT_DB

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
console = Console()
err = Console(stderr=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="DuckDB warehouse file")


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="PDF or .txt files, or folders of them"),
    db: Path = DbOption,
    force: bool = typer.Option(False, "--force", help="re-read files already ingested"),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="worker processes (default: 1 local; dask: one per core)"),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://HOST:8786"),
    parts: Optional[Path] = typer.Option(None, "--parts", help="Parquet parts folder (default: beside --db); "
                                         "on a cluster, a path every worker sees"),
    no_wait: bool = typer.Option(False, "--no-wait", help="if another ingest is writing, stop (exit 3) instead of waiting"),
    timeout: float = typer.Option(DEFAULT_LIMITS.seconds, "--timeout", min=0,
                                  help="seconds one file may take before it fails as timed out (0: no limit)"),
    max_pages: int = typer.Option(DEFAULT_LIMITS.max_pages, "--max-pages", min=1, help="refuse a PDF with more pages"),
    max_stream_mb: int = typer.Option(DEFAULT_LIMITS.max_stream_mb, "--max-stream-mb", min=1,
                                      help="refuse a PDF whose streams decompress to more MB"),
) -> None:
    """Read, split, parse and load files into the warehouse. Exit 1 if any file failed; exit 3 if it
    could not start (another ingest writing, with --no-wait; a Dask scheduler out of reach).

    Parsed sources become Parquet parts; the warehouse file is then replaced
    whole by a new snapshot, so notebooks reading it are never blocked.
    """
    import duckdb

    from extract.engines import ENGINES
    from extract.pipeline import discover, ingest as run_ingest
    from extract.reading import Limits

    limits = Limits(seconds=timeout, max_pages=max_pages, max_stream_mb=max_stream_mb)

    if engine not in ENGINES:
        err.print(f"[red]unknown engine {engine!r}: choose {' or '.join(ENGINES)}")
        raise typer.Exit(2)
    if scheduler and engine != "dask":
        err.print("[red]--scheduler needs --engine dask")
        raise typer.Exit(2)
    workers = workers or (0 if engine == "dask" else 1)  # 0: a Dask LocalCluster sized to the machine

    files, problems = discover(paths)
    started = time.perf_counter()
    pages_done = ocr_done = 0
    # Shown from the first finished file on: a wait for another ingest's lock is said in one line first.
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
        TextColumn("{task.fields[pages]} pages, {task.fields[rate]} pages/s, {task.fields[ocr]} by OCR"),
        TimeElapsedColumn(), console=err, transient=False,
    )
    task = progress.add_task("ingest", total=len(files) + len(problems), pages=0, rate="-", ocr=0)

    def on_file(outcome) -> None:
        nonlocal pages_done, ocr_done
        progress.start()
        pages_done += outcome.pages
        ocr_done += outcome.ocr_pages
        elapsed = max(time.perf_counter() - started, 1e-6)
        progress.update(task, advance=1, pages=pages_done, rate=f"{pages_done / elapsed:.0f}", ocr=ocr_done)

    try:
        report = run_ingest(paths, db, force=force, on_file=on_file, workers=workers, engine=engine,
                            scheduler=scheduler, parts=parts, wait=not no_wait, limits=limits,
                            on_wait=lambda line: err.print(line, markup=False, soft_wrap=True))
    except (OSError, duckdb.Error) as exc:  # a full disk, a file-size limit, a read-only folder
        progress.stop()  # before the message, so the bar does not overwrite it (stopping twice is harmless)
        err.print(f"cannot write the warehouse {db}: {_first_line(exc)}", soft_wrap=True, markup=False,
                  highlight=False)
        raise typer.Exit(2)
    finally:
        progress.stop()
    _print_ingest_summary(report, db)
    raise typer.Exit(1 if report.failures else 0)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return " ".join(lines[:1]) or type(exc).__name__


def _print_ingest_summary(report, db: Path) -> None:
    counts: dict[str, int] = {}
    for f in report.files:
        for t in f.doc_types:
            counts[t] = counts.get(t, 0) + 1
    by_status: dict[str, int] = {}
    for f in report.files:
        by_status[f.status] = by_status.get(f.status, 0) + 1
    table = Table(title=f"Documents found ({db})")
    table.add_column("document type")
    table.add_column("documents", justify="right")
    for doc_type, n in sorted(counts.items()):
        table.add_row(doc_type, str(n))
    console.print(table)
    console.print("files: " + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())))
    if ocr_pages := sum(f.ocr_pages for f in report.files):
        console.print(f"pages read by OCR: {ocr_pages} (their records carry ocr_confidence)")
    if report.failures:
        console.print("[bold red]failures:")
        for f in report.failures:
            console.print(f"  {f.path}: {f.error}")


@app.command()
def docs(path: Path = typer.Argument(..., help="a PDF or .txt file")) -> None:
    """Show the documents found inside one file (no database needed)."""
    from extract.reading import UnreadableSource, read_source
    from extract.splitting import split_source

    try:
        source = read_source(path)
    except UnreadableSource as exc:
        err.print(f"[red]{path}: {exc}")
        raise typer.Exit(1)
    table = Table(title=f"{path.name}: {len(source.pages)} pages")
    for col in ("#", "type", "confidence", "pages", "lines", "date", "authority", "title", "typed by"):
        table.add_column(col)
    for n, d in enumerate(split_source(source), start=1):
        lines = f"{d.line_start}-{d.line_end}" if source.kind == "text" else ""
        confidence = f"{d.typing_confidence} ({d.typing_score})" if d.typing_confidence else ""
        table.add_row(str(n), d.doc_type, confidence, f"{d.page_start}-{d.page_end}", lines,
                      str(d.document_date or ""), d.local_authority or "", d.title[:60], ", ".join(d.typing_cues))
    console.print(table)


@app.command()
def stats(db: Path = DbOption) -> None:
    """Row counts per table and documents per type and status."""
    from extract.warehouse import Warehouse

    with Warehouse(db, read_only=True) as wh:
        t = Table(title="tables")
        t.add_column("table")
        t.add_column("rows", justify="right")
        for (name,) in wh.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='main' AND table_type='BASE TABLE' ORDER BY 1"
        ).fetchall():
            t.add_row(name, str(wh.con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]))
        console.print(t)
        d = Table(title="documents")
        for col in ("type", "status", "documents", "pages"):
            d.add_column(col)
        for row in wh.con.execute(
            "SELECT doc_type, status, count(*), sum(page_end - page_start + 1) FROM documents GROUP BY ALL ORDER BY 1, 2"
        ).fetchall():
            d.add_row(*[str(x) for x in row])
        console.print(d)
        s = Table(title="sources")
        for col in ("status", "files"):
            s.add_column(col)
        for row in wh.con.execute("SELECT status, count(*) FROM sources GROUP BY 1 ORDER BY 1").fetchall():
            s.add_row(*[str(x) for x in row])
        console.print(s)


@app.command()
def export(
    format: str = typer.Option("parquet", "--format", help="parquet, csv or jsonl"),
    out: Path = typer.Option(..., "--out", help="folder to write one file per table into"),
    db: Path = DbOption,
) -> None:
    """Write every table to files (one per table)."""
    from extract.export import export_tables

    try:
        written = export_tables(db, out, format)
    except ValueError as exc:
        err.print(f"[red]{exc}")
        raise typer.Exit(2)
    for path, n in written:
        console.print(f"{path}  ({n} rows)")


@app.command()
def golden(
    files: Optional[List[Path]] = typer.Argument(None, help="golden files (default: all of corpus/golden)"),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="record today's counts as the new floor"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="list every wrong and missing value"),
) -> None:
    """Check the pipeline against the hand-checked golden corpus. Exit 1 if any field got worse."""
    from extract.golden import run_golden

    ok = run_golden(files or None, update_baseline=update_baseline, verbose=verbose, console=console)
    raise typer.Exit(0 if ok else 1)


@app.command()
def check(
    db: Path = DbOption,
    exceptions: Optional[Path] = typer.Option(None, "--exceptions", help="CSV of documented exceptions: file_name, rule, page, reason"),
) -> None:
    """Check every Ofsted report in the warehouse against the invariants a correct reading meets.

    One line per document that breaks a rule. Exit 1 if any does."""
    from extract.check import check_warehouse, count_documents, load_exceptions, summary
    from extract.warehouse import Warehouse

    try:
        allowed = load_exceptions(exceptions) if exceptions else []
    except (OSError, ValueError) as exc:
        err.print(f"[red]{exc}", soft_wrap=True)
        raise typer.Exit(2)
    with Warehouse(db, read_only=True) as wh:
        found = check_warehouse(wh.con, allowed)
        total = count_documents(wh.con)
    for c in found:
        console.print(c.line(), soft_wrap=True, markup=False, highlight=False)
    console.print(summary(found, total), soft_wrap=True, markup=False, highlight=False)
    raise typer.Exit(1 if found else 0)


@app.command("compare-third-party")
def compare_third_party(
    csv: Path = typer.Argument(Path("../shared/corpus/ofsted/third_party_extraction.csv"), help="the other tool's CSV"),
    db: Path = DbOption,
) -> None:
    """List every disagreement between the warehouse's Ofsted inspections and another tool's CSV."""
    from extract.warehouse import Warehouse
    from extract.third_party import compare_with_third_party, inspections_from_warehouse

    with Warehouse(db, read_only=True) as wh:
        found = compare_with_third_party(inspections_from_warehouse(wh.con), csv)
    table = Table(title=f"{len(found)} disagreements with {csv.name}")
    for col in ("file", "field", "ours", "theirs", "kind"):
        table.add_column(col)
    for d in found:
        table.add_row(str(d.file), str(d.field), str(d.ours), str(d.theirs), str(d.kind))
    console.print(table)
    kinds: dict[str, int] = {}
    for d in found:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    console.print(", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))


@app.command()
def query(
    sql: str = typer.Argument(..., help="one SQL statement, e.g. \"SELECT * FROM latest_ofsted_judgements\""),
    format: str = typer.Option("table", "--format", help="table, csv or json"),
    db: Path = DbOption,
) -> None:
    """Run SQL against the warehouse (read-only; the analyst views in docs/views.md are available)."""
    from extract.query import QueryError, as_csv, as_json, run_query

    if format not in ("table", "csv", "json"):
        err.print(f"[red]unknown format {format!r}: use table, csv or json")
        raise typer.Exit(2)
    try:
        columns, rows = run_query(db, sql)
    except QueryError as exc:
        err.print(f"[red]{exc}")
        raise typer.Exit(1)
    if format == "csv":
        sys.stdout.write(as_csv(columns, rows))
    elif format == "json":
        sys.stdout.write(as_json(columns, rows) + "\n")
    else:
        table = Table(caption=f"{len(rows)} rows")
        for c in columns:
            table.add_column(c)
        for row in rows:
            table.add_row(*["" if v is None else str(v) for v in row])
        console.print(table)


@app.command()
def schema(
    out: Optional[Path] = typer.Option(None, "--out", help="folder for the JSON Schema files (default docs/schema)"),
) -> None:
    """Write the JSON Schema of every table's model and regenerate docs/schema.md."""
    from extract.schema_docs import DEFAULT_JSON_DIR, write_schema

    for path in write_schema(out or DEFAULT_JSON_DIR):
        console.print(str(path))


@app.command()
def plot(
    kind: str = typer.Argument(..., help="indicator, aip or ofsted"),
    name: str = typer.Argument(..., help="the indicator, AIP metric or authority (a unique part of it will do)"),
    out: Path = typer.Option(..., "--out", help="PNG file to write"),
    db: Path = DbOption,
) -> None:
    """Draw a PNG chart: a scorecard indicator, an AIP metric, or an authority's Ofsted history."""
    from extract.plot import NothingToPlot, plot_aip_metric, plot_indicator, plot_ofsted_history

    draw = {"indicator": plot_indicator, "aip": plot_aip_metric, "ofsted": plot_ofsted_history}.get(kind)
    if draw is None:
        err.print(f"[red]unknown chart {kind!r}: use indicator, aip or ofsted")
        raise typer.Exit(2)
    try:
        chart = draw(db, name, out)
    except NothingToPlot as exc:
        err.print(f"[red]{exc}")
        raise typer.Exit(1)
    points = sum(len(s) for s in chart.series.values())
    console.print(f"{chart.out}: {chart.title} ({points} points in {len(chart.series)} series)")


def main() -> None:
    """The `extract` command: the app, with a missing warehouse said in one line, not a traceback."""
    from extract.warehouse import NoWarehouse
    from extract.engines import EngineUnavailable
    from extract.warehouse.lock import WarehouseBusy

    try:
        app()
    except NoWarehouse as exc:
        err.print(f"[red]{exc}", soft_wrap=True)
        raise SystemExit(2)
    except (WarehouseBusy, EngineUnavailable) as exc:
        err.print(str(exc), style="red", soft_wrap=True, markup=False)
        raise SystemExit(3)


if __name__ == "__main__":
    main()
