"""Ofsted monitoring, focused and assurance visit letters: who visited, when, what they looked at.

An Ofsted visit letter has the same shape in every year since 2017:

    [Ofsted letterhead]            Piccadilly Gate ... enquiries@ofsted.gov.uk
    letter date                    12 March 2020
    address block                  Mr Chris Spencer / Director of Children's Services / ...
    salutation                     Dear Mr Spencer
    subject line                   Monitoring visit of Gloucestershire children's services
    opening paragraph(s)           This letter summarises the findings of the monitoring visit to
                                   X children's services on 18 February 2020. The visit was the
                                   eighth monitoring visit ... carried out by A and B, Her
                                   Majesty's Inspectors.
    headed sections                Areas covered by the visit / Overview / Headline findings /
                                   Findings and evaluation of progress / What needs to improve ...
    closing                        I am copying this letter to the Department for Education ...
                                   Yours sincerely / name / Her (His) Majesty's Inspector

So the parser reads the letter by that shape (paragraph blocks, the block
that says "Dear", the single-line blocks that are headings) and reads each
field with one phrase-level rule; nothing depends on a council's name.

The same shape tells the splitter where a letter starts and ends inside an
agenda pack: `is_letter_start`, `letter_start_index`, `letter_end_index`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from statistics import median

from parsers.common.dates import MONTH, ORDINAL, WEEKDAY, make_date, parse_date, read_days
from parsers.result import ParseResult
from schemas.document import Document, Line
from schemas.ofsted import MonitoringVisit, MonitoringVisitArea, MonitoringVisitFinding

VERSION = "2"  # 2: joint targeted area inspection letters; visit_kind as printed in full

# ---------------------------------------------------------------------------
# Phrases
# ---------------------------------------------------------------------------

_APOS = "['\u2019]"
# The kinds of letter: visits, and the joint targeted area inspections (JTAIs, 2016 on) whose
# findings Ofsted and its partner inspectorates also send as a letter.
_VISIT_KIND = r"(monitoring\s+visit|focused\s+visit|assurance\s+visit|joint\s+targeted\s+area\s+inspection)"

# "Monitoring visit of Gloucestershire children's services", "Focused visit to the London
# Borough of X children's services", "Monitoring visit to X local authority children's services".
SUBJECT = re.compile(
    rf"^\s*(?:Re:\s*)?{_VISIT_KIND}\s+(?:of|to|at)\s+(.+?)\s*(?:local\s+authority\s+)?"
    rf"children{_APOS}?s?\s+services\b",
    re.I,
)
# A JTAI's subject names the area after "in", or alone: "Joint targeted area inspection of the
# multi-agency response to abuse and neglect in Hampshire", "Joint targeted area inspection of Sunderland".
SUBJECT_JTAI = re.compile(
    r"^\s*(joint\s+targeted\s+area\s+inspection)\s+of\s+(?:the\s+multi-agency\s+response\s+.+?\s+in\s+)?"
    r"(?:the\s+)?((?-i:[A-Z])[^.,;:()]*?)\s*$",
    re.I,
)
# The same line without "children's services" ("Monitoring visit to Torbay Council"), trusted only
# directly under the salutation.
SUBJECT_LOOSE = re.compile(rf"^\s*(?:Re:\s*)?{_VISIT_KIND}\s+(?:of|to|at)\s+(?:the\s+)?([A-Z].*?)\s*$", re.I)
# The opening sentence that every visit letter has since 2017.
FINDINGS_SENTENCE = re.compile(
    rf"summari[sz]es\s+the\s+(?:main\s+)?findings\s+of\s+(?:the|a|an|our)\s+(?:\w+\s+)?{_VISIT_KIND}", re.I
)
# The same sentence's object: "... visit to Gloucestershire children's services on ...".
FINDINGS_AUTHORITY = re.compile(
    rf"{_VISIT_KIND}\s+(?:of|to|at)\s+(.+?)\s*(?:local\s+authority\s+)?children{_APOS}?s?\s+services\b", re.I
)
SALUTATION = re.compile(r"^\s*Dear\s+(\S.*?)\s*,?\s*$")
SIGN_OFF = re.compile(r"^\s*Yours\s+(?:sincerely|faithfully)\b", re.I)
# Paragraphs after the findings that are formula, not findings.
CLOSING_FORMULA = re.compile(
    r"^\s*(?:I\s+am\s+copying\s+this\s+letter|Ofsted\s+will\s+take\s+the\s+findings|"
    r"This\s+letter\s+will\s+be\s+published|Yours\s+(?:sincerely|faithfully))",
    re.I,
)
# A letter date alone on its line: "12 March 2020", "Thursday 12 March 2020", "Date: 12th March 2020".
LETTER_DATE_LINE = re.compile(
    rf"^\s*(?:Date:?\s*)?(?:{WEEKDAY}\s+)?\d{{1,2}}{ORDINAL}\s+{MONTH}\.?,?\s+\d{{4}}\s*$", re.I
)
# Ofsted's letterhead: its name, web and mail addresses, its phone numbers.
LETTERHEAD_MARK = re.compile(
    r"^\s*Ofsted\s*$|ofsted\.gov\.uk|gov\.uk/ofsted|\b0300\s*123\s*\d{4}\b|\btextphone\b|\bpiccadilly\s+gate\b",
    re.I,
)
# Bullet glyphs: the bullet characters, geometric shapes (■ ● ◼ ▪), dingbats (➢ ✓), arrows, and
# a dash or asterisk followed by a space.
BULLET = re.compile(r"^\s*(?:[\u2022\u2023\u2043\u2219\u00b7\u25a0-\u25ff\u2190-\u21ff\u2700-\u27bf]|[*\-\u2013\u2014](?=\s))\s*")
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Cllr|Councillor|Rev)\.?"
ADDRESSEE_ROLE = re.compile(
    r"\b(?:Director|Chief|Executive|Head|Leader|Manager|Officer|Commissioner|Corporate|Strategic|Interim|Acting|"
    r"Assistant|Deputy|Lead\s+Member|Cabinet\s+Member|Chair)\b",
    re.I,
)
# A person's name: two to four capitalised words, with lower-case particles (van der, de).
PERSON_NAME = re.compile(
    r"\b[A-Z][\w'\u2019\-]+(?:\s+(?:(?:van|von|der|de|du|da|di|del|le|la)\s+)*[A-Z][\w'\u2019\-]+){1,3}\b"
)
# Inspectors' titles as Ofsted prints them; they separate names in the inspectors' sentence.
INSPECTOR_TITLE = re.compile(
    rf"\b(?:Senior\s+)?(?:Her|His)\s+Majesty{_APOS}s\s+Inspectors?\b|\bSenior\s+HMI\b|\bHMIs?\b|"
    r"\bOfsted\s+Inspectors?\b|\bSocial\s+Care\s+Regulatory\s+Inspectors?\b|\b(?:lead\s+)?inspectors?\b",
    re.I,
)
# The sentence that names the inspectors: "carried out by", "The inspectors were", "... Inspectors X and Y".
INSPECTOR_MENTION = re.compile(
    rf"Majesty{_APOS}s\s+Inspector|\bHMI\b|\bOfsted\s+Inspector|\bcarried\s+out\s+by\b|\bcarried\s+out\s+this\b"
    r"|\binspectors?\s+(?:were|was)\b|\bled\s+by\b",
    re.I,
)
# Words that begin capitalised phrases in the inspectors' sentence but are not names.
NOT_A_NAME = {"the", "this", "these", "during", "ofsted", "department", "her", "his", "majesty's", "majesty\u2019s",
              "inspectors", "inspector", "lead", "senior", "visit", "monitoring", "focused"}
# Words that make a capitalised phrase an organisation or a place, not a person.
ORGANISATION_WORDS = {"council", "county", "city", "borough", "district", "services", "children's", "children\u2019s",
                      "authority", "department", "education", "ofsted", "trust", "partnership",
                      # the partner inspectorates a JTAI letter names ("the Care Quality Commission (CQC)")
                      "commission", "inspectorate", "constabulary", "probation", "police", "quality"}
SIGNATORY_TITLE = re.compile(
    r"Majesty|\bHMI\b|Inspector|Director|Ofsted|Regional|Senior|Deputy|Chief", re.I
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
_ORDINAL = r"(" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th))"
# "The visit was the eighth monitoring visit", "This was the first monitoring visit".
VISIT_NUMBER = re.compile(rf"\b(?:was|is)\s+(?:the|its|our)\s+{_ORDINAL}\s+(?:\w+\s+)?monitoring\s+visit", re.I)
VISIT_NUMBER_LOOSE = re.compile(rf"\b{_ORDINAL}\s+(?:\w+\s+)?monitoring\s+visit", re.I)

# A span of visit dates: "18 February 2020", "18 and 19 February", "between 3 and 5 March 2020",
# "Tuesday 30 November to Thursday 2 December 2021", "31 December 2019 and 2 January 2020".
_DATE_ITEM = rf"(?:{WEEKDAY}\s+)?\d{{1,2}}{ORDINAL}\b(?:\s+(?:of\s+)?{MONTH},?)?(?:\s+\d{{4}}\b)?"
_DATE_JOIN = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|to|until|till)\s+|\s*[-\u2013\u2014]\s*)"
DATE_SPAN = re.compile(rf"(?<![\w/.]){_DATE_ITEM}(?:{_DATE_JOIN}{_DATE_ITEM})*", re.I)
HAS_MONTH = re.compile(rf"\b{MONTH}", re.I)

# Where the letter says which areas the visit covered.
AREAS_HEADING = re.compile(r"\bcovered\b|\bfocus\s+of\s+(?:the|this)\s+visit\b|\bareas?\s+of\s+focus\b", re.I)
# Prose forms of the same: "... reviewed the progress made in the area of help and protection."
AREA_PROSE = re.compile(
    r"\b(?:evaluated|looked\s+at|reviewed|considered|focused\s+on)\s+"
    r"(?:the\s+progress\s+(?:made\s+)?(?:in|on)\s+(?:the\s+)?(?:area(?:s|\(s\))?\s+of\s+)?)?(.+?)\s*\.?$",
    re.I,
)
AREA_PROSE_SUBJECT = re.compile(r"^\s*(?:During\s+this\s+visit,?\s+)?(?:inspectors|this\s+visit|the\s+visit)\b", re.I)
# The authority as analysts name it: "the London Borough of Hackney" is Hackney, "Leeds City Council" Leeds.
LA_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:London|Royal)\s+Borough\s+of\s+)?", re.I)
LA_SUFFIX = re.compile(
    r"\s+(?:(?:Metropolitan\s+)?(?:County|City|Borough|District|Metropolitan)\s+)?Council(?:'s|\u2019s)?$", re.I
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u2018\"'])")


# ---------------------------------------------------------------------------
# Where a letter starts and ends (for the splitter)
# ---------------------------------------------------------------------------

def _texts(lines: list[str] | list[Line]) -> list[str]:
    return [l.text if isinstance(l, Line) else l for l in lines]


def _is_blank(text: str) -> bool:
    return not text.strip()


def _next_nonblank(texts: list[str], i: int, limit: int) -> list[int]:
    """Indices of up to `limit` non-blank lines after i."""
    found = []
    for j in range(i + 1, len(texts)):
        if not _is_blank(texts[j]):
            found.append(j)
            if len(found) == limit:
                break
    return found


def _opens_visit_letter(texts: list[str], salutation: int) -> bool:
    """The lines after a 'Dear ...' name a visit: a subject line or the findings sentence."""
    following = _next_nonblank(texts, salutation, 6)
    if not following:
        # The lines given end at 'Dear': Ofsted's letterhead above it must then tell.
        return any(LETTERHEAD_MARK.search(t) for t in texts[max(0, salutation - 25):salutation])
    if SUBJECT.match(texts[following[0]]):
        return True
    return bool(FINDINGS_SENTENCE.search(join_lines([texts[j] for j in following])))


def letter_start_index(lines: list[str] | list[Line]) -> int | None:
    """Index of the first line of an Ofsted visit letter in `lines`, or None if none starts here.

    The letter is recognised by its salutation followed by a visit subject line or the
    'This letter summarises the findings of the ... visit' sentence; its first line is the
    top of Ofsted's letterhead, else the letter date, else the address block above 'Dear'.
    """
    texts = _texts(lines)
    for i, text in enumerate(texts):
        if SALUTATION.match(text) and _opens_visit_letter(texts, i):
            return _head_start(texts, i)
    return None


def _head_start(texts: list[str], salutation: int) -> int:
    window = range(salutation - 1, max(-1, salutation - 25), -1)
    date_line = next((j for j in window if LETTER_DATE_LINE.match(texts[j])), None)
    marks = [j for j in window if LETTERHEAD_MARK.search(texts[j]) and len(texts[j].strip()) <= 60]
    if marks:
        top = min(marks)
        # The letterhead's postal address lines sit just above its marked lines.
        while top > 0 and not _is_blank(texts[top - 1]) and _is_short_line(texts[top - 1]):
            top -= 1
        return top if date_line is None else min(top, date_line)
    if date_line is not None:
        return date_line
    # No letterhead, no date: the address block directly above the salutation.
    j = salutation - 1
    while j >= 0 and _is_blank(texts[j]):
        j -= 1
    if j < 0:
        return salutation
    while j > 0 and not _is_blank(texts[j - 1]) and _is_short_line(texts[j - 1]):
        j -= 1
    return j if _is_short_line(texts[j]) else salutation


def _is_short_line(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 45 and not t.endswith((".", ":", ";"))


def is_letter_start(lines: list[str] | list[Line]) -> bool:
    """Whether an Ofsted monitoring/focused-visit letter starts in these (first ~20 non-empty) lines."""
    return letter_start_index(lines) is not None


def letter_end_index(lines: list[str] | list[Line]) -> int | None:
    """Index of the letter's last line (the signatory's name/title after 'Yours sincerely'), or None."""
    texts = _texts(lines)
    sign_off = next((i for i, t in enumerate(texts) if SIGN_OFF.match(t)), None)
    if sign_off is None:
        return None
    end = sign_off
    after = _next_nonblank(texts, sign_off, 3)
    if not after:
        return end
    k = 0
    if _looks_like_signatory_name(texts[after[0]]):
        end = after[0]
        k = 1
    # Up to two title lines: "Her Majesty's Inspector", "Senior HMI" / "Ofsted".
    for j in after[k:k + 2]:
        if _is_signatory_title(texts[j]):
            end = j
        else:
            break
    return end


def _looks_like_signatory_name(text: str) -> bool:
    t = text.strip()
    if not t or any(c.isdigit() for c in t) or t.endswith((".", ":")) or _is_signatory_title(t):
        return False
    words = t.split()
    if not 2 <= len(words) <= 5 or (t.isupper() and len(words) > 3):
        return False
    return bool(re.fullmatch(rf"(?:{HONORIFIC}\s+)?{PERSON_NAME.pattern}", t))


def _is_signatory_title(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 60 and not t.endswith(".") and bool(SIGNATORY_TITLE.search(t))


# ---------------------------------------------------------------------------
# Paragraph blocks
# ---------------------------------------------------------------------------

@dataclass
class Block:
    lines: list[Line]
    # The runs of lines the block was joined from (more than one where a page break or a
    # gap cut a paragraph, or where a list lost its bullet glyphs).
    parts: list[list[Line]]

    @property
    def text(self) -> str:
        return join_lines([l.text for l in self.lines])

    @property
    def first(self) -> Line:
        return self.lines[0]


def _block_of(lines: list[Line]) -> Block:
    return Block(list(lines), [list(lines)])


def join_lines(texts: list[str]) -> str:
    """Lines of one paragraph as one string; a word hyphenated at a line's end keeps its hyphen."""
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if not out:
            out = t
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and t[:1].islower():
            out += t
        else:
            out += " " + t
    return out


