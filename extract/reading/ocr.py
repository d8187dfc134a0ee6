"""OCR a PDF page into the same `Line`s and `Word`s a text layer gives.

The page is rendered at 200 dpi in grayscale (what a scanner gives, and
enough for 9-point print), read by the engine, and its text boxes become
lines in reading order: rows top to bottom, boxes left to right within a
row, one line per box, as pymupdf gives one line per table cell. A box's
words get boxes by their share of its characters, in PDF points like a text
layer's, and each carries the box's confidence. Parsers run on them
unchanged.
"""
from __future__ import annotations

import numpy as np
import pymupdf

from extract.reading import ocr_cache
from extract.reading.furniture import clean_text
from extract.reading.ocr_engine import OcrEngine, TextBox
from schemas.document import Line, Word

DPI = 200


def render_gray(page: pymupdf.Page, dpi: int = DPI) -> np.ndarray:
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]


def read_boxes(page: pymupdf.Page, engine: OcrEngine) -> list[TextBox]:
    """The engine's text boxes for the page image, from the cache when this image was read before."""
    gray = render_gray(page)
    key = ocr_cache.image_key(gray.tobytes(), gray.shape[1], gray.shape[0], engine.name, engine.version)
    boxes = ocr_cache.load(key)
    if boxes is None:
        boxes = engine.read(gray)
        ocr_cache.store(key, boxes)
    return boxes


def ocr_lines(page: pymupdf.Page, page_number: int, first_line_number: int, engine: OcrEngine) -> list[Line]:
    """The page's lines as OCR reads them, numbered on from `first_line_number`."""
    scale = 72.0 / DPI
    lines: list[Line] = []
    for box in reading_order(read_boxes(page, engine)):
        words = _words(box, scale)
        if not words:
            continue
        lines.append(Line(
            text=" ".join(w.text for w in words),
            page=page_number,
            number=first_line_number + len(lines),
            words=tuple(words),
            x0=words[0].x0, top=words[0].top, x1=words[-1].x1, bottom=words[-1].bottom,
            confidence=box.confidence,
        ))
    return lines


def reading_order(boxes: list[TextBox]) -> list[TextBox]:
    """Rows top to bottom (boxes sharing most of their height are one row), left to right in a row."""
    rows: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        row = rows[-1] if rows else None
        if row and _same_row(row[0], box):
            row.append(box)
        else:
            rows.append([box])
    return [box for row in rows for box in sorted(row, key=lambda b: b.x0)]


def _same_row(first: TextBox, box: TextBox) -> bool:
    overlap = min(first.bottom, box.bottom) - max(first.top, box.top)
    return overlap >= 0.5 * min(first.bottom - first.top, box.bottom - box.top)


def _words(box: TextBox, scale: float) -> list[Word]:
    """Split a box into words, each given the share of the box's width its characters take."""
    texts = box.text.split()
    if not texts:
        return []
    total = len(" ".join(texts))
    width = (box.x1 - box.x0) / max(total, 1)
    words: list[Word] = []
    offset = 0
    for text in texts:
        x0 = box.x0 + offset * width
        x1 = x0 + len(text) * width
        offset += len(text) + 1
        cleaned = clean_text(text)
        if cleaned:
            words.append(Word(cleaned, x0 * scale, box.top * scale, x1 * scale, box.bottom * scale,
                              confidence=box.confidence))
    return words
