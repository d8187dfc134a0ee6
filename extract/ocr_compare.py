"""How far an OCR'd ingest agrees with the text-layer ingest of the same pages.

Three measures, each against what the text layer gives (the reference):
characters (per page, in order), Ofsted front-page fields (authority,
framework, dates, grades, lead inspector) and scorecard values. Files are
paired by name: the bench ingests `text/NAME.pdf` and `scan/NAME.pdf`.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from schemas.document import OCR, Source

INSPECTION_FIELDS = ("local_authority", "framework", "inspection_start", "inspection_end", "published",
                     "overall_effectiveness", "lead_inspector")
# Typography a text layer keeps and OCR reads as plain ASCII: the same characters to a reader.
_PLAIN = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                        "\u00a0": " "})


@dataclass
class Agreement:
    """Of the `expected` values the text layer gives, how many OCR gives the same; what differed."""

    expected: int = 0
    same: int = 0
    differences: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.same / self.expected if self.expected else 1.0

    def add(self, other: "Agreement") -> "Agreement":
        return Agreement(self.expected + other.expected, self.same + other.same,
                         self.differences + other.differences)


def character_accuracy(reference: Source, ocr: Source) -> tuple[int, int]:
    """(characters of the reference's OCR'd pages that OCR gives in order, characters of those pages).

    White space is left out (OCR and text layers space words differently) and
    curly quotes and dashes read as their ASCII forms.
    """
    matched = total = 0
    for ref_page, ocr_page in zip(reference.pages, ocr.pages):
        if ocr_page.text_source != OCR:
            continue
        ref, hyp = _chars(ref_page.text), _chars(ocr_page.text)
        total += len(ref)
        blocks = difflib.SequenceMatcher(None, ref, hyp, autojunk=False).get_matching_blocks()
        matched += sum(b.size for b in blocks)
    return matched, total


def _chars(text: str) -> str:
    return "".join(text.translate(_PLAIN).split())


def ofsted_fields(text_db: Path, scan_db: Path) -> Agreement:
    """Front-page inspection fields and headline grades, report by report."""
    ref, got = _inspections(text_db), _inspections(scan_db)
    result = Agreement()
    for name, fields in sorted(ref.items()):
        theirs = got.get(name, {})
        for key, value in fields.items():
            if value is None:
                continue
            result.expected += 1
            if theirs.get(key) == value:
                result.same += 1
            else:
                result.differences.append(f"{name} {key}: text layer {value!r}, OCR {theirs.get(key)!r}")
    return result


def scorecard_values(text_db: Path, scan_db: Path) -> tuple[Agreement, int]:
    """Scorecard figures (indicator, period, target/comparator, value) per file; and OCR rows left unmarked."""
    ref, got = _scorecard_keys(text_db), _scorecard_keys(scan_db)
    result = Agreement(expected=len(ref), same=len(ref & got))
    result.differences = [f"{name} {key}: missing from OCR" for name, *key in sorted(ref - got, key=str)]
    with duckdb.connect(str(scan_db), read_only=True) as con:
        unmarked = con.execute("SELECT count(*) FROM scorecard_values WHERE ocr_confidence IS NULL").fetchone()[0]
    return result, unmarked


def _inspections(db: Path) -> dict[str, dict[str, object]]:
    cols = ", ".join(f"i.{c}" for c in INSPECTION_FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"""
            SELECT s.file_name, {cols} FROM ofsted_inspections i
            JOIN documents d USING (document_id) JOIN sources s USING (source_id)""").fetchall()
        grades = con.execute("""
            SELECT s.file_name, j.area, j.grade FROM ofsted_judgements j
            JOIN documents d USING (document_id) JOIN sources s USING (source_id)""").fetchall()
    found: dict[str, dict[str, object]] = {}
    for name, *values in rows:
        found.setdefault(name, {}).update(dict(zip(INSPECTION_FIELDS, values)))
    for name, area, grade in grades:
        found.setdefault(name, {})[f"grade:{area}"] = grade
    return found


def _scorecard_keys(db: Path) -> set[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return set(con.execute("""
            SELECT s.file_name, v.indicator, v.period, v.is_target, v.comparator, v.value, v.value_text
            FROM scorecard_values v JOIN documents d USING (document_id) JOIN sources s USING (source_id)
        """).fetchall())
