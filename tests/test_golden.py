"""`make golden` inside the test run: no field may match fewer golden values than the baseline."""
from __future__ import annotations

import json

from extract.golden import check_baseline, evaluate, golden_files
from extract.golden.run import BASELINE


def test_golden_corpus_is_no_worse_than_its_baseline():
    files = golden_files()
    assert len(files) >= 43
    baseline = json.loads(BASELINE.read_text())
    results = evaluate(files)
    missing = [r.path for r in results if r.path not in baseline]
    assert not missing, f"golden files without a baseline (run `make golden-baseline`): {missing}"
    worse = check_baseline(results, baseline)
    assert not worse, "\n".join(worse)
    # The baseline is a floor, not a formality: it holds real matches.
    assert sum(n for r in baseline.values() for t in r.values() for n in t.values()) > 500


def test_every_golden_fact_cites_where_it_was_read():
    for path in golden_files():
        g = json.loads(path.read_text())
        for doc in g["documents"]:
            assert doc.get("cite"), (path.name, doc["select"])
            for table, spec in (doc.get("records") or {}).items():
                for row in spec["rows"]:
                    assert row.get("cite"), (path.name, table, row)
