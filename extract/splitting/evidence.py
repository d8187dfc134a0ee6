"""A typing: the type a document was given, the cues that gave it, and how sure that is
(weights and levels are explained in `confidence.py`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.splitting.cues import StartCue


@dataclass
class Typing:
    doc_type: str
    cues: list[str] = field(default_factory=list)
    score: int = 0

    @property
    def confidence(self) -> str:
        return "high" if self.score >= 3 else "medium" if self.score == 2 else "low"

    def add(self, cue: str, weight: int) -> None:
        self.cues.append(cue)
        self.score += weight


def cue_typing(cue: StartCue) -> Typing:
    """What a fired start cue says for its type."""
    typing = Typing(cue.doc_type, ["heading"], 1)
    if cue.confirm is not None or cue.confirm_kind is not None:
        typing.add("confirmed", 1)
    if cue.require is not None:
        typing.add(cue.require_label, 1)
    if cue.structural:
        typing.add("opening", 1)
    return typing
