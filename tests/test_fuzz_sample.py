"""A small fixed sample of `make fuzz`: every mutation, from a fixed seed, ingested by the real command."""
from __future__ import annotations

from extract.reliability.fuzz import fuzz
from extract.reliability.mutations import MUTATIONS
from tests.conftest import MODERNGOV, OFSTED

SOURCES = [OFSTED / "bedford-2022-01-14.pdf", MODERNGOV / "kent-corporate-parenting-panel-2024-10-29-minutes.pdf"]


def test_every_mutation_changes_the_bytes():
    import random

    data = SOURCES[0].read_bytes()
    for name, mutate in MUTATIONS.items():
        assert mutate(data, random.Random(1)) != data, name


def test_a_fixed_sample_of_broken_pdfs_ends_ok_or_failed_with_a_reason_and_never_crashes(tmp_path):
    result = fuzz(tmp_path / "fuzz", count=len(MUTATIONS) * len(SOURCES), seed=17, workers=1, sources=SOURCES)
    assert result.crashes == [], result.crashes
    assert result.exit_code == 1  # some failed, and said so
    assert sum(result.outcomes.values()) == result.files == 16
    # Both outcomes occur: a cut-off file fails, junk after the end is still read.
    assert result.by_mutation["truncate"]["failed"] == 2
    assert result.by_mutation["append_junk"]["ok"] == 2
    assert result.by_mutation["empty_page_tree"]["failed"] == 2
    assert result.failure_reasons["corrupt PDF"] >= 2 and result.failure_reasons["truncated PDF"] >= 1
