"""A person's name as printed, and the titles before it: one list for every reader.

The Ofsted letter readers find a signatory or an addressee by it; the splitter knows by it that a
heading line names a member, not the authority. The titles are a data file, `honorifics.txt`.
"""
from __future__ import annotations

import re
from pathlib import Path


def _read_titles() -> tuple[str, ...]:
    text = Path(__file__).with_name("honorifics.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


HONORIFICS: tuple[str, ...] = _read_titles()
# One title, its full stop optional: "Mr", "Dr.", "Councillor".
HONORIFIC = rf"(?:{'|'.join(map(re.escape, HONORIFICS))})\.?"
# A person's name: two to four capitalised words, with lower-case particles (van der, de).
PERSON_NAME = re.compile(
    r"\b[A-Z][\w'\u2019\-]+(?:\s+(?:(?:van|von|der|de|du|da|di|del|le|la)\s+)*[A-Z][\w'\u2019\-]+){1,3}\b"
)
# A name with or without its title, as the whole of a line: "Mrs Jane Smith", "Jane Smith".
TITLED_NAME = re.compile(rf"(?:{HONORIFIC}\s+)?{PERSON_NAME.pattern}")
