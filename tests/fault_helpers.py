"""What the fault tests share: the inputs, the command, and what a failed write may not leave behind."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from extract.pipeline import default_parts_root
from extract.warehouse.manifest import FILE as MANIFEST
from extract.warehouse.parts import META, TMP
from tests.conftest import OFSTED, ROOT, seed

# A warehouse of FILES exists; the faulty ingest adds MORE: a text pack that parses into a part with
# rows, and the corpus's HTML page saved as .pdf, which fails as bad input (so a completed run exits 1).
FILES = [seed(3), seed(1), OFSTED / "bedford-2022-01-14.pdf",
         ROOT / "corpus" / "fixtures" / "scorecard" / "scorecard_q4_2016_17.pdf"]
MORE = [OFSTED / "bromley-2012-08-17.pdf", seed(4)]


def command(db: Path, files: list[Path]) -> list[str]:
    return [sys.executable, "-m", "cli", "ingest", *map(str, files), "--db", str(db)]


def ingest(db: Path, files: list[Path], **kwargs) -> subprocess.CompletedProcess:
    """`extract ingest` in a subprocess, as a user runs it."""
    return subprocess.run(command(db, files), cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          **kwargs)


def last_line(stderr: str) -> str:
    """The message a failed ingest ends with (after the progress bar)."""
    lines = stderr.strip().splitlines()
    return lines[-1] if lines else ""


def half_written(db: Path) -> list[Path]:
    """Every file an interrupted write could leave: a temporary part, manifest or snapshot, or a part
    folder holding files but no `part.json` (which is written last). Empty means nothing half-written."""
    parts = default_parts_root(db)
    found = [p for p in (parts / TMP).glob("*")] if (parts / TMP).is_dir() else []
    found += list(parts.glob(f"{MANIFEST}.*"))
    found += list(db.parent.glob(f"{db.name}.next-*")) + list(db.parent.glob(f"{db.name}.wal"))
    for folder in parts.glob("*/*"):
        if folder.is_dir() and folder.parent.name != TMP and any(folder.iterdir()) and not (folder / META).exists():
            found.append(folder)
    return found
