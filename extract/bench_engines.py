"""`make bench`, engines: the whole corpus end to end on the local and the Dask engine, 1 and 2 workers.

Wall-clock pages/s is what a user waits for; pages per CPU-second (the
ingesting process, its pool's children, and the Dask workers) is the
per-core rate that costs a larger run, and holds even on a busy machine.
The Dask LocalCluster is started and warmed before the clock starts: a
cluster outlives one ingest. The local pool's start-up (a fork) is inside
its own timing, as it is in every ingest.
"""
from __future__ import annotations

import logging
import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    pages: int
    seconds: float
    cpu_seconds: float

    def line(self, label: str) -> str:
        return (f"{label:<31}{self.pages / self.seconds:6.0f} pages/s  ({self.pages} pages in {self.seconds:.2f}s; "
                f"{self.pages / self.cpu_seconds:.0f} pages per CPU-second)")


def warm_worker(sample: Path) -> None:
    """What a long-running worker has done before its next file: parsed one (the minutes parser builds
    its spaCy pipeline on first use)."""
    from extract.parse import parse_documents
    from extract.read_documents import read_documents

    parse_documents(read_documents(sample)[1])


def warm_sample(files: list[Path]) -> Path:
    """The smallest set of minutes among the files: enough to build every parser's lazy state."""
    minutes = [f for f in files if "minutes" in f.name] or files
    return min(minutes, key=lambda f: f.stat().st_size)


def own_cpu_seconds() -> float:
    """CPU seconds of this process and of its children, the reading workers an ingest killed included (their
    time is counted once they are reaped: an ingest leaves that to the next fork, so it is done here)."""
    from extract.reliability.bounded import reap_killed_workers

    reap_killed_workers(wait=True)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def cpu_with_reading_worker() -> float:
    """A Dask worker's CPU seconds with its reading workers'. It keeps them alive between tasks (one per
    task thread), and a child's time counts in its parent's only once reaped: the live ones are read
    from the system (psutil, which Dask itself needs)."""
    import psutil

    cpu = own_cpu_seconds()
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # ended since it was listed: counted above once reaped, or lost with it
            continue
        cpu += times.user + times.system
    return cpu


def local_run(files: list[Path], workers: int) -> Run:
    from extract.pipeline import ingest

    with tempfile.TemporaryDirectory() as tmp:
        cpu, started = own_cpu_seconds(), time.perf_counter()
        report = ingest([], Path(tmp) / "bench.duckdb", files=files, workers=workers)
        return Run(report.pages, time.perf_counter() - started, own_cpu_seconds() - cpu)


def dask_run(files: list[Path], workers: int) -> Run:
    from distributed import Client, LocalCluster

    from extract.pipeline import ingest

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(warm_worker, warm_sample(files))
        worker_cpu = sum(client.run(cpu_with_reading_worker).values())
        with tempfile.TemporaryDirectory() as tmp:
            cpu, started = own_cpu_seconds(), time.perf_counter()
            report = ingest([], Path(tmp) / "bench.duckdb", files=files, engine="dask",
                            scheduler=cluster.scheduler_address)
            seconds = time.perf_counter() - started
            cpu = own_cpu_seconds() - cpu + sum(client.run(cpu_with_reading_worker).values()) - worker_cpu
        return Run(report.pages, seconds, cpu)


def print_engines(files: list[Path], repeat: int = 1) -> None:
    for workers in (1, 2):
        run = min((local_run(files, workers) for _ in range(repeat)), key=lambda r: r.seconds)
        print(run.line(f"whole corpus, local, {workers} worker{'s' if workers > 1 else ''}:"))
    for workers in (1, 2):  # a cluster per run costs seconds to start: measured once
        print(dask_run(files, workers).line(f"whole corpus, dask, {workers} worker{'s' if workers > 1 else ''}:"))
