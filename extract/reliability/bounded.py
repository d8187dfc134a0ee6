"""Run one call in a forked child under a time limit, so no single file can hang or kill a batch.

A signal alarm cannot stop MuPDF or a regular expression stuck inside C, and a
segfault in a C library takes the whole process with it. A child process can
be killed at the deadline, and its death is only one file's failure. Forking
costs a few milliseconds per file and shares the parent's imported modules,
so nothing is imported again. The result comes back pickled through a pipe.

Where `fork` does not exist, or the limit is 0, the call runs in this process
with no time limit; an exception is still turned into one line of reason.
"""
from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import time
import warnings
from typing import Any, Callable


class BoundedFailure(Exception):
    """The call did not return a result; `str(exc)` is the one-line reason."""


class TimedOut(BoundedFailure):
    pass


class WorkerDied(BoundedFailure):
    pass


class WorkerRaised(BoundedFailure):
    pass


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")[:400]


def run_bounded(fn: Callable[..., Any], args: tuple, seconds: float) -> Any:
    """`fn(*args)`, or `BoundedFailure` if it raised, died or ran past `seconds`."""
    if seconds <= 0 or not hasattr(os, "fork"):
        try:
            return fn(*args)
        except Exception as exc:
            raise WorkerRaised(f"internal error: {one_line(exc)}") from exc
    read_end, write_end = os.pipe()
    # Without this the child's garbage collector walks, and so copies, every page of the parent's heap.
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit handlers
        os.close(read_end)
        _child(fn, args, write_end)
    os.close(write_end)
    try:
        payload = _collect(read_end, pid, seconds)
    finally:
        os.close(read_end)
    _, status = os.waitpid(pid, 0)
    try:
        kind, value = pickle.loads(payload)
    except Exception:
        raise WorkerDied(f"the reading process died ({_describe(status)})") from None
    if kind == "raised":
        raise WorkerRaised(f"internal error: {value}")
    result, sent = value
    for message, category in sent:
        warnings.warn(message, category, stacklevel=2)
    return result


def _child(fn: Callable[..., Any], args: tuple, write_end: int) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        # Warnings the call gives (no OCR engine, say) are sent back with the result and given again in
        # the parent, where the caller can see them.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = fn(*args)
                sent = [(str(w.message), w.category) for w in caught]
                payload = pickle.dumps(("ok", (result, sent)), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as exc:
                payload = pickle.dumps(("raised", one_line(exc)))
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _collect(read_end: int, pid: int, seconds: float) -> bytes:
    """Read the child's whole answer, killing it at the deadline."""
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise TimedOut(f"timed out after {seconds:g} s")
        ready, _, _ = select.select([read_end], [], [], left)
        if ready:
            chunk = os.read(read_end, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            return f"killed by {signal.Signals(sig).name}"
        except ValueError:
            return f"killed by signal {sig}"
    return f"exit status {os.WEXITSTATUS(status)}"
