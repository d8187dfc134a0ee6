"""The headline judgements: the front-page table (or list) and the LSCB review's judgement.

Layouts differ (grades on the line after their label, labels wrapped over
two or three lines, grades wrapped as `Requires` / `improvement`, label and
grade on one line in text extractions, the overall judgement as a sentence in
2013-2018 reports), so the table is read as a stream of lines: label lines
accumulate until a grade closes them. The front-page zone ends at the first
line of running prose after the table, so the report's body is never read as
a judgement. When the stream leaves grades without labels (a two-column table
read column by column), labels and grades are paired by their positions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.ofsted_inspection.areas import area_of
from parsers.ofsted_inspection.entries import Entry
from parsers.common.ofsted_grades import (
    GRADE_PATTERN,
    grade_only,
    label_then_grade,
    normalise_grade,
    sentence_ending_in_grade,
)
from parsers.common.text import fold_quotes, join_words, strip_glued_footnote


@dataclass
class Judgement:
    area: str
    label: str  # as printed, wrapped lines joined
    grade: str | None
    grade_text: str
    entry: Entry  # first line of the label


# A label's printed number: arabic (`2.1`) or lower-case roman (`ii.`, `ii.i`), or either in brackets (`(iii)`).
_NUMBER = r"(?:\d+(?:\.\d+)*\.?|[ivx]{1,4}(?:\.[ivx]{1,4})+\.?|[ivx]{1,4}\.|\((?:\d{1,2}|[ivx]{1,4}|[a-h])\))"
_NUMBERED_LABEL = re.compile(rf"^{_NUMBER}\s+\D")
_LABEL_NUMBER = re.compile(rf"^{_NUMBER}\s+")
# A judgement sentence's linking verb is not part of its label (`The LSCB is` / `good`).
_LINKING_VERB = re.compile(r"\s+(?:is|are)$", re.I)
_TABLE_HEADER = re.compile(r"^(?:judgements?|grades?|judgements?\s+grades?)$", re.I)
_ZONE_STOP = re.compile(
    r"^(?:executive summary|contents|summary of findings|summary for children|what needs to improve|"
    r"what does the|the local authority$|information about|"
    # the two parts of a 2009-2012 safeguarding and looked after children report, each graded apart
    r"safeguarding services$|services for looked after children$)",
    re.I,
)
_OVERALL_SENTENCE = sentence_ending_in_grade(r".*?\b(?:children's services|services for children|overall judgement)\b.*?")
_LSCB_SENTENCE = sentence_ending_in_grade(
    r"the\s+(?:effectiveness\s+of\s+the\s+)?(?:local\s+safeguarding\s+children\s+board|lscb)(?:\s*\(lscb\))?"
)
# A sentence ending in a grade is prose ("Leaders' work is good") unless it is a known judgement sentence.
VERB_ENDING = re.compile(r"\b(?:is|are|was|were|be|been|remains?|now|as)$", re.I)
# A grade set apart from its label by a column gap (two or more spaces, or a tab).
_COLUMN_GAP_GRADE = re.compile(rf"\S(?: {{2,}}|\t)\s*{GRADE_PATTERN}\s*$", re.I)
_PROSE_WORDS = 8
_LOOKAHEAD = 3


@dataclass
class FrontPage:
    judgements: list[Judgement]
    overall_label_printed: bool  # an `Overall effectiveness` row or overall sentence was printed
    end_index: int
    warnings: list[str]


def read_front_judgements(entries: list[Entry], start: int) -> FrontPage:
    judgements: list[Judgement] = []
    warnings: list[str] = []
    overall_printed = False
    first_page = entries[start].line.page if start < len(entries) else 0
    pending: list[Entry] = []
    stray_grades = 0
    table_rows = 0
    in_table = False  # a `Judgement` / `Grade` header or a first row has been read
    header_seen = False
    i = start
    while i < len(entries):
        entry = entries[i]
        text = entry.text
        folded = fold_quotes(text).lower()
        if entry.line.page > first_page + 1 or _ZONE_STOP.match(text):
            break
        if "overall effectiveness" in folded or "overall judgement" in folded:
            overall_printed = True
        if table_rows == 0 and not judgements_has(judgements, "overall"):
            sentence = sentence_at(entries, i, _OVERALL_SENTENCE)
            if sentence:
                label, grade_text, used = sentence
                judgements.append(make_judgement("overall", label, grade_text, entry))
                overall_printed = True
                pending = []
                i += used
                continue
        if _TABLE_HEADER.match(text):
            in_table = header_seen = True
            pending = []
            i += 1
            continue
        grade = grade_at(entries, i)
        if grade:
            grade_text, used = grade
            if pending:
                _emit(judgements, warnings, pending, grade_text)
                table_rows += 1
                in_table = True
                pending = []
            else:
                stray_grades += 1
            i += used
            continue
        if header_seen and pending and _is_new_grade_word(text, pending):
            # A grade cell in words outside the contract's (a reformed framework's new scale):
            # recorded as printed, flagged by the caller's warning, never mapped to a contract grade.
            _emit(judgements, warnings, pending, text)
            table_rows += 1
            pending = []
            i += 1
            continue
        row = label_then_grade(text) if _COLUMN_GAP_GRADE.search(entry.line.text) else None
        if row and not VERB_ENDING.search(row[0]):
            # A layout-preserving extraction prints the grade beside the label's first line;
            # the label's wrapped lines follow, in lower case, without a grade.
            # A grade centred on a label's second line: the first line is still pending.
            lead = pending if (in_table and pending and row[0][:1].islower()) else []
            label_entries = lead + [Entry(row[0], entry.line)]
            i += 1
            while i < len(entries) and _continues_label(entries[i].text):
                label_entries.append(entries[i])
                i += 1
            _emit(judgements, warnings, label_entries, row[1])
            table_rows += 1
            in_table = True
            pending = []
            continue
        inline = inline_judgement(text)
        if inline:
            label, grade_text = inline
            # Inside the table, lines before it without a grade are the label's first lines
            # (`The experiences and progress of` / `children in care Good`).
            lead = pending if (in_table and pending and not _NUMBERED_LABEL.match(label)) else []
            _emit(judgements, warnings, lead + [Entry(label, entry.line)], grade_text)
            table_rows += 1
            in_table = True
            pending = []
            i += 1
            continue
        unknown = label_then_grade(text) if in_table else None
        if unknown and len(unknown[0].split()) <= 10 and not VERB_ENDING.search(unknown[0]):
            # A table row whose label names no canonical area (`Quality of practice: Adequate`).
            warnings.append(f"judgement label not recognised, not recorded: {unknown[0].rstrip(' :')!r} ({unknown[1]})")
            pending = []
            i += 1
            continue
        if table_rows and _is_prose(entries, i):
            break
        if _NUMBERED_LABEL.match(text):
            pending = [entry]
        else:
            pending = (pending + [entry])[-_LOOKAHEAD:]
        i += 1
    if stray_grades:
        # Labels and grades came out column by column (a two-column table read cell by cell):
        # pair them by where they were printed instead, if the lines carry positions.
        paired = pair_by_position(entries[start:i])
        if paired is not None and len(paired) > len([j for j in judgements if j.area != "overall"]):
            sentences = [j for j in judgements if j.area == "overall" and j.label.lower() != "overall effectiveness"]
            judgements = sentences + [j for j in paired if not (sentences and j.area == "overall")]
        else:
            warnings.append(f"{stray_grades} grade(s) on the front page with no label before them: not recorded")
    return FrontPage(judgements, overall_printed, i, warnings)


def pair_by_position(entries: list[Entry]) -> list[Judgement] | None:
    """Judgements of a two-column table from the lines' positions: each grade cell takes the
    label block beside it (the block its rows overlap most). None without positions."""
    lines = [e for e in entries if e.line.top is not None and e.line.x0 is not None and e.line.bottom is not None]
    if not lines or len(lines) < len(entries) // 2:
        return None
    grade_x = [e.line.x0 for e in lines if grade_only(e.text) or re.match(r"^requires?\b", e.text, re.I)]
    if not grade_x:
        return None
    column = min(grade_x) - 2
    right = [e for e in lines if e.line.x0 >= column and not _TABLE_HEADER.match(e.text)]
    left = [e for e in lines if e.line.x1 is not None and e.line.x1 <= column + 4 and not _TABLE_HEADER.match(e.text)]
    out = []
    label_blocks = _blocks(left)
    for cell in _blocks(right):
        grade_text = grade_only(" ".join(e.text for e in cell))
        if not grade_text:
            continue
        top, bottom = cell[0].line.top, cell[-1].line.bottom
        best = max(label_blocks, key=lambda b: _overlap(top, bottom, b[0].line.top, b[-1].line.bottom), default=None)
        if best is None or _overlap(top, bottom, best[0].line.top, best[-1].line.bottom) <= 0:
            continue
        label = fold_quotes(join_words([strip_glued_footnote(e.text) for e in best]))
        area = area_of(label)
        if area:
            out.append(make_judgement(area, label, grade_text, best[0]))
    return out


def _blocks(entries: list[Entry]) -> list[list[Entry]]:
    """Lines of one column grouped into cells: a vertical gap of half a line or more starts a new cell."""
    blocks: list[list[Entry]] = []
    for e in sorted(entries, key=lambda e: (e.line.page, e.line.top)):
        if blocks:
            prev = blocks[-1][-1].line
            height = max(prev.bottom - prev.top, 1.0)
            if e.line.page == prev.page and e.line.top - prev.bottom < 0.5 * height:
                blocks[-1].append(e)
                continue
        blocks.append([e])
    return blocks


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


def judgements_has(judgements: list[Judgement], area: str) -> bool:
    return any(j.area == area for j in judgements)


def find_lscb_judgement(entries: list[Entry], start: int = 0) -> Judgement | None:
    """The LSCB review's judgement printed as a heading sentence (`The Local Safeguarding Children Board is good`)."""
    for i in range(start, len(entries)):
        if not entries[i].text.startswith(("The ", "the ")) or len(entries[i].text) > 90:
            continue  # the judgement is a short heading-like sentence opening with `The`
        found = sentence_at(entries, i, _LSCB_SENTENCE)
        if found:
            label, grade_text, _ = found
            return make_judgement("lscb", label, grade_text, entries[i])
    return None


