"""The label over a list of who came (or sent apologies) near the top of minutes: "PRESENT:", "Members
present", "In attendance", "Attendees", "Apologies", "Membership", "Councillors:", "1. Apologies".

What real minutes have and an agenda item quoting "Minutes of the meeting held on ..." does not.
Shared by the splitter's minutes cue (extract/splitting/cues.py) and the minutes recogniser.
"""
from __future__ import annotations

import re

ATTENDANCE_LABEL = re.compile(
    r"^\s*(?:\d+\.?\s+)?(?:present|members\s+present|in\s+attendance|attendees|attendance|also\s+present"
    r"|councillors\s+present|membership|apologies)\b"
    r"|^\s*(?:\d+\.?\s+)?(?:members|councillors|membership)\s*:",
    re.I,
)
