"""The labels that open attendance blocks ("PRESENT:", "Apologies:", "Substitute Members Present:") and the
groups inside them ("Chair:", "School members:", "Co-opted members")."""
from __future__ import annotations

import re

from parsers.minutes.attendance_entry import VIRTUAL_BLOCK
from parsers.minutes.lines import MinutesLine
from parsers.minutes.names import AT_A_DISTANCE, TIER, starts_with_title

# Block labels at the start of a header line; the kind says what the names in it are.
_LABELS = [
    # Attendance at a distance listed apart: "Present (virtually):", "Attended remotely:", "Joined via Teams:".
    (re.compile(r"^(?:(?:members|councillors)\s+)?present\s*\(?\s*(?:virtually|remotely|online)\s*\)?\s*[:\-–]?\s*", re.I), "members"),
    (re.compile(r"^(?:attended|attending|joined|participating)\s*\(?\s*(?:virtually|remotely|online|via\s+(?:teams|zoom))"
                r"\s*\)?\s*[:\-–]\s*", re.I), "attendees"),
    (re.compile(r"^(?:(?:members|councillors)\s+)?present\b\s*[:\-–]?\s*", re.I), "members"),
    (re.compile(r"^membership\b\s*[:\-–]?\s*", re.I), "members"),
    (re.compile(r"^members\s*:\s*", re.I), "members"),
    # A mixed list of councillors and officers ("Attendees:" in a hand-made layout).
    (re.compile(r"^(?:attendees|attendance|attending|in\s+attendance\s+were)\s*:\s*", re.I), "attendees"),
    (re.compile(r"^officers\s+(?:in\s+attendance|attending)\b\s*[:\-–]?\s*", re.I), "others"),
    (re.compile(r"^absent\b\s*[:\-–]?\s*", re.I), "absent"),
    (re.compile(r"^substitutes?(?:\s+(?:members|councillors))?(?:\s+present)?\b\s*[:\-–]?\s*", re.I), "substitutes"),
    (re.compile(r"^(?:others|officers|also)\s+in(?:\s+attendance(?:\s+virtually|\s+remotely)?)?\b\s*[:\-–]?\s*", re.I), "others"),
    (re.compile(r"^in\s+attendance(?:\s+virtually|\s+remotely)?\b\s*[:\-–]?\s*", re.I), "others"),
    (re.compile(r"^also\s+present\b\s*[:\-–]?\s*", re.I), "others"),
    (re.compile(r"^officers(?:\s+present)?\s*:\s*", re.I), "others"),
    # "Apologies for absence were submitted on behalf of Councillors A and B." heading the minutes
    (re.compile(r"^apologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been|have\s+been)\s+(?:received|submitted|tendered|given|"
                r"reported|noted)\s+(?:from|on\s+behalf\s+of|by)\b\s*[:\-–]?\s*", re.I), "apologies"),
    (re.compile(r"^apologies(?:\s+for\s+absence)?\b\s*(?:were\s+received\s+from)?\s*[:\-–]?\s*", re.I), "apologies"),
    # Members who are not on the committee: "Members attending in accordance with Standing Order 25"
    (re.compile(r"^(?:other\s+)?(?:members|councillors)\s+(?:also\s+)?(?:attending|in\s+attendance)\b"
                r"(?:\s+(?:in\s+accordance\s+with|under)\s+(?:standing\s+order|rule|procedure\s+rule)\s+[\w.]+)?\s*[:\-–]?\s*",
                re.I), "others"),
]
# "Councillors: A (Chairman), B and C": the label is the names' plural title.
_COUNCILLORS_LABEL = re.compile(r"^(councillors|cllrs)\s*:\s*", re.I)
# A label inside an attendance block naming a group: "School members:", "Nominated subs:",
# "Statutory Co-opted Members:", "Observers:", "Chairman:". What the group is comes from its words.
_GROUP_LABEL = re.compile(r"^([A-Z][A-Za-z'’&/ -]{1,48}?)\s*:\s*[-–]?\s*(.*)$")
_GROUP_KINDS = [
    (re.compile(r"\bapolog", re.I), "apologies"),
    (re.compile(r"\babsent\b", re.I), "absent"),
    (re.compile(r"\bsubs\b|\bsubstitut|\breserve", re.I), "substitutes"),
    (re.compile(r"\bvice[\s-]*chair", re.I), "vice_chair"),
    (re.compile(r"\bchair(?:man|person|woman)?\b", re.I), "chair"),
    (re.compile(r"\bco-?opted\b", re.I), "co_opted"),
    (re.compile(r"\b(?:officers?|clerk|observers?|attendance|also|guests?|speakers?|advisers?|advisors?|support|others?|witness)", re.I), "others"),
]
# A group named on a line of its own without a colon ("School members", "Non school members", "Officers").
_BARE_GROUP_LABEL = re.compile(
    r"^((?:[A-Za-z][\w-]*\s+){0,3}(?:members|officers|representatives|observers|governors|councillors))\s*$", re.I)
