"""A cheap test run before a costly case-insensitive pattern: could the pattern match at all?

Scanning an item's whole text with a pattern such as "names ... attended virtually" costs a
regular-expression attempt at every character; most texts do not hold the one word every match
needs. `folded` lower-cases a text so that every word of ASCII letters an `re.IGNORECASE` pattern
could match is found in it by `in`, so skipping the pattern when the word is absent never changes
a result. str.lower alone would not do: re.I matches the long s to "s", the dotless i and the
dotted capital I to "i", and str.lower leaves the first two as they are and makes the third two
characters ("vİa" would hide "via").
"""
from __future__ import annotations

def folded(text: str) -> str:
    """The text lower-cased as re.IGNORECASE compares ASCII letters."""
    if text.isascii():
        return text.lower()  # none of the three letters below is ASCII; asking costs nothing
    return text.replace("İ", "i").lower().replace("ſ", "s").replace("ı", "i")


def mentions(folded_text: str, *words: str) -> bool:
    """Does the folded text hold any of these lower-case words (literal, no spaces inside)?"""
    for word in words:
        if word in folded_text:
            return True
    return False
