"""How a document announces its start and its end: one table, read by `split_source`.

A start cue is an anchor line (a regex on one line) optionally confirmed by
a pattern in the lines that follow. The splitter asks every cue at every
candidate position (the top of each PDF page; every line of a text source)
and the most specific cue that fires wins. Adding a document type means
adding a row here, not a code path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Specific types first: when two cues fire at one place the earlier row wins.
TYPE_PRIORITY = [
    "ofsted_inspection",
    "monitoring_letter",
    "minutes",
    "aip_dashboard",
    "improvement_grid",
    "scorecard_commentary",
    "scorecard",
    "agenda",
    "report",
]


@dataclass(frozen=True)
class StartCue:
    doc_type: str
    anchor: re.Pattern[str]
    confirm: re.Pattern[str] | None = None
    window: int = 12  # non-empty lines after the anchor that `confirm` may match in
    # Or: the parsers' recognisers (`recognisers.py`) must type the window as this.
    confirm_kind: str | None = None
    # A repeated start of the same type continues the document (a running page header
    # such as "Appendix B – Improvement Activity Grid" on every page).
    repeats_as_header: bool = False
    # Letters start at the date above the address block, not at "Dear".
    back_to_date: bool = False
    # In a PDF the anchor must stand within this many lines of the page top
    # (a letter's "Dear" sits below the letterhead and address block).
    page_top_lines: int = 8
    # A soft cue ("1. Introduction") opens a document only after another kind of
    # document or un-cued lines, never inside one of its own type.
    soft: bool = False


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# The label over a list of who came (or sent apologies): what real minutes have
# and an agenda item quoting "Minutes of the meeting held on …" does not.
ATTENDANCE_LABEL = _re(
    r"^\s*(?:\d+\.?\s+)?(?:present|members\s+present|in\s+attendance|attendees|attendance|also\s+present|"
    r"councillors\s+present|(?:members|councillors|membership)\s*:|apologies)\b"
)

START_CUES: list[StartCue] = [
    StartCue(
        "ofsted_inspection",
        _re(r"^\s*(?:\d+\s+)?(?:re-?\s*)?inspection\s+of\b|^\s*review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding"),
        confirm=_re(r"^\s*(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection)\s*:"),
        window=10,
    ),
    StartCue(
        "monitoring_letter",
        _re(r"^\s*Dear\s+\S"),
        confirm=_re(r"\b(?:(?:monitoring|focused|assurance)\s+visit|joint\s+targeted\s+area\s+inspection)\b"),
        window=6,
        back_to_date=True,
        page_top_lines=30,
    ),
    StartCue(
        "minutes",
        # Councils head minutes many ways: "Minutes of the meeting of …", "MINUTES" on
        # its own line, "Health and Wellbeing Board – Minutes", "Draft minutes",
        # "At a meeting of the Cabinet held …", "Record of the meeting".
        _re(
            r"^\s*(?:(?:draft|unconfirmed|confirmed|approved|signed)\s+)?minutes\b(?!\s+of\s+(?:the\s+)?(?:last|previous)\b)"
            r"|^.{3,100}\s[-–—:|]\s*(?:draft\s+)?minutes\s*$"
            r"|^\s*at\s+an?\s+(?:\w+\s+){0,2}meeting\s+of\b"
            r"|^\s*an?\s+(?:\w+\s+){0,2}meeting\s+of\b.*\b(?:was\s+)?held\b"
            r"|^\s*(?:record|notes)\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:meeting|proceedings)\b"
        ),
        # An agenda item "Minutes of the meeting held on ..." is not minutes: real ones list who came.
        confirm=ATTENDANCE_LABEL,
        window=15,
    ),
    StartCue(
        "aip_dashboard",
        _re(r"^\s*accelerated\s+improvement\s+plan\b"),
        confirm=_re(r"\b(?:aim\s+of\s+the\s+plan|reporting\s+period|priority|objective)"),
        window=15,
        repeats_as_header=True,
    ),
    StartCue(
        "improvement_grid",
        _re(r"^\s*(?:appendix\s+\w+\s*[–—:-]\s*)?improvement\s+activity\s+grid\s*$"),
        repeats_as_header=True,
    ),
    StartCue(
        "scorecard",
        _re(r"^.{0,50}\b(?:scorecard|strategic\s+risk|risk\s+register)\s*$"),
        confirm=_re(r"\b(?:quarter|Q[1-4])\b"),
        window=4,
        repeats_as_header=True,
    ),
    # Another council's performance report: a title naming it, confirmed when the
    # scorecard parser's recogniser sees its table (periods beside Target, RAG,
    # England … headings) or its cover in the lines that follow.
    StartCue(
        "scorecard",
        _re(
            # A title line: not a numbered paragraph, not a sentence.
            r"^(?!\s*\d+(?:\.\d+)*\.?\s)(?!.*[.,;:]\s*$).{0,60}\b(?:performance\s+(?:report|scorecard|dashboard|digest|summary|indicators|data\s+pack|monitoring)"
            r"|key\s+performance\s+indicators|kpi\s+(?:report|dashboard|scorecard))\b.{0,50}$"
        ),
        confirm_kind="scorecard",
        window=20,
        repeats_as_header=True,
    ),
    # A page of KPI cards with no title above it (an appendix that opens on its first card): a latest
    # value's label beside its figure near the page top, confirmed when the scorecard recogniser reads
    # the page as cards. Repeated on every card page, it continues the report.
    StartCue(
        "scorecard",
        _re(r"^\s*(?:latest|actual|current|this\s+(?:quarter|month|period))\b[^:]{0,30}:\s*(?:[£]?\d|$)"),
        confirm_kind="scorecard",
        window=20,
        repeats_as_header=True,
        page_top_lines=12,
    ),
    StartCue("agenda", _re(r"^\s*agenda\s*$"), confirm=_re(r"\b(?:apologies|declarations?\s+of\s+interest|membership|minutes)\b"), window=40),
    StartCue(
        "report",
        _re(
            r"^\s*(?:report\s+title\b|title\s+of\s+report\b|purpose\s+of\s+(?:the\s+)?report\b|report\s+(?:to|of|by)\b"
            r"|subject\s*:|agenda\s+item\s+\d+\w?\s*$)"
        ),
    ),
    StartCue("report", _re(r"^\s*1(?:\.0)?\.?\s+(?:introduction|purpose|background)\b"), soft=True),
]

# Lines that close the document they stand in (kept in it).
END_OF_DOCUMENT = _re(
    r"^\s*(?:the\s+)?meeting\s+(?:concluded|closed|ended|finished|terminated)\b"
    r"|^\s*©\s*crown\s+copyright\b"
)
# A publisher's notice that ends a report, except on its first pages: reports of
# 2009-13 print it on the inside cover, before their judgements.
COPYRIGHT = _re(r"^\s*©\s*crown\s+copyright\b")
INSIDE_COVER_PAGES = 2
# Signature lines that may follow an end line and still belong to the document.
SIGNATURE = _re(r"^\s*(?:chair(?:man|person|woman)?|vice[- ]chair(?:man|person)?)\s*$")
# A letter closes a few lines after its valediction.
VALEDICTION = _re(r"^\s*yours\s+(?:sincerely|faithfully)\b")
BLANK_PAGE = _re(r"^\s*this\s+page\s+(?:is\s+)?intentionally\s+(?:left\s+)?blank\s*$")
