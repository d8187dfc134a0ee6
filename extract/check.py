"""`extract check`: invariants every correctly read Ofsted report meets, checked with no answer key.

Run over a warehouse, each Ofsted inspection document is held to the rules
below; a document breaking any is one line naming the file, the pages, each
broken rule and what was seen. The rules need nothing but the report itself,
so they hold on any analyst's collection:

  one-inspection   a file holds exactly one inspection (a standalone LSCB review is its own document)
  authority        the authority is one of England's (parsers/common/authorities.csv)
  dates            inspection start and end read, start <= end <= published (when printed)
  framework        a framework of parsers/common/ofsted_frameworks.csv
  overall-grade    an overall effectiveness grade wherever the framework has one
  grades           every judgement's grade is one of Ofsted's own
  recommendations  at least one recommendation read
  lead-inspector   a lead inspector, each one clean name (no rank, no second name run in)

A documented exception (a report that really is different, with the page that
shows it) is a row of a CSV: file_name, rule, page, reason.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from parsers.common.authorities import canonical_names
from parsers.common.ofsted_frameworks import frameworks
from parsers.common.ofsted_grades import CONTRACT_GRADES

RULES = ("one-inspection", "authority", "dates", "framework", "overall-grade", "grades", "recommendations",
         "lead-inspector")

# One person's name: two to four capitalised words (initials, hyphens and apostrophes allowed),
# with the particles names carry (`van der`, `de`); no rank, no comma, no `and`.
_NAME_WORD = r"(?:[A-Z][a-z]*\.?|[A-Z][\w'\u2019]*(?:-[\w'\u2019]+)*|Mc[A-Z][a-z]+)"
_PARTICLE = r"(?:van|von|der|de|du|da|di|del|le|la|bin|ben)"
CLEAN_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,3}}$")
_RANK = re.compile(r"\b(?:HMI|SHMI|Inspector|Majesty|Ofsted|Senior|Regional|Director)\b")


@dataclass
class Breach:
    rule: str
    saw: str


@dataclass
class DocumentCheck:
    file_name: str
    path: str
    document_id: str
    page_start: int
    page_end: int
    breaches: list[Breach] = field(default_factory=list)

    def line(self) -> str:
        broken = "; ".join(f"{b.rule}: {b.saw}" for b in self.breaches)
        return f"{self.path} p{self.page_start}-{self.page_end}  {broken}"


@dataclass(frozen=True)
class Exception_:
    file_name: str
    rule: str
    page: str
    reason: str


def load_exceptions(path: Path) -> list[Exception_]:
    """Documented exceptions: a CSV with file_name, rule, page, reason (every cell required)."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for n, row in enumerate(rows, start=2):
        if not all((row.get(k) or "").strip() for k in ("file_name", "rule", "page", "reason")):
            raise ValueError(f"{path}:{n}: an exception needs file_name, rule, page and reason")
        if row["rule"] not in RULES:
            raise ValueError(f"{path}:{n}: unknown rule {row['rule']!r} (rules: {', '.join(RULES)})")
        out.append(Exception_(row["file_name"].strip(), row["rule"].strip(), row["page"].strip(), row["reason"].strip()))
    return out


_DOCUMENTS = """
select d.document_id, s.file_name, s.path, d.page_start, d.page_end, i.document_id is not null as has_row,
       i.local_authority, i.local_authority_printed, i.framework, i.report_kind, i.inspection_start, i.inspection_end,
       i.published, i.overall_effectiveness, i.lead_inspector, i.lead_inspectors
from documents d join sources s using (source_id)
left join ofsted_inspections i using (document_id)
where d.doc_type = 'ofsted_inspection'
order by s.path, d.page_start
"""


