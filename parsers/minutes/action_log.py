"""The action log some packs print after the minutes: numbered rows of topic, action, owner, progress.

It comes after the minutes proper, headed by a row naming its columns
("Topic Action Responsibility Progress"). In a text extraction each table row
reads as blank-line separated groups: topic (in capitals, with the row number
glued to the minute number: "149." is row 1, minute 49), action, owner, and
progress; an owner and the start of the progress can share a line
("Chris Spencer Contact made with ..."). Rows are found by their running
number, which must count up from 1.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.minutes.lines import MinutesLine, join_wrapped
from parsers.minutes.names import split_title

_HEADER = re.compile(r"\baction\b.*\b(?:responsib\w*|owner|lead|by whom)\b.*\b(?:progress|status|update|outcome)\b", re.I)
_NUMBER_ONLY = re.compile(r"^\d{1,4}\.?$")
# Progress words an action log's status cell opens with.
_STATUS_WORD = re.compile(r"^(?:completed?|ongoing|open|closed|done|outstanding|pending|awaiting|in progress|superseded|on hold|not started)\b", re.I)
_CAPITALISED = re.compile(r"^(?:[A-Z][\w'’-]*|[A-Z])(?:/[A-Z][\w'’-]*)?$")


@dataclass
class ActionRow:
    line: MinutesLine
    item_number: str | None
    topic: str | None
    action: str
    owner: str | None
    status: str | None


def read_action_log(lines: list[MinutesLine]) -> list[ActionRow]:
    start = next((i for i, l in enumerate(lines) if _HEADER.search(l.text)), None)
    if start is None:
        return []
    rows: list[tuple[MinutesLine, str | None, list[MinutesLine]]] = []
    expected = 1
    for line in lines[start + 1:]:
        text = line.text.strip()
        m = re.match(rf"^{expected}(?:\s+|(?=\d{{1,3}}\.))(?:(\d{{1,3}})\.\s*)?(.*)$", text) if text else None
        if m:
            rest = MinutesLine(m.group(2), line.page, line.number, line.x0, line.top, line.bottom)
            rows.append((line, m.group(1), [rest]))
            expected += 1
        elif rows:
            rows[-1][2].append(line)
    out = []
    for first, number, body in rows:
        row = _read_row(first, number, body)
        if row is not None:
            out.append(row)
    return out


def _read_row(first: MinutesLine, number: str | None, body: list[MinutesLine]) -> ActionRow | None:
    groups: list[list[str]] = [[]]
    for line in body:
        if line.blank or (line.starts_paragraph and groups[-1]):
            if groups[-1]:
                groups.append([])
            if line.blank:
                continue
        groups[-1].append(line.text.strip())
    groups = [g for g in groups if g and not (len(g) == 1 and _NUMBER_ONLY.match(g[0]))]
    if len(groups) < 2:
        return None
    topic = join_wrapped(groups[0]).strip(" -–")
    action = join_wrapped(groups[1])
    owner = status = None
    rest = groups[2:]
    if rest and _only_names(action):
        # The extraction ran the topic and the action together ("ICT Update Report Members to express ...")
        # and what follows is the owner: the action starts where the owner's first name appears.
        first_name = re.split(r"[/\s]", action, maxsplit=1)[0]
        at = topic.find(f" {first_name} ")
        if at > 0:
            topic, action, rest = topic[:at].strip(), topic[at + 1:], [groups[1]] + rest
    if rest:
        owner, status_start = _owner_and_status(rest[0], action)
        status_parts = ([status_start] if status_start else []) + [join_wrapped(g) for g in rest[1:]]
        status = " ".join(status_parts) or None
    return ActionRow(first, number, topic or None, action, owner, status)


def _only_names(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(_CAPITALISED.match(t) for t in tokens)


def _owner_and_status(group: list[str], action: str) -> tuple[str | None, str | None]:
    """Split 'Chris Spencer Contact made with ...' into owner and the start of the progress."""
    joined = join_wrapped(group)
    tokens = joined.split()
    for n in range(1, len(tokens)):
        if _STATUS_WORD.match(" ".join(tokens[n:])):
            return " ".join(tokens[:n]), " ".join(tokens[n:])
    if all(_CAPITALISED.match(t) or t.lower() in {"and", "&"} for t in tokens):
        return joined, None  # the whole cell is names ("Cllr Davies/Chris Spencer")
    lowered = action.lower()
    best = 0
    for n in range(1, min(len(tokens), 6) + 1):
        _, bare = split_title(" ".join(tokens[:n]))
        if bare and bare.lower() in lowered and all(_CAPITALISED.match(t) for t in tokens[:n]):
            best = n
    if best == 0:
        # Not named in the action: a name is its first capitalised words, at most a title and two.
        title, _ = split_title(" ".join(tokens[:3]))
        limit = 3 if title else 2
        while best < min(limit, len(tokens)) and _CAPITALISED.match(tokens[best]):
            best += 1
    owner = " ".join(tokens[:best]) or None
    status = " ".join(tokens[best:]) or None
    return owner, status
