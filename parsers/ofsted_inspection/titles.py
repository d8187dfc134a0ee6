"""Report titles: which framework a title belongs to, and where a new report starts.

Every Ofsted report of these frameworks opens with the same few lines: an
optional page number and authority name, the title (wrapped over up to five
lines), then `Inspection date(s): ...`. The titles below are the frameworks'
own wording, so they hold for any authority.
"""
from __future__ import annotations

import re

from parsers.common.ofsted_letters import is_ofsted_letter_start
from parsers.common.ofsted_frameworks import LSCB_REVIEW
from parsers.common.text import clean_line, fold_quotes, is_bare_number, join_words, strip_glued_footnote

# (framework, kind, pattern on the joined, quote-folded, lower-cased title)
_TITLES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("SIF", "inspection", re.compile(r"^(?:re-?\s?)?inspection of services for children in need of help and protection")),
    (LSCB_REVIEW, "lscb_review", re.compile(r"^review of the effectiveness of the local safeguarding children board")),
    ("ILACS", "inspection", re.compile(r"^(?:re-?\s?)?inspection of (?:.{1,80} )?local authority children's services")),
    ("ILACS", "inspection", re.compile(r"^inspection of children's social care services")),
    # The authority named in the title without `local authority`: `Inspection of Kent County Council children's services`.
    ("ILACS", "inspection", re.compile(r"^(?:re-?\s?)?inspection of (?!services\b).{1,80}? children's services$")),
    # A children's services trust run for a council: `Inspection of X Children's Trust`.
    ("ILACS", "inspection",
     re.compile(r"^(?:re-?\s?)?inspection of .{1,80}? (?:children's (?:services )?trust|children and families trust)$")),
    ("Arrangements for the protection of children", "inspection",
     re.compile(r"^inspection of local authority arrangements for the protection of children")),
    ("Safeguarding and looked after children", "inspection",
     re.compile(r"^inspection of safeguarding and looked after children services")),
    ("Looked after children", "inspection",
     re.compile(r"^inspection of (?:local authority )?(?:services for looked after children|looked after children services)")),
)
_TITLE_OPENING = re.compile(r"^(?:re-?\s?inspection|inspection|review) of\b", re.I)
# An authority's name printed on the title's own line, before it: `Barnsley Metropolitan Borough Council Inspection of ...`.
_NAME_THEN_TITLE = re.compile(r"^(?P<name>(?:[A-Z][\w'\u2019&.,-]*|of|and|upon|on|the|with|in)(?:\s+(?:[A-Z][\w'\u2019&.,-]*|of|and|upon|on|the|with|in)){0,9})"
                              r"\s+(?P<title>(?:Re-?\s?inspection|Inspection|Review) of\b.*)$")
DATES_LINE = re.compile(r"^(?:(?:inspection|fieldwork|review)\s+dates?|dates?\s+of\s+(?:the\s+)?(?:inspection|review))\s*:?\s*", re.I)
_TITLE_STOP = re.compile(r"^(?:inspection|fieldwork|review)\s+dates?\b|^report published|^lead inspector|^judgement$", re.I)
_MAX_TITLE_LINES = 6


def match_title(text: str) -> tuple[str, str] | None:
    """(framework, kind) for a report title, or None."""
    folded = fold_quotes(text).lower()
    for framework, kind, pattern in _TITLES:
        if pattern.search(folded):
            return framework, kind
    return None


def find_title(texts: list[str], search_lines: int = 8) -> tuple[int, int, str] | None:
    """(first index, index after the title, title text) of the report title among the first lines.

    `texts` are cleaned, non-empty lines. The title is the first line opening
    with `Inspection of` / `Re-inspection of` / `Review of` whose joined
    continuation (up to the dates line) is a known report title.
    """
    for i, text in enumerate(texts[:search_lines]):
        opening = title_opening(text)
        if opening is None:
            continue
        end = i + 1
        while end < len(texts) and end - i < _MAX_TITLE_LINES and not _TITLE_STOP.match(texts[end]):
            end += 1
        parts = [strip_glued_footnote(t) for t in [opening[1], *texts[i + 1:end]]]
        for stop in range(1, len(parts) + 1):
            if match_title(join_words(parts[:stop])):
                while stop < len(parts) and _continues_title(parts[stop - 1], parts[stop]):
                    stop += 1
                return i, i + stop, join_words(parts[:stop])
    return None


def title_opening(text: str) -> tuple[str, str] | None:
    """(authority name printed before it, title) when a line opens a title; the name is '' when none."""
    if _TITLE_OPENING.match(text):
        return "", text
    m = _NAME_THEN_TITLE.match(text)
    return (m.group("name"), m.group("title")) if m else None


# Every word the frameworks' titles are made of: a wrapped title's last line (`Board`, `Children Board`,
# `of children`) is made of these only, an authority's name printed under the title (`Somerset`) is not.
_TITLE_WORDS = frozenset(
    "inspection re-inspection reinspection of services for children in need help and protection looked after care "
    "leavers review the effectiveness local safeguarding board authority authority's children's social "
    "arrangements".split()
)


def _continues_title(previous: str, line: str) -> bool:
    """`and` / `Review of ...` / `Board` go on a title; an authority's name printed under it does not."""
    if line.lower() == "and" or previous.lower() == "and" or line[:1].islower():
        return True
    words = fold_quotes(line).lower().replace(",", " ").split()
    return 0 < len(words) <= 3 and all(w in _TITLE_WORDS for w in words)


def is_report_start(lines: list[str]) -> str | None:
    """The Ofsted document that starts on this page: 'ofsted_inspection', 'monitoring_letter' or None.

    `lines`: the first ~15 non-empty lines of a page. A report start is a
    known title near the top of the page followed by its `Inspection
    date(s):` line, so a title merely quoted in minutes or a contents list
    does not count. A letter (monitoring or focused visit, JTAI) is told by
    `is_ofsted_letter_start`.
    """
    texts = [t for t in (clean_line(l) for l in lines) if t and not is_bare_number(t)]
    if is_ofsted_letter_start(texts):
        return "monitoring_letter"
    found = find_title(texts, search_lines=4)
    if found is None:
        return None
    start, end, _ = found
    if any(t.lower() == "and" for t in texts[:start]):
        return None  # the second half of a combined title (`... care leavers` / `and` / `Review of ...`)
    if any(DATES_LINE.match(t) for t in texts[end : end + 3]):
        return "ofsted_inspection"
    return None