def paragraph_blocks(lines: list[Line]) -> list[Block]:
    """Split lines into paragraphs: at blank lines (text) or at vertical gaps (PDF).

    A paragraph that a page break cut in two (no closing punctuation, next part in lower case)
    is joined again.
    """
    # PDF lines: a paragraph break is a line pitch (top to top) well above the usual one.
    pitches = [b.top - a.top for a, b in zip(lines, lines[1:])
               if a.top is not None and b.top is not None and a.page == b.page and b.top > a.top
               and a.text.strip() and b.text.strip()]
    usual_pitch = median(pitches) if pitches else None
    blocks: list[list[Line]] = []
    current: list[Line] = []
    prev: Line | None = None
    for line in lines:
        if _is_blank(line.text):
            if current:
                blocks.append(current)
                current = []
            prev = None
            continue
        if current and prev is not None and (
                line.page != prev.page
                or (usual_pitch is not None and line.top is not None and prev.top is not None
                    and line.top - prev.top > 1.4 * usual_pitch)):
            blocks.append(current)
            current = []
        current.append(line)
        prev = line
    if current:
        blocks.append(current)
    merged: list[Block] = []
    for block in blocks:
        if merged and _continues(merged[-1].lines, block):
            merged[-1].lines.extend(block)
            merged[-1].parts.append(block)
        else:
            merged.append(Block(list(block), [block]))
    return merged


