"""The Dask engine: one task per source on a Dask cluster.

With no scheduler address it starts a `distributed.LocalCluster` of worker
processes sized to the machine (or to `workers`). Workers read each file from
its path and write its part under the parts root, so on a real cluster both
must be on a filesystem every worker sees. Workers hand back only the small
outcome; the client keeps the manifest and builds the warehouse.

A worker that dies mid-task is replaced and its task rerun by Dask (up to the
scheduler's `allowed-failures`); the part's write-then-rename means the dead
attempt left nothing but a temporary folder, cleared at the next ingest.
"""
from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path
from typing import Iterator

from extract.engines import EngineUnavailable, SourceTask, worker_failed
from extract.parse_source import SourceOutcome, parse_source_into_parts
from extract.reading.limits import DEFAULT_LIMITS, Limits


def run_dask(tasks: list[SourceTask], parts_root: Path, force: bool, workers: int = 0,
             scheduler: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[SourceOutcome]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise EngineUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}".splitlines()[0]) from None
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        yield from _map(client, tasks, Path(parts_root).resolve(), force, as_completed, limits)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _map(client, tasks: list[SourceTask], root: Path, force: bool, as_completed,
         limits: Limits = DEFAULT_LIMITS) -> Iterator[SourceOutcome]:
    batch = uuid.uuid4().hex[:8]
    futures = {
        client.submit(parse_source_into_parts, str(task.path.resolve()), str(root), force, None, limits,
                      key=f"parse-source-{task.source_id[:16]}-{batch}-{i}", pure=False): task
        for i, task in enumerate(tasks)
    }
    for future in as_completed(futures):
        task = futures.pop(future)
        try:
            outcome = future.result()
        except Exception as exc:  # KilledWorker after too many deaths, or a lost worker on a remote cluster
            outcome = worker_failed(task, exc)
        outcome.path = str(task.path)
        future.release()
        yield outcome
