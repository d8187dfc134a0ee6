"""Cut a source's lines into segments: each runs from a start to the next start that is not a
continuation (`containers.continues`), an end line, or a blank page. Un-cued lines between
documents become segments of their own, typed later from their content."""
from __future__ import annotations

from extract.splitting.containers import CONTAINER_TYPES, continues
from extract.splitting.cues import COPYRIGHT, INSIDE_COVER_PAGES
from extract.splitting.ends import SIGN_OFF
from extract.splitting.starts import Start
from extract.splitting.vocabulary import ACTION_LOG_TITLE
from schemas.document import Line

MIN_GAP_LINES = 3  # fewer un-cued lines than this after a document stay with it
HEADING_GAP_LINES = 4  # up to this many un-cued lines just before a start are its heading
HEADING_REACH = 30  # lines of a start read for the authority its heading names

Segment = tuple[list[Line], Start]


def segments(lines: list[Line], starts: list[Start], ends: dict[int, str], blank: set[int], outlined: bool) -> list[Segment]:
    start_at = {s.index: s for s in starts}
    out: list[Segment] = []
    current: list[Line] = []
    current_start: Start | None = None
    gap: list[Line] = []  # un-cued lines after a document closed
    paged = bool(lines) and lines[0].page != lines[-1].page  # a text with no page breaks says nothing of covers

    def close() -> None:
        nonlocal current, current_start
        if current_start is not None and any(l.text.strip() for l in current):
            out.append((current, current_start))
        current, current_start = [], None

    def flush_gap(before_start: bool = False) -> list[Line]:
        """Emit the un-cued lines; a short run just before a start is that document's heading."""
        nonlocal gap
        carried: list[Line] = []
        size = sum(1 for l in gap if l.text.strip())
        if before_start and 0 < size <= HEADING_GAP_LINES:
            carried = gap
        elif size >= MIN_GAP_LINES or (size and not out):
            out.append((gap, Start(0, "", None)))
        elif gap and out:
            out[-1][0].extend(gap)
        gap = []
        return carried

    for i, line in enumerate(lines):
        if i in blank:
            close()
            flush_gap()
            continue
        s = start_at.get(i)
        if s is not None and not continues(current_start, s, current, lines[i : i + HEADING_REACH], outlined):
            close()
            current, current_start = flush_gap(before_start=True) + [line], s
        elif current_start is not None:
            current.append(line)
        else:
            gap.append(line)
        if i in ends and current_start is not None and not (paged and _on_inside_cover(line, current)) \
                and not (ends[i] == SIGN_OFF and current_start.doc_type in CONTAINER_TYPES):
            close()  # (a letter quoted in minutes signs off; the minutes go on)
    close()
    flush_gap()
    return out


def _on_inside_cover(line: Line, current: list[Line]) -> bool:
    """A copyright notice on a document's first pages is its inside cover, not its end."""
    return bool(COPYRIGHT.match(line.text)) and line.page - current[0].page < INSIDE_COVER_PAGES


def attach_action_logs(segs: list[Segment]) -> list[Segment]:
    """An action log printed after minutes (with no cue of its own) belongs to those minutes."""
    out: list[Segment] = []
    for seg_lines, start in segs:
        if out and start.cue is None and not start.title and out[-1][1].doc_type == "minutes":
            head = [l.text for l in seg_lines if l.text.strip()][:3]
            if any(ACTION_LOG_TITLE.search(t) for t in head):
                out[-1][0].extend(seg_lines)
                continue
        out.append((seg_lines, start))
    return out
