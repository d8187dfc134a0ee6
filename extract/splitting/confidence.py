"""How sure the splitter is of each document's type: the cues that typed it, a score, a level.

Each piece of evidence adds to the score:
  heading      a start cue's anchor line (a title's words): 1
  confirmed    the cue's confirmation in the lines after it (dates label, attendance list, a table): 1
  Ofsted sender, attendance list
               the cue's required evidence held (a letter is Ofsted's; minutes list who came): 1
  opening      the cue's evidence is structural (a title block, a letter, a meeting's opening): 1
  recogniser   the type's parser recognises the document's first lines: 2
  outline      a ModernGov bookmark's title names the type: 1
  commentary   numbered paragraphs citing a scorecard's indicators: 2
  fallback     no cue and no parser claimed it: a report, letter or agenda by its first lines: 1
  unclaimed    a report, letter or agenda that no parser's recogniser claims either: 1
A typing that rests on one weak cue (score 1) is `low`, 2 is `medium`, 3 or more `high`. A parsed
type (one a parser reads into tables) that rests on one weak cue is not trusted: the document
falls back to a report, letter or agenda, stays `low` and says which cue was overruled, so no
table gets rows from a document that is not of its kind.
"""
from __future__ import annotations

from extract.splitting.classify import classify_title, fallback_type, has_text, typed_run
from extract.splitting.evidence import Typing, cue_typing
from extract.splitting.recognisers import recognise
from extract.splitting.starts import Start
from parsers.registry import PARSERS
from schemas.document import Line

HEAD_LINES = 20


def type_segment(seg_lines: list[Line], start: Start) -> Typing:
    """The type of one segment, with the evidence for it."""
    if not has_text(seg_lines):
        # Image-only pages: nothing to parse, nothing to invent.
        return Typing("other", ["no text layer"], 3)
    head = [l.text for l in seg_lines if l.text.strip()][:HEAD_LINES]
    if start.cue is not None:
        typing = cue_typing(start.cue)
    elif start.title:
        typing = Typing(classify_title(start.title), ["outline"], 1)
    else:
        typing = typed_run(seg_lines)
    recognised = recognise(head) if "recogniser" not in typing.cues else typing.doc_type
    if typing.doc_type in PARSERS:
        if recognised == typing.doc_type and "recogniser" not in typing.cues:
            typing.add("recogniser", 2)
        if typing.score <= 1:
            # One weak cue does not put a document into a parsed type's tables: it stays `low`.
            weak = typing.cues[0] if typing.cues else "nothing"
            return Typing(fallback_type(head), [f"fallback (only {weak} said {typing.doc_type})"], 1)
    elif recognised is None:
        typing.add("unclaimed", 1)
    return typing
