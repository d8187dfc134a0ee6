"""A printed list of people -> one PrintedPerson each.

Councils print the same facts in two layouts: one person per line (names in
columns, "(Chairman)" wrapped onto its own line) or running comma lists
("Mr R W Gough (Chairman), Mr N Baker, ... and Mr R J Thomas"). A block is
read as a comma list when it has commas outside brackets, otherwise line by
line; both then split "A and B" where the left side is a whole person. Names
printed in table columns with no commas are told apart by the cells of the
line (`MinutesLine.columns`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from parsers.common.folding import folded, mentions
from parsers.minutes.lines import MinutesLine, join_wrapped
from parsers.minutes.organisations import JOINED, is_organisation, protect_joined_names, restore_joined_names
from parsers.minutes.names import (
    TIER,
    PrintedPerson,
    is_post_fragment,
    is_tier_before_title,
    is_title_word,
    looks_like_name,
    office_of,
    parse_person,
    split_post_nominals,
    split_title,
    starts_with_title,
)

_CONNECTOR_END = re.compile(r"(?:\b(?:and|of|for|the|to|in|&)|[-–,(&])$", re.I)
_DASH_POSITION = re.compile(r"\s[-–—]\s|[–—]")
_BRACKETED_NOTE = re.compile(r"\(([^()]*)\)")
_DASHED_POST = re.compile(r"\s+[–—-]\s+")  # "Jane Roe – Director of ...": the post after a spaced dash
_PLURAL_TITLE = re.compile(rf"^({TIER}(?:councillors|cllrs)|messrs)\.?\s+", re.I)
_IN_THE_CHAIR_END = re.compile(r"(?:^|\s+)(?:was\s+)?in\s+the\s+chair\s*$", re.I)
PLURAL_TITLE_ALONE = re.compile(rf"^({TIER}(?:councillors|cllrs))\s*:?\s*$", re.I)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr)\.?\s", re.I)
# A substitution printed in the list without brackets ("Mrs A Smith who was substituted by Mr B Jones",
# "Mr Jones substituting for Mrs Smith"): bracketed here so the note stays with its person.
_SUBSTITUTION_PHRASE = re.compile(
    r",?\s+(?:who\s+(?:was|were|had\s+been)\s+)?(?P<phrase>substituted\s+by|substituting\s+for|(?:as\s+)?(?:a\s+)?substitute\s+for"
    r"|deputising\s+for|in\s+place\s+of)\s+(?P<who>(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady)\.?\s+[^,;()]+?)"
    r"(?=\s*(?:[,;]|\band\b|\.?$))", re.I)
# Words without which _SUBSTITUTION_PHRASE cannot match: most lists hold none, and are not scanned for it.
_SUBSTITUTION_WORDS = ("substitut", "deputising", "place")
_SERIAL_AND = re.compile(r"^and\s+")
_AND = re.compile(r"\s+and\s+")
_POST_NOMINAL_TOKEN = re.compile(r"[A-Z]{2,5}")
_BRACKET_OR = {sep: re.compile(rf"[(){sep}]") for sep in ",;"}
_SINGULAR = {"councillors": "Councillor", "cllrs": "Cllr", "messrs": "Mr"}


def people_in_block(block: list[MinutesLine]) -> list[tuple[PrintedPerson, MinutesLine]]:
    if not block:
        return []
    joined = join_wrapped([l.text for l in block])
    if not _has_comma_outside_brackets(joined) and any(len(l.columns) > 1 for l in block):
        # Names printed in columns with no commas: every cell is one entry, except a cell that is
        # the post or role of the person beside it ("Cllr Alison Smith | Chair").
        block = [MinutesLine(entry, l.page, l.number, l.x0) for l in block for entry in _row_entries(l.columns)]
    per_line = _titled_person_per_line(block)
    if len(block) == 1:  # one line: one person with posts after a comma or a dash, or a list
        return [(p, block[0]) for p in split_entries(joined, _name_then_posts(joined))]
    if _has_comma_outside_brackets(joined) and not per_line:
        return [(p, block[0]) for p in split_entries(joined)]
    # One entry per line; a line continues the previous entry when the break fell inside it.
    out: list[tuple[PrintedPerson, MinutesLine]] = []
    current: list[str] = []
    first: MinutesLine | None = None
    carried = None  # "Councillors" on a line of its own: the title of the names below it
    for line in block:
        text = line.text.strip()
        if m := PLURAL_TITLE_ALONE.match(text):
            carried = m.group(1)
            continue
        if carried and not starts_with_title(text) and not (current and _continues(current[-1], text)):
            text = f"{carried} {text}"
        if current and _continues(current[-1], text):
            current.append(text)
            continue
        if current:
            out += [(p, first) for p in split_entries(join_wrapped(current), per_line)]
        current, first = [text], line
    if current:
        out += [(p, first) for p in split_entries(join_wrapped(current), per_line)]
    return out


def _row_entries(cells: list[str]) -> list[str]:
    entries: list[str] = []
    for cell in cells:
        is_role = not starts_with_title(cell) and (is_post_fragment(cell) or not looks_like_name(cell))
        if entries and is_role and "(" not in cell:
            entries[-1] = f"{entries[-1]} ({cell})"
        else:
            entries.append(cell)
    return entries


def _titled_person_per_line(block: list[MinutesLine]) -> bool:
    """Every line opens with a title ("Cllr A Brooker", "Rev Fr N Cale, Mayor's Chaplain"): one person
    a line, and what follows a comma on the line is that person's post, not another person."""
    texts = [l.text.strip() for l in block if l.text.strip()]
    if len(texts) < 2:
        return False
    previous = None
    for text in texts:
        continues = bool(previous and _continues(previous, text))
        if not (starts_with_title(text) or _PLURAL_TITLE.match(text) or continues or _name_then_posts(text)):
            return False
        if text.endswith(",") or len(_split_at_titles(text)) > 1:
            return False  # a comma list wrapped over lines, or several people a line
        previous = text
    return True


