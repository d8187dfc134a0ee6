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
    """One person (or body) listed as present, in attendance, substituting, or sending apologies.

    Added columns (issue 15): member_key is the name folded for counting across meetings (title and
    honours stripped, initials kept when printed: "Mr B J Sweetland" -> "b j sweetland"; empty for a
    body); mode is virtual where the minutes say so ("In attendance virtually", "(virtual)", "attended
    remotely"), in_person where they list remote attendance apart and this person is not in it, else
    unknown; kind is organisation for a body printed among the names ("Kent Police", "Healthwatch").
    A member substituted ("X who was substituted by Y") is present = false; the substitute is a row
    with role = substitute and substitute_for.
    """

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
    """One declaration of interest. A group's declaration ("All Members present declared ...") is one row
    with the group as printed in name and collective = true. A declaration printed twice (in the
    declarations item and at its item) is one row; pages lists every page it was printed on."""

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
    """A recorded vote (division): what was put, the outcome and the counts as printed (added table).

    One row per vote, numbered in the order the minutes print them; its members are in vote_members,
    joined on (document_id, vote_number). The counts are the printed ones ("For (57)"); where a count
    differs from the names listed under it, names_match_counts is false and parse_warnings says which.
    motion is the quoted text of the paragraph the question names ("the amendment set out in paragraph 7"),
    else the sentence that put it. outcome is carried or lost, empty when the minutes print none.
    """

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
    """One member's position in a recorded vote (added table).

    name is as printed with its title and honours ("Sir Paul Carter, CBE" is one member); position is
    for, against or abstain. member_key folds the name as in meeting_attendance and declarations (title
    and honours stripped, initials kept when printed), so a councillor's votes can be counted across
    meetings; two members printed with one surname and different titles ("Mr Meade", "Ms Meade") share a
    key, so tell them apart by title.
    """

    table = "vote_members"
    key = ("vote_number", "name", "position")

    vote_number: int
    item_number: str | None = None
    name: str  # as printed, title and honours kept: "Sir Paul Carter, CBE"
    position: str  # for | against | abstain
    title: str | None = None
    post_nominals: str | None = None
    member_key: str | None = None
