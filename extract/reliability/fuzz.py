"""`make fuzz`: break the shared PDFs in every way `mutations.py` knows, ingest the lot, count the outcomes.

    python -m extract.reliability.fuzz [--count 2000] [--seed 17] [--out outputs/fuzz]

From a fixed seed it writes `count` mutated copies (mutations in turn, source
PDFs in turn), ingests them with the real command (`extract ingest`, in a
subprocess, so a process death is seen as one), then audits the warehouse.
A crash is any of: the ingest exiting other than 0 or 1, a traceback in its
output, a file with no `sources` row, a reading process that died, an
unexpected exception caught by the safety net, a parser that raised, or a
source left half-written. The target is 0.
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from extract.reading import source_id_of
from extract.reliability.audit import CONTAINED_CRASHES, audit_warehouse
from extract.reliability.mutations import MUTATIONS

ROOT = Path(__file__).resolve().parents[2]
SHARED_PDFS = (ROOT / ".." / "shared" / "corpus").resolve()


def shared_pdfs() -> list[Path]:
    """Every real PDF of the shared corpus (the HTML page saved as .pdf is already not one)."""
    return [p for p in sorted(SHARED_PDFS.glob("*/*.pdf")) if p.read_bytes()[:5] == b"%PDF-"]


def write_mutants(sources: list[Path], out: Path, count: int, seed: int) -> dict[str, str]:
    """Write `count` mutated PDFs into `out`; returns file name -> mutation."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    names = list(MUTATIONS)
    made: dict[str, str] = {}
    cache: dict[Path, bytes] = {}
    for n in range(count):
        mutation = names[n % len(names)]
        source = sources[(n // len(names)) % len(sources)]
        data = cache.setdefault(source, source.read_bytes())
        mutant = MUTATIONS[mutation](data, rng)
        name = f"{n:05d}-{mutation}-{source.stem}.pdf"
        (out / name).write_bytes(mutant)
        made[name] = mutation
    return made


@dataclass
class FuzzResult:
    files: int
    exit_code: int
    seconds: float
    outcomes: Counter = field(default_factory=Counter)  # ok, partial, failed, crashed
    failure_reasons: Counter = field(default_factory=Counter)
    crashes: list[str] = field(default_factory=list)
    by_mutation: dict[str, Counter] = field(default_factory=dict)


def run_ingest(folder: Path, db: Path, log: Path, workers: int, timeout: float) -> tuple[int, float]:
    started = time.perf_counter()
    with log.open("w") as out:
        code = subprocess.run(
            [sys.executable, "-m", "cli", "ingest", str(folder), "--db", str(db), "--workers", str(workers),
             "--timeout", str(timeout)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL).returncode
    return code, time.perf_counter() - started


def judge(made: dict[str, str], db: Path, exit_code: int, output: str, seconds: float) -> FuzzResult:
    result = FuzzResult(files=len(made), exit_code=exit_code, seconds=seconds)
    if exit_code not in (0, 1):
        result.crashes.append(f"ingest exited {exit_code}")
    if "Traceback" in output:
        result.crashes.append("a traceback in the ingest's output")
    audit = audit_warehouse(db) if db.exists() else None
    statuses = audit.statuses if audit else {}
    raised = audit.parser_raised if audit else {}
    for name, mutation in made.items():
        sid = source_id_of((db.parent / "files" / name).read_bytes())
        status, error = statuses.get(sid, (None, None))
        if status is None:
            outcome, why = "crashed", "no sources row"
        elif status == "failed" and (error or "").startswith(CONTAINED_CRASHES):
            outcome, why = "crashed", error
        elif sid in raised:
            outcome, why = "crashed", f"a parser raised: {raised[sid]}"
        else:
            outcome, why = status, None
        if why:
            result.crashes.append(f"{name}: {why}")
        elif status == "failed":
            result.failure_reasons[(error or "?").split(":")[0]] += 1
        result.outcomes[outcome] += 1
        result.by_mutation.setdefault(mutation, Counter())[outcome] += 1
    if audit:
        result.crashes.extend(audit.half_written)
        result.outcomes["crashed"] += len(audit.half_written)
    return result


def fuzz(out: Path, count: int, seed: int, workers: int = 2, timeout: float = 60,
         sources: list[Path] | None = None) -> FuzzResult:
    if out.exists():
        shutil.rmtree(out)
    made = write_mutants(sources or shared_pdfs(), out / "files", count, seed)
    db, log = out / "fuzz.duckdb", out / "ingest.log"
    code, seconds = run_ingest(out / "files", db, log, workers, timeout)
    return judge(made, db, code, log.read_text(errors="replace"), seconds)


def print_report(r: FuzzResult, command: str) -> None:
    print(f"$ {command}")
    print(f"{r.files} mutated PDFs ingested in {r.seconds:.0f} s (ingest exit status {r.exit_code})")
    print("  " + ", ".join(f"{r.outcomes[k]} {k}" for k in ("ok", "partial", "failed", "crashed")))
    print("failed, by reason:")
    for reason, n in r.failure_reasons.most_common():
        print(f"  {n:5d}  {reason}")
    print("by mutation (ok / partial / failed / crashed):")
    for mutation, c in r.by_mutation.items():
        print(f"  {mutation:20s} {c['ok']:5d} {c['partial']:5d} {c['failed']:5d} {c['crashed']:5d}")
    print(f"crashes: {len(r.crashes)}")
    for line in r.crashes[:50]:
        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", type=Path, default=ROOT / "outputs" / "fuzz")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args(argv)
    result = fuzz(args.out, args.count, args.seed, args.workers, args.timeout)
    print_report(result, "python -m extract.reliability.fuzz " + " ".join(argv if argv is not None else sys.argv[1:]))
    return 1 if result.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
