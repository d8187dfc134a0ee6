"""Run calls in a forked worker process under a time limit, so no single file can hang or kill a batch.

A signal alarm cannot stop MuPDF or a regular expression stuck inside C, and a
segfault in a C library takes the whole process with it. A child process can
be killed at the deadline, and its death is only one file's failure.

One worker serves file after file: forking a fresh child per file cost 14 ms a
file (the copy-on-write of the parent's heap as the child touched it), a seventh
of the Ofsted folder's ingest time. The worker is forked on first use, so it
shares the parent's imported modules and nothing is imported again; calls and
results go to it and back pickled through pipes. It is killed and forgotten
when a call times out or it dies, and the next call forks a new one; it is
also retired once it has grown by `RETIRE_GROWTH_MB` (a big pack read leaves
its memory with the process), so one file's peak is not carried into the
next. `close_worker()` ends it: the local engine calls it at the end of an
ingest, so its worker never outlives the ingest that made it; a pool's process
keeps its own until it exits, then ends it and waits for it; a Dask worker
process keeps its own until it exits, and a worker whose parent has gone sees
its request pipe close and exits.

Where `fork` does not exist, or the limit is 0, the call runs in this process
with no time limit; an exception is still turned into one line of reason.
"""
from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import struct
import threading
import time
import warnings
from typing import Any, Callable

# A worker that has grown by this much since it was forked is retired after its call.
RETIRE_GROWTH_MB = 150
_HEADER = struct.Struct("!Q")


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
    """`fn(*args)`, or `BoundedFailure` if it raised, died or ran past `seconds`.

    `fn` must be importable by name (a module-level function): it is sent to the worker pickled."""
    return submit_bounded(fn, args, seconds).result()


def submit_bounded(fn: Callable[..., Any], args: tuple, seconds: float) -> Pending:
    """Start `fn(*args)` in the worker and return at once: the caller can do its own work (store the
    last file's rows) while the worker reads the next file. One call at a time per thread: collect
    its `result()` before submitting another."""
    if seconds <= 0 or not hasattr(os, "fork"):
        try:
            return Pending(done=("value", fn(*args)))
        except Exception as exc:
            return Pending(done=("error", WorkerRaised(f"internal error: {one_line(exc)}")))
    worker = _Worker.current()
    try:
        worker.send(fn, args)
    except BoundedFailure as exc:
        return Pending(done=("error", exc))
    return Pending(worker=worker, seconds=seconds, deadline=time.monotonic() + seconds)


class Pending:
    """A call under way in the worker (or already done, where it ran in this process)."""

    def __init__(self, worker: _Worker | None = None, seconds: float = 0.0, deadline: float = 0.0,
                 done: tuple[str, Any] | None = None) -> None:
        self.worker, self.seconds, self.deadline, self.done = worker, seconds, deadline, done
        self._answer: bytes | None = None  # in from the worker, not unpickled yet

    def wait(self) -> None:
        """Wait for the worker's answer, as bytes: once it is in, the worker is free for the next call,
        and `result` unpickles it while the worker reads (a large file's records took 1-3 ms, for which
        the worker sat idle)."""
        if self.done is not None or self._answer is not None:
            return
        worker = self.worker
        try:
            self._answer = worker.answer(self.seconds, self.deadline)
        except BoundedFailure as exc:
            self.done = "error", exc
            return
        if worker.grown_mb() > RETIRE_GROWTH_MB:
            worker.close()

    def result(self) -> Any:
        self.wait()
        if self.done is None:
            self.done = self._read_answer()
        kind, value = self.done
        if kind == "error":
            raise value
        return value

    def _read_answer(self) -> tuple[str, Any]:
        answer, self._answer = self._answer, None
        try:
            kind, value = pickle.loads(answer)
        except Exception:  # the worker is not killed for it: it may be serving the next call already
            return "error", WorkerDied("the reading process sent an unreadable answer")
        if kind == "raised":
            return "error", WorkerRaised(f"internal error: {value}")
        result, sent = value
        for message, category in sent:
            warnings.warn(message, category, stacklevel=3)
        return "value", result


def close_worker() -> None:
    """End this thread's worker, if it has one (the next call forks a new one)."""
    worker = getattr(_workers, "worker", None)
    _workers.worker = None
    if worker is not None and worker.owner == os.getpid():
        worker.close()


# One worker per thread (a Dask worker may run tasks in several), each speaking its own pipes.
_workers = threading.local()


