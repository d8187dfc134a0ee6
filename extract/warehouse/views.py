"""SQL views for the questions analysts ask most, over the contract tables.

The tables keep every printed copy of a fact (the same inspection report
attached to three packs, the same minutes reprinted for approval, each
month's dashboard repeating earlier months). The views answer questions, so
each picks one copy per fact by a stated rule, and keeps `document_id` so
the answer still traces back to a file and page. Documented in docs/views.md.

Views only read tables the warehouse always creates, so they work (and
return no rows) on an empty warehouse.
"""
from __future__ import annotations

# Ofsted grades on one ordinal scale, best = 4. The older framework's
# `Adequate` sits where `Requires improvement` sits now (third of four).
def grade_rank_sql(column: str) -> str:
    return f"""CASE lower({column})
        WHEN 'outstanding' THEN 4
        WHEN 'good' THEN 3
        WHEN 'requires improvement to be good' THEN 2
        WHEN 'requires improvement' THEN 2
        WHEN 'adequate' THEN 2
        WHEN 'inadequate' THEN 1
    END"""

# A scorecard period as printed -> the first day it covers, for ordering and
# plotting. Financial years (`2016/17`) start in April; their quarters
# (`Q3 (2016/17)`) count from April; `Mar-17` is a month; a bare year
# (`2015`, `2015 (Latest)`) is a calendar year. Anything else stays NULL.
def period_start_sql(period: str) -> str:
    return rf"""CAST(CASE
        WHEN regexp_matches({period}, '^\s*Q([1-4])\s*\(?\s*(\d{{4}})\s*/\s*\d{{2,4}}\s*\)?\s*$') THEN
            make_date(CAST(regexp_extract({period}, '(\d{{4}})\s*/', 1) AS INTEGER), 4, 1)
            + to_months(3 * (CAST(regexp_extract({period}, 'Q([1-4])', 1) AS INTEGER) - 1))
        WHEN regexp_matches({period}, '^\s*(\d{{4}})\s*/\s*\d{{2,4}}\s*$') THEN
            make_date(CAST(regexp_extract({period}, '(\d{{4}})', 1) AS INTEGER), 4, 1)
        WHEN regexp_matches({period}, '^\s*[A-Za-z]{{3}}-\d{{2}}\s*$') THEN
            CAST(try_strptime(trim({period}), '%b-%y') AS DATE)
        WHEN regexp_matches({period}, '^\s*(\d{{4}})(\s*\(.*\))?\s*$') THEN
            make_date(CAST(regexp_extract({period}, '(\d{{4}})', 1) AS INTEGER), 1, 1)
    END AS DATE)"""

# Which printing of a set of minutes stands for the meeting: the same minutes
# are often printed twice (draft, then for approval in the next pack).
_MEETING_COPIES = """
    SELECT m.*, coalesce(d.local_authority, m.council) AS local_authority,
           row_number() OVER (
               PARTITION BY CASE WHEN m.meeting_date IS NULL THEN m.document_id END,
                            lower(coalesce(d.local_authority, m.council, '')),
                            lower(coalesce(m.committee, '')), m.meeting_date
               ORDER BY m.document_id) AS copy
    FROM meetings m LEFT JOIN documents d USING (document_id)
"""

