"""Committee minutes -> meetings, meeting_attendance, declarations, minute_items, resolutions,
action_log, votes, vote_members.

The type package's faces (see CONTRIBUTING.md): TYPE, VERSION, recognise, parse.

parse       the entry point

lines       the document's lines, cleaned of layout accidents (split baselines, page numbers, running
            headers of short minutes), with the cells of lines printed in columns
word_cells  a PDF line's cells (words a column gap apart), read from its page's packed word columns
names       one attendee or declarant as printed: title, name, post-nominals, role notes
header      the meeting itself: council, committee, date, times, venue
attendance  PRESENT / Substitutes / IN ATTENDANCE / Apologies blocks before the first item
attendance_labels  the labels that open those blocks and the groups inside them ("Chair:", "Co-opted members")
attendance_marks   lists that say who came: "* Name" under a legend ("*Present"), a Name / Role / Attendance table
attendance_entry   one entry: role, present or not, in person or at a distance
apologies   apologies, substitutes and virtual attendance minuted as sentences inside items
name_lists  a printed list of people (comma lists, one a line, table columns) -> one person each
items       numbered minute items: number, title as printed, text
items_unnumbered  opening items printed with no number ("Election of Chair"), from vocabulary/
decisions   declarations of interest (one member, several, or a group) and resolutions inside the items
votes       recorded votes: count headings, the names under them, the outcome
member_key  a member's name folded the same way wherever printed, for counting across meetings
organisations  bodies printed among people ("Kent Police"), from vocabulary/
action_log  the action-log table some packs print after the minutes
nlp         the spaCy rule pipeline (blank English tokenizer, Matcher): declarants, cabinet roles, decisions
"""
from __future__ import annotations

from parsers.minutes.parse import VERSION, is_minutes_start, minutes_kind, parse_minutes

TYPE = "minutes"
SUBTYPES: tuple[str, ...] = ()
recognise = minutes_kind
parse = parse_minutes

__all__ = ["TYPE", "SUBTYPES", "VERSION", "recognise", "parse", "parse_minutes", "is_minutes_start", "minutes_kind"]