def _continues(before: list[Line], after: list[Line]) -> bool:
    last = before[-1].text.rstrip()
    head = after[0].text.lstrip()
    return (bool(last) and last[-1] not in ".:;!?" and bool(head) and head[0].islower()
            and not BULLET.match(head))


def is_heading(block: Block) -> bool:
    """A heading is a paragraph of one short line, capitalised, without closing punctuation."""
    if len(block.lines) != 1:
        return False
    t = block.first.text.strip()
    if not t or len(t) > 80 or len(t.split()) > 12 or t[-1] in ".,;:" or BULLET.match(t):
        return False
    if LETTER_DATE_LINE.match(t) or SALUTATION.match(t) or SIGN_OFF.match(t):
        return False
    first_alpha = next((c for c in t if c.isalpha()), "")
    return first_alpha.isupper()


# ---------------------------------------------------------------------------
# Field readers
# ---------------------------------------------------------------------------

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
    anchor = re.search(_VISIT_KIND, sentence, re.I)
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
    name = LA_PREFIX.sub("", printed.strip())
    name = LA_SUFFIX.sub("", name)
    return name.strip(" ,")


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


# ---------------------------------------------------------------------------
# The parser
# ---------------------------------------------------------------------------

@dataclass
class LetterParts:
    """A letter cut along its shape: head (above 'Dear'), subject, opening, headed sections."""

    head: list[Block]
    salutation: Block | None
    title: str | None
    subject: re.Match | None  # SUBJECT / SUBJECT_LOOSE match on the title: visit kind and authority
    opening: list[Block]  # paragraphs between the subject and the first heading
    sections: list[tuple[Block, list[Block]]]  # (heading, its paragraphs), closing formulae dropped


