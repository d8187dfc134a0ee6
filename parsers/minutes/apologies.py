"""Apologies, substitutes and attendance at a distance minuted as sentences inside an item: "Apologies were
received from ...", "X substituted for Y", "Ms L Game was in attendance virtually"."""
from __future__ import annotations

import re

from parsers.common.folding import folded, mentions
from parsers.minutes.attendance import blocks_of, segments_of
from parsers.minutes.attendance_entry import VIRTUAL_BLOCK, AttendanceEntry, entries_for, entry_for
from parsers.minutes.lines import MinutesLine, line_at, sentence_end, text_with_positions
from parsers.minutes.name_lists import people_in_block, split_entries
from parsers.minutes.names import TIER, split_title

# A name printed with no title, as some councils print every name ("Brian Horton substituted for Kelly
# Leonard"): two or three capitalised words, not a sentence's opening ("The Chair", "Members").
# (Its case matters even inside a pattern that ignores case.)
_BARE_NAME = (r"(?-i:(?!(?:The|This|That|These|Those|It|He|She|They|We|Members?|Councillors?|Officers?)\b)"
              r"[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.?\s+)?[A-Z][A-Za-z'’-]+){1,2})")
_TITLE = r"(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)"
_TITLES = r"(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Dr)"  # a plural title too: "Councillors A and B substituted for ..."
_AS_SUBSTITUTE = r"as\s+(?:a\s+|the\s+)?substitutes?"
_SUBSTITUTES_SENTENCE = re.compile(
    rf"(?:^|(?<=[.;]\s)|(?<=\d)\s+)(?P<names>{TIER}{_TITLES}\b[^.;]*?|{_BARE_NAME})\s+"
    rf"(?:attended\s+(?:the\s+meeting\s+)?{_AS_SUBSTITUTE}|substituted"
    rf"|(?:was|were)\s+(?:present\s+|in\s+attendance\s+)?{_AS_SUBSTITUTE}"
    rf"|replaced\s+(?P<replaced>{TIER}{_TITLES}\b[^.;]*?|{_BARE_NAME})"
    r"(?:\s+(?:for|at)\s+(?:this|the)\s+meeting)?(?=\s*(?:[.;]|$)))"
    r"(?:\s+for\s+(?P<for>[^.;]+))?", re.I)
# Inside an item about substitutes: "Councillor Pete West for Councillor Ben Duncan."; names printed without
# titles only with a word that says substitution ("Brian Horton substituted for Kelly Leonard"), never a bare "for".
_SUBSTITUTE_PAIR = re.compile(
    rf"(?:^|(?<=[.;]\s)|(?<=\d)\s+)(?:(?P<names>{TIER}{_TITLE}\.?\s[^.;]*?)\s+"
    r"(?:substituted\s+for|substituting\s+for|(?:attended|(?:was|were)\s+(?:present\s+|in\s+attendance\s+)?)\s*"
    rf"{_AS_SUBSTITUTE}\s+for|in\s+place\s+of|for|replacing|replaced)\s+"
    rf"(?P<for>{TIER}{_TITLE}\.?\s[^.;]+|{_BARE_NAME})"
    rf"|(?P<bare>{_BARE_NAME})\s+(?:substituted\s+for|substituting\s+for|(?:attended|(?:was|were)\s+"
    rf"(?:present\s+|in\s+attendance\s+)?)\s*{_AS_SUBSTITUTE}\s+for|in\s+place\s+of|replacing|replaced)\s+"
    rf"(?P<bare_for>(?:{_TITLE}\.?\s[^.;]+|{_BARE_NAME})))", re.I)
# Apologies minuted as a sentence inside an item.
_APOLOGY_SENTENCE = re.compile(
    r"\bapolog(?:ies|y)(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|reported|given|submitted|tendered|noted)\s+(?:from|on\s+behalf\s+of|by)\s+"
    r"|\breported\s+apolog(?:ies|y)(?:\s+for\s+absence)?\s+from\s+",
    re.I,
)
# Looser wording, trusted only inside an item about apologies.
_APOLOGY_FROM = re.compile(
    rf"{_APOLOGY_SENTENCE.pattern}|\bapolog(?:ies|y)(?:\s+for\s+absence)?\s+from\s+"
    r"|\b(?:had\s+been|have\s+been|were|was)\s+received\s+from(?:\s+|(?=\s*[:\-–]))", re.I)
