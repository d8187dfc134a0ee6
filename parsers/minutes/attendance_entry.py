"""One attendance entry: a person as printed, what they were at the meeting, and the line that says so.

The role follows from the list the person was printed in (its label's kind: members, others, apologies,
substitutes ...) and what the entry itself says (a chair's office, a post, a substitution).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.minutes.lines import MinutesLine
from parsers.minutes.name_lists import split_entries
from parsers.minutes.names import PrintedPerson
from parsers.minutes.nlp import is_cabinet_role

# Kind suffix of a block printed as attended at a distance.
VIRTUAL_BLOCK = "+virtual"


@dataclass
class AttendanceEntry:
    person: PrintedPerson
    role: str
    present: bool
    page: int
    number: int
    mode: str = "unknown"  # in_person | virtual | unknown
    kind: str = "person"  # person | organisation


def entries_for(person: PrintedPerson, kind: str, at: MinutesLine, present: bool | None = None) -> list[AttendanceEntry]:
    """The person's entry, and for an apology noting who came instead, that substitute's too. `present`:
    whether they came, where the list marks it (else the kind says)."""
    if person.substituted_by:
        kind, present = "apologies", None  # "Mrs A Smith who was substituted by Mr B Jones": she was not there
    out = [entry_for(person, kind, at, present)]
    if person.substituted_by and not out[0].present:
        for substitute in split_entries(person.substituted_by):
            substitute.substitute_for = person.name
            out.append(entry_for(substitute, "substitutes", at))
    return out


def entry_for(person: PrintedPerson, kind: str, at: MinutesLine, present: bool | None = None) -> AttendanceEntry:
    kind, _, distance = kind.partition("+")
    if present is None:
        present = kind not in ("apologies", "absent")
    mode = "virtual" if distance == "virtual" and present else (person.mode if present else "unknown")
    if person.organisation:
        role = "other"
    elif not person.is_person:
        role = "co_opted"
    elif person.chair:
        role = person.chair
    elif kind in ("chair", "vice_chair", "co_opted"):
        role = kind
    elif kind == "substitutes" or person.substitute_for:
        role = "substitute"
    elif kind == "attendees" and not (person.position and not _is_councillor(person)):
        role = "member"
    elif kind in ("others", "attendees"):
        if person.position and is_cabinet_role(person.position):
            role = "cabinet_member"
        elif person.position and not _is_councillor(person):
            role = "officer"
        else:
            role = "other"  # a councillor attending with a post that is not an executive one
    else:
        role = "member"
    return AttendanceEntry(person, role, present, at.page, at.number, mode,
                           "organisation" if person.organisation else "person")


def _is_councillor(person: PrintedPerson) -> bool:
    return bool(person.title and re.search(r"\b(?:cllr|councillor)\b", person.title, re.I))