def parse_monitoring_letter(doc: Document) -> ParseResult:
    result = ParseResult()
    warn = result.warnings.append
    blocks = paragraph_blocks(_letter_lines(doc, warn))
    if not blocks:
        warn("the letter has no text")
        return result
    parts = cut_letter(blocks)
    if parts.title is None:
        warn("subject line ('Monitoring visit to ... children's services') not found")

    visit = read_visit(doc, parts, warn)
    result.records.append(visit)
    result.records += read_areas(doc, parts, warn)
    result.records += read_findings(doc, parts)
    result.title = parts.title
    result.local_authority = visit.local_authority
    result.document_date = visit.letter_date
    return result


def _letter_lines(doc: Document, warn) -> list[Line]:
    """The document's lines from the letter's first line to its signatory (a splitter may cut wider)."""
    texts = [l.text for l in doc.lines]
    start = letter_start_index(texts)
    if start is None:
        warn("no 'Dear ...' followed by a visit subject line or findings sentence: letter start not found; "
             "reading the whole document")
        start = 0
    end = letter_end_index(texts[start:])
    if end is None:
        warn("no 'Yours sincerely': letter end not found; reading to the end of the document")
        return doc.lines[start:]
    return doc.lines[start:start + end + 1]


def cut_letter(blocks: list[Block]) -> LetterParts:
    salutation_at = next((i for i, b in enumerate(blocks) if SALUTATION.match(b.first.text)), None)
    head = blocks[:salutation_at] if salutation_at is not None else []
    salutation = blocks[salutation_at] if salutation_at is not None else None
    body = blocks[salutation_at + 1:] if salutation_at is not None else blocks
    if salutation is not None and len(salutation.lines) > 1:
        # No blank line after "Dear ...": what follows it on the next lines is the body.
        body = [_block_of(salutation.lines[1:])] + body

    # The subject line: the first paragraph after "Dear" when it names the visit.
    title = None
    subject = (SUBJECT.match(body[0].text) or SUBJECT_JTAI.match(body[0].text) or SUBJECT_LOOSE.match(body[0].text)) \
        if body and len(body[0].lines) <= 2 else None
    if subject:
        title = body[0].text
        body = body[1:]
    elif body and len(body[0].lines) > 2 and (subject := SUBJECT.match(body[0].first.text)):
        # The subject line run into the opening paragraph.
        title = body[0].first.text.strip()
        body = [_block_of(body[0].lines[1:])] + body[1:]

    first_heading = next((i for i, b in enumerate(body) if is_heading(b)), len(body))
    return LetterParts(head=head, salutation=salutation, title=title, subject=subject,
                       opening=body[:first_heading], sections=_sections(body[first_heading:]))


