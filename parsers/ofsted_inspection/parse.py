"""Ofsted inspection reports of every framework (2012 to the reformed ILACS of 2026) into records.

One `OfstedInspection` row per report, one `OfstedJudgement` per headline
judgement (the front page's, and the LSCB review's wherever it is printed),
one `OfstedRecommendation` per numbered recommendation or `What needs to
improve?` bullet. The parts beside this file each read one part; this
module puts them together and says what it could not read. A grade is never
guessed: an unread judgement is missing, with a warning.
"""
from __future__ import annotations

from parsers.common.provenance import read_at
from parsers.ofsted_inspection.entries import entries_of
from parsers.common.ofsted_frameworks import REFORMED_ILACS, frameworks
from parsers.ofsted_inspection.header import read_header, read_lead_inspectors
from parsers.ofsted_inspection.body_judgements import find_body_judgements
from parsers.ofsted_inspection.judgements import Judgement, find_lscb_judgement, read_front_judgements
from parsers.ofsted_inspection.recommendations import read_recommendations
from parsers.result import ParseResult
from schemas.document import Document
from schemas.ofsted import OfstedInspection, OfstedJudgement, OfstedRecommendation

VERSION = "4"  # 4: canonical authorities from parsers/common/authorities.csv, standalone LSCB reviews framed "LSCB review". 3: "Dates of inspection" labels. 2: judgements in the body of 2009-2013 reports, cover facts, roman-numbered labels


def parse_ofsted_inspection(doc: Document) -> ParseResult:
    entries = entries_of(doc.lines)
    result = ParseResult()
    if not entries:
        result.warnings.append("empty document: nothing to read")
        return result
    header = read_header(entries)
    result.warnings.extend(header.warnings)
    front = read_front_judgements(entries, header.end_index)
    result.warnings.extend(front.warnings)
    judgements = _dedupe(front.judgements, result.warnings)
    known = frameworks().get(header.framework or "")
    if not judgements and known is not None and known.judged_in_body:
        judgements = _dedupe(find_body_judgements(entries, front.end_index), result.warnings)
        if header.framework == "Safeguarding and looked after children" and not any(j.area == "overall" for j in judgements):
            result.warnings.append("this framework grades safeguarding and looked after children services apart: "
                                   "no single overall effectiveness")

    reviews_lscb = header.kind == "lscb_review" or "safeguarding children board" in (header.title or "").lower()
    if reviews_lscb and not any(j.area == "lscb" for j in judgements):
        # 2015-2018 reports print the LSCB judgement at the head of the review's own section.
        lscb = find_lscb_judgement(entries, front.end_index)
        if lscb:
            judgements.append(lscb)
        else:
            result.warnings.append("LSCB review judgement not found")

    framework = header.framework
    if framework == "ILACS" and len(judgements) >= 3 and not front.overall_label_printed:
        framework = REFORMED_ILACS
    expected = frameworks()[framework].expected_areas if framework in frameworks() else ()
    read_areas = {j.area for j in judgements}
    for area in expected:
        if area not in read_areas:
            result.warnings.append(f"judgement not read: {area}")
    if not judgements:
        result.warnings.append("no judgements read from the front page: layout not recognised")

    leads, lead_entry = read_lead_inspectors(entries)
    if not leads:
        result.warnings.append("lead inspector not printed or not read")
    overall = next((j for j in judgements if j.area == "overall"), None)
    anchor = header.title_entry or entries[0]
    result.records.append(
        OfstedInspection(
            **read_at(doc.document_id, anchor.line),
            local_authority=header.local_authority,
            local_authority_printed=header.authority_as_printed,
            framework=framework,
            report_kind=header.kind,
            inspection_start=header.inspection_start,
            inspection_end=header.inspection_end,
            inspection_periods=[f"{a.isoformat()}/{b.isoformat()}" for a, b in header.periods],
            published=header.published,
            overall_effectiveness=overall.grade if overall else None,
            lead_inspector=" and ".join(leads) if leads else None,
            lead_inspectors=leads,
            title=header.title,
        )
    )
    for j in judgements:
        if j.grade is None:
            result.warnings.append(f"grade {j.grade_text!r} of {j.area} is not one of the contract's grades: kept as printed")
        result.records.append(
            OfstedJudgement(
                **read_at(doc.document_id, j.entry.line),
                area=j.area,
                area_label=j.label,
                grade=j.grade if j.grade is not None else j.grade_text.capitalize(),
                grade_text=j.grade_text,
            )
        )
    for rec in read_recommendations(entries):
        result.records.append(
            OfstedRecommendation(
                **read_at(doc.document_id, rec.entry.line),
                seq=rec.seq,
                text=rec.text,
                printed_number=rec.printed_number,
                heading=rec.heading,
            )
        )
    result.title = header.title
    result.local_authority = header.local_authority
    result.document_date = header.published or header.inspection_end
    return result


def _dedupe(judgements: list[Judgement], warnings: list[str]) -> list[Judgement]:
    """One row per area: the first printed; a later, different grade for the same area is warned about."""
    kept: dict[str, Judgement] = {}
    for j in judgements:
        first = kept.get(j.area)
        if first is None:
            kept[j.area] = j
        elif first.grade != j.grade:
            warnings.append(f"two grades for {j.area}: {first.grade_text!r} and {j.grade_text!r}; kept the first")
    return list(kept.values())
