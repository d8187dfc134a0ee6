"""The reading worker: one forked process serves file after file, and is replaced when a call kills it,
hangs past its limit, or leaves it grown too big."""
from __future__ import annotations

import os
import signal
import time
import warnings

import pytest

from extract.reliability import bounded
from extract.reliability.bounded import TimedOut, WorkerDied, WorkerRaised, close_worker, run_bounded

_KEPT: list[bytes] = []


def worker_pid() -> int:
    return os.getpid()


def sleep_for(seconds: float) -> None:
    import time

    time.sleep(seconds)


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def fail() -> None:
    raise ValueError("a parser bug\nsecond line")


def warn_and_return(value: int) -> int:
    warnings.warn("no OCR engine", UserWarning)
    return value


def grow(mb: int) -> int:
    _KEPT.append(b"x" * (mb * 1024 * 1024))  # written, so resident; kept, so the worker stays grown
    return os.getpid()


def _gone(pid: int, within: float = 5.0) -> bool:
    """The process has ended and been reaped. Closing waits for neither: a killed worker is reaped once it
    has ended, by the next fork or close (`reap_killed_workers`), which is called here as they would."""
    deadline = time.monotonic() + within
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        if _dead(pid):
            bounded.reap_killed_workers()
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)


@pytest.fixture(autouse=True)
def fresh_worker():
    close_worker()
    yield
    close_worker()


def test_one_worker_serves_call_after_call_and_is_not_this_process():
    first = run_bounded(worker_pid, (), 30)
    assert first != os.getpid()
    assert run_bounded(worker_pid, (), 30) == first
    close_worker()
    assert _gone(first)


def test_a_call_past_its_limit_times_out_and_the_next_call_gets_a_new_worker():
    before = run_bounded(worker_pid, (), 30)
    with pytest.raises(TimedOut, match="timed out after 0.5 s"):
        run_bounded(sleep_for, (30,), 0.5)
    assert _gone(before)
    after = run_bounded(worker_pid, (), 30)
    assert after not in (before, os.getpid())


def test_a_call_that_kills_its_worker_is_one_failure_with_the_signal_named():
    before = run_bounded(worker_pid, (), 30)
    with pytest.raises(WorkerDied, match="killed by SIGKILL"):
        run_bounded(die, (), 30)
    assert run_bounded(worker_pid, (), 30) != before


def test_an_exception_is_one_line_and_the_worker_carries_on():
    before = run_bounded(worker_pid, (), 30)
    with pytest.raises(WorkerRaised) as raised:
        run_bounded(fail, (), 30)
    assert str(raised.value) == "internal error: ValueError: a parser bug"
    assert run_bounded(worker_pid, (), 30) == before


def test_warnings_given_in_the_worker_are_given_again_here():
    with pytest.warns(UserWarning, match="no OCR engine"):
        assert run_bounded(warn_and_return, (7,), 30) == 7


def test_a_worker_that_has_grown_past_the_bound_is_retired_after_its_call(monkeypatch):
    monkeypatch.setattr(bounded, "RETIRE_GROWTH_MB", 40)
    small = run_bounded(grow, (1,), 30)
    assert run_bounded(worker_pid, (), 30) == small  # 1 MB: kept
    big = run_bounded(grow, (80,), 30)
    assert big == small and _gone(big)  # the call that grew it returned, then it was retired
    assert run_bounded(worker_pid, (), 30) != big


