"""Ofsted's inspection frameworks a report can belong to, read once from `ofsted_frameworks.csv` beside this file.

Per framework: whether it grades overall effectiveness, the judgements its
reports print (a missing one is warned about), and whether they print them on
the front page or in the report's body (2009-2013). `extract check` reads the
same file: a framework not in it is unknown.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FRAMEWORKS_CSV = Path(__file__).with_name("ofsted_frameworks.csv")
# The reformed ILACS (inspections from April 2026) prints no overall effectiveness.
REFORMED_ILACS = "ILACS 2026"
LSCB_REVIEW = "LSCB review"


@dataclass(frozen=True)
class Framework:
    name: str
    overall_grade: bool
    expected_areas: tuple[str, ...]
    judged_in_body: bool


@cache
def frameworks() -> dict[str, Framework]:
    with FRAMEWORKS_CSV.open(encoding="utf-8", newline="") as f:
        return {
            row["framework"]: Framework(row["framework"], row["overall_grade"] == "yes",
                                        tuple(row["expected_areas"].split()), row["judged_in"] == "body")
            for row in csv.DictReader(f)
        }
