"""Compare one golden file with what the pipeline wrote: per table, per field.

Pure comparison over rows already read from the warehouse; `run.py` does the
ingesting and printing.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from schemas import MODEL_BY_TABLE

META_KEYS = {"select", "cite", "records", "note"}
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass
class FieldScore:
    matched: int = 0
    wrong: int = 0
    missing: int = 0  # the golden row had no partner at all

    @property
    def total(self) -> int:
        return self.matched + self.wrong + self.missing


@dataclass
class TableScore:
    golden_rows: int = 0
    paired_rows: int = 0
    produced_rows: int = 0
    extra_rows: int = 0
    complete: bool = False
    fields: dict[str, FieldScore] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.paired_rows / self.golden_rows if self.golden_rows else 1.0

    @property
    def precision(self) -> float | None:
        if not self.complete:
            return None
        return self.paired_rows / self.produced_rows if self.produced_rows else (1.0 if not self.golden_rows else 0.0)


@dataclass
class GoldenResult:
    path: str
    tables: dict[str, TableScore] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """matched values per table and field: what the baseline records."""
        out: dict[str, dict[str, int]] = {}
        for tname, t in self.tables.items():
            out[tname] = {f: s.matched for f, s in t.fields.items()}
            out[tname]["__rows__"] = t.paired_rows
        return out


def normalise(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (date, datetime, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    text = str(value).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def equal(expected, actual) -> bool:
    e, a = normalise(expected), normalise(actual)
    if isinstance(e, float) and isinstance(a, float):
        return math.isclose(e, a, rel_tol=1e-9, abs_tol=1e-6)
    if isinstance(e, str) and isinstance(a, (float, bool)):
        return e == str(a)
    return e == a


def select_document(select: dict, documents: list[dict]) -> dict | None:
    candidates = [d for d in documents if d["doc_type"] == select.get("doc_type")]
    if "contains_line" in select:
        n = select["contains_line"]
        candidates = [d for d in candidates if d.get("line_start") is not None and d["line_start"] <= n <= d["line_end"]]
    if "contains_page" in select:
        n = select["contains_page"]
        candidates = [d for d in candidates if d["page_start"] <= n <= d["page_end"]]
    return candidates[0] if candidates else None


def compare_source(golden: dict, produced: dict | None, result: GoldenResult) -> None:
    """The file-level expectation: its status (`ok` unless the golden says otherwise) and error."""
    score = result.tables.setdefault("sources", TableScore())
    score.golden_rows += 1
    status = produced.get("status") if produced else None
    score.paired_rows += produced is not None
    checks = {"status": golden.get("source_status", "ok")}
    for k, expected in checks.items():
        fs = score.fields.setdefault(k, FieldScore())
        if equal(expected, status):
            fs.matched += 1
        else:
            fs.wrong += 1
            score.problems.append(f"source status: expected {expected!r}, got {status!r}")
    if "source_error_contains" in golden:
        fs = score.fields.setdefault("error", FieldScore())
        error = (produced or {}).get("error") or ""
        if golden["source_error_contains"].lower() in error.lower():
            fs.matched += 1
        else:
            fs.wrong += 1
            score.problems.append(f"source error: expected to contain {golden['source_error_contains']!r}, got {error!r}")


def compare_document(golden_doc: dict, produced_doc: dict | None, rows_by_table: dict[str, list[dict]],
                     result: GoldenResult) -> None:
    label = json.dumps(golden_doc["select"])
    doc_fields = {k: v for k, v in golden_doc.items() if k not in META_KEYS}
    dscore = result.tables.setdefault("documents", TableScore())
    dscore.golden_rows += 1
    if produced_doc is None:
        dscore.problems.append(f"no document matches {label}")
        for k in doc_fields:
            dscore.fields.setdefault(k, FieldScore()).missing += 1
        for table, spec in (golden_doc.get("records") or {}).items():
            t = result.tables.setdefault(table, TableScore())
            t.golden_rows += len(spec["rows"])
            for row in spec["rows"]:
                for k in row:
                    if k != "cite":
                        t.fields.setdefault(k, FieldScore()).missing += 1
        return
    dscore.paired_rows += 1
    for k, v in doc_fields.items():
        fs = dscore.fields.setdefault(k, FieldScore())
        if equal(v, produced_doc.get(k)):
            fs.matched += 1
        else:
            fs.wrong += 1
            dscore.problems.append(f"{label} {k}: expected {v!r}, got {produced_doc.get(k)!r} ({golden_doc.get('cite', '')})")
    for table, spec in (golden_doc.get("records") or {}).items():
        compare_table(table, spec, [r for r in rows_by_table.get(table, []) if r["document_id"] == produced_doc["document_id"]],
                      result.tables.setdefault(table, TableScore()))


def compare_table(table: str, spec: dict, produced: list[dict], score: TableScore) -> None:
    model = MODEL_BY_TABLE.get(table)
    key = spec.get("key") or list(getattr(model, "key", ()) or ())
    rows = spec["rows"]
    score.golden_rows += len(rows)
    score.produced_rows += len(produced)
    score.complete = score.complete or bool(spec.get("complete"))
    unpaired = list(produced)
    for row in rows:
        partner = None
        if key:
            for cand in unpaired:
                if all(equal(row.get(k), cand.get(k)) for k in key if k in row):
                    partner = cand
                    break
        elif len(unpaired) >= 1:
            partner = unpaired[0]  # one row per document (ofsted_inspections, meetings, ...)
        if partner is None:
            score.problems.append(f"{table}: missing {_describe(row, key)} ({row.get('cite', '')})")
            for k in row:
                if k != "cite":
                    score.fields.setdefault(k, FieldScore()).missing += 1
            continue
        unpaired.remove(partner)
        score.paired_rows += 1
        for k, v in row.items():
            if k == "cite":
                continue
            fs = score.fields.setdefault(k, FieldScore())
            if equal(v, partner.get(k)):
                fs.matched += 1
            else:
                fs.wrong += 1
                score.problems.append(
                    f"{table} {_describe(row, key)}: {k} expected {v!r}, got {partner.get(k)!r} ({row.get('cite', '')})"
                )
    if spec.get("complete"):
        score.extra_rows += len(unpaired)
        for r in unpaired[:20]:
            score.problems.append(f"{table}: extra {_describe(r, key)}")


def _describe(row: dict, key: list[str]) -> str:
    if key:
        return "(" + ", ".join(f"{k}={str(row.get(k))[:60]!r}" for k in key) + ")"
    return "(row)"


def load_golden(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
