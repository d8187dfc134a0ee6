"""Table headers: which periods a scorecard table's value columns hold.

A header is a run of lines made only of header words: periods (`2016/17`,
`Q3 (2014/15)`, `Q1 16/17`, `Mar-17`, `2015 (Latest)`), `Target`,
`Reporting` / `Basis`, and the `Comments …` label that closes the value
columns. Text extractions print a table's header after its rows; PDFs read
by position print it above them. Either way the same words give the columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_FY = r"(?:\d{4}[/-]\d{4}|\d{4}[/-]\d{2})(?![\d/])"
_SHORT_FY = r"(?<![\d/])\d{2}/\d{2}(?![\d/])"  # 23/24, as other councils print a year under its quarter
_QUARTER = r"(?:Q|Qtr\.?\s*)[1-4]"
_PERIOD = (
    rf"Q[1-4]\s*\(\s*{_FY}\s*\)"  # Q3 (2014/15)
    rf"|{_QUARTER}\s+(?:{_FY}|{_SHORT_FY})"  # Q1 16/17, Q1 2023/24, Quarter 2 2023/24
    rf"|{_FY}\s+Q[1-4]\b"  # 2019/20 Q4
    rf"|{_FY}(?:\s*\(Latest\))?"  # 2016/17
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*[-\s]\d{2,4}"  # Mar-17
    r"|(?:19|20)\d{2}(?:\s*\(Latest\))?"  # 2015 (Latest)
    rf"|{_SHORT_FY}"
)
# Order matters: a target label swallows the period printed under it.
_COLUMN = re.compile(
    rf"(?P<target>(?P<tq>Q[1-4])?\s*Target\s*\(?\s*(?P<tperiod>{_PERIOD})\s*\)?)"
    rf"|(?P<period>{_PERIOD})",
    re.I,
)
_HEADER_WORD = re.compile(
    rf"^(?:{_PERIOD}|Target|Q[1-4]\s*Target|\(\s*{_FY}\s*\)|\(Latest\)|Reporting|Basis|Reporting\s+Basis)$", re.I
)
_COMMENTS = re.compile(r"\bComments?\b.*$", re.I)
_REPORTING = re.compile(r"^\s*(Reporting|Basis|Reporting\s+Basis)\s*$", re.I)
_BASIS_LABEL = re.compile(r"\bReporting\s+Basis\b", re.I)
# Every period holds a digit, so a text without one names none: the splitter asks of every short line
# of a page whether it names periods, and most lines (minutes, letters) hold no digit at all.
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Column:
    label: str  # as printed, white space folded
    period: str | None  # None: a target or comparator printed without its period, or a column not understood
    is_target: bool
    x0: float | None = None
    x1: float | None = None
    comparator: str | None = None  # "England", "Stat Neighbours": a benchmark column, not the council's own figure

    @property
    def readable(self) -> bool:
        """It names a period, a target or a comparator, so figures under it can be placed."""
        return self.period is not None or self.is_target or self.comparator is not None


@dataclass(slots=True)
class Header:
    title: str | None
    columns: list[Column]
    has_basis: bool  # the table has a "Reporting Basis" column
    first_line: int  # index into the lines it was read from
    last_line: int
    comments_x0: float | None = None
    basis_x0: float | None = None
    cells: list | None = None  # PDFs: every header cell, with its kind and reach (see header_cells)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def normalise_period(text: str) -> str:
    text = _fold(text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"\s+\)", ")", text)
    return re.sub(r"^(Q[1-4])\s*\(", r"\1 (", text, flags=re.I)


def is_header_line(text: str) -> bool:
    """A line of header words (periods, Target, Reporting Basis), optionally ending in `Comments …`.

    A line naming two or more periods may also carry a few column labels
    without digits (`Indicator`, `DoT`, `RAG`).
    """
    body = _COMMENTS.sub("", text).strip()
    if not body:
        return bool(_COMMENTS.search(text)) and len(text.split()) <= 4
    rest = _COLUMN.sub(" ", body)
    rest = re.sub(r"\b(?:Q[1-4]\s*)?Target\b|\bReporting\b|\bBasis\b|\(Latest\)|\(\s*\)", " ", rest, flags=re.I)
    if not rest.strip():
        return True
    labels = rest.split()
    return len(_COLUMN.findall(body)) >= 2 and len(labels) <= 4 and not any(ch.isdigit() for ch in rest)


def has_period(text: str) -> bool:
    return _DIGIT.search(text) is not None and _COLUMN.search(_COMMENTS.sub("", text)) is not None


def without_periods(text: str) -> str:
    """The text with every period (and `Target <period>`) taken out: what else a header cell says."""
    return _COLUMN.sub(" ", _fold(text))


def columns_of(text: str) -> list[Column]:
    """Value columns named in a header's text, left to right, up to `Comments`."""
    return _columns_in(text) if _DIGIT.search(text) else []


def _columns_in(text: str) -> list[Column]:
    body = _COMMENTS.sub("", _fold(text))
    columns = []
    for m in _COLUMN.finditer(body):
        if m.group("target"):
            period = normalise_period(m.group("tperiod"))
            if m.group("tq") and not period.upper().startswith("Q"):
                period = f"{m.group('tq').upper()} ({period})"
            columns.append(Column(_fold(m.group(0)), period, True))
        else:
            columns.append(Column(_fold(m.group(0)), normalise_period(m.group("period")), False))
    return columns


def find_headers(texts: list[str], is_row) -> list[Header]:
    """Header runs in a list of line texts; `is_row(i)` says a line is a table row (never a header).

    A header is: an optional title line, optional `Reporting`/`Basis` lines,
    then lines of periods / Target / Comments, blank lines allowed between.
    It must hold at least one period line.
    """
    headers: list[Header] = []
    i = 0
    n = len(texts)
    while i < n:
        if is_row(i) or not (is_header_line(texts[i]) and (has_period(texts[i]) or _REPORTING.match(texts[i]))):
            i += 1
            continue
        start = i
        j = i
        last = i
        while j < n:
            t = texts[j]
            if not t.strip():
                j += 1
                continue
            if is_row(j) or not (is_header_line(t) or _REPORTING.match(t)):
                break
            last = j
            j += 1
        block = texts[start : last + 1]
        if not any(has_period(t) for t in block):
            i = last + 1
            continue
        has_basis = any(_REPORTING.match(t) or _BASIS_LABEL.search(t) for t in block)
        title = None
        k = start - 1
        while k >= 0 and not texts[k].strip():
            k -= 1
        if k >= 0 and not is_row(k) and _looks_like_title(texts[k]):
            title = _fold(texts[k])
            start = k
        text = " ".join(_BASIS_LABEL.sub(" ", t) for t in block if not _REPORTING.match(t))
        columns = columns_of(text)
        # The same column named twice is several tables side by side (a budget annex), not one header.
        if len({(c.period, c.is_target) for c in columns}) == len(columns):
            headers.append(Header(title, columns, has_basis, start, last))
        i = last + 1
    return headers


_TITLE_WORDS = re.compile(r"[A-Za-z]")


def _looks_like_title(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 14 and bool(_TITLE_WORDS.search(text)) and not text.rstrip().endswith((".", ",", ";"))
