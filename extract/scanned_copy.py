"""Image-only copies of PDF pages, as a scanner would make them: the OCR benchmark's and tests' input.

Each page is rendered at 200 dpi in grayscale and placed as one picture on a
page of the same size, with no text layer: what a council's scanned letter or
pasted-in scorecard looks like to the reader. The text-layer copy of the same
pages is the reference the OCR'd copy is measured against.
"""
from __future__ import annotations

import pymupdf

from extract.reading.ocr import DPI


def image_only_copy(pdf: bytes, pages: list[int] | None = None, dpi: int = DPI) -> bytes:
    """The given 1-based pages (all by default) as an image-only PDF."""
    src = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    try:
        for number in pages or range(1, src.page_count + 1):
            page = src.load_page(number - 1)
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
            scanned = out.new_page(width=page.rect.width, height=page.rect.height)
            scanned.insert_image(scanned.rect, stream=pix.tobytes("png"))
        return out.tobytes(garbage=3, deflate=True)
    finally:
        src.close()
        out.close()


def text_layer_copy(pdf: bytes, pages: list[int] | None = None) -> bytes:
    """The same pages with their text layer, for comparison."""
    src = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    try:
        for number in pages or range(1, src.page_count + 1):
            out.insert_pdf(src, from_page=number - 1, to_page=number - 1)
        return out.tobytes(garbage=3, deflate=True)
    finally:
        src.close()
        out.close()
