"""OCR a PDF page into the same `Line`s and `Word`s a text layer gives.

The page is rendered at 200 dpi in grayscale (what a scanner gives, and
enough for 9-point print), read by the engine, and its text boxes become
lines in the order a text layer gives them (`reading_order`), one line per
box, as pymupdf gives one line per table cell line. A box's
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
    """The order a text layer gives: blocks (a cell's or paragraph's stacked lines) in rows, left to right.

    pymupdf gives a table row as each cell's lines in turn (a wrapped indicator's
    two lines, then its figures), so OCR lines are first gathered into blocks of
    left-aligned lines with no gap between them, then a block joins a row when it
    starts before the row's first line ends: the grade centred beside a two-line
    label joins the label's row.
    """
    blocks = _blocks(boxes)
    rows: list[list[list[TextBox]]] = []
    for block in sorted(blocks, key=lambda b: (b[0].top, b[0].x0)):
        anchor = rows[-1][0][0] if rows else None
        if anchor is not None and block[0].top < anchor.bottom + 0.25 * _height(anchor):
            rows[-1].append(block)
        else:
            rows.append([block])
    ordered: list[TextBox] = []
    for row in rows:
        for block in sorted(row, key=lambda b: (b[0].x0, b[0].top)):
            ordered.extend(block)
    return ordered


def _blocks(boxes: list[TextBox]) -> list[list[TextBox]]:
    blocks: list[list[TextBox]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        for block in blocks:
            last = block[-1]
            h = _height(last)
            if abs(box.x0 - last.x0) <= 0.5 * h and -0.5 * h <= box.top - last.bottom <= 0.3 * h:
                block.append(box)
                break
        else:
            blocks.append([box])
    return blocks


def _height(box: TextBox) -> float:
    return max(box.bottom - box.top, 1.0)


def _words(box: TextBox, scale: float) -> list[Word]:
    """Split a box into words, each as wide as its characters' share of the box.

    Shares follow Helvetica's advance widths (a space is half a digit wide), the
    nearest a font-blind reading gets to where each word is printed: close
    enough that a period like `Q3 (2014/15)` stays one header cell.
    """
    texts = box.text.split()
    if not texts:
        return []
    widths = [_advance(t) for t in texts]
    space = _advance(" ")
    unit = (box.x1 - box.x0) / max(sum(widths) + space * (len(texts) - 1), 1e-6)
    words: list[Word] = []
    x = box.x0
    for text, width in zip(texts, widths):
        x0, x1 = x, x + width * unit
        x = x1 + space * unit
        cleaned = clean_text(text)
        if cleaned:
            words.append(Word(cleaned, x0 * scale, box.top * scale, x1 * scale, box.bottom * scale,
                              confidence=box.confidence))
    return words


def _advance(text: str) -> float:
    return pymupdf.get_text_length(text, fontname="helv", fontsize=1) or 0.5 * len(text)
