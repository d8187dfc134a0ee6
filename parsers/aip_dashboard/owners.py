"""Find who owns an action inside a line of table text: `… to target Leadership Team`.

Tables of actions print an owner column (`Head of Improvement`, `Director
(Safeguarding) / HOS QA`, `DCS and CIC Strategic Lead`) that a text
extraction runs together with the cells beside it. An owner phrase is
recognised by its shape: job-title nouns (Director, Head, Manager, Team,
Adviser, Lead …) or the standard abbreviations of children's services
roles, joined by `of`, `and`, `&`, `/`, `with`, with at most two
capitalised words in front of the first title noun (`Quality Assurance
Team`) and names of services after `of` (`Heads of Service`). The
vocabulary is the sector's, not any one council's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ROLE_NOUNS = {
    "director", "directors", "head", "heads", "manager", "managers", "adviser", "advisers", "advisor",
    "advisors", "officer", "officers", "leader", "leaders", "commissioner", "commissioners", "chair",
    "chairs", "coordinator", "co-ordinator", "executive", "worker", "workers", "practitioner",
    "practitioners", "governor", "governors", "deputy", "assistant", "consultant", "consultants",
    "champion", "champions",
}
# Nouns that name an owner only with a word in front (`Leadership Team`, `Strategic Lead`,
# `Lead Member`) or after `of` (`Head of Service`): alone they are ordinary words.
ROLE_NOUNS_WITH_MODIFIER = {
    "team", "teams", "lead", "leads", "member", "members", "board", "panel", "partner", "partners",
    "service", "services", "council", "academy", "group",
}
# Abbreviations that name an owner. Staff grades (TMs, SWs) are left out: they
# are what actions are about far more often than who owns them.
ROLE_ABBREVIATIONS = {"DCS", "HOS", "HoS", "PSW", "SLT", "DMT", "AD", "ADs", "CEO", "DCEO"}
_CONNECTORS = {"of", "and", "&", "/", "with", "the", "for", ","}
_TOKEN = re.compile(r"\([^()]*\)|[/&,()]|[^\s/&,()]+")
_QUOTES = "“”\"‘’'"
_PREPOSITIONS = {"by", "to", "for", "from", "on", "in", "at", "with", "between", "about"}
_VERB_FORM = re.compile(r"(ed|ing)$")
# Capitalised words allowed between two title nouns of one phrase (`/ Improvement Advisor`).
_MAX_GAP = 2


@dataclass(frozen=True)
class OwnerSpan:
    start: int  # character offsets in the text searched
    end: int


def _word(token: str) -> str:
    return token.strip(_QUOTES)


def _is_capitalised(token: str) -> bool:
    w = _word(token)
    return bool(w) and (w[0].isupper() or (w[0].isdigit() and w.endswith("+")))


def _is_abbreviation(token: str) -> bool:
    w = _word(token)
    return w in ROLE_ABBREVIATIONS or bool(re.fullmatch(r"[A-Z]{2,5}s?", w))


def _is_connector(token: str) -> bool:
    return _word(token).lower() in _CONNECTORS


def _is_role(tokens: list[tuple[str, int, int]], k: int, start: int) -> bool:
    """Is token k a title noun, given the phrase starts at `start`?"""
    w = _word(tokens[k][0])
    if w in ROLE_ABBREVIATIONS or w.lower() in ROLE_NOUNS:
        return True
    if w.lower() in ROLE_NOUNS_WITH_MODIFIER:
        if w.islower() and start == 0 and k - start < 2:
            return False  # `Identify teams`: a verb before it, not a modifier
        prev = _word(tokens[k - 1][0]).lower() if k > start else ""
        prev2 = _word(tokens[k - 2][0]).lower() if k - 1 > start else ""
        return (k > start and prev not in _CONNECTORS) or prev == "of" or (prev == "the" and prev2 == "of")
    return False


def find_owner(text: str, allow_at_start: bool = True) -> OwnerSpan | None:
    """The first owner phrase in `text`, or None.

    With allow_at_start=False a phrase opening the text is skipped: a row's
    first line starts with its action, which may itself begin with a title
    (`Heads of Service briefing` … owner `Directors`).
    """
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for s in range(len(tokens)):
        tok = tokens[s][0]
        if not _is_capitalised(tok):
            continue
        if s > 0 and not _cell_gap(tokens, s):
            prev = tokens[s - 1][0]
            if _is_capitalised(prev) or _is_connector(prev) or prev.startswith("("):
                continue  # inside a capitalised run, not at its start
        span = _owner_from(tokens, s)
        if span is not None and span[0] > 0 and _word(tokens[span[0] - 1][0]).lower() in _PREPOSITIONS:
            # `Visits to Teams by Directors DCS and SLT`: a title after `by`
            # belongs to the action; the owner, if any, follows it.
            later = [
                k for k in range(span[0] + 1, span[1] + 1)
                if _word(tokens[k][0]) in ROLE_ABBREVIATIONS or _word(tokens[k][0]).lower() in ROLE_NOUNS
            ]
            span = next((sp for sp in (_owner_from(tokens, k) for k in later) if sp), None)
        if span is not None and span[0] == 0 and not allow_at_start:
            # The run opens the text: its first words are the action's
            # (`16+ Panel DCS / Integrated Commissioner`); try from a later title.
            later = [
                k for k in range(span[0] + 1, span[1] + 1)
                if _word(tokens[k][0]) in ROLE_ABBREVIATIONS and not _is_connector(tokens[k - 1][0])
            ]
            span = next((sp for sp in (_owner_from(tokens, k) for k in later) if sp and sp[0] > 0), None)
        if span is None:
            continue
        a, b = span
        return OwnerSpan(tokens[a][1], tokens[b][2])
    return None


def _cell_gap(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """Two or more spaces before token k: extraction's mark of a new table cell."""
    return k > 0 and tokens[k][1] - tokens[k - 1][2] >= 2


