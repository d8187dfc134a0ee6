"""OCR in the reading layer: which pages are OCR'd, the order and shape of OCR lines, the cache.

Only the cache test runs an engine, and it runs a counting double of one: the
real engine is exercised on real pages in tests/test_ocr_ingest.py.
"""
from __future__ import annotations

import pymupdf
import pytest

from extract.reading import ocr_cache
from extract.reading.ocr import ocr_lines, reading_order
from extract.reading.ocr_engine import OcrEngine, TextBox
from extract.reading.ocr_need import GLYPHS_ONLY, NO_TEXT, SPARSE_TEXT_ON_IMAGE, ocr_reason
from tests.pdf_factory import image_only_pdf


def _grey_picture(width: int = 200, height: int = 200) -> pymupdf.Pixmap:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.clear_with(200)
    return pix


def _page_with(text: str | None = None, image_share: float = 0.0) -> pymupdf.Page:
    doc = pymupdf.open()
    page = doc.new_page()
    if image_share:
        r = page.rect
        page.insert_image(pymupdf.Rect(0, 0, r.width, r.height * image_share), pixmap=_grey_picture())
    if text:
        page.insert_text((72, r.height - 40) if image_share else (72, 72), text, fontsize=9)
    return page


def _words(page: pymupdf.Page) -> list[tuple]:
    return page.get_text("words", sort=False)


def test_a_page_with_ordinary_text_keeps_its_text_layer():
    page = _page_with("Inspection of Bedford Borough local authority children's services")
    assert ocr_reason(page, _words(page)) is None


def test_an_image_with_no_text_is_ocrd(tmp_path):
    doc = pymupdf.open(image_only_pdf(tmp_path / "scan.pdf"))
    assert ocr_reason(doc[0], _words(doc[0])) == NO_TEXT


def test_a_blank_page_is_not_ocrd():
    page = _page_with()
    assert ocr_reason(page, []) is None


def test_cid_codes_and_private_use_glyphs_are_no_text_layer():
    page = _page_with("placeholder")
    unreadable = [(72, 72, 90, 80, "(cid:12)(cid:7)", 0, 0, 0), (92, 72, 99, 80, "\uf0b7", 0, 0, 1),
                  (100, 72, 130, 80, "Page", 0, 0, 2)]
    assert ocr_reason(page, unreadable) == GLYPHS_ONLY
    mostly_readable = unreadable[:1] + [(100, 72, 130, 80, w, 0, 0, i) for i, w in enumerate(["Good", "care", "plan"])]
    assert ocr_reason(page, mostly_readable) is None


def test_a_mostly_image_page_with_only_a_stamp_of_text_is_ocrd():
    page = _page_with("Page 52", image_share=0.9)
    assert ocr_reason(page, _words(page)) == SPARSE_TEXT_ON_IMAGE
    # The same stamp under a small logo is a text page that happens to be short.
    small = _page_with("Page 52", image_share=0.1)
    assert ocr_reason(small, _words(small)) is None


def _box(x0, top, x1, bottom, text, conf=0.9):
    return TextBox(x0, top, x1, bottom, text, conf)


def test_reading_order_keeps_a_wrapped_label_before_its_centred_grade():
    # Bedford 2022's front page: a two-line judgement label, its grade centred beside it
    # (OCR boxes of wrapped lines touch: 200-dpi pixels, as the engine gave them).
    boxes = [
        _box(60, 400, 520, 432, "The impact of leaders on social work"),
        _box(900, 416, 1000, 448, "Good"),
        _box(62, 433, 500, 465, "practice with children and families"),
        _box(60, 500, 500, 530, "Overall effectiveness"),
        _box(900, 502, 1000, 532, "Good"),
    ]
    assert [b.text for b in reading_order(boxes)] == [
        "The impact of leaders on social work", "practice with children and families", "Good",
        "Overall effectiveness", "Good"]


def test_reading_order_reads_table_rows_in_turn_not_columns():
    boxes = [_box(60, 100 + 60 * row, 300, 130 + 60 * row, f"indicator {row}") for row in range(3)]
    boxes += [_box(700, 100 + 60 * row, 760, 130 + 60 * row, f"{row}.5") for row in range(3)]
    assert [b.text for b in reading_order(boxes)] == [
        "indicator 0", "0.5", "indicator 1", "1.5", "indicator 2", "2.5"]


class _CountingEngine:
    """Answers like an engine and counts how often it is asked."""

    def __init__(self):
        self.calls = 0

    def read(self, gray):
        self.calls += 1
        assert gray.ndim == 2 and gray.shape[0] > 1000  # a 200-dpi render of an A4 page
        return [_box(200, 300, 800, 340, "Q3 (2014/15) 92", 0.8)]


def test_ocr_words_are_placed_in_points_and_cached_by_page_image(tmp_path, monkeypatch):
    monkeypatch.setenv(ocr_cache.CACHE_ENV, str(tmp_path / "cache"))
    counter = _CountingEngine()
    engine = OcrEngine("counting", "1", counter.read)
    doc = pymupdf.open(image_only_pdf(tmp_path / "scan.pdf"))
    lines = ocr_lines(doc[0], 1, 7, engine)
    assert counter.calls == 1
    (line,) = lines
    assert line.number == 7 and line.page == 1 and line.confidence == 0.8
    assert [w.text for w in line.words] == ["Q3", "(2014/15)", "92"]
    assert all(w.confidence == 0.8 for w in line.words)
    q3, period, figure = line.words
    assert q3.x0 == pytest.approx(200 * 72 / 200) and figure.x1 == pytest.approx(800 * 72 / 200)
    assert q3.x1 < period.x0 < period.x1 < figure.x0  # in order, apart
    again = ocr_lines(doc[0], 1, 7, engine)
    assert counter.calls == 1, "the same page image is read from the cache"
    assert [w.text for w in again[0].words] == ["Q3", "(2014/15)", "92"]
    assert list((tmp_path / "cache").rglob("*.json"))
    other = OcrEngine("counting", "2", counter.read)
    ocr_lines(doc[0], 1, 7, other)
    assert counter.calls == 2, "a new engine version never reuses old results"
