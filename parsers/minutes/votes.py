"""Recorded votes (divisions): who voted for, against and abstained, with the counts as printed.

County councils print them as a paragraph that puts the question, then a count heading per side
with the names under it, then the outcome:

    The Chairman put the motion set out in paragraph 2 to the vote and the voting was as follows:
    For (57)
    Mr Baker, Mr Baldock, ... Sir Paul Carter, CBE, ...
    Against (0)
    Abstain (2)
    Mr B Lewis, Mr D Ross
    Motion carried.

The count headings also come as "For: 57", "FOR - 57", "Abstentions (2)", and after the names
("FOR: Councillors A Smith, B Jones and C Brown (3)"). A printed count that
differs from the names listed under it is kept as printed and warned about, never corrected.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from parsers.common.folding import mentions
from parsers.minutes.items import Item
from parsers.minutes.lines import MinutesLine, join_wrapped
from parsers.minutes.name_lists import split_entries

_COUNT_HEADING = re.compile(
    r"^\s*(?P<side>for|against|abstain(?:ed|ing|ers)?|abstentions?)\s*"
    r"(?:(?:\(\s*(?P<n1>\d{1,3})\s*\)|[:\-–]\s*(?P<n2>\d{1,3})\b|(?P<n3>\d{1,3})\b)\s*[:\-–]?\s*(?P<rest>.*)"
    # the names first, their count after them: "FOR: Councillors A Smith, B Jones and C Brown (3)"
    r"|[:\-–]\s*(?P<names>\D.*?)\s*\(\s*(?P<n4>\d{1,3})\s*\))$", re.I)
_OUTCOME = re.compile(
    r"^\s*(?P<text>(?:the\s+)?(?:(?:substantive|original|amended)\s+)?(?:motion|amendment|recommendations?|proposal)"
    r"(?:\s+(?:was|were))?\s+(?P<word>carried|lost|fell|defeated|agreed|approved|rejected|not\s+carried)\b[^\n]*?)\s*$",
    re.I)
_CARRIED = {"carried", "agreed", "approved"}
_PUT_TO_THE_VOTE = re.compile(r"\bto\s+the\s+vote\b|\bvoting\s+was\b|\brecorded\s+vote\b|\bdivision\b", re.I)
_MOTION_KIND = re.compile(r"\b(substantive\s+motion|amendment|motion|recommendations?|proposal)\b", re.I)
_PARAGRAPH_REFERENCE = re.compile(r"\bparagraph\s+\(?(\d{1,3})\)?", re.I)
_NUMBERED_PARAGRAPH = re.compile(r"^\s*\((\d{1,3})\)\s*")
_DECIDED = re.compile(r"^(?:RESOLVED|AGREED)\b")
_QUOTED = re.compile(r"[“\"](.+)[”\"]", re.S)


@dataclass
class VoteSide:
    printed_count: int | None
    names: list[str] = field(default_factory=list)  # as printed, title and honours kept
    people: list = field(default_factory=list)  # PrintedPerson, one per name
    lines: list[MinutesLine] = field(default_factory=list)  # the line each name starts on


@dataclass
class FoundVote:
    item_number: str | None
    line: MinutesLine
    paragraph: str | None
    motion_kind: str | None
    motion: str | None
    sides: dict[str, VoteSide]
    outcome: str | None = None
    outcome_text: str | None = None

    def count(self, side: str) -> int | None:
        return self.sides[side].printed_count if side in self.sides else None

    def mismatches(self) -> list[str]:
        return [f"{side} printed ({s.printed_count}) but {len(s.names)} named"
                for side, s in self.sides.items() if s.printed_count is not None and s.printed_count != len(s.names)]


def recorded_votes(items: list[Item]) -> list[FoundVote]:
    votes: list[FoundVote] = []
    for item in items:
        # A vote opens only under a line putting a question (_PUT_TO_THE_VOTE), which needs one of these
        # words within a line: an item without them holds none.
        if mentions(item.words, "vot", "division"):
            votes += _votes_in(item)
    return votes


def _side(word: str) -> str:
    word = word.lower()
    return "for" if word == "for" else "against" if word == "against" else "abstain"


def _votes_in(item: Item) -> list[FoundVote]:
    lines = item.body
    found: list[FoundVote] = []
    current: FoundVote | None = None
    side: str | None = None
    pending: list[MinutesLine] = []

    def close_side() -> None:
        if current is not None and side is not None:
            _read_names(pending, current.sides[side])
        pending.clear()

    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        # A count heading opens with "for", "against" or "abstain" (no other letter folds to f or a under re.I).
        heading = _COUNT_HEADING.match(text) if text[0] in "fFaA" else None
        if heading and (current is not None or _vote_put_above(lines, index)):
            new_side = _side(heading.group("side"))
            close_side()
            if current is None or new_side in current.sides:
                current = _open_vote(item, lines, index)
                found.append(current)
            side = new_side
            count = heading.group("n1") or heading.group("n2") or heading.group("n3") or heading.group("n4")
            current.sides[side] = VoteSide(int(count))
            if names := heading.group("rest") or heading.group("names"):
                pending.append(MinutesLine(names, line.page, line.number))
            continue
        if current is None:
            continue
        if outcome := _OUTCOME.match(text):
            close_side()
            word = re.sub(r"\s+", " ", outcome.group("word").lower())
            current.outcome = "carried" if word in _CARRIED else "lost"
            current.outcome_text = outcome.group("text").strip()
            current, side = None, None
            continue
        if _numbered(text) or _DECIDED.match(text):
            close_side()  # the next paragraph: the outcome was not printed
            current, side = None, None
            continue
        pending.append(line)
    close_side()
    return found


def _read_names(lines: list[MinutesLine], side: VoteSide) -> None:
    """The people listed under one count heading, each with the line their name starts on."""
    text = join_wrapped([l.text for l in lines])
    starts, at = [], 0
    for l in lines:  # where each line's text begins in the joined text
        found = text.find(l.text.strip()[:12], at)
        starts.append(found if found >= 0 else at)
        at = max(at, starts[-1])
    cursor = 0
    for person in split_entries(text):
        found = text.find(person.name.split()[-1], cursor)
        cursor = found if found >= 0 else cursor
        index = max(bisect_right(starts, cursor) - 1, 0)  # the last line starting at or before the name
        side.people.append(person)
        side.names.append(_as_printed(person))
        side.lines.append(lines[index])


def _vote_put_above(lines: list[MinutesLine], index: int) -> bool:
    """Is a "For (n)" heading the start of a recorded vote: does the paragraph above put a question?"""
    above = [l.text for l in lines[max(0, index - 6):index] if not l.blank]
    return bool(above) and bool(_PUT_TO_THE_VOTE.search(" ".join(above[-4:])))


def _open_vote(item: Item, lines: list[MinutesLine], index: int) -> FoundVote:
    put_at = _paragraph_start(lines, index)
    put = join_wrapped([l.text for l in lines[put_at:index]])
    marker = _NUMBERED_PARAGRAPH.match(put)
    kind = _MOTION_KIND.search(put)
    return FoundVote(
        item_number=item.number, line=lines[index], paragraph=f"({marker.group(1)})" if marker else None,
        motion_kind=re.sub(r"\s+", " ", kind.group(1).lower()) if kind else None,
        motion=_motion_text(lines, put) or (_NUMBERED_PARAGRAPH.sub("", put).strip() or None), sides={},
    )


def _paragraph_start(lines: list[MinutesLine], index: int) -> int:
    """First line of the paragraph that puts the question, just above the first count heading."""
    k = index - 1
    while k >= 0 and lines[k].blank:
        k -= 1
    while k > 0 and not lines[k].starts_paragraph and not _numbered(lines[k].text) \
            and not lines[k - 1].blank and index - k < 8:
        k -= 1
    return max(k, 0)


def _motion_text(lines: list[MinutesLine], put: str) -> str | None:
    """The words put to the vote, when the question names the paragraph that holds them ("the amendment
    set out in paragraph 7 above"): that paragraph's quoted text, or all of it when nothing is quoted."""
    reference = _PARAGRAPH_REFERENCE.search(put)
    if not reference:
        return None
    wanted = reference.group(1)
    start = next((i for i, l in enumerate(lines) if (m := _numbered(l.text)) and m.group(1) == wanted), None)
    if start is None:
        return None
    end = next((j for j in range(start + 1, len(lines)) if _numbered(lines[j].text)), len(lines))
    text = join_wrapped([l.text for l in lines[start:end]])
    quoted = _QUOTED.search(text)
    return (quoted.group(1) if quoted else _NUMBERED_PARAGRAPH.sub("", text)).strip() or None


def _numbered(text: str) -> re.Match | None:
    """A paragraph number opening the line ("(7) ..."); most lines hold no bracket to ask the pattern about."""
    return _NUMBERED_PARAGRAPH.match(text) if "(" in text else None


def _as_printed(person) -> str:
    name = f"{person.title} {person.name}" if person.title else person.name
    return f"{name}, {person.post_nominals}" if person.post_nominals else name
