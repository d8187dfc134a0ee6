"""One person (or a seat with no person's name) as printed in minutes.

"Cllr Dr Andrew Miller (Chairman)", "Mr R C Love, OBE", "Neelam Bhardwaja -
Interim Director of Improvement and Operations", "Cllr Phil Awford (In place
of Cllr Alan Preest)", "Ambassador for Vulnerable Children and Young People".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsers.common.folding import folded
from parsers.minutes.organisations import is_organisation

# Honorifics kept in `title`, never in the name.
TITLES = {
    "cllr", "councillor", "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady",
    "prof", "professor", "rev", "revd", "reverend", "canon", "baroness", "baron", "hon", "fr", "father",
}
# The tier of council some print before the title: "County Councillor A Smith", "District Cllrs A and B".
# Part of the title only before a councillor's title ("County Hall" is no title).
COUNCIL_TIERS = {"county", "district", "borough", "city", "town", "parish"}
# The same, optional, before a title in a pattern (in any case, whatever the pattern's flags).
TIER = rf"(?:(?i:{'|'.join(sorted(COUNCIL_TIERS))})\s+)?"
_COUNCILLOR_TITLES = {"cllr", "cllrs", "councillor", "councillors"}
# Words that open a post or office: a comma-separated fragment starting with one of
# these describes the person before it ("Sue Chandler, Cabinet Member for ...").
POST_WORDS = {
    "cabinet", "director", "head", "manager", "officer", "leader", "deputy", "chief", "interim",
    "acting", "senior", "assistant", "executive", "corporate", "general", "strategic", "service",
    "democratic", "monitoring", "principal", "lead", "clerk", "adviser", "advisor", "commissioner",
    "accountant", "counsel", "solicitor", "lawyer", "chair", "chairman", "vice", "member", "portfolio",
    "medical", "clinical", "designated", "named", "virtual", "programme", "project", "policy", "partnership",
    "operations", "business", "finance", "team", "governance", "scrutiny", "committee", "headteacher",
}
# Full council is chaired by its Chairman, Mayor or Lord Mayor (Civic Mayor, Presiding Member in Wales).
# Words that close a post: "PCC Link Officer", "Mayor's Chaplain", "Youth Justice Manager".
POST_TAILS = {
    "officer", "director", "manager", "clerk", "chaplain", "adviser", "advisor", "coordinator", "co-ordinator",
    "consultant", "secretary", "treasurer", "solicitor", "accountant", "worker", "representative", "lead",
    "commissioner", "headteacher", "principal", "executive", "administrator", "analyst", "practitioner",
}
_CHAIR = re.compile(r"^(?:chairman|chair|chairperson|chairwoman|in the chair|(?:lord\s+|civic\s+)?mayor|presiding member)$", re.I)
_VICE_CHAIR = re.compile(
    r"^(?:vice[\s-]*(?:chairman|chair|chairperson|chairwoman)|deputy\s+(?:lord\s+)?mayor|deputy[\s-]*chair(?:man|person|woman)?)$", re.I)
_SUBSTITUTE_FOR = re.compile(r"^(?:in place of|(?:as\s+)?(?:a\s+)?substitut\w* for|deputising for|for|replacing|sub for)\s+(.+)$", re.I)
# An apology noting who came instead: "(Ms H Horne attended as substitute)", "(substituted by Cllr X)",
# "(Mr D Walker, Medical Director attended in his absence)".
_SUBSTITUTED_BY = re.compile(
    r"^(?:substituted\s+by|represented\s+by|sub(?:stitute)?\s*[:\-–])\s+(.+)$"
    r"|^(.+?)\s+(?:substituting|deputising)$"
    r"|^(.+?)\s+(?:attended|attending|was\s+present)\s+(?:as\s+(?:a\s+|the\s+|their\s+|his\s+|her\s+)?(?:substitute|deputy|representative)"
    r"|in\s+(?:his|her|their)\s+(?:absence|place)|instead)\b.*$",
    re.I,
)
# The words that say someone attended at a distance (a bracketed note here, a label or sentence in attendance).
AT_A_DISTANCE = r"virtual(?:ly)?|remote(?:ly)?|online|via\s+(?:teams|zoom|video\s*link)"
# How a person attended, noted in brackets: "(virtual)", "(attended remotely)", "(in person)".
_VIRTUAL_NOTE = re.compile(rf"^(?:attended\s+|attending\s+|joined\s+)?(?:{AT_A_DISTANCE})$", re.I)
_IN_PERSON_NOTE = re.compile(r"^(?:attended\s+|attending\s+)?in\s+person$", re.I)
# An office printed before the person who holds it, the person in brackets.
_OFFICE_THEN_NAME = re.compile(
    r"^(?:(?:his|her)\s+worship(?:ful)?\s+)?(?:the\s+)?"
    r"(?P<office>(?:vice[\s-]*)?chair(?:man|person|woman)?|(?:deputy\s+)?(?:lord\s+|civic\s+)?mayor|presiding\s+member)"
    r"\s*\((?P<person>[^()]+)\)$",
    re.I,
)
# "Councillor Wilson in the chair": the chair named in running text, not in brackets.
_IN_THE_CHAIR = re.compile(r"\s+(?:was\s+)?in\s+the\s+chair\s*\.?$", re.I)
_PARENS = re.compile(r"\(([^()]*)\)")
_SPACES = re.compile(r"\s+")
_LOWER_CASE = re.compile(r"[a-z]")
_BARE_MEMBER = re.compile(r"(?:board\s+|committee\s+|panel\s+)?member", re.I)
_DASH = re.compile(r"\s+[-–—]\s+|\s+[–—]|[–—]\s+")
_POST_NOMINAL = re.compile(r"^[A-Z]{2,5}$")
# A name token: "Andrew", "R", "McKay", "O'Neill", "Mackenzie-Charrington", "de".
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|(?:de|van|von|der|le|la|du|di|da|bin|al)(?=$))$")
_FUNCTION_WORDS = {"for", "of", "and", "the", "&", "in", "on", "to", "with", "at"}


@dataclass
class PrintedPerson:
    name: str
    title: str | None = None
    post_nominals: str | None = None
    position: str | None = None
    chair: str | None = None  # "chair" or "vice_chair" when annotated
    substitute_for: str | None = None
    is_person: bool = True  # False for a seat printed without a person's name
    substituted_by: str | None = None  # an apology's note of who attended instead, as printed
    mode: str = "unknown"  # in_person | virtual | unknown, when the entry itself says
    organisation: bool = False  # "Kent Police", "Healthwatch": a body, not a person


def split_title(text: str) -> tuple[str | None, str]:
    tokens = text.split()
    titles = []
    while len(tokens) > 1:
        if tokens[0].rstrip(".").lower() in TITLES:
            titles.append(tokens.pop(0))
        elif len(tokens) > 2 and is_tier_before_title(tokens[0], tokens[1]):
            titles += [tokens.pop(0), tokens.pop(0)]
        else:
            break
    return (" ".join(titles) or None), " ".join(tokens)


def is_tier_before_title(word: str, following: str) -> bool:
    """'County' in 'County Councillor': the tier of council, part of the title."""
    return word.lower() in COUNCIL_TIERS and following.rstrip(".:").lower() in _COUNCILLOR_TITLES


def split_post_nominals(text: str) -> tuple[str, str | None]:
    """'R C Love, OBE' -> ('R C Love', 'OBE'); only when the rest has a lower-case letter."""
    tokens = text.replace(",", " , ").split()
    found: list[str] = []
    while tokens and (tokens[-1] == "," or _POST_NOMINAL.match(tokens[-1])):
        token = tokens.pop()
        if token != ",":
            found.insert(0, token)
    rest = " ".join(tokens).replace(" ,", ",").strip(" ,")
    if not found or not _LOWER_CASE.search(rest):
        return text.strip(" ,"), None
    return rest, " ".join(found)


def looks_like_name(text: str) -> bool:
    """A person's name shape: one to six capitalised tokens or initials, no connecting words."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 6:
        return False
    if any(t.lower() in _FUNCTION_WORDS for t in tokens):
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens)


