"""Risks and their ratings: register rows and ratings quoted in prose.

Register rows print a reference (`SR7.2`, `SR 7.5`), the risk, its owner and
one or more ratings (`High 20 High 15 …`, inherent then residual by
quarter); the last rating printed is the current one. The column labels over the ratings
(`Inherent`, `Q1` …) are kept beside them where the header names as many (`risk_labels`). Prose says
`The risk relating to … remains rated as Moderate (12)` or `increased from
Moderate (8) to Moderate (12)`.
"""
from __future__ import annotations

import re

from parsers.common.provenance import read_at
from parsers.scorecard.risk_labels import rating_labels
from schemas.document import Line
from schemas.scorecards import ScorecardRisk

_LEVEL = r"(?:Very\s+High|Very\s+Low|Low|Moderate|Medium|High|Extreme)"
# A score is a whole number: "Low 22.4%" under a performance table's polarity column is no rating.
_RATING = re.compile(rf"\b(?P<level>{_LEVEL})\s+(?P<score>\d{{1,2}})\b(?![.,]\d|\s?%)")
_RATING_PAREN = re.compile(rf"\b(?P<level>{_LEVEL})\s*\(\s*(?P<score>\d{{1,2}})\s*\)", re.I)
# "SR7.2", "SR 7.5", "CR12", "R 4.1"; not a quarter ("Q3") or a bare letter and number.
_REF = re.compile(
    r"^\s*(?P<ref>(?!Q[1-4]\b)(?:[A-Z]{2,4}\s?\d{1,3}(?:\.\d{1,3})?|[A-Z]\s?\d{1,3}\.\d{1,3}))"
    r"(?![\d.]*\s*%)\b\s*:?\s*(?P<rest>.*)$"
)
_OWNER_LINE = re.compile(r"Risk\s+Owner\s*:\s*(?P<name>[^,\n]+)", re.I)
_REGISTER_END = re.compile(r"^\s*(Ref\.?\s|Strategic\s+Risks?\b|Key\s*:)", re.I)
_PROSE_RISK = re.compile(
    rf"\brisks?\s+(?:relating\s+to|of|that|around|associated\s+with)\s+(?P<text>.+?)\s+"
    rf"(?P<verb>(?:(?:has\s+)?(?:remains?|remained|is|was|has\s+been|continues\s+to\s+be)\s+)?(?:rated\s+(?:as\s+|at\s+)?)?"
    rf"|(?:has\s+)?(?:increased|decreased|reduced|risen|fallen|gone\s+up|gone\s+down|changed|moved)\s+from\s+)"
    rf"(?P<r1>{_LEVEL}\s*\(\s*\d{{1,2}}\s*\))(?:\s+to\s+(?P<r2>{_LEVEL}\s*\(\s*\d{{1,2}}\s*\)))?",
    re.I | re.S,
)


def _level(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def register_risks(lines: list[Line], document_id: str, warnings: list[str]) -> list[ScorecardRisk]:
    """Risks printed as rows of a risk register or a risk summary table."""
    texts = [l.text for l in lines]
    owners = {_fold(m.group("name")) for t in texts for m in [_OWNER_LINE.search(t)] if m}
    risks: list[ScorecardRisk] = []
    n = len(texts)
    for i, text in enumerate(texts):
        m = _REF.match(text)
        if not m or _RATING_PAREN.search(text):
            continue
        ref = m.group("ref").strip()
        rest = m.group("rest")
        ratings = list(_RATING.finditer(rest))
        if ratings:
            risk_text = rest[: ratings[0].start()].strip()
            owner = None
            for name in sorted(owners, key=len, reverse=True):
                if risk_text.lower().startswith(name.lower() + " "):
                    owner, risk_text = name, risk_text[len(name):].strip()
                    break
            if owner is None and owners:
                warnings.append(f"{_where(lines[i])}: risk {ref}: owner and risk text not told apart")
            risk = _risk(lines[i], document_id, ref, risk_text, owner, ratings, rest[ratings[-1].end():])
            risk.rating_labels = rating_labels(lines, i, len(ratings), warnings, f"{_where(lines[i])}: risk {ref}")
            risks.append(risk)
            continue
        # Reference on its own line: the risk's text follows, then the owner and ratings line.
        body: list[str] = [rest] if rest.strip() else []
        j = i + 1
        while j < n and j < i + 25:
            t = texts[j]
            if _REF.match(t) or _REGISTER_END.match(t):
                break
            found = list(_RATING.finditer(t))
            if found:
                owner = t[: found[0].start()].strip(" ,") or None
                comment = [t[found[-1].end():]]
                k = j + 1
                while k < n and not _REF.match(texts[k]) and not _REGISTER_END.match(texts[k]):
                    comment.append(texts[k])
                    k += 1
                risk = _risk(lines[j], document_id, ref, " ".join(body), owner, found, " ".join(comment))
                risk.rating_labels = rating_labels(lines, i, len(found), warnings, f"{_where(lines[j])}: risk {ref}")
                risks.append(risk)
                break
            body.append(t)
            j += 1
    return [r for r in risks if r.risk]


def _risk(line: Line, document_id: str, ref: str, text: str, owner: str | None, ratings, comment: str) -> ScorecardRisk:
    last = ratings[-1]
    return ScorecardRisk(
        **read_at(document_id, line), risk=_fold(text), ref=ref, owner=owner,
        score=int(last.group("score")), level=_level(last.group("level")), risk_text=_fold(last.group(0)),
        ratings=[_fold(r.group(0)) for r in ratings], comment=_fold(comment) or None,
    )


def prose_risks(text: str, document_id: str, line: Line, seq: str | None = None) -> list[ScorecardRisk]:
    """Risks whose rating a paragraph quotes: `The risk relating to X remains rated as Moderate (12)`."""
    risks = []
    for m in _PROSE_RISK.finditer(text):
        first = _RATING_PAREN.match(m.group("r1"))
        current = _RATING_PAREN.match(m.group("r2")) if m.group("r2") else first
        previous = first if m.group("r2") else None
        risks.append(ScorecardRisk(
            **read_at(document_id, line), risk=_fold(m.group("text")),
            score=int(current.group("score")), level=_level(current.group("level")),
            risk_text=_fold(current.group(0)),
            ratings=[_fold(r) for r in (m.group("r1"), m.group("r2")) if r],
            previous_score=int(previous.group("score")) if previous else None,
            previous_level=_level(previous.group("level")) if previous else None,
            seq=seq,
        ))
    return risks


def _where(line: Line) -> str:
    return f"line {line.number}" if not line.words else f"page {line.page}"
