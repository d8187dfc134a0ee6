"""Shared fixtures: paths to the shared corpus and a fresh warehouse per test."""
from __future__ import annotations

from pathlib import Path

import extract  # noqa: F401  (first: it keeps pymupdf from loading its unused layout analyser)

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


@pytest.fixture(scope="session", autouse=True)
def ocr_cache_per_run(tmp_path_factory):
    """Tests OCR into their own cache: they exercise the engine and leave outputs/ alone."""
    import os

    from extract.reading.ocr_cache import CACHE_ENV

    old = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("ocr-cache"))
    yield
    if old is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = old


@pytest.fixture
def no_ocr_engine(monkeypatch):
    """A machine where the OCR engine's package is not installed, for this test only."""
    from extract.reading import ocr_engine

    def not_installed():
        raise ModuleNotFoundError("No module named 'rapidocr'", name="rapidocr")

    monkeypatch.delenv(ocr_engine.ENGINE_ENV, raising=False)
    monkeypatch.setitem(ocr_engine.ENGINES, ocr_engine.DEFAULT_ENGINE, not_installed)
    monkeypatch.setattr(ocr_engine, "_loaded", {})
