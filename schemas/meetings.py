"""Records read from committee minutes."""
from __future__ import annotations

from datetime import date, time

from schemas.record import Record


class Meeting(Record):
    table = "meetings"

    council: str | None = None
    committee: str | None = None
    meeting_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    venue: str | None = None


class Attendance(Record):
    table = "meeting_attendance"
    key = ("title", "name", "present")  # "Ms J Meade" and "Mr J Meade" can both attend

    name: str
    title: str | None = None  # Cllr, Mr, Mrs, Dr ...
    role: str = "member"  # chair | vice_chair | member | substitute | co_opted | officer | cabinet_member | other
    present: bool = True
    substitute_for: str | None = None
    position: str | None = None
    post_nominals: str | None = None
    # Added (issue 15): the name folded for counting one person across meetings (see parsers/minutes/member_key.py),
    # how they attended, and whether the row is a person or an organisation printed among the names.
    member_key: str | None = None
    mode: str = "unknown"  # in_person | virtual | unknown
    kind: str = "person"  # person | organisation


class Declaration(Record):
    table = "declarations"
    key = ("name", "interest")

    name: str
    title: str | None = None  # Cllr, Mr ... as printed before the name
    interest: str | None = None  # what was declared, as printed after "declared"
    item_number: str | None = None  # only where the minutes name the item
    # Added (issue 15)
    member_key: str | None = None  # None for a declaration made by a group ("All Members present")
    collective: bool = False  # made by a group the minutes name, not by one member
    pages: list[int] = []  # every page the same declaration is printed on (declarations item and the item itself)


class MinuteItem(Record):
    table = "minute_items"
    key = ("item_number",)

    item_number: str
    title: str
    text: str = ""
    agenda_item: str | None = None  # ModernGov's "(Item 3)" beside the minute number, when printed


class Resolution(Record):
    table = "resolutions"
    key = ("item_number", "text")

    item_number: str | None = None
    text: str
    kind: str | None = None  # resolved | agreed | noted


class ActionLogEntry(Record):
    """Action-log rows printed with some minutes (added table)."""

    table = "action_log"
    key = ("action",)

    item_number: str | None = None
    topic: str | None = None  # the log's topic column: the item the action came from, as printed
    action: str
    owner: str | None = None
    status: str | None = None


class Vote(Record):
    """A recorded vote (division): what was put, the outcome and the counts as printed (added table)."""

    table = "votes"
    key = ("vote_number",)

    vote_number: int  # 1, 2, ... in the order the minutes print the votes
    item_number: str | None = None
    paragraph: str | None = None  # the minute paragraph that records the vote, "(8)"
    motion_kind: str | None = None  # motion | amendment | substantive motion, as the minutes call it
    motion: str | None = None  # the text put to the vote (the quoted paragraph it refers to, else the sentence)
    outcome: str | None = None  # carried | lost | None when not printed
    outcome_text: str | None = None  # "Amendment lost.", as printed
    for_count: int | None = None  # the printed counts: "For (57)"
    against_count: int | None = None
    abstain_count: int | None = None
    names_match_counts: bool | None = None  # every printed count equals the names listed under it


class VoteMember(Record):
    """One member's position in a recorded vote (added table)."""

    table = "vote_members"
    key = ("vote_number", "name", "position")

    vote_number: int
    item_number: str | None = None
    name: str  # as printed, title and honours kept: "Sir Paul Carter, CBE"
    position: str  # for | against | abstain
    title: str | None = None
    post_nominals: str | None = None
    member_key: str | None = None