def sentence_at(entries: list[Entry], i: int, pattern: re.Pattern[str]) -> tuple[str, str, int] | None:
    """A judgement sentence on this line or wrapped onto the next: (sentence, grade, lines used)."""
    texts = [fold_quotes(strip_glued_footnote(entries[i].text))]
    if i + 1 < len(entries) and entries[i + 1].line.page == entries[i].line.page:
        texts.append(fold_quotes(entries[i + 1].text))
    found = []
    for used in range(1, len(texts) + 1):
        joined = join_words(texts[:used])
        m = pattern.match(joined)
        found.append((m.group("label"), " ".join(m.group("grade").split()), used) if m else None)
    one = found[0]
    two = found[1] if len(found) > 1 else None
    # Prefer the wrapped reading only when it completes the grade (`require improvement to be` / `good`).
    if two and (one is None or (two[1].lower().startswith(one[1].lower()) and len(two[1]) > len(one[1]))):
        return two
    return one


def grade_at(entries: list[Entry], i: int) -> tuple[str, int] | None:
    """The grade printed from line i on, wrapped over up to three lines (`Requires` / `improvement`)."""
    best = None
    joined = ""
    for used in range(1, 4):
        if i + used - 1 >= len(entries):
            break
        joined = f"{joined} {entries[i + used - 1].text}".strip()
        grade = grade_only(joined)
        if grade:
            best = (grade, used)
        elif used == 1 and not re.match(r"^requires?\b", joined, re.I):
            break
    return best


