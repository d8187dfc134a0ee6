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

from parsers.common.ofsted_letters import (
    FINDINGS_SENTENCE,
    LETTERHEAD_MARK,
    SALUTATION,
    SUBJECT,
    SUBJECT_JTAI,
    VISIT_KIND,
    letter_end_index,
    letter_start_index,
)
from parsers.common.person_names import HONORIFIC, PERSON_NAME, TITLED_NAME
from parsers.common.provenance import read_at
from parsers.monitoring_letter.blocks import Block, _block_of, is_heading, paragraph_blocks
from parsers.monitoring_letter.fields import (
    _kind,
    bullet_items,
    normalise_authority,
    prose_area,
    read_inspectors,
    read_letter_date,
    read_visit_dates,
    read_visit_number,
    sentences,
    unmarked_list_items,
)
from parsers.monitoring_letter.phrases import (
    ADDRESSEE_ROLE,
    AREAS_HEADING,
    CLOSING_FORMULA,
    DATE_SPAN,
    FINDINGS_AUTHORITY,
    HAS_MONTH,
    INSPECTOR_MENTION,
    ORGANISATION_WORDS,
    SUBJECT_LOOSE,
)
from parsers.result import ParseResult
from schemas.document import Document, Line
from schemas.ofsted import MonitoringVisit, MonitoringVisitArea, MonitoringVisitFinding

VERSION = "3"  # 3: the authority canonical (parsers/common/authorities.csv). 2: joint targeted area inspection letters; visit_kind as printed in full


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
        findings_sentence = next((s for s in opening_sentences if re.search(VISIT_KIND, s, re.I)
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
        **read_at(doc.document_id, anchor),
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
    return [MonitoringVisitArea(**read_at(doc.document_id, line), seq=seq, text=text)
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
            rows.append(MonitoringVisitFinding(**read_at(doc.document_id, line),
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
            if TITLED_NAME.fullmatch(t) and not ADDRESSEE_ROLE.search(t) \
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

