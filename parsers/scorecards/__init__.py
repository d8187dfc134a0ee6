"""Parts of the scorecard parser; `parsers/scorecard.py` is the entry point.

  figures     value tokens (`49.1 %`, `£2,786`, `?`) and units
  columns     table headers -> period columns
  rows        a scorecard table's lines -> indicator rows (text order)
  layout      PDF words -> rows placed in header columns by x-position
  tables      rows + headers -> ScorecardValue records
  risks       risk register rows and ratings quoted in prose
  commentary  numbered commentary paragraphs
"""