def _name_then_posts(text: str) -> bool:
    """'Deborah Cadman, Chief Executive': a name, then only posts after its commas. The post may follow
    a spaced dash instead ("Jane Roe – Director of Children's Services, Example Council (Chair)"). A
    fragment that is a name once its brackets are set aside ("J Rogers (Director of ...)") is a person."""
    fragments = [f.strip() for f in _split_outside_brackets(text, ",")]
    first = _bare_name(fragments[0])
    if not looks_like_name(first) or (len(fragments) == 1 and first == fragments[0].strip()):
        return False
    if _DASHED_POST.search(fragments[0]):
        # After "Name – post" the commas go on describing that person, unless another "Name – post" follows.
        return not any(_DASHED_POST.search(f) and looks_like_name(_bare_name(f)) for f in fragments[1:])
    return all(is_post_fragment(f) or is_organisation(_bare_name(f), None) or not looks_like_name(_bare_name(f))
               for f in fragments[1:])


def _bare_name(fragment: str) -> str:
    """What may be a name in a fragment: its brackets and a post after a spaced dash set aside."""
    fragment = re.sub(r"\([^()]*\)", " ", fragment) if "(" in fragment else fragment
    return _DASHED_POST.split(fragment, maxsplit=1)[0].strip()


def _continues(previous: str, text: str) -> bool:
    if previous.count("(") > previous.count(")"):
        return True
    if _CONNECTOR_END.search(previous):
        return True
    return text[0].islower() or text.startswith("(")


def _has_comma_outside_brackets(text: str) -> bool:
    return len(_split_outside_brackets(text, ",")) > 1


