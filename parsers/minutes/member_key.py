"""One councillor's name folded the same way wherever it is printed, so analysts can count a member's
attendance and votes across meetings.

Titles ("Cllr", "Mr", "Sir") and honours ("OBE", "CBE") go, initials stay when printed ("Mr B J
Sweetland" -> "b j sweetland", "Mr Baker" -> "baker"): the key never adds what the page did not print.
"""
from __future__ import annotations

import re
from functools import lru_cache

from parsers.minutes.names import split_post_nominals, split_title


_SPACES = re.compile(r"\s+")
_BRACKETED = re.compile(r"\([^()]*\)")
_NOT_IN_A_NAME = re.compile(r"[^\w' -]")


@lru_cache(maxsize=8192)  # the same names recur on every list and vote of a meeting
def member_key(name: str | None, title: str | None = None) -> str | None:
    """The folded name; None when nothing of a name is left."""
    if not name:
        return None
    printed = f"{title} {name}" if title else name
    _, bare = split_title(" ".join(printed.split()))
    bare, _ = split_post_nominals(bare)
    if "(" in bare:
        bare = _BRACKETED.sub(" ", bare)  # "(Chairman)" is a role, not the name
    bare = bare.replace(".", "").replace("’", "'").replace("`", "'")  # stops go, apostrophes are one
    bare = _NOT_IN_A_NAME.sub(" ", bare.lower())
    key = _SPACES.sub(" ", bare).strip(" -")
    return key or None


def same_member(a: str | None, b: str | None) -> bool:
    """Do two printings name the same member? "Lesley Game" and "L Game", "Game" and "Ms L Game" do;
    "J Wright" and "L Wright" do not. The surnames must agree and the initials printed must not differ."""
    ka, kb = member_key(a), member_key(b)
    if not ka or not kb:
        return False
    ta, tb = ka.split(), kb.split()
    if ta[-1] != tb[-1]:
        return False
    ia, ib = "".join(t[0] for t in ta[:-1]), "".join(t[0] for t in tb[:-1])
    return ia.startswith(ib) or ib.startswith(ia)
