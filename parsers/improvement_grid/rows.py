"""A body's blocks cut into action rows: the who/when cell anchors a row, the blocks before it are
its action and outline, the blocks after it its status and impact."""
from __future__ import annotations

import re

from parsers.common.plan_labels import join_wrapped, squash
from parsers.improvement_grid.cells import (
    ANCHOR,
    ANCHOR_INSIDE,
    LEVELS,
    NAME_WORD,
    WHEN_START,
    WHO_ONLY,
    Area,
    Block,
    Row,
)


def ticked_level(levels: str) -> str | None:
    marks = [(m.group(1) or m.group(2)) for m in LEVELS.finditer(levels)]
    return marks[0] if len(marks) == 1 else None


def _anchor_in(block: Block) -> tuple[int, re.Match[str], bool] | None:
    """The block's who/when cell: (line index, match, starts the line?)."""
    for k, text in enumerate(block.texts):
        m = ANCHOR.match(text)
        if m:
            return k, m, True
        m = ANCHOR_INSIDE.search(text)
        if m:
            return k, m, False
    return None


def read_rows(area: Area, blocks: list[Block], warnings: list[str]) -> list[Row]:
    rows: list[Row] = []
    pending: list[Block] = []
    outline: str | None = None
    i = 0
    while i < len(blocks):
        b = blocks[i]
        anchor = _anchor_in(b)
        who_only = anchor is None and _is_who_block(b)
        column = area.column_of(b)
        if anchor is None and not who_only and column in ("status", "impact") and rows:
            # A PDF says which column a cell is in: status and impact cells finish the row before.
            (rows[-1].status if column == "status" else rows[-1].impact).append(b.text)
            i += 1
            continue
        if anchor is None and not who_only:
            if b.after_page_break and rows and not pending:
                rows[-1].broken = True
                k = next((n for n, t in enumerate(b.texts) if t[:1].isupper()), len(b.texts))
                if 0 < k < len(b.texts):
                    # Lowercase lines finish a cell the page broke; the rest is new.
                    pending.append(Block(b.lines[:k], True))
                    b = Block(b.lines[k:], False)
            pending.append(b)
            i += 1
            continue

        if anchor is not None and (anchor[0] > 0 or not anchor[2]):
            # Outline/action text printed on the anchor's own lines.
            k, m, at_start = anchor
            before = b.texts[:k] + ([b.texts[k][: m.start()].strip()] if not at_start else [])
            own_text = [t for t in before if t]
        else:
            own_text = []
        # The action: the last pending block (or the text before the anchor).
        action_parts: list[str] = []
        new_outline: str | None = None
        if own_text:
            pre = own_text[-1]
            split = re.search(r"(?<=[a-z,;:]) (?=[A-Z])", pre)
            if len(own_text) > 1 and split:
                new_outline = join_text(own_text[:-1] + [pre[: split.start()]])
                action_parts = [pre[split.end():]]
            elif len(own_text) > 1:
                new_outline = join_text(own_text[:-1])
                action_parts = [pre]
            else:
                action_parts = [pre]
        elif pending:
            action_parts = [pending.pop().text]
            by_column = [blk for blk in pending if area.column_of(blk) == "outline"]
            if by_column:
                new_outline = by_column[-1].text
                pending.remove(by_column[-1])
            elif pending and pending[-1].narrow and not _starts_like_status(pending[-1]) and area.column_of(pending[-1]) is None:
                new_outline = pending.pop().text
        if not action_parts or not action_parts[0]:
            warnings.append(f"line {b.lines[0].number}: who/when cell with no action before it; skipped")
            i += 1
            continue
        # Whatever is still pending belongs to the previous row.
        if rows:
            _give_tail(rows[-1], pending)
        elif pending:
            warnings.append(f"AFI {area.name!r}: text before the first action left out (line {pending[0].lines[0].number})")
        pending = []
        if new_outline:
            outline = new_outline
        row = Row(area, b.lines[0], outline, join_text(action_parts))
        if anchor is not None:
            k, m, _ = anchor
            row.who, row.when = squash(m.group("who")), squash(m.group("when"))
            row.add_status(squash(m.group("status")))
            rest = b.texts[k + 1 :]
            if rest and not row.status:
                row.when = join_text([row.when] + rest)
            else:
                row.status += rest
        else:
            row.who = join_text(b.texts)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            w = WHEN_START.match(nxt.texts[0]) if nxt else None
            if w:
                row.when = squash(w.group("when"))
                row.add_status(squash(w.group("status")))
                if row.status:
                    row.status += nxt.texts[1:]
                else:
                    row.when = join_text([row.when] + nxt.texts[1:])
                i += 1
        rows.append(row)
        i += 1
    if rows:
        _give_tail(rows[-1], pending)
    return rows


def _is_who_block(block: Block) -> bool:
    """A cell holding only an owner: `SR`, `KJ with` / `Commissioning`, `Nicola` / `Bennet`."""
    texts = block.texts
    if len(" ".join(texts).split()) > 4:
        return False
    if WHO_ONLY.match(texts[0]) and (len(texts) == 1 or all(NAME_WORD.match(t) or WHO_ONLY.match(t) for t in texts[1:])):
        return True
    # A full name wrapped over two lines.
    return len(texts) == 2 and all(NAME_WORD.match(t) for t in texts)


def _give_tail(row: Row, blocks: list[Block]) -> None:
    """Blocks after a row's who/when cell and before the next row's own.

    After a page break they finish the row's cells in column order (an
    unfinished outline, the action, the status); otherwise they are its
    delivery status when it has none yet, else its impact.
    """
    if not blocks:
        return
    if row.broken:
        parts = [blk.text for blk in blocks]
        if row.outline and not re.search(r"[.;:!?)]$", row.outline):
            row.outline = join_text([row.outline, parts.pop(0)])
        if parts:
            row.action = join_text([row.action, parts.pop(0)])
        row.status += parts
        return
    for blk in blocks:
        if not row.status:
            row.add_status(blk.text)
        else:
            row.impact.append(blk.text)


def _starts_like_status(block: Block) -> bool:
    """A narrow block that reads as a status or impact note, not an outline (`19.05.20 …`)."""
    return bool(re.match(r"^\d", block.texts[0]))


def join_text(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if p:
            out = join_wrapped(out, p)
    return squash(out)
