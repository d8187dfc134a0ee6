"""Committee minutes -> meetings, meeting_attendance, declarations, minute_items, resolutions, action_log.

Works from layout rules shared by councils' minutes, never from one council's names: the opening
sentence or heading lines, attendance blocks (PRESENT / Substitutes / IN ATTENDANCE / Apologies,
with their groups), numbered item headings in their several shapes (ModernGov "(Item 3)" anchors,
"54. TITLE", "23/5", "CPP/12/24", CMIS titles above "1001 ..."), "RESOLVED" / "Agreed:" /
"Decision:" paragraphs, and an action-log table when the pack prints one. The pieces live beside
this file.
"""
from __future__ import annotations

import re

from parsers.common.attendance_label import ATTENDANCE_LABEL
from parsers.common.minutes_announced import MINUTES_ANNOUNCED
from parsers.minutes.action_log import read_action_log
from parsers.minutes.apologies import apologies_in_text
from parsers.minutes.attendance import header_attendance
from parsers.minutes.attendance_entry import AttendanceEntry
from parsers.minutes.decisions import declarations, resolutions
from parsers.minutes.header import DATE, local_authority_of, opening_line_index, read_header
from parsers.minutes.items import end_of_minutes, find_items
from parsers.minutes.lines import minutes_lines
from parsers.minutes.member_key import member_key, same_member
from parsers.minutes.names import looks_like_name, starts_with_title
from parsers.minutes.votes import recorded_votes
from parsers.result import ParseResult
from schemas.document import Document
from schemas.meetings import ActionLogEntry, Attendance, Declaration, Meeting, MinuteItem, Resolution, Vote, VoteMember

VERSION = "5"  # 5: lists marked "* present", "County Councillor" titles, substitutes lists and untitled or "replaced" substitutes, decisions in capitals mid-sentence, trailing "[Item N]"; 4: recorded votes, member_key, attendance mode and kind, collective and repeated declarations

_APOLOGIES_TITLE = re.compile(r"\bapolog", re.I)
_SUBSTITUTES_TITLE = re.compile(r"\bsubstitut", re.I)
# Start of a set of minutes: "MINUTES of a meeting of the Cabinet held ...", "Minutes of the meeting of ...",
# "Minutes of the Corporate Parenting Panel held on ...", "A meeting of the Scrutiny Panel was held on ...".
_START = re.compile(
    r"^\s*minutes\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\b(?P<rest>.*)$"
    r"|^\s*minutes\s+of\s+(?:a|the)\s+\S.*?\bheld\b"
    r"|^\s*(?:at\s+)?(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:a\s+|the\s+)?\S.*?\b(?:was\s+)?held\b",
    re.I,
)
# Minutes with no opening sentence: headings (council, committee, date) and then "PRESENT:".
_PRESENT_LABEL = re.compile(
    r"^\s*(?:(?:(?:members|councillors)\s+)?present|attendees|in\s+attendance)\s*(?:[:\-–][\s:\-–]*|$)(?P<rest>.*)$"
    r"|^\s*attendance\s*:\s*(?P<rest2>.*)$", re.I)


def is_minutes_start(lines: list[str]) -> bool:
    """Does a set of minutes start in these first lines of a page (or run of lines)?

    An agenda line "3 Minutes of the previous meeting (Pages 1 - 6)" does not
    count: the minutes' own opening is not numbered, names no pages, and is
    either in capitals ("MINUTES of") or names the meeting ("meeting of the
    ...") or is followed by an attendance block.
    """
    texts = [t.strip() for t in lines if t and t.strip()][:15]
    for i, text in enumerate(texts):
        m = _START.match(text)
        if not m or MINUTES_ANNOUNCED.search(text):  # an agenda item or a notice names minutes, it does not open them
            continue
        if text.lstrip().startswith("MINUTES") or re.search(r"\bmeeting\s+of\b", text, re.I):
            return True
        if any(ATTENDANCE_LABEL.match(t) for t in texts[i + 1:]):
            return True
    for i, text in enumerate(texts[:12]):
        if m := _PRESENT_LABEL.match(text):
            # Someone must follow the label ("Attendance: 94.2%" in a school report is not a list of people).
            first = (m.group("rest") or m.group("rest2") or (texts[i + 1] if i + 1 < len(texts) else "")).strip()
            return i > 0 and any(DATE.search(t) for t in texts[:i]) and _names_someone(first)
    return False


def _names_someone(text: str) -> bool:
    """Does this line open with a person ("Cllr A Smith", "Councillors ...", "Sue Manning (Chair)") or a
    group of people ("School members:")?"""
    words = re.sub(r"[(),:;]", " ", text).split()
    if not words:
        return False
    if starts_with_title(text) or re.match(r"(?i)^(?:councillors|cllrs)\b", text):
        return True
    if re.match(r"^[A-Z][\w' -]{1,40}:\s*", text) or re.match(r"(?i)^[\w -]{0,30}\bmembers\b", text):
        return True
    return len(words) >= 2 and looks_like_name(" ".join(words[:2]))