def starts_with_title(text: str) -> bool:
    words = text.split(maxsplit=2)
    return bool(words) and (is_title_word(words[0]) or len(words) > 1 and is_tier_before_title(words[0], words[1]))


def is_title_word(word: str) -> bool:
    """One word (no spaces) that is an honorific: "Cllr", "Mrs.", "Sir"."""
    return word.rstrip(".").lower() in TITLES


@lru_cache(maxsize=8192)
def is_post_fragment(text: str) -> bool:
    words = text.split()
    if not words:
        return False
    if words[0].lower().strip("(").split("-")[0] in POST_WORDS:  # "Vice-Chair", "Co-ordinator"
        return True
    bare = _PARENS.sub(" ", text).split()  # "McKay (Acting Chief Accountant)" is a name and its post
    return len(bare) > 1 and bare[-1].lower().strip(".") in POST_TAILS


def office_of(note: str) -> str | None:
    """'chair' or 'vice_chair' when a note (a bracket's words) names the chair's office: "Chairman",
    "Vice-Chair", "Deputy Chairperson", "Mayor"; else None."""
    if _CHAIR.match(note):
        return "chair"
    if _VICE_CHAIR.match(note):
        return "vice_chair"
    return None


def parse_person(entry: str) -> PrintedPerson | None:
    """Read one attendance entry; None when nothing is left of it. A copy the caller may change."""
    person = _read_person(entry)
    if person is None:
        return None
    copy = object.__new__(PrintedPerson)  # a shallow copy: its fields are strings, bools and None
    copy.__dict__.update(person.__dict__)
    return copy


