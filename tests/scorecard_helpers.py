"""Shared by the scorecard and dedupe tests: documents from the seeds, and the golden comparison."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from extract.reading import read_source
from extract.splitting.document import document_between, make_document
from schemas.document import Document, Source

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_000 = SEEDS / "000_950c4fa244acd80f.txt"
SEED_003 = SEEDS / "003_6ecd782d0882456e.txt"
SEED_004 = SEEDS / "004_729af8dc83e59191.txt"
FIXTURES = ROOT / "corpus" / "fixtures" / "scorecard"
GOLDEN = ROOT / "corpus" / "golden" / "scorecards"


@lru_cache(maxsize=None)
def source(path: Path) -> Source:
    return read_source(path)


def line_of(src: Source, pattern: str, after: int = 0) -> int:
    """Number of the first line at or after `after` whose text matches `pattern`."""
    rx = re.compile(pattern)
    for line in src.lines:
        if line.number >= after and rx.search(line.text):
            return line.number
    raise AssertionError(f"no line matches {pattern!r}")


def seed000_scorecard() -> Document:
    """The Quarter 4 2016/17 scorecard: from its cover title to the end of its risk register."""
    src = source(SEED_000)
    first = line_of(src, r"Overview & Scrutiny Scorecard\s*$")
    last = line_of(src, r"^Mitigating Actions for High or Changed Residual Risks", first)
    return document_between(src, first, last, "scorecard")


def seed000_performance_report() -> Document:
    src = source(SEED_000)
    first = line_of(src, r"^\s*2016/17 Performance\s*$")
    return document_between(src, first, line_of(src, r"Overview & Scrutiny Scorecard\s*$") - 1, "report")


def seed003_commentary() -> Document:
    src = source(SEED_003)
    return make_document(src, src.lines, "scorecard_commentary")


def seed004_risk_report() -> Document:
    src = source(SEED_004)
    first = line_of(src, r"^Children & Families –")
    last = line_of(src, r"^\s*Children and Families Scrutiny Committee", first) - 1
    return document_between(src, first, last, "scorecard")


def seed004_image_pages() -> Document:
    """The Quarter 3 2022/23 scorecard pages that were images: only their page numbers left."""
    src = source(SEED_004)
    first = line_of(src, r"Have you got any questions\?") + 1
    last = line_of(src, r"his page is intentionally left blank", first)
    return document_between(src, first, last, "scorecard")


def pdf_document(name: str) -> Document:
    """A whole fixture PDF as one document, image-only pages included."""
    src = read_source(FIXTURES / name)
    doc = make_document(src, src.lines, "scorecard")
    doc.pages = src.pages
    doc.page_end = len(src.pages)
    return doc


# ---- golden comparison (corpus/golden/README.md rules) ----

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def same(expected, actual) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected == actual
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return abs(expected - actual) <= 1e-6
    if isinstance(expected, str) and isinstance(actual, str):
        return " ".join(expected.translate(_QUOTES).split()) == " ".join(actual.translate(_QUOTES).split())
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(same(e, a) for e, a in zip(expected, actual))
    return expected == actual


def load_golden(name: str) -> dict:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def compare(table_spec: dict, records: list, key: tuple[str, ...]) -> tuple[int, int, list[str], int]:
    """(fields right, fields checked, mismatches, extra rows) for one golden table against produced records."""
    key = tuple(table_spec.get("key", key))
    produced = [r.model_dump() for r in records]
    right = checked = 0
    problems: list[str] = []
    paired: set[int] = set()
    for row in table_spec["rows"]:
        match = next((k for k, p in enumerate(produced)
                      if all(same(row.get(f), p.get(f)) for f in key if f in row)), None)
        fields = [f for f in row if f != "cite"]
        checked += len(fields)
        if match is None:
            problems.append(f"{row.get('cite')}: no produced row for {[row.get(f) for f in key if f in row]}")
            continue
        paired.add(match)
        for f in fields:
            if same(row[f], produced[match].get(f)):
                right += 1
            else:
                problems.append(f"{row.get('cite')}: {f} expected {row[f]!r}, got {produced[match].get(f)!r}")
    extra = 0
    if table_spec.get("complete"):
        for k, p in enumerate(produced):
            if k in paired:
                continue
            # Reprinted copies of a golden row are the same row, not extras.
            if any(all(same(row.get(f), p.get(f)) for f in key if f in row) for row in table_spec["rows"]):
                continue
            extra += 1
    return right, checked, problems, extra
