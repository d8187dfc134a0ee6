"""What the splitter records of each document besides its type: title, date, authority."""
from __future__ import annotations

import re
from collections import Counter

from extract.splitting.authorities import AUTHORITIES, authorities_in
from parsers.common.attendance_label import ATTENDANCE_LABEL
from parsers.common.dates import find_dates
from parsers.common.ofsted_letters import LETTERHEAD_MARK
from parsers.common.person_names import HONORIFIC
from schemas.document import Line

# A heading line naming a person ("Cllr A Smith", "Brent Fielding (Chair)") names a member, not the authority.
_PERSON = re.compile(rf"\b{HONORIFIC}\s+[A-Z]|\((?:vice[- ])?chair(?:man|person)?\)", re.I)


def named_in_heading(lines: list[Line]) -> str | None:
    """The authority a document names in its opening lines (its cover, letterhead or heading)."""
    texts = [l.text for l in lines if l.text.strip()]
    head = texts[:12]
    # An inspectorate's letterhead gives its own address (Ofsted's is in Manchester):
    # the authority is named after it, in the addressee block or the subject.
    marks = [k for k, t in enumerate(head) if LETTERHEAD_MARK.search(t)]
    if marks:
        head = texts[marks[-1] + 1 : marks[-1] + 13]
    # The heading ends where a list of people begins: "Brent Fielding (Chair)" names a person.
    people = next((k for k, t in enumerate(head) if ATTENDANCE_LABEL.match(t)), len(head))
    head = [t for t in head[:people] if not _PERSON.search(t)]
    found = authorities_in("\n".join(head))
    return found[0] if found else None


_GOV_DOMAIN = re.compile(r"@([a-z-]+)\s*\.gov\.uk\b", re.I)


def _authorities_in_email_domains(text: str) -> list[str]:
    """`clerk@kent.gov.uk` names its council when the text does not."""
    by_key = {re.sub(r"[^a-z]", "", a.lower()): a for a in AUTHORITIES}
    return [by_key[k] for d in _GOV_DOMAIN.findall(text) if (k := re.sub(r"[^a-z]", "", d.lower())) in by_key]


def main_authority(lines: list[Line], min_count: int = 1) -> str | None:
    """The authority a run of lines names most often (a pack speaks for one council)."""
    text = "\n".join(l.text for l in lines[:1500])
    names = authorities_in(text) or _authorities_in_email_domains(text)
    counts = Counter(names).most_common(2)
    if not counts or counts[0][1] < min_count or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def title_of(lines: list[Line]) -> str:
    """The document's own title: its first heading lines, joined."""
    parts: list[str] = []
    for l in lines:
        text = l.text.strip()
        if not text:
            if parts:
                break
            continue
        if re.fullmatch(r"\d{1,3}", text):  # a page number above the title
            continue
        if parts and (len(text) > 90 or text.endswith(".")):
            break
        parts.append(text)
        if len(parts) >= 4 or len(" ".join(parts)) > 160:
            break
    title = re.sub(r"\s+", " ", " ".join(parts)).strip()
    return title[:200]


def first_date(lines: list[Line]):
    for l in lines[:40]:
        found = find_dates(l.text)
        if found:
            return found[0][0]
    return None
