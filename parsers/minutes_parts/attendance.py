"""Who attended: the PRESENT / Substitutes / IN ATTENDANCE / Apologies blocks, and apology minutes.

Councils print the same facts in two layouts: one person per line (names in
columns, "(Chairman)" wrapped onto its own line) or running comma lists
("Mr R W Gough (Chairman), Mr N Baker, ... and Mr R J Thomas"). A block is
read as a comma list when it has commas outside brackets, otherwise line by
line; both then split "A and B" where the left side is a whole person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.minutes_parts.lines import MinutesLine, join_wrapped
from parsers.minutes_parts.nlp import is_cabinet_role
from parsers.minutes_parts.names import (
    PrintedPerson,
    is_post_fragment,
    looks_like_name,
    parse_person,
    split_post_nominals,
    split_title,
    starts_with_title,
)

# Block labels at the start of a header line; the kind says what the names in it are.
_LABELS = [
    (re.compile(r"^(?:(?:members|councillors)\s+)?present\b\s*[:\-–]?\s*", re.I), "members"),
    (re.compile(r"^membership\b\s*[:\-–]?\s*", re.I), "members"),
    (re.compile(r"^substitutes?\b\s*[:\-–]?\s*", re.I), "substitutes"),
    (re.compile(r"^(?:others|officers|also)\s+in(?:\s+attendance(?:\s+virtually|\s+remotely)?)?\b\s*[:\-–]?\s*", re.I), "others"),
    (re.compile(r"^in\s+attendance(?:\s+virtually|\s+remotely)?\b\s*[:\-–]?\s*", re.I), "others"),
    (re.compile(r"^also\s+present\b\s*[:\-–]?\s*", re.I), "others"),
    (re.compile(r"^officers(?:\s+present)?\s*:\s*", re.I), "others"),
    (re.compile(r"^apologies(?:\s+for\s+absence)?\b\s*(?:were\s+received\s+from)?\s*[:\-–]?\s*", re.I), "apologies"),
]
# "Others in" wrapped before "attendance": the second line is part of the label.
_LABEL_TAIL = re.compile(r"^attendance(?:\s+virtually|\s+remotely)?\s*[:\-–]?\s*", re.I)
_CONNECTOR_END = re.compile(r"(?:\b(?:and|of|for|the|to|in|&)|[-–,(&])$", re.I)
# Apologies minuted as a sentence inside an item.
_APOLOGY_SENTENCE = re.compile(
    r"\bapolog(?:ies|y)(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|reported|given|submitted)\s+from\s+"
    r"|\breported\s+apolog(?:ies|y)(?:\s+for\s+absence)?\s+from\s+",
    re.I,
)
# Looser wording, trusted only inside an item about apologies.
_APOLOGY_FROM = re.compile(rf"{_APOLOGY_SENTENCE.pattern}|\bapolog(?:ies|y)(?:\s+for\s+absence)?\s+from\s+", re.I)
_DASH_POSITION = re.compile(r"\s[-–—]\s|[–—]")
_PLURAL_TITLE = re.compile(r"^(councillors|cllrs|messrs)\.?\s+", re.I)
_SINGULAR = {"councillors": "Councillor", "cllrs": "Cllr", "messrs": "Mr"}
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z]|\s*$)")


@dataclass
class AttendanceEntry:
    person: PrintedPerson
    role: str
    present: bool
    page: int
    number: int


def header_attendance(lines: list[MinutesLine]) -> list[AttendanceEntry]:
    """Attendance from the lines before the first item."""
    blocks: list[tuple[str, list[MinutesLine]]] = []
    kind = None
    pending_tail = False
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if pending_tail:
            pending_tail = False
            if m := _LABEL_TAIL.match(text):
                text = text[m.end():]
                if not text:
                    continue
        label = _match_label(text)
        if label is not None:
            kind, rest = label
            blocks.append((kind, []))
            pending_tail = bool(re.match(r"^(?:others|officers|also)\s+in\s*$", text, re.I))
            if rest:
                blocks[-1][1].append(MinutesLine(rest, line.page, line.number, line.x0))
            continue
        if _is_section_heading(text):
            kind = None  # "UNRESTRICTED ITEMS": the attendance blocks are over
            continue
        if kind is not None:
            blocks[-1][1].append(MinutesLine(text, line.page, line.number, line.x0))
    entries: list[AttendanceEntry] = []
    for kind, block in blocks:
        for person, at in _people_in_block(block):
            entries.append(_entry(person, kind, at))
    return entries


def apologies_in_text(lines: list[MinutesLine], apologies_item: bool) -> list[AttendanceEntry]:
    """Apologies minuted as a sentence ("Apologies were received from Mrs C Bell.")."""
    text, starts = _text_with_positions(lines)
    entries = []
    pattern = _APOLOGY_FROM if apologies_item else _APOLOGY_SENTENCE
    for m in pattern.finditer(text):
        names = text[m.end(): _sentence_end(text, m.end())]
        at = _line_at(starts, lines, m.end())
        for person in _split_entries(names):
            entries.append(_entry(person, "apologies", at))
    return entries


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence running from `start` ends; 'Mr.' and initials ('J.') do not end it."""
    for m in _SENTENCE_END.finditer(text, start):
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        if starts_with_title(word + " x") or re.fullmatch(r"[A-Z]", word):
            continue
        return m.start()
    return len(text)


