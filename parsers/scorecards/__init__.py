"""Parts of the scorecard parser; `parsers/scorecard.py` is the entry point.

  figures      value tokens (`49.1 %`, `£2,786`, `?`) and units
  columns      table headers -> period columns (`2016/17`, `Target 2016/17`, `Q3 (2014/15)`)
  rows         a row's anchor: its reporting basis and figures, its indicator, its comment
  text_layout  text extractions: rows and headers in reading order (headers printed after rows)
  text_columns layout-preserving texts whose header labels its columns: read as a PDF, x = character offset
  tables       which table, and so which columns, each row of a group belongs to
  pdf_layout   PDFs: words regrouped into lines, figures placed in columns by x-position
  header_cells PDFs: what each header cell holds (period, target, comparator, RAG, ref …) and its reach
  marks        a row's ref, polarity, RAG and direction of travel, as printed
  values       placed rows -> ScorecardValue records, comparators from comments
  risks        risk register rows and ratings quoted in prose
  commentary   numbered commentary paragraphs and the figures they quote
"""