def read_visit(doc: Document, parts: LetterParts, warn) -> MonitoringVisit:
    """The letter's one row: who wrote to whom, when, about which visit by whom."""
    head_lines = [l for b in parts.head for l in b.lines]
    date_line = next((l for l in head_lines if read_letter_date(l.text)), None)
    letter_date = read_letter_date(date_line.text) if date_line else None
    if letter_date is None:
        warn("letter date not found above the salutation")
    addressee, addressee_role = _read_addressee(parts.head, date_line, parts.salutation)
    if addressee is None:
        warn("addressee not found (no name in the address block or the salutation)")

    opening_sentences = [s for b in parts.opening for s in sentences(b.text)]
    findings_sentence = next((s for s in opening_sentences if FINDINGS_SENTENCE.search(s)), None)
    if findings_sentence is None:
        findings_sentence = next((s for s in opening_sentences if re.search(_VISIT_KIND, s, re.I)
                                  and DATE_SPAN.search(s) and HAS_MONTH.search(s)), None)

    kind, printed_authority = (_kind(parts.subject.group(1)), parts.subject.group(2)) if parts.subject \
        else (None, None)
    if findings_sentence:
        m = FINDINGS_SENTENCE.search(findings_sentence)
        if m and kind is None:
            kind = _kind(m.group(1))
        if printed_authority is None:
            m = FINDINGS_AUTHORITY.search(findings_sentence)
            printed_authority = m.group(1) if m else None
    if kind is None:
        warn("visit kind (monitoring / focused / assurance visit, joint targeted area inspection) not found")
    local_authority = normalise_authority(printed_authority) if printed_authority else None
    if local_authority is None:
        warn("local authority not found in the subject line or the opening sentence")

    # The dates are in the findings sentence, or in one after it ("The visit took place on ...").
    visit_start = visit_end = visit_dates_text = None
    # A JTAI says when in a sentence of its own ("Between 20 and 24 February 2017, Ofsted ... undertook
    # a joint inspection", "This inspection took place from 5 to 9 June 2023"): read after the visit ones.
    date_sentences = ([findings_sentence] if findings_sentence else []) + [
        s for s in opening_sentences if s is not findings_sentence and re.search(r"\bvisit\b", s, re.I)] + [
        s for s in opening_sentences if s is not findings_sentence and not re.search(r"\bvisit\b", s, re.I)
        and re.search(r"\b(?:joint\s+)?inspection\s+(?:took\s+place|was\s+carried\s+out)|undertook\s+a\s+joint\s+inspection", s, re.I)]
    for sentence in date_sentences:
        visit_start, visit_end, visit_dates_text = read_visit_dates(sentence, letter_date)
        if visit_dates_text:
            break
    if visit_start is None or visit_end is None:
        warn("visit dates not found or not readable in the opening sentence"
             + (f" (printed: {visit_dates_text!r})" if visit_dates_text else ""))

    visit_number = read_visit_number(" ".join(opening_sentences))
    if visit_number is None and kind == "monitoring visit":
        warn("monitoring visit number (e.g. 'the eighth monitoring visit') not found")

    inspectors: list[str] = []
    for s in opening_sentences:
        if INSPECTOR_MENTION.search(s) and not FINDINGS_SENTENCE.search(s):
            inspectors += [n for n in read_inspectors(s) if n not in inspectors]
    if not inspectors:
        warn("inspectors not found in the opening paragraph")

    anchor = date_line or next((b.first for b in parts.head + parts.opening), doc.lines[0])
    return MonitoringVisit(
        document_id=doc.document_id, page=anchor.page, line=anchor.number,
        local_authority=local_authority, letter_date=letter_date, visit_start=visit_start, visit_end=visit_end,
        visit_number=visit_number, visit_kind=kind, inspectors=inspectors,
        addressee=addressee, addressee_role=addressee_role, title=parts.title, visit_dates_text=visit_dates_text,
    )


