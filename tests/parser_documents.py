"""Documents for the parser property tests: real ones from the shared corpus, and ways to build altered copies."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from extract.reading import read_source
from extract.splitting import split_source
from schemas.document import Document, Line, Page, Word
from tests.conftest import OFSTED, ROOT, SEEDS

# Text packs hold every document type; the PDFs add words with positions for the layout-aware parsers.
REAL_FILES = sorted(SEEDS.glob("*.txt")) + [
    ROOT / "corpus" / "fixtures" / "scorecard" / "scorecard_q4_2016_17.pdf",
    OFSTED / "bedford-2022-01-14.pdf",
]


@lru_cache(maxsize=1)
def real_documents() -> dict[str, list[Document]]:
    found: dict[str, list[Document]] = {}
    for path in REAL_FILES:
        for doc in split_source(read_source(path)):
            found.setdefault(doc.doc_type, []).append(doc)
    return found


def with_text(line: Line, text: str) -> Line:
    """The line saying `text`; a positioned line gets words laid out left to right at its height."""
    if not line.words:
        return replace(line, text=text)
    x = line.x0 or 0.0
    words = []
    for token in text.split():
        width = 5.0 * len(token)
        words.append(Word(token, x, line.top or 0.0, x + width, line.bottom or 10.0))
        x += width + 3.0
    return replace(line, text=text, words=tuple(words), x1=x)


def document_of(template: Document, lines: list[Line]) -> Document:
    """A document of the template's type, source and layout holding exactly `lines` (copied)."""
    lines = [replace(l) for l in lines]
    numbers = sorted({l.page for l in lines}) or [template.page_start]
    layout = {p.number: p for p in template.pages}
    pages = []
    for n in numbers:
        like = layout.get(n)
        pages.append(Page(number=n, lines=[l for l in lines if l.page == n],
                          width=like.width if like else None, height=like.height if like else None))
    return replace(
        template, lines=lines, pages=pages, page_start=numbers[0], page_end=numbers[-1],
        line_start=min((l.number for l in lines), default=template.line_start),
        line_end=max((l.number for l in lines), default=template.line_start),
    )


def one_empty_page(template: Document) -> Document:
    page = template.page_start
    return replace(template, lines=[], pages=[Page(number=page, lines=[])], page_start=page, page_end=page,
                   line_start=template.line_start, line_end=template.line_start)
