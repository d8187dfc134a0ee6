"""The one document model every reader produces and every parser reads.

A source (PDF or pdftotext-style text) becomes a list of `Page`s holding
`Line`s; PDF lines also carry their `Word`s with positions, text lines have
none. A scanned page's lines come from OCR in the same shape, with each
word's confidence, and the page says so in `text_source`. The splitter cuts a source's lines into `Document`s. Parsers only ever
see a `Document`.

Plain slotted dataclasses rather than Pydantic: a 50-page pack has tens of
thousands of words and validation there would cost more than the reading.
Records that leave the pipeline (`schemas/*.py`) are Pydantic.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float | None = None  # the OCR engine's, 0-1; None for words from a text layer


WORD_SEPARATOR = "\x00"  # between a page's word texts in `PageWords`: never printed in a word (checked)


class PageWords:
    """A PDF page's words as columns: their texts, and their boxes in four arrays of numbers.

    A page holds hundreds of words and most parsers never look at one (an Ofsted
    report is read line by line): a `Word` object per word, each cleaned, was a fifth of the
    reading time, and 170 MB on a 2,000-page pack. Lines keep a `PackedWords` view
    into these columns instead, which makes `Word`s only when it is read. The
    texts are kept as one string (a string per word was 45 MB of that pack), the
    boxes as 32-bit floats: MuPDF computes them in 32-bit floats, so they are exact.
    """

    __slots__ = ("_joined", "_texts", "x0", "top", "x1", "bottom", "starts")

    def __init__(self, texts: str | Sequence[str], x0, top, x1, bottom, starts: list[int]) -> None:
        """`texts`: the words joined by WORD_SEPARATOR, or (where a word holds the separator) a sequence."""
        self._joined, self._texts = (texts, None) if isinstance(texts, str) else (None, tuple(texts))
        self.x0, self.top, self.x1, self.bottom = (numpy.array(v, dtype=numpy.float32) for v in (x0, top, x1, bottom))
        self.starts = starts  # where each line's words begin, and where the last one ends

    def texts(self) -> Sequence[str]:
        return self._texts if self._texts is not None else self._joined.split(WORD_SEPARATOR)


class PackedWords(Sequence):
    """One line's words, `start` to `end` of its page's `PageWords`: a tuple of `Word`s to whoever reads it.

    The `Word`s are made on first use and kept, so a word read twice is the same object.
    """

    __slots__ = ("_columns", "_start", "_end", "_words")

    def __init__(self, columns: PageWords, start: int, end: int) -> None:
        self._columns, self._start, self._end, self._words = columns, start, end, None

    def _built(self) -> tuple[Word, ...]:
        if self._words is None:
            c, i, j = self._columns, self._start, self._end
            self._words = tuple(map(Word, c.texts()[i:j], c.x0[i:j].tolist(), c.top[i:j].tolist(), c.x1[i:j].tolist(),
                                    c.bottom[i:j].tolist()))
        return self._words

    @property
    def span(self) -> tuple[PageWords, int, int]:
        """The page's columns and where this line's words start and end in them: for a reader that
        wants the numbers without a `Word` per word."""
        return self._columns, self._start, self._end

    def __len__(self) -> int:
        return self._end - self._start

    def __getitem__(self, index):
        return self._built()[index]

    def __iter__(self):
        return iter(self._built())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(self._built())

    def __repr__(self) -> str:
        return repr(self._built())

    def __reduce__(self):  # pickled as the plain tuple it stands for
        return tuple, (self._built(),)


@dataclass(slots=True)
class Line:
    text: str
    page: int  # 1-based page of the source this line was printed on
    number: int  # 1-based line number in the source (text) or running line index (PDF)
    # A tuple of `Word`s, or (from the PDF reader) a `PackedWords` that reads as one.
    words: Sequence[Word] = ()
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    confidence: float | None = None  # lowest OCR word confidence on the line; None from a text layer


# Where a page's lines came from.
TEXT_LAYER = "text_layer"  # the PDF's own text (or a text extraction)
OCR = "ocr"  # recognised from the rendered page image
NEEDS_OCR = "needs_ocr"  # the text layer is unusable and no OCR engine was available: lines are what the layer gave


@dataclass(slots=True)
class Page:
    number: int  # 1-based index in the source file
    lines: list[Line]
    width: float | None = None  # None for text sources
    height: float | None = None
    label: str | None = None  # printed page stamp ("52" from "Page 52"), if any
    has_text_layer: bool = True  # False when the page holds no text to read: neither a text layer nor OCR words
    # Filled shapes in a status colour (RAG shown only as a colour): ((x0, top, x1, bottom), (r, g, b)),
    # components 0-1. Read from the PDF for the pages of documents whose parser reads them
    # (`extract.read_documents`), on pages that print a status label; empty on every other page.
    fills: list[tuple[tuple[float, float, float, float], tuple[float, float, float]]] = field(default_factory=list)
    text_source: str = TEXT_LAYER  # TEXT_LAYER, OCR or NEEDS_OCR

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class Source:
    """A file as read: its identity and its pages."""

    source_id: str  # sha256 of the bytes
    path: str
    kind: str  # "pdf" or "text"
    pages: list[Page]
    outline: list[tuple[int, str, int]] = field(default_factory=list)  # (level, title, page)

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]


@dataclass(slots=True)
class Document:
    """One logical document inside a source: a page range (PDF) or line range (text)."""

    document_id: str
    source_id: str
    doc_type: str
    title: str
    lines: list[Line]
    page_start: int
    page_end: int
    line_start: int
    line_end: int
    source_kind: str = "pdf"
    local_authority: str | None = None
    document_date: date | None = None
    pages: list[Page] = field(default_factory=list)  # the pages it spans, for layout-aware parsers
    # How the splitter typed it: the cues it read, their score, and low / medium / high.
    typing_cues: list[str] = field(default_factory=list)
    typing_score: int | None = None
    typing_confidence: str | None = None

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
