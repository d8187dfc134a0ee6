"""Engines: where `parse_source_into_parts` runs. Both take the same tasks and yield the same outcomes.

- `local`: in this process (one worker) or a process pool (default engine);
- `dask`: a Dask cluster, a `LocalCluster` sized to the machine unless a scheduler address is given.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ENGINES = ("local", "dask")


class EngineUnavailable(RuntimeError):
    """The engine cannot start or be reached (a wrong scheduler address, a cluster that is down)."""


@dataclass
class SourceTask:
    """One source to parse: its path, its hash as the client read it, and its bytes when already in memory."""

    path: Path
    source_id: str
    data: bytes | None = None
    size: int = 0


def largest_first(tasks: list[SourceTask]) -> list[SourceTask]:
    """Start the biggest files first, so no worker is left with a big one while the others idle at the end."""
    return sorted(tasks, key=lambda t: -t.size)


def worker_failed(task: SourceTask, exc: BaseException):
    """A worker died under a task (out of memory, a crash in a C library, killed too often)."""
    from extract.parse_source import SourceOutcome

    message = f"worker failed: {type(exc).__name__}: {exc}".splitlines()[0][:500]
    return SourceOutcome(str(task.path), task.source_id, "failed", message)
