"""KPI cards: one block per indicator, its name, its labelled values, its commentary.

Every card prints exactly one latest value, so in a column the cards are told apart by their latest
labels: card j owns the rows from its name (the last run of text rows before its latest label) to the
row before the next card's name. The run of text between two cards' labelled values is the first
card's commentary and the second card's name; it is cut where the gap between rows is widest, or the
type size changes, as a card's border and its bold name print. Above a page's first card stand the
page's heading (its section) or, where a card broke over the page, the end of that card.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from parsers.common.dates import MONTH
from parsers.scorecard.card_rows import Pair, Row, columns_of, latest_anchor_xs, rows_of
from schemas.document import Document, Line


@dataclass(slots=True)
class Card:
    page: int
    name_rows: list[Row] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    comment_rows: list[Row] = field(default_factory=list)
    section: str | None = None
    column: tuple[float, float] = (0.0, 0.0)  # x range of the card's column on its first page
    rows: list[Row] = field(default_factory=list)  # every row on the card's first page, for its box
    last_page: int = 0  # the page it ends on (a card may break over a page)

    @property
    def name(self) -> str:
        """The rows of the name block in its largest type: a smaller line under them is a subtitle."""
        return " ".join(" ".join(r.text for r in self._name_rows()[0]).split())

    def _name_rows(self) -> tuple[list[Row], list[Row]]:
        if not self.name_rows:
            return [], []
        largest = max(r.height for r in self.name_rows)
        return ([r for r in self.name_rows if r.height > largest - 1.2],
                [r for r in self.name_rows if r.height <= largest - 1.2])

    @property
    def comment(self) -> str | None:
        labelled = self.pair("commentary")
        # Prose only: a chart's axis ticks and legend (`100%`, `Dec 23 Jan 24`, `Target Floor`) are not commentary.
        subtitle = [r.text for r in self._name_rows()[1]]
        parts = subtitle + ([labelled.value] if labelled else []) + [r.text for r in self.comment_rows if _is_prose(r.text)]
        return " ".join(" ".join(parts).split()) or None

    def pair(self, kind: str) -> Pair | None:
        return next((p for p in self.pairs if p.kind == kind), None)


_WORD = re.compile(r"[A-Za-z]{3,}")
_SHORT = re.compile(rf"^(?:{MONTH}|target|floor|result|actual|latest|previous|threshold)$", re.I)


def _is_prose(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if not _SHORT.match(w)]
    return len(words) >= 1


def read_cards(doc: Document, warnings: list[str]) -> list[Card]:
    """The document's cards, page by page and column by column, in reading order."""
    cards: list[Card] = []
    by_page: dict[int, list[Line]] = {}
    for line in doc.lines:
        if line.words and line.top is not None:
            by_page.setdefault(line.page, []).append(line)
    widths = {p.number: p.width or 0.0 for p in doc.pages}
    heights = {p.number: p.height or 0.0 for p in doc.pages}
    for page, lines in by_page.items():
        starts = latest_anchor_xs(lines)
        if not starts and not cards:
            continue  # a cover or contents page before the first card
        columns = columns_of(lines, starts)
        bounds = starts[1:] + [widths.get(page) or max(l.x1 for l in lines)]
        section = None
        for k, column in enumerate(columns):
            span = (starts[k] if starts else 0.0, bounds[k] if starts else bounds[-1])
            open_card = cards[-1] if cards and _ends_at_foot(cards[-1], heights) else None
            found, heading = _cards_in_column(rows_of(column), open_card, span)
            section = section or heading
            cards.extend(found)
        for card in cards:
            if card.page == page and card.section is None:
                card.section = section
    for card in cards:
        if not card.name:
            warnings.append(f"page {card.page}: a card with values but no name; left unread")
    return [c for c in cards if c.name]