# The apologies are listed on the lines below, not in the sentence: "received from: -".
_LIST_FOLLOWS = re.compile(r"\s*[:\-–][\s:\-–]*")
_VIRTUAL_SENTENCE = re.compile(
    r"(?:^|(?<=[.;]\s))(?P<names>(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Sir)\b[^.;]*?),?\s+"
    r"(?:(?:subsequently|later|then|also|both)\s+)?(?:(?:was|were)\s+(?:also\s+)?(?:in\s+attendance|present)|attended|joined(?:\s+the\s+meeting)?)"
    r"(?:\s+the\s+meeting)?\s+(?:virtually|remotely|online|via\s+(?:teams|zoom|video\s*link))\b", re.I)
# "via Teams" in the lines run together and folded (see apologies_in_text).
_VIA_LINK = re.compile(r"via\s*(?:teams|zoom|video)")
_FOR_THIS_MEETING = re.compile(r"\s+(?:for|at)\s+(?:this|the)\s+meeting$", re.I)


def apologies_in_text(lines: list[MinutesLine], apologies_item: bool, substitutes_item: bool = False,
                      words: str | None = None) -> list[AttendanceEntry]:
    """Apologies minuted as a sentence ("Apologies were received from Mrs C Bell."), and substitutes
    ("Councillor A Reed substituted for Councillor D Mulholland."; in an item about substitutes,
    "1.1 Councillor Pete West for Councillor Ben Duncan.")."""
    # Each pattern runs only where a word every match of it needs is printed; most items hold none. The
    # lines run together hold every word of the joined text (joining adds at most a space).
    if words is None:  # (an item's `words`, when the caller has them)
        words = folded("".join([l.text.strip() for l in lines]))
    apologies = mentions(words, "apolog", "received") if apologies_item else mentions(words, "apolog")
    virtual = mentions(words, "virtual", "remote", "online") or bool("via" in words and _VIA_LINK.search(words))
    substitutes = mentions(words, "substitut", "replaced")
    if not (apologies or virtual or substitutes or substitutes_item):
        return []
    text, starts = text_with_positions(lines)
    entries = []
    pattern = _APOLOGY_FROM if apologies_item else _APOLOGY_SENTENCE
    for m in pattern.finditer(text) if apologies else ():
        at = line_at(starts, lines, m.end())
        index = lines.index(at)
        line_end = starts[index + 1] if index + 1 < len(starts) else len(text)
        if _LIST_FOLLOWS.fullmatch(text[m.end():line_end]):
            # "... had been received from: -" and the names listed below, perhaps in groups
            # ("School members", "Officers"): everyone listed there sent apologies.
            below = lines[index + 1:]
            for _, block in blocks_of(below, "apologies"):
                for segment in segments_of(block):
                    for person, first in people_in_block(segment):
                        entries += entries_for(person, "apologies", first)
            break
        names = text[m.end(): sentence_end(text, m.end())]
        for person in split_entries(names):
            entries += entries_for(person, "apologies", at)
    for m in _VIRTUAL_SENTENCE.finditer(text) if virtual else ():
        at = line_at(starts, lines, m.start())
        for person in split_entries(m.group("names")):
            if person.is_person:
                entries.append(entry_for(person, "others" + VIRTUAL_BLOCK, at))
    if substitutes_item:
        for m in _SUBSTITUTE_PAIR.finditer(text):
            at = line_at(starts, lines, m.start())
            names, absent = (m.group("names"), m.group("for")) if m.group("names") else (m.group("bare"), m.group("bare_for"))
            for person in split_entries(names):
                if person.is_person:
                    person.substitute_for = _substituted(absent)
                    entries.append(entry_for(person, "substitutes", at))
        return entries
    for m in _SUBSTITUTES_SENTENCE.finditer(text) if substitutes else ():
        at = line_at(starts, lines, m.start())
        for person in split_entries(m.group("names")):
            if person.is_person:
                if absent := m.group("for") or m.group("replaced"):
                    person.substitute_for = _substituted(absent)
                entries.append(entry_for(person, "substitutes", at))
    return entries


def _substituted(printed: str) -> str:
    """The name of the member a substitute came for, as printed after "for" ("Ms A Farmer for this meeting")."""
    return split_title(_FOR_THIS_MEETING.sub("", printed.strip()))[1]
