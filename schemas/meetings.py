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


class Declaration(Record):
    table = "declarations"
    key = ("name", "interest")

    name: str
    title: str | None = None  # Cllr, Mr ... as printed before the name
    interest: str | None = None  # what was declared, as printed after "declared"
    item_number: str | None = None  # only where the minutes name the item


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
