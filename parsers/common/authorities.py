"""England's children's services authorities, read once from `authorities.csv` beside this file.

The file is the one list of authorities: each row is an authority's canonical
name, the other names it is printed under (`Kingston upon Hull City Council`,
`Bristol, City of`), the children's services trusts that ran its services for
it (a trust's report belongs to its council), its predecessors and successors
(Northamptonshire -> North and West Northamptonshire, 2021) and the dates it
began or ended. Multi-valued cells are separated by `;`.

`canonical_authority` maps a name as printed to its canonical name, by the
file's names and by stripping the council-type words every council adds
(`Metropolitan Borough of X Council`, `London Borough of X`). A name it does
not know is None: the caller keeps it as printed and warns; it is never
forced to the nearest name.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

AUTHORITIES_CSV = Path(__file__).with_name("authorities.csv")


@dataclass(frozen=True)
class Authority:
    name: str
    printed_as: tuple[str, ...]
    trusts: tuple[str, ...]
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    since: date | None  # the day it took on children's services (None: before the collection)
    until: date | None  # the last day it had them (None: still has them)


def _cell_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def _cell_date(cell: str) -> date | None:
    return date.fromisoformat(cell) if cell and cell.strip() else None


@cache
def all_authorities() -> tuple[Authority, ...]:
    with AUTHORITIES_CSV.open(encoding="utf-8", newline="") as f:
        return tuple(
            Authority(row["name"].strip(), _cell_list(row["printed_as"]), _cell_list(row["trusts"]),
                      _cell_list(row["predecessors"]), _cell_list(row["successors"]),
                      _cell_date(row["from"]), _cell_date(row["until"]))
            for row in csv.DictReader(f)
        )


def canonical_names() -> frozenset[str]:
    return frozenset(a.name for a in all_authorities())


def name_key(text: str) -> str:
    """A printed name folded for lookup: case, quotes, `&`, commas, full stops and a leading `The` do not count."""
    folded = text.replace("\u2019", "'").replace("&", " and ").lower()
    folded = re.sub(r"[.,]", " ", folded)
    folded = " ".join(folded.split())
    return re.sub(r"^the\s+", "", folded)


@cache
def _index() -> dict[str, str]:
    """Every name in the file (canonical, printed, trust), folded, -> canonical name."""
    index: dict[str, str] = {}
    for a in all_authorities():
        for printed in (a.name, *a.printed_as, *a.trusts):
            index.setdefault(name_key(printed), a.name)
    return index


# The words a council adds around its place name: `X Metropolitan Borough Council`, `X City Council`.
_COUNCIL_SUFFIX = re.compile(
    r"\s+(?:metropolitan\s+borough|metropolitan\s+district|county\s+borough|royal\s+borough|borough|county|city|district)?"
    r"\s*council$|\s+(?:borough|city)$",
    re.I,
)
_COUNCIL_PREFIX = re.compile(
    r"^(?:the\s+)?(?:london\s+borough\s+of|royal\s+borough\s+of|metropolitan\s+borough\s+of|city\s+of|county\s+of|"
    r"borough\s+of|council\s+of\s+the)\s+",
    re.I,
)
# A trust that runs a council's children's services: `Doncaster Children's Services Trust`.
_TRUST_SUFFIX = re.compile(r"\s+(?:children's\s+(?:services\s+)?trust|children\s+and\s+families\s+trust)$", re.I)


def strip_council_words(printed: str) -> str:
    """`Metropolitan Borough of Barnsley Council` -> `Barnsley`; `London Borough of Ealing` -> `Ealing`."""
    name = printed.replace("\u2019", "'").strip()
    for _ in range(2):  # `Royal Borough of Kingston upon Thames Council`: prefix and suffix both
        name = _COUNCIL_SUFFIX.sub("", name).strip()
        stripped = _COUNCIL_PREFIX.sub("", name).strip()
        # `City of London` is an authority's whole name, not a prefix and a place.
        if stripped and stripped.lower() != "london":
            name = stripped
    return name


def canonical_authority(printed: str) -> str | None:
    """The canonical name of an authority as printed, or None when the file does not know it."""
    index = _index()
    text = " ".join(printed.split())
    for candidate in (text, strip_council_words(text), _TRUST_SUFFIX.sub("", text)):
        found = index.get(name_key(candidate))
        if found:
            return found
    return index.get(name_key(strip_council_words(_TRUST_SUFFIX.sub("", text))))


def authority(name: str) -> Authority | None:
    """The row of a canonical name."""
    return next((a for a in all_authorities() if a.name == name), None)