def split_entries(text: str, one_person: bool = False) -> list[PrintedPerson]:
    """Split a printed list into people, re-attaching post-nominals and posts cut off by commas.

    `one_person`: the text is one person's line, so a fragment with no title is a post.
    """
    text = protect_joined_names(text)
    words = folded(text)
    if mentions(words, *_SUBSTITUTION_WORDS):
        text = _SUBSTITUTION_PHRASE.sub(lambda m: f" ({m.group('phrase')} {m.group('who')})", text)
        words = folded(text)
    fragments: list[str] = []
    after_comma: set[int] = set()  # fragments that a comma (not "and", not a title) cut off
    pieces = [c for part in _split_outside_brackets(text, ";") for c in _split_outside_brackets(part, ",")]
    surnames = bool(_PLURAL_TITLE.match(text.strip()))  # "Councillors Chahal, Kelly and Sadiq"
    for k, piece in enumerate(pieces):
        piece = piece.strip()
        if piece.startswith("and"):
            piece = _SERIAL_AND.sub("", piece)  # the serial comma's ", and"
        if k:
            after_comma.add(len(fragments))
        fragments += _fragments(piece, surnames)
    people: list[PrintedPerson] = []
    chair_named = "chair" in words  # "... in the Chair" can end a fragment only if the list says it
    carried_title = None  # "Councillors A, B and C": the plural title belongs to each name after it
    for index, printed in enumerate(fragments):
        singular, name_at, honorific, titled, post_nominals_only, post = _facts(printed)
        fragment = printed
        if singular:
            carried_title = singular
            fragment = f"{carried_title} {fragment[name_at:]}"
        elif carried_title and honorific and carried_title != "Mr":
            # "Councillors Mrs J A Anderson, Mrs P Bates, M A Coffin": still councillors, with honorifics
            fragment = f"{carried_title} {fragment}"
        elif titled:
            carried_title = None
        elif carried_title and fragment and not post and not post_nominals_only:
            fragment = f"{carried_title} {fragment}"
        if not fragment:
            continue
        if fragment is not printed:
            _, _, _, titled, post_nominals_only, post = _facts(fragment)
        after_person = bool(people) and people[-1].is_person
        if after_person and post_nominals_only:
            people[-1].post_nominals = " ".join(filter(None, [people[-1].post_nominals, fragment]))
            continue
        if after_person and chair_named and (m := _IN_THE_CHAIR_END.search(fragment)):
            people[-1].chair = "chair"  # "Councillor Ian Ward, Leader in the Chair"
            fragment = fragment[:m.start()].strip()
            if not fragment:
                continue
            _, _, _, titled, post_nominals_only, post = _facts(fragment)
        if after_person and not titled and (post or (one_person and index in after_comma)):
            for note in _BRACKETED_NOTE.finditer(fragment) if "(" in fragment else ():
                if office := office_of(note.group(1).strip()):  # "..., Example Council (Chair)": the person's office
                    people[-1].chair = office
                    fragment = (fragment[:note.start()] + fragment[note.end():]).strip()
                    break
            people[-1].position = "; ".join(filter(None, [people[-1].position, fragment]))
            continue
        person = parse_person(fragment)
        if person is not None:
            people.append(person)
    for person in people if JOINED in text else ():
        for attribute in ("name", "position", "substitute_for", "substituted_by"):
            if value := getattr(person, attribute):
                setattr(person, attribute, restore_joined_names(value))
    return people


@lru_cache(maxsize=8192)  # a member's entry recurs on every list and recorded vote of a meeting
def _fragments(piece: str, surnames: bool) -> tuple[str, ...]:
    """One piece of a list between commas, cut at "and" and at titles: each fragment may be a person
    (stripped of the stops and colons around it)."""
    return tuple(fragment.strip(" .;:") for part in _split_and(piece, surnames) for fragment in _split_at_titles(part))


