"""The English local authorities with children's services functions, as the splitter finds them in text.

A gazetteer, not a per-council rule: it lets any document name its
authority ("Gloucestershire County Council", "London Borough of Ealing",
"City of Wolverhampton", "Hull") and be recorded under one canonical name.
The names, and the other names each is printed under, come from the one
list of authorities, `parsers/common/authorities.csv`.
"""
from __future__ import annotations

import re

from parsers.common.authorities import all_authorities, canonical_authority as _canonical

AUTHORITIES = sorted(a.name for a in all_authorities())

# Every name an authority is printed under ("South Gloucestershire", "London Borough of Ealing", "Hull").
_NAMES = sorted({n for a in all_authorities() for n in (a.name, *a.printed_as, *a.trusts)})


def _trie_pattern(names: list[str]) -> str:
    """One regex for many names, as a trie of their characters: a flat alternation of hundreds of
    names is tried name by name at every position of a pack, the trie once (the splitter reads whole packs)."""
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Longest first: a name that goes on (`Gloucestershire County Council`) wins over its prefix.
        return f"(?:{body})?" if ends else body

    return walk(trie)


# Case-sensitive: "Reading", "Bury" and "York" are also ordinary words. A name must not run on from a
# word before it either; that is checked in `authorities_in`, not by a look-behind here: a pattern
# opening with the trie's first letters is scanned for them, one opening with a look-behind is tried
# at every position (it was a sixth of the splitter's time on the shared minutes).
_PATTERN = re.compile(r"(" + _trie_pattern(_NAMES) + r")(?![A-Za-z])")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def canonical_authority(name: str) -> str:
    """The canonical name of a name the gazetteer found; an unknown name is kept as given."""
    return _canonical(name) or name


def authorities_in(text: str) -> list[str]:
    """Every authority named in `text`, canonical, in order of appearance (repeats kept)."""
    if text.isupper():
        text = text.title()
    found, at = [], 0
    while m := _PATTERN.search(text, at):
        if m.start() and text[m.start() - 1] in _ASCII_LETTERS:
            at = m.start() + 1  # "xYork": not a name here, but one may start inside this match ("xCity of York")
            continue
        found.append(canonical_authority(m.group(1)))
        at = m.end()
    return found


def first_authority(text: str) -> str | None:
    found = authorities_in(text)
    return found[0] if found else None
