"""A cheap test run before a costly case-insensitive pattern: could the pattern match at all?

Scanning an item's whole text with a pattern such as "names ... attended virtually" costs a
regular-expression attempt at every character; most texts do not hold the one word every match
needs. `folded` lower-cases a text so that every word an `re.IGNORECASE` pattern could match is
found in it by `in` (str.lower leaves the long s and the dotless i, which re.I matches to "s"
and "i", as they are), so skipping the pattern when the word is absent never changes a result.
"""
from __future__ import annotations

def folded(text: str) -> str:
    """The text lower-cased as re.IGNORECASE compares ASCII letters."""
    return text.lower().replace("ſ", "s").replace("ı", "i")


def mentions(folded_text: str, *words: str) -> bool:
    """Does the folded text hold any of these lower-case words (literal, no spaces inside)?"""
    return any(word in folded_text for word in words)
