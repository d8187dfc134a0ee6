"""A line that names minutes without opening them.

An agenda item ("3. Minutes of the meeting held on … (Pages 1 - 18)"), a front sheet's notice
("Minutes of the County Council will be published …"), an appendix of recommendations ("Minutes of
the Cabinet, 30 January 2025: recommendations to County Council"). Shared by the minutes recogniser
and the splitter's minutes cue.
"""
from __future__ import annotations

import re

MINUTES_ANNOUNCED = re.compile(
    r"\b(?:will|shall|would|to)\s+be\b|\bare\s+(?:attached|enclosed|available|published|circulated)\b"
    r"|\(pages?\s+\d|\brecommendations?\b|\b(?:previous|last)\s+meeting\b|\bif\s+in\s+order\b|\bto\s+approve\b",
    re.I,
)