def _areas_section(parts: LetterParts) -> tuple[Block, list[Block]] | None:
    return next((s for s in parts.sections if AREAS_HEADING.search(s[0].text)), None)


def read_areas(doc: Document, parts: LetterParts, warn) -> list[MonitoringVisitArea]:
    """Each area the visit covered: the bullets under 'Areas covered by the visit', else the prose."""
    section = _areas_section(parts)
    areas: list[tuple[str, Line]] = []
    if section is not None:
        areas = bullet_items(section[1]) or unmarked_list_items(section[1])
        if not areas:
            found = prose_area(section[1])
            areas = [found] if found else []
    if not areas:
        found = prose_area(parts.opening)
        areas = [found] if found else []
    if not areas:
        warn("areas covered by the visit not found")
    return [MonitoringVisitArea(document_id=doc.document_id, page=line.page, line=line.number, seq=seq, text=text)
            for seq, (text, line) in enumerate(areas, start=1)]


def read_findings(doc: Document, parts: LetterParts) -> list[MonitoringVisitFinding]:
    """Findings text by section: the opening paragraphs (section None), then each heading's but the areas'."""
    areas = _areas_section(parts)
    findings: list[tuple[str | None, Line, list[Block]]] = []
    if parts.opening:
        findings.append((None, parts.opening[0].first, parts.opening))
    findings += [(h.text, h.first, content) for h, content in parts.sections
                 if areas is None or content is not areas[1]]
    rows = []
    for section, line, content in findings:
        text = "\n\n".join(b.text for b in content if not CLOSING_FORMULA.match(b.text))
        if text:
            rows.append(MonitoringVisitFinding(document_id=doc.document_id, page=line.page, line=line.number,
                                               seq=len(rows) + 1, section=section, text=text))
    return rows