def check_warehouse(con: duckdb.DuckDBPyConnection, exceptions: list[Exception_] = ()) -> list[DocumentCheck]:
    """Every Ofsted inspection document that breaks a rule (less documented exceptions), in file order."""
    rows = con.execute(_DOCUMENTS).fetchall()
    grades = _by_document(con, "select document_id, area, grade, grade_text from ofsted_judgements")
    recs = {d: n for d, n in con.execute(
        "select document_id, count(*) from ofsted_recommendations group by 1").fetchall()}
    inspections_in_file: dict[str, list[tuple[int, int]]] = {}
    for r in rows:
        if r[5] and r[9] != "lscb_review":
            inspections_in_file.setdefault(r[2], []).append((r[3], r[4]))
    excused = {(e.file_name, e.rule) for e in exceptions}
    out = []
    for (doc_id, file_name, path, p0, p1, has_row, la, la_printed, fw, kind, start, end, published, overall,
         lead, leads) in rows:
        check = DocumentCheck(file_name, path, doc_id, p0, p1)
        if not has_row:
            check.breaches.append(Breach("one-inspection", "no inspection read from this document"))
        else:
            others = [f"p{a}-{b}" for a, b in inspections_in_file.get(path, []) if (a, b) != (p0, p1)]
            if kind != "lscb_review" and others:
                check.breaches.append(Breach("one-inspection", f"another inspection in the same file at {', '.join(others)}"))
            check.breaches.extend(inspection_breaches(la, la_printed, fw, start, end, published, overall, lead, leads,
                                                grades.get(doc_id, []), recs.get(doc_id, 0)))
        check.breaches = [b for b in check.breaches if (file_name, b.rule) not in excused]
        if check.breaches:
            out.append(check)
    return out


def _by_document(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for row in con.execute(sql).fetchall():
        out.setdefault(row[0], []).append(row[1:])
    return out


def inspection_breaches(la, la_printed, fw, start, end, published, overall, lead, leads, judgements, n_recs) -> list[Breach]:
    """The rules one inspection row breaks; `judgements` are (area, grade, grade_text), `n_recs` its recommendations."""
    found: list[Breach] = []
    if la not in canonical_names():
        found.append(Breach("authority", f"{la!r} (printed {la_printed!r}) is not an authority of the list"))
    if start is None or end is None:
        found.append(Breach("dates", f"inspection start {start} and end {end}: not both read"))
    elif not (start <= end and (published is None or end <= published)):
        found.append(Breach("dates", f"start {start}, end {end}, published {published} are not in order"))
    known = frameworks().get(fw or "")
    if known is None:
        found.append(Breach("framework", f"{fw!r} is not a known framework"))
    elif known.overall_grade and overall is None:
        found.append(Breach("overall-grade", f"{fw} grades overall effectiveness, none read"))
    bad = [f"{area} {grade_text!r}" for area, grade, grade_text in judgements if grade not in CONTRACT_GRADES]
    if bad:
        found.append(Breach("grades", "not Ofsted's words: " + ", ".join(bad)))
    if n_recs == 0:
        found.append(Breach("recommendations", "none read"))
    found.extend(_lead_breaches(lead, list(leads or [])))
    return found


def _lead_breaches(lead: str | None, leads: list[str]) -> list[Breach]:
    if not lead:
        return [Breach("lead-inspector", "none read")]
    unclean = [n for n in (leads or [lead]) if not CLEAN_NAME.match(n) or _RANK.search(n)]
    if unclean:
        return [Breach("lead-inspector", f"not one clean name: {', '.join(repr(n) for n in unclean)}")]
    return []


def summary(checks: list[DocumentCheck], documents: int) -> str:
    """`3 of 132 documents break a rule: authority 2, dates 1` (each rule once per document)."""
    by_rule: dict[str, int] = {}
    for c in checks:
        for rule in dict.fromkeys(b.rule for b in c.breaches):
            by_rule[rule] = by_rule.get(rule, 0) + 1
    if not checks:
        return f"all {documents} Ofsted inspection documents pass every rule"
    rules = ", ".join(f"{r} {by_rule[r]}" for r in RULES if r in by_rule)
    return f"{len(checks)} of {documents} Ofsted inspection documents break a rule: {rules}"


def count_documents(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from documents where doc_type = 'ofsted_inspection'").fetchone()[0]
