"""Line clean-up the Ofsted helpers share: footnote markers, quotes, page numbers."""
from __future__ import annotations

import re
from collections.abc import Callable

_SUPERSCRIPTS = re.compile("[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]{0,20}>")
# A footnote number glued to the last word of a heading: `Board1`, `improve?1`, `area2`.
_GLUED_FOOTNOTE = re.compile(r"(?<=[A-Za-z?.)])\d{1,2}$")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_BARE_NUMBER = re.compile(r"^\d{1,3}$")


def clean_line(text: str) -> str:
    """One line with markup, superscript footnote marks and runs of spaces removed."""
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if not text.isascii():
        text = _SUPERSCRIPTS.sub("", text)
    return " ".join(text.split())


def strip_glued_footnote(text: str) -> str:
    """`Review of ... Board1` -> `Review of ... Board` (for heading-like lines only)."""
    return _GLUED_FOOTNOTE.sub("", text)


def fold_quotes(text: str) -> str:
    """Curly quotes to straight ones: the PDF and its text extraction differ only there."""
    return text.translate(_QUOTES)


def is_bare_number(text: str) -> bool:
    """A printed page number on a line of its own."""
    return bool(_BARE_NUMBER.match(text))


_SUSPENDED_HYPHEN_NEXT = re.compile(r"^(?:and|or)\b")


def join_pieces(pieces: list[str], glued: Callable[[str, str], bool]) -> str:
    """Pieces of one wrapped text, stripped, blanks dropped, joined by a space except where
    `glued(text so far, next piece)` says a line-end hyphen sits inside the word."""
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out and glued(out, piece):
            out += piece
        else:
            out = f"{out} {piece}" if out else piece
    return out


def _inside_a_word(out: str, part: str) -> bool:
    # Ofsted reports are not hyphenated by the typesetter: a line-end hyphen is part of the word
    # (`long-` / `term`), so only the line break goes. A suspended hyphen (`16-` / `and
    # 17-year-olds`) keeps its space.
    return out.endswith("-") and not out.endswith(" -") and not _SUSPENDED_HYPHEN_NEXT.match(part)


def join_words(parts: list[str]) -> str:
    """Lines of one wrapped phrase joined; a word hyphenated at a line end is rejoined."""
    return join_pieces(parts, _inside_a_word)
