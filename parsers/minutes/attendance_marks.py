"""Lists that say who came: a list marked "* Name" under a legend ("*Present"), and a table with a column
saying it ("Name | Role | Attendance"). Each gives, for a person it lists, whether they came."""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.minutes.attendance_entry import AttendanceEntry, entries_for
from parsers.minutes.attendance_labels import block_line, group_label, is_section_heading, match_label
from parsers.minutes.lines import MinutesLine
from parsers.minutes.name_lists import people_in_block, split_entries
from parsers.minutes.names import AT_A_DISTANCE, PrintedPerson, looks_like_name, starts_with_title

# A list marked to show who came (Hampshire, Surrey, West Sussex): "* Councillor A Smith" over or under a
# legend line "*Present", "(* = present at the meeting)", "* denotes present", "Present (*)". A legend
# may make the mark one of absence instead ("* = absent").
_MARK_LEGEND = re.compile(
    r"^\(?\s*\*\s*(?:=|denotes|indicates|means|[:\-–])?\s*(?P<word>present|attended|in\s+attendance|absent|absence|apologies)"
    r"(?:\s+(?:at|from)\s+(?:the\s+)?meeting)?\s*\)?\.?\s*$"
    r"|^\(?\s*(?P<word2>present|absent)\s*[:=]?\s*\(\s*\*\s*\)\s*\)?\s*$", re.I)
_MARK = re.compile(r"^\s*\*\s*(?=\S)")
# A table with a column saying who came: "Name | Role | Attendance" over "Cllr A Smith | Chair | Present".
_STATUS_HEADER = re.compile(r"^(?:attendance|attended|present|status|present\s*/\s*apologies)$", re.I)
_STATUS = [
    (re.compile(rf"^(?:present|attended|yes|y|✓|✔|in\s+person)?\s*\(?(?:{AT_A_DISTANCE})\)?$", re.I), "attendees+virtual"),
    (re.compile(r"^(?:present|attended|yes|y|✓|✔|in\s+person|p)$", re.I), "attendees"),  # councillors and officers
    (re.compile(r"^(?:apologies|apology|sent\s+apologies|apols?|a)$", re.I), "apologies"),
    (re.compile(r"^(?:absent|not\s+present|no|n|did\s+not\s+attend|dna)$", re.I), "absent"),
]
_STATUS_AT_END = re.compile(r"\s+(present|apologies|absent|virtual|remote)$", re.I)
_TABLE_TITLE = re.compile(r"^(?:attendance|attendees|membership)\s*:?$", re.I)


def attendance_table(lines: list[MinutesLine]) -> tuple[list[AttendanceEntry], list[MinutesLine]] | None:
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
            entries += entries_for(person, kind, lines[k])  # a chair's office in the role column makes the role
        end = k + 1
    if end == h + 1:
        return None
    above = lines[:h]
    if above and _TABLE_TITLE.match(above[-1].text.strip() if not above[-1].blank else ""):
        above = above[:-1]
    return entries, above + lines[end:]


@dataclass
class Marks:
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


def marked_list(lines: list[MinutesLine]) -> Marks | None:
    legends = {i: m for i, l in enumerate(lines) if (m := _MARK_LEGEND.match(l.text.strip()))}
    first = next((i for i, l in enumerate(lines) if _MARK.match(l.text) and i not in legends), None)
    if not legends or first is None:
        return None  # no legend: an asterisk says nothing we can read (a footnote, a rule of asterisks)
    legend = legends[min(legends)]
    word = (legend.group("word") or legend.group("word2")).lower()
    # The list opens above its first mark, at its first label ("Chair:") or unmarked name: the lines
    # above it are the heading and the opening sentence.
    start = first
    while start > 0 and (lines[start - 1].blank or _is_group_label(lines[start - 1].text.strip())
                         or _is_listed_name(lines[start - 1].text)):
        start -= 1
    while lines[start].blank:
        start += 1
    end = next((i for i in range(first, len(lines)) if match_label(lines[i].text.strip())), len(lines))
    out, listed, marked = lines[:start], set(), set()
    if match_label(lines[start].text.strip()) is None:
        out.append(block_line("Members:", lines[start], True))
    for i in range(start, len(lines)):
        line = lines[i]
        if i in legends:
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
    return Marks(out, listed, marked, not word.startswith(("absen", "apolog")))


def _is_listed_name(text: str) -> bool:
    """An unmarked entry of a marked list: a name, perhaps with a post after a comma or in brackets
    ("Jonathan Hulley (Vice-Chairman)"); not a heading in capitals."""
    text = text.strip()
    name = re.split(r"[,(]", text, maxsplit=1)[0].strip()
    return bool(name) and not is_section_heading(text) and (starts_with_title(name) or looks_like_name(name))


def _is_group_label(text: str) -> bool:
    return bool(text) and match_label(text) is None and group_label(text, "members") is not None
