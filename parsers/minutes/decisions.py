"""Declarations of interest and recorded decisions inside minute items."""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.common.folding import folded, mentions
from parsers.minutes.items import NUMBER, Item
from parsers.minutes.lines import MinutesLine, join_wrapped
from parsers.minutes.member_key import same_member
from parsers.minutes.name_lists import split_entries
from parsers.minutes.names import looks_like_name, split_title, starts_with_title
from parsers.minutes.nlp import decision_kind, declarants

_DECLARATIONS_TITLE = re.compile(r"\bdeclarations?\b|\bdisclosures?\b|\binterests?\b", re.I)
_NO_DECLARATIONS = re.compile(r"\bno\s+(?:declarations?|interests?)\b", re.I)
_STATED_ITEM = re.compile(rf"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*)?({NUMBER})\b", re.I)
_TABLE_HEADER = re.compile(r"\bname(?:\s+of\s+(?:member|councillor))?\b.*\b(?:type|nature)\s+of\s+interest\b", re.I)
# The end of a sentence: its closing mark, the spaces after it, a capital or an opening bracket next. (The
# mark is matched, not looked behind for: a pattern that opens with a character class is scanned for fast.)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z(“\"‘])")
_POINT_MARKER = re.compile(r"^\s*(?:\(\w{1,4}\)|\d{1,3}(?:\.\d{1,3})*\.?|[a-z]\.|[A-Za-z]\)|[•\-–])\s+")
# A paragraph that records a decision by its opening word: "RESOLVED that", "It was RESOLVED:",
# "Agreed: That ...", "AGREED that", "Decision: ...". "Agreed" in ordinary prose ("Agreed by all
# members, ...") only counts with a colon or dash, or in capitals.
_RESOLVED = re.compile(r"^(?:it\s+was\s+)?(?:resolved|decisions?\s*[:\-–]|decided\s*[:\-–])", re.I)
_AGREED_CAPITALS_OR_MARK = re.compile(r"^(?:AGREED\b|Agreed\s*[:\-–]|Agreed\s+(?:that|to)\b|agreed\s*[:\-–])")
# A decision minuted in capitals inside a sentence: "The Committee RESOLVED to note the report." (Case matters:
# "resolved" in ordinary prose is not a decision.)
_DECIDED_IN_CAPITALS = re.compile(r"\b(?:RESOLVED|AGREED)\b")
# A decision opens its own paragraph even where the extraction lost the blank line before it.
_RESOLVED_LINE = re.compile(r"^\s*(?:RESOLVED|Resolved|AGREED|Agreed\s*[:\-–]|Decisions?\s*:|It\s+was\s+RESOLVED)")
# A point marker or a decision: either opens a paragraph (one pattern, asked once a line).
_OPENS_PARAGRAPH = re.compile(f"{_POINT_MARKER.pattern}|{_RESOLVED_LINE.pattern}")
# The decision's text goes on in the numbered points below it: "RESOLVED that:", "RESOLVED, that", "Agreed:-".
_LEADS_INTO_POINTS = re.compile(r"(?:[:\-–,]|\bthat|\bto)\s*$", re.I)


# A declaration made by a group, naming no one member: "All Members present declared an interest as ...",
# "Members of the Panel declared ...", "All Councillors declared ...".
_COLLECTIVE = re.compile(
    r"^\s*(?P<group>(?:all\s+(?:the\s+)?)?(?:(?:members|councillors|cllrs)(?:\s+of\s+the\s+[A-Za-z-]+(?:\s+[A-Za-z-]+){0,3}?)?"
    r"|(?:the\s+)?(?:panel|committee|board|cabinet|council|forum)\s+members)(?:\s+present)?)"
    r"\s+(?:each\s+|all\s+|also\s+)?(?:declared|disclosed)\s+(?P<interest>.+)$", re.I)


# Several members named in one declaration: "Councillors Cooke, Jeffrey and Brazier declared ...",
# "Mr Hood and Mr Lewis each declared ...".
_SEVERAL_DECLARE = re.compile(r"^\s*(?P<names>[^.;]+?)\s+(?:each\s+|both\s+|all\s+)?(?:declared|disclosed)\s+(?P<interest>.+)$", re.I)


@dataclass
class Found:
    item_number: str | None
    text: str
    line: MinutesLine
    kind: str | None = None
    name: str | None = None
    title: str | None = None
    collective: bool = False
    pages: list[int] | None = None  # every page a repeated declaration is printed on


