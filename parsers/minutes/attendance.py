"""Who attended: the PRESENT / Substitutes / IN ATTENDANCE / Apologies blocks, and apology minutes.

The blocks open at a label ("PRESENT:", "Also present under Rule 30:-", "Attendees:") and may hold
groups under labels of their own ("School members:", "Nominated subs:", "Observers:"). A block is
cut where a paragraph or a sentence ends, running text among the names is dropped, and a sentence
such as "Mr D Thomas was in attendance." is read for its people.

The labels are `attendance_labels`; lists and tables that say who came are `attendance_marks`; what one
entry makes (role, present, mode) is `attendance_entry`; apologies and substitutes minuted inside items
("Apologies were received from ...", "X substituted for Y") are `apologies`. Turning a printed list into
people is `name_lists`' part.
"""
from __future__ import annotations

import re

from parsers.minutes.attendance_entry import VIRTUAL_BLOCK, AttendanceEntry, entries_for
from parsers.minutes.attendance_labels import (
    AT_A_DISTANCE_WORDS,
    LABEL_TAIL,
    block_line,
    cells_after_label,
    group_label,
    is_section_heading,
    match_label,
)
from parsers.minutes.attendance_marks import attendance_table, marked_list
from parsers.minutes.lines import MinutesLine, join_wrapped, sentence_end
from parsers.minutes.name_lists import PLURAL_TITLE_ALONE, people_in_block, split_entries

# Running text among the names: "The panel met at Pittwood House.", "None", "All members were present."
_PROSE = re.compile(r"^(?:the|all|it|there|this|these|no|none|nil|n/a)\b|\b(?:met|were|was|is|are|had|have)\s+(?:at|in|present|held|received|not)\b", re.I)
# Attendance minuted as a sentence: "Mr D Thomas, PCC Link Officer, was in attendance.",
# "District Cllrs Burley and Cawrey were present", "Cllrs A, B and C attended the meeting as substitutes."
_ATTENDANCE_SENTENCES = [
    (re.compile(r"^(?P<names>.+?),?\s+(?:was|were)\s+(?:also\s+)?(?:in\s+attendance|present)\b[^.]*\.?$", re.I), "others"),
    (re.compile(r"^(?P<names>.+?)\s+attended\s+(?:the\s+meeting\s+)?as\s+(?:a\s+)?substitutes?\b[^.]*\.?$", re.I), "substitutes"),
    (re.compile(r"^(?P<names>.+?),?\s+(?:was|were)\s+absent\b[^.]*\.?$", re.I), "absent"),
]
# What a seat's name never holds: a verb of a sentence, a clause's "that"/"which", a number or mark opening it.
_PROSE_WORDS = re.compile(
    r"\b(?:was|were|is|are|be|been|being|had|has|have|will|would|should|shall|may|that|which|there|noted|agreed|"
    r"resolved|received|submitted|considered|declared)\b|^[^A-Za-z]", re.I)
# The verbs a sentence about a person uses ("B Lewis declared a ... interest"); none is a given name, as "Will"
# and "May" are.
_SENTENCE_VERBS = re.compile(r"\b(?:was|were|had|has|have|been|declared|disclosed|noted|agreed|resolved|received|"
                             r"submitted|considered|left|joined)\b", re.I)


def header_attendance(lines: list[MinutesLine]) -> list[AttendanceEntry]:
    """Attendance from the lines before the first item."""
    entries: list[AttendanceEntry] = []
    table = attendance_table(lines)
    if table is not None:
        entries, lines = table
    marks = marked_list(lines)
    if marks is not None:
        lines = marks.lines
    blocks = blocks_of(lines)
    for kind, block in blocks:
        for segment in segments_of(block, keep_prose=True):
            sentence = _attendance_sentence(segment)
            if sentence is not None:
                entries += sentence
                continue
            if _is_prose(segment):
                continue
            for person, at in marks.people(segment) if marks is not None else people_in_block(segment):
                if _reads_as_prose(person.name, person.is_person or person.organisation):
                    continue  # a sentence or a heading among the names, not a seat ("Ambassador for ...")
                present = marks.present(at) if marks is not None else None
                entries += entries_for(person, kind, at, present)
    if any(kind.endswith(VIRTUAL_BLOCK) for kind, _ in blocks):
        # The minutes list who attended at a distance apart: everyone else present was in the room.
        for e in entries:
            if e.present and e.mode == "unknown":
                e.mode = "in_person"
    return entries


