"""The writer lock: one ingest at a time per parts root, readers never wait.

`writer.lock` in the parts root is held with `flock` for the whole ingest
(parts, manifest, snapshot) and says who holds it. A second ingest waits,
saying once which process it waits for, or with `wait=False` stops with
that line. The kernel drops the lock when its holder dies, however it dies,
so a killed ingest never leaves the warehouse locked.
"""
from __future__ import annotations

import fcntl
import os
import socket
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

FILE = "writer.lock"


class WarehouseBusy(RuntimeError):
    """Another ingest holds the writer lock (and we were told not to wait)."""


class WriterLock:
    def __init__(self, root: str | Path, wait: bool = True, on_wait: Callable[[str], None] | None = None):
        self.file = Path(root) / FILE
        self.wait = wait
        self.on_wait = on_wait
        self._handle = None

    def __enter__(self) -> "WriterLock":
        self.file.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.file, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            if not self.wait:
                handle.close()
                raise WarehouseBusy(f"{self.file.parent} is being written by {holder}; not waiting (--no-wait)") from None
            if self.on_wait:
                self.on_wait(f"waiting for {holder} to finish writing {self.file.parent}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        try:  # unbuffered, so a write that failed leaves nothing in a buffer to fail again at close
            os.write(handle.fileno(), holder_line().encode("utf-8"))
        except OSError:  # a full disk: the lock is held all the same, only who holds it goes unsaid
            pass
        self._handle = handle
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            self._handle.truncate(0)
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def holder_line() -> str:
    started = datetime.now(timezone.utc).strftime("%H:%M:%S UTC")
    command = " ".join([Path(sys.argv[0]).name, *sys.argv[1:]])[:120] if sys.argv and sys.argv[0] else "python"
    return f"pid {os.getpid()} on {socket.gethostname()} ({command}, since {started})"