def _owner_from(tokens: list[tuple[str, int, int]], s: int) -> tuple[int, int] | None:
    """(first, last) token of the owner phrase within the capitalised run starting at s."""
    run: list[int] = []
    k = s
    while k < len(tokens):
        tok = tokens[k][0]
        if not _word(tok):
            k += 1
            continue
        if run and _cell_gap(tokens, k):
            break
        if _is_capitalised(tok) or tok.startswith("(") or tok == ")" or (run and _word(tok).lower() in ROLE_NOUNS_WITH_MODIFIER):
            run.append(k)
        elif not (_is_connector(tok) and k + 1 < len(tokens)):
            break
        k += 1
    first_role = next((k for k in run if _is_role(tokens, k, s)), None)
    if first_role is None:
        return None
    # At most two capitalised words in front of the first title noun (`Quality Assurance Team`).
    start = first_role
    takes_modifiers = _word(tokens[first_role][0]) not in ROLE_ABBREVIATIONS
    if takes_modifiers:
        # Walk back over the run's words (quote marks are not words).
        before = [k for k in run if k < first_role]
        taken = 0
        while before and taken < _MAX_GAP and not _is_connector(tokens[before[-1]][0]):
            start = before.pop()
            taken += 1
    if start - 2 >= s and _word(tokens[start - 1][0]).lower() in {"and", "&", "/"} and _is_abbreviation(tokens[start - 2][0]):
        start -= 2  # `DCS and CIC Strategic Lead`
    end = first_role
    gap = 0
    for k in run:
        if k <= first_role:
            continue
        tok = tokens[k][0]
        prev = _word(tokens[k - 1][0]).lower()
        endable = (
            _is_role(tokens, k, start)
            or (_is_abbreviation(tok) and (_word(tokens[k - 1][0]) in ROLE_ABBREVIATIONS or _is_connector(tokens[k - 1][0])))
            or tok.startswith("(")
            or (prev in {"of", "&", "and", "the"} and end >= k - 3 and gap == 0)  # `Head of Improvement`
            or (end == k - 1 and _is_abbreviation(tokens[k - 1][0]) and k - 1 >= start and not _VERB_FORM.search(tok))  # `HOS Stroud`
        )
        if endable:
            end, gap = k, 0
        else:
            gap += 1
            if gap > _MAX_GAP:
                break
    return start, end
