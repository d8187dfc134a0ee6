"""One phrase-level reader a field: dates, visit number, inspectors, authority, listed areas."""
from __future__ import annotations

import re
from datetime import date

from parsers.common.authorities import canonical_authority
from parsers.common.dates import make_date, parse_date, read_days
from parsers.common.ofsted_letters import LETTER_DATE_LINE, VISIT_KIND, join_lines
from parsers.common.person_names import PERSON_NAME
from parsers.monitoring_letter.blocks import Block
from parsers.monitoring_letter.phrases import (
    AREA_PROSE,
    AREA_PROSE_SUBJECT,
    BULLET,
    DATE_SPAN,
    HAS_MONTH,
    INSPECTOR_TITLE,
    LA_PREFIX,
    LA_SUFFIX,
    NOT_A_NAME,
    ORDINALS,
    ORGANISATION_WORDS,
    SENTENCE_END,
    VISIT_NUMBER,
    VISIT_NUMBER_LOOSE,
)
from schemas.document import Line


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def read_letter_date(text: str) -> date | None:
    return parse_date(text) if LETTER_DATE_LINE.match(text) else None


def read_visit_dates(sentence: str, letter_date: date | None) -> tuple[date | None, date | None, str | None]:
    """(first day, last day, the dates as printed) from the sentence naming the visit.

    Days take the month and year printed after them ("18 and 19 February 2020"). A visit
    printed without a year took place in the year before the letter's date that fits: a
    December visit in a January letter is the previous year's.
    """
    anchor = re.search(VISIT_KIND, sentence, re.I)
    tail = sentence[anchor.end():] if anchor else sentence
    for m in DATE_SPAN.finditer(tail):
        printed = m.group(0)
        if not HAS_MONTH.search(printed):
            continue
        days = read_days(printed)  # [day, month, year]
        if not days or days[-1][1] is None:
            continue
        if days[-1][2] is None:
            if letter_date is None:
                return None, None, printed.strip(" ,")
            for d in days:
                if d[1] is not None:
                    d[2] = letter_date.year if (d[1], d[0]) <= (letter_date.month, letter_date.day) \
                        else letter_date.year - 1
        first, last = days[0], days[-1]
        return (make_date(first[2], first[1], first[0]), make_date(last[2], last[1], last[0]),
                printed.strip(" ,"))
    return None, None, None


def _kind(printed: str) -> str:
    """`Focused  Visit` -> `focused visit`: the kind as the contract words it."""
    return " ".join(printed.lower().split())


def read_visit_number(text: str) -> int | None:
    m = VISIT_NUMBER.search(text) or VISIT_NUMBER_LOOSE.search(text)
    if not m:
        return None
    word = m.group(1).lower()
    if word in ORDINALS:
        return ORDINALS[word]
    return int(re.match(r"\d+", word).group(0))


def read_inspectors(sentence: str) -> list[str]:
    """Names in the sentence that says who carried out the visit, titles removed."""
    stripped = INSPECTOR_TITLE.sub(",", sentence)
    names = []
    for m in PERSON_NAME.finditer(stripped):
        words = m.group(0).split()
        while words and words[0].lower() in NOT_A_NAME:
            words = words[1:]
        if len(words) >= 2 and words[0].lower() not in NOT_A_NAME \
                and not any(w.lower() in ORGANISATION_WORDS for w in words):
            name = " ".join(words)
            if name not in names:
                names.append(name)
    return names


def normalise_authority(printed: str) -> str:
    """The authority's canonical name (parsers/common/authorities.csv); a name not in it, cleaned, as printed."""
    name = LA_PREFIX.sub("", printed.strip())
    name = LA_SUFFIX.sub("", name).strip(" ,")
    return canonical_authority(printed) or canonical_authority(name) or name


def bullet_items(blocks: list[Block]) -> list[tuple[str, Line]]:
    """Bulleted items in these paragraphs, each joined across its line wraps."""
    items: list[tuple[list[str], Line]] = []
    for block in blocks:
        in_item = False
        for line in block.lines:
            if BULLET.match(line.text):
                items.append(([BULLET.sub("", line.text, count=1)], line))
                in_item = True
            elif in_item:
                items[-1][0].append(line.text)
    return [(join_lines(texts), line) for texts, line in items if join_lines(texts)]


def unmarked_list_items(blocks: list[Block]) -> list[tuple[str, Line]]:
    """Items of a list whose bullet glyphs were lost: lower-case paragraphs after a lead-in ending ':'."""
    items = []
    for i, block in enumerate(blocks):
        if block.text.endswith(":"):
            for part in (p for follower in blocks[i + 1:] for p in follower.parts):
                text = join_lines([l.text for l in part])
                if not text[:1].islower():
                    break
                items.append((text, part[0]))
            break
    return items


def prose_area(blocks: list[Block]) -> tuple[str, Line] | None:
    """The area a visit covered when the letter says it in a sentence, not a list."""
    for block in blocks:
        for s in sentences(block.text):
            if not AREA_PROSE_SUBJECT.match(s) or s.endswith(":"):
                continue
            m = AREA_PROSE.search(s)
            if m and not re.match(r"(?:a\s+range|evidence|a\s+sample)\b", m.group(1), re.I):
                return m.group(1).strip(), block.first
    return None


