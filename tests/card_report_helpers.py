"""Build the card-report fixtures (corpus/fixtures/card_reports.py) into a test's folder and read them back."""
from __future__ import annotations

import sys
from pathlib import Path

from extract.read_documents import read_documents
from parsers.registry import parser_for
from parsers.common.figures import parse_figure

FIXTURES = Path(__file__).resolve().parents[1] / "corpus" / "fixtures"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import card_report_specs as specs  # noqa: E402
import card_reports as cr  # noqa: E402


def figure(printed: str | None) -> float | None:
    """The value a printed figure ("40.4%", "£3,576", "273 days") stands for, read independently of the parser."""
    if printed is None:
        return None
    return parse_figure(printed.split()[0]).value


def parse_pdf(path: Path):
    """(documents, records, warnings) of every scorecard document in the file."""
    _, docs = read_documents(path)
    records, warnings = [], []
    for doc in docs:
        if doc.doc_type == "scorecard":
            result = parser_for("scorecard").parse(doc)
            records.extend(result.records)
            warnings.extend(result.warnings)
    return docs, records, warnings


def latest_by_name(records) -> dict:
    out: dict = {}
    for r in records:
        if r.layout == "card" and not r.is_target and not r.is_comparator:
            assert r.indicator not in out, f"two latest values for {r.indicator!r}"
            out[r.indicator] = r
    return out


def mismatches(cards, records, rag_source: str) -> list[str]:
    """Every field of every drawn card the parser read differently (empty when all are right)."""
    got = latest_by_name(records)
    wrong = []
    for card in cards:
        r = got.get(card.name)
        if r is None:
            wrong.append(f"missing card {card.name!r}")
            continue
        expected = {
            "value": figure(card.latest), "target": figure(card.target), "floor": figure(card.floor),
            "previous": figure(card.previous), "previous_rag": card.previous_rag, "period": card.period,
            "rag": card.rag, "rag_source": rag_source if card.rag else None, "direction": card.direction,
            "polarity": card.polarity, "comment": card.commentary or None,
        }
        for field, want in expected.items():
            if getattr(r, field) != want:
                wrong.append(f"{card.name[:40]!r}: {field} {getattr(r, field)!r} != {want!r}")
    return wrong