def declarations(items: list[Item]) -> list[Found]:
    out: list[Found] = []
    for item in items:
        in_declarations_item = bool(_DECLARATIONS_TITLE.search(item.title))
        if not in_declarations_item and not mentions(item.words, "declare", "disclose"):
            continue  # elsewhere only a paragraph that declares or discloses is read (joining adds at most a space)
        for text, line in _paragraphs(item.body, people_open_lines=in_declarations_item):
            if in_declarations_item and (listed := _listed_declaration(text)):
                # "Councillor J Smith – Item 6 – personal interest as a school governor"
                title, name, interest = listed
                stated = _STATED_ITEM.search(interest)
                out.append(Found(stated.group(1) if stated else None, interest, line, name=name, title=title))
                continue
            if "declare" not in text.lower() and "disclose" not in text.lower():
                continue
            for sentence in _sentences(text):
                if _NO_DECLARATIONS.search(sentence):
                    continue
                if group := _COLLECTIVE.match(_POINT_MARKER.sub("", sentence, count=1)):
                    interest = group.group("interest").strip().rstrip(".").strip()
                    stated = _STATED_ITEM.search(interest)
                    number = stated.group(1) if stated else (None if in_declarations_item else item.number)
                    out.append(Found(number, interest, line, name=group.group("group").strip(), collective=True))
                    continue
                if several := _several_declarants(_POINT_MARKER.sub("", sentence, count=1)):
                    people, interest = several
                    stated = _STATED_ITEM.search(interest)
                    number = stated.group(1) if stated else (None if in_declarations_item else item.number)
                    out += [Found(number, interest, line, name=p.name, title=p.title) for p in people]
                    continue
                for printed, after in declarants(sentence):
                    interest = sentence[after:].strip().rstrip(".").strip()
                    if not in_declarations_item and not re.search(r"\binterest", interest, re.I):
                        continue  # "declared with the Monitoring Officer": not an interest
                    title, name = split_title(printed)
                    stated = _STATED_ITEM.search(interest)
                    number = stated.group(1) if stated else (None if in_declarations_item else item.number)
                    out.append(Found(number, interest, line, name=name, title=title))
        if in_declarations_item:
            out += _declarations_table(item.body)
    return _once_each(out, items)


def _several_declarants(sentence: str):
    """(people, interest) when a sentence names two or more declarants before 'declared', else None."""
    m = _SEVERAL_DECLARE.match(sentence)
    if not m or not ("," in m.group("names") or " and " in m.group("names")):
        return None
    names = m.group("names")
    if not (starts_with_title(names) or re.match(r"(?i)^(?:councillors|cllrs|messrs)\b", names)):
        return None
    if any(w[:1].islower() and w not in ("and", "de", "van", "von") for w in names.replace(",", " ").split()):
        return None  # running words, not a list of names
    people = [p for p in split_entries(names) if p.is_person]
    if len(people) < 2:
        return None
    return people, m.group("interest").strip().rstrip(".").strip()


def _once_each(found: list[Found], items: list[Item]) -> list[Found]:
    """A declaration printed twice (in the declarations item, and again at the item it concerns) is one:
    the same declarant and item, or the same declarant and words when one of them names no item. The
    first printing is kept, with the pages of both."""
    minute_of = {i.agenda_item: i.number for i in items if i.agenda_item}
    kept: list[Found] = []
    for f in found:
        same = next((k for k in kept if _same_declarant(k, f) and _same_interest(k, f, minute_of)), None)
        if same is None:
            kept.append(f)
            continue
        same.pages = sorted(set((same.pages or [same.line.page]) + [f.line.page]))
        same.item_number = same.item_number or f.item_number
    return kept


def _same_declarant(a: Found, b: Found) -> bool:
    if a.collective or b.collective:
        return a.collective and b.collective and (a.name or "").lower() == (b.name or "").lower()
    titled_a, titled_b = f"{a.title or ''} {a.name or ''}", f"{b.title or ''} {b.name or ''}"
    return same_member(titled_a, titled_b) and (not a.title or not b.title or a.title.lower() == b.title.lower())


def _same_interest(a: Found, b: Found, minute_of: dict[str, str | None]) -> bool:
    item_a, item_b = minute_of.get(a.item_number, a.item_number), minute_of.get(b.item_number, b.item_number)
    if item_a and item_b:
        return item_a == item_b
    return re.sub(r"\W+", " ", a.text.lower()).strip() == re.sub(r"\W+", " ", b.text.lower()).strip()


def _listed_declaration(text: str) -> tuple[str | None, str, str] | None:
    """(title, name, interest) of a declaration listed as "Title Name – interest", or None."""
    bare = _POINT_MARKER.sub("", text, count=1).strip()
    if not starts_with_title(bare) or re.search(r"\b(?:declared|disclosed)\b", bare, re.I):
        return None
    m = re.match(r"^(.+?)\s*(?:\s[-–—]\s|:\s)\s*(.+)$", bare)
    if not m:
        return None
    title, name = split_title(m.group(1).strip(" ,"))
    if not title or not looks_like_name(name):
        return None
    return title, name, m.group(2).strip().rstrip(".")


