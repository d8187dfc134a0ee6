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

# Every name an authority is printed under, longest first so "South Gloucestershire" wins over
# "Gloucestershire" and "London Borough of Ealing" over "Ealing".
_NAMES = sorted({n for a in all_authorities() for n in (a.name, *a.printed_as, *a.trusts)}, key=len, reverse=True)
_PATTERN = re.compile(
    r"(?<![A-Za-z])(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMES) + r")(?![A-Za-z])",
    # Case-sensitive: "Reading", "Bury" and "York" are also ordinary words.
)


def canonical_authority(name: str) -> str:
    """The canonical name of a name the gazetteer found; an unknown name is kept as given."""
    return _canonical(name) or name


def authorities_in(text: str) -> list[str]:
    """Every authority named in `text`, canonical, in order of appearance (repeats kept)."""
    if text.isupper():
        text = text.title()
    return [canonical_authority(m.group(1)) for m in _PATTERN.finditer(text)]


def first_authority(text: str) -> str | None:
    found = authorities_in(text)
    return found[0] if found else None
