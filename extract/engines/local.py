"""The local engine: parse in this process, or in a pool of worker processes on this machine."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, Iterator

from extract.engines import SourceTask, worker_failed
from extract.parse_source import SourceJob, SourceOutcome, parse_source_into_parts
from extract.reading.limits import DEFAULT_LIMITS, Limits
from extract.reliability.bounded import close_worker


def run_local(tasks: list[SourceTask], parts_root: Path, force: bool, workers: int = 1,
              limits: Limits = DEFAULT_LIMITS, on_started: Callable[[], None] | None = None,
              storing: Callable[[SourceOutcome], None] | None = None) -> Iterator[SourceOutcome]:
    """`on_started` is called once the first file is handed to a worker process (after the fork); `storing`
    as each part starts to be written in this process (one worker: `SourceJob.finish`). A pool's
    processes store their parts themselves."""
    if workers <= 1:
        try:
            yield from _pipelined(tasks, parts_root, force, limits, on_started, storing)
        finally:
            close_worker()  # the reading process lives as long as this ingest, no longer
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending = {pool.submit(parse_source_into_parts, task.path, parts_root, force, task.data, limits, task.source_id): task
                   for task in tasks}
        if on_started:
            on_started()
        for future in as_completed(pending):
            try:
                yield future.result()
            except Exception as exc:
                yield worker_failed(pending[future], exc)


def _pipelined(tasks: list[SourceTask], parts_root: Path, force: bool, limits: Limits,
               on_started: Callable[[], None] | None = None,
               storing: Callable[[SourceOutcome], None] | None = None) -> Iterator[SourceOutcome]:
    """One worker reads; this process stores. The worker is handed the next file as soon as it has
    answered for the last one, before that answer is unpickled and its part written, so on a machine of
    two cores or more the storing hides behind the reading (on one core they take turns)."""
    previous: SourceJob | None = None
    for task in tasks:
        job = SourceJob(task.path, parts_root, force, task.data, limits, task.source_id)
        if job.needs_reading:
            if previous is not None:
                previous.wait()  # the worker takes one file at a time; its answer is read after the next is sent
            job.start()
            if on_started:
                on_started()
                on_started = None
        if previous is not None:
            yield previous.finish(storing)
        previous = job
    if previous is not None:
        # The worker has nothing left to read once its last answer is in: it is ended now, not after
        # the answer is stored. While it lives, the pages this process shares with it since the fork
        # are copied as this process first writes to each (storing the last part wrote to 1,000-1,500);
        # once it is gone (torn down on another core meanwhile), a page written is this process's own.
        previous.wait()
        close_worker()
        yield previous.finish(storing)
