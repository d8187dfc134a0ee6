"""Items printed with no minute number at the start of a meeting ("Election of Chair", "Apologies and
Substitutes" as bold headings above "3. Minutes ..."): known by their titles, a vocabulary in
vocabulary/procedural_item_titles.txt, and by the minute text under them.

A bare "Apologies" over a list of names is an attendance label, not an item: the line under a heading
is a sentence ("Apologies were received from ...", "RESOLVED that ...")."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from parsers.minutes.lines import MinutesLine

_VOCABULARY = Path(__file__).with_name("vocabulary") / "procedural_item_titles.txt"


@lru_cache(maxsize=1)
def _procedural_title() -> re.Pattern[str]:
    lines = [w.strip() for w in _VOCABULARY.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    return re.compile(r"^(?:" + "|".join(f"(?:{w})" for w in lines) + r")\s*:?$", re.I)


def unnumbered_headings(lines: list[MinutesLine], before: int) -> list[int]:
    """Indexes of unnumbered item headings among lines[:before] (above the first numbered item)."""
    found = []
    for i, line in enumerate(lines[:before]):
        text = line.text.strip()
        if not text or not _procedural_title().match(text):
            continue
        if i > 0 and not (line.starts_paragraph or lines[i - 1].blank):
            continue  # a title is a paragraph of its own
        following = next((l.text.strip() for l in lines[i + 1:before + 1] if not l.blank), "")
        if _is_sentence(following):
            found.append(i)
    return found


def _is_sentence(text: str) -> bool:
    words = re.sub(r"\([^()]*\)", " ", text).split()
    lower = [w for w in words if w[:1].islower() and w.lower() not in ("and", "of", "for")]
    return len(words) >= 4 and len(lower) >= 2 or bool(re.match(r"^(?:RESOLVED|AGREED)\b", text))