class _Worker:
    @classmethod
    def current(cls) -> _Worker:
        worker = getattr(_workers, "worker", None)
        # Owned by this pid: a process forked from one that had a worker (a pool process) makes its own.
        if worker is None or worker.owner != os.getpid() or not worker.alive():
            worker = _workers.worker = cls()
        return worker

    def __init__(self) -> None:
        self.owner = os.getpid()
        request_read, request_write = os.pipe()
        reply_read, reply_write = os.pipe()
        reap_killed_workers()
        # Without this the child's garbage collector walks, and so copies, every page of the parent's heap.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the worker: serve calls until the parent closes the pipe, then leave without exit handlers
            os.close(request_write)
            os.close(reply_read)
            _serve(request_read, reply_write)
        os.close(request_read)
        os.close(reply_write)
        self.pid, self.requests, self.replies = pid, request_write, reply_read
        _end_with_the_pool_process()
        self.start_kb = _rss_kb(pid)

    def send(self, fn: Callable[..., Any], args: tuple) -> None:
        request = pickle.dumps((fn, args), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _write_all(self.requests, _HEADER.pack(len(request)) + request)
        except OSError:
            status = self._kill()
            raise WorkerDied(f"the reading process died ({_describe(status)})") from None

    def answer(self, seconds: float, deadline: float) -> bytes:
        """The call's answer, pickled; `TimedOut` or `WorkerDied` (the worker killed) if none comes."""
        try:
            return self._collect(seconds, deadline)
        except TimedOut:
            self._kill()
            raise
        except (OSError, EOFError):
            status = self._kill()
            raise WorkerDied(f"the reading process died ({_describe(status)})") from None

    def _collect(self, seconds: float, deadline: float) -> bytes:
        """The worker's whole answer, or `TimedOut` at the deadline, or `EOFError` if it died."""
        buffer = bytearray()
        need = _HEADER.size
        while len(buffer) < need:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimedOut(f"timed out after {seconds:g} s")
            ready, _, _ = select.select([self.replies], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.replies, max(need - len(buffer), 1 << 20))
            if not chunk:
                raise EOFError
            buffer += chunk
            if need == _HEADER.size and len(buffer) >= need:
                need += _HEADER.unpack_from(buffer)[0]
        return bytes(buffer[_HEADER.size:need])

    def alive(self) -> bool:
        """Still there to take a call (not killed from outside since its last one)."""
        if self.pid is None:
            return False
        try:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            done = self.pid
        if done:
            self.pid = None
            self._close_pipes()
        return not done

    def grown_mb(self) -> float:
        if self.pid is None:
            return 0.0
        return (_rss_kb(self.pid) - self.start_kb) / 1024

    def _kill(self, wait: bool = True) -> int:
        """Kill the worker and reap it, here or (`wait=False`) later (`reap_killed_workers`); its exit status, 0
        when not waited for. The next call forks a new one."""
        status = 0
        if self.pid is not None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            if wait:
                status = _reap(self.pid)
            else:
                with _killed_lock:
                    _killed.append(self.pid)
            self.pid = None
        self._close_pipes()
        if getattr(_workers, "worker", None) is self:
            _workers.worker = None
        return status

    def close(self) -> None:
        """End the worker. It is idle between calls, so it is killed, not asked: a process forked from
        this one may hold its request pipe open, and waiting for it to see the pipe close could hang.
        Nothing is waited for: the kernel takes some milliseconds to tear a worker's memory down, which
        the ingest need not sit through. It is reaped at the next fork or close (`reap_killed_workers`), not by a
        thread of its own: starting a thread waits for Python's lock, which the snapshot's loading thread
        held for 2-4 ms at the end of every ingest."""
        self._kill(wait=False)
        reap_killed_workers()

    def _close_pipes(self) -> None:
        for fd in (self.requests, self.replies):
            try:
                os.close(fd)
            except OSError:
                pass
        self.requests = self.replies = -1


# Workers killed and not waited for: each is a zombie (a line in the process table, its memory gone) until then.
_killed: list[int] = []
_killed_lock = threading.Lock()


def reap_killed_workers(wait: bool = False) -> None:
    """Reap the killed workers that have ended (a worker just killed may still be tearing down: next time),
    or (`wait`) every one, once ended: a benchmark counting its children's CPU time counts only those reaped."""
    with _killed_lock:
        for pid in list(_killed):
            try:
                ended = os.waitpid(pid, 0 if wait else os.WNOHANG)[0]
            except ChildProcessError:  # reaped already (by a caller waiting for any child)
                ended = pid
            if ended:
                _killed.remove(pid)


_hooked: set[int] = set()  # the pool processes that end their worker as they exit


def _end_with_the_pool_process() -> None:
    """In a process of a multiprocessing pool: end the worker and wait for it as the process exits.
    Otherwise the worker outlives it, sees its pipe close and exits on its own, never reaped by it: its
    CPU time then counts nowhere up the tree, and the benchmarks' pages per CPU-second for a pool came
    out four times the one-worker rate."""
    import multiprocessing

    if multiprocessing.parent_process() is None or os.getpid() in _hooked:
        return
    from multiprocessing.util import Finalize

    _hooked.add(os.getpid())
    Finalize(None, _end_and_reap, exitpriority=10)


def _end_and_reap() -> None:
    close_worker()
    reap_killed_workers(wait=True)


def _reap(pid: int) -> int:
    """Wait for a killed worker; its exit status (0 if it was reaped already)."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return 0


def _serve(requests: int, replies: int) -> None:
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        while True:
            header = _read_exact(requests, _HEADER.size)
            if not header:
                break
            fn, args = pickle.loads(_read_exact(requests, _HEADER.unpack(header)[0]))
            payload = _answer(fn, args)
            _write_all(replies, _HEADER.pack(len(payload)) + payload)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _answer(fn: Callable[..., Any], args: tuple) -> bytes:
    # Warnings the call gives (no OCR engine, say) go back with the result and are given again in the
    # parent, where the caller can see them.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn(*args)
            sent = [(str(w.message), w.category) for w in caught]
            return pickle.dumps(("ok", (result, sent)), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:
            return pickle.dumps(("raised", one_line(exc)))


def _read_exact(fd: int, size: int) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = os.read(fd, size - len(chunks))
        if not chunk:
            return b""
        chunks += chunk
    return bytes(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    except (OSError, StopIteration, ValueError):
        return 0  # not Linux, or gone: never retire for size


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            return f"killed by {signal.Signals(sig).name}"
        except ValueError:
            return f"killed by signal {sig}"
    return f"exit status {os.WEXITSTATUS(status)}"
