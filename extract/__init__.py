"""extract: PDF papers of English councils' children's services into a DuckDB warehouse.

Layers, each a sub-package:
  reading    file -> Source (pages of positioned lines), page furniture removed
  splitting  Source -> Documents (page/line ranges), each classified
  ../parsers Document -> records (pure functions, one per document type)
  warehouse  records -> DuckDB, with provenance; dedupe of reprinted scorecards
  golden     the regression harness against hand-checked expected records
"""

__version__ = "0.1.0"
