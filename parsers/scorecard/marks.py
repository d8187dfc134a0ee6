"""What a row prints beside its figures: reference, polarity, RAG rating, direction of travel.

Kept as printed (white space folded). A blank cell, a dash or `n/a` is
nothing printed. Direction arrows are kept as words (`Up`, `Down`, `Level`):
whether up is better depends on the polarity, so they are not turned into
`Improving`. A polarity printed as an arrow is kept the same way. A RAG shown only as a
fill colour leaves no text, so no rating.
A cell whose text cannot be what its column says (a figure under `RAG`) is
left empty with a warning.
"""
from __future__ import annotations

import re

from parsers.common.figures import MISSING
from parsers.scorecard.header_cells import DIRECTION, POLARITY, RAG, REF

_ARROWS = {"Up": "↑▲⬆↗⇧△🡅", "Down": "↓▼⬇↘⇩▽🡇", "Level": "→↔►◄⬌⇔⇨=▶◀"}
_RAG_WORD = r"(?:red|amber|green|blue|gold|grey|gray|purple|black|r|a|g|b|ra|ag)"
_RAG = re.compile(rf"^{_RAG_WORD}(?:\s*[/-]\s*{_RAG_WORD})?$", re.I)
_DIRECTION = re.compile(
    r"^(?:improv(?:ing|ed|ement)|worse(?:ning|ned)?|deteriorat(?:ing|ed|ion)|declin(?:ing|ed)|same|stable|static"
    r"|no\s+change|unchanged|maintained|up|down|level|better|increas(?:ing|ed|e)|decreas(?:ing|ed|e)"
    r"|[=↑↓→↔]|new)$", re.I)
_POLARITY = re.compile(r"^[A-Za-z][A-Za-z\s/-]{0,30}$")
_REF = re.compile(r"^[A-Za-z0-9][\w./-]{0,15}(?:\s[\w./-]{1,8})?$")
_CHECKS = {REF: _REF, POLARITY: _POLARITY, RAG: _RAG, DIRECTION: _DIRECTION}


def _arrow_word(text: str) -> str:
    words = []
    for ch in text.replace(" ", ""):
        word = next((w for w, arrows in _ARROWS.items() if ch in arrows), None)
        if word is None:
            return text
        words.append(word)
    return " ".join(dict.fromkeys(words)) if words else text


def read_marks(printed: dict[str, str], where: str, indicator: str, warnings: list[str]) -> dict[str, str | None]:
    """ref / polarity / rag / direction from the row's cells (role -> text as printed)."""
    marks: dict[str, str | None] = {REF: None, POLARITY: None, RAG: None, DIRECTION: None}
    for role, raw in printed.items():
        text = " ".join(raw.split())
        if not text or all(t in MISSING for t in text.split()):  # "-", "n/a", or a neighbour's "-" beside it
            continue
        if role in (DIRECTION, POLARITY):  # a polarity may be printed as an arrow too (up: higher is better)
            text = _arrow_word(text)
        if not _CHECKS[role].match(text):
            warnings.append(f"{where}: '{indicator}' prints {text!r} under its {role} column; not read as one")
            continue
        marks[role] = text
    return marks
