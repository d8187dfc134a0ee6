"""Reliability: each file under a time limit in its own process, and the fuzzer that tests it all."""
from extract.reliability.bounded import BoundedFailure, TimedOut, WorkerDied, WorkerRaised, run_bounded, submit_bounded

__all__ = ["BoundedFailure", "TimedOut", "WorkerDied", "WorkerRaised", "run_bounded", "submit_bounded"]