_NOT_A_GROUP = re.compile(r"^(?:date|time|venue|place|location|contact|subject|title|meeting|note|email|tel|telephone|web)\b", re.I)
# "Others in" wrapped before "attendance": the second line is part of the label.
LABEL_TAIL = re.compile(r"^attendance(?:\s+virtually|\s+remotely)?\s*[:\-–]?\s*", re.I)
_LABEL_QUALIFIER = re.compile(r"^[a-z][^:()]{0,40}:[-–]?\s*(.*)$")
# Attendance at a distance: a block label ("IN ATTENDANCE VIRTUALLY:") or a sentence ("Ms L Game and
# Ms T Scott were in attendance virtually.", "Mr X attended remotely", "joined the meeting via Teams").
AT_A_DISTANCE_WORDS = re.compile(rf"\b(?:{AT_A_DISTANCE})\b", re.I)
# In a list of substitutes, "Cllr Mark Kiddle-Morris for Cllr Brian Long": the one who came, for whom.
_SUBSTITUTE_FOR_IN_LIST = re.compile(
    rf"\s+for\s+(?P<who>{TIER}(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[^,;()]+?)(?=\s*(?:[,;]|\band\b|$))")


def match_label(text: str) -> tuple[str, str] | None:
    if m := _COUNCILLORS_LABEL.match(text):
        rest = text[m.end():].strip()
        return "members", (f"{m.group(1)} {rest}" if rest else "")
    for pattern, kind in _LABELS:
        if m := pattern.match(text):
            rest = text[m.end():].lstrip(":-–— ").strip()  # "PRESENT:-", "Apologies: -"
            if q := _LABEL_QUALIFIER.match(rest):
                rest = q.group(1)  # "Also present under Rule 30:- Councillor X"
            if kind == "apologies" and rest and rest[0].islower():
                return None  # prose that happens to start with the word
            if AT_A_DISTANCE_WORDS.search(text[:m.end()]):
                kind += VIRTUAL_BLOCK
            return kind, rest
    return None


def group_label(text: str, current: str) -> tuple[str, str] | None:
    """A group label inside the attendance blocks ("School members:"), or None."""
    m = _GROUP_LABEL.match(text) or _BARE_GROUP_LABEL.match(text)
    if not m or starts_with_title(text) or _NOT_A_GROUP.match(text) or len(m.group(1).split()) > 6:
        return None
    rest = m.group(2).strip() if m.re is _GROUP_LABEL else ""
    label = m.group(1)
    for pattern, kind in _GROUP_KINDS:
        if pattern.search(label):
            return kind, rest
    # "School members:", "Representatives:": more of the block's own kind.
    return ("members" if current in ("chair", "vice_chair", "co_opted", "attendees") else current), rest


def is_section_heading(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and text.upper() == text and any(c.isalpha() for c in text) and not starts_with_title(text)


def block_line(text: str, line: MinutesLine, starts_paragraph: bool, cells: list[str] | None = None,
                kind: str | None = None) -> MinutesLine:
    if kind == "substitutes" and " for " in text:
        text = _SUBSTITUTE_FOR_IN_LIST.sub(r" (for \g<who>)", text)  # "Cllr A for Cllr B": A came for B
    return MinutesLine(text, line.page, line.number, line.x0, starts_paragraph=starts_paragraph, cells=cells)


def cells_after_label(line: MinutesLine, rest: str) -> list[str] | None:
    """The cells of a labelled line without its label ("PRESENT:" | "A Smith" | "B Jones")."""
    cells = line.columns
    if len(cells) < 2:
        return None
    text = line.text.strip()
    rest_at = len(text) - len(rest)  # where the names start in the line
    out, pos = [], 0
    for cell in cells:
        at = text.find(cell, pos)
        if at < 0:
            return None
        pos = at + len(cell)
        if pos > rest_at:
            out.append(cell[max(0, rest_at - at):].strip())
    out = [c for c in out if c]
    return out if len(out) > 1 else None
