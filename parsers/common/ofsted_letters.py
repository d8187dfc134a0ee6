"""Where an Ofsted letter starts and ends: its letterhead, date, salutation, subject and sign-off.

Shared by the monitoring-letter parser (which reads the letter), the Ofsted report recogniser (a
letter is not a report) and the splitter (a letterhead starts a document). The phrases are
Ofsted's own and hold for every authority.
"""
from __future__ import annotations

import re

from parsers.common.dates import MONTH, ORDINAL, WEEKDAY
from parsers.common.person_names import TITLED_NAME
from parsers.common.text import join_pieces
from schemas.document import Line

_APOS = "['\u2019]"
# The kinds of letter: visits, and the joint targeted area inspections (JTAIs, 2016 on) whose
# findings Ofsted and its partner inspectorates also send as a letter.
VISIT_KIND = r"(monitoring\s+visit|focused\s+visit|assurance\s+visit|joint\s+targeted\s+area\s+inspection)"

# "Monitoring visit of Gloucestershire children's services", "Focused visit to the London
# Borough of X children's services", "Monitoring visit to X local authority children's services".
SUBJECT = re.compile(
    rf"^\s*(?:Re:\s*)?{VISIT_KIND}\s+(?:of|to|at)\s+(.+?)\s*(?:local\s+authority\s+)?"
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
# The opening sentence that every visit letter has since 2017.
FINDINGS_SENTENCE = re.compile(
    rf"summari[sz]es\s+the\s+(?:main\s+)?findings\s+of\s+(?:the|a|an|our)\s+(?:\w+\s+)?{VISIT_KIND}", re.I
)
SALUTATION = re.compile(r"^\s*Dear\s+(\S.*?)\s*,?\s*$")
SIGN_OFF = re.compile(r"^\s*Yours\s+(?:sincerely|faithfully)\b", re.I)
# A letter date alone on its line: "12 March 2020", "Thursday 12 March 2020", "Date: 12th March 2020".
LETTER_DATE_LINE = re.compile(
    rf"^\s*(?:Date:?\s*)?(?:{WEEKDAY}\s+)?\d{{1,2}}{ORDINAL}\s+{MONTH}\.?,?\s+\d{{4}}\s*$", re.I
)
# Ofsted's letterhead: its name, web and mail addresses, its phone numbers.
LETTERHEAD_MARK = re.compile(
    r"^\s*Ofsted\s*$|ofsted\.gov\.uk|gov\.uk/ofsted|\b0300\s*123\s*\d{4}\b|\btextphone\b|\bpiccadilly\s+gate\b",
    re.I,
)
SIGNATORY_TITLE = re.compile(
    r"Majesty|\bHMI\b|Inspector|Director|Ofsted|Regional|Senior|Deputy|Chief", re.I
)


def _texts(lines: list[str] | list[Line]) -> list[str]:
    return [l.text if isinstance(l, Line) else l for l in lines]


def is_blank(text: str) -> bool:
    return not text.strip()


def _next_nonblank(texts: list[str], i: int, limit: int) -> list[int]:
    """Indices of up to `limit` non-blank lines after i."""
    found = []
    for j in range(i + 1, len(texts)):
        if not is_blank(texts[j]):
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
        while top > 0 and not is_blank(texts[top - 1]) and _is_short_line(texts[top - 1]):
            top -= 1
        return top if date_line is None else min(top, date_line)
    if date_line is not None:
        return date_line
    # No letterhead, no date: the address block directly above the salutation.
    j = salutation - 1
    while j >= 0 and is_blank(texts[j]):
        j -= 1
    if j < 0:
        return salutation
    while j > 0 and not is_blank(texts[j - 1]) and _is_short_line(texts[j - 1]):
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
    return bool(TITLED_NAME.fullmatch(t))


def _is_signatory_title(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= 60 and not t.endswith(".") and bool(SIGNATORY_TITLE.search(t))


def join_lines(texts: list[str]) -> str:
    """Lines of one paragraph as one string; a word hyphenated at a line's end keeps its hyphen."""
    return join_pieces(texts, _hyphenated_word)


def _hyphenated_word(out: str, text: str) -> bool:
    return out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].islower()


def is_ofsted_letter_start(texts: list[str]) -> bool:
    """An Ofsted letter opens here: its salutation and visit subject (`is_letter_start`), or a visit or
    JTAI subject line or Ofsted's letterhead together with a letter date or a salutation (a JTAI's
    list of addressees can push its `Dear local partners` below the lines a recogniser is shown;
    a subject line alone may be a council report's title)."""
    if is_letter_start(texts):
        return True
    subject = any(SUBJECT.match(t) or SUBJECT_JTAI.match(t) for t in texts)
    letterhead = any(LETTERHEAD_MARK.search(t) and len(t) <= 60 for t in texts[:12])
    dated = any(LETTER_DATE_LINE.match(t) or SALUTATION.match(t) for t in texts)
    return (subject or letterhead) and dated


# Ofsted as the sender: its letterhead (its name on a line of its own, its addresses, its phone), or
# its inspectors (HMI) named in the letter. Ofsted named in prose is not enough: a minister's or the
# DfE's letter may speak of an Ofsted visit.
_OFSTED_SENDER = re.compile(
    rf"^\s*Ofsted\s*$|ofsted\.gov\.uk|gov\.uk/ofsted|\bpiccadilly\s+gate\b|\b0300\s*123\s*1231\b"
    rf"|\b(?:Her|His)\s+Majesty{_APOS}s\s+(?:\w+\s+)?Inspectors?\b|\bHMIs?\b",
    re.I,
)


def is_ofsted_sender(texts: list[str]) -> bool:
    """Do these lines show the letter is Ofsted's: its letterhead, its name, or His (Her) Majesty's
    Inspectors? A letter about a 'visit' from anyone else (a minister, a council) is a plain letter."""
    return any(_OFSTED_SENDER.search(t) for t in texts)