def parse_minutes(doc: Document) -> ParseResult:
    result = ParseResult()
    warn = result.warnings.append
    lines = minutes_lines(doc)
    end = end_of_minutes(lines)
    minutes, after = lines[:end], lines[end:]
    # Items start below the opening sentence: a running header's "88/17" above it is no minute number.
    opening = opening_line_index(minutes)
    first_item, items = find_items(minutes[opening + 1:])
    header_lines = minutes[:opening + 1 + first_item]

    header = read_header(header_lines, lines, lines[max(0, end - 8): end + 6])
    if header.council is None:
        warn("council: not printed in the minutes")
    elif header.council_from_body:
        warn(f"council: not in the heading; '{header.council}' is the council the minutes name most often")
    for field in ("committee", "meeting_date", "start_time", "end_time", "venue"):
        if getattr(header, field) is None:
            warn(f"{field}: not found in the minutes")
    first = lines[0] if lines else None
    result.records.append(Meeting(
        document_id=doc.document_id, page=first.page if first else doc.page_start, line=first.number if first else None,
        council=header.council, committee=header.committee, meeting_date=header.meeting_date,
        start_time=header.start_time, end_time=header.end_time, venue=header.venue,
    ))
    result.title = _title(header, doc)
    result.local_authority = local_authority_of(header.council)
    result.document_date = header.meeting_date

    entries = header_attendance(header_lines)
    for item in items:
        entries += apologies_in_text(item.body, apologies_item=bool(_APOLOGIES_TITLE.search(item.title)),
                                     substitutes_item=bool(_SUBSTITUTES_TITLE.search(item.title)), words=item.words)
    if not entries:
        warn("meeting_attendance: no attendance or apologies found")
    result.records += _attendance_records(doc, entries)

    if not items:
        warn("minute_items: no numbered items found")
    for item in items:
        result.records.append(MinuteItem(
            document_id=doc.document_id, page=item.heading.page, line=item.heading.number,
            item_number=item.number or "", title=item.title, text=item.text, agenda_item=item.agenda_item,
        ))
    for found in declarations(items):
        result.records.append(Declaration(
            document_id=doc.document_id, page=found.line.page, line=found.line.number,
            name=found.name, title=found.title, interest=found.text, item_number=found.item_number,
            member_key=None if found.collective else member_key(found.name, found.title),
            collective=found.collective, pages=found.pages or [found.line.page],
        ))
    for found in resolutions(items):
        result.records.append(Resolution(
            document_id=doc.document_id, page=found.line.page, line=found.line.number,
            item_number=found.item_number, text=found.text, kind=found.kind,
        ))
    result.records += _vote_records(doc, items, warn)
    for row in read_action_log(after):
        result.records.append(ActionLogEntry(
            document_id=doc.document_id, page=row.line.page, line=row.line.number,
            item_number=row.item_number, topic=row.topic, action=row.action, owner=row.owner, status=row.status,
        ))
    return result


def _attendance_records(doc: Document, entries: list[AttendanceEntry]) -> list[Attendance]:
    records: list[Attendance] = []
    seen: set[tuple[str | None, str, bool]] = set()
    for e in _joined_at_a_distance(entries):
        key = (e.person.title, e.person.name.lower(), e.present)
        if key in seen:
            continue  # the same person printed twice (e.g. in two apology lists)
        seen.add(key)
        records.append(Attendance(
            document_id=doc.document_id, page=e.page, line=e.number,
            name=e.person.name, title=e.person.title, role=e.role, present=e.present, mode=e.mode, kind=e.kind,
            substitute_for=e.person.substitute_for, position=e.person.position,
            post_nominals=e.person.post_nominals,
            member_key=member_key(e.person.name, e.person.title) if e.kind == "person" else None,
        ))
    return records


def _joined_at_a_distance(entries: list[AttendanceEntry]) -> list[AttendanceEntry]:
    """A sentence such as "Ms L Game and Ms T Scott were in attendance virtually" says how people already
    listed attended: it marks their row virtual rather than adding one. A member who sent apologies and then
    joined virtually was there: the apology becomes their present, virtual row."""
    kept: list[AttendanceEntry] = []
    for e in entries:
        if e.mode == "virtual" and e.role == "other":
            listed = [k for k in kept if k.kind == "person" and same_member(k.person.name, e.person.name)]
            if listed:
                for k in listed:
                    k.mode, k.present = "virtual", True
                continue
        kept.append(e)
    return kept


def _vote_records(doc: Document, items, warn) -> list:
    records: list = []
    for number, vote in enumerate(recorded_votes(items), start=1):
        for mismatch in vote.mismatches():
            warn(f"votes: vote {number} (item {vote.item_number}, p{vote.line.page}): {mismatch}; counts kept as printed")
        if vote.outcome is None:
            warn(f"votes: vote {number} (item {vote.item_number}, p{vote.line.page}): outcome not printed")
        records.append(Vote(
            document_id=doc.document_id, page=vote.line.page, line=vote.line.number, vote_number=number,
            item_number=vote.item_number, paragraph=vote.paragraph, motion_kind=vote.motion_kind, motion=vote.motion,
            outcome=vote.outcome, outcome_text=vote.outcome_text, for_count=vote.count("for"),
            against_count=vote.count("against"), abstain_count=vote.count("abstain"),
            names_match_counts=not vote.mismatches(),
        ))
        for position, side in vote.sides.items():
            for printed, person, line in zip(side.names, side.people, side.lines):
                records.append(VoteMember(
                    document_id=doc.document_id, page=line.page, line=line.number, vote_number=number,
                    item_number=vote.item_number, name=printed, position=position, title=person.title,
                    post_nominals=person.post_nominals, member_key=member_key(person.name, person.title),
                ))
    return records


def _title(header, doc: Document) -> str | None:
    if header.committee and header.meeting_date:
        return f"Minutes of the {header.committee}, {header.meeting_date.day} {header.meeting_date:%B %Y}"
    return doc.title or None


def minutes_kind(lines: list[str]) -> str | None:
    """The splitter's recogniser: 'minutes' when these first lines open a set of minutes."""
    return "minutes" if is_minutes_start(lines) else None
