"""Who attended: the PRESENT / Substitutes / IN ATTENDANCE / Apologies blocks, and apology minutes.

The blocks open at a label ("PRESENT:", "Also present under Rule 30:-", "Attendees:") and may hold
groups under labels of their own ("School members:", "Nominated subs:", "Observers:"). A block is
cut where a paragraph or a sentence ends, running text among the names is dropped, and a sentence
such as "Mr D Thomas was in attendance." is read for its people. Apologies and substitutes are
also minuted inside items ("Apologies were received from ...", "X substituted for Y"). Turning a
printed list into people is `name_lists`' part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.common.folding import folded, mentions
from parsers.minutes.lines import MinutesLine, join_wrapped, line_at, text_with_positions
from parsers.minutes.nlp import is_cabinet_role
from parsers.minutes.name_lists import PLURAL_TITLE_ALONE, people_in_block, split_entries
from parsers.minutes.names import AT_A_DISTANCE, PrintedPerson, looks_like_name, split_title, starts_with_title

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
# Running text among the names: "The panel met at Pittwood House.", "None", "All members were present."
_PROSE = re.compile(r"^(?:the|all|it|there|this|these|no|none|nil|n/a)\b|\b(?:met|were|was|is|are|had|have)\s+(?:at|in|present|held|received|not)\b", re.I)
# Attendance minuted as a sentence: "Mr D Thomas, PCC Link Officer, was in attendance.",
# "District Cllrs Burley and Cawrey were present", "Cllrs A, B and C attended the meeting as substitutes."
_ATTENDANCE_SENTENCES = [
    (re.compile(r"^(?P<names>.+?),?\s+(?:was|were)\s+(?:also\s+)?(?:in\s+attendance|present)\b[^.]*\.?$", re.I), "others"),
    (re.compile(r"^(?P<names>.+?)\s+attended\s+(?:the\s+meeting\s+)?as\s+(?:a\s+)?substitutes?\b[^.]*\.?$", re.I), "substitutes"),
    (re.compile(r"^(?P<names>.+?),?\s+(?:was|were)\s+absent\b[^.]*\.?$", re.I), "absent"),
]
# A name printed with no title, as some councils print every name ("Brian Horton substituted for Kelly
# Leonard"): two or three capitalised words, not a sentence's opening ("The Chair", "Members").
_BARE_NAME = (r"(?!(?:The|This|That|These|Those|It|He|She|They|We|Members?|Councillors?|Officers?)\b)"
              r"[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.?\s+)?[A-Z][A-Za-z'’-]+){1,2}")
_AS_SUBSTITUTE = r"as\s+(?:a\s+|the\s+)?substitutes?"
_TIER = r"(?:(?:County|District|Borough|City|Town|Parish)\s+)?"  # "County Councillor A Smith"
_SUBSTITUTES_SENTENCE = re.compile(
    rf"(?:^|(?<=[.;]\s)|(?<=\d)\s+)(?P<names>{_TIER}(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr)\b[^.;]*?|{_BARE_NAME})\s+"
    rf"(?:attended\s+(?:the\s+meeting\s+)?{_AS_SUBSTITUTE}|substituted"
    rf"|(?:was|were)\s+(?:present\s+|in\s+attendance\s+)?{_AS_SUBSTITUTE}"
    rf"|replaced\s+(?P<replaced>{_TIER}(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr)\b[^.;]*?|{_BARE_NAME})"
    r"(?:\s+(?:for|at)\s+(?:this|the)\s+meeting)?(?=\s*(?:[.;]|$)))"
    r"(?:\s+for\s+(?P<for>[^.;]+))?", re.I)
# Inside an item about substitutes: "Councillor Pete West for Councillor Ben Duncan."; names printed without
# titles only with a word that says substitution ("Brian Horton substituted for Kelly Leonard"), never a bare "for".
_SUBSTITUTE_PAIR = re.compile(
    rf"(?:^|(?<=[.;]\s)|(?<=\d)\s+)(?:(?P<names>{_TIER}(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s[^.;]*?)\s+"
    r"(?:substituted\s+for|substituting\s+for|(?:attended|(?:was|were)\s+(?:present\s+|in\s+attendance\s+)?)\s*"
    rf"{_AS_SUBSTITUTE}\s+for|in\s+place\s+of|for|replacing|replaced)\s+"
    rf"(?P<for>{_TIER}(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s[^.;]+|{_BARE_NAME})"
    rf"|(?P<bare>{_BARE_NAME})\s+(?:substituted\s+for|substituting\s+for|(?:attended|(?:was|were)\s+"
    rf"(?:present\s+|in\s+attendance\s+)?)\s*{_AS_SUBSTITUTE}\s+for|in\s+place\s+of|replacing|replaced)\s+"
    rf"(?P<bare_for>(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s[^.;]+|{_BARE_NAME})))")
# A list marked to show who came (Hampshire, Surrey, West Sussex): "* Councillor A Smith" over or under a
# legend line "*Present", "(* = present at the meeting)", "* denotes present", "Present (*)". A legend
# may make the mark one of absence instead ("* = absent").
_MARK_LEGEND = re.compile(
    r"^\(?\s*\*\s*(?:=|denotes|indicates|means|[:\-–])?\s*(?P<word>present|attended|in\s+attendance|absent|absence|apologies)"
    r"(?:\s+(?:at|from)\s+(?:the\s+)?meeting)?\s*\)?\.?\s*$"
    r"|^\(?\s*(?P<word2>present|absent)\s*[:=]?\s*\(\s*\*\s*\)\s*\)?\s*$", re.I)
_MARK = re.compile(r"^\s*\*\s*(?=\S)")
# "Others in" wrapped before "attendance": the second line is part of the label.
_LABEL_TAIL = re.compile(r"^attendance(?:\s+virtually|\s+remotely)?\s*[:\-–]?\s*", re.I)
# Apologies minuted as a sentence inside an item.
_APOLOGY_SENTENCE = re.compile(
    r"\bapolog(?:ies|y)(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|reported|given|submitted|tendered|noted)\s+(?:from|on\s+behalf\s+of|by)\s+"
    r"|\breported\s+apolog(?:ies|y)(?:\s+for\s+absence)?\s+from\s+",
    re.I,
)
# Looser wording, trusted only inside an item about apologies.
_APOLOGY_FROM = re.compile(
    rf"{_APOLOGY_SENTENCE.pattern}|\bapolog(?:ies|y)(?:\s+for\s+absence)?\s+from\s+"
    r"|\b(?:had\s+been|have\s+been|were|was)\s+received\s+from(?:\s+|(?=\s*[:\-–]))", re.I)
# The apologies are listed on the lines below, not in the sentence: "received from: -".
_LIST_FOLLOWS = re.compile(r"\s*[:\-–][\s:\-–]*")
_LABEL_QUALIFIER = re.compile(r"^[a-z][^:()]{0,40}:[-–]?\s*(.*)$")
# A full stop before a capital, a numbered paragraph ("... Ms A Farmer. 1.2 Councillor ...") or the end.
_SENTENCE_END = re.compile(r"\.(?=\s+(?:[A-Z]|\d+(?:\.\d+)+\s)|\s*$)")


# Attendance at a distance: a block label ("IN ATTENDANCE VIRTUALLY:") or a sentence ("Ms L Game and
# Ms T Scott were in attendance virtually.", "Mr X attended remotely", "joined the meeting via Teams").
_VIRTUAL = re.compile(rf"\b(?:{AT_A_DISTANCE})\b", re.I)
_VIRTUAL_SENTENCE = re.compile(
    r"(?:^|(?<=[.;]\s))(?P<names>(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Sir)\b[^.;]*?),?\s+"
    r"(?:(?:subsequently|later|then|also|both)\s+)?(?:(?:was|were)\s+(?:also\s+)?(?:in\s+attendance|present)|attended|joined(?:\s+the\s+meeting)?)"
    r"(?:\s+the\s+meeting)?\s+(?:virtually|remotely|online|via\s+(?:teams|zoom|video\s*link))\b", re.I)
# "via Teams" in the lines run together and folded (see apologies_in_text).
_VIA_LINK = re.compile(r"via\s*(?:teams|zoom|video)")
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


def header_attendance(lines: list[MinutesLine]) -> list[AttendanceEntry]:
    """Attendance from the lines before the first item."""
    entries: list[AttendanceEntry] = []
    table = _attendance_table(lines)
    if table is not None:
        entries, lines = table
    marks = _marked_list(lines)
    if marks is not None:
        lines = marks.lines
    blocks = _blocks(lines)
    for kind, block in blocks:
        for segment in _segments(block, keep_prose=True):
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
                entries += _entries(person, kind, at, present)
    if any(kind.endswith(VIRTUAL_BLOCK) for kind, _ in blocks):
        # The minutes list who attended at a distance apart: everyone else present was in the room.
        for e in entries:
            if e.present and e.mode == "unknown":
                e.mode = "in_person"
    return entries


# A table with a column saying who came: "Name | Role | Attendance" over "Cllr A Smith | Chair | Present".
_STATUS_HEADER = re.compile(r"^(?:attendance|attended|present|status|present\s*/\s*apologies)$", re.I)
_STATUS = [
    (re.compile(rf"^(?:present|attended|yes|y|✓|✔|in\s+person)?\s*\(?(?:{AT_A_DISTANCE})\)?$", re.I), "attendees+virtual"),
    (re.compile(r"^(?:present|attended|yes|y|✓|✔|in\s+person|p)$", re.I), "attendees"),  # councillors and officers
    (re.compile(r"^(?:apologies|apology|sent\s+apologies|apols?|a)$", re.I), "apologies"),
    (re.compile(r"^(?:absent|not\s+present|no|n|did\s+not\s+attend|dna)$", re.I), "absent"),
]


def _attendance_table(lines: list[MinutesLine]) -> tuple[list[AttendanceEntry], list[MinutesLine]] | None:
    """The entries of an attendance table, and the lines with the table taken out; None without one.

    The table opens at a header row whose first cell is "Name" and whose last says whether each came;
    its rows run to the first line whose last cell says nothing of that."""
    for h, line in enumerate(lines):
        cells = line.columns
        if (len(cells) >= 2 and cells[0].strip().lower() in ("name", "names", "member", "members", "attendee")
                and _STATUS_HEADER.match(cells[-1].strip())):
            break
    else:
        return None
    entries: list[AttendanceEntry] = []
    end = h + 1
    for k in range(h + 1, len(lines)):
        if lines[k].blank:
            continue
        cells = lines[k].columns
        if len(cells) >= 2 and (tight := _STATUS_AT_END.search(cells[-1])) and tight.start() > 0:
            cells = [*cells[:-1], cells[-1][:tight.start()], tight.group(1)]  # a column gap narrower than the reader's
        kind = next((kind for pattern, kind in _STATUS if pattern.match(cells[-1].strip())), None) if len(cells) >= 2 else None
        if kind is None:
            break
        entry = cells[0] if len(cells) == 2 else f"{cells[0]} ({', '.join(c.strip() for c in cells[1:-1])})"
        for person in split_entries(entry, one_person=True):
            entries += _entries(person, kind, lines[k])  # a chair's office in the role column makes the role
        end = k + 1
    if end == h + 1:
        return None
    above = lines[:h]
    if above and _TABLE_TITLE.match(above[-1].text.strip() if not above[-1].blank else ""):
        above = above[:-1]
    return entries, above + lines[end:]


_STATUS_AT_END = re.compile(r"\s+(present|apologies|absent|virtual|remote)$", re.I)
_TABLE_TITLE = re.compile(r"^(?:attendance|attendees|membership)\s*:?$", re.I)


@dataclass
class _Marks:
    """A list marked to show who came: the header's lines with the legend taken out, the marks taken
    off and a "Members:" label put above the list (its groups, "Chair:", "Co-opted members", open under
    it); the lines of the list and those marked, by number."""

    lines: list[MinutesLine]
    listed: set[int]
    marked: set[int]
    marks_presence: bool

    def people(self, segment: list[MinutesLine]) -> list[tuple[PrintedPerson, MinutesLine]]:
        """A mark is a person's: in the marked list each line is one person, and what follows a comma
        is their post or body ("* Tom Byrne, Kent Foster Carers Association")."""
        if not any(line.number in self.listed for line in segment):
            return people_in_block(segment)
        return [(p, line) for line in segment for p in split_entries(line.text.strip(), one_person=True)]

    def present(self, at: MinutesLine) -> bool | None:
        """Whether the person on this line came, if the line is in the marked list."""
        if at.number not in self.listed:
            return None
        return (at.number in self.marked) == self.marks_presence


def _marked_list(lines: list[MinutesLine]) -> _Marks | None:
    legends = [(i, m) for i, l in enumerate(lines) if (m := _MARK_LEGEND.match(l.text.strip()))]
    first = next((i for i, l in enumerate(lines) if _MARK.match(l.text) and all(i != k for k, _ in legends)), None)
    if not legends or first is None:
        return None  # no legend: an asterisk says nothing we can read (a footnote, a rule of asterisks)
    word = (legends[0][1].group("word") or legends[0][1].group("word2")).lower()
    # The list opens above its first mark, at its first label ("Chair:") or unmarked name: the lines
    # above it are the heading and the opening sentence.
    start = first
    while start > 0 and (lines[start - 1].blank or _is_group_label(lines[start - 1].text.strip())
                         or _is_listed_name(lines[start - 1].text)):
        start -= 1
    while lines[start].blank:
        start += 1
    end = next((i for i in range(first, len(lines)) if _match_label(lines[i].text.strip())), len(lines))
    out, listed, marked = lines[:start], set(), set()
    if _match_label(lines[start].text.strip()) is None:
        out.append(_block_line("Members:", lines[start], True))
    for i in range(start, len(lines)):
        line = lines[i]
        if any(i == k for k, _ in legends):
            continue
        if i < end:
            listed.add(line.number)
            if m := _MARK.match(line.text):
                marked.add(line.number)
                # In a PDF the mark may stand in a column of its own: its cell goes with it.
                cells = [c for c in (_MARK.sub("", c).strip() if k == 0 else c for k, c in enumerate(line.cells or []))
                         if c and c != "*"]
                line = MinutesLine(line.text[m.end():], line.page, line.number, line.x0, line.top, line.bottom,
                                   line.starts_paragraph, cells if len(cells) > 1 else None)
        out.append(line)
    return _Marks(out, listed, marked, not word.startswith(("absen", "apolog")))


def _is_listed_name(text: str) -> bool:
    """An unmarked entry of a marked list: a name, perhaps with a post after a comma or in brackets
    ("Jonathan Hulley (Vice-Chairman)"); not a heading in capitals."""
    text = text.strip()
    name = re.split(r"[,(]", text, maxsplit=1)[0].strip()
    return bool(name) and not _is_section_heading(text) and (starts_with_title(name) or looks_like_name(name))


def _is_group_label(text: str) -> bool:
    return bool(text) and _match_label(text) is None and _group_label(text, "members") is not None


# What a seat's name never holds: a verb of a sentence, a clause's "that"/"which", a number or mark opening it.
_PROSE_WORDS = re.compile(
    r"\b(?:was|were|is|are|be|been|being|had|has|have|will|would|should|shall|may|that|which|there|noted|agreed|"
    r"resolved|received|submitted|considered|declared)\b|^[^A-Za-z]", re.I)


# The verbs a sentence about a person uses ("B Lewis declared a ... interest"); none is a given name, as "Will"
# and "May" are.
_SENTENCE_VERBS = re.compile(r"\b(?:was|were|had|has|have|been|declared|disclosed|noted|agreed|resolved|received|"
                             r"submitted|considered|left|joined)\b", re.I)


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
            kind += VIRTUAL_BLOCK if _VIRTUAL.search(text[m.end("names"):]) else ""
            return [e for p in people for e in _entries(p, kind, segment[0])]
    return None


def _blocks(lines: list[MinutesLine], kind: str | None = None) -> list[tuple[str, list[MinutesLine]]]:
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
            if m := _LABEL_TAIL.match(text):
                text = text[m.end():]
                if not text:
                    continue
        if kind is not None and PLURAL_TITLE_ALONE.match(text):
            # "Councillors" over names in columns: a new list, the title kept for the names below it.
            kind = kind if kind in ("members", "attendees", "apologies", "absent", "substitutes") else "members"
            blocks.append((kind, [_block_line(text, line, True)]))
            continue
        label = _match_label(text)
        if label is None and kind is not None:
            label = _group_label(text, blocks[-1][0])
        if label is not None:
            kind, rest = label
            blocks.append((kind, []))
            pending_tail = bool(re.match(r"^(?:others|officers|also)\s+in\s*$", text, re.I))
            if rest:
                blocks[-1][1].append(_block_line(rest, line, True, _cells_after_label(line, rest), kind))
            continue
        if _is_section_heading(text) or not re.search(r"[A-Za-z]", text):
            kind = None  # "UNRESTRICTED ITEMS", a rule of asterisks: the attendance blocks are over
            continue
        if kind is not None:
            if kind in ("chair", "vice_chair") and line.starts_paragraph and blocks[-1][1]:
                # "Vice-Chairman:" names its holder; the names after a blank line are the members again.
                kind = outer
                blocks.append((kind, []))
            blocks[-1][1].append(_block_line(text, line, line.starts_paragraph, line.cells, kind))
        if kind not in ("chair", "vice_chair"):
            outer = kind if kind in ("members", "attendees") else "members"
    return blocks


def _block_line(text: str, line: MinutesLine, starts_paragraph: bool, cells: list[str] | None = None,
                kind: str | None = None) -> MinutesLine:
    if kind == "substitutes" and " for " in text:
        text = _SUBSTITUTE_FOR_IN_LIST.sub(r" (for \g<who>)", text)  # "Cllr A for Cllr B": A came for B
    return MinutesLine(text, line.page, line.number, line.x0, starts_paragraph=starts_paragraph, cells=cells)


# In a list of substitutes, "Cllr Mark Kiddle-Morris for Cllr Brian Long": the one who came, for whom.
_SUBSTITUTE_FOR_IN_LIST = re.compile(
    rf"\s+for\s+(?P<who>{_TIER}(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[^,;()]+?)(?=\s*(?:[,;]|\band\b|$))")


def _cells_after_label(line: MinutesLine, rest: str) -> list[str] | None:
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


def _group_label(text: str, current: str) -> tuple[str, str] | None:
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


def _segments(block: list[MinutesLine], keep_prose: bool = False) -> list[list[MinutesLine]]:
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
    return text.endswith(".") and _sentence_end(text, max(0, len(text) - 1)) == len(text) - 1


def apologies_in_text(lines: list[MinutesLine], apologies_item: bool, substitutes_item: bool = False,
                      words: str | None = None) -> list[AttendanceEntry]:
    """Apologies minuted as a sentence ("Apologies were received from Mrs C Bell."), and substitutes
    ("Councillor A Reed substituted for Councillor D Mulholland."; in an item about substitutes,
    "1.1 Councillor Pete West for Councillor Ben Duncan.")."""
    # Each pattern runs only where a word every match of it needs is printed; most items hold none. The
    # lines run together hold every word of the joined text (joining adds at most a space).
    if words is None:  # (an item's `words`, when the caller has them)
        words = folded("".join([l.text.strip() for l in lines]))
    apologies = mentions(words, "apolog", "received") if apologies_item else mentions(words, "apolog")
    virtual = mentions(words, "virtual", "remote", "online") or bool("via" in words and _VIA_LINK.search(words))
    substitutes = mentions(words, "substitut", "replaced")
    if not (apologies or virtual or substitutes or substitutes_item):
        return []
    text, starts = text_with_positions(lines)
    entries = []
    pattern = _APOLOGY_FROM if apologies_item else _APOLOGY_SENTENCE
    for m in pattern.finditer(text) if apologies else ():
        at = line_at(starts, lines, m.end())
        index = lines.index(at)
        line_end = starts[index + 1] if index + 1 < len(starts) else len(text)
        if _LIST_FOLLOWS.fullmatch(text[m.end():line_end]):
            # "... had been received from: -" and the names listed below, perhaps in groups
            # ("School members", "Officers"): everyone listed there sent apologies.
            below = lines[index + 1:]
            for _, block in _blocks(below, "apologies"):
                for segment in _segments(block):
                    for person, first in people_in_block(segment):
                        entries += _entries(person, "apologies", first)
            break
        names = text[m.end(): _sentence_end(text, m.end())]
        for person in split_entries(names):
            entries += _entries(person, "apologies", at)
    for m in _VIRTUAL_SENTENCE.finditer(text) if virtual else ():
        at = line_at(starts, lines, m.start())
        for person in split_entries(m.group("names")):
            if person.is_person:
                entries.append(_entry(person, "others" + VIRTUAL_BLOCK, at))
    if substitutes_item:
        for m in _SUBSTITUTE_PAIR.finditer(text):
            at = line_at(starts, lines, m.start())
            names, absent = (m.group("names"), m.group("for")) if m.group("names") else (m.group("bare"), m.group("bare_for"))
            for person in split_entries(names):
                if person.is_person:
                    person.substitute_for = _substituted(absent)
                    entries.append(_entry(person, "substitutes", at))
        return entries
    for m in _SUBSTITUTES_SENTENCE.finditer(text) if substitutes else ():
        at = line_at(starts, lines, m.start())
        for person in split_entries(m.group("names")):
            if person.is_person:
                if absent := m.group("for") or m.group("replaced"):
                    person.substitute_for = _substituted(absent)
                entries.append(_entry(person, "substitutes", at))
    return entries


def _substituted(printed: str) -> str:
    """The name of the member a substitute came for, as printed after "for" ("Ms A Farmer for this meeting")."""
    return split_title(_FOR_THIS_MEETING.sub("", printed.strip()))[1]


_FOR_THIS_MEETING = re.compile(r"\s+(?:for|at)\s+(?:this|the)\s+meeting$", re.I)


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
            if _VIRTUAL.search(text[:m.end()]):
                kind += VIRTUAL_BLOCK
            return kind, rest
    return None


def _entries(person: PrintedPerson, kind: str, at: MinutesLine, present: bool | None = None) -> list[AttendanceEntry]:
    """The person's entry, and for an apology noting who came instead, that substitute's too. `present`:
    whether they came, where the list marks it (else the kind says)."""
    if person.substituted_by:
        kind, present = "apologies", None  # "Mrs A Smith who was substituted by Mr B Jones": she was not there
    out = [_entry(person, kind, at, present)]
    if person.substituted_by and not out[0].present:
        for substitute in split_entries(person.substituted_by):
            substitute.substitute_for = person.name
            out.append(_entry(substitute, "substitutes", at))
    return out


def _entry(person: PrintedPerson, kind: str, at: MinutesLine, present: bool | None = None) -> AttendanceEntry:
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

