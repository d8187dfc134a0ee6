"""`python -m extract.bench_minutes`: the CPU the minutes cost in one process, stage by stage.

On the shared minutes (../shared/corpus/*/*minutes*.pdf), after the spaCy rule pipeline is built
(as a long-running worker has it) and one warm-up pass: CPU seconds (time.process_time, so other processes on a shared machine count less
than on the wall clock), best of --repeat passes, of
- read_and_parse: read, split, parse and validate each file, as the per-file worker does;
- the splitter alone, and the minutes recogniser alone on what the splitter shows it;
- parse_minutes alone on the documents the splitter found.
The parser's caches (people and member keys as printed) are emptied before every pass: a pass
costs what the first file of a worker costs, not a re-run of names already read.
"""
from __future__ import annotations

import argparse
import glob
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def minutes_files() -> list[Path]:
    return [Path(p) for p in sorted(glob.glob(str(SHARED / "corpus" / "*" / "*minutes*.pdf")))]


def clear_caches() -> None:
    """Empty the minutes parser's caches of what it read (people, keys, fragments as printed); the
    state it builds once (the spaCy pipeline, the vocabularies: maxsize 1) stays built."""
    import importlib
    import pkgutil

    import parsers.minutes as package

    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for value in vars(module).values():
            if hasattr(value, "cache_clear") and value.cache_info().maxsize != 1 and value.__module__ == module.__name__:
                value.cache_clear()


def best_cpu(work: Callable[[], object], repeat: int) -> float:
    work()  # the warm-up pass
    times = []
    for _ in range(repeat):
        clear_caches()
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def _what_the_splitter_asks(sources: list) -> list[list[str]]:
    """The runs of lines the splitter shows the minutes recogniser, recorded over one split of each source."""
    import parsers.minutes as package
    from extract import splitting

    asked: list[list[str]] = []
    recognise = package.recognise

    def recording(lines: list[str]) -> str | None:
        asked.append(list(lines))
        return recognise(lines)

    package.recognise = recording  # the registry looks the face up on the package at every call
    try:
        for source in sources:
            splitting.split_source(source)
    finally:
        package.recognise = recognise
    return asked


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from extract import splitting
    from extract.parse_source import read_and_parse
    from extract.reading import read_source
    from extract.reading.limits import DEFAULT_LIMITS
    from parsers.minutes import minutes_kind, parse_minutes

    files = [(f, f.read_bytes()) for f in minutes_files()]
    sources = [read_source(f, data, DEFAULT_LIMITS) for f, data in files]
    documents = [d for s in sources for d in splitting.split_source(s) if d.doc_type == "minutes"]
    asked = _what_the_splitter_asks(sources)
    pages = sum(len(s.pages) for s in sources)
    stages = {
        "read_and_parse": lambda: [read_and_parse(f, data, DEFAULT_LIMITS) for f, data in files],
        "split_source": lambda: [splitting.split_source(s) for s in sources],
        "minutes recogniser": lambda: [minutes_kind(lines) for lines in asked],
        "parse_minutes": lambda: [parse_minutes(d) for d in documents],
    }
    print(f"{len(files)} minutes files, {pages} pages, {len(documents)} minutes documents, "
          f"{len(asked)} runs of lines shown to the minutes recogniser; "
          f"CPU seconds, best of {args.repeat}")
    for name, work in stages.items():
        cpu = best_cpu(work, args.repeat)
        print(f"{name:<20} {cpu * 1000:8.1f} ms  ({pages / cpu:6.0f} pages per CPU-second)")


if __name__ == "__main__":
    main()