def inline_judgement(text: str) -> tuple[str, str] | None:
    found = label_then_grade(text)
    if not found:
        return None
    label, grade_text = found
    label = strip_glued_footnote(label).rstrip(" :")
    area = area_of(label)
    if area is None:
        return None
    if VERB_ENDING.search(label) and area not in ("overall", "lscb"):
        return None
    if not _NUMBERED_LABEL.match(label + " x") and len(label.split()) > 16:
        return None
    return label, grade_text


def _is_new_grade_word(text: str, pending: list[Entry]) -> bool:
    """A short capitalised cell after a complete label, itself no label: a grade in new words."""
    words = text.split()
    if not 1 <= len(words) <= 4 or not text[:1].isupper() or text.endswith((".", ":", ",")):
        return False
    if area_of(text) is not None or text.lower().startswith(("the ", "a ", "an ")):
        return False
    return area_of(join_words([e.text for e in pending])) is not None


def _continues_label(text: str) -> bool:
    return text[:1].islower() and not grade_only(text) and not label_then_grade(text) and len(text.split()) <= 10


def _is_prose(entries: list[Entry], i: int) -> bool:
    """A long line with no grade in the next few lines: running text after the table."""
    if len(entries[i].text.split()) < _PROSE_WORDS:
        return False
    return not any(grade_at(entries, k) or inline_judgement(entries[k].text)
                   for k in range(i + 1, min(len(entries), i + 1 + _LOOKAHEAD)))


def _emit(judgements: list[Judgement], warnings: list[str], pending: list[Entry], grade_text: str) -> None:
    # A label never holds a finished sentence: lines up to one that ends a sentence are prose before it.
    ended = [k for k, e in enumerate(pending[:-1]) if e.text.rstrip().endswith(".")]
    if ended:
        pending = pending[ended[-1] + 1:]
    label = join_words([strip_glued_footnote(e.text) for e in pending])
    label = fold_quotes(label)
    area = area_of(label)
    if area is None:
        warnings.append(f"judgement label not recognised, not recorded: {label!r} ({grade_text})")
        return
    judgements.append(make_judgement(area, label, grade_text, pending[0]))


def make_judgement(area: str, label: str, grade_text: str, entry: Entry) -> Judgement:
    label = _LINKING_VERB.sub("", _LABEL_NUMBER.sub("", fold_quotes(label).strip().rstrip(".")))
    return Judgement(area, label, normalise_grade(grade_text), grade_text.rstrip("."), entry)
