"""The dedupe stage: reprinted scorecard pages collapse to one fact per figure; disagreements stay apart."""
from __future__ import annotations

import pytest

from extract.dedupe import dedupe_scorecard_values
from parsers.scorecard import parse_scorecard
from schemas.scorecards import ScorecardValue
from tests.scorecard_helpers import SEED_000, line_of, pdf_document, seed000_scorecard, source

# Hand count from seed 000 (lines 2532-4199). The Assessment & Safeguarding, Children in Care,
# Workforce and Customer Voice pages are printed four times (headings at lines 2818, 3128, 3438, 3748),
# the cover, key, Population/Early Help, Schools and risk pages once. Figures per printed copy, counted
# row by row off the page (values + comparators quoted in comments):
#   Assessment & Safeguarding: 5 rows x 4 + 1 x 5 + 1 x 3 + 5 x 5 + 1 x 3 = 56, + 6 comparators = 62
#   Children in Care: 2 + 5 x 4 + 3 + 5 + 3 x 3 + 2 x 5 + 4 + 2 x 5 + 2 x 3 = 69, + 2 comparators = 71
#   Workforce: 3 x 2 = 6;  Customer Voice: 3 x 3 + 4 = 13          -> 152 figures printed 4 times
#   Population: 2 x 4 = 8;  Early Help: 3+2+3+3+3+3+3+5+4+5 = 34;  Schools: 6 x 3 + 5 x 6 = 48
#                                                                    -> 90 figures printed once
REPEATED_PAGES_FIGURES, COPIES, SINGLE_PAGES_FIGURES = 152, 4, 90


@pytest.fixture(scope="module")
def seed000_values():
    return [r for r in parse_scorecard(seed000_scorecard()).records if isinstance(r, ScorecardValue)]


def test_copies_of_the_repeated_pages_are_printed_four_times():
    src = source(SEED_000)
    starts, after = [], 0
    for _ in range(COPIES):
        after = line_of(src, r"^\s*Assessment & Safeguarding\s*$", after + 1)
        starts.append(after)
    assert starts == [2818, 3128, 3438, 3748]


def test_seed000_dedupe_matches_the_hand_count(seed000_values):
    assert len(seed000_values) == REPEATED_PAGES_FIGURES * COPIES + SINGLE_PAGES_FIGURES
    facts = dedupe_scorecard_values(seed000_values)
    assert len(facts) == REPEATED_PAGES_FIGURES + SINGLE_PAGES_FIGURES
    by_occurrences = {}
    for f in facts:
        by_occurrences.setdefault(f.occurrences, []).append(f)
    assert {k: len(v) for k, v in by_occurrences.items()} == {COPIES: REPEATED_PAGES_FIGURES, 1: SINGLE_PAGES_FIGURES}
    assert not any(f.conflict for f in facts)
    assert {f.section for f in by_occurrences[COPIES]} == {
        "Assessment & Safeguarding", "Children in Care", "Workforce", "Customer Voice & Engagement"}


def test_null_period_figures_stay_distinct(seed000_values):
    facts = dedupe_scorecard_values(seed000_values)
    single = [f for f in facts if f.indicator.startswith("% of (single) assessments")]
    assert sorted((f.value_index, f.value) for f in single) == [(0, 79.9), (1, 78.1), (2, 90.0)]
    assert all(f.occurrences == COPIES and f.period is None for f in single)


def test_same_page_from_two_packs_gives_one_fact_with_two_occurrences():
    pack_a = pdf_document("scorecard_q4_2016_17.pdf")
    pack_b = pdf_document("scorecard_reprint_pack.pdf")
    assert pack_a.document_id != pack_b.document_id
    values = [r for d in (pack_a, pack_b) for r in parse_scorecard(d).records if isinstance(r, ScorecardValue)]
    facts = dedupe_scorecard_values(values)
    referrals = [f for f in facts if f.indicator == "Rate of referrals to social care per 10,000 U18 population"]
    assert len(referrals) == 6  # four years + peer group + national
    for f in referrals:
        assert f.occurrences == 2 and f.document_ids == [pack_a.document_id, pack_b.document_id]
        assert f.document_id == pack_a.document_id
    early_help = [f for f in facts if f.section == "Early Help"]
    assert early_help and all(f.occurrences == 1 for f in early_help)


def _value(doc: str, value: float | None, indicator: str = "Number of Children in Care (CiC)", **kw) -> ScorecardValue:
    fields = dict(document_id=doc, indicator=indicator, reporting_basis="Snapshot", period="2016/17",
                  value=value, value_text="?" if value is None else str(int(value)), unit="count")
    fields.update(kw)
    return ScorecardValue(**fields)


def test_disagreeing_copies_are_kept_apart_and_flagged():
    facts = dedupe_scorecard_values([_value("a", 614), _value("b", 614), _value("c", 615)])
    assert sorted((f.value, f.occurrences, f.conflict, tuple(f.document_ids)) for f in facts) == [
        (614, 2, True, ("a", "b")), (615, 1, True, ("c",))]


def test_indicator_keyed_on_folded_text_but_kept_as_printed():
    facts = dedupe_scorecard_values([
        _value("a", 614, "Number of Children in Care  (CiC)"),
        _value("b", 614, "number of children in care (CiC)", reporting_basis="SNAPSHOT"),
    ])
    assert len(facts) == 1 and facts[0].occurrences == 2
    assert facts[0].indicator == "Number of Children in Care  (CiC)"


def test_target_actual_and_comparator_are_different_facts():
    facts = dedupe_scorecard_values([
        _value("a", 614), _value("a", 600, is_target=True),
        _value("a", 45.9, period=None, is_comparator=True, comparator="Peer group"),
    ])
    assert len(facts) == 3 and not any(f.conflict for f in facts)


def test_missing_values_agree_with_each_other_not_with_zero():
    facts = dedupe_scorecard_values([
        _value("a", None), _value("b", None), _value("c", 0),
    ])
    assert sorted((f.value_text, f.occurrences, f.conflict) for f in facts) == [("0", 1, True), ("?", 2, True)]


def test_doc_meta_orders_document_ids_by_date():
    facts = dedupe_scorecard_values([_value("late", 614), _value("early", 614)],
                                    {"late": {"document_date": "2017-09-01"}, "early": {"document_date": "2017-07-13"}})
    assert facts[0].document_ids == ["early", "late"] and facts[0].document_id == "early"


def test_the_same_scorecard_ingested_from_two_packs_gives_one_fact_with_both(tmp_path):
    """End to end: a second pack reprinting the same scorecard adds occurrences, not facts."""
    import duckdb

    from extract.pipeline import ingest
    from tests.conftest import seed

    original = seed(0)
    other_pack = tmp_path / "another-meeting-pack.txt"
    other_pack.write_bytes(original.read_bytes().replace(b"\n", b"\r\n"))  # other bytes, same pages
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([original], one)
    ingest([original, other_pack], two)
    q = "SELECT indicator, reporting_basis, period, is_target, value_index, comparator, occurrences, len(document_ids), conflict FROM scorecard_facts ORDER BY ALL"
    alone = duckdb.connect(str(one), read_only=True).execute(q).fetchall()
    both = duckdb.connect(str(two), read_only=True).execute(q).fetchall()
    assert len(alone) > 200 and len(both) == len(alone)
    for a, b in zip(alone, both):
        assert b[:6] == a[:6]
        assert b[6] == 2 * a[6] and b[7] == 2 and b[8] is False
