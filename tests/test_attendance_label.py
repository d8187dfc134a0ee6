"""One attendance-label pattern serves the splitter's minutes cue and the minutes recogniser
(parsers/common/attendance_label.py); each used to keep its own, and each read labels the other missed.
Lines from the shared Kent minutes (Corporate Parenting Panel, 29 October 2024, page 1) and edited
copies of them."""
from __future__ import annotations

import importlib

import pytest

import extract.splitting.cues as cues
import extract.splitting.metadata as metadata
from parsers.common.attendance_label import ATTENDANCE_LABEL
from parsers.minutes import is_minutes_start


def test_the_splitter_and_the_recogniser_use_the_one_pattern():
    assert cues.ATTENDANCE_LABEL is ATTENDANCE_LABEL
    assert metadata.ATTENDANCE_LABEL is ATTENDANCE_LABEL
    assert importlib.import_module("parsers.minutes.parse").ATTENDANCE_LABEL is ATTENDANCE_LABEL


@pytest.mark.parametrize("line", [
    "PRESENT: Shellina Prendergast (Chair), Paul Bartlett (Vice-Chair), Gary Cooke,",
    "ALSO PRESENT: Sue Chandler, Cabinet Member for Integrated Children’s",
    "IN ATTENDANCE: James Clapson (Democratic Services Officer), Kevin Kasaven",
    "Members present",
    "Attendees:",
    "Apologies for absence",
    "1. Apologies and Substitutes",  # read by the splitter's pattern only, before
    "Membership",  # read by the recogniser's pattern only, before
    "Members: Shellina Prendergast (Chair), Paul Bartlett",  # the splitter's wanted a word right after the colon
    "Councillors: Shellina Prendergast (Chair)",
])
def test_attendance_labels_both_patterns_read_are_read(line: str):
    assert ATTENDANCE_LABEL.match(line)


@pytest.mark.parametrize("line", [
    "CORPORATE PARENTING PANEL– 29 October 2024",
    "MINUTES of the meeting held in the Darent Room, Sessions House, County",
    "Presentation by the Director of Children's Countywide Services",
    "Members of the Panel noted the report.",
    "3. Minutes of the previous meeting (Pages 1 - 6)",
])
def test_other_lines_are_not_attendance_labels(line: str):
    assert not ATTENDANCE_LABEL.match(line)


def test_the_recogniser_reads_a_numbered_apologies_item_under_the_opening():
    opening = ["Minutes of the Corporate Parenting Panel held on 29 October 2024 in the Darent Room"]
    assert is_minutes_start(opening + ["1. Apologies and Substitutes", "Tony Doran sent his apologies."])
    assert not is_minutes_start(opening + ["1. Introduction", "The Chair welcomed Members."])