@lru_cache(maxsize=8192)  # the same members recur on every list and recorded vote of a meeting
def _facts(fragment: str) -> tuple[str | None, int, bool, bool, bool, bool]:
    """What split_entries asks of a fragment, asked once per fragment as printed: the singular of a
    plural title opening it and where the name after that starts, whether it opens with an honorific,
    with a title, holds only post-nominals, or is a post."""
    plural = _PLURAL_TITLE.match(fragment)
    return (_singular(plural.group(1)) if plural else None, plural.end() if plural else 0,
            bool(_HONORIFIC.match(fragment)), starts_with_title(fragment), _only_post_nominals(fragment),
            is_post_fragment(fragment))


def _singular(plural: str) -> str:
    """'Councillors' -> 'Councillor', 'County Councillors' -> 'County Councillor'."""
    *tier, title = plural.split()
    return " ".join([*(t.capitalize() for t in tier), _SINGULAR[title.lower()]])


def _only_post_nominals(fragment: str) -> bool:
    return all(_POST_NOMINAL_TOKEN.fullmatch(t) for t in fragment.split())


def _split_outside_brackets(text: str, sep: str) -> list[str]:
    if "(" not in text:
        return text.split(sep)  # no bracket opens: every separator is outside brackets
    parts, depth, start = [], 0, 0
    brackets_or_separator = _BRACKET_OR.get(sep) or re.compile(rf"[(){re.escape(sep)}]")
    for m in brackets_or_separator.finditer(text):  # only brackets and separators matter
        ch, i = m.group(), m.start()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth <= 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _split_and(text: str, surnames: bool = False) -> list[str]:
    """'A and B' is two entries when A is a whole person or B starts with a title.

    `surnames`: the list runs under a plural title, so a bare name ("Kelly") is a whole person.
    """
    pieces = _AND.split(text) if "and" in text else [text]
    if len(pieces) == 1:
        return pieces
    out = [pieces[0]]
    for piece in pieces[1:]:
        left = re.sub(r"\([^()]*\)", " ", _PLURAL_TITLE.sub("", out[-1])).strip()  # "Pidgeon (Deputy Chairman)"
        if _whole_person(out[-1]) or starts_with_title(piece) or (surnames and looks_like_name(left) and looks_like_name(piece)) \
                or _two_bodies(out[-1], piece):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} and {piece}"
    return out


def _two_bodies(left: str, right: str) -> bool:
    """'Healthwatch and the Virtual School': two organisations, not one name with 'and' in it."""
    return (is_organisation(left, None) and is_organisation(right, None)
            and not is_post_fragment(left) and not is_post_fragment(right))


def _split_at_titles(text: str) -> list[str]:
    """'Cllr A Smith (Chairman) Cllr B Jones' (two columns on one line) -> two people.

    A title outside brackets that follows a non-title word starts a new person;
    'Cllr Dr A Miller' stays one, and a post after a dash is left whole.
    """
    if _DASH_POSITION.search(text):
        return [text]
    out: list[list[str]] = [[]]
    depth = 0
    previous, previous_titled = None, False
    tokens = text.split()
    for k, token in enumerate(tokens):
        titled = is_title_word(token)  # asked once a token (a word is also the next one's previous)
        if k + 1 < len(tokens) and is_tier_before_title(token, tokens[k + 1]):
            titled = True  # "County" of "County Councillor": the title starts here
        if (depth == 0 and previous is not None and titled
                and not previous_titled and not _PLURAL_TITLE.match(previous + " ")):
            out.append([])
        out[-1].append(token)
        if "(" in token or ")" in token:
            depth += token.count("(") - token.count(")")
        previous, previous_titled = token, titled
    return [" ".join(t) for t in out if t]


def _whole_person(text: str) -> bool:
    bare = re.sub(r"\([^()]*\)", " ", text)
    if re.search(r"\s[-–—]\s|[–—]", bare):
        return False  # "Name - Head of Youth Justice and ...": the "and" is inside the post
    title, rest = split_title(bare.strip(" ,"))
    rest, _ = split_post_nominals(rest)
    return bool(rest) and looks_like_name(rest) and (title is not None or len(rest.split()) >= 2)
