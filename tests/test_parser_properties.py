"""Property tests: every parser, given altered real documents or hostile text, returns valid records or
warnings and never raises.

Derandomised (a fixed sequence of examples) so the suite is repeatable; set
HYPOTHESIS_PROFILE=explore to search afresh with many more examples.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.registry import PARSERS
from parsers.result import ParseResult
from schemas.document import Document
from tests.parser_documents import document_of, one_empty_page, real_documents, with_text

settings.register_profile("suite", max_examples=12, derandomize=True, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=300, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

DOC_TYPES = sorted(PARSERS)
EVERY_CATEGORY = st.characters(categories=["L", "M", "N", "P", "S", "Z", "C"])  # surrogates and unassigned too
HUGE_NUMBER = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.integers(min_value=20, max_value=6000).map(lambda n: "9" * n),  # past Python's 4,300-digit int() limit
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["1e308", "1e309", "-0", "0.0000000000001", "12,345,678,901,234", "99999999999%"]),
)


def check_parses(doc: Document) -> ParseResult:
    result = PARSERS[doc.doc_type].parse(doc)  # must not raise
    assert isinstance(result, ParseResult)
    assert all(isinstance(w, str) for w in result.warnings)
    for record in result.records:
        again = type(record).model_validate(record.model_dump())  # valid against its own schema
        assert again == record
        assert record.document_id == doc.document_id
        if record.page is not None and doc.lines:
            assert doc.page_start <= record.page <= doc.page_end, (record.page, doc.page_start, doc.page_end)
    return result


@st.composite
def window(draw, doc_type: str, max_lines: int = 150):
    """A run of lines from a real document of this type, and that document."""
    template = draw(st.sampled_from(real_documents()[doc_type]))
    start = draw(st.integers(0, max(0, len(template.lines) - 1)))
    size = draw(st.integers(1, max_lines))
    return template, template.lines[start:start + size]


@st.composite
def rearranged(draw, doc_type: str):
    """Real lines shuffled, cut short, duplicated and dropped."""
    template, lines = draw(window(doc_type))
    lines = draw(st.permutations(lines)) if draw(st.booleans()) else list(lines)
    out = []
    for line in lines:
        action = draw(st.sampled_from(["keep", "keep", "cut", "double", "drop"]))
        if action == "cut":
            out.append(with_text(line, line.text[: draw(st.integers(0, len(line.text)))]))
        elif action == "double":
            out += [line, line]
        elif action == "keep":
            out.append(line)
    return document_of(template, out)


@st.composite
def hostile_text(draw, doc_type: str):
    """Real lines with some replaced by text of every Unicode category, huge numbers and very long lines."""
    template, lines = draw(window(doc_type, max_lines=60))
    words = [w for line in lines for w in line.text.split()] or ["x"]
    noise = st.one_of(
        st.text(EVERY_CATEGORY, max_size=80),
        st.lists(st.one_of(HUGE_NUMBER, st.sampled_from(words)), max_size=12).map(" ".join),
        # Lines of up to 8,000 characters: longer ones find the scorecard parser's superlinear cost, not a crash.
        st.tuples(st.sampled_from([line.text for line in lines]), st.integers(50, 2000))
        .map(lambda t: ((t[0] + " ") * t[1])[:8_000]),
    )
    out = [with_text(line, draw(noise)) if draw(st.integers(0, 3)) == 0 else line for line in lines]
    return document_of(template, out)


@pytest.mark.parametrize("doc_type", DOC_TYPES)
@given(data=st.data())
def test_rearranged_real_lines_never_make_a_parser_raise(doc_type, data):
    check_parses(data.draw(rearranged(doc_type)))


@pytest.mark.parametrize("doc_type", DOC_TYPES)
@given(data=st.data())
def test_hostile_text_never_makes_a_parser_raise(doc_type, data):
    check_parses(data.draw(hostile_text(doc_type)))


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_a_document_of_one_empty_page_reads_nothing_and_says_so(doc_type):
    template = real_documents()[doc_type][0]
    result = check_parses(one_empty_page(template))
    for record in result.records:  # a minutes document always has its meeting row: with every field empty
        read = record.model_dump(exclude={"document_id", "page", "line"})
        assert all(v in (None, "", []) for v in read.values()), read
    assert not result.records or result.warnings


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_the_real_documents_parse_unaltered(doc_type):
    """The control: the same checks on the untouched documents, which do give records."""
    results = [check_parses(doc) for doc in real_documents()[doc_type]]
    assert any(r.records for r in results)