@lru_cache(maxsize=8192)  # the same members recur on every list and recorded vote of a meeting
def _read_person(entry: str) -> PrintedPerson | None:
    entry = " ".join(entry.split()).strip(" ,;.:")  # runs of spaces as one (as \s+ -> " ", the ends stripped)
    if not entry:
        return None
    chair = substitute_for = substituted_by = None
    mode = "unknown"
    positions: list[str] = []
    # The guards below skip a pattern that cannot match (no "chair", no closing bracket, no brackets).
    if "chair" in folded(entry) and (m := _IN_THE_CHAIR.search(entry)):
        chair, entry = "chair", entry[:m.start()]
    if entry.endswith(")") and (m := _OFFICE_THEN_NAME.match(entry)):
        # "The Chairman (Councillor A Smith)", "Lord Mayor (Councillor Yvonne Mosquito) in the Chair"
        office = m.group("office")
        chair = "vice_chair" if _VICE_CHAIR.match(office) else "chair"
        entry = m.group("person")
    for note in _PARENS.findall(entry) if "(" in entry else ():
        note = note.strip()
        if _VIRTUAL_NOTE.match(note):
            mode = "virtual"
        elif _IN_PERSON_NOTE.match(note):
            mode = "in_person"
        elif m := _SUBSTITUTED_BY.match(note):
            substituted_by = next(g for g in m.groups() if g).strip(" ,.")
        elif office := office_of(note):
            chair = office
        elif m := _SUBSTITUTE_FOR.match(note):
            substitute_for = split_title(m.group(1).strip(" ."))[1]
        elif note and not _BARE_MEMBER.fullmatch(note):
            if "," in note:
                # "(Primary Headteacher, Chair)", "(Vice-Chair, Secondary Academy)": the office is one part
                # of the note, the rest is the post
                parts = [part.strip() for part in note.split(",")]
                offices = [part for part in parts if office_of(part)]
                if offices and len(offices) < len(parts):
                    chair = office_of(offices[0])
                    note = ", ".join(part for part in parts if part not in offices)
            positions.append(note)  # a bare "Member" in a role column says nothing more
    bare = _SPACES.sub(" ", _PARENS.sub(" ", entry)).strip(" ,;.") if "(" in entry else entry.strip(" ,;.")
    parts = _DASH.split(bare, maxsplit=1) if "-" in bare or "–" in bare or "—" in bare else (bare,)
    if len(parts) == 2 and parts[1].strip():
        bare = parts[0].strip(" ,")
        positions.insert(0, parts[1].strip(" ,."))
    title, rest = split_title(bare)
    rest, post_nominals = split_post_nominals(rest)
    person = PrintedPerson(
        name=rest,
        title=title,
        post_nominals=post_nominals,
        position="; ".join(positions) or None,
        chair=chair,
        substitute_for=substitute_for,
        substituted_by=substituted_by,
        mode=mode,
    )
    if is_organisation(rest, title):
        person.name = _SPACES.sub(" ", _PARENS.sub(" ", entry)).strip(" ,;.")
        person.is_person, person.organisation, person.position = False, True, None
    elif title is None and not looks_like_name(rest):
        # A seat with no one named in it ("Ambassador for Vulnerable Children and Young People").
        person.name = _PARENS.sub(" ", entry).strip()
        person.name = _SPACES.sub(" ", person.name).strip(" ,;.")
        person.is_person = False
        person.position = None
    return person if person.name else None
