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
from typing import Callable

from extract.splitting.recognisers import recognise
from parsers.common.attendance_label import ATTENDANCE_LABEL
from parsers.common.minutes_announced import MINUTES_ANNOUNCED
from parsers.common.ofsted_letters import is_ofsted_sender

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
    # Negative evidence on the anchor line itself: "Minutes of the County Council will be
    # published …" announces minutes, it is not their opening.
    refuse: re.Pattern[str] | None = None
    # And this must hold of the lines (texts, anchor position), or the cue does not fire: a letter
    # is a monitoring letter only when it is Ofsted's; minutes list who attended.
    require: Callable[[list[str], int], bool] | None = None
    require_label: str = ""  # how a typing's cues name that evidence
    # The cue's own evidence says a new document begins (a page-1 title block with its dates,
    # a letter with its date and salutation, a new meeting's opening and attendance): it may cut
    # a document that holds items (minutes). A title's words alone are not such evidence.
    structural: bool = False

    def fires(self, texts: list[str], pos: int, pages: list[int] | None = None) -> bool:
        """Does this cue fire at texts[pos] (`texts`: a source's non-empty lines, in order; `pages`,
        for PDFs, the page of each)?"""
        anchor = texts[pos]
        if not self.anchor.search(anchor) or (self.refuse is not None and self.refuse.search(anchor)):
            return False
        window = texts[pos : pos + 1 + self.window]
        if self.confirm_kind is not None:
            if pages is not None:  # confirmed by its own page: a covering report is not a scorecard because cards follow it
                window = [w for k, w in enumerate(window) if pages[pos + k] == pages[pos]]
            confirmed = recognise(window) == self.confirm_kind
        else:
            confirmed = self.confirm is None or any(self.confirm.search(t) for t in window)
        if not confirmed:
            return False
        return self.require is None or self.require(texts, pos)


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)



# A title's line that is an entry in an agenda ("6. Quarterly Performance Report (Pages 25 - 100)")
# or a minute item's heading ("Quarterly Performance Report, Q2 2024-2025 (Item 6)"): it names a
# document, it does not head one.
ENTRY_NOT_TITLE = _re(r"\(\s*pages?\s+\d|\(\s*item\s+\d+\w?\s*\)")

LETTER_REACH = 25  # lines above (the letterhead) and below (the inspectors named) a letter's 'Dear'


def _from_ofsted(texts: list[str], pos: int) -> bool:
    return is_ofsted_sender(texts[max(0, pos - LETTER_REACH) : pos + 1 + LETTER_REACH])


_NUMBERED_ITEM = _re(r"^\s*\d+[a-z]?[.)]?(?:\s|$)")
_LISTED_AFTER_COLON = _re(r":\s*\S")  # "Present: Cllr A Smith, Cllr B Jones"


def _lists_attendance(texts: list[str], pos: int, window: int = 15) -> bool:
    """An attendance label after the heading that heads a list, not an agenda's item: "1. Apologies"
    followed by "2. Declarations of Interest" is a front sheet listing the meeting's business."""
    for k in range(pos + 1, min(pos + 1 + window, len(texts))):
        if ATTENDANCE_LABEL.match(texts[k]) and (
            _LISTED_AFTER_COLON.search(texts[k]) or k + 1 == len(texts) or not _NUMBERED_ITEM.match(texts[k + 1])
        ):
            return True
    return False


def _running_title(doc_type: str, anchor: re.Pattern[str], **more) -> StartCue:
    """A plan's or report's title, printed again at the top of each of its pages: a repeat continues
    the document, and a contents entry naming it (`… (Pages 25 - 100)`) does not start one."""
    return StartCue(doc_type, anchor, repeats_as_header=True, refuse=ENTRY_NOT_TITLE, **more)


START_CUES: list[StartCue] = [
    StartCue(
        "ofsted_inspection",
        _re(r"^\s*(?:\d+\s+)?(?:re-?\s*)?inspection\s+of\b|^\s*review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding"),
        confirm=_re(r"^\s*(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection)\s*:"),
        window=10,
        structural=True,
    ),
    StartCue(
        "monitoring_letter",
        _re(r"^\s*Dear\s+\S"),
        confirm=_re(r"\b(?:(?:monitoring|focused|assurance)\s+visit|joint\s+targeted\s+area\s+inspection)\b"),
        window=6,
        back_to_date=True,
        page_top_lines=30,
        require=_from_ofsted,
        require_label="Ofsted sender",
        structural=True,
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
        refuse=MINUTES_ANNOUNCED,
        require=_lists_attendance,
        require_label="attendance list",
        structural=True,
    ),
    _running_title(
        "aip_dashboard",
        _re(r"^\s*accelerated\s+improvement\s+plan\b"),
        confirm=_re(r"\b(?:aim\s+of\s+the\s+plan|reporting\s+period|priority|objective)"),
        window=15,
    ),
    _running_title("improvement_grid", _re(r"^\s*(?:appendix\s+\w+\s*[–—:-]\s*)?improvement\s+activity\s+grid\s*$")),
    _running_title(
        "scorecard",
        _re(r"^.{0,50}\b(?:scorecard|strategic\s+risk|risk\s+register)\s*$"),
        confirm=_re(r"\b(?:quarter|Q[1-4])\b"),
        window=4,
    ),
    # Another council's performance report: a title naming it, confirmed when the
    # scorecard parser's recogniser sees its table (periods beside Target, RAG,
    # England … headings) or its cover in the lines that follow.
    _running_title(
        "scorecard",
        _re(
            # A title line: not a numbered paragraph, not a sentence.
            r"^(?!\s*\d+(?:\.\d+)*\.?\s)(?!.*[.,;:]\s*$).{0,60}\b(?:performance\s+(?:report|scorecard|dashboard|digest|summary|indicators|data\s+pack|monitoring)"
            r"|key\s+performance\s+indicators|kpi\s+(?:report|dashboard|scorecard))\b.{0,50}$"
        ),
        confirm_kind="scorecard",
        window=20,
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