def _sections(blocks: list[Block]) -> list[tuple[Block, list[Block]]]:
    """(heading, its paragraphs) for each heading; closing formulae and what follows them are dropped."""
    sections: list[tuple[Block, list[Block]]] = []
    for block in blocks:
        if CLOSING_FORMULA.match(block.text):
            break
        if is_heading(block):
            sections.append((block, []))
        elif sections:
            sections[-1][1].append(block)
    return sections


def _read_addressee(head: list[Block], date_line: Line | None, salutation: Block | None
                    ) -> tuple[str | None, str | None]:
    """The addressee's name and role from the address block, else the name in 'Dear ...'.

    The address block is the paragraph nearest above 'Dear' (after the letter date, never
    Ofsted's own letterhead); its first lines hold the name and, under it, the role.
    """
    candidates: list[list[Line]] = []
    for block in head:
        if date_line is not None and date_line in block.lines:
            candidates = [block.lines[block.lines.index(date_line) + 1:]]
        elif not any(LETTERHEAD_MARK.search(l.text) for l in block.lines):
            candidates.append(block.lines)
    if date_line is None:
        candidates = candidates[-1:]
    for lines in reversed(candidates):
        # The name is the block's first line (after any "By email" / "Private and confidential").
        lines = [l for l in lines if not re.match(r"\s*(?:by\s+e-?mail|private|confidential|personal)\b", l.text, re.I)]
        for i, line in enumerate(lines[:1]):
            t = line.text.strip().rstrip(",")
            if re.fullmatch(rf"(?:{HONORIFIC}\s+)?{PERSON_NAME.pattern}", t) and not ADDRESSEE_ROLE.search(t) \
                    and not any(w.lower() in ORGANISATION_WORDS for w in t.split()):
                role = None
                if i + 1 < len(lines) and ADDRESSEE_ROLE.search(lines[i + 1].text):
                    role = lines[i + 1].text.strip().rstrip(",")
                return t, role
    if salutation is not None:
        name = SALUTATION.match(salutation.first.text).group(1).strip().rstrip(",")
        if re.fullmatch(rf"{HONORIFIC}\s+\S.*|{PERSON_NAME.pattern}", name):
            return name, None
    return None, None
