"""A letter's lines as paragraph blocks; headings."""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from parsers.common.ofsted_letters import LETTER_DATE_LINE, SALUTATION, SIGN_OFF, is_blank, join_lines
from parsers.monitoring_letter.phrases import BULLET
from schemas.document import Line


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
        if is_blank(line.text):
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