def _dead(pid: int) -> bool:
    """Ended: a zombie waiting to be reaped, or reaped already."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_a_worker_killed_from_outside_between_calls_is_replaced():
    before = run_bounded(worker_pid, (), 30)
    os.kill(before, signal.SIGKILL)  # the out-of-memory killer, say
    while not _dead(before):
        pass
    after = run_bounded(worker_pid, (), 30)
    assert after != before


def test_no_limit_runs_in_this_process():
    assert run_bounded(worker_pid, (), 0) == os.getpid()


def test_closing_starts_no_thread_and_the_next_fork_reaps_what_it_killed(monkeypatch):
    # A thread's start waits for Python's lock, which the snapshot's loading thread holds at the end of an ingest.
    started = []
    monkeypatch.setattr(bounded.threading.Thread, "start", lambda self: started.append(self.name))
    first = run_bounded(worker_pid, (), 30)
    close_worker()
    assert started == []
    while not _dead(first):
        time.sleep(0.01)
    second = run_bounded(worker_pid, (), 30)  # forks a new worker, reaping the first on the way
    assert second != first
    with pytest.raises(ProcessLookupError):
        os.kill(first, 0)


def test_an_answer_waited_for_frees_the_worker_before_it_is_unpickled():
    # The local engine sends the next file once the last answer is in, and unpickles it meanwhile.
    first = bounded.submit_bounded(worker_pid, (), 30)
    first.wait()
    second = bounded.submit_bounded(warn_and_return, (5,), 30)
    assert first.result() != os.getpid()
    with pytest.warns(UserWarning, match="no OCR engine"):
        assert second.result() == 5


def test_the_local_engine_sends_the_next_file_before_reading_the_last_answer(tmp_path, monkeypatch):
    from extract.engines import SourceTask
    from extract.engines.local import run_local
    from extract.parse_source import SourceJob
    from extract.reading import source_id_of
    from tests.conftest import seed

    events: list[tuple[str, str]] = []
    real_start, real_collect = SourceJob.start, SourceJob.collect
    monkeypatch.setattr(SourceJob, "start", lambda self: (events.append(("send", self.path.name)), real_start(self))[1])
    monkeypatch.setattr(SourceJob, "collect", lambda self: (events.append(("read", self.path.name)), real_collect(self))[1])
    files = [seed(0), seed(2)]
    tasks = [SourceTask(f, source_id_of(f.read_bytes()), f.read_bytes()) for f in files]
    outcomes = list(run_local(tasks, tmp_path / "parts", force=False))
    assert [o.status for o in outcomes] == ["ok", "ok"]
    first, second = (f.name for f in files)
    assert events.index(("send", second)) < events.index(("read", first))



def test_the_local_engine_ends_its_worker_once_the_last_answer_is_in_before_storing_it(tmp_path, monkeypatch):
    # The first part is stored while the worker reads the second file; the last one after the worker has gone,
    # so this process no longer shares (and copies) pages with it as it writes.
    from extract.engines import SourceTask
    from extract.engines.local import run_local
    from extract.reading import source_id_of
    from extract.warehouse.parts import PartStore
    from tests.conftest import seed

    worker_at_write: list[bool] = []
    real_write = PartStore.write

    def write(self, meta, tables, replace=False):
        worker_at_write.append(getattr(bounded._workers, "worker", None) is not None)
        return real_write(self, meta, tables, replace)

    monkeypatch.setattr(PartStore, "write", write)
    files = [seed(0), seed(2)]
    tasks = [SourceTask(f, source_id_of(f.read_bytes()), f.read_bytes()) for f in files]
    outcomes = list(run_local(tasks, tmp_path / "parts", force=False))
    assert [o.status for o in outcomes] == ["ok", "ok"]
    assert worker_at_write == [True, False]


def burn(seconds: float) -> int:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return os.getpid()


def burn_in_a_worker(seconds: float) -> int:
    return run_bounded(burn, (seconds,), 30)


def test_a_pool_process_ends_its_worker_as_it_exits_so_the_workers_cpu_time_is_counted():
    # The benchmarks price a pool's pages per CPU second from the children's CPU time, which counts a
    # process only once its parent has reaped it: the pool process must reap its own reading worker.
    import multiprocessing
    import resource
    from concurrent.futures import ProcessPoolExecutor

    def children_cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = children_cpu()
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        worker = pool.submit(burn_in_a_worker, 0.4).result()
    assert worker != os.getpid()
    assert children_cpu() - before >= 0.35


def test_a_live_reading_workers_cpu_time_is_counted_for_a_dask_worker():
    # A Dask worker keeps its reading worker between tasks: its time is read from the system, not rusage.
    pytest.importorskip("psutil")
    from extract.bench_engines import cpu_with_reading_worker, own_cpu_seconds

    before = cpu_with_reading_worker()
    run_bounded(burn, (0.3,), 30)  # the worker stays alive after its call
    assert cpu_with_reading_worker() - before >= 0.25
    assert own_cpu_seconds() - before < 0.25  # not counted by rusage while it lives