def _reads_as_prose(text: str, named: bool = False) -> bool:
    """`named`: read as a person's or a body's name, which a sentence may still have been mistaken for."""
    if named:
        return len(text.split()) > 8 or bool(_SENTENCE_VERBS.search(text))
    return bool(_PROSE_WORDS.search(text)) or len(text.split()) > 12


def _attendance_sentence(segment: list[MinutesLine]) -> list[AttendanceEntry] | None:
    """The people of a sentence such as "Mr D Thomas, PCC Link Officer, was in attendance.", or None."""
    text = join_wrapped([l.text for l in segment])
    for pattern, kind in _ATTENDANCE_SENTENCES:
        if m := pattern.match(text):
            people = [p for p in split_entries(m.group("names")) if p.is_person]
            kind += VIRTUAL_BLOCK if AT_A_DISTANCE_WORDS.search(text[m.end("names"):]) else ""
            return [e for p in people for e in entries_for(p, kind, segment[0])]
    return None


def blocks_of(lines: list[MinutesLine], kind: str | None = None) -> list[tuple[str, list[MinutesLine]]]:
    """The labelled blocks of names: (kind, lines); `kind` is the block already open, if any."""
    blocks: list[tuple[str, list[MinutesLine]]] = [(kind, [])] if kind else []
    pending_tail = False
    outer = "members"  # the kind a chair's group returns to
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if pending_tail:
            pending_tail = False
            if m := LABEL_TAIL.match(text):
                text = text[m.end():]
                if not text:
                    continue
        if kind is not None and PLURAL_TITLE_ALONE.match(text):
            # "Councillors" over names in columns: a new list, the title kept for the names below it.
            kind = kind if kind in ("members", "attendees", "apologies", "absent", "substitutes") else "members"
            blocks.append((kind, [block_line(text, line, True)]))
            continue
        label = match_label(text)
        if label is None and kind is not None:
            label = group_label(text, blocks[-1][0])
        if label is not None:
            kind, rest = label
            blocks.append((kind, []))
            pending_tail = bool(re.match(r"^(?:others|officers|also)\s+in\s*$", text, re.I))
            if rest:
                blocks[-1][1].append(block_line(rest, line, True, cells_after_label(line, rest), kind))
            continue
        if is_section_heading(text) or not re.search(r"[A-Za-z]", text):
            kind = None  # "UNRESTRICTED ITEMS", a rule of asterisks: the attendance blocks are over
            continue
        if kind is not None:
            if kind in ("chair", "vice_chair") and line.starts_paragraph and blocks[-1][1]:
                # "Vice-Chairman:" names its holder; the names after a blank line are the members again.
                kind = outer
                blocks.append((kind, []))
            blocks[-1][1].append(block_line(text, line, line.starts_paragraph, line.cells, kind))
        if kind not in ("chair", "vice_chair"):
            outer = kind if kind in ("members", "attendees") else "members"
    return blocks


def segments_of(block: list[MinutesLine], keep_prose: bool = False) -> list[list[MinutesLine]]:
    """A block cut where a paragraph or a sentence ends; running text among the names is dropped.

    "Councillor Wilson in the chair." / "Councillors Bainbridge, Cawsey and Whiteley." are two lists,
    not one comma list, and "The panel met at Pittwood House." is no one's name.
    """
    segments: list[list[MinutesLine]] = []
    for line in block:
        if not segments or ((line.starts_paragraph or _ends_sentence(segments[-1][-1].text))
                            and not PLURAL_TITLE_ALONE.match(segments[-1][-1].text.strip())):
            segments.append([])  # ("Councillors" alone heads the names below it, across a blank line)
        segments[-1].append(line)
    return segments if keep_prose else [seg for seg in segments if not _is_prose(seg)]


def _is_prose(segment: list[MinutesLine]) -> bool:
    return bool(_PROSE.search(join_wrapped([l.text for l in segment])))


def _ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return text.endswith(".") and sentence_end(text, max(0, len(text) - 1)) == len(text) - 1