VIEWS: dict[str, str] = {
    # Every inspection's headline judgements, one copy per inspection.
    "ofsted_judgement_history": f"""
        WITH judgement_counts AS (
            SELECT document_id, count(*) AS n FROM ofsted_judgements GROUP BY 1
        ),
        inspections AS (
            SELECT i.*, coalesce(i.local_authority, d.local_authority) AS authority,
                   coalesce(i.inspection_end, i.inspection_start, i.published, d.document_date) AS as_of,
                   row_number() OVER (
                       PARTITION BY coalesce(i.local_authority, d.local_authority),
                                    coalesce(i.inspection_end, i.inspection_start, i.published, d.document_date),
                                    CASE WHEN coalesce(i.inspection_end, i.inspection_start, i.published,
                                                       d.document_date) IS NULL THEN i.document_id END
                       -- prefer the copy that read the most judgements, then a stable id
                       ORDER BY coalesce(c.n, 0) DESC, i.document_id) AS copy
            FROM ofsted_inspections i LEFT JOIN documents d USING (document_id)
            LEFT JOIN judgement_counts c USING (document_id)
            WHERE coalesce(i.report_kind, 'inspection') = 'inspection'
        )
        SELECT i.authority AS local_authority, i.framework, i.inspection_start, i.inspection_end,
               i.published, i.as_of, j.area, j.area_label, j.grade, j.grade_text,
               {grade_rank_sql('j.grade')} AS grade_rank,
               j.document_id, j.page
        FROM inspections i JOIN ofsted_judgements j USING (document_id)
        WHERE i.copy = 1
    """,
    # The most recent inspection of each authority, its judgements only.
    "latest_ofsted_judgements": """
        SELECT * EXCLUDE (latest) FROM (
            SELECT h.*, dense_rank() OVER (
                       PARTITION BY local_authority ORDER BY as_of DESC NULLS LAST, document_id) AS latest
            FROM ofsted_judgement_history h
        ) WHERE latest = 1
    """,
    # Each indicator's printed values in period order, the target for the same period beside it.
    "scorecard_series": f"""
        WITH facts AS (
            SELECT f.*, d.local_authority,
                   lower(regexp_replace(trim(f.indicator), '\\s+', ' ', 'g')) AS indicator_key,
                   lower(coalesce(f.reporting_basis, '')) AS basis_key
            FROM scorecard_facts f LEFT JOIN documents d USING (document_id)
            WHERE f.period IS NOT NULL AND NOT f.is_comparator
        ),
        targets AS (
            SELECT local_authority, indicator_key, basis_key, period,
                   any_value(value) AS target, any_value(value_text) AS target_text,
                   count(*) > 1 OR bool_or(conflict) AS target_conflict
            FROM facts WHERE is_target GROUP BY ALL
        )
        SELECT v.local_authority, v.indicator, v.reporting_basis, v.section, v.period,
               {period_start_sql('v.period')} AS period_start,
               v.value, v.value_text, t.target, t.target_text, v.unit,
               v.occurrences, v.conflict OR coalesce(t.target_conflict, false) AS conflict,
               v.document_ids, v.document_id
        FROM facts v
        LEFT JOIN targets t
               ON t.local_authority IS NOT DISTINCT FROM v.local_authority AND t.indicator_key = v.indicator_key
              AND t.basis_key = v.basis_key AND t.period = v.period
        WHERE NOT v.is_target
    """,
    # Who attended which meeting, one printing of each set of minutes.
    "member_attendance": f"""
        WITH meetings_once AS ({_MEETING_COPIES})
        SELECT a.name, a.title, a.role, a.present, a.substitute_for, a.position,
               m.local_authority, m.council, m.committee,
               m.meeting_date, a.document_id, a.page, a.line
        FROM meeting_attendance a JOIN meetings_once m USING (document_id)
        WHERE m.copy = 1
    """,
    # What each member declared, at which meeting.
    "member_declarations": f"""
        WITH meetings_once AS ({_MEETING_COPIES})
        SELECT d.name, d.title, d.interest, d.item_number,
               m.local_authority, m.council, m.committee,
               m.meeting_date, d.document_id, d.page, d.line
        FROM declarations d JOIN meetings_once m USING (document_id)
        WHERE m.copy = 1
    """,
    # How often each member attended the meetings of each committee they were listed for (issue 15).
    "member_attendance_rate": f"""
        WITH meetings_once AS ({_MEETING_COPIES}),
        listed AS (
            SELECT m.local_authority, m.committee, a.member_key, m.document_id, m.meeting_date,
                   bool_or(a.present) AS attended, bool_or(a.present AND a.mode = 'virtual') AS virtual,
                   any_value(a.title || ' ' || a.name) AS printed
            FROM meeting_attendance a JOIN meetings_once m USING (document_id)
            WHERE m.copy = 1 AND a.kind = 'person' AND a.member_key IS NOT NULL
              AND a.role IN ('member', 'chair', 'vice_chair')
            GROUP BY ALL
        )
        SELECT local_authority, committee, member_key, any_value(printed) AS name_as_printed,
               count(*) AS meetings_listed, count(*) FILTER (WHERE attended) AS meetings_attended,
               count(*) FILTER (WHERE virtual) AS meetings_attended_virtually,
               round(count(*) FILTER (WHERE attended) / count(*), 3) AS attendance_rate,
               min(meeting_date) AS first_meeting, max(meeting_date) AS last_meeting
        FROM listed GROUP BY local_authority, committee, member_key
    """,
    # One row per metric and month, read from the latest dashboard that printed that month.
    # How each document was typed and how sure that is: the ones to check first sort first.
    "document_typing": """
        SELECT d.document_id, s.file_name, d.page_start, d.page_end, d.doc_type, d.status,
               d.typing_confidence, d.typing_score, array_to_string(d.typing_cues, ', ') AS typing_cues, d.title
        FROM documents d LEFT JOIN sources s USING (source_id)
        ORDER BY CASE d.typing_confidence WHEN 'low' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
                 s.file_name, d.page_start
    """,

    "aip_metric_series": """
        SELECT * EXCLUDE (latest) FROM (
            SELECT a.priority, a.metric, a.month, a.target, a.actual, a.unit, a.target_text, a.actual_text,
                   a.actual - a.target AS actual_minus_target,
                   d.local_authority, d.document_date AS dashboard_date,
                   count(*) OVER w AS printings,
                   a.document_id, a.page, a.line,
                   row_number() OVER (w ORDER BY d.document_date DESC NULLS LAST, a.document_id DESC) AS latest
            FROM aip_metrics a LEFT JOIN documents d USING (document_id)
            WINDOW w AS (PARTITION BY d.local_authority,
                                      lower(regexp_replace(trim(a.metric), '\\s+', ' ', 'g')), a.month)
        ) WHERE latest = 1
    """,
}


def create_views(con, temporary: bool = False) -> None:
    """Create (or replace) every analyst view on a DuckDB connection to the warehouse.

    `temporary=True` makes them for this connection only, which also works on a
    read-only connection: readers use it so the views always match this code,
    whatever version of them the file holds.
    """
    kind = "TEMP VIEW" if temporary else "VIEW"
    for name, sql in VIEWS.items():
        con.execute(f'CREATE OR REPLACE {kind} "{name}" AS {sql}')
