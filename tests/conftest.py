"""Shared fixtures: paths to the shared corpus and a fresh warehouse per test."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEEDS = SHARED / "seeds"
OFSTED = SHARED / "corpus" / "ofsted"
MODERNGOV = SHARED / "corpus" / "moderngov"


def seed(n: int) -> Path:
    return next(SEEDS.glob(f"{n:03d}_*.txt"))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"