def _is_section_heading(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and text.upper() == text and any(c.isalpha() for c in text) and not starts_with_title(text)


def _match_label(text: str) -> tuple[str, str] | None:
    for pattern, kind in _LABELS:
        if m := pattern.match(text):
            rest = text[m.end():].strip()
            if kind == "apologies" and rest and rest[0].islower():
                return None  # prose that happens to start with the word
            return kind, rest
    return None


def _people_in_block(block: list[MinutesLine]) -> list[tuple[PrintedPerson, MinutesLine]]:
    if not block:
        return []
    joined = join_wrapped([l.text for l in block])
    if _has_comma_outside_brackets(joined) or len(block) == 1:
        return [(p, block[0]) for p in _split_entries(joined)]
    # One entry per line; a line continues the previous entry when the break fell inside it.
    out: list[tuple[PrintedPerson, MinutesLine]] = []
    current: list[str] = []
    first: MinutesLine | None = None
    for line in block:
        text = line.text.strip()
        if current and _continues(current[-1], text):
            current.append(text)
            continue
        if current:
            out += [(p, first) for p in _split_entries(join_wrapped(current))]
        current, first = [text], line
    if current:
        out += [(p, first) for p in _split_entries(join_wrapped(current))]
    return out


def _continues(previous: str, text: str) -> bool:
    if previous.count("(") > previous.count(")"):
        return True
    if _CONNECTOR_END.search(previous):
        return True
    return text[0].islower() or text.startswith("(")


def _has_comma_outside_brackets(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth <= 0:
            return True
    return False


def _split_entries(text: str) -> list[PrintedPerson]:
    """Split a printed list into people, re-attaching post-nominals and posts cut off by commas."""
    fragments: list[str] = []
    for piece in _split_outside_brackets(text, ","):
        piece = re.sub(r"^and\s+", "", piece.strip())  # the serial comma's ", and"
        for part in _split_and(piece):
            fragments += _split_at_titles(part)
    people: list[PrintedPerson] = []
    carried_title = None  # "Councillors A, B and C": the plural title belongs to each name after it
    for fragment in fragments:
        fragment = fragment.strip(" .;:")
        if m := _PLURAL_TITLE.match(fragment):
            carried_title = _SINGULAR[m.group(1).lower()]
            fragment = f"{carried_title} {fragment[m.end():]}"
        elif starts_with_title(fragment):
            carried_title = None
        elif carried_title and fragment and not is_post_fragment(fragment) and not _only_post_nominals(fragment):
            fragment = f"{carried_title} {fragment}"
        if not fragment:
            continue
        if people and people[-1].is_person and _only_post_nominals(fragment):
            people[-1].post_nominals = " ".join(filter(None, [people[-1].post_nominals, fragment]))
            continue
        if people and people[-1].is_person and not starts_with_title(fragment) and is_post_fragment(fragment):
            people[-1].position = "; ".join(filter(None, [people[-1].position, fragment]))
            continue
        person = parse_person(fragment)
        if person is not None:
            people.append(person)
    return people


def _only_post_nominals(fragment: str) -> bool:
    return all(re.fullmatch(r"[A-Z]{2,5}", t) for t in fragment.split())


def _split_outside_brackets(text: str, sep: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == sep and depth <= 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _split_and(text: str) -> list[str]:
    """'A and B' is two entries when A is a whole person or B starts with a title."""
    pieces = re.split(r"\s+and\s+", text)
    if len(pieces) == 1:
        return pieces
    out = [pieces[0]]
    for piece in pieces[1:]:
        if _whole_person(out[-1]) or starts_with_title(piece):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} and {piece}"
    return out


def _split_at_titles(text: str) -> list[str]:
    """'Cllr A Smith (Chairman) Cllr B Jones' (two columns on one line) -> two people.

    A title outside brackets that follows a non-title word starts a new person;
    'Cllr Dr A Miller' stays one, and a post after a dash is left whole.
    """
    if _DASH_POSITION.search(text):
        return [text]
    out: list[list[str]] = [[]]
    depth = 0
    previous = None
    for token in text.split():
        if (depth == 0 and previous is not None and out[-1] and starts_with_title(token + " x")
                and not starts_with_title(previous + " x")):
            out.append([])
        out[-1].append(token)
        depth += token.count("(") - token.count(")")
        previous = token
    return [" ".join(t) for t in out if t]


def _whole_person(text: str) -> bool:
    bare = re.sub(r"\([^()]*\)", " ", text)
    if re.search(r"\s[-–—]\s|[–—]", bare):
        return False  # "Name - Head of Youth Justice and ...": the "and" is inside the post
    title, rest = split_title(bare.strip(" ,"))
    rest, _ = split_post_nominals(rest)
    return bool(rest) and looks_like_name(rest) and (title is not None or len(rest.split()) >= 2)


def _entry(person: PrintedPerson, kind: str, at: MinutesLine) -> AttendanceEntry:
    present = kind != "apologies"
    if not person.is_person:
        role = "co_opted"
    elif person.chair:
        role = person.chair
    elif kind == "substitutes" or person.substitute_for:
        role = "substitute"
    elif kind == "others":
        if person.position and is_cabinet_role(person.position):
            role = "cabinet_member"
        elif person.position:
            role = "officer"
        else:
            role = "other"
    else:
        role = "member"
    return AttendanceEntry(person, role, present, at.page, at.number)


def _text_with_positions(lines: list[MinutesLine]) -> tuple[str, list[int]]:
    """The lines joined as join_wrapped does, with where each line starts in the result."""
    starts, length, parts = [], 0, []
    for line in lines:
        starts.append(length)
        parts.append(line.text)
        length = len(join_wrapped(parts[-2:])) - len(join_wrapped(parts[-2:-1])) + length
    return join_wrapped(parts), starts


def _line_at(starts: list[int], lines: list[MinutesLine], offset: int) -> MinutesLine:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return lines[index]
