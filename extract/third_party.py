"""`extract compare-third-party`: our Ofsted rows against an open-source scraper's CSV (third_party_extraction.csv).

A tool, not a parser: it reads the CSV. The CSV is not ground truth (it
leaves most pre-2018 reports `data_unreadable` and has errors), so every
disagreement is listed for a person to settle on the page.

The CSV's grades use one scale for every framework (`requires improvement`
stands for ILACS's `Requires improvement to be good`), so grades are compared
on that scale. Its `inspection_framework` (`standard` / `short`) is not a
framework in our sense and is not compared. Its markers `data_unreadable`
(it read nothing) and empty cells count as no value;
`not_reported_post_reform` and `inspection_pre_dates_judgement` say the
report has no such judgement, which agrees with our having none.

`inspections`: one dict per report, keys
  file (the source's file name), local_authority, published,
  inspection_start, inspection_end, lead_inspector, overall_effectiveness
  (dates as `date` or ISO strings) and judgements ({area: grade}).
`inspections_from_warehouse(con)` builds them from a warehouse.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

# CSV column -> our field or judgement area.
_GRADE_COLUMNS = {
    "overall_effectiveness_grade": "overall",
    "impact_of_leaders_grade": "leadership",
    "help_and_protection_grade": "help_and_protection",
    "in_care_grade": "children_in_care",
    "care_leavers_grade": "care_leavers",
}
_NO_VALUE = {"", "data_unreadable"}
_NO_SUCH_JUDGEMENT = {"not_reported_post_reform", "inspection_pre_dates_judgement"}


@dataclass(frozen=True)
class Disagreement:
    file: str
    field: str
    ours: str | None
    theirs: str | None
    kind: str  # conflict (both have a value) | ours_only | theirs_only | no_report (no row of ours for the file)


def compare_with_third_party(inspections: list[dict], csv_path: str | Path) -> list[Disagreement]:
    ours_by_file = {i["file"]: i for i in inspections}
    out: list[Disagreement] = []
    with open(csv_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["file"]
            ours = ours_by_file.get(name)
            if ours is None:
                out.append(Disagreement(name, "report", None, "row in CSV", "no_report"))
                continue
            pairs = [
                ("local_authority", _place(ours.get("local_authority")), _place(row["local_authority"])),
                ("published", _iso(ours.get("published")), _csv_date(row["published"])),
                ("inspection_start", _iso(ours.get("inspection_start")), _csv_date(row["inspection_start_date"])),
                ("inspection_end", _iso(ours.get("inspection_end")), _csv_date(row["inspection_end_date"])),
                ("lead_inspector", _name(ours.get("lead_inspector")), _name(row["inspector_name"])),
            ]
            judgements = dict(ours.get("judgements") or {})
            if ours.get("overall_effectiveness") and "overall" not in judgements:
                judgements["overall"] = ours["overall_effectiveness"]
            for column, area in _GRADE_COLUMNS.items():
                theirs = row[column].strip().lower()
                theirs_grade = None if theirs in _NO_VALUE | _NO_SUCH_JUDGEMENT else _scale(theirs)
                pairs.append((area, _scale(judgements.get(area)), theirs_grade))
            for field, mine, theirs in pairs:
                if mine == theirs:
                    continue
                kind = "conflict" if mine and theirs else ("ours_only" if mine else "theirs_only")
                out.append(Disagreement(name, field, mine, theirs, kind))
    return out


def inspections_from_warehouse(con) -> list[dict]:
    """The `inspections` argument, read from a warehouse (a DuckDB connection)."""
    rows = con.execute(
        """
        SELECT s.file_name, i.document_id, i.local_authority, i.published, i.inspection_start,
               i.inspection_end, i.lead_inspector, i.overall_effectiveness
        FROM ofsted_inspections i
        JOIN documents d USING (document_id)
        JOIN sources s ON s.source_id = d.source_id
        """
    ).fetchall()
    grades: dict[str, dict[str, str]] = {}
    for document_id, area, grade in con.execute("SELECT document_id, area, grade FROM ofsted_judgements").fetchall():
        grades.setdefault(document_id, {})[area] = grade
    keys = ("file", "document_id", "local_authority", "published", "inspection_start", "inspection_end",
            "lead_inspector", "overall_effectiveness")
    return [dict(zip(keys, r), judgements=grades.get(r[1], {})) for r in rows]


def _scale(grade: str | None) -> str | None:
    if not grade:
        return None
    g = " ".join(grade.lower().split())
    return "requires improvement" if g.startswith("requires improvement") else g


def _place(name: str | None) -> str | None:
    return " ".join(name.lower().replace("-", " ").split()) if name else None


def _name(name: str | None) -> str | None:
    return " ".join(name.split()).lower() if name and name.strip() else None


def _iso(value) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _csv_date(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return text