def _declarations_table(lines: list[MinutesLine]) -> list[Found]:
    """Declarations printed as a table (ModernGov's "Name of Member | Type of Interest | Item/Nature of
    Interest"): a row starts at a titled name; the cells after it, as printed, are the interest."""
    header = next((i for i, l in enumerate(lines) if _TABLE_HEADER.search(l.text)), None)
    if header is None:
        return []
    rows: list[tuple[MinutesLine, list[str]]] = []
    for line in lines[header + 1:]:
        if line.blank:
            continue
        cells = line.columns
        if starts_with_title(cells[0]):
            rows.append((line, list(cells)))
        elif rows and not _RESOLVED_LINE.match(line.text):
            rows[-1][1].extend(cells)
        elif rows:
            break
    out = []
    for line, cells in rows:
        title, name = split_title(cells[0].strip())
        interest = "; ".join(c.strip() for c in cells[1:] if c.strip()).rstrip(".") or None
        stated = _STATED_ITEM.search(interest or "")
        out.append(Found(stated.group(1) if stated else None, interest, line, name=name, title=title))
    return out


def resolutions(items: list[Item]) -> list[Found]:
    out: list[Found] = []
    for item in items:
        paragraphs = _paragraphs(item.body)
        # A paragraph's words are the item's (Item.words): without one of these, no sentence of it records a decision.
        may_record = mentions(item.words, "agreed", "approved", "noted", "confirmed")
        i = 0
        while i < len(paragraphs):
            text, line = paragraphs[i]
            bare = _POINT_MARKER.sub("", text, count=1)
            agreed = bool(_AGREED_CAPITALS_OR_MARK.match(bare))
            if _RESOLVED.match(bare) or agreed:
                parts = [bare]
                j = i + 1
                if re.fullmatch(r"(?i)(?:it\s+was\s+)?(?:resolved|agreed|decisions?)\W*", bare) and j < len(paragraphs):
                    # "Resolved" on its own: the decision below it, or all the numbered points below it
                    if _marker_kind(paragraphs[j][0]) is not None:
                        parts = []
                        j = _take_points(paragraphs, j, _marker_kind(text), parts)
                    else:
                        parts = [paragraphs[j][0]]
                        j += 1
                        if _LEADS_INTO_POINTS.search(parts[0]):
                            j = _take_points(paragraphs, j, None, parts)
                elif bare.rstrip().endswith(":"):
                    marker = _marker_kind(text)
                    while j < len(paragraphs) and (marker is None or _marker_kind(paragraphs[j][0]) != marker):
                        parts.append(paragraphs[j][0])
                        j += 1
                elif _LEADS_INTO_POINTS.search(bare):
                    j = _take_points(paragraphs, j, _marker_kind(text), parts)
                out.append(Found(item.number, " ".join(parts), line, kind="agreed" if agreed else "resolved"))
                i = j
                continue
            capitals = "RESOLVED" in bare or "AGREED" in bare
            if capitals or (may_record and mentions(folded(bare), "agreed", "approved", "noted", "confirmed")):
                # (no sentence records a decision without one of those words)
                for sentence in _sentences(bare):
                    if m := _DECIDED_IN_CAPITALS.search(sentence):
                        # "The Committee RESOLVED to note the report.": capitals mark the formal decision
                        kind = "agreed" if m.group(0) == "AGREED" else "resolved"
                    else:
                        kind = decision_kind(sentence) if may_record else None
                    if kind:
                        out.append(Found(item.number, sentence.strip(), line, kind=kind))
            i += 1
    return out


def _sentences(text: str) -> list[str]:
    """The text cut into sentences, each keeping its closing mark, the spaces between them dropped."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[start:m.start() + 1])
        start = m.end()
    out.append(text[start:])
    return out


def _take_points(paragraphs: list[tuple[str, MinutesLine]], j: int, marker: str | None, parts: list[str]) -> int:
    """Append the points that carry a decision on ("(1) ...", "(2) ...") to `parts`; the index after them.

    Only numbered points are taken; one numbered like the decision's own paragraph ("5.", "6.")
    is the next minute paragraph, not part of it.
    """
    while j < len(paragraphs):
        kind = _marker_kind(paragraphs[j][0])
        if kind is None or kind == marker:
            break
        parts.append(paragraphs[j][0])
        j += 1
    return j


def _marker_kind(text: str) -> str | None:
    """The shape of a paragraph's number: '(27)' -> '(n)', '5.' -> 'n.', '(a)' -> '(a)'."""
    m = _POINT_MARKER.match(text)
    if not m:
        return None
    marker = m.group(0).strip()
    return re.sub(r"[a-z]", "a", re.sub(r"\d+", "n", marker))


def _paragraphs(lines: list[MinutesLine], people_open_lines: bool = False) -> list[tuple[str, MinutesLine]]:
    """`people_open_lines`: a line opening with a title after a finished line starts a paragraph
    (declarations listed one a line: "Cllr C Irwin – Item 3 – ...")."""
    out: list[tuple[list[str], MinutesLine]] = []
    for line in lines:
        text = line.text
        if not text or text.isspace():  # blank
            continue
        listed = (people_open_lines and out and starts_with_title(text.strip())
                  and out[-1][0][-1].rstrip().endswith((".", ":", ";")))
        if not out or listed or line.starts_paragraph or _OPENS_PARAGRAPH.match(text):
            out.append(([], line))
        out[-1][0].append(text)
    return [(join_wrapped(parts), first) for parts, first in out]