def _cards_in_column(rows: list[Row], previous: Card | None, span: tuple[float, float]) -> tuple[list[Card], str | None]:
    latest = [i for i, r in enumerate(rows) if any(p.kind == "latest" for p in r.pairs)]
    leading = _typical_gap(rows)
    cards: list[Card] = []
    heading: str | None = None
    begin = 0  # first row not yet given to a card
    for n, at in enumerate(latest):
        name_end = at
        while name_end > begin and rows[name_end - 1].pairs:  # labelled rows above the latest (its period)
            name_end -= 1
        name_start = name_end
        while name_start > begin and not rows[name_start - 1].pairs:
            name_start -= 1
        run = rows[name_start:name_end]
        cut = _cut(run, leading)
        owner = cards[-1] if cards else previous
        before = rows[begin:name_start] + run[:cut]
        if not cards:
            # Above the page's first card: the end of a card broken over the page, then the heading.
            tail = [r for r in before if r.pairs] and before[: max(i for i, r in enumerate(before) if r.pairs) + 1]
            head = [r for r in before if not r.pairs and (not tail or r.top < tail[0].top)]
            if head:
                heading = " ".join(" ".join(r.text for r in head).split())
            if tail and owner is not None and _continues_on(owner, rows[0].page):
                _give(owner, [r for r in before if r not in head], continued=True)
        else:
            _give(owner, before)
        card = Card(page=rows[at].page, name_rows=run[cut:], column=span, last_page=rows[at].page)
        card.pairs.extend(m for r in card.name_rows for m in r.marks)
        card.rows = list(run[cut:])
        cards.append(card)
        begin = name_end
        end = latest[n + 1] if n + 1 < len(latest) else len(rows)
        if n + 1 == len(latest):
            _give(card, rows[begin:end])
    if not latest and previous is not None and rows and _continues_on(previous, rows[0].page):
        # A page holding only the end of a broken card: its labelled values, then the text just under them.
        labelled = [i for i, r in enumerate(rows) if r.pairs]
        if labelled:
            head = [r for r in rows[: labelled[0]] if not r.pairs]
            heading = " ".join(" ".join(r.text for r in head).split()) or None
            end = labelled[-1] + 1
            while end < len(rows) and rows[end].top - rows[end - 1].bottom <= max(1.6 * leading, leading + 4):
                end += 1
            _give(previous, rows[labelled[0]:end], continued=True)
    return cards, heading


def _ends_at_foot(card: Card, heights: dict[int, float]) -> bool:
    """A card whose rows reach the last quarter of its page may go on over the page; one that ended
    higher up is whole (a key or glossary after it adds nothing to it)."""
    height = heights.get(card.page) or 0.0
    return card.page == card.last_page and bool(card.rows) and max(r.bottom for r in card.rows) > 0.75 * height


def _continues_on(card: Card, page: int) -> bool:
    """A card broken over a page goes on at the top of the next page, not further on."""
    return page == card.last_page + 1


def _give(card: Card, rows: list[Row], continued: bool = False) -> None:
    """Rows that belong to `card`: labelled values it has not printed yet, and its commentary."""
    for row in rows:
        card.last_page = max(card.last_page, row.page)
        if row.pairs:
            card.pairs.extend(p for p in row.pairs if card.pair(p.kind) is None or p.kind == "commentary")
        else:
            card.comment_rows.append(row)
        if not continued and row.page == card.page:
            card.rows.append(row)


def _typical_gap(rows: list[Row]) -> float:
    gaps = [b.top - a.bottom for a, b in zip(rows, rows[1:]) if b.page == a.page and b.top > a.bottom - 1]
    return median(gaps) if gaps else 3.0


def _cut(run: list[Row], leading: float) -> int:
    """Where a run of text rows stops being the card above's (its commentary, a chart's labels, or the
    page heading) and starts the next card's name: the name is the last block of the run, after the
    last wide gap or the last step up in type size (a name prints larger than commentary; a smaller
    line under a name is its subtitle, not a new block); 0 when there is none."""
    for i in range(len(run) - 1, 0, -1):
        gap = run[i].top - run[i - 1].bottom
        if gap > max(1.6 * leading, leading + 4) or run[i].height - run[i - 1].height >= 1.2 \
                or run[i].page != run[i - 1].page:
            return i
    return 0
