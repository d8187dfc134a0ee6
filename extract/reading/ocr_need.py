"""Does a PDF page have a usable text layer, or must it be OCR'd?

Three rules, each one reason a page is OCR'd (anything else keeps its text
layer, which is exact and a thousand times faster to read):

- `no_text`: no words at all on a page that shows an image (a scan, a pasted
  picture). A page with neither is blank, and there is nothing to read.
- `glyphs_only`: the words are there but unreadable: at least half of them are
  `(cid:NN)` codes or private-use glyphs, from a font without a Unicode map.
- `sparse_text_on_image`: the page is mostly image and its words cover a tiny
  share of it: a scanned page with only a stamp or page number as text.

The thresholds sit well clear of the shared corpus's text pages: the sparsest
real text page there has words over 1.3% of its area, and no text page is
more than 1% image (`make bench-ocr` prints how many pages each rule picks).
"""
from __future__ import annotations

import re

import pymupdf

NO_TEXT = "no_text"
GLYPHS_ONLY = "glyphs_only"
SPARSE_TEXT_ON_IMAGE = "sparse_text_on_image"
REASONS = (NO_TEXT, GLYPHS_ONLY, SPARSE_TEXT_ON_IMAGE)

UNREADABLE_SHARE = 0.5  # of words that are cid codes or private-use glyphs
MOSTLY_IMAGE = 0.5  # share of the page area under images
TINY_TEXT = 0.01  # share of the page area under words

_CID = re.compile(r"\(cid:\d+\)")
# Private-use glyphs: with `(cid:`, what can make a word unreadable. A search of the page's text for
# either spares the per-word check on every page that has none (nearly all of them).
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")


def ocr_reason(page: pymupdf.Page, raw_words: list[tuple], text: str | None = None,
               rect: pymupdf.Rect | None = None) -> str | None:
    """Why this page must be OCR'd (one of REASONS), or None when its text layer is usable.

    `raw_words` are pymupdf's `get_text("words")` tuples for the page; `text` their texts joined by
    spaces, and `rect` the page's rectangle, when the caller has them already (`page.rect` asks
    MuPDF again at every use).
    """
    if rect is None:
        rect = page.rect
    # Images are measured last, and only where the words leave a doubt: it is the costly look-up.
    if not raw_words:
        return NO_TEXT if _image_share(page, rect) > 0 else None
    if text is None:
        text = " ".join(w[4] for w in raw_words)
    if "(cid:" not in text and (text.isascii() or not _PRIVATE_USE.search(text)):
        unreadable = 0
    elif text.count("(cid:") + len(_PRIVATE_USE.findall(text)) < UNREADABLE_SHARE * len(raw_words):
        unreadable = 0  # too few such glyphs for half the words to hold one (a page of bullets, say)
    else:
        unreadable = sum(1 for w in raw_words if _is_unreadable(w[4]))
    if unreadable >= UNREADABLE_SHARE * len(raw_words):
        return GLYPHS_ONLY
    if not _words_cover(rect, raw_words, TINY_TEXT) and _image_share(page, rect) >= MOSTLY_IMAGE:
        return SPARSE_TEXT_ON_IMAGE
    return None


def _is_unreadable(text: str) -> bool:
    """A word with no letter or digit left once cid codes and private-use glyphs are taken out, having had some."""
    rest = _CID.sub("", text)
    rest = "".join(c for c in rest if not _private_use(c))
    if rest == text:
        return False
    return not any(c.isalnum() for c in rest)


def _private_use(char: str) -> bool:
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or 0xF0000 <= code <= 0x10FFFD


def _page_area(rect: pymupdf.Rect) -> float:
    return max(rect.width * rect.height, 1.0)


def _image_share(page: pymupdf.Page, rect: pymupdf.Rect) -> float:
    covered = 0.0
    try:
        infos = page.get_image_info()
    except Exception:  # a damaged image dictionary: judge by the words alone
        return 0.0
    for info in infos:
        box = pymupdf.Rect(info["bbox"]) & rect
        if not box.is_empty:
            covered += box.width * box.height
    return min(covered / _page_area(rect), 1.0)


def _words_cover(rect: pymupdf.Rect, raw_words: list[tuple], share: float) -> bool:
    """Do the words' boxes add up to `share` of the page? Stops adding once they do: on a page of
    text that is within the first few dozen words."""
    need = share * _page_area(rect)
    covered = 0.0
    for w in raw_words:
        covered += (w[2] - w[0]) * (w[3] - w[1])
        if covered >= need:
            return True
    return False
